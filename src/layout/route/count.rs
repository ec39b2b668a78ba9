//! How a set of routes looks: crossings, and links drawn over cards they do not join.

use super::grid::Near;
use super::{Bounds, Wire, route_wires, stacks};
use crate::model::Point;
use std::hash::Hash;

/// Whether the segment from `p` to `q` meets the rectangle (left, top, right, bottom): the
/// segment clipped to it (Liang-Barsky) is not empty.
pub(in crate::layout) fn segment_meets_rect(
    p: (f32, f32),
    q: (f32, f32),
    r: (f32, f32, f32, f32),
) -> bool {
    let (dx, dy) = (q.0 - p.0, q.1 - p.1);
    let (mut t0, mut t1) = (0.0f32, 1.0f32);
    for (step, room) in [
        (-dx, p.0 - r.0),
        (dx, r.2 - p.0),
        (-dy, p.1 - r.1),
        (dy, r.3 - p.1),
    ] {
        if step == 0.0 {
            if room < 0.0 {
                return false;
            }
        } else {
            let t = room / step;
            if step < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    t0 <= t1
}

/// How a set of routes looks: crossings among them, and (link, card) pairs where a route
/// passes over a card that is not one of its ends (grazing by less than a few units is no
/// harm; a quote's line running up through the quotes stacked above it on its claim is the
/// stack's own way of drawing and does not count).
///
/// These are the routes before any detour round cards. Tidy takes a drawing that leaves no
/// more links over cards than the first one either as drawn or along these (a drawing that
/// needs no more detours than the first is no worse for taking them).
pub(in crate::layout) fn drawn<K: Copy + Eq + Hash>(
    wires: &[Wire<K>],
    bounds: &dyn Fn(K) -> Option<Bounds>,
    cards: &[K],
) -> (usize, Vec<(usize, K)>) {
    count(wires, bounds, cards, &route_wires(wires, bounds, None))
}

/// [`drawn`] for the routes as they are finally drawn, with their detours round cards.
pub(in crate::layout) fn drawn_round<K: Copy + Eq + Hash>(
    wires: &[Wire<K>],
    bounds: &dyn Fn(K) -> Option<Bounds>,
    cards: &[K],
) -> (usize, Vec<(usize, K)>) {
    count(
        wires,
        bounds,
        cards,
        &route_wires(wires, bounds, Some(cards)),
    )
}

fn count<K: Copy + Eq + Hash>(
    wires: &[Wire<K>],
    bounds: &dyn Fn(K) -> Option<Bounds>,
    cards: &[K],
    routes: &[Option<Vec<Point>>],
) -> (usize, Vec<(usize, K)>) {
    let stacks = stacks(wires, bounds);
    let segments: Vec<(Point, Point)> = routes
        .iter()
        .flatten()
        .flat_map(|r| r.windows(2).map(|w| (w[0], w[1])))
        .collect();
    let crossings = crate::layout::count_crossings(&segments);
    let boxes: Vec<(K, Bounds)> = cards
        .iter()
        .filter_map(|&k| Some((k, bounds(k)?)))
        .collect();
    let mut near = Near::new(&boxes.iter().map(|&(_, b)| b).collect::<Vec<_>>());
    let mut pierced = Vec::new();
    for (i, route) in routes.iter().enumerate() {
        let Some(route) = route else { continue };
        let w = wires[i];
        let own_stack = stacks.get(&w.to).filter(|s| s.members.contains(&w.from));
        for (k, b) in near.route(route).into_iter().map(|c| boxes[c]) {
            if k == w.from || k == w.to || own_stack.is_some_and(|s| s.members.contains(&k)) {
                continue;
            }
            let inset = 4.0;
            let r = (
                b.x + inset,
                b.y + inset,
                b.right() - inset,
                b.bottom() - inset,
            );
            if route
                .windows(2)
                .any(|s| segment_meets_rect((s[0].x, s[0].y), (s[1].x, s[1].y), r))
            {
                pierced.push((i, k));
            }
        }
    }
    (crossings, pierced)
}
