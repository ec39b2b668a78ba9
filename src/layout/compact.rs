//! Choosing the drawing of one connected part: the tree layout or the layered one, whichever
//! leaves fewer crossings; then, for a part drawn too wide or too sparse for a projector, the
//! most compact of a few alternatives (reasons stacked in columns under what they bear on,
//! layers wrapped at a few widths, wide fans split in two rows) that draws no worse: no more
//! crossings along the routes the canvas draws, no more links over cards either as drawn or
//! before the bends round cards.

use super::columns::Gather;
use super::graph::Graph;
use super::opening;
use super::parts::{Knobs, Sizes, cards, component, component_crossings, downward, tree_component};
use super::route::{self, Bounds, Wire};
use super::tree::Pick;
use super::{LayoutSettings, Size};
use crate::model::{NodeRef, Point, Relation};
use std::collections::HashSet;

/// Parts with more links than this are not scored by counting crossings (the count can grow
/// with the square of the links); they take the first layout that applies.
const COUNT_LIMIT: usize = 5_000;
/// Parts of at most this many groups also try [`SHUFFLES`] shuffled starting orders, and the
/// compact alternatives.
const SHUFFLE_LIMIT: usize = 300;
const SHUFFLES: usize = 14;
/// Parts of at most this many groups also try shuffled starts for each wrapping width.
const WRAP_SHUFFLE_LIMIT: usize = 80;
/// Card area over box area a wrapped layout aims at: sets the first width tried.
const WRAP_SPREAD: f32 = 3.0;
/// Crossings a drawing may add to the first one's when that makes the map open legibly on its
/// thesis and the reasons bearing on it directly, where the first does not: what a class sees
/// first is worth one more crossing (never more than Graphviz `dot` draws: `tests/layout.rs`).
/// Only where the first drawing has crossings: one without keeps none (trees, above all).
const OPENING_CROSSINGS: usize = 1;
/// Fewest reasons under one card that are split in two rows, tried in turn (see
/// `sugiyama::Input::fan`).
const FANS: [usize; 3] = [3, 4, 6];
/// Most leaves per column tried when stacking a card's leaf reasons.
const STACKS: [usize; 4] = [2, 3, 4, 6];

/// One part being drawn, with scratch positions for the whole map.
pub(super) struct Try<'a, 'g> {
    graph: &'a Graph<'g>,
    sizes: &'a Sizes,
    settings: &'a LayoutSettings,
    comp: &'a [usize],
    group_pos: &'a mut [Point],
    pos: &'a mut [Point],
    countable: bool,
}

impl<'a, 'g> Try<'a, 'g> {
    pub fn new(
        graph: &'a Graph<'g>,
        sizes: &'a Sizes,
        settings: &'a LayoutSettings,
        comp: &'a [usize],
        (group_pos, pos): (&'a mut [Point], &'a mut [Point]),
    ) -> Self {
        let countable = component_links(graph, comp) <= COUNT_LIMIT;
        Self {
            graph,
            sizes,
            settings,
            comp,
            group_pos,
            pos,
            countable,
        }
    }

    /// The part's drawing (the top-left corner of each group, in `comp` order) and the
    /// crossings it leaves.
    pub fn drawing(&mut self) -> (usize, Vec<Point>) {
        let Some((crossings, local)) = self.first_drawing() else {
            return (0, Vec::new());
        };
        // Big parts keep their first drawing: the tries would cost more than a tidy may.
        if !self.countable || self.comp.len() > SHUFFLE_LIMIT {
            return (crossings, local);
        }
        self.place(&local);
        let shape = self.shape(&local);
        if shape.fits() && shape.opens {
            return (crossings, local);
        }
        self.compact(local)
    }

    fn place(&mut self, local: &[Point]) {
        for (&g, p) in self.comp.iter().zip(local) {
            self.group_pos[g] = *p;
        }
        cards(
            self.graph,
            self.sizes,
            self.settings,
            self.comp,
            self.group_pos,
            self.pos,
        );
    }

    /// Crossings of straight links between card centres (0 when too big to count).
    fn straight(&mut self, local: &[Point]) -> usize {
        self.place(local);
        if self.countable {
            component_crossings(self.graph, self.sizes, self.comp, self.pos)
        } else {
            0
        }
    }

    /// The tree layout along first or last parents, in order or mirrored, then the layered
    /// one from a few starts (a heuristic has local minima): the one with fewest crossings.
    fn first_drawing(&mut self) -> Option<(usize, Vec<Point>)> {
        let (graph, sizes, settings, comp) = (self.graph, self.sizes, self.settings, self.comp);
        let mut best: Option<(usize, Vec<Point>)> = None;
        for variant in 0..4 {
            if best.as_ref().is_some_and(|(c, _)| *c == 0) || (variant > 0 && !self.countable) {
                break;
            }
            let pick = if variant & 1 == 1 {
                Pick::Last
            } else {
                Pick::First
            };
            let tree = (pick, variant >= 2, 0);
            let Some((local, whole)) = tree_component(graph, sizes, comp, settings, tree) else {
                continue;
            };
            if whole && !self.countable {
                best = Some((0, local));
            } else if whole || downward(graph, comp, &local) {
                let crossings = self.straight(&local);
                if best.as_ref().is_none_or(|(c, _)| crossings < *c) {
                    best = Some((crossings, local));
                }
            }
        }
        let tries = if comp.len() <= SHUFFLE_LIMIT {
            2 + SHUFFLES
        } else {
            2
        };
        for t in 0..tries {
            if best.as_ref().is_some_and(|(c, _)| *c == 0) || (t > 0 && !self.countable) {
                break;
            }
            let local = component(graph, sizes, comp, settings, Knobs::start(t as u64));
            let crossings = self.straight(&local);
            if best.as_ref().is_none_or(|(c, _)| crossings < *c) {
                best = Some((crossings, local));
            }
        }
        best
    }

    /// The most compact of the alternatives that draws no worse than `local`.
    fn compact(&mut self, local: Vec<Point>) -> (usize, Vec<Point>) {
        let wires = self.wires();
        let (graph, sizes, settings, comp) = (self.graph, self.sizes, self.settings, self.comp);
        // Where each group sits across in the first drawing: the columns start from its order.
        let hint: Vec<f32> = comp
            .iter()
            .zip(&local)
            .map(|(&g, p)| p.x + size(sizes, g).w / 2.0)
            .collect();
        // Drawn as the canvas draws it (links bent round cards), and with straight links.
        let (crossings, pierced) = self.drawn(&wires, &local, Routes::Round);
        let (_, pierced_straight) = self.drawn(&wires, &local, Routes::Straight);
        let mut best = (crossings, self.shape(&local), local);
        let opens = best.1.opens;
        // One more crossing buys a legible opening, but a drawing without crossings keeps none.
        let extra = if crossings > 0 { OPENING_CROSSINGS } else { 0 };
        let mut consider = |me: &mut Self, local: Vec<Point>| {
            // Each drawing as it is, and with the thesis's own reasons slid towards it.
            let near = opening::drawn_near(graph, sizes, comp, &local, settings.node_gap);
            for local in std::iter::once(local).chain(near) {
                // The shape first: counting along the drawn routes costs far more, and a
                // drawing no better in shape cannot win.
                me.place(&local);
                let shape = me.shape(&local);
                if !shape.better_than(&best.1) {
                    continue;
                }
                let (c, p) = me.drawn(&wires, &local, Routes::Round);
                let allowed = crossings + if shape.opens && !opens { extra } else { 0 };
                // No more links over cards than before: as drawn, or before the detours (a
                // drawing that needs no more of them than the first is no worse for taking one).
                if c <= allowed
                    && (p <= pierced
                        || me.drawn(&wires, &local, Routes::Straight).1 <= pierced_straight)
                {
                    best = (c, shape, local);
                }
            }
        };
        for stack in STACKS {
            for variant in 0..6 {
                let pick = [Pick::First, Pick::Last, Pick::Deepest][variant % 3];
                let tree = (pick, variant >= 3, stack);
                if let Some((local, whole)) = tree_component(graph, sizes, comp, settings, tree)
                    && (whole || downward(graph, comp, &local))
                {
                    consider(self, local);
                }
            }
        }
        for knobs in self.layered_tries(&hint) {
            consider(self, component(graph, sizes, comp, settings, knobs));
        }
        (best.0, best.2)
    }

    /// The layered drawings [`Self::compact`] tries: layers wrapped at a few widths; leaf
    /// reasons in columns, in the order of the first drawing (`hint`: a card with two parents
    /// keeps its place there); wide fans split in two rows. Bigger parts try fewer: each try
    /// lays the whole part out again.
    fn layered_tries<'h>(&self, hint: &'h [f32]) -> Vec<Knobs<'h>> {
        let (sizes, comp) = (self.sizes, self.comp);
        let small = comp.len() <= WRAP_SHUFFLE_LIMIT;
        let mut tries = Vec::new();
        let area: f32 = comp
            .iter()
            .map(|&g| size(sizes, g).w * size(sizes, g).h)
            .sum();
        let widest = comp.iter().map(|&g| size(sizes, g).w).fold(0.0, f32::max);
        let ideal = (area * WRAP_SPREAD * 16.0 / 9.0).sqrt();
        let seeds = if small { 1 + SHUFFLES as u64 / 2 } else { 1 };
        for k in [0.6, 0.75, 0.9, 1.1, 1.3, 1.6, f32::INFINITY] {
            for t in 0..2 * seeds {
                tries.push(Knobs {
                    max_width: (ideal * k).max(widest),
                    pack: true,
                    ..Knobs::start(t)
                });
            }
        }
        let (stacks, gathers) = if small {
            (
                &STACKS[..],
                &[Gather::Apart, Gather::First, Gather::Last][..],
            )
        } else {
            (&STACKS[1..3], &[Gather::Apart, Gather::First][..])
        };
        let fans: &[usize] = if small { &FANS } else { &FANS[1..2] };
        // Columns alone, then with each fan split (with few columns or none: a split fan
        // already takes a layer more).
        let splits = std::iter::once((0, stacks)).chain(
            fans.iter()
                .map(|&fan| (fan, &[0, STACKS[0], STACKS[1]][..])),
        );
        for (fan, stacks) in splits {
            for &stack in stacks {
                // Gathering moves leaves into columns: without columns it changes nothing.
                let gathers = if stack == 0 { &gathers[..1] } else { gathers };
                for &gather in gathers {
                    tries.push(Knobs {
                        hint,
                        stack,
                        gather,
                        fan,
                        pack: true,
                        ..Knobs::start(0)
                    });
                }
            }
        }
        tries
    }

    /// The part's links as the router takes them, by card index.
    fn wires(&self) -> Vec<Wire<usize>> {
        let inside: HashSet<usize> = self.cards().into_iter().collect();
        self.graph
            .links
            .iter()
            .filter(|(a, b, _)| inside.contains(a) && inside.contains(b))
            .map(|&(a, b, relation)| Wire {
                from: a,
                to: b,
                contradicts: relation == Relation::Contradicts,
                from_quote: matches!(self.graph.nodes[a], NodeRef::Quote(_)),
            })
            .collect()
    }

    fn cards(&self) -> Vec<usize> {
        self.comp
            .iter()
            .flat_map(|&g| &self.graph.groups[g])
            .flat_map(|&b| &self.graph.blocks[b])
            .copied()
            .collect()
    }

    /// Crossings along the routes, and how many times a route passes over a card.
    fn drawn(&mut self, wires: &[Wire<usize>], local: &[Point], routes: Routes) -> (usize, usize) {
        self.place(local);
        let (pos, card) = (&*self.pos, &self.sizes.card);
        let bounds = |n: usize| {
            Some(Bounds {
                x: pos[n].x,
                y: pos[n].y,
                w: card[n].w,
                h: card[n].h,
            })
        };
        let count = match routes {
            Routes::Round => route::drawn_round,
            Routes::Straight => route::drawn,
        };
        let (crossings, pierced) = count(wires, &bounds, &self.cards());
        (crossings, pierced.len())
    }

    /// The drawing's shape; card positions must be placed (see [`Self::place`]).
    fn shape(&self, local: &[Point]) -> Shape {
        let near = opening::neighbourhood(self.graph, self.sizes, &self.cards(), self.pos);
        let cards: f32 = self
            .cards()
            .iter()
            .map(|&n| self.sizes.card[n].w * self.sizes.card[n].h)
            .sum();
        Shape::of(
            self.comp
                .iter()
                .zip(local)
                .map(|(&g, p)| (*p, size(self.sizes, g))),
            cards,
            opening::legible(near),
        )
    }
}

/// Which routes a drawing is judged by.
#[derive(Clone, Copy)]
enum Routes {
    /// As drawn: bent round cards they would pass over.
    Round,
    /// Before any detour.
    Straight,
}

fn size(sizes: &Sizes, g: usize) -> Size {
    sizes.group[g]
}

fn component_links(graph: &Graph<'_>, comp: &[usize]) -> usize {
    let inside: HashSet<usize> = comp.iter().copied().collect();
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

/// How a drawing fills a projector: its box and the share of it cards cover.
#[derive(Clone, Copy, Debug)]
pub(super) struct Shape {
    w: f32,
    h: f32,
    cards: f32,
    /// The thesis and the claims linked to it directly fit one legible screen.
    opens: bool,
}

impl Shape {
    pub fn of(rects: impl Iterator<Item = (Point, Size)>, cards: f32, opens: bool) -> Self {
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
            opens,
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

    /// A drawing that fits beats one that does not; then one that opens legibly on its thesis
    /// and its direct reasons; then the smaller screen area wins.
    fn better_than(&self, other: &Self) -> bool {
        if self.fits() != other.fits() {
            return self.fits();
        }
        if self.opens != other.opens {
            return self.opens;
        }
        self.screen_area() < other.screen_area() * 0.98
    }
}
