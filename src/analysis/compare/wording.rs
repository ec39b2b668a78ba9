//! How alike two claims are in wording, for matching a student's claim to the reference's when
//! they share no quote.
//!
//! A claim becomes a set of terms: words lowercased, stop words dropped, names of the field that
//! mean the same thing made one ("the Kremlin", "Moscow" → `russia`; "the alliance" → `nato`),
//! then reduced to their Snowball stem ("expanding", "expansion" → `expans`). Two claims are
//! compared by the cosine of their term sets, each term weighted by how rare it is among all the
//! claims compared (a word every claim uses, such as `nato` in a map about NATO, says little).

use rust_stemmers::{Algorithm, Stemmer};
use std::collections::{HashMap, HashSet};

/// Words that carry no content of their own.
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "cannot",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "even",
    "ever",
    "every",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "him",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "least",
    "less",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "same",
    "shall",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "yet",
    "you",
    "your",
    "its",
    "s",
    "t",
    "yes",
    "never",
    "nothing",
    "already",
    "still",
    "really",
    "rather",
    "quite",
    "without",
    "within",
    "though",
    "although",
    "however",
    "thus",
    "therefore",
    "instead",
    "way",
    "ways",
    "make",
    "makes",
    "made",
    "get",
    "gets",
    "got",
    "say",
    "says",
    "said",
    "thing",
    "things",
    "many",
    "long",
    "new",
    "now",
];

/// Names and words of the field (Russia, NATO and European security) that mean the same thing,
/// longest first within each entry. Each phrase becomes the term on the left (not stemmed).
const SYNONYMS: &[(&str, &[&str])] = &[
    (
        "nato",
        &[
            "north atlantic treaty organization",
            "north atlantic treaty organisation",
            "north atlantic alliance",
            "atlantic alliance",
            "the alliance",
            "nato",
            "alliance",
            "bloc",
        ],
    ),
    (
        "russia",
        &[
            "russian federation",
            "the kremlin",
            "kremlin",
            "moscow",
            "russia",
            "russian",
            "russians",
        ],
    ),
    (
        "usa",
        &[
            "united states of america",
            "united states",
            "washington",
            "america",
            "american",
            "americans",
            "usa",
            "u s",
        ],
    ),
    ("west", &["western", "the west", "west"]),
    ("eu", &["european union", "eu"]),
    ("europe", &["europe", "european", "europeans"]),
    (
        "negotiate",
        &[
            "negotiations",
            "negotiation",
            "negotiate",
            "negotiating",
            "talks",
            "dialogue",
        ],
    ),
    (
        "osce",
        &[
            "organization for security and co operation in europe",
            "organization for security and cooperation in europe",
            "osce",
        ],
    ),
    ("ussr", &["soviet union", "ussr", "soviet"]),
    ("ukraine", &["ukraine", "ukrainian", "kyiv", "kiev"]),
    (
        "enlarge",
        &[
            "enlargement",
            "enlarging",
            "enlarged",
            "enlarge",
            "expansion",
            "expanding",
            "expanded",
            "expand",
            "expands",
            "widening",
            "extension",
        ],
    ),
    (
        "treaty",
        &[
            "treaty",
            "treaties",
            "agreement",
            "agreements",
            "accord",
            "pact",
        ],
    ),
    (
        "member",
        &[
            "membership",
            "member",
            "members",
            "join",
            "joining",
            "joins",
            "accession",
            "enter",
            "entering",
            "entry",
        ],
    ),
    (
        "threat",
        &[
            "threat",
            "threats",
            "threaten",
            "threatens",
            "danger",
            "dangerous",
            "menace",
        ],
    ),
    ("war", &["war", "wars", "warfare", "military conflict"]),
    ("nuclear", &["nuclear", "atomic"]),
];

/// Turns claim texts into weighted terms and compares them.
pub struct Wording {
    stemmer: Stemmer,
    /// Every synonym phrase as words, with its term; longest phrases first.
    phrases: Vec<(Vec<&'static str>, &'static str)>,
    stop: HashSet<&'static str>,
}

impl Default for Wording {
    fn default() -> Self {
        let mut phrases: Vec<(Vec<&'static str>, &'static str)> = SYNONYMS
            .iter()
            .flat_map(|(term, ps)| ps.iter().map(|p| (p.split(' ').collect(), *term)))
            .collect();
        phrases.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
        Self {
            stemmer: Stemmer::create(Algorithm::English),
            phrases,
            stop: STOP_WORDS.iter().copied().collect(),
        }
    }
}

/// How many chars of a claim are read: enough for any real claim, bounded for a hostile file.
const MAX_CLAIM_CHARS: usize = 2_000;

impl Wording {
    /// The terms of `text`: field synonyms made one, stop words dropped, the rest stemmed;
    /// each term once.
    pub fn terms(&self, text: &str) -> Vec<String> {
        let lower: String = text
            .chars()
            .take(MAX_CLAIM_CHARS)
            .flat_map(char::to_lowercase)
            .map(|c| if c.is_alphanumeric() { c } else { ' ' })
            .collect();
        let words: Vec<&str> = lower.split_whitespace().collect();
        let mut out: Vec<String> = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let phrase = self
                .phrases
                .iter()
                .find(|(p, _)| words.get(i..i + p.len()) == Some(p.as_slice()));
            if let Some((p, term)) = phrase {
                out.push((*term).to_owned());
                i += p.len();
                continue;
            }
            let w = words[i];
            i += 1;
            if self.stop.contains(w) || w.chars().count() < 2 {
                continue;
            }
            out.push(self.stemmer.stem(w).into_owned());
        }
        out.sort();
        out.dedup();
        out
    }
}

/// A term this long that begins another is taken for the same word.
const PREFIX_MIN: usize = 5;

/// Makes one term of the forms the stemmer leaves apart ("militari" and "militarili" for
/// military and militarily, "ambit" and "ambiti" for ambition and ambitious): a term is replaced
/// by the shortest term of at least [`PREFIX_MIN`] chars it begins with.
fn join_word_forms(terms: &mut [Vec<String>]) {
    let mut all: Vec<&str> = terms.iter().flatten().map(String::as_str).collect();
    all.sort_unstable();
    all.dedup();
    // Sorted, a term comes right after every term it begins with: keep a stack of the prefixes
    // still open.
    let mut canon: HashMap<String, String> = HashMap::new();
    let mut open: Vec<&str> = Vec::new();
    for t in all {
        while open.last().is_some_and(|p| !t.starts_with(p)) {
            open.pop();
        }
        if let Some(root) = open.first() {
            canon.insert(t.to_owned(), (*root).to_owned());
        } else if t.chars().count() >= PREFIX_MIN {
            open.push(t);
        }
    }
    for ts in terms.iter_mut() {
        for t in ts.iter_mut() {
            if let Some(c) = canon.get(t.as_str()) {
                t.clone_from(c);
            }
        }
        ts.sort();
        ts.dedup();
    }
}

/// Claims as weighted term sets, to compare any two of them.
pub struct TermIndex {
    /// The terms of each text, in the order given.
    terms: Vec<Vec<String>>,
    /// Each term's weight: the log of how rare it is among the texts.
    idf: HashMap<String, f64>,
}

/// How alike two claims' wordings are.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Likeness {
    /// Cosine of the weighted term sets, from 0 (nothing shared) to 1 (the same terms).
    pub cosine: f64,
    /// How many terms the two share.
    pub shared: usize,
}

impl TermIndex {
    /// Indexes `texts` (all the claims of both maps: rarity is counted over them all).
    pub fn new<'a>(wording: &Wording, texts: impl IntoIterator<Item = &'a str>) -> Self {
        let mut terms: Vec<Vec<String>> = texts.into_iter().map(|t| wording.terms(t)).collect();
        join_word_forms(&mut terms);
        let mut df: HashMap<&str, usize> = HashMap::new();
        for ts in &terms {
            for t in ts {
                *df.entry(t.as_str()).or_default() += 1;
            }
        }
        let n = terms.len() as f64;
        let idf = df
            .into_iter()
            .map(|(t, d)| (t.to_owned(), (1.0 + n / d as f64).ln()))
            .collect();
        Self { terms, idf }
    }

    /// The terms of text `i`.
    pub fn terms(&self, i: usize) -> &[String] {
        self.terms.get(i).map_or(&[], Vec::as_slice)
    }

    fn norm(&self, i: usize) -> f64 {
        self.terms(i)
            .iter()
            .map(|t| self.idf.get(t).copied().unwrap_or(0.0).powi(2))
            .sum::<f64>()
            .sqrt()
    }

    /// How alike texts `a` and `b` are.
    pub fn likeness(&self, a: usize, b: usize) -> Likeness {
        let (ta, tb) = (self.terms(a), self.terms(b));
        let mut dot = 0.0;
        let mut shared = 0;
        // Both lists are sorted: walk them together.
        let (mut i, mut j) = (0, 0);
        while i < ta.len() && j < tb.len() {
            match ta[i].cmp(&tb[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    dot += self.idf.get(&ta[i]).copied().unwrap_or(0.0).powi(2);
                    shared += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        let norms = self.norm(a) * self.norm(b);
        Likeness {
            cosine: if norms > 0.0 { dot / norms } else { 0.0 },
            shared,
        }
    }

    /// For each text in `a`, the texts in `b` that share at least one term with it.
    pub fn sharing(
        &self,
        a: std::ops::Range<usize>,
        b: std::ops::Range<usize>,
    ) -> Vec<(usize, usize)> {
        let mut by_term: HashMap<&str, Vec<usize>> = HashMap::new();
        for j in b {
            for t in self.terms(j) {
                by_term.entry(t.as_str()).or_default().push(j);
            }
        }
        let mut pairs = Vec::new();
        for i in a {
            let mut seen = HashSet::new();
            for t in self.terms(i) {
                for &j in by_term.get(t.as_str()).map_or(&[][..], Vec::as_slice) {
                    if seen.insert(j) {
                        pairs.push((i, j));
                    }
                }
            }
        }
        pairs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_of_the_field_become_one_term() {
        let w = Wording::default();
        assert_eq!(
            w.terms("The Kremlin fears the Alliance"),
            ["fear", "nato", "russia"]
        );
        assert_eq!(
            w.terms("Moscow distrusts the North Atlantic Treaty Organization"),
            ["distrust", "nato", "russia"]
        );
        assert_eq!(
            w.terms("NATO's eastward expansion"),
            w.terms("eastward enlargement of NATO")
        );
    }

    #[test]
    fn stop_words_go_and_words_are_stemmed() {
        let w = Wording::default();
        assert_eq!(
            w.terms("It is the weakening of the economies"),
            ["economi", "weaken"]
        );
        assert!(w.terms("and the of to it").is_empty());
    }

    #[test]
    fn rare_shared_words_weigh_more_than_common_ones() {
        let w = Wording::default();
        let texts = [
            "NATO enlargement isolates Russia",
            "Russia will be isolated by NATO's expansion",
            "NATO threatens Russia",
            "NATO is a relic",
        ];
        let idx = TermIndex::new(&w, texts);
        let alike = idx.likeness(0, 1);
        let unlike = idx.likeness(0, 2);
        assert_eq!(alike.shared, 4);
        assert!((alike.cosine - 1.0).abs() < 1e-9, "{alike:?}");
        assert!(unlike.cosine < 0.5 * alike.cosine, "{unlike:?}");
        assert_eq!(idx.likeness(3, 3).shared, 2);
        let pairs = idx.sharing(0..1, 2..4);
        assert_eq!(pairs, [(0, 2), (0, 3)]);
    }

    #[test]
    fn word_forms_the_stemmer_leaves_apart_are_joined() {
        let w = Wording::default();
        let idx = TermIndex::new(
            &w,
            ["a military answer", "answering militarily", "a milestone"],
        );
        assert_eq!(idx.terms(0), idx.terms(1));
        assert_eq!(idx.likeness(0, 1).shared, 2);
        assert_eq!(idx.likeness(0, 2).shared, 0);
    }
}
