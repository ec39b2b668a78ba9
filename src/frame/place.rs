//! Where a step's cards go on a slide: at their map positions, in the step's own arrangement,
//! or packed in rows, and the camera that frames each; the choice of the best one.

use super::{Arrangement, GAP_X, GAP_Y, Look};
use crate::layout::card::{CARD_WIDTH, card_size};
use crate::layout::route::Bounds;
use crate::model::{Map, NodeId, NodeRef, Point, Step};
use crate::story;
use std::collections::HashSet;

pub(super) fn inside(r: Bounds, view: Bounds) -> bool {
    let eps = 0.5;
    r.x >= view.x - eps
        && r.y >= view.y - eps
        && r.right() <= view.right() + eps
        && r.bottom() <= view.bottom() + eps
}

/// The union of boxes.
pub(super) fn bbox(rects: impl Iterator<Item = Bounds>) -> Option<Bounds> {
    rects.reduce(|a, b| {
        let (x, y) = (a.x.min(b.x), a.y.min(b.y));
        Bounds {
            x,
            y,
            w: a.right().max(b.right()) - x,
            h: a.bottom().max(b.bottom()) - y,
        }
    })
}

/// The zoom that fits `b` into `view` with `margin` pixels around, and the centre.
pub(super) fn fit(b: Bounds, view: Bounds, margin: f32) -> (f32, Point) {
    let zx = (view.w - 2.0 * margin).max(1.0) / b.w.max(1.0);
    let zy = (view.h - 2.0 * margin).max(1.0) / b.h.max(1.0);
    (zx.min(zy), b.centre())
}

pub(super) type Placed = Vec<(NodeId, Bounds)>;

/// Cards at their map positions.
pub(super) fn at_map(map: &Map, ids: &[NodeId]) -> Placed {
    ids.iter()
        .filter_map(|id| {
            let n = map.node(id)?;
            Some((id.clone(), bounds(n.pos(), n)))
        })
        .collect()
}

/// Cards laid out for the step with `anchor` where it is (focus mode's arrangement, with the
/// gaps of a slide rather than of a working map, so the cards can be larger).
pub(super) fn arranged(map: &Map, ids: &[NodeId], anchor: &NodeId) -> Placed {
    let set: HashSet<NodeId> = ids.iter().cloned().collect();
    let at = crate::view::arranged_with(map, &set, anchor, &slide_layout());
    ids.iter()
        .filter_map(|id| {
            let node = map.node(id)?;
            // Tidy leaves out what it does not move: the pinned anchor stays where it is.
            let p = at.get(id).copied().unwrap_or_else(|| node.pos());
            Some((id.clone(), bounds(p, node)))
        })
        .collect()
}

/// A card's box with its top-left corner at `p`.
fn bounds(p: Point, node: NodeRef<'_>) -> Bounds {
    let s = card_size(node);
    Bounds {
        x: p.x,
        y: p.y,
        w: s.w,
        h: s.h,
    }
}

/// Tidy's settings for a step's cards: tighter than a working map's, wide enough for a
/// link's arrowhead between two cards.
pub(super) fn slide_layout() -> crate::layout::LayoutSettings {
    crate::layout::LayoutSettings {
        layer_gap: 56.0,
        node_gap: GAP_X,
        quote_gap: 14.0,
        component_gap: 2.0 * GAP_X,
        ..crate::layout::LayoutSettings::default()
    }
}

/// Cards in rows of `n`, each row centred.
pub(super) fn rows_of(cards: &[(NodeId, Bounds)], n: usize) -> Placed {
    let mut out = Vec::with_capacity(cards.len());
    let full = n as f32 * CARD_WIDTH + (n as f32 - 1.0) * GAP_X;
    let mut y = 0.0;
    for row in cards.chunks(n.max(1)) {
        let w = row.len() as f32 * CARD_WIDTH + (row.len() as f32 - 1.0) * GAP_X;
        let mut x = (full - w) / 2.0;
        let mut h: f32 = 0.0;
        for (id, b) in row {
            out.push((
                id.clone(),
                Bounds {
                    x,
                    y,
                    w: b.w,
                    h: b.h,
                },
            ));
            x += CARD_WIDTH + GAP_X;
            h = h.max(b.h);
        }
        y += h + GAP_Y;
    }
    out
}

/// Cards in rows (in their reading order in the map), with the number of columns that lets
/// them be largest in `view`.
pub(super) fn packed(map: &Map, ids: &[NodeId], view: Bounds, margin: f32, cap: f32) -> Placed {
    let mut cards = at_map(map, ids);
    cards.sort_by(|a, b| {
        (a.1.y, a.1.x)
            .partial_cmp(&(b.1.y, b.1.x))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut best: Option<(f32, Placed)> = None;
    for n in (1..=cards.len()).rev() {
        let placed = rows_of(&cards, n);
        let Some(b) = bbox(placed.iter().map(|c| c.1)) else {
            continue;
        };
        let z = fit(b, view, margin).0.min(cap);
        if best.as_ref().is_none_or(|(bz, _)| z > *bz + 1e-4) {
            best = Some((z, placed));
        }
    }
    best.map(|b| b.1).unwrap_or_default()
}

/// The cards of one step, sorted by their part in it.
pub(super) struct StepCards {
    /// Shown or focused by the step, in that order.
    pub(super) own: Vec<NodeId>,
    /// Shown by an earlier step only, in map order (so the drawing order is stable).
    pub(super) earlier: Vec<NodeId>,
    /// Those of `earlier` linked to one of `own` (the claim a new reason supports, say).
    pub(super) linked: Vec<NodeId>,
    pub(super) focus: HashSet<NodeId>,
    /// The card the step's arrangement keeps in place: the first focused one.
    pub(super) anchor: NodeId,
}

impl StepCards {
    pub(super) fn new(map: &Map, steps: &[Step], k: usize) -> Option<Self> {
        let step = steps.get(k)?;
        let focus: HashSet<NodeId> = story::focus(steps, k).into_iter().collect();
        let mut seen = HashSet::new();
        let own: Vec<NodeId> = step
            .show
            .iter()
            .chain(&step.focus)
            .filter(|id| map.node(id).is_some() && seen.insert((*id).clone()))
            .cloned()
            .collect();
        let anchor = own
            .iter()
            .find(|id| focus.contains(*id))
            .or_else(|| own.first())?
            .clone();
        let before = if k == 0 {
            HashSet::new()
        } else {
            story::revealed(steps, k - 1)
        };
        let earlier: Vec<NodeId> = map
            .nodes()
            .map(|n| n.id())
            .filter(|id| before.contains(*id) && !seen.contains(*id))
            .cloned()
            .collect();
        let linked = earlier
            .iter()
            .filter(|id| {
                map.links.iter().any(|l| {
                    (&l.from == *id && seen.contains(&l.to))
                        || (&l.to == *id && seen.contains(&l.from))
                })
            })
            .cloned()
            .collect();
        Some(Self {
            own,
            earlier,
            linked,
            focus,
            anchor,
        })
    }

    pub(super) fn look(&self, id: &NodeId) -> Look {
        if self.focus.contains(id) {
            Look::Focused
        } else if self.own.contains(id) {
            Look::New
        } else {
            Look::Earlier
        }
    }
}

/// The zooms a frame aims at: the most it takes, the least it accepts before packing cards
/// smaller, and what it tries for first (main text the size the back row reads best).
#[derive(Clone, Copy)]
pub(super) struct Zooms {
    pub(super) cap: f32,
    pub(super) least: f32,
    pub(super) good: f32,
}

/// A candidate arrangement of a step's cards and the camera that frames it.
pub(super) struct Choice {
    pub(super) placed: Placed,
    pub(super) arrangement: Arrangement,
    pub(super) zoom: f32,
    pub(super) center: Point,
}

pub(super) fn choice(
    placed: Placed,
    arrangement: Arrangement,
    view: Bounds,
    margin: f32,
    z: Zooms,
) -> Option<Choice> {
    let b = bbox(placed.iter().map(|c| c.1))?;
    let (zoom, center) = fit(b, view, margin);
    Some(Choice {
        placed,
        arrangement,
        zoom: zoom.min(z.cap),
        center,
    })
}

/// Where the step's cards go: the first of the map's positions, the step's own arrangement
/// (with the earlier cards it builds on, then without) and rows that shows the main text at
/// [`super::GOOD_TEXT_BOX`]; failing that, the largest at or above the smallest readable size
/// (preferring the map's shape when it is nearly as large); failing that, rows, smaller.
pub(super) fn choose(map: &Map, cards: &StepCards, view: Bounds, margin: f32, z: Zooms) -> Choice {
    let mut candidates: Vec<Choice> = Vec::new();
    let mut consider = |placed: Placed, arrangement: Arrangement, expected: usize| {
        if placed.len() == expected
            && let Some(c) = choice(placed, arrangement, view, margin, z)
        {
            candidates.push(c);
        }
    };
    let n = cards.own.len();
    consider(at_map(map, &cards.own), Arrangement::Map, n);
    if !cards.linked.is_empty() {
        let with_linked: Vec<NodeId> = cards.own.iter().chain(&cards.linked).cloned().collect();
        let placed = arranged(map, &with_linked, &cards.anchor);
        consider(placed, Arrangement::Arranged, with_linked.len());
    }
    consider(
        arranged(map, &cards.own, &cards.anchor),
        Arrangement::Arranged,
        n,
    );
    consider(
        packed(map, &cards.own, view, margin, z.cap),
        Arrangement::Packed,
        n,
    );
    let best = candidates.iter().map(|c| c.zoom).fold(0.0, f32::max);
    let pick = candidates
        .iter()
        .position(|c| c.zoom >= z.good - 1e-4)
        .or_else(|| {
            candidates
                .iter()
                .position(|c| c.zoom >= z.least - 1e-4 && c.zoom >= 0.97 * best)
        })
        .unwrap_or(candidates.len().saturating_sub(1));
    if pick < candidates.len() {
        candidates.swap_remove(pick)
    } else {
        Choice {
            placed: Vec::new(),
            arrangement: Arrangement::Packed,
            zoom: z.least,
            center: Point::new(0.0, 0.0),
        }
    }
}
