//! Coverage: which parts of each article the map quotes, and what share of the text that is.

use super::integrity::{QuoteCheck, quote_integrity};
use crate::model::{Map, SourceId};
use serde::Serialize;

/// How much of one source the map quotes.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SourceCoverage {
    pub source: SourceId,
    /// Quoted char ranges (`start..end`), sorted, overlapping and touching ones merged: for a
    /// margin strip beside the article. Quotes that cannot be located are left out.
    pub ranges: Vec<(usize, usize)>,
    /// Non-whitespace chars inside `ranges`.
    pub quoted_chars: usize,
    /// Non-whitespace chars in the whole text.
    pub total_chars: usize,
    /// `quoted_chars` as a percentage of `total_chars` (0 for an empty text).
    pub percent: f64,
}

/// Sorts and merges ranges that overlap or touch.
fn merge(mut ranges: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    ranges.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (start, end) in ranges {
        match out.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => out.push((start, end)),
        }
    }
    out
}

/// Coverage of every source of `map`, in map order (locates the quotes first).
pub fn coverage(map: &Map) -> Vec<SourceCoverage> {
    coverage_from(map, &quote_integrity(map))
}

/// Coverage of every source, from quotes already located by [`quote_integrity`].
pub fn coverage_from(map: &Map, checks: &[QuoteCheck]) -> Vec<SourceCoverage> {
    map.sources
        .iter()
        .map(|source| {
            let spans = map
                .quotes
                .iter()
                .zip(checks)
                .filter(|(q, _)| q.source == source.id)
                .filter_map(|(q, c)| c.status.span(&q.anchor))
                .filter(|(s, e)| s < e)
                .collect();
            let ranges = merge(spans);
            // Non-whitespace chars before each char offset, so a range counts in O(1).
            let mut before = Vec::with_capacity(source.text.len() + 1);
            before.push(0usize);
            let mut count = 0;
            for ch in source.text.chars() {
                count += usize::from(!ch.is_whitespace());
                before.push(count);
            }
            let at = |i: usize| before[i.min(before.len() - 1)];
            let quoted_chars = ranges.iter().map(|&(s, e)| at(e) - at(s)).sum();
            SourceCoverage {
                source: source.id.clone(),
                ranges,
                quoted_chars,
                total_chars: count,
                percent: if count == 0 {
                    0.0
                } else {
                    100.0 * quoted_chars as f64 / count as f64
                },
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::test_map::MapBuilder;

    #[test]
    fn overlapping_quotes_count_once_and_whitespace_not_at_all() {
        let mut b = MapBuilder::new();
        b.quote("aaaa bbbb");
        b.quote("cccc dddd");
        // The article is now "aaaa bbbb\n\ncccc dddd\n\n": 16 non-whitespace chars. Leave the
        // second passage unquoted; quote parts of the first again.
        b.map.quotes.pop();
        b.quote("bbbb");
        b.quote("aaaa");
        let cov = coverage(&b.map);
        assert_eq!(cov.len(), 1);
        assert_eq!(cov[0].ranges, [(0, 9)]);
        assert_eq!((cov[0].quoted_chars, cov[0].total_chars), (8, 16));
        assert!((cov[0].percent - 50.0).abs() < 1e-9);
    }

    #[test]
    fn touching_ranges_merge_and_lost_quotes_cover_nothing() {
        assert_eq!(merge(vec![(5, 9), (0, 5), (12, 14)]), [(0, 9), (12, 14)]);
        let mut b = MapBuilder::new();
        b.quote("NATO is a relic of the Cold War.");
        b.map.sources[0].text = "Something else entirely.".into();
        let cov = coverage(&b.map);
        assert!(cov[0].ranges.is_empty());
        assert_eq!(cov[0].quoted_chars, 0);
    }

    #[test]
    fn an_article_with_no_quotes_is_zero_percent_and_an_empty_one_too() {
        let mut b = MapBuilder::new();
        b.source("Other", "Some unread text.");
        let cov = coverage(&b.map);
        assert_eq!(cov.len(), 2);
        assert_eq!(cov[0].total_chars, 0);
        assert_eq!(cov[1].total_chars, 15);
        assert!(cov.iter().all(|c| c.quoted_chars == 0 && c.percent == 0.0));
    }
}
