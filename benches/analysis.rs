//! Grounded semantics at scale: 1,000,000 claims, 2,000,000 attacks; the target is ≤ 1 s.
//! Also the approximate quote search on an article-sized text.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;
use warrant::analysis::Label::{Accepted, Rejected, Undecided};
use warrant::analysis::fuzzy::{max_edits, search};
use warrant::analysis::{AttackGraph, grounded, grounded_labels};

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

criterion_group!(benches, bench_grounded, bench_fuzzy);
criterion_main!(benches);
