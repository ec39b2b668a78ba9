//! Quote integrity: does each quote still say what its article says, and where?
//!
//! First the anchor module's exact find-again (at the offsets, then anywhere, ignoring
//! whitespace, with the context to tell repeats apart); only when the text is nowhere does the
//! approximate search run, first near where the quote should be, then over the whole article.

use super::fuzzy::{Flat, flat_chars, max_edits, search};
use crate::anchor::{CharIndex, Located, locate_in};
use crate::model::{Map, NodeId, SourceId, TextAnchor};
use serde::Serialize;
use std::cell::OnceCell;

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
            QuoteStatus::Ambiguous { .. } | QuoteStatus::Orphaned => None,
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
    flat: OnceCell<Flat>,
    text: &'a str,
}

impl<'a> SourceText<'a> {
    /// Prepares `text`.
    pub fn new(text: &'a str) -> Self {
        Self {
            index: CharIndex::new(text),
            flat: OnceCell::new(),
            text,
        }
    }

    fn flat(&self) -> &Flat {
        self.flat.get_or_init(|| Flat::new(self.text))
    }

    /// Where `anchor`'s passage is in this text.
    pub fn locate(&self, anchor: &TextAnchor) -> QuoteStatus {
        match locate_in(&self.index, anchor) {
            Located::Exact => QuoteStatus::Ok,
            Located::Moved { start, end } => QuoteStatus::Moved { start, end },
            Located::Ambiguous { count } => QuoteStatus::Ambiguous { count },
            Located::NotFound => self.find_changed(anchor),
        }
    }

    /// The flat index where the quote is expected to start: after its prefix or before its
    /// suffix if either occurs once (they survive edits elsewhere), else at its old offset.
    fn expected_start(&self, anchor: &TextAnchor, len: usize) -> usize {
        let flat = self.flat();
        let prefix = flat_chars(&anchor.prefix);
        if let Some(at) = flat.find_unique(&prefix) {
            let after = at + prefix.len();
            return after + usize::from(flat.chars.get(after) == Some(&' '));
        }
        let suffix = flat_chars(&anchor.suffix);
        if let Some(at) = flat.find_unique(&suffix) {
            return at.saturating_sub(len + 1);
        }
        flat.index_of(anchor.start)
    }

    fn find_changed(&self, anchor: &TextAnchor) -> QuoteStatus {
        let needle = flat_chars(&anchor.exact);
        let max = max_edits(needle.len());
        if max == 0 {
            return QuoteStatus::Orphaned;
        }
        let flat = self.flat();
        let near = self.expected_start(anchor, needle.len());
        // Near the expected place first: usually the passage is there, edited, and a close
        // match there settles it without reading the whole article.
        let slack = needle.len() / 4 + max + 32;
        let lo = near.saturating_sub(slack).min(flat.chars.len());
        let hi = (near + needle.len() + slack).min(flat.chars.len());
        let nearby = search(&flat.chars[lo..hi], &needle, max, near.saturating_sub(lo))
            .filter(|h| h.distance <= max / 2)
            .map(|h| (h.start + lo, h.end + lo, h.distance));
        let hit = nearby.or_else(|| {
            search(&flat.chars, &needle, max, near).map(|h| (h.start, h.end, h.distance))
        });
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

/// Every quote of `map`, in map order, with its status.
pub fn quote_integrity(map: &Map) -> Vec<QuoteCheck> {
    let texts: Vec<(&SourceId, SourceText<'_>)> = map
        .sources
        .iter()
        .map(|s| (&s.id, SourceText::new(&s.text)))
        .collect();
    map.quotes
        .iter()
        .map(|q| {
            let status = texts
                .iter()
                .find(|(id, _)| **id == q.source)
                .map_or(QuoteStatus::Orphaned, |(_, t)| t.locate(&q.anchor));
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
