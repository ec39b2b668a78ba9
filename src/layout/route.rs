//! Where each link is drawn. Most go straight from border to border. A link that comes up into a
//! claim whose quotes are stacked right under it would pass behind that stack, its arrowhead
//! squeezed between the claim and its first quote; such links enter the claim from the side
//! instead, spread along its edge, bending round the stack's bottom corner when they start
//! beneath it. Reasons stacked in a column under the claim they bear on share a trunk beside the
//! column. The canvas and the exports draw the same routes.

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

/// The quotes stacked under a claim and the bottom of the stack.
struct Stack<K> {
    members: HashSet<K>,
    bottom: f32,
}

/// Quotes evidencing a claim that sit right under it, one under the other.
fn stacks<K: Copy + Eq + Hash>(
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

/// The route of every link in `map.links` (same order), as points from the start of the line
/// to the tip of its head; `None` where `bounds` does not know one of the cards.
pub fn routes(map: &Map, bounds: &dyn Fn(&NodeId) -> Option<Bounds>) -> Vec<Option<Vec<Point>>> {
    route_wires(&map_wires(map), bounds)
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

/// Reasons for one claim stacked in a column below it (two or more sharing their left edge)
/// share a trunk: each leaves its card sideways into a vertical line just left of the column,
/// which rises to above the column's top and goes on to the claim as one line. Straight lines
/// from the lower ones would run behind the cards above them.
fn columns<K: Copy + Eq + Hash>(
    wires: &[Wire<K>],
    bounds: &dyn Fn(K) -> Option<Bounds>,
    stacks: &HashMap<K, Stack<K>>,
) -> (Vec<Source>, HashSet<usize>) {
    let mut by_column: HashMap<(K, i64), Vec<(usize, Bounds)>> = HashMap::new();
    for (i, w) in wires.iter().enumerate() {
        if w.contradicts
            || stacks
                .get(&w.to)
                .is_some_and(|s| s.members.contains(&w.from))
        {
            continue;
        }
        let (Some(a), Some(b)) = (bounds(w.from), bounds(w.to)) else {
            continue;
        };
        let below = stacks.get(&w.to).map_or(b.bottom(), |s| s.bottom);
        if a.y > below + CLEARANCE {
            #[allow(clippy::cast_possible_truncation)] // a column key: left edges, rounded
            let key = (a.x * 2.0).round() as i64;
            by_column.entry((w.to, key)).or_default().push((i, a));
        }
    }
    let mut sources = Vec::new();
    let mut taken = HashSet::new();
    let mut keys: Vec<_> = by_column.into_iter().filter(|(_, v)| v.len() > 1).collect();
    // Deterministic order: by the first link of each column.
    keys.sort_by_key(|(_, v)| v.iter().map(|(i, _)| *i).min());
    for (_, members) in keys {
        let top = members
            .iter()
            .map(|(_, a)| a.y)
            .fold(f32::INFINITY, f32::min);
        let x = members[0].1.x - CLEARANCE;
        let port = Point::new(x, top - CLEARANCE);
        let links = members
            .iter()
            .map(|&(i, a)| {
                let mid = a.y + a.h / 2.0;
                taken.insert(i);
                (i, vec![Point::new(a.x, mid), Point::new(x, mid), port])
            })
            .collect();
        sources.push(Source {
            from: Bounds {
                x: port.x,
                y: port.y,
                w: 0.0,
                h: 0.0,
            },
            links,
        });
    }
    (sources, taken)
}

/// Routes of `wires` (same order), with card boxes from `bounds`.
pub(super) fn route_wires<K: Copy + Eq + Hash>(
    wires: &[Wire<K>],
    bounds: &dyn Fn(K) -> Option<Bounds>,
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
            let left = side_for(wires, bounds, &s, to, b);
            // Not into the side a contradicting neighbour sits against (their line is there).
            let left =
                if blocked(wires, bounds, to, b, left) && !blocked(wires, bounds, to, b, !left) {
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
    out
}

/// A line leaving through a side that other lines come into would cross them: it leaves from
/// that end of the top edge instead. Lines leaving one card's top edge all start at its middle
/// (fanning out from one point, they cannot cross each other).
fn leave_from_top<K: Copy + Eq + Hash>(
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

/// Which side (left: `true`) of claim `to` (box `b`) a line from `s` below enters: the side
/// facing the source; for a source right beneath the claim, the side away from the source's
/// other lines, which it would otherwise cross.
fn side_for<K: Copy + Eq + Hash>(
    wires: &[Wire<K>],
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
    let others: f32 = wires
        .iter()
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
fn blocked<K: Copy + Eq + Hash>(
    wires: &[Wire<K>],
    bounds: &dyn Fn(K) -> Option<Bounds>,
    c: K,
    b: Bounds,
    left: bool,
) -> bool {
    wires
        .iter()
        .filter(|w| w.contradicts && (w.from == c || w.to == c))
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

/// A route: `prefix`, then `rest` without a first point that repeats the prefix's last.
fn join(mut prefix: Vec<Point>, rest: &[Point]) -> Vec<Point> {
    let skip = usize::from(prefix.last().is_some_and(|p| rest.first() == Some(p)));
    prefix.extend_from_slice(&rest[skip.min(rest.len())..]);
    prefix
}

/// Routes lines into one side of claim `c` (whose stack ends at `bottom`), spread along it.
fn enter_side(
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

/// Whether the segment from `p` to `q` meets the rectangle (left, top, right, bottom): the
/// segment clipped to it (Liang-Barsky) is not empty.
pub(super) fn segment_meets_rect(p: (f32, f32), q: (f32, f32), r: (f32, f32, f32, f32)) -> bool {
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
pub(super) fn drawn<K: Copy + Eq + Hash>(
    wires: &[Wire<K>],
    bounds: &dyn Fn(K) -> Option<Bounds>,
    cards: &[K],
) -> (usize, Vec<(usize, K)>) {
    let routes = route_wires(wires, bounds);
    let stacks = stacks(wires, bounds);
    let segments: Vec<(Point, Point)> = routes
        .iter()
        .flatten()
        .flat_map(|r| r.windows(2).map(|w| (w[0], w[1])))
        .collect();
    let crossings = super::count_crossings(&segments);
    let boxes: Vec<(K, Bounds)> = cards
        .iter()
        .filter_map(|&k| Some((k, bounds(k)?)))
        .collect();
    let mut pierced = Vec::new();
    for (i, route) in routes.iter().enumerate() {
        let Some(route) = route else { continue };
        let w = wires[i];
        let own_stack = stacks.get(&w.to).filter(|s| s.members.contains(&w.from));
        for &(k, b) in &boxes {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, Link, LinkId, Quote};

    fn card(x: f32, y: f32, h: f32) -> Bounds {
        Bounds { x, y, w: 240.0, h }
    }

    /// A claim at the top with two quotes stacked under it, a reason straight below the stack
    /// and one off to the left; a second claim with no stack.
    fn map() -> (Map, HashMap<NodeId, Bounds>) {
        let mut m = Map::new("t");
        let mut at = HashMap::new();
        for (id, b) in [
            ("c", card(0.0, 0.0, 60.0)),
            ("below", card(0.0, 400.0, 60.0)),
            ("left", card(-600.0, 400.0, 60.0)),
            ("plain", card(800.0, 0.0, 60.0)),
            ("under-plain", card(800.0, 300.0, 60.0)),
        ] {
            m.claims.push(Claim {
                id: NodeId::from(id),
                ..Claim::default()
            });
            at.insert(NodeId::from(id), b);
        }
        for (id, b) in [
            ("q1", card(0.0, 78.0, 80.0)),
            ("q2", card(0.0, 176.0, 80.0)),
        ] {
            m.quotes.push(Quote {
                id: NodeId::from(id),
                ..Quote::default()
            });
            at.insert(NodeId::from(id), b);
        }
        for (from, to) in [
            ("q1", "c"),
            ("q2", "c"),
            ("below", "c"),
            ("left", "c"),
            ("under-plain", "plain"),
        ] {
            m.links.push(Link {
                id: LinkId(format!("{from}-{to}")),
                from: NodeId::from(from),
                to: NodeId::from(to),
                relation: Relation::Supports,
            });
        }
        (m, at)
    }

    /// Whether the segment a–b passes through the inside of `r`.
    fn crosses(a: Point, b: Point, r: Bounds) -> bool {
        (1..100).any(|k| {
            let t = k as f32 / 100.0;
            let (x, y) = (a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t);
            x > r.x + 1.0 && x < r.right() - 1.0 && y > r.y + 1.0 && y < r.bottom() - 1.0
        })
    }

    #[test]
    fn links_from_below_go_round_the_stack_into_the_side_of_the_claim() {
        let (m, at) = map();
        let routes = routes(&m, &|id| at.get(id).copied());
        let stack = [at[&NodeId::from("q1")], at[&NodeId::from("q2")]];
        let c = at[&NodeId::from("c")];
        for (i, l) in m.links.iter().enumerate() {
            let r = routes[i].as_ref().unwrap();
            for w in r.windows(2) {
                for q in stack {
                    if m.quote(&l.from).is_none() {
                        assert!(!crosses(w[0], w[1], q), "{} passes behind a quote", l.id);
                    }
                }
            }
            let tip = *r.last().unwrap();
            if l.from.as_str() == "below" {
                assert_eq!(r.len(), 3, "bends round the stack's corner");
                assert!((tip.x - c.x).abs() < 0.01 || (tip.x - c.right()).abs() < 0.01);
            }
            if l.from.as_str() == "left" {
                assert_eq!(
                    r.len(),
                    2,
                    "clear of the stack: straight into the left side"
                );
                assert!((tip.x - c.x).abs() < 0.01);
                assert!(tip.y > c.y && tip.y < c.bottom());
            }
            if l.from.as_str() == "under-plain" || m.quote(&l.from).is_some() {
                assert_eq!(r.len(), 2, "{} goes straight", l.id);
            }
        }
    }

    #[test]
    fn links_entering_one_side_are_spread_along_it() {
        let (mut m, mut at) = map();
        m.claims.push(Claim {
            id: NodeId::from("left2"),
            ..Claim::default()
        });
        at.insert(NodeId::from("left2"), card(-300.0, 400.0, 60.0));
        m.links.push(Link {
            id: LinkId::from("left2-c"),
            from: NodeId::from("left2"),
            to: NodeId::from("c"),
            relation: Relation::Opposes,
        });
        let routes = routes(&m, &|id| at.get(id).copied());
        let tip = |id: &str| {
            let i = m.links.iter().position(|l| l.id.as_str() == id).unwrap();
            *routes[i].as_ref().unwrap().last().unwrap()
        };
        let (far, near) = (tip("left-c"), tip("left2-c"));
        assert!(
            far.y < near.y,
            "the outer source enters higher: no crossing"
        );
    }

    #[test]
    fn reasons_stacked_in_a_column_share_a_trunk_beside_it() {
        let mut m = Map::new("t");
        let mut at = HashMap::new();
        let column = ["r1", "r2", "r3"];
        for (id, b) in [
            ("c", card(400.0, 0.0, 60.0)),
            ("r1", card(0.0, 200.0, 60.0)),
            ("r2", card(0.0, 300.0, 60.0)),
            ("r3", card(0.0, 400.0, 60.0)),
        ] {
            m.claims.push(Claim {
                id: NodeId::from(id),
                ..Claim::default()
            });
            at.insert(NodeId::from(id), b);
        }
        for from in column {
            m.links.push(Link {
                id: LinkId(format!("{from}-c")),
                from: NodeId::from(from),
                to: NodeId::from("c"),
                relation: Relation::Supports,
            });
        }
        let routes = routes(&m, &|id| at.get(id).copied());
        for (i, from) in column.iter().enumerate() {
            let r = routes[i].as_ref().unwrap();
            // Out of the card's left side, along the trunk, then to the claim.
            assert!(r[0].x.abs() < 0.01, "{from} leaves sideways");
            assert!((r[1].x + CLEARANCE).abs() < 0.01, "{from} joins the trunk");
            for w in r.windows(2) {
                for other in column.iter().filter(|o| *o != from) {
                    assert!(
                        !crosses(w[0], w[1], at[&NodeId::from(*other)]),
                        "{from} runs over {other}"
                    );
                }
            }
        }
    }
}
