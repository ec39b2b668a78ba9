//! Auto-layout ("Tidy"): where every card goes, computed from the map's links alone.
//!
//! Layered, top to bottom: the thesis on top; a claim that supports or opposes another sits in
//! a layer below it; quotes are stacked directly under the claim they evidence; claims that
//! contradict each other share a layer, side by side. Cards never overlap. The result depends on
//! the links, the card sizes and the order of things in the map, not on where cards are now, so
//! a second tidy changes nothing. Pinned cards stay where they are and the rest make room.
//!
//! Pure: no UI. The GUI passes its own card sizes to [`tidy_with`]; [`tidy`] uses the bundled
//! font's metrics ([`card::card_size`]), as the exports do.

pub mod card;
mod columns;
mod compact;
pub mod crossings;
mod graph;
mod opening;
mod order;
mod pack;
mod parts;
mod place;
pub mod room;
pub mod route;
mod sugiyama;
mod tree;

pub use card::Size;
pub use crossings::{count_crossings, link_segments, map_crossings, map_pierced};

use crate::model::{Map, NodeId, NodeRef, Point};
use graph::{Graph, Pairing};
use std::collections::HashSet;

/// How the layout spaces things.
#[derive(Clone, Debug)]
pub struct LayoutSettings {
    /// Vertical space between layers.
    pub layer_gap: f32,
    /// Horizontal space between cards in a layer.
    pub node_gap: f32,
    /// Vertical space between a claim and the quotes stacked under it.
    pub quote_gap: f32,
    /// Space between unconnected parts of the map.
    pub component_gap: f32,
    /// Cards that keep their position.
    pub pinned: HashSet<NodeId>,
}

impl Default for LayoutSettings {
    fn default() -> Self {
        Self {
            layer_gap: 60.0,
            node_gap: 30.0,
            quote_gap: 18.0,
            component_gap: 120.0,
            pinned: HashSet::new(),
        }
    }
}

/// New positions (top-left corners) for every card, measured with the bundled font.
pub fn tidy(map: &Map, settings: &LayoutSettings) -> Vec<(NodeId, Point)> {
    tidy_with(map, settings, &card::card_size)
}

/// New positions for every card, with card sizes from `size` (the GUI knows the true ones).
pub fn tidy_with(
    map: &Map,
    settings: &LayoutSettings,
    size: &dyn Fn(NodeRef<'_>) -> Size,
) -> Vec<(NodeId, Point)> {
    let graph = Graph::new(map, Pairing::All);
    if graph.nodes.is_empty() {
        return Vec::new();
    }
    let sizes = parts::Sizes::new(&graph, settings, size);
    let (pos, crossings) = parts::arrange(&graph, &sizes, settings);
    // Pairing every contradiction can pull a claim far below what it bears on; when that leaves
    // crossings, try pairing only those at the same depth, and keep it if it draws better.
    let (graph, pos) = if crossings > 0 {
        let strict = Graph::new(map, Pairing::SameDepth);
        if strict.groups.len() == graph.groups.len() {
            (graph, pos)
        } else {
            let sizes = parts::Sizes::new(&strict, settings, size);
            let (other, fewer) = parts::arrange(&strict, &sizes, settings);
            if fewer < crossings {
                (strict, other)
            } else {
                (graph, pos)
            }
        }
    } else {
        (graph, pos)
    };
    let mut pos = pos;
    let cards: Vec<Size> = graph.nodes.iter().map(|&n| size(n)).collect();
    place_on_map(&graph, &mut pos, &cards, settings);
    graph
        .nodes
        .iter()
        .zip(pos)
        .map(|(n, p)| (n.id().clone(), p))
        .collect()
}

/// Gives every card without a position (read from a file without `pos`) one: the whole map is
/// laid out when no card has a position; otherwise the placed cards stay where they are and the
/// others are laid out around them. Returns how many cards were placed.
pub fn place_unplaced(map: &mut Map) -> usize {
    let unplaced: HashSet<NodeId> = map
        .nodes()
        .filter(|n| !n.pos().is_placed())
        .map(|n| n.id().clone())
        .collect();
    if unplaced.is_empty() {
        return 0;
    }
    let settings = LayoutSettings {
        pinned: map
            .nodes()
            .map(|n| n.id().clone())
            .filter(|id| !unplaced.contains(id))
            .collect(),
        ..LayoutSettings::default()
    };
    // The layout goes where the map's corner is; with nothing placed that is the origin.
    for c in &mut map.claims {
        if unplaced.contains(&c.id) {
            c.pos = Point::default();
        }
    }
    for q in &mut map.quotes {
        if unplaced.contains(&q.id) {
            q.pos = Point::default();
        }
    }
    let placed: std::collections::HashMap<NodeId, Point> = tidy(map, &settings)
        .into_iter()
        .filter(|(id, _)| unplaced.contains(id))
        .collect();
    for c in &mut map.claims {
        if let Some(p) = placed.get(&c.id) {
            c.pos = *p;
        }
    }
    for q in &mut map.quotes {
        if let Some(p) = placed.get(&q.id) {
            q.pos = *p;
        }
    }
    unplaced.len()
}

/// Moves the computed layout onto the map: near pinned cards if any (pinned cards then stay
/// exactly where they are and the others make way), else at the map's current top-left corner.
fn place_on_map(graph: &Graph<'_>, pos: &mut [Point], sizes: &[Size], settings: &LayoutSettings) {
    let current: Vec<Point> = graph.nodes.iter().map(NodeRef::pos).collect();
    let pinned: Vec<bool> = graph
        .nodes
        .iter()
        .map(|n| settings.pinned.contains(n.id()))
        .collect();
    let n_pinned = pinned.iter().filter(|&&p| p).count();
    let shift = if n_pinned == 0 {
        // The layout's top-left corner goes where the map's is now.
        let min =
            |pts: &[Point], f: fn(&Point) -> f32| pts.iter().map(f).fold(f32::INFINITY, f32::min);
        Point::new(
            min(&current, |p| p.x) - min(pos, |p| p.x),
            min(&current, |p| p.y) - min(pos, |p| p.y),
        )
    } else {
        let (mut dx, mut dy) = (0.0, 0.0);
        for i in (0..pos.len()).filter(|&i| pinned[i]) {
            dx += current[i].x - pos[i].x;
            dy += current[i].y - pos[i].y;
        }
        Point::new(dx / n_pinned as f32, dy / n_pinned as f32)
    };
    let shift = Point::new(shift.x.round(), shift.y.round());
    let laid_out = pos.to_vec();
    for (i, p) in pos.iter_mut().enumerate() {
        *p = if pinned[i] {
            current[i]
        } else {
            Point::new((p.x + shift.x).round(), (p.y + shift.y).round())
        };
    }
    // The quotes stacked under a pinned claim go with it.
    for block in &graph.blocks {
        if let Some(&head) = block.iter().find(|&&n| pinned[n]) {
            for &n in block.iter().filter(|&&n| !pinned[n]) {
                pos[n] = Point::new(
                    (current[head].x + laid_out[n].x - laid_out[head].x).round(),
                    (current[head].y + laid_out[n].y - laid_out[head].y).round(),
                );
            }
        }
    }
    if n_pinned > 0 {
        make_way(graph, pos, sizes, &pinned, settings.node_gap);
    }
}

/// Pairs of (card, placed card) [`make_way`] may compare before it settles for moving every
/// unpinned card right of all pinned ones (a big half-placed map must not stall its load).
const MAKE_WAY_BUDGET: usize = 20_000_000;

/// Pushes unpinned blocks right, in order, past any pinned card they would overlap.
fn make_way(graph: &Graph<'_>, pos: &mut [Point], sizes: &[Size], pinned: &[bool], gap: f32) {
    let rect = |n: usize, pos: &[Point]| (pos[n].x, pos[n].y, sizes[n].w, sizes[n].h);
    let n_pinned = pinned.iter().filter(|&&p| p).count();
    if n_pinned.saturating_mul(pos.len()).saturating_mul(4) > MAKE_WAY_BUDGET {
        // Cards stacked under a pinned claim stay with it.
        let mut held = pinned.to_vec();
        for block in &graph.blocks {
            if block.iter().any(|&n| pinned[n]) {
                for &n in block {
                    held[n] = true;
                }
            }
        }
        let free = |n: &usize| !held[*n];
        let right = (0..pos.len())
            .filter(|&n| held[n])
            .map(|n| pos[n].x + sizes[n].w)
            .fold(f32::NEG_INFINITY, f32::max);
        let left = (0..pos.len())
            .filter(free)
            .map(|n| pos[n].x)
            .fold(f32::INFINITY, f32::min);
        if right.is_finite() && left.is_finite() {
            let dx = (right + gap - left).max(0.0).ceil();
            for n in (0..pos.len()).filter(free) {
                pos[n].x += dx;
            }
        }
        return;
    }
    // Placed rectangles, each with the block it belongs to: a block never makes way for its own
    // pinned head (its quotes sit closer to it than `gap`).
    let obstacles: Vec<(usize, (f32, f32, f32, f32))> = graph
        .blocks
        .iter()
        .enumerate()
        .flat_map(|(b, nodes)| nodes.iter().map(move |&n| (b, n)))
        .filter(|&(_, n)| pinned[n])
        .map(|(b, n)| (b, rect(n, pos)))
        .collect();
    // Every unpinned block, by top then left: a row of the layout at a time.
    let mut blocks: Vec<(usize, Vec<usize>)> = graph
        .blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let free: Vec<usize> = b.iter().copied().filter(|&n| !pinned[n]).collect();
            (i, free)
        })
        .filter(|(_, b)| !b.is_empty())
        .collect();
    blocks.sort_by(|(_, a), (_, b)| {
        let (pa, pb) = (pos[a[0]], pos[b[0]]);
        pa.y.total_cmp(&pb.y).then(pa.x.total_cmp(&pb.x))
    });
    let mut placed = obstacles;
    for (id, block) in blocks {
        loop {
            let hit = block.iter().find_map(|&n| {
                let (x, y, w, h) = rect(n, pos);
                placed
                    .iter()
                    .filter(|(owner, _)| *owner != id)
                    .map(|(_, r)| *r)
                    .find(|&(ox, oy, ow, oh)| {
                        x < ox + ow + gap
                            && ox < x + w + gap
                            && y < oy + oh + gap
                            && oy < y + h + gap
                    })
                    .map(|(ox, _, ow, _)| ox + ow + gap - x)
            });
            match hit {
                Some(dx) => {
                    for &n in &block {
                        pos[n].x += dx.max(1.0).ceil();
                    }
                }
                None => break,
            }
        }
        placed.extend(block.iter().map(|&n| (id, rect(n, pos))));
    }
}
