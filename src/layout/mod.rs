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
pub mod crossings;
mod graph;
mod place;
mod sugiyama;

pub use card::Size;
pub use crossings::{count_crossings, link_segments, map_crossings};

use crate::model::{Map, NodeId, NodeRef, Point};
use graph::Graph;
use std::collections::HashSet;
use sugiyama::{Input, Spacing};

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
            layer_gap: 90.0,
            node_gap: 40.0,
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
    let graph = Graph::new(map);
    if graph.nodes.is_empty() {
        return Vec::new();
    }
    let sizes: Vec<Size> = graph.nodes.iter().map(|&n| size(n)).collect();
    let block_size: Vec<Size> = graph
        .blocks
        .iter()
        .map(|b| Size {
            w: b.iter().map(|&n| sizes[n].w).fold(0.0, f32::max),
            h: b.iter().map(|&n| sizes[n].h).sum::<f32>()
                + (b.len() - 1) as f32 * settings.quote_gap,
        })
        .collect();
    let group_size: Vec<Size> = graph
        .groups
        .iter()
        .map(|g| Size {
            w: g.iter().map(|&b| block_size[b].w).sum::<f32>()
                + (g.len() - 1) as f32 * settings.node_gap,
            h: g.iter().map(|&b| block_size[b].h).fold(0.0, f32::max),
        })
        .collect();

    // Each connected part on its own, left to right; lone cards in rows underneath.
    let mut group_pos = vec![Point::default(); graph.groups.len()];
    let mut x0 = 0.0f32;
    let mut bottom = 0.0f32;
    let mut loners = Vec::new();
    for comp in graph.components() {
        if comp.len() == 1 && !graph.thesis[comp[0]] {
            loners.push(comp[0]);
            continue;
        }
        let local: std::collections::HashMap<usize, usize> =
            comp.iter().enumerate().map(|(i, &g)| (g, i)).collect();
        let edges: Vec<(usize, usize)> = graph
            .edges
            .iter()
            .filter_map(|(p, c)| Some((*local.get(p)?, *local.get(c)?)))
            .collect();
        let widths: Vec<f32> = comp.iter().map(|&g| group_size[g].w).collect();
        let heights: Vec<f32> = comp.iter().map(|&g| group_size[g].h).collect();
        let first: Vec<bool> = comp.iter().map(|&g| graph.thesis[g]).collect();
        let tails: Vec<f32> = comp
            .iter()
            .map(|&g| {
                if graph.groups[g].iter().any(|&b| graph.blocks[b].len() > 1) {
                    group_size[g].w
                } else {
                    0.0
                }
            })
            .collect();
        let out = sugiyama::layout(
            &Input {
                widths: &widths,
                heights: &heights,
                edges: &edges,
                first: &first,
                tails: &tails,
            },
            Spacing {
                layer_gap: settings.layer_gap,
                node_gap: settings.node_gap,
            },
        );
        let mut right = x0;
        for (i, &g) in comp.iter().enumerate() {
            group_pos[g] = Point::new(x0 + out.x[i], out.y[i]);
            right = right.max(x0 + out.x[i] + widths[i]);
            bottom = bottom.max(out.y[i] + heights[i]);
        }
        x0 = right + settings.component_gap;
    }
    if !loners.is_empty() {
        let row_width = (x0 - settings.component_gap).max(4.0 * (240.0 + settings.node_gap));
        let mut x = 0.0f32;
        let mut y = if bottom > 0.0 {
            bottom + settings.component_gap
        } else {
            0.0
        };
        let mut row_h = 0.0f32;
        for g in loners {
            let s = group_size[g];
            if x > 0.0 && x + s.w > row_width {
                x = 0.0;
                y += row_h + settings.node_gap;
                row_h = 0.0;
            }
            group_pos[g] = Point::new(x, y);
            x += s.w + settings.node_gap;
            row_h = row_h.max(s.h);
        }
    }

    // Groups to blocks to cards. Within a group, blocks go left to right as what they link to
    // does, so their links do not cross.
    let mut group_of_block = vec![0; graph.blocks.len()];
    for (g, blocks) in graph.groups.iter().enumerate() {
        for &b in blocks {
            group_of_block[b] = g;
        }
    }
    let mut pos = vec![Point::default(); graph.nodes.len()];
    for (g, blocks) in graph.groups.iter().enumerate() {
        let mut blocks = blocks.clone();
        if blocks.len() > 1 {
            let key = |b: usize| {
                let xs: Vec<f32> = graph
                    .block_edges
                    .iter()
                    .filter_map(|&(p, c)| match (p == b, c == b) {
                        (true, false) => Some(c),
                        (false, true) => Some(p),
                        _ => None,
                    })
                    .map(|o| {
                        let og = group_of_block[o];
                        group_pos[og].x + group_size[og].w / 2.0
                    })
                    .collect();
                if xs.is_empty() {
                    group_pos[g].x + group_size[g].w / 2.0
                } else {
                    xs.iter().sum::<f32>() / xs.len() as f32
                }
            };
            let mut keyed: Vec<(f32, usize)> = blocks.iter().map(|&b| (key(b), b)).collect();
            keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            blocks = keyed.into_iter().map(|(_, b)| b).collect();
        }
        let mut x = group_pos[g].x;
        for &b in &blocks {
            let mut y = group_pos[g].y;
            for &n in &graph.blocks[b] {
                let w = block_size[b].w;
                pos[n] = Point::new(x + (w - sizes[n].w) / 2.0, y);
                y += sizes[n].h + settings.quote_gap;
            }
            x += block_size[b].w + settings.node_gap;
        }
    }
    place_on_map(&graph, &mut pos, &sizes, settings);
    graph
        .nodes
        .iter()
        .zip(pos)
        .map(|(n, p)| (n.id().clone(), p))
        .collect()
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
    for (i, p) in pos.iter_mut().enumerate() {
        *p = if pinned[i] {
            current[i]
        } else {
            Point::new((p.x + shift.x).round(), (p.y + shift.y).round())
        };
    }
    if n_pinned > 0 {
        make_way(graph, pos, sizes, &pinned, settings.node_gap);
    }
}

/// Pushes unpinned blocks right, in order, past any pinned card they would overlap.
fn make_way(graph: &Graph<'_>, pos: &mut [Point], sizes: &[Size], pinned: &[bool], gap: f32) {
    let rect = |n: usize, pos: &[Point]| (pos[n].x, pos[n].y, sizes[n].w, sizes[n].h);
    let obstacles: Vec<(f32, f32, f32, f32)> = (0..pos.len())
        .filter(|&n| pinned[n])
        .map(|n| rect(n, pos))
        .collect();
    // Every unpinned block, by top then left: a row of the layout at a time.
    let mut blocks: Vec<Vec<usize>> = graph
        .blocks
        .iter()
        .map(|b| {
            b.iter()
                .copied()
                .filter(|&n| !pinned[n])
                .collect::<Vec<_>>()
        })
        .filter(|b: &Vec<usize>| !b.is_empty())
        .collect();
    blocks.sort_by(|a, b| {
        let (pa, pb) = (pos[a[0]], pos[b[0]]);
        pa.y.total_cmp(&pb.y).then(pa.x.total_cmp(&pb.x))
    });
    let mut placed: Vec<(f32, f32, f32, f32)> = obstacles;
    for block in blocks {
        loop {
            let hit = block.iter().find_map(|&n| {
                let (x, y, w, h) = rect(n, pos);
                placed
                    .iter()
                    .find(|&&(ox, oy, ow, oh)| {
                        x < ox + ow + gap
                            && ox < x + w + gap
                            && y < oy + oh + gap
                            && oy < y + h + gap
                    })
                    .map(|&(ox, _, ow, _)| ox + ow + gap - x)
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
        placed.extend(block.iter().map(|&n| rect(n, pos)));
    }
}
