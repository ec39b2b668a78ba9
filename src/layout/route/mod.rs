//! Where each link is drawn. Most go straight from border to border. A link that comes up into a
//! claim whose quotes are stacked right under it would pass behind that stack, its arrowhead
//! squeezed between the claim and its first quote; such links enter the claim from the side
//! instead, spread along its edge, bending round the stack's bottom corner when they start
//! beneath it. Reasons stacked in a column under the claim they bear on share a trunk beside the
//! column. The canvas and the exports draw the same routes.

mod count;
mod detour;
mod grid;
mod stack;
mod trunk;

pub(super) use count::{drawn, drawn_round, segment_meets_rect};
use stack::{Ends, blocked, enter_side, leave_from_top, side_for, stacks};
use trunk::columns;

use crate::model::{Map, NodeId, Point, Relation};
use std::collections::{HashMap, HashSet};
use std::hash::Hash;

/// A card's box in canvas units (top-left corner and size).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Bounds {
    /// The smallest box holding both.
    #[must_use]
    pub fn union(self, other: Self) -> Self {
        let (x, y) = (self.x.min(other.x), self.y.min(other.y));
        Self {
            x,
            y,
            w: self.right().max(other.right()) - x,
            h: self.bottom().max(other.bottom()) - y,
        }
    }

    pub fn right(self) -> f32 {
        self.x + self.w
    }

    pub fn bottom(self) -> f32 {
        self.y + self.h
    }

    pub fn centre(self) -> Point {
        Point::new(self.x + self.w / 2.0, self.y + self.h / 2.0)
    }

    /// Where the segment from the centre towards `to` leaves the box.
    pub fn border_towards(self, to: Point) -> Point {
        let c = self.centre();
        let (dx, dy) = (to.x - c.x, to.y - c.y);
        if dx.abs() < 1e-6 && dy.abs() < 1e-6 {
            return c;
        }
        let tx = if dx.abs() > 1e-6 {
            (self.w / 2.0) / dx.abs()
        } else {
            f32::INFINITY
        };
        let ty = if dy.abs() > 1e-6 {
            (self.h / 2.0) / dy.abs()
        } else {
            f32::INFINITY
        };
        let t = tx.min(ty).min(1.0);
        Point::new(c.x + dx * t, c.y + dy * t)
    }
}

/// A quote this close under its claim (or under the quote above it) is stacked on the claim.
const STACK_GAP: f32 = 40.0;
/// How far outside a stack a link bends round it; also how far left of a column of reasons
/// their shared trunk runs (the layout keeps that band free).
pub(super) const CLEARANCE: f32 = 14.0;
/// Entry points keep this far from a claim's corners.
const EDGE_MARGIN: f32 = 6.0;

/// One link to route, with what routing needs to know about it.
#[derive(Clone, Copy, Debug)]
pub(super) struct Wire<K> {
    pub from: K,
    pub to: K,
    pub contradicts: bool,
    /// The link starts at a quote (evidence, which may be stacked under its claim).
    pub from_quote: bool,
}

/// The route of every link in `map.links` (same order), as points from the start of the line
/// to the tip of its head; `None` where `bounds` does not know one of the cards.
pub fn routes(map: &Map, bounds: &dyn Fn(&NodeId) -> Option<Bounds>) -> Vec<Option<Vec<Point>>> {
    let cards: Vec<&NodeId> = map.nodes().map(|n| n.id()).collect();
    route_wires(&map_wires(map), bounds, Some(&cards))
}

/// [`routes`] without the bends round cards they would pass over: for a drawing that changes
/// every frame (cards being dragged), at a fraction of the cost on a big map.
pub fn routes_direct(
    map: &Map,
    bounds: &dyn Fn(&NodeId) -> Option<Bounds>,
) -> Vec<Option<Vec<Point>>> {
    route_wires(&map_wires(map), bounds, None)
}

/// The links of `map` as wires.
pub(super) fn map_wires(map: &Map) -> Vec<Wire<&NodeId>> {
    let nodes = map.node_index();
    map.links
        .iter()
        .map(|l| Wire {
            from: &l.from,
            to: &l.to,
            contradicts: l.relation == Relation::Contradicts,
            from_quote: nodes.quote(&l.from).is_some(),
        })
        .collect()
}

/// Where a line into a claim comes from: a card, or the top of a column's trunk (a box of no
/// size), with the part of each link's route that leads there.
struct Source {
    from: Bounds,
    /// (link index, the route's points before the shared part).
    links: Vec<(usize, Vec<Point>)>,
}

/// Routes of `wires` (same order), with card boxes from `bounds`; bent round
/// the cards in `avoid` they would be drawn over.
pub(super) fn route_wires<K: Copy + Eq + Hash>(
    wires: &[Wire<K>],
    bounds: &dyn Fn(K) -> Option<Bounds>,
    avoid: Option<&[K]>,
) -> Vec<Option<Vec<Point>>> {
    let stacks = stacks(wires, bounds);
    let mut out: Vec<Option<Vec<Point>>> = vec![None; wires.len()];
    let (column_sources, in_columns) = columns(wires, bounds, &stacks);
    let mut sources: Vec<(K, Source)> = Vec::new();
    for (i, w) in wires.iter().enumerate() {
        if in_columns.contains(&i) {
            continue;
        }
        let (Some(a), Some(_)) = (bounds(w.from), bounds(w.to)) else {
            continue;
        };
        sources.push((
            w.to,
            Source {
                from: a,
                links: vec![(i, Vec::new())],
            },
        ));
    }
    for s in column_sources {
        if let Some(&(i, _)) = s.links.first() {
            sources.push((wires[i].to, s));
        }
    }
    // Lines to enter a claim from the side: (claim, left side?) → sources.
    let mut sides: HashMap<(K, bool), Vec<Source>> = HashMap::new();
    let ends = Ends::new(wires);
    let mut straight: Vec<(K, Source)> = Vec::new();
    for (to, s) in sources {
        let Some(b) = bounds(to) else { continue };
        let a = s.from;
        let contradicts = s.links.iter().any(|&(i, _)| wires[i].contradicts);
        let from_below = stacks.get(&to).is_some_and(|st| {
            s.links
                .iter()
                .all(|(i, _)| !st.members.contains(&wires[*i].from))
                && a.centre().y > b.bottom()
        });
        if from_below && !contradicts {
            let left = side_for((wires, &ends), bounds, &s, to, b);
            // Not into the side a contradicting neighbour sits against (their line is there).
            let left = if blocked((wires, &ends), bounds, to, b, left)
                && !blocked((wires, &ends), bounds, to, b, !left)
            {
                !left
            } else {
                left
            };
            sides.entry((to, left)).or_default().push(s);
        } else {
            straight.push((to, s));
        }
    }
    for (to, s) in straight {
        let Some(b) = bounds(to) else { continue };
        let a = s.from;
        let tip = b.border_towards(a.centre());
        let start = a.border_towards(b.centre());
        for (i, prefix) in s.links {
            out[i] = Some(join(prefix, &[start, tip]));
        }
    }
    let entered: HashSet<(K, bool)> = sides.keys().copied().collect();
    for ((claim, left), links) in sides {
        let (Some(c), Some(stack)) = (bounds(claim), stacks.get(&claim)) else {
            continue;
        };
        enter_side(c, stack.bottom, left, links, &mut out);
    }
    leave_from_top(wires, bounds, &in_columns, &entered, &mut out);
    if let Some(cards) = avoid {
        detour::wires_round_cards(wires, bounds, cards, &stacks, &in_columns, &mut out);
    }
    out
}

/// A route: `prefix`, then `rest` without a first point that repeats the prefix's last.
fn join(mut prefix: Vec<Point>, rest: &[Point]) -> Vec<Point> {
    let skip = usize::from(prefix.last().is_some_and(|p| rest.first() == Some(p)));
    prefix.extend_from_slice(&rest[skip.min(rest.len())..]);
    prefix
}

#[cfg(test)]
mod tests;
