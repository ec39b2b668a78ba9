//! The teacher's comparison (`warrant compare`, the compare panel's worker): a student's copy of
//! the debate map against it; a 2,000-card student map (1,000 claims, 1,000 quotes) against the
//! debate map; and two 2,000-card maps, the worst case (every claim's wording against every
//! other's).

#![allow(clippy::unwrap_used)] // a benchmark: failing loudly is right

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;
use warrant::analysis::compare;
use warrant::model::{Link, LinkId, Map, NodeId, Point, Relation};

fn debate() -> Map {
    warrant::io::load(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("maps/russia-nato-1996-2022-debate.json"),
    )
    .unwrap()
}

/// The debate map with its last five claims (and their links) left out.
fn student_copy() -> Map {
    let mut map = debate();
    let n = map.claims.len();
    let gone: Vec<NodeId> = map.claims[n - 5..].iter().map(|c| c.id.clone()).collect();
    let edits = warrant::edit::ops::delete_nodes(&map, &gone);
    warrant::edit::apply_all(&mut map, edits).unwrap();
    map
}

/// `claims` claims and as many quotes, copied round from the debate map's (each claim's words
/// told apart by its number), each quote supporting a claim, and as many links between claims.
fn large(claims: usize) -> Map {
    let base = debate();
    let mut map = base.clone();
    map.claims = (0..claims)
        .map(|i| {
            let mut c = base.claims[i % base.claims.len()].clone();
            c.id = NodeId(format!("c{i}"));
            c.thesis = false;
            c.text = format!("{} (point {i})", c.text);
            c.pos = Point::new((i % 40) as f32 * 300.0, (i / 40) as f32 * 200.0);
            c
        })
        .collect();
    map.quotes = (0..claims)
        .map(|i| {
            let mut q = base.quotes[i % base.quotes.len()].clone();
            q.id = NodeId(format!("q{i}"));
            q
        })
        .collect();
    map.story.clear();
    map.links = (0..2 * claims)
        .map(|i| {
            let (from, to, relation) = if i < claims {
                (
                    format!("q{i}"),
                    format!("c{}", (i * 7) % claims),
                    Relation::Supports,
                )
            } else {
                let a = i - claims;
                (
                    format!("c{a}"),
                    format!("c{}", (a * 13 + 1) % claims),
                    Relation::Opposes,
                )
            };
            Link {
                id: LinkId(format!("l{i}")),
                from: NodeId(from),
                to: NodeId(to),
                relation,
            }
        })
        .collect();
    assert!(map.integrity_errors().is_empty());
    map
}

fn bench_compare(c: &mut Criterion) {
    let mut g = c.benchmark_group("compare");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(10));
    let (reference, student) = (debate(), student_copy());
    g.bench_function("debate map vs a student's copy", |b| {
        b.iter(|| compare(black_box(&reference), black_box(&student)));
    });
    let big = large(1_000);
    g.bench_function("debate map vs a 2,000-card map", |b| {
        b.iter(|| compare(black_box(&reference), black_box(&big)));
    });
    g.bench_function("2,000-card map vs a 2,000-card map", |b| {
        b.iter(|| compare(black_box(&big), black_box(&big)));
    });
    g.finish();
}

criterion_group!(benches, bench_compare);
criterion_main!(benches);
