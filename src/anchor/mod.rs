//! Quotes against their sources: make an anchor from a range, check it, find it again.
//!
//! Anchors follow the W3C Web Annotation model: a position (char offsets) and the exact text
//! with up to [`CONTEXT_CHARS`] chars of prefix and suffix. The position is a fast path; the
//! text is the truth. When the position no longer holds the exact text, the text is searched
//! for, ignoring differences in whitespace, and the context decides between repeats. A quote
//! whose text is gone is reported as not found — never attached to some other passage.

mod chars;
mod reflow;

pub use chars::{CharIndex, char_slice, clamp_range};
pub use reflow::Reflow;

use crate::model::TextAnchor;
use thiserror::Error;

/// How many chars of context an anchor keeps on each side.
pub const CONTEXT_CHARS: usize = 32;

/// Why a range cannot become a quote.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum RangeError {
    #[error("the selection {start}..{end} is empty")]
    Empty { start: usize, end: usize },
    #[error("the selection {start}..{end} runs backwards")]
    Reversed { start: usize, end: usize },
    #[error("the selection {start}..{end} lies outside the text, which has {len} characters")]
    OutOfRange {
        start: usize,
        end: usize,
        len: usize,
    },
    #[error("the selection holds only white space")]
    Blank,
}

/// An anchor for chars `start..end` of `text`.
pub fn anchor_from_range(text: &str, start: usize, end: usize) -> Result<TextAnchor, RangeError> {
    let idx = CharIndex::new(text);
    anchor_from_range_in(&idx, start, end)
}

/// [`anchor_from_range`] with a prepared index (for many quotes of one text).
pub fn anchor_from_range_in(
    idx: &CharIndex<'_>,
    start: usize,
    end: usize,
) -> Result<TextAnchor, RangeError> {
    if start > end {
        return Err(RangeError::Reversed { start, end });
    }
    if start == end {
        return Err(RangeError::Empty { start, end });
    }
    let len = idx.len_chars();
    let exact = idx
        .slice(start, end)
        .ok_or(RangeError::OutOfRange { start, end, len })?;
    if exact.trim().is_empty() {
        return Err(RangeError::Blank);
    }
    let prefix = idx
        .slice(start.saturating_sub(CONTEXT_CHARS), start)
        .unwrap_or_default();
    let suffix = idx
        .slice(end, (end + CONTEXT_CHARS).min(len))
        .unwrap_or_default();
    Ok(TextAnchor {
        start,
        end,
        exact: exact.to_owned(),
        prefix: prefix.to_owned(),
        suffix: suffix.to_owned(),
    })
}

/// Widens `start..end` to whole words: a quote that starts or ends mid-word (a sloppy drag)
/// takes the rest of the word. Spaces and punctuation at either edge that are not part of the
/// passage are dropped first (". Many officials" is "Many officials"); a quotation mark or
/// bracket whose partner is selected stays, and so does the full stop that ends a sentence.
/// Offsets are chars.
pub fn snap_to_words(text: &str, start: usize, end: usize) -> (usize, usize) {
    let idx = CharIndex::new(text);
    let is_word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '\'' || c == '’');
    let at = |n: usize| idx.slice(n, n + 1).and_then(|s| s.chars().next());
    let (mut s, mut e) = (start.min(end), end.max(start).min(idx.len_chars()));
    if s >= e {
        return (s, e);
    }
    let selected: Vec<char> = idx
        .slice(s, e)
        .map(|t| t.chars().collect())
        .unwrap_or_default();
    let (i, j) = trim_edges(&selected);
    (s, e) = (s + i, s + j);
    if s >= e {
        return (s, s);
    }
    // Only widen when the selection edge cuts a word, not when it merely touches one.
    if s > 0 && is_word(at(s)) && is_word(at(s - 1)) {
        while s > 0 && is_word(at(s - 1)) {
            s -= 1;
        }
    }
    if e < idx.len_chars() && is_word(at(e - 1)) && is_word(at(e)) {
        while e < idx.len_chars() && is_word(at(e)) {
            e += 1;
        }
    }
    (s, e)
}

/// The closing partner of an opening quotation mark or bracket.
fn closer_of(open: char) -> Option<char> {
    Some(match open {
        '“' => '”',
        '‘' => '’',
        '«' => '»',
        '‹' => '›',
        '(' => ')',
        '[' => ']',
        '{' => '}',
        '"' => '"',
        _ => return None,
    })
}

/// The opening partner of a closing quotation mark or bracket.
fn opener_of(close: char) -> Option<char> {
    Some(match close {
        '”' => '“',
        '’' => '‘',
        '»' => '«',
        '›' => '‹',
        ')' => '(',
        ']' => '[',
        '}' => '{',
        '"' => '"',
        _ => return None,
    })
}

/// The part `i..j` of selected chars `c` left when edge spaces and stray punctuation are dropped.
fn trim_edges(c: &[char]) -> (usize, usize) {
    let (mut i, mut j) = (0, c.len());
    let loose = |ch: char| ch.is_whitespace() || ".,;:!?…—–-".contains(ch);
    while i < j {
        let first = c[i];
        let paired = |close: char| c[i + 1..j].contains(&close);
        let stray = match closer_of(first) {
            Some(close) => !paired(close),
            None => loose(first) || opener_of(first).is_some(),
        };
        if !stray {
            break;
        }
        i += 1;
    }
    while i < j {
        let last = c[j - 1];
        let before = (j >= 2 + i).then(|| c[j - 2]);
        let after_word = before.is_some_and(char::is_alphanumeric);
        let stray = if let Some(open) = opener_of(last) {
            // An apostrophe after a letter ends a word ("the students’"), not a quotation.
            let apostrophe = matches!(last, '’' | '\'') && after_word;
            !apostrophe && !c[i..j - 1].contains(&open)
        } else if ".!?…".contains(last) {
            // A sentence's own full stop stays; one after a space or a comma does not.
            !before.is_some_and(|b| b.is_alphanumeric() || opener_of(b).is_some() || b == '%')
        } else {
            loose(last) || closer_of(last).is_some() || last == '\''
        };
        if !stray {
            break;
        }
        j -= 1;
    }
    (i, j)
}

/// Where a quote's text is in its source now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Located {
    /// The exact text is at the anchor's offsets.
    Exact,
    /// The text is found (ignoring whitespace differences) at other offsets.
    Moved { start: usize, end: usize },
    /// The text occurs more than once and its context does not say which is meant.
    Ambiguous { count: usize },
    /// The text is not in the source.
    NotFound,
}

/// Finds `anchor` in `text`: at its offsets, or again by its exact text and context.
pub fn locate(text: &str, anchor: &TextAnchor) -> Located {
    locate_in(&CharIndex::new(text), anchor)
}

/// [`locate`] with a prepared index.
pub fn locate_in(idx: &CharIndex<'_>, anchor: &TextAnchor) -> Located {
    if idx.slice(anchor.start, anchor.end) == Some(anchor.exact.as_str()) {
        return Located::Exact;
    }
    let whole = idx.slice(0, idx.len_chars()).unwrap_or_default();
    find_again(&Normalized::new(whole), anchor)
}

/// [`locate`] with a prepared index and whitespace-collapsed copy of the text (made by `hay`
/// only if the quote is not at its offsets): for many quotes of one text, which would otherwise
/// each copy the whole text.
pub fn locate_prepared<'h>(
    idx: &CharIndex<'_>,
    hay: impl FnOnce() -> &'h Normalized,
    anchor: &TextAnchor,
) -> Located {
    if idx.slice(anchor.start, anchor.end) == Some(anchor.exact.as_str()) {
        return Located::Exact;
    }
    find_again(hay(), anchor)
}

/// Text with each run of whitespace collapsed to one space, remembering where each char came from.
pub struct Normalized {
    text: String,
    /// For each char of `text` (by byte offset), the char offset in the original.
    origin: Vec<(usize, usize)>,
}

impl Normalized {
    /// Collapses the whitespace of `original`.
    pub fn new(original: &str) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len());
        let mut in_space = false;
        for (i, ch) in original.chars().enumerate() {
            if ch.is_whitespace() {
                if !in_space {
                    origin.push((text.len(), i));
                    text.push(' ');
                }
                in_space = true;
            } else {
                origin.push((text.len(), i));
                text.push(ch);
                in_space = false;
            }
        }
        Self { text, origin }
    }

    /// The text, whitespace collapsed.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The char index in [`text`](Self::text) of its byte `b`.
    pub fn char_index(&self, b: usize) -> usize {
        self.origin.partition_point(|&(nb, _)| nb < b)
    }

    /// Where `needle` occurs in the text (as a char index), if it occurs exactly once
    /// (overlapping occurrences count).
    pub fn find_unique(&self, needle: &str) -> Option<usize> {
        if needle.is_empty() {
            return None;
        }
        let first = memchr::memmem::find(self.text.as_bytes(), needle.as_bytes())?;
        memchr::memmem::find(&self.text.as_bytes()[first + 1..], needle.as_bytes())
            .is_none()
            .then(|| self.char_index(first))
    }

    /// The original char offset of the char at normalized byte `b`.
    fn orig_char(&self, b: usize) -> usize {
        let i = self.origin.partition_point(|&(nb, _)| nb < b);
        self.origin.get(i).map_or(usize::MAX, |&(_, c)| c)
    }
}

/// How many chars at the end of `a` equal those at the end of `b`.
fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// The last `n` chars of `s`.
fn last_chars(s: &str, n: usize) -> &str {
    s.char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(s, |(b, _)| &s[b..])
}

/// The first `n` chars of `s`.
fn first_chars(s: &str, n: usize) -> &str {
    s.char_indices().nth(n).map_or(s, |(b, _)| &s[..b])
}

fn find_again(hay: &Normalized, anchor: &TextAnchor) -> Located {
    let needle = crate::text::flatten_ws(&anchor.exact);
    if needle.is_empty() {
        return Located::NotFound;
    }
    // Anchors keep CONTEXT_CHARS of context; a map with more (made by hand, or to be slow) is
    // judged on that much, so scoring each occurrence stays cheap.
    let prefix = crate::text::flatten_ws(last_chars(&anchor.prefix, 2 * CONTEXT_CHARS));
    let suffix = crate::text::flatten_ws(first_chars(&anchor.suffix, 2 * CONTEXT_CHARS));
    // Score each occurrence by how much of the remembered context agrees with it.
    // memchr's SIMD search: every quote not at its offsets reads the whole text once, and a map
    // may hold thousands of them (str::match_indices is several times slower on long needles).
    let m = needle.len();
    let mut candidates: Vec<(usize, usize, usize)> =
        memchr::memmem::find_iter(hay.text.as_bytes(), needle.as_bytes())
            .map(|b| {
                let before = hay.text[..b].trim_end();
                let after = hay.text[b + m..].trim_start();
                let score = common_suffix(before, &prefix) + common_prefix(after, &suffix);
                (score, b, b + m)
            })
            .collect();
    let count = candidates.len();
    if count == 0 {
        return Located::NotFound;
    }
    candidates.sort_by_key(|c| std::cmp::Reverse(c.0));
    let best = candidates[0].0;
    let tied: Vec<_> = candidates.iter().filter(|c| c.0 == best).collect();
    if tied.len() > 1 && best == 0 {
        return Located::Ambiguous { count };
    }
    // Same context either side: the passages are identical; the old offset is the best guide.
    let Some(&&(_, b_start, b_end)) = tied.iter().min_by_key(|c| {
        let start = hay.orig_char(c.1);
        start.abs_diff(anchor.start)
    }) else {
        return Located::NotFound;
    };
    let start = hay.orig_char(b_start);
    // The end is one past the original position of the last matched char.
    let last = hay.text[..b_end]
        .char_indices()
        .next_back()
        .map_or(0, |(b, _)| b);
    let end = hay.orig_char(last) + 1;
    Located::Moved { start, end }
}

#[cfg(test)]
mod tests;
