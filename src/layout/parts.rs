//! Laying out each connected part of the map, side by side, lone cards in rows underneath; then
//! the cards of each group in place (blocks side by side, quotes stacked under their claim).

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
    let mut x0 = 0.0f32;
    let mut bottom = 0.0f32;
    let mut loners = Vec::new();
    for comp in graph.components() {
        if comp.len() == 1 && !graph.thesis[comp[0]] {
            loners.push(comp[0]);
            continue;
        }
        // A tree (or nearly one) gets the tidy tree layout, crossing-free when it holds every
        // link. Otherwise the layered ordering, a heuristic: when it leaves crossings, try it
        // mirrored and keep the better drawing, as counted on the cards themselves. Counting
        // is skipped on parts too big to count cheaply (a hostile map must not stall a load).
        let countable = component_links(graph, &comp) <= COUNT_LIMIT;
        // Crossings, and with `pierce` the links passing over cards (counted only where a
        // compact drawing is sought, on parts small enough).
        let mut scores = |local: &[Point], pierce: bool| {
            for (&g, p) in comp.iter().zip(local) {
                group_pos[g] = *p;
            }
            cards(graph, sizes, settings, &comp, &group_pos, &mut pos);
            if countable {
                let pierced = if pierce {
                    component_pierced(graph, sizes, &comp, &pos)
                } else {
                    0
                };
                (component_crossings(graph, sizes, &comp, &pos), pierced)
            } else {
                (0, 0)
            }
        };
        let mut score = |local: &[Point]| scores(local, false).0;
        let mut best: Option<(usize, Vec<Point>)> = None;
        // Along first or last parents, children in order or mirrored.
        for variant in 0..4 {
            if best.as_ref().is_some_and(|(c, _)| *c == 0) || (variant > 0 && !countable) {
                break;
            }
            let Some((local, whole)) = tree_component(
                graph,
                sizes,
                &comp,
                settings,
                variant & 1 == 1,
                variant >= 2,
            ) else {
                continue;
            };
            if whole && !countable {
                best = Some((0, local));
            } else if whole || downward(graph, &comp, &local) {
                let crossings = score(&local);
                if best.as_ref().is_none_or(|(c, _)| crossings < *c) {
                    best = Some((crossings, local));
                }
            }
        }
        // Then the same from a few shuffled starts (a heuristic has local minima), on parts
        // small enough for the tries to cost little.
        let tries = if comp.len() <= SHUFFLE_LIMIT {
            2 + SHUFFLES
        } else {
            2
        };
        for t in 0..tries {
            let mirror = t % 2 == 1;
            if best.as_ref().is_some_and(|(c, _)| *c == 0) || (t > 0 && !countable) {
                break;
            }
            let local = component(
                graph,
                sizes,
                &comp,
                settings,
                mirror,
                t as u64 / 2,
                f32::INFINITY,
                false,
            );
            let crossings = score(&local);
            if best.as_ref().is_none_or(|(c, _)| crossings < *c) {
                best = Some((crossings, local));
            }
        }
        // A part drawn too wide for a projector (or too sparse) tries its layers wrapped at a
        // few widths, and takes the most compact drawing with no more crossings.
        let best = best.map(|(crossings, local)| {
            let cards: f32 = comp
                .iter()
                .flat_map(|&g| &graph.groups[g])
                .flat_map(|&b| &graph.blocks[b])
                .map(|&n| sizes.card[n].w * sizes.card[n].h)
                .sum();
            let shape = |local: &[Point]| {
                Shape::of(
                    comp.iter().zip(local).map(|(&g, p)| (*p, sizes.group[g])),
                    cards,
                )
            };
            let mut best = (crossings, shape(&local), local);
            // Big parts keep their first drawing: the tries would cost more than a tidy may.
            if best.1.fits() || !countable || comp.len() > SHUFFLE_LIMIT {
                return (best.0, best.2);
            }
            // Lines through cards (a straight link passing over a card it does not join): a
            // compact drawing may not have more of them.
            let (_, pierced) = scores(&best.2, true);
            let area: f32 = comp
                .iter()
                .map(|&g| sizes.group[g].w * sizes.group[g].h)
                .sum();
            let widest = comp.iter().map(|&g| sizes.group[g].w).fold(0.0, f32::max);
            let ideal = (area * WRAP_SPREAD * 16.0 / 9.0).sqrt();
            let tries = [0.6, 0.75, 0.9, 1.1, 1.3, 1.6, f32::INFINITY];
            let seeds = if comp.len() <= WRAP_SHUFFLE_LIMIT {
                1 + SHUFFLES as u64 / 2
            } else {
                1
            };
            for k in tries {
                for t in 0..2 * seeds {
                    let (mirror, seed) = (t % 2 == 1, t / 2);
                    let max_width = (ideal * k).max(widest);
                    let local =
                        component(graph, sizes, &comp, settings, mirror, seed, max_width, true);
                    let (crossings, through) = scores(&local, true);
                    let shape = shape(&local);
                    if crossings <= best.0 && through <= pierced && shape.better_than(&best.1) {
                        best = (crossings, shape, local);
                    }
                }
            }
            (best.0, best.2)
        });
        let (crossings, local) = best.unwrap_or_default();
        total += crossings;
        let mut right = x0;
        for (&g, p) in comp.iter().zip(&local) {
            group_pos[g] = Point::new(x0 + p.x, p.y);
            right = right.max(x0 + p.x + sizes.group[g].w);
            bottom = bottom.max(p.y + sizes.group[g].h);
        }
        cards(graph, sizes, settings, &comp, &group_pos, &mut pos);
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
        for &g in &loners {
            let s = sizes.group[g];
            if x > 0.0 && x + s.w > row_width {
                x = 0.0;
                y += row_h + settings.node_gap;
                row_h = 0.0;
            }
            group_pos[g] = Point::new(x, y);
            x += s.w + settings.node_gap;
            row_h = row_h.max(s.h);
        }
        cards(graph, sizes, settings, &loners, &group_pos, &mut pos);
    }
    (pos, total)
}

/// Card area over box area a wrapped layout aims at: sets the first width tried.
const WRAP_SPREAD: f32 = 3.0;

/// How a drawing fills a projector: its box and the share of it cards cover.
#[derive(Clone, Copy, Debug)]
struct Shape {
    w: f32,
    h: f32,
    cards: f32,
}

impl Shape {
    fn of(rects: impl Iterator<Item = (Point, Size)>, cards: f32) -> Self {
        let (mut x0, mut y0, mut x1, mut y1) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
        for (p, s) in rects {
            x0 = x0.min(p.x);
            y0 = y0.min(p.y);
            x1 = x1.max(p.x + s.w);
            y1 = y1.max(p.y + s.h);
        }
        Self {
            w: (x1 - x0).max(1.0),
            h: (y1 - y0).max(1.0),
            cards,
        }
    }

    /// Between 1:2 and 2:1, cards covering at least a fifth of the box.
    fn fits(&self) -> bool {
        (0.5..=2.0).contains(&(self.w / self.h)) && self.cards >= 0.2 * self.w * self.h
    }

    /// The area of the smallest box between 1:2 and 2:1 around the drawing: what a screen
    /// must show of it, so the smaller, the larger the cards when it is fitted to a projector.
    fn screen_area(&self) -> f32 {
        let (long, short) = (self.w.max(self.h), self.w.min(self.h));
        long * short.max(long / 2.0)
    }

    fn better_than(&self, other: &Self) -> bool {
        self.screen_area() < other.screen_area() * 0.98
    }
}

/// Parts with more links than this are not scored by counting crossings (the count can grow
/// with the square of the links); they take the first layout that applies.
const COUNT_LIMIT: usize = 5_000;

/// Parts of at most this many groups also try [`SHUFFLES`] shuffled starting orders.
const SHUFFLE_LIMIT: usize = 300;
const SHUFFLES: usize = 14;
/// Parts of at most this many groups also try shuffled starts for each wrapping width.
const WRAP_SHUFFLE_LIMIT: usize = 80;

fn component_links(graph: &Graph<'_>, comp: &[usize]) -> usize {
    let inside: std::collections::HashSet<usize> = comp.iter().copied().collect();
    graph
        .edges
        .iter()
        .filter(|(p, c)| inside.contains(p) && inside.contains(c))
        .count()
        + comp
            .iter()
            .flat_map(|&g| &graph.groups[g])
            .map(|&b| graph.blocks[b].len())
            .sum::<usize>()
}

/// Whether every reason in the part sits below what it bears on.
fn downward(graph: &Graph<'_>, comp: &[usize], local: &[Point]) -> bool {
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
fn tree_component(
    graph: &Graph<'_>,
    sizes: &Sizes,
    comp: &[usize],
    settings: &LayoutSettings,
    last: bool,
    mirror: bool,
) -> Option<(Vec<Point>, bool)> {
    let Part {
        edges,
        widths,
        heights,
        first,
    } = Part::new(graph, sizes, comp);
    let tails = vec![0.0; comp.len()];
    let seed = 0;
    let (out, whole) = tree::layout(
        &Input {
            widths: &widths,
            heights: &heights,
            edges: &edges,
            first: &first,
            tails: &tails,
            mirror,
            seed,
            max_width: f32::INFINITY,
            pack: false,
        },
        Spacing {
            layer_gap: settings.layer_gap,
            node_gap: settings.node_gap,
        },
        last,
    )?;
    let points = out
        .x
        .iter()
        .zip(&out.y)
        .map(|(&x, &y)| Point::new(x, y))
        .collect();
    Some((points, whole))
}

/// One connected part laid out: the top-left corner of each of its groups.
#[allow(clippy::too_many_arguments)] // the tries differ in these knobs only
fn component(
    graph: &Graph<'_>,
    sizes: &Sizes,
    comp: &[usize],
    settings: &LayoutSettings,
    mirror: bool,
    seed: u64,
    max_width: f32,
    pack: bool,
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
    let out = sugiyama::layout(
        &Input {
            widths: &widths,
            heights: &heights,
            edges: &edges,
            first: &first,
            tails: &tails,
            mirror,
            seed,
            max_width,
            pack: max_width.is_finite() || pack,
        },
        Spacing {
            layer_gap: settings.layer_gap,
            node_gap: settings.node_gap,
        },
    );
    out.x
        .iter()
        .zip(&out.y)
        .map(|(&x, &y)| Point::new(x, y))
        .collect()
}

/// Puts the cards of `groups` in place. Within a group, blocks go left to right as what they
/// link to does, so their links do not cross.
fn cards(
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
fn component_crossings(graph: &Graph<'_>, sizes: &Sizes, comp: &[usize], pos: &[Point]) -> usize {
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

/// Links of one part that pass over a card they do not join (cards stacked with either end
/// aside: a quote's link runs up its own stack), drawn straight between card centres.
fn component_pierced(graph: &Graph<'_>, sizes: &Sizes, comp: &[usize], pos: &[Point]) -> usize {
    let mut block_of = vec![usize::MAX; graph.nodes.len()];
    let mut cards = Vec::new();
    for &g in comp {
        for &b in &graph.groups[g] {
            for &n in &graph.blocks[b] {
                block_of[n] = b;
                cards.push(n);
            }
        }
    }
    let centre = |n: usize| {
        (
            pos[n].x + sizes.card[n].w / 2.0,
            pos[n].y + sizes.card[n].h / 2.0,
        )
    };
    let mut count = 0;
    for &(a, b, _) in &graph.links {
        if block_of[a] == usize::MAX || block_of[b] == usize::MAX {
            continue;
        }
        let (p, q) = (centre(a), centre(b));
        count += cards
            .iter()
            .filter(|&&n| block_of[n] != block_of[a] && block_of[n] != block_of[b])
            .filter(|&&n| {
                // Inset a little: grazing a corner is no harm.
                let inset = 4.0;
                segment_meets_rect(
                    p,
                    q,
                    (
                        pos[n].x + inset,
                        pos[n].y + inset,
                        pos[n].x + sizes.card[n].w - inset,
                        pos[n].y + sizes.card[n].h - inset,
                    ),
                )
            })
            .count();
    }
    count
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
