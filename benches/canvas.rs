//! One full frame of the editor's canvas (egui pass + tessellation, headless, 1920×1080) with a
//! generated map of 1,000 claims, 1,000 quotes and 2,000 links: all of it on screen, and zoomed
//! in on about 50 cards; and the same window with the compare panel open against a reference
//! whose every other claim is worded apart (long lists of missed and added claims).

#![allow(clippy::unwrap_used)] // a benchmark: failing loudly is right

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use warrant::anchor::{CharIndex, anchor_from_range_in};
use warrant::model::{Claim, Link, LinkId, Map, NodeId, Point, Quote, Relation, Source, SourceId};
use warrant::ui::{Settings, WarrantApp};

fn generated_map() -> Map {
    let mut map = Map::new("Canvas benchmark");
    let para = "Russian officials portray NATO as a dangerously strong (even omnipotent) and \
                unfriendly military bloc, and at the same time as a relic of the Cold War.\n";
    let mut src = Source::new("Article", para.repeat(200));
    src.id = SourceId("s1".into());
    map.sources.push(src);
    let idx = CharIndex::new(&map.sources[0].text);
    let len = idx.len_chars();
    let mut quotes = Vec::new();
    for i in 0..1000 {
        let col = (i % 40) as f32;
        let row = (i / 40) as f32;
        map.claims.push(Claim {
            id: NodeId(format!("c{i}")),
            text: format!(
                "Claim {i}: NATO enlargement is seen in Moscow as a threat to Russia's security"
            ),
            pos: Point::new(col * 300.0, row * 420.0),
            ..Claim::default()
        });
        let start = (i * 997) % (len - 150);
        quotes.push(Quote {
            id: NodeId(format!("q{i}")),
            source: SourceId("s1".into()),
            anchor: anchor_from_range_in(&idx, start, start + 120).unwrap(),
            note: String::new(),
            pos: Point::new(col * 300.0, row * 420.0 + 190.0),
        });
    }
    drop(idx);
    map.quotes = quotes;
    for i in 0..1000 {
        map.links.push(Link {
            id: LinkId(format!("l{i}")),
            from: NodeId(format!("q{i}")),
            to: NodeId(format!("c{i}")),
            relation: Relation::Supports,
        });
        let rel = [Relation::Opposes, Relation::Contradicts, Relation::Supports][i % 3];
        map.links.push(Link {
            id: LinkId(format!("l{}", 1000 + i)),
            from: NodeId(format!("c{i}")),
            to: NodeId(format!("c{}", (i + 1) % 1000)),
            relation: rel,
        });
    }
    assert!(map.integrity_errors().is_empty());
    map
}

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1920.0, 1080.0),
        )),
        ..Default::default()
    }
}

/// One frame: the whole UI pass (only the canvas is shown) plus tessellation.
fn frame(ctx: &egui::Context, app: &mut WarrantApp) -> usize {
    let mut out = ctx.run_ui(input(), |ui| app.ui(ui));
    let shapes = std::mem::take(&mut out.shapes);
    let prims = ctx.tessellate(shapes, out.pixels_per_point);
    out.textures_delta.clear();
    prims.len()
}

fn bench(c: &mut Criterion) {
    let settings = Settings {
        show_reader: false,
        show_inspector: false,
        ..Settings::default()
    };
    let ctx = egui::Context::default();
    let mut app = WarrantApp::with_map(generated_map(), settings);
    app.canvas_mut().opening = false;
    for _ in 0..3 {
        frame(&ctx, &mut app);
    }
    let mut g = c.benchmark_group("canvas frame 1920x1080, 2,000 cards, 2,000 links");
    g.bench_function("whole map on screen", |b| {
        b.iter(|| black_box(frame(&ctx, &mut app)));
    });
    app.canvas_mut().zoom = 1.0;
    app.canvas_mut().center = egui::pos2(900.0, 500.0);
    for _ in 0..3 {
        frame(&ctx, &mut app);
    }
    g.bench_function("zoomed in on ~50 cards", |b| {
        b.iter(|| black_box(frame(&ctx, &mut app)));
    });
    // The reference: the same map with every other claim reworded.
    let mut reference = generated_map();
    for (i, c) in reference.claims.iter_mut().enumerate() {
        if i % 2 == 1 {
            c.text = format!("Reference claim {i}: the alliance keeps its doors open to all");
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("reference.json");
    warrant::io::save(&path, &reference).unwrap();
    app.open_reference(&path);
    // The comparison is made once (at once here, not on a worker), then the frames reuse it.
    for _ in 0..3 {
        frame(&ctx, &mut app);
    }
    g.bench_function(
        "zoomed in, the compare panel open (500 claims missed, 500 added)",
        |b| {
            b.iter(|| black_box(frame(&ctx, &mut app)));
        },
    );
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
