//! Load + verify and save of a generated 10,000-node map (5,000 claims, 5,000 quotes, 10,000
//! links, 5 sources of 50 KB), against `serde_json` parsing the same file into a `Value`; and
//! everything `warrant check` does (load, quotes, problems, findings) at 2,000, 5,000 and 10,000
//! nodes, which should grow linearly.

#![allow(clippy::unwrap_used)] // a benchmark: failing loudly is right

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;
use warrant::anchor::{CharIndex, anchor_from_range_in};
use warrant::model::{Claim, Link, LinkId, Map, NodeId, Point, Quote, Relation, Source, SourceId};

fn big_map() -> Map {
    map_of(10_000)
}

/// A map of `nodes` nodes (half claims, half quotes) and as many links.
fn map_of(nodes: usize) -> Map {
    let half = nodes / 2;
    let mut map = Map::new("Benchmark map");
    let para = "Russia’s opposition to NATO rests on two mutually exclusive arguments: NATO is \
                “dangerously strong (even omnipotent)” and NATO is “a relic of the Cold War”.\n";
    for s in 0..5 {
        let mut text = String::new();
        let mut i = 0;
        while text.len() < 50_000 {
            text.push_str(&i.to_string());
            text.push_str(". ");
            text.push_str(para);
            i += 1;
        }
        let mut src = Source::new(format!("Article {s}"), text);
        src.id = SourceId(format!("s{}", s + 1));
        map.sources.push(src);
    }
    for i in 0..half {
        map.claims.push(Claim {
            id: NodeId(format!("c{i}")),
            text: format!("Claim number {i}: NATO enlargement threatens Russia's security"),
            pos: Point::new((i % 100) as f32 * 300.0, (i / 100) as f32 * 200.0),
            ..Claim::default()
        });
    }
    let indexes: Vec<CharIndex<'_>> = map
        .sources
        .iter()
        .map(|s| CharIndex::new(&s.text))
        .collect();
    let mut quotes = Vec::new();
    for i in 0..half {
        let s = i % 5;
        let len = indexes[s].len_chars();
        let start = (i * 7919) % (len - 200);
        quotes.push(Quote {
            id: NodeId(format!("q{i}")),
            source: map.sources[s].id.clone(),
            anchor: anchor_from_range_in(&indexes[s], start, start + 120).unwrap(),
            note: String::new(),
            pos: Point::new(
                (i % 100) as f32 * 300.0,
                20_000.0 + (i / 100) as f32 * 200.0,
            ),
        });
    }
    drop(indexes);
    map.quotes = quotes;
    for i in 0..nodes {
        let (from, to, relation) = if i < half {
            (format!("q{i}"), format!("c{i}"), Relation::Supports)
        } else {
            let a = i - half;
            let rel = if a.is_multiple_of(2) {
                Relation::Opposes
            } else {
                Relation::Contradicts
            };
            (format!("c{a}"), format!("c{}", (a + 1) % half), rel)
        };
        map.links.push(Link {
            id: LinkId(format!("l{i}")),
            from: NodeId(from),
            to: NodeId(to),
            relation,
        });
    }
    assert!(map.integrity_errors().is_empty());
    map
}

fn bench(c: &mut Criterion) {
    let map = big_map();
    let json = warrant::io::map_to_json(&map).unwrap();
    let path = Path::new("bench.json");
    assert!(warrant::check::problems(&warrant::io::map_from_json(&json, path).unwrap()).is_empty());
    let mut g = c.benchmark_group("map 10k nodes");
    g.sample_size(20);
    g.bench_function("serde_json::Value parse (baseline)", |b| {
        b.iter(|| black_box(serde_json::from_slice::<serde_json::Value>(&json).unwrap()));
    });
    g.bench_function("load + verify", |b| {
        b.iter(|| {
            let map = warrant::io::map_from_json(black_box(&json), path).unwrap();
            black_box(warrant::check::problems(&map));
            map
        });
    });
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.json");
    g.bench_function("save (encode + atomic write + fsync)", |b| {
        b.iter(|| warrant::io::save(&out, black_box(&map)).unwrap());
    });
    g.finish();
}

/// What `warrant check FILE` does once the file is read, at three sizes.
fn bench_check(c: &mut Criterion) {
    let mut g = c.benchmark_group("check");
    g.sample_size(10);
    for nodes in [2_000, 5_000, 10_000] {
        let json = warrant::io::map_to_json(&map_of(nodes)).unwrap();
        let path = Path::new("bench.json");
        g.bench_function(
            format!("{nodes} nodes: load + quotes + problems + findings"),
            |b| {
                b.iter(|| {
                    let map = warrant::io::map_from_json(black_box(&json), path).unwrap();
                    let checks = warrant::analysis::quote_integrity(&map);
                    let problems = warrant::check::problems_from(&map, &checks);
                    let findings = warrant::check::findings_from(&map, &checks);
                    (problems.len(), findings.len())
                });
            },
        );
    }
    g.finish();
}

criterion_group!(benches, bench, bench_check);
criterion_main!(benches);
