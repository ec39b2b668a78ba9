//! Quotes stacked under their claim: lines from below go round the stack into the claim's side.

use super::{Bounds, CLEARANCE, EDGE_MARGIN, STACK_GAP, Source, Wire, join};
use crate::model::Point;
use std::collections::{HashMap, HashSet};
use std::hash::Hash;

/// The quotes stacked under a claim and the bottom of the stack.
pub(super) struct Stack<K> {
    pub(super) members: HashSet<K>,
    pub(super) bottom: f32,
}

/// Quotes evidencing a claim that sit right under it, one under the other.
pub(super) fn stacks<K: Copy + Eq + Hash>(
    wires: &[Wire<K>],
    bounds: &dyn Fn(K) -> Option<Bounds>,
) -> HashMap<K, Stack<K>> {
    let mut evidence: HashMap<K, Vec<(K, Bounds)>> = HashMap::new();
    for w in wires {
        if !w.contradicts
            && w.from_quote
            && let Some(b) = bounds(w.from)
        {
            evidence.entry(w.to).or_default().push((w.from, b));
        }
    }
    let mut out = HashMap::new();
    for (claim, mut quotes) in evidence {
        let Some(c) = bounds(claim) else { continue };
        quotes.sort_by(|a, b| a.1.y.total_cmp(&b.1.y));
        let mut bottom = c.bottom();
        let mut members = HashSet::new();
        for (id, q) in quotes {
            let under = (q.centre().x - c.centre().x).abs() < c.w / 2.0;
            if under && q.y >= bottom - 1.0 && q.y - bottom <= STACK_GAP {
                members.insert(id);
                bottom = q.bottom();
            }
        }
        if !members.is_empty() {
            out.insert(claim, Stack { members, bottom });
        }
    }
    out
}

/// A line leaving through a side that other lines come into would cross them: it leaves from
/// that end of the top edge instead. Lines leaving one card's top edge all start at its middle
/// (fanning out from one point, they cannot cross each other).
pub(super) fn leave_from_top<K: Copy + Eq + Hash>(
    wires: &[Wire<K>],
    bounds: &dyn Fn(K) -> Option<Bounds>,
    in_columns: &HashSet<usize>,
    entered: &HashSet<(K, bool)>,
    out: &mut [Option<Vec<Point>>],
) {
    for (i, route) in out.iter_mut().enumerate() {
        let (Some(route), Some(a)) = (route.as_mut(), bounds(wires[i].from)) else {
            continue;
        };
        if in_columns.contains(&i) || route.len() < 2 || route[0].y <= a.y + 0.5 {
            continue;
        }
        if (route[0].x - a.x).abs() < 0.5 && entered.contains(&(wires[i].from, true)) {
            route[0] = Point::new(a.x + EDGE_MARGIN, a.y);
        } else if (route[0].x - a.right()).abs() < 0.5 && entered.contains(&(wires[i].from, false))
        {
            route[0] = Point::new(a.right() - EDGE_MARGIN, a.y);
        }
    }
    let mut from_top: HashMap<K, Vec<usize>> = HashMap::new();
    for (i, route) in out.iter().enumerate() {
        if let (Some(route), Some(a)) = (route, bounds(wires[i].from))
            && !in_columns.contains(&i)
            && route.first().is_some_and(|p| (p.y - a.y).abs() < 0.5)
        {
            from_top.entry(wires[i].from).or_default().push(i);
        }
    }
    for (card, lines) in from_top {
        let Some(a) = bounds(card) else { continue };
        if lines.len() > 1 {
            for i in lines {
                if let Some(route) = out[i].as_mut() {
                    route[0] = Point::new(a.centre().x, a.y);
                }
            }
        }
    }
}

/// The wires at each card (as either end), so a question about one card's lines does not
/// look through every wire of the map.
pub(super) struct Ends<K>(HashMap<K, Vec<usize>>);

impl<K: Copy + Eq + Hash> Ends<K> {
    pub(super) fn new(wires: &[Wire<K>]) -> Self {
        let mut at: HashMap<K, Vec<usize>> = HashMap::new();
        for (i, w) in wires.iter().enumerate() {
            at.entry(w.from).or_default().push(i);
            if w.to != w.from {
                at.entry(w.to).or_default().push(i);
            }
        }
        Self(at)
    }

    /// The wires with `card` at either end.
    fn of<'w>(&'w self, wires: &'w [Wire<K>], card: K) -> impl Iterator<Item = &'w Wire<K>> {
        self.0
            .get(&card)
            .into_iter()
            .flatten()
            .map(move |&i| &wires[i])
    }
}

/// Which side (left: `true`) of claim `to` (box `b`) a line from `s` below enters: the side
/// facing the source; for a source right beneath the claim, the side away from the source's
/// other lines, which it would otherwise cross.
pub(super) fn side_for<K: Copy + Eq + Hash>(
    (wires, ends): (&[Wire<K>], &Ends<K>),
    bounds: &dyn Fn(K) -> Option<Bounds>,
    s: &Source,
    to: K,
    b: Bounds,
) -> bool {
    let a = s.from;
    let facing = a.centre().x < b.centre().x;
    let beneath = (a.centre().x - b.centre().x).abs() < b.w / 2.0;
    let [(i, prefix)] = s.links.as_slice() else {
        return facing;
    };
    if !beneath || !prefix.is_empty() {
        return facing;
    }
    let from = wires[*i].from;
    let others: f32 = ends
        .of(wires, from)
        .filter(|w| w.from == from && w.to != to && !w.contradicts)
        .filter_map(|w| bounds(w.to))
        .map(|o| (o.centre().x - a.centre().x).signum())
        .sum();
    if others > 0.0 {
        true
    } else if others < 0.0 {
        false
    } else {
        facing
    }
}

/// Whether claim `c` (box `b`) has a contradicting card right beside its `left` side.
pub(super) fn blocked<K: Copy + Eq + Hash>(
    (wires, ends): (&[Wire<K>], &Ends<K>),
    bounds: &dyn Fn(K) -> Option<Bounds>,
    c: K,
    b: Bounds,
    left: bool,
) -> bool {
    ends.of(wires, c)
        .filter(|w| w.contradicts)
        .filter_map(|w| bounds(if w.from == c { w.to } else { w.from }))
        .any(|o| {
            let beside = o.y < b.bottom() && b.y < o.bottom();
            let gap = if left {
                b.x - o.right()
            } else {
                o.x - b.right()
            };
            beside && (0.0..=4.0 * CLEARANCE).contains(&gap)
        })
}

/// Routes lines into one side of claim `c` (whose stack ends at `bottom`), spread along it.
pub(super) fn enter_side(
    c: Bounds,
    bottom: f32,
    left: bool,
    mut links: Vec<Source>,
    out: &mut [Option<Vec<Point>>],
) {
    // The outermost source takes the highest entry, so the lines do not cross each other.
    links.sort_by(|p, q| {
        let (x, y) = (p.from.centre().x, q.from.centre().x);
        if left {
            x.total_cmp(&y)
        } else {
            y.total_cmp(&x)
        }
    });
    let n = links.len() as f32;
    let span = (c.h - 2.0 * EDGE_MARGIN).max(0.0);
    let edge = if left { c.x } else { c.right() };
    let out_x = if left {
        edge - CLEARANCE
    } else {
        edge + CLEARANCE
    };
    for (k, s) in links.into_iter().enumerate() {
        let a = s.from;
        let entry = Point::new(edge, c.y + EDGE_MARGIN + (k as f32 + 0.5) * span / n);
        let clear = if left {
            a.right() < c.x - 1.0
        } else {
            a.x > c.right() + 1.0
        };
        let rest = if clear {
            vec![a.border_towards(entry), entry]
        } else {
            let corner = Point::new(out_x, bottom + CLEARANCE);
            vec![a.border_towards(corner), corner, entry]
        };
        for (i, prefix) in s.links {
            out[i] = Some(join(prefix, &rest));
        }
    }
}
