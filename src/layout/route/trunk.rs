//! Reasons stacked in a column under their claim share one trunk beside the column.

use super::stack::Stack;
use super::{Bounds, CLEARANCE, Source, Wire};
use crate::model::Point;
use std::collections::{HashMap, HashSet};
use std::hash::Hash;

/// Reasons for one claim stacked in a column below it (two or more sharing their left edge)
/// share a trunk: each leaves its card sideways into a vertical line just left of the column,
/// which rises to above the column's top and goes on to the claim as one line. Straight lines
/// from the lower ones would run behind the cards above them.
pub(super) fn columns<K: Copy + Eq + Hash>(
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
