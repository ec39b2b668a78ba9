//! What `warrant check` reports about a loaded map: counts, and every problem a map can live
//! with but a student should fix (quotes that no longer match their article, altered articles).

use crate::anchor::{CharIndex, Located, locate_in};
use crate::model::{Map, text_sha256};
use serde::Serialize;

/// The kinds of problem, as named in `--json` output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProblemKind {
    /// A source's text is not the text its hash was taken of: it was altered.
    SourceHashMismatch,
    /// A source has no text.
    EmptySource,
    /// A quote's offsets no longer hold its text, which is found elsewhere.
    QuoteMoved,
    /// A quote's text occurs several times and its context cannot tell which.
    QuoteAmbiguous,
    /// A quote's text is not in its source.
    QuoteNotFound,
}

/// One problem, about one item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub kind: ProblemKind,
    /// The id of the source or quote concerned.
    pub item: String,
    pub message: String,
}

/// What a map holds, in numbers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub claims: usize,
    pub quotes: usize,
    pub links: usize,
    pub supports: usize,
    pub opposes: usize,
    pub contradicts: usize,
    pub sources: usize,
    pub actors: usize,
}

impl Summary {
    pub fn of(map: &Map) -> Self {
        let (supports, opposes, contradicts) = map.link_counts();
        Self {
            claims: map.claims.len(),
            quotes: map.quotes.len(),
            links: map.links.len(),
            supports,
            opposes,
            contradicts,
            sources: map.sources.len(),
            actors: map.actors.len(),
        }
    }
}

fn excerpt(s: &str) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() > 60 {
        format!("“{}…”", flat.chars().take(59).collect::<String>())
    } else {
        format!("“{flat}”")
    }
}

/// Every problem in `map`: sources against their hashes, quotes against their sources.
pub fn problems(map: &Map) -> Vec<Problem> {
    let mut out = Vec::new();
    for source in &map.sources {
        if source.text.trim().is_empty() {
            out.push(Problem {
                kind: ProblemKind::EmptySource,
                item: source.id.0.clone(),
                message: format!("source {} (“{}”) has no text", source.id, source.title),
            });
        } else if text_sha256(&source.text) != source.sha256.to_ascii_lowercase() {
            out.push(Problem {
                kind: ProblemKind::SourceHashMismatch,
                item: source.id.0.clone(),
                message: format!(
                    "source {} (“{}”): its text does not match its recorded SHA-256; the article was altered after import",
                    source.id, source.title
                ),
            });
        }
    }
    let indexes: Vec<(&str, CharIndex<'_>)> = map
        .sources
        .iter()
        .map(|s| (s.id.as_str(), CharIndex::new(&s.text)))
        .collect();
    for quote in &map.quotes {
        let Some((_, idx)) = indexes.iter().find(|(id, _)| *id == quote.source.as_str()) else {
            continue; // integrity check refuses such maps on load
        };
        let a = &quote.anchor;
        let at = if a.end > idx.len_chars() || a.start > a.end {
            format!(
                "its offsets {}..{} lie outside the text ({} characters)",
                a.start,
                a.end,
                idx.len_chars()
            )
        } else {
            format!("the text at {}..{} is not its exact text", a.start, a.end)
        };
        let (kind, message) = match locate_in(idx, a) {
            Located::Exact => continue,
            Located::Moved { start, end } => (
                ProblemKind::QuoteMoved,
                format!(
                    "quote {} {}: {at}; it is found at {start}..{end}",
                    quote.id,
                    excerpt(&a.exact)
                ),
            ),
            Located::Ambiguous { count } => (
                ProblemKind::QuoteAmbiguous,
                format!(
                    "quote {} {}: {at}; it occurs {count} times elsewhere and its context does not tell which is meant",
                    quote.id,
                    excerpt(&a.exact)
                ),
            ),
            Located::NotFound => (
                ProblemKind::QuoteNotFound,
                format!(
                    "quote {} {}: {at}, and it is nowhere in source {}",
                    quote.id,
                    excerpt(&a.exact),
                    quote.source
                ),
            ),
        };
        out.push(Problem {
            kind,
            item: quote.id.0.clone(),
            message,
        });
    }
    out
}
