//! Laying out each connected part of the map, the parts and lone cards packed in rows into a box
//! near 16:9; then the cards of each group in place (blocks side by side, quotes stacked under
//! their claim).

use super::columns;
use super::compact::Try;
use super::graph::Graph;
use super::sugiyama::{self, Input, Spacing};
use super::tree;
use super::{LayoutSettings, Size, count_crossings};
use crate::model::{NodeRef, Point};
use std::collections::HashMap;

/// Sizes of cards, blocks (a claim and its quotes) and groups (contradicting blocks).
pub(super) struct Sizes {
    pub card: Vec<Size>,
    pub block: Vec<Size>,
    pub group: Vec<Size>,
}

impl Sizes {
    pub fn new(
        graph: &Graph<'_>,
        settings: &LayoutSettings,
        size: &dyn Fn(NodeRef<'_>) -> Size,
    ) -> Self {
        let card: Vec<Size> = graph.nodes.iter().map(|&n| size(n)).collect();
        let block: Vec<Size> = graph
            .blocks
            .iter()
            .map(|b| Size {
                w: b.iter().map(|&n| card[n].w).fold(0.0, f32::max),
                h: b.iter().map(|&n| card[n].h).sum::<f32>()
                    + (b.len() - 1) as f32 * settings.quote_gap,
            })
            .collect();
        let group = graph
            .groups
            .iter()
            .map(|g| Size {
                w: g.iter().map(|&b| block[b].w).sum::<f32>()
                    + (g.len() - 1) as f32 * settings.node_gap,
                h: g.iter().map(|&b| block[b].h).fold(0.0, f32::max),
            })
            .collect();
        Self { card, block, group }
    }
}

/// Top-left corners of every card, the layout's own origin at (0, 0), and the crossings among
/// links that this leaves.
pub(super) fn arrange(
    graph: &Graph<'_>,
    sizes: &Sizes,
    settings: &LayoutSettings,
) -> (Vec<Point>, usize) {
    let mut total = 0;
    let mut group_pos = vec![Point::default(); graph.groups.len()];
    let mut pos = vec![Point::default(); graph.nodes.len()];
    let mut items = Vec::new();
    for comp in graph.components() {
        if comp.len() == 1 && !graph.thesis[comp[0]] {
            items.push(Item::loner(comp[0], sizes));
            continue;
        }
        let (crossings, local) =
            Try::new(graph, sizes, settings, &comp, (&mut group_pos, &mut pos)).drawing();
        total += crossings;
        items.push(Item::part(comp, local, sizes));
    }
    for (item, at) in items.iter().zip(pack(&items, settings)) {
        for (&g, p) in item.groups.iter().zip(&item.local) {
            group_pos[g] = Point::new(at.x + p.x - item.x0, at.y + p.y - item.y0);
        }
    }
    let all: Vec<usize> = (0..graph.groups.len()).collect();
    cards(graph, sizes, settings, &all, &group_pos, &mut pos);
    (pos, total)
}

/// A connected part (or a lone card) to pack: its groups, where they sit in its own drawing,
/// and that drawing's box.
struct Item {
    groups: Vec<usize>,
    local: Vec<Point>,
    x0: f32,
    y0: f32,
    w: f32,
    h: f32,
    loner: bool,
}

impl Item {
    fn part(groups: Vec<usize>, local: Vec<Point>, sizes: &Sizes) -> Self {
        let (mut x0, mut y0, mut x1, mut y1) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
        for (&g, p) in groups.iter().zip(&local) {
            x0 = x0.min(p.x);
            y0 = y0.min(p.y);
            x1 = x1.max(p.x + sizes.group[g].w);
            y1 = y1.max(p.y + sizes.group[g].h);
        }
        if x0 > x1 {
            (x0, y0, x1, y1) = (0.0, 0.0, 0.0, 0.0);
        }
        Self {
            groups,
            local,
            x0,
            y0,
            w: x1 - x0,
            h: y1 - y0,
            loner: false,
        }
    }

    fn loner(g: usize, sizes: &Sizes) -> Self {
        Self {
            loner: true,
            ..Self::part(vec![g], vec![Point::default()], sizes)
        }
    }
}

/// Most row widths [`pack`] tries (a map of thousands of lone cards must not stall a load).
const PACK_TRIES: usize = 64;

/// Top-left corners for `items`, in order, in rows (the first part, with the thesis, top
/// left): the row width chosen, among a few, to make the whole box nearest 16:9.
fn pack(items: &[Item], settings: &LayoutSettings) -> Vec<Point> {
    let gap = |a: &Item, b: &Item| {
        if a.loner && b.loner {
            settings.node_gap
        } else {
            settings.component_gap
        }
    };
    // Widths tried: where each item ends when all sit in one row (that row included).
    let mut ends = Vec::with_capacity(items.len());
    let mut x = 0.0f32;
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            x += gap(&items[i - 1], item);
        }
        x += item.w;
        ends.push(x);
    }
    let widest = items.iter().map(|i| i.w).fold(0.0, f32::max);
    let step = ends.len().div_ceil(PACK_TRIES).max(1);
    let mut best: Option<(f32, Vec<Point>)> = None;
    for &width in ends.iter().step_by(step).chain(ends.last()) {
        let (at, w, h) = rows(items, width.max(widest), &gap, settings.component_gap);
        // Distance from 16:9, on a log scale: twice as wide is as bad as twice as tall.
        let off = ((w.max(1.0) / h.max(1.0)) / (16.0 / 9.0)).ln().abs();
        if best.as_ref().is_none_or(|(o, _)| off < *o - 1e-3) {
            best = Some((off, at));
        }
    }
    best.map(|(_, at)| at).unwrap_or_default()
}

/// Items in rows no wider than `width` (a row holds at least one): their corners and the
/// whole box's size.
fn rows(
    items: &[Item],
    width: f32,
    gap: &dyn Fn(&Item, &Item) -> f32,
    row_gap: f32,
) -> (Vec<Point>, f32, f32) {
    let mut at = Vec::with_capacity(items.len());
    let (mut x, mut y, mut row_h, mut right) = (0.0f32, 0.0f32, 0.0f32, 0.0f32);
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            let next = x + gap(&items[i - 1], item);
            if next + item.w > width + 0.5 {
                x = 0.0;
                y += row_h + row_gap;
                row_h = 0.0;
            } else {
                x = next;
            }
        }
        at.push(Point::new(x, y));
        x += item.w;
        right = right.max(x);
        row_h = row_h.max(item.h);
    }
    (at, right, y + row_h)
}

/// Whether every reason in the part sits below what it bears on.
pub(super) fn downward(graph: &Graph<'_>, comp: &[usize], local: &[Point]) -> bool {
    let at: HashMap<usize, usize> = comp.iter().enumerate().map(|(i, &g)| (g, i)).collect();
    graph
        .edges
        .iter()
        .all(|(p, c)| match (at.get(p), at.get(c)) {
            (Some(&p), Some(&c)) => local[c].y > local[p].y,
            _ => true,
        })
}

/// A connected part in its own numbering (`0..comp.len()`), as both layouts take it.
struct Part {
    edges: Vec<(usize, usize)>,
    widths: Vec<f32>,
    heights: Vec<f32>,
    first: Vec<bool>,
}

impl Part {
    fn new(graph: &Graph<'_>, sizes: &Sizes, comp: &[usize]) -> Self {
        let local: HashMap<usize, usize> = comp.iter().enumerate().map(|(i, &g)| (g, i)).collect();
        let edges: Vec<(usize, usize)> = graph
            .edges
            .iter()
            .filter_map(|(p, c)| Some((*local.get(p)?, *local.get(c)?)))
            .collect();
        let widths: Vec<f32> = comp.iter().map(|&g| sizes.group[g].w).collect();
        let heights: Vec<f32> = comp.iter().map(|&g| sizes.group[g].h).collect();
        let first: Vec<bool> = comp.iter().map(|&g| graph.thesis[g]).collect();
        Part {
            edges,
            widths,
            heights,
            first,
        }
    }
}

/// The part laid out as a tree along first parents, and whether that tree holds all its links;
/// `None` when it is no tree.
pub(super) fn tree_component(
    graph: &Graph<'_>,
    sizes: &Sizes,
    comp: &[usize],
    settings: &LayoutSettings,
    (pick, mirror, stack): (tree::Pick, bool, usize),
) -> Option<(Vec<Point>, bool)> {
    let Part {
        edges,
        widths,
        heights,
        first,
    } = Part::new(graph, sizes, comp);
    let tails = vec![0.0; comp.len()];
    let seed = 0;
    let reach = &[];
    let (out, whole) = tree::layout(
        &Input {
            widths: &widths,
            heights: &heights,
            edges: &edges,
            first: &first,
            tails: &tails,
            reach,
            hint: &[],
            mirror,
            seed,
            max_width: f32::INFINITY,
            pack: false,
            fan: 0,
        },
        Spacing {
            layer_gap: settings.layer_gap,
            node_gap: settings.node_gap,
        },
        pick,
        stack,
    )?;
    let points = out
        .x
        .iter()
        .zip(&out.y)
        .map(|(&x, &y)| Point::new(x, y))
        .collect();
    Some((points, whole))
}

/// How one layered drawing of a part is tried.
#[derive(Clone, Copy, Debug)]
pub(super) struct Knobs<'a> {
    /// Each group's centre across in an earlier drawing: the first order follows it.
    pub hint: &'a [f32],
    /// Start from the mirror image of the first order.
    pub mirror: bool,
    /// Non-zero: start from an order shuffled with this seed.
    pub seed: u64,
    /// Widest a layer may be (infinite: no limit).
    pub max_width: f32,
    /// Cards move up under short neighbours.
    pub pack: bool,
    /// Non-zero: leaf reasons stacked in columns of at most this many.
    pub stack: usize,
    /// With a hint: whether a card's leaves that sat apart are gathered into one place.
    pub gather: columns::Gather,
    /// Non-zero: fans of at least this many reasons split in two rows (see `sugiyama::Input`).
    pub fan: usize,
}

impl Knobs<'_> {
    /// The plain layered drawing from the `t`-th start (mirrored every other one).
    pub fn start(t: u64) -> Self {
        Self {
            hint: &[],
            mirror: t % 2 == 1,
            seed: t / 2,
            max_width: f32::INFINITY,
            pack: false,
            stack: 0,
            gather: columns::Gather::Apart,
            fan: 0,
        }
    }
}

/// One connected part laid out: the top-left corner of each of its groups.
pub(super) fn component(
    graph: &Graph<'_>,
    sizes: &Sizes,
    comp: &[usize],
    settings: &LayoutSettings,
    knobs: Knobs<'_>,
) -> Vec<Point> {
    let Part {
        edges,
        widths,
        heights,
        first,
    } = Part::new(graph, sizes, comp);
    let tails: Vec<f32> = comp
        .iter()
        .map(|&g| {
            if graph.groups[g].iter().any(|&b| graph.blocks[b].len() > 1) {
                sizes.group[g].w
            } else {
                0.0
            }
        })
        .collect();
    let spacing = Spacing {
        layer_gap: settings.layer_gap,
        node_gap: settings.node_gap,
    };
    let single: Vec<bool> = comp.iter().map(|&g| graph.groups[g].len() == 1).collect();
    let stacked = columns::stack(
        &columns::Part {
            widths: &widths,
            heights: &heights,
            edges: &edges,
            first: &first,
            tails: &tails,
            hint: knobs.hint,
            gather: knobs.gather,
            single: &single,
        },
        knobs.stack,
        settings.node_gap,
    );
    let out = sugiyama::layout(
        &Input {
            widths: &stacked.widths,
            heights: &stacked.heights,
            edges: &stacked.edges,
            first: &stacked.first,
            tails: &stacked.tails,
            reach: &stacked.reach,
            hint: &stacked.hint,
            mirror: knobs.mirror,
            seed: knobs.seed,
            max_width: knobs.max_width,
            pack: knobs.max_width.is_finite() || knobs.pack || knobs.stack > 0,
            fan: knobs.fan,
        },
        spacing,
    );
    let (x, y) = stacked.expand(&out.x, &out.y);
    x.iter().zip(&y).map(|(&x, &y)| Point::new(x, y)).collect()
}

/// Puts the cards of `groups` in place. Within a group, blocks go left to right as what they
/// link to does, so their links do not cross.
pub(super) fn cards(
    graph: &Graph<'_>,
    sizes: &Sizes,
    settings: &LayoutSettings,
    groups: &[usize],
    group_pos: &[Point],
    pos: &mut [Point],
) {
    let centre = |g: usize| group_pos[g].x + sizes.group[g].w / 2.0;
    for &g in groups {
        let mut blocks = graph.groups[g].clone();
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
                    .map(|o| centre(graph.group_of_block[o]))
                    .collect();
                if xs.is_empty() {
                    centre(g)
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
            let w = sizes.block[b].w;
            for &n in &graph.blocks[b] {
                pos[n] = Point::new(x + (w - sizes.card[n].w) / 2.0, y);
                y += sizes.card[n].h + settings.quote_gap;
            }
            x += w + settings.node_gap;
        }
    }
}

/// Crossings among the links of one part's cards, drawn straight between card centres.
pub(super) fn component_crossings(
    graph: &Graph<'_>,
    sizes: &Sizes,
    comp: &[usize],
    pos: &[Point],
) -> usize {
    let mut inside = vec![false; graph.nodes.len()];
    for &g in comp {
        for &b in &graph.groups[g] {
            for &n in &graph.blocks[b] {
                inside[n] = true;
            }
        }
    }
    let centre = |n: usize| {
        Point::new(
            pos[n].x + sizes.card[n].w / 2.0,
            pos[n].y + sizes.card[n].h / 2.0,
        )
    };
    let segments: Vec<(Point, Point)> = graph
        .links
        .iter()
        .filter(|&&(a, b, _)| inside[a] && inside[b])
        .map(|&(a, b, _)| (centre(a), centre(b)))
        .collect();
    count_crossings(&segments)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_packed_in_rows_near_a_projectors_shape() {
        let part = |_| Item {
            groups: Vec::new(),
            local: Vec::new(),
            x0: 0.0,
            y0: 0.0,
            w: 600.0,
            h: 400.0,
            loner: false,
        };
        let items: Vec<Item> = (0..6).map(part).collect();
        let settings = LayoutSettings::default();
        let at = pack(&items, &settings);
        let right = at.iter().map(|p| p.x + 600.0).fold(0.0, f32::max);
        let bottom = at.iter().map(|p| p.y + 400.0).fold(0.0, f32::max);
        // One row would be 10.5:1, three rows 0.9:1: two rows of three are nearest 16:9.
        let aspect = right / bottom;
        assert!((1.5..=2.5).contains(&aspect), "{aspect}");
        for (i, a) in at.iter().enumerate() {
            for b in &at[i + 1..] {
                let apart = a.x + 600.0 <= b.x
                    || b.x + 600.0 <= a.x
                    || a.y + 400.0 <= b.y
                    || b.y + 400.0 <= a.y;
                assert!(apart, "{a:?} and {b:?} overlap");
            }
        }
    }
}
