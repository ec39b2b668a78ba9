//! Quote integrity: does each quote still say what its article says, and where?
//!
//! First the anchor module's exact find-again (at the offsets, then anywhere, ignoring
//! whitespace, with the context to tell repeats apart); only when the text is nowhere does the
//! approximate search run, first near where the quote should be, then over the whole article.
//!
//! The approximate search is bounded (a map is untrusted input, and one long quote of a long
//! article could otherwise take minutes): quotes over [`MAX_APPROXIMATE_CHARS`] are not searched
//! for approximately, each search may fill [`QUOTE_CELLS`] cells of its table, and all of a
//! map's searches together [`MAP_CELLS`]. A quote past those limits is reported as
//! [`QuoteStatus::Unsearched`], saying why, rather than as orphaned.

use super::fuzzy::{Budget, Flat, flat_chars, max_edits, search_within};
use crate::anchor::{CharIndex, Located, Normalized, locate_prepared};
use crate::model::{Map, NodeId, SourceId, TextAnchor};
use serde::Serialize;
use std::cell::OnceCell;
use std::collections::HashMap;

/// The longest quote (in chars, whitespace runs counted as one) searched for approximately when
/// its exact text is not in its article: about a page.
pub const MAX_APPROXIMATE_CHARS: usize = 3_000;
/// The table cells one quote's approximate search may fill (about a tenth of a second).
pub const QUOTE_CELLS: u64 = 100_000_000;
/// The table cells all the approximate searches of one map may fill together (about a second).
pub const MAP_CELLS: u64 = 800_000_000;

/// Why a quote was not searched for approximately.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SearchLimit {
    /// The quote is longer than [`MAX_APPROXIMATE_CHARS`].
    QuoteTooLong,
    /// The search would take too long: the quote's own share or the map's was spent.
    TooMuchWork,
}

/// Where a quote stands against its source's text.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum QuoteStatus {
    /// The exact text is at the quote's offsets.
    Ok,
    /// The text (give or take whitespace) is at other offsets.
    Moved { start: usize, end: usize },
    /// A close but not exact passage is at `start..end`: the article or the quote was edited.
    Changed {
        start: usize,
        end: usize,
        /// The passage as the article has it now, to show beside the quote.
        found: String,
        /// Edits (of one char each) between the quote and `found`, whitespace runs counted as one.
        distance: usize,
        /// 1 − distance / length, from 0 to 1.
        similarity: f64,
    },
    /// The exact text occurs several times and nothing tells which is meant.
    Ambiguous { count: usize },
    /// The exact text is not in the source, and the approximate search was not made (or was cut
    /// short) because of `limit`: the quote may be changed or orphaned.
    Unsearched { limit: SearchLimit },
    /// Nothing like the text is in the source (or the source is missing).
    Orphaned,
}

impl QuoteStatus {
    /// The kebab-case name used in reports.
    pub fn name(&self) -> &'static str {
        match self {
            QuoteStatus::Ok => "ok",
            QuoteStatus::Moved { .. } => "moved",
            QuoteStatus::Changed { .. } => "changed",
            QuoteStatus::Ambiguous { .. } => "ambiguous",
            QuoteStatus::Unsearched { .. } => "unsearched",
            QuoteStatus::Orphaned => "orphaned",
        }
    }

    /// Where the quote's passage is now, if it is anywhere: for coverage and comparison.
    pub fn span(&self, anchor: &TextAnchor) -> Option<(usize, usize)> {
        match self {
            QuoteStatus::Ok => Some((anchor.start, anchor.end)),
            QuoteStatus::Moved { start, end } | QuoteStatus::Changed { start, end, .. } => {
                Some((*start, *end))
            }
            QuoteStatus::Ambiguous { .. }
            | QuoteStatus::Unsearched { .. }
            | QuoteStatus::Orphaned => None,
        }
    }
}

/// One quote's status.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuoteCheck {
    pub quote: NodeId,
    pub source: SourceId,
    #[serde(flatten)]
    pub status: QuoteStatus,
}

/// A source text prepared for locating many quotes in it; the flat copy for approximate search
/// is only made if some quote needs it.
pub struct SourceText<'a> {
    index: CharIndex<'a>,
    normalized: OnceCell<Normalized>,
    flat: OnceCell<Flat>,
    text: &'a str,
}

impl<'a> SourceText<'a> {
    /// Prepares `text`.
    pub fn new(text: &'a str) -> Self {
        Self {
            index: CharIndex::new(text),
            normalized: OnceCell::new(),
            flat: OnceCell::new(),
            text,
        }
    }

    fn flat(&self) -> &Flat {
        self.flat.get_or_init(|| Flat::new(self.text))
    }

    /// The text with whitespace collapsed, char for char the same as [`Flat`]'s.
    fn normalized(&self) -> &Normalized {
        self.normalized.get_or_init(|| Normalized::new(self.text))
    }

    /// Where `anchor`'s passage is in this text (with one quote's share of work).
    pub fn locate(&self, anchor: &TextAnchor) -> QuoteStatus {
        self.locate_within(anchor, &mut Budget::new(QUOTE_CELLS))
    }

    /// [`locate`](Self::locate), with the approximate search taking its cells from `budget`
    /// (at most [`QUOTE_CELLS`] of them).
    pub fn locate_within(&self, anchor: &TextAnchor, budget: &mut Budget) -> QuoteStatus {
        match locate_prepared(&self.index, || self.normalized(), anchor) {
            Located::Exact => QuoteStatus::Ok,
            Located::Moved { start, end } => QuoteStatus::Moved { start, end },
            Located::Ambiguous { count } => QuoteStatus::Ambiguous { count },
            Located::NotFound => {
                let mut part = budget.split(QUOTE_CELLS);
                let status = self.find_changed(anchor, &mut part);
                budget.give_back(part);
                status
            }
        }
    }

    /// The flat index where the quote is expected to start: after its prefix or before its
    /// suffix if either occurs once (they survive edits elsewhere), else at its old offset.
    fn expected_start(&self, anchor: &TextAnchor, len: usize) -> usize {
        let flat = self.flat();
        let hay = self.normalized();
        // At most the context an anchor keeps (with room for whitespace), so a map with huge
        // prefixes costs no more; found with a fast substring search, not char by char.
        let context = 2 * crate::anchor::CONTEXT_CHARS;
        let cut = anchor.prefix.char_indices().rev().nth(context - 1);
        let prefix: String =
            flat_chars(cut.map_or(anchor.prefix.as_str(), |(b, _)| &anchor.prefix[b..]))
                .into_iter()
                .collect();
        // Usually the context is still where it was (the quote itself was edited): no search.
        let old = flat.index_of(anchor.start);
        let before = flat.chars[..old.min(flat.chars.len())].strip_suffix(&[' ']);
        let before = before.unwrap_or(&flat.chars[..old.min(flat.chars.len())]);
        let wanted: Vec<char> = prefix.chars().collect();
        if !wanted.is_empty() && before.ends_with(&wanted) {
            return old;
        }
        if let Some(at) = hay.find_unique(&prefix) {
            let after = at + prefix.chars().count();
            return after + usize::from(flat.chars.get(after) == Some(&' '));
        }
        let cut = anchor.suffix.char_indices().nth(context);
        let suffix: String =
            flat_chars(cut.map_or(anchor.suffix.as_str(), |(b, _)| &anchor.suffix[..b]))
                .into_iter()
                .collect();
        if let Some(at) = hay.find_unique(&suffix) {
            return at.saturating_sub(len + 1);
        }
        flat.index_of(anchor.start)
    }

    fn find_changed(&self, anchor: &TextAnchor, budget: &mut Budget) -> QuoteStatus {
        let unsearched = |limit| QuoteStatus::Unsearched { limit };
        let needle = flat_chars(&anchor.exact);
        let max = max_edits(needle.len());
        if max == 0 {
            return QuoteStatus::Orphaned;
        }
        if needle.len() > MAX_APPROXIMATE_CHARS {
            return unsearched(SearchLimit::QuoteTooLong);
        }
        let flat = self.flat();
        // Finding the context reads the text twice, much faster than a table fills: work too.
        if !budget.take(flat.chars.len() as u64 / 16) {
            return unsearched(SearchLimit::TooMuchWork);
        }
        let near = self.expected_start(anchor, needle.len());
        // Near the expected place first: usually the passage is there, edited, and a close
        // match there settles it without reading the whole article.
        let slack = needle.len() / 4 + max + 32;
        let lo = near.saturating_sub(slack).min(flat.chars.len());
        let hi = (near + needle.len() + slack).min(flat.chars.len());
        let Ok(nearby) = search_within(
            &flat.chars[lo..hi],
            &needle,
            max,
            near.saturating_sub(lo),
            budget,
        ) else {
            return unsearched(SearchLimit::TooMuchWork);
        };
        let nearby = nearby.map(|h| (h.start + lo, h.end + lo, h.distance));
        let hit = match nearby {
            Some(h) if h.2 <= max / 2 => Some(h),
            _ => match search_within(&flat.chars, &needle, max, near, budget) {
                Ok(hit) => hit.map(|h| (h.start, h.end, h.distance)),
                // Out of time for the whole article: what was found nearby is still an honest
                // answer (a close passage where the quote was), else say the search was cut.
                Err(_) if nearby.is_some() => nearby,
                Err(_) => return unsearched(SearchLimit::TooMuchWork),
            },
        };
        let Some((start, end, distance)) = hit else {
            return QuoteStatus::Orphaned;
        };
        let Some((start, end)) = flat.original_range(start, end) else {
            return QuoteStatus::Orphaned;
        };
        let found = self.index.slice(start, end).unwrap_or_default().to_owned();
        let longest = needle.len().max(flat_chars(&found).len());
        QuoteStatus::Changed {
            start,
            end,
            found,
            distance,
            similarity: 1.0 - distance as f64 / longest as f64,
        }
    }
}

/// Where `anchor`'s passage is in `text` (for one quote; use [`SourceText`] for many).
pub fn locate_quote(text: &str, anchor: &TextAnchor) -> QuoteStatus {
    SourceText::new(text).locate(anchor)
}

/// Every quote of `map`, in map order, with its status; the approximate searches share
/// [`MAP_CELLS`].
pub fn quote_integrity(map: &Map) -> Vec<QuoteCheck> {
    quote_integrity_within(map, Budget::new(MAP_CELLS))
}

/// [`quote_integrity`], with the approximate searches sharing `budget`.
pub fn quote_integrity_within(map: &Map, mut budget: Budget) -> Vec<QuoteCheck> {
    let texts: HashMap<&SourceId, SourceText<'_>> = map
        .sources
        .iter()
        .map(|s| (&s.id, SourceText::new(&s.text)))
        .collect();
    map.quotes
        .iter()
        .map(|q| {
            let status = texts.get(&q.source).map_or(QuoteStatus::Orphaned, |t| {
                t.locate_within(&q.anchor, &mut budget)
            });
            QuoteCheck {
                quote: q.id.clone(),
                source: q.source.clone(),
                status,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
