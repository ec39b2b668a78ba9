//! Tidy on a generated 2,000-card map (target well under 100 ms) and on a 2,000-card tree,
//! on the memo sample and on a 700-card map (parts this small also try the compact drawings:
//! columns, wrapped layers, reasons slid towards the thesis),
//! and the routing of the tidied 2,000-card map's links (with their detours round cards),
//! and the edge crossings they leave next to those of Graphviz `dot` on the same graph (printed
//! when `dot` is installed); and the load-time layout of a hostile map (dense links, no
//! positions), which must stay bounded.

#![allow(clippy::unwrap_used)] // a benchmark: failing loudly is right

#[path = "../tests/common/generated.rs"]
mod generated;

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use warrant::layout::{LayoutSettings, card::card_size, map_crossings, tidy};

fn layout(c: &mut Criterion) {
    let map = generated::argument_map(2000, 1);
    let settings = LayoutSettings::default();

    let mut tidied = map.clone();
    let moves = tidy(&tidied, &settings);
    warrant::edit::apply(&mut tidied, warrant::edit::Edit::Move(moves)).unwrap();
    let started = std::time::Instant::now();
    let dot = generated::dot_crossings(&map, &card_size);
    let dot_time = started.elapsed();
    println!(
        "crossings on {} cards, {} links: as generated (grid) {}, after tidy {}, dot {}",
        map.claims.len() + map.quotes.len(),
        map.links.len(),
        map_crossings(&map, &card_size),
        map_crossings(&tidied, &card_size),
        dot.map_or_else(
            || "not installed".to_owned(),
            |d| format!("{d} (dot took {dot_time:.1?})")
        ),
    );

    c.bench_function("tidy 2,000 cards", |b| {
        b.iter(|| tidy(black_box(&map), black_box(&settings)));
    });

    // Every link's route as the canvas and the exports draw it, detours round cards included
    // (the canvas reroutes on every change of the map, e.g. each frame of a drag).
    let boxes: std::collections::HashMap<_, _> = tidied
        .nodes()
        .map(|n| {
            let (p, s) = (n.pos(), card_size(n));
            let b = warrant::layout::route::Bounds {
                x: p.x,
                y: p.y,
                w: s.w,
                h: s.h,
            };
            (n.id().clone(), b)
        })
        .collect();
    c.bench_function("route the links of 2,000 tidied cards", |b| {
        b.iter(|| warrant::layout::route::routes(black_box(&tidied), &|id| boxes.get(id).copied()));
    });
    c.bench_function(
        "route them without bends round cards (while dragging)",
        |b| {
            b.iter(|| {
                warrant::layout::route::routes_direct(black_box(&tidied), &|id| {
                    boxes.get(id).copied()
                })
            });
        },
    );

    let tree = generated::argument_tree(2000, 3);
    let mut tidied = tree.clone();
    let moves = tidy(&tidied, &settings);
    warrant::edit::apply(&mut tidied, warrant::edit::Edit::Move(moves)).unwrap();
    println!(
        "crossings on a 2,000-card tree: after tidy {}, dot {:?}",
        map_crossings(&tidied, &card_size),
        generated::dot_crossings(&tree, &card_size)
    );
    c.bench_function("tidy a 2,000-card tree", |b| {
        b.iter(|| tidy(black_box(&tree), black_box(&settings)));
    });

    let memo = warrant::io::load(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("maps/memo-2008-russia-nato-mutually-exclusive-arguments.json"),
    )
    .unwrap();
    c.bench_function("tidy the memo sample (80 cards)", |b| {
        b.iter(|| tidy(black_box(&memo), black_box(&settings)));
    });
    let part = generated::argument_map(700, 1);
    let mut compact = c.benchmark_group("compact");
    compact.sample_size(10);
    compact.bench_function("tidy 700 cards", |b| {
        b.iter(|| tidy(black_box(&part), black_box(&settings)));
    });
    compact.finish();

    let mut group = c.benchmark_group("hostile");
    group.sample_size(10);
    for (claims, per_claim) in [(2000, 10), (5000, 20)] {
        let dense = generated::dense_map(claims, per_claim, 5);
        group.bench_function(
            format!("place {claims} claims, {per_claim} links each, no positions"),
            |b| {
                b.iter(|| {
                    let mut m = dense.clone();
                    warrant::layout::place_unplaced(black_box(&mut m))
                });
            },
        );
    }
    group.finish();
}

criterion_group!(benches, layout);
criterion_main!(benches);
