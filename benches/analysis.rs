//! Grounded semantics at scale: 1,000,000 claims, 2,000,000 attacks; the target is ≤ 1 s.
//! Also the approximate quote search on an article-sized text, and on maps made to be slow
//! (a 100,000-char edited quote, a 2,500-char one far from its place, 2,000 edited quotes, a
//! repetitive article): the search is bounded, so each stays well under a few seconds.

#![allow(clippy::unwrap_used)] // a benchmark: failing loudly is right

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;
use warrant::analysis::Label::{Accepted, Rejected, Undecided};
use warrant::analysis::fuzzy::{max_edits, search};
use warrant::analysis::{AttackGraph, grounded, grounded_labels, quote_integrity};
use warrant::anchor::{CharIndex, anchor_from_range_in};
use warrant::model::{Map, Point, Quote, Source, TextAnchor};

/// A deterministic pseudo-random number stream (a 64-bit LCG): the same graph on every run.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u32) -> u32 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 32) % u64::from(n)) as u32
    }
}

const CLAIMS: u32 = 1_000_000;
const ATTACKS: usize = 2_000_000;

/// Random attacks, plus a share of mutual ones (contradictions) and chains, as maps have.
fn attacks() -> Vec<(u32, u32)> {
    let mut rng = Lcg(2008);
    let mut out = Vec::with_capacity(ATTACKS);
    while out.len() < ATTACKS {
        let a = rng.below(CLAIMS);
        let b = rng.below(CLAIMS);
        if rng.below(10) == 0 {
            out.extend([(a, b), (b, a)]); // contradicts
        } else {
            out.push((a, b)); // opposes
        }
    }
    out.truncate(ATTACKS);
    out
}

fn bench_grounded(c: &mut Criterion) {
    let attacks = attacks();
    let mut group = c.benchmark_group("grounded");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function("1M claims, 2M attacks: build graph + label", |b| {
        b.iter(|| grounded_labels(black_box(CLAIMS as usize), black_box(&attacks)));
    });
    let graph = AttackGraph::new(CLAIMS as usize, &attacks);
    group.bench_function("1M claims, 2M attacks: label only", |b| {
        b.iter(|| grounded(black_box(&graph)));
    });
    group.finish();
    let labels = grounded_labels(CLAIMS as usize, &attacks);
    let count = |l| labels.iter().filter(|&&x| x == l).count();
    println!(
        "labels: {} accepted, {} rejected, {} undecided",
        count(Accepted),
        count(Rejected),
        count(Undecided)
    );
}

fn bench_fuzzy(c: &mut Criterion) {
    // A 50 KB article of distinct-ish words, and a 400-char quote from its end with 3 typos.
    let mut rng = Lcg(1996);
    let words = [
        "NATO",
        "Russia",
        "security",
        "bloc",
        "the",
        "of",
        "enlargement",
        "Moscow",
    ];
    let mut text = String::new();
    while text.len() < 50_000 {
        text.push_str(words[rng.below(words.len() as u32) as usize]);
        text.push_str(if rng.below(12) == 0 { ".\n" } else { " " });
    }
    let hay: Vec<char> = text.chars().collect();
    let at = hay.len() - 600;
    let mut needle: Vec<char> = hay[at..at + 400].to_vec();
    for i in [17, 200, 333] {
        needle[i] = '#';
    }
    c.bench_function("fuzzy: 400-char quote, 3 typos, 50 KB article", |b| {
        b.iter(|| search(black_box(&hay), black_box(&needle), max_edits(400), 0));
    });
}

/// An article of about `bytes` bytes of words from a small vocabulary.
fn words(rng: &mut Lcg, bytes: usize) -> String {
    let words = [
        "NATO",
        "Russia",
        "security",
        "bloc",
        "the",
        "of",
        "enlargement",
        "Moscow",
    ];
    let mut text = String::with_capacity(bytes + 16);
    while text.len() < bytes {
        text.push_str(words[rng.below(words.len() as u32) as usize]);
        text.push(' ');
    }
    text
}

/// A one-source map of `text` whose quotes are `(start, end)` passages with a typo every 100
/// chars, so none is found exactly and each goes to the approximate search.
fn edited_quotes(text: &str, passages: &[(usize, usize)]) -> Map {
    let mut map = Map::new("hostile");
    let mut source = Source::new("Article", text);
    source.id = "s1".into();
    let idx = CharIndex::new(text);
    map.quotes = passages
        .iter()
        .enumerate()
        .map(|(i, &(start, end))| {
            let mut anchor: TextAnchor = anchor_from_range_in(&idx, start, end).unwrap();
            anchor.exact = anchor
                .exact
                .chars()
                .enumerate()
                .map(|(j, c)| if j % 100 == 50 { '#' } else { c })
                .collect();
            Quote {
                id: format!("q{i}").as_str().into(),
                source: "s1".into(),
                anchor,
                note: String::new(),
                pos: Point::new(0.0, 0.0),
            }
        })
        .collect();
    map.sources.push(source);
    map
}

fn bench_hostile(c: &mut Criterion) {
    let mut rng = Lcg(2022);
    let article = words(&mut rng, 1_000_000);
    let long = edited_quotes(&article, &[(400_000, 500_000)]);
    // A page-long quote whose context and offsets are gone: searched over the whole article.
    let mut page = edited_quotes(&article, &[(600_000, 602_500)]);
    for q in &mut page.quotes {
        q.anchor.prefix.clear();
        q.anchor.suffix.clear();
        q.anchor.start = 5;
        q.anchor.end = 2_505;
    }
    let half = words(&mut rng, 500_000);
    let passages: Vec<(usize, usize)> = (0..2_000)
        .map(|_| {
            let s = rng.below(490_000) as usize;
            (s, s + 200)
        })
        .collect();
    let many = edited_quotes(&half, &passages);
    let abab = "ab".repeat(500_000);
    let mut repetitive = edited_quotes(&abab, &[(3, 2_004)]);
    repetitive.quotes[0].anchor.exact = format!("{}x", "ab".repeat(1_000));
    let mut g = c.benchmark_group("hostile quotes");
    g.sample_size(10);
    for (name, map) in [
        ("100,000-char edited quote, 1 MB article", &long),
        ("2,500-char edited quote, no context, 1 MB article", &page),
        ("2,000 edited 200-char quotes, 500 KB article", &many),
        ("2,001-char quote of a 1 MB 'abab…' article", &repetitive),
    ] {
        g.bench_function(name, |b| b.iter(|| quote_integrity(black_box(map))));
    }
    g.finish();
}

criterion_group!(benches, bench_grounded, bench_fuzzy, bench_hostile);
criterion_main!(benches);
