//! Maps made to be slow: quotes whose exact text is gone from a long article. The approximate
//! search is bounded; past its bounds a quote is reported honestly as not found exactly (never
//! as orphaned, never as some other passage), and the rest of the map is still checked.

#![allow(clippy::unwrap_used)] // tests: failing loudly is right

use warrant::analysis::fuzzy::Budget;
use warrant::analysis::{QuoteStatus, SearchLimit, quote_integrity, quote_integrity_within};
use warrant::anchor::anchor_from_range;
use warrant::check::{ProblemKind, problems};
use warrant::model::{Map, Point, Quote, Source, TextAnchor};

/// An article of `chars` chars of words from a small vocabulary (deterministic).
fn article(chars: usize) -> String {
    let words = [
        "NATO",
        "Russia",
        "security",
        "bloc",
        "the",
        "of",
        "enlargement",
        "Moscow",
        "relic",
    ];
    let mut state = 2008u64;
    let mut text = String::new();
    while text.len() < chars {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1);
        text.push_str(words[(state >> 33) as usize % words.len()]);
        text.push(' ');
    }
    text
}

/// An anchor for chars `start..end` of `text`, with `typos` chars of its exact text replaced, so
/// it is no longer found exactly.
fn edited_anchor(text: &str, start: usize, end: usize, typos: usize) -> TextAnchor {
    let mut a = anchor_from_range(text, start, end).unwrap();
    let mut chars: Vec<char> = a.exact.chars().collect();
    let step = chars.len() / (typos + 1);
    for i in 1..=typos {
        chars[i * step] = '#';
    }
    a.exact = chars.into_iter().collect();
    a
}

fn map_of(text: &str, anchors: Vec<TextAnchor>) -> Map {
    let mut map = Map::new("hostile");
    let mut source = Source::new("Article", text);
    source.id = "s1".into();
    map.sources.push(source);
    map.quotes = anchors
        .into_iter()
        .enumerate()
        .map(|(i, anchor)| Quote {
            id: format!("q{i}").as_str().into(),
            source: "s1".into(),
            anchor,
            note: String::new(),
            pos: Point::new(0.0, 200.0 * i as f32),
        })
        .collect();
    map
}

#[test]
fn a_very_long_changed_quote_is_reported_as_not_found_exactly() {
    let text = article(60_000);
    let map = map_of(&text, vec![edited_anchor(&text, 10_000, 30_000, 5)]);
    let checks = quote_integrity(&map);
    assert_eq!(
        checks[0].status,
        QuoteStatus::Unsearched {
            limit: SearchLimit::QuoteTooLong
        }
    );
    let found = problems(&map);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].kind, ProblemKind::QuoteNotFoundExactly);
    assert!(
        found[0].message.contains("not")
            && found[0].message.contains("exactly")
            && found[0]
                .message
                .contains("too long to search for approximately"),
        "{}",
        found[0].message
    );
}

#[test]
fn a_quote_just_under_the_length_limit_is_still_searched_for() {
    let text = article(30_000);
    let map = map_of(&text, vec![edited_anchor(&text, 5_000, 7_500, 4)]);
    let QuoteStatus::Changed {
        start, distance, ..
    } = quote_integrity(&map)[0].status
    else {
        panic!("{:?}", quote_integrity(&map)[0].status)
    };
    assert_eq!((start, distance), (5_000, 4));
}

#[test]
fn many_changed_quotes_share_one_budget_and_the_rest_are_not_searched() {
    let text = article(20_000);
    let anchors: Vec<TextAnchor> = (0..40)
        .map(|i| edited_anchor(&text, 300 + i * 400, 500 + i * 400, 2))
        .collect();
    let map = map_of(&text, anchors);
    // Enough for a handful of searches (each reads the article once, then a window near the quote).
    let checks = quote_integrity_within(&map, Budget::new(200_000));
    let changed = checks
        .iter()
        .take_while(|c| matches!(c.status, QuoteStatus::Changed { .. }))
        .count();
    assert!((1..40).contains(&changed), "{changed} searched");
    for c in &checks[changed..] {
        assert_eq!(
            c.status,
            QuoteStatus::Unsearched {
                limit: SearchLimit::TooMuchWork
            },
            "{}",
            c.quote
        );
    }
    // With the default budget the same map is searched whole: every quote is found, changed.
    assert!(
        quote_integrity(&map)
            .iter()
            .all(|c| matches!(c.status, QuoteStatus::Changed { distance: 2, .. }))
    );
}

#[test]
fn a_huge_prefix_is_read_only_as_far_as_an_anchor_keeps_context() {
    let text = article(40_000);
    let mut a = edited_anchor(&text, 20_000, 20_300, 3);
    // A prefix as long as the article, ending with the real context, and offsets gone wrong.
    a.prefix = format!("{}{}", "junk ".repeat(8_000), a.prefix);
    a.start = 0;
    a.end = 300;
    let map = map_of(&text, vec![a]);
    let QuoteStatus::Changed {
        start, distance, ..
    } = quote_integrity(&map)[0].status
    else {
        panic!("{:?}", quote_integrity(&map)[0].status)
    };
    assert_eq!((start, distance), (20_000, 3));
}

#[test]
fn a_repetitive_article_that_defeats_the_cut_off_is_cut_short_not_searched_forever() {
    // Nearly every row of the table stays within the limit on "abab…": the cut-off saves
    // nothing, so only the budget bounds the search.
    let text = "ab".repeat(20_000);
    let mut a = anchor_from_range(&text, 10_001, 12_001).unwrap();
    a.exact = format!("{}x", "ab".repeat(1_000));
    a.prefix = String::new();
    a.suffix = String::new();
    a.start = 0;
    a.end = 2_001;
    let map = map_of(&text, vec![a]);
    // Within one quote's share, a close passage is found near the quote's old place.
    assert!(
        matches!(
            quote_integrity(&map)[0].status,
            QuoteStatus::Changed { distance: 1, .. }
        ),
        "{:?}",
        quote_integrity(&map)[0].status
    );
    // With less than that search needs, it stops and says so.
    let cut = quote_integrity_within(&map, Budget::new(1_000_000));
    assert_eq!(
        cut[0].status,
        QuoteStatus::Unsearched {
            limit: SearchLimit::TooMuchWork
        }
    );
}
