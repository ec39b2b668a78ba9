//! Importing the 965-claim Kialo discussion (839 claims and 964 links once `-> See` lines become
//! links): parsing alone, and parsing plus the layout a map gets when it is opened.

#![allow(clippy::unwrap_used)] // a benchmark: failing loudly is right

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::PathBuf;
use warrant::import::kialo_to_map;

fn kialo_text() -> String {
    let dir = std::env::var_os("WARRANT_FORMATS")
        .map_or_else(|| PathBuf::from("/work/shared/formats"), PathBuf::from);
    std::fs::read_to_string(dir.join("kialo/kialo_2867_free-speech-internet.txt")).unwrap()
}

fn import(c: &mut Criterion) {
    let text = kialo_text();
    c.bench_function("import kialo 965 lines", |b| {
        b.iter(|| kialo_to_map(black_box(&text), "x").unwrap());
    });
    let mut group = c.benchmark_group("open");
    group.sample_size(10);
    group.bench_function("import kialo 965 lines and lay it out", |b| {
        b.iter(|| {
            let mut map = kialo_to_map(black_box(&text), "x").unwrap().map;
            warrant::layout::place_unplaced(&mut map)
        });
    });
    group.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);
