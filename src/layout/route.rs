//! Where each link is drawn. Most go straight from border to border. A link that comes up into a
//! claim whose quotes are stacked right under it would pass behind that stack, its arrowhead
//! squeezed between the claim and its first quote; such links enter the claim from the side
//! instead, spread along its edge, bending round the stack's bottom corner when they start
//! beneath it. The canvas and the exports draw the same routes.

use crate::model::{Map, NodeId, Point, Relation};
use std::collections::{HashMap, HashSet};

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
/// How far outside a stack a link bends round it.
const CLEARANCE: f32 = 14.0;
/// Entry points keep this far from a claim's corners.
const EDGE_MARGIN: f32 = 6.0;

/// The quotes stacked under a claim and the bottom of the stack.
struct Stack<'a> {
    members: HashSet<&'a NodeId>,
    bottom: f32,
}

/// Quotes evidencing a claim that sit right under it, one under the other.
fn stacks<'a>(
    map: &'a Map,
    bounds: &dyn Fn(&NodeId) -> Option<Bounds>,
) -> HashMap<&'a NodeId, Stack<'a>> {
    let mut evidence: HashMap<&NodeId, Vec<(&NodeId, Bounds)>> = HashMap::new();
    let nodes = map.node_index();
    for l in &map.links {
        if l.relation != Relation::Contradicts
            && nodes.quote(&l.from).is_some()
            && let Some(b) = bounds(&l.from)
        {
            evidence.entry(&l.to).or_default().push((&l.from, b));
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
    let stacks = stacks(map, bounds);
    let mut out: Vec<Option<Vec<Point>>> = Vec::with_capacity(map.links.len());
    // Links to enter a claim from the side: (claim, left side?) → (link index, source box).
    let mut sides: HashMap<(&NodeId, bool), Vec<(usize, Bounds)>> = HashMap::new();
    for (i, l) in map.links.iter().enumerate() {
        let (Some(a), Some(b)) = (bounds(&l.from), bounds(&l.to)) else {
            out.push(None);
            continue;
        };
        let from_below = stacks
            .get(&l.to)
            .is_some_and(|s| !s.members.contains(&l.from) && a.centre().y > b.bottom());
        if from_below && l.relation != Relation::Contradicts {
            let left = a.centre().x < b.centre().x;
            sides.entry((&l.to, left)).or_default().push((i, a));
            out.push(None);
        } else {
            out.push(Some(vec![
                a.border_towards(b.centre()),
                b.border_towards(a.centre()),
            ]));
        }
    }
    for ((claim, left), mut links) in sides {
        let (Some(c), Some(stack)) = (bounds(claim), stacks.get(claim)) else {
            continue;
        };
        // The outermost source takes the highest entry, so the lines do not cross each other.
        links.sort_by(|p, q| {
            let (x, y) = (p.1.centre().x, q.1.centre().x);
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
        for (k, (i, a)) in links.into_iter().enumerate() {
            let entry = Point::new(edge, c.y + EDGE_MARGIN + (k as f32 + 0.5) * span / n);
            let clear = if left {
                a.right() < c.x - 1.0
            } else {
                a.x > c.right() + 1.0
            };
            out[i] = Some(if clear {
                vec![a.border_towards(entry), entry]
            } else {
                let corner = Point::new(out_x, stack.bottom + CLEARANCE);
                vec![a.border_towards(corner), corner, entry]
            });
        }
    }
    out
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
}
