//! Counting edge crossings of a drawn map: along the links' routes, as the canvas and the exports
//! draw them (straight segments between card centres for a layout that has no routes yet).

use super::card::Size;
use super::route::{self, Bounds};
use crate::model::{LinkId, Map, NodeId, NodeRef, Point};
use std::collections::HashMap;

/// Proper crossings among `segments`: two segments that meet at a point inside both. Segments
/// that share an end (links of one card) or merely touch do not count.
pub fn count_crossings(segments: &[(Point, Point)]) -> usize {
    // Sorted by left end, a segment can only cross those that start before it ends.
    let mut segs: Vec<(Point, Point)> = segments
        .iter()
        .map(|&(a, b)| if a.x <= b.x { (a, b) } else { (b, a) })
        .collect();
    segs.sort_by(|s, t| s.0.x.total_cmp(&t.0.x));
    let mut count = 0;
    for (i, s) in segs.iter().enumerate() {
        for t in &segs[i + 1..] {
            if t.0.x > s.1.x {
                break;
            }
            if cross(s, t) {
                count += 1;
            }
        }
    }
    count
}

fn orient(a: Point, b: Point, c: Point) -> f64 {
    let (ax, ay, bx, by, cx, cy) = (
        f64::from(a.x),
        f64::from(a.y),
        f64::from(b.x),
        f64::from(b.y),
        f64::from(c.x),
        f64::from(c.y),
    );
    (bx - ax) * (cy - ay) - (by - ay) * (cx - ax)
}

/// Whether two segments cross at a point inside both.
pub(in crate::layout) fn cross(s: &(Point, Point), t: &(Point, Point)) -> bool {
    const EPS: f64 = 1e-6;
    let d1 = orient(s.0, s.1, t.0);
    let d2 = orient(s.0, s.1, t.1);
    let d3 = orient(t.0, t.1, s.0);
    let d4 = orient(t.0, t.1, s.1);
    ((d1 > EPS && d2 < -EPS) || (d1 < -EPS && d2 > EPS))
        && ((d3 > EPS && d4 < -EPS) || (d3 < -EPS && d4 > EPS))
}

/// Every link of `map` as a segment between the centres of its cards at their positions.
pub fn link_segments(map: &Map, size: &dyn Fn(NodeRef<'_>) -> Size) -> Vec<(Point, Point)> {
    let centres: HashMap<&NodeId, Point> = map
        .nodes()
        .map(|n| {
            let s = size(n);
            let p = n.pos();
            (n.id(), Point::new(p.x + s.w / 2.0, p.y + s.h / 2.0))
        })
        .collect();
    map.links
        .iter()
        .filter_map(|l| Some((*centres.get(&l.from)?, *centres.get(&l.to)?)))
        .collect()
}

/// Crossings of the links of `map` as it is laid out now, as they are drawn (their routes).
pub fn map_crossings(map: &Map, size: &dyn Fn(NodeRef<'_>) -> Size) -> usize {
    drawn(map, size).0
}

/// Where a link's drawn route passes over a card it does not join: (link id, card id).
pub fn map_pierced(map: &Map, size: &dyn Fn(NodeRef<'_>) -> Size) -> Vec<(LinkId, NodeId)> {
    drawn(map, size)
        .1
        .into_iter()
        .map(|(i, k)| (map.links[i].id.clone(), k.clone()))
        .collect()
}

fn drawn<'a>(
    map: &'a Map,
    size: &dyn Fn(NodeRef<'_>) -> Size,
) -> (usize, Vec<(usize, &'a NodeId)>) {
    let boxes: HashMap<&NodeId, Bounds> = map
        .nodes()
        .map(|n| {
            let (s, p) = (size(n), n.pos());
            (
                n.id(),
                Bounds {
                    x: p.x,
                    y: p.y,
                    w: s.w,
                    h: s.h,
                },
            )
        })
        .collect();
    let cards: Vec<&NodeId> = map.nodes().map(|n| n.id()).collect();
    route::drawn_round(&route::map_wires(map), &|id| boxes.get(id).copied(), &cards)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_x_crosses_a_shared_end_does_not() {
        let p = Point::new;
        assert_eq!(
            count_crossings(&[(p(0.0, 0.0), p(10.0, 10.0)), (p(0.0, 10.0), p(10.0, 0.0))]),
            1
        );
        assert_eq!(
            count_crossings(&[(p(0.0, 0.0), p(10.0, 10.0)), (p(0.0, 0.0), p(10.0, 0.0))]),
            0
        );
        // Collinear, overlapping: a stack of quotes under one claim; not a crossing.
        assert_eq!(
            count_crossings(&[(p(0.0, 0.0), p(0.0, 10.0)), (p(0.0, 0.0), p(0.0, 20.0))]),
            0
        );
    }
}
