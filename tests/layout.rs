//! Tidy: no overlapping cards, stable, the shape asked for (thesis on top, quotes under their
//! claim, contradictions side by side), pinned cards kept, and fewer crossings than before (and
//! no more than Graphviz `dot` when it is installed).

#![allow(clippy::unwrap_used)] // helpers of tests: failing loudly is right
#![allow(clippy::float_cmp)] // positions are whole numbers: equal means equal

mod common;

use common::generated::{argument_map, argument_tree, dense_map, dot_crossings};
use std::collections::HashSet;
use std::path::Path;
use warrant::edit::{apply_all, ops};
use warrant::layout::{LayoutSettings, card::card_size, map_crossings, map_pierced, tidy};
use warrant::model::{Map, NodeId, Relation};

fn sample(name: &str) -> Map {
    warrant::io::load(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("maps")
            .join(name),
    )
    .unwrap()
}

fn sample_maps() -> Vec<(String, Map)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("maps");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.to_ascii_lowercase().ends_with(".json"))
        .collect();
    names.sort();
    names.into_iter().map(|n| (n.clone(), sample(&n))).collect()
}

fn tidied(map: &Map, settings: &LayoutSettings) -> Map {
    let mut m = map.clone();
    apply_all(&mut m, ops::tidy(map, settings, &card_size)).unwrap();
    m
}

fn assert_no_overlap(name: &str, map: &Map) {
    let rects: Vec<(&NodeId, f32, f32, f32, f32)> = map
        .nodes()
        .map(|n| {
            let s = card_size(n);
            (n.id(), n.pos().x, n.pos().y, s.w, s.h)
        })
        .collect();
    for (i, a) in rects.iter().enumerate() {
        for b in &rects[i + 1..] {
            let apart =
                a.1 + a.3 <= b.1 || b.1 + b.3 <= a.1 || a.2 + a.4 <= b.2 || b.2 + b.4 <= a.2;
            assert!(apart, "{name}: {} and {} overlap", a.0, b.0);
        }
    }
}

#[test]
fn tidy_leaves_no_overlaps_and_a_second_tidy_changes_nothing() {
    let mut maps = sample_maps();
    maps.push(("generated".into(), argument_map(600, 7)));
    let settings = LayoutSettings::default();
    for (name, map) in maps {
        let once = tidied(&map, &settings);
        assert_no_overlap(&name, &once);
        assert!(
            ops::tidy(&once, &settings, &card_size).is_empty(),
            "{name}: a second tidy moved cards"
        );
        assert_eq!(tidy(&once, &settings), tidy(&map, &settings), "{name}");
    }
}

/// Whether `from` is a reason (support or objection), however indirect, for `to`.
fn reaches(map: &Map, from: &NodeId, to: &NodeId) -> bool {
    let mut stack = vec![from];
    let mut seen = HashSet::new();
    while let Some(v) = stack.pop() {
        if v == to {
            return true;
        }
        for l in &map.links {
            if &l.from == v && l.relation != Relation::Contradicts && seen.insert(&l.to) {
                stack.push(&l.to);
            }
        }
    }
    false
}

#[test]
fn thesis_on_top_quotes_under_their_claim_contradictions_side_by_side() {
    let map = tidied(
        &sample("memo-2008-russia-nato-mutually-exclusive-arguments.json"),
        &LayoutSettings::default(),
    );
    let thesis = map.claims.iter().find(|c| c.thesis).unwrap();
    assert!(map.nodes().all(|n| n.pos().y >= thesis.pos.y));
    for l in &map.links {
        let (from, to) = (map.node(&l.from).unwrap(), map.node(&l.to).unwrap());
        match l.relation {
            // Side by side, unless one is a reason for the other (then it stays below).
            Relation::Contradicts => {
                if !reaches(&map, &l.from, &l.to) && !reaches(&map, &l.to, &l.from) {
                    assert_eq!(from.pos().y, to.pos().y, "{} ⟂ {}", l.from, l.to);
                }
            }
            _ => assert!(
                from.pos().y > to.pos().y,
                "{} is not below {}",
                l.from,
                l.to
            ),
        }
        if map.quote(&l.from).is_some() {
            assert_eq!(
                from.pos().x,
                to.pos().x,
                "quote {} not under {}",
                l.from,
                l.to
            );
        }
    }
}

#[test]
fn pinned_cards_stay_and_the_rest_make_room() {
    let map = sample("golz-1996-why-not-join-nato.json");
    let pinned: HashSet<NodeId> = ["c1", "c10"].iter().map(|&s| NodeId::from(s)).collect();
    let settings = LayoutSettings {
        pinned: pinned.clone(),
        ..LayoutSettings::default()
    };
    let once = tidied(&map, &settings);
    for id in &pinned {
        assert_eq!(once.node(id).unwrap().pos(), map.node(id).unwrap().pos());
    }
    assert_no_overlap("golz pinned", &once);
    assert!(ops::tidy(&once, &settings, &card_size).is_empty());
}

#[test]
fn a_pinned_claim_keeps_its_quotes_stacked_right_under_it() {
    let map = sample("golz-1996-why-not-join-nato.json");
    // A claim with quotes as evidence, moved off on its own and pinned there.
    let claim = map
        .claims
        .iter()
        .find(|c| {
            map.links
                .iter()
                .filter(|l| l.to == c.id && map.quote(&l.from).is_some())
                .count()
                >= 2
        })
        .unwrap()
        .id
        .clone();
    let mut moved = map.clone();
    moved.claims.iter_mut().find(|c| c.id == claim).unwrap().pos =
        warrant::model::Point::new(5000.0, 3000.0);
    let settings = LayoutSettings {
        pinned: HashSet::from([claim.clone()]),
        ..LayoutSettings::default()
    };
    let once = tidied(&moved, &settings);
    let c = once.claim(&claim).unwrap();
    let bottom = c.pos.y + card_size(once.node(&claim).unwrap()).h;
    let quotes: Vec<_> = once
        .links
        .iter()
        .filter(|l| l.to == claim)
        .filter_map(|l| once.quote(&l.from))
        .collect();
    for q in &quotes {
        assert_eq!(q.pos.x, c.pos.x, "{} is stacked under its claim", q.id);
        assert!(q.pos.y > bottom, "{} is below its claim", q.id);
    }
    let first = quotes.iter().map(|q| q.pos.y).fold(f32::MAX, f32::min);
    assert!(
        first - bottom < 40.0,
        "the stack starts right under the claim"
    );
    assert_no_overlap("golz, one claim pinned far away", &once);
}

#[test]
fn crossings_fall_and_stay_within_dots() {
    let settings = LayoutSettings::default();
    for (name, map) in sample_maps() {
        let before = map_crossings(&map, &card_size);
        let after = map_crossings(&tidied(&map, &settings), &card_size);
        let dot = dot_crossings(&map, &card_size);
        println!("{name}: crossings {before} as drawn, {after} after tidy, dot {dot:?}");
        assert!(after <= before, "{name}: {after} > {before}");
        if let Some(dot) = dot {
            assert!(after <= dot, "{name}: {after} crossings, dot has {dot}");
        }
    }
    let map = argument_map(2000, 1);
    let before = map_crossings(&map, &card_size);
    let after = map_crossings(&tidied(&map, &settings), &card_size);
    let dot = dot_crossings(&map, &card_size);
    println!(
        "generated 2,000 cards: crossings {before} on the grid, {after} after tidy, dot {dot:?}"
    );
    assert!(after < before);
    if let Some(dot) = dot {
        assert!(after <= dot, "{after} crossings, dot has {dot}");
    }
}

#[test]
fn trees_are_drawn_without_crossings_at_any_size() {
    let settings = LayoutSettings::default();
    for nodes in [200, 500, 2000] {
        let map = argument_tree(nodes, 3);
        let tidy = tidied(&map, &settings);
        let crossings = map_crossings(&tidy, &card_size);
        println!("tree of {nodes} cards: {crossings} crossings after tidy");
        assert_eq!(crossings, 0, "tree of {nodes} cards");
        assert_no_overlap("tree", &tidy);
    }
}

#[test]
fn a_dense_map_without_positions_is_placed_on_load() {
    // Far denser than any argument: the load-time layout must finish and place every card
    // without overlaps (its time is measured by `cargo bench --bench layout`).
    let mut map = dense_map(400, 8, 5);
    let placed = warrant::layout::place_unplaced(&mut map);
    assert_eq!(placed, 400);
    assert!(map.nodes().all(|n| n.pos().is_placed()));
    assert_no_overlap("dense", &map);
}

/// Width over height of the cards' bounding box, and the share of it the cards cover.
fn shape(map: &Map) -> (f32, f32) {
    let (mut x0, mut y0, mut x1, mut y1) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
    let mut area = 0.0;
    for n in map.nodes() {
        let (p, s) = (n.pos(), card_size(n));
        x0 = x0.min(p.x);
        y0 = y0.min(p.y);
        x1 = x1.max(p.x + s.w);
        y1 = y1.max(p.y + s.h);
        area += s.w * s.h;
    }
    let (w, h) = (x1 - x0, y1 - y0);
    (w / h, area / (w * h))
}

/// Crossings along the drawn routes each sample map has after Tidy: it may not draw worse.
const CROSSINGS_BEFORE: [(&str, usize); 6] = [
    ("golz-1996-why-not-join-nato.json", 0),
    ("kosachev-2011-three-birds-with-one-stone.json", 0),
    // As its first drawing (`dot` draws 4).
    ("memo-2008-russia-nato-mutually-exclusive-arguments.json", 1),
    ("rferl-1998-rapprochement-remains-fragile.json", 0),
    ("russia-nato-1996-2022-debate.json", 0),
    ("timofeev-2022-nato-talks-failing.json", 0),
];

#[test]
fn sample_maps_after_tidy_fit_a_projector() {
    let settings = LayoutSettings::default();
    let maps = sample_maps();
    assert_eq!(maps.len(), CROSSINGS_BEFORE.len());
    let mut failures = Vec::new();
    for (name, map) in maps {
        let once = tidied(&map, &settings);
        assert_no_overlap(&name, &once);
        let (aspect, cover) = shape(&once);
        let crossings = map_crossings(&once, &card_size);
        println!(
            "{name}: {} cards, aspect {aspect:.2}:1, cards cover {:.1}%, {crossings} crossings",
            map.nodes().count(),
            cover * 100.0
        );
        let (_, before) = CROSSINGS_BEFORE.iter().find(|(n, _)| *n == name).unwrap();
        if crossings > *before {
            failures.push(format!("{name}: {crossings} crossings, was {before}"));
        }
        // Between 1:2 and 2:1 (a projector is 16:9), cards covering a fifth of the box.
        if !(0.5..=2.0).contains(&aspect) || cover < 0.2 {
            failures.push(format!(
                "{name}: aspect {aspect:.2}:1, cards cover {cover:.2}"
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// Links that run over a card they do not join after Tidy, per sample map, as now: no more.
/// Most are a quote that evidences a second claim far from its stack, or a reason with a
/// second parent; the drawing bends those round the cards in their way where it can do so
/// without a crossing. Golz, Kosachev and RFE/RL are clear.
const OVER_CARDS: [(&str, usize); 6] = [
    ("golz-1996-why-not-join-nato.json", 0),
    ("kosachev-2011-three-birds-with-one-stone.json", 0),
    ("memo-2008-russia-nato-mutually-exclusive-arguments.json", 1),
    ("rferl-1998-rapprochement-remains-fragile.json", 0),
    ("russia-nato-1996-2022-debate.json", 1),
    ("timofeev-2022-nato-talks-failing.json", 1),
];

#[test]
fn after_tidy_no_more_links_run_over_cards_they_do_not_join() {
    let settings = LayoutSettings::default();
    let mut failures = Vec::new();
    for (name, map) in sample_maps() {
        let once = tidied(&map, &settings);
        let pierced = map_pierced(&once, &card_size);
        println!("{name}: {} links over cards", pierced.len());
        let (_, known) = OVER_CARDS.iter().find(|(n, _)| *n == name).unwrap();
        if pierced.len() > *known {
            failures.push(format!("{name}: {pierced:?}"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn the_memo_opens_on_its_thesis_with_every_direct_reason_readable_at_1080p() {
    use warrant::layout::route::Bounds;
    let map = tidied(
        &sample("memo-2008-russia-nato-mutually-exclusive-arguments.json"),
        &LayoutSettings::default(),
    );
    let rect = |id: &NodeId| {
        let n = map.node(id)?;
        let (p, s) = (n.pos(), card_size(n));
        Some(Bounds {
            x: p.x,
            y: p.y,
            w: s.w,
            h: s.h,
        })
    };
    // The canvas of a 1920×1080 window, less menu, toolbar and side panel.
    let view = (1600.0, 960.0);
    let (centre, zoom) = warrant::view::opening_camera(&map, rect, view, (0.6, 1.0), 40.0).unwrap();
    let near = warrant::view::thesis_neighbourhood(&map);
    println!("memo opens at {:.0}% on {} cards", zoom * 100.0, near.len());

    assert!(zoom >= 0.6, "text reads");
    for id in &near {
        let b = rect(id).unwrap();
        let inside = (b.x - centre.x).abs() * zoom <= view.0 / 2.0
            && (b.right() - centre.x).abs() * zoom <= view.0 / 2.0
            && (b.y - centre.y).abs() * zoom <= view.1 / 2.0
            && (b.bottom() - centre.y).abs() * zoom <= view.1 / 2.0;
        assert!(inside, "{id} is framed");
    }
}
