//! The thesis's own reasons near it: a map opens on its thesis with the reasons and objections
//! that bear on it directly (see [`crate::view::opening_camera`]), so a drawing where they sit
//! within one legible screen is worth more than one where a wide branch has pulled its head far
//! off; and a drawing can be given that, by sliding those heads towards the thesis where
//! nothing is in the way.

use super::graph::Graph;
use super::parts::Sizes;
use super::route::Bounds;
use crate::model::{NodeRef, Point};

/// What a 1920×1080 projector's canvas (about 1,600 × 960 points, less menus and panels) shows
/// at the smallest legible zoom (60 %), less a margin of 40 units round the cards and a few
/// for positions rounded to whole units.
const LEGIBLE: (f32, f32) = (1_600.0 / 0.6 - 84.0, 960.0 / 0.6 - 84.0);

/// The box round the thesis card and the claims linked to it directly (`None`: no thesis in
/// `cards`), from card positions `pos`.
pub(super) fn neighbourhood(
    graph: &Graph<'_>,
    sizes: &Sizes,
    cards: &[usize],
    pos: &[Point],
) -> Option<Bounds> {
    let thesis = cards
        .iter()
        .copied()
        .find(|&n| matches!(graph.nodes[n], NodeRef::Claim(c) if c.thesis))?;
    let rect = |n: usize| Bounds {
        x: pos[n].x,
        y: pos[n].y,
        w: sizes.card[n].w,
        h: sizes.card[n].h,
    };
    let near = graph.links.iter().filter_map(|&(a, b, _)| {
        let other = match (a == thesis, b == thesis) {
            (true, false) => b,
            (false, true) => a,
            _ => return None,
        };
        matches!(graph.nodes[other], NodeRef::Claim(_)).then_some(other)
    });
    Some(near.fold(rect(thesis), |r, n| r.union(rect(n))))
}

/// Whether the box fits one legible screen.
pub(super) fn legible(b: Option<Bounds>) -> bool {
    b.is_none_or(|b| b.w <= LEGIBLE.0 && b.h <= LEGIBLE.1)
}

/// `local` (each group's top-left corner, in `comp` order) with the groups right under the
/// thesis group slid towards it, nearest first, as far as the row and every other group let
/// them (`gap` apart); `None` when nothing moves. Their links then fan out to their own reasons.
pub(super) fn drawn_near(
    graph: &Graph<'_>,
    sizes: &Sizes,
    comp: &[usize],
    local: &[Point],
    gap: f32,
) -> Option<Vec<Point>> {
    let t = comp.iter().position(|&g| graph.thesis[g])?;
    let mut row: Vec<usize> = (0..comp.len())
        .filter(|&i| graph.edges.contains(&(comp[t], comp[i])))
        .collect();
    let top = row
        .iter()
        .map(|&i| local[i].y)
        .fold(f32::INFINITY, f32::min);
    row.retain(|&i| (local[i].y - top).abs() < 0.5);
    let size = |i: usize| sizes.group[comp[i]];
    let middle = local[t].x + size(t).w / 2.0;
    let mut out = local.to_vec();
    let mut moved = false;
    for right in [true, false] {
        let mut side: Vec<usize> = row
            .iter()
            .copied()
            .filter(|&i| (local[i].x + size(i).w / 2.0 > middle) == right)
            .collect();
        side.sort_by(|&a, &b| {
            let d = |i: usize| (local[i].x + size(i).w / 2.0 - middle).abs();
            d(a).total_cmp(&d(b))
        });
        for i in side {
            // Not past the row's next card towards the thesis: the row keeps its order.
            let bound = row
                .iter()
                .filter(|&&j| j != i && (local[j].x < local[i].x) == right)
                .map(|&j| {
                    if right {
                        out[j].x + size(j).w + gap
                    } else {
                        out[j].x - size(i).w - gap
                    }
                })
                .fold(middle - size(i).w / 2.0, |a, b| {
                    if right { a.max(b) } else { a.min(b) }
                });
            // Only as far as one legible screen needs: the fan to its reasons stays steep.
            let members = || row.iter().chain([&t]);
            let want = if right {
                let left = members().map(|&j| out[j].x).fold(f32::INFINITY, f32::min);
                bound.max(left + LEGIBLE.0 - size(i).w).min(out[i].x)
            } else {
                let end = members()
                    .map(|&j| out[j].x + size(j).w)
                    .fold(f32::NEG_INFINITY, f32::max);
                bound.min(end - LEGIBLE.0).max(out[i].x)
            };
            if let Some(x) = nearest_free(&out, i, right, want, (&size, gap)) {
                moved |= (x - out[i].x).abs() >= 1.0;
                out[i].x = x;
            }
        }
    }
    moved.then_some(out)
}

/// The x nearest `want` (under the thesis, or just past the row's next card towards it),
/// between there and where group `i` is, at which it overlaps no other group (`gap` apart).
fn nearest_free(
    at: &[Point],
    i: usize,
    right: bool,
    want: f32,
    (size, gap): (&dyn Fn(usize) -> super::Size, f32),
) -> Option<f32> {
    let (w, h) = (size(i).w, size(i).h);
    let now = at[i].x;
    let overlaps = |x: f32| {
        (0..at.len()).filter(|&j| j != i).any(|j| {
            let s = size(j);
            x < at[j].x + s.w + gap
                && at[j].x < x + w + gap
                && at[i].y < at[j].y + s.h + gap
                && at[j].y < at[i].y + h + gap
        })
    };
    // Where it would like to be, just past each other group's edge, and where it is (free:
    // the drawing has no overlaps).
    let mut xs: Vec<f32> = [want, now]
        .into_iter()
        .chain((0..at.len()).filter(|&j| j != i).map(|j| {
            if right {
                at[j].x + size(j).w + gap
            } else {
                at[j].x - w - gap
            }
        }))
        .filter(|&x| {
            if right {
                x >= want && x <= now
            } else {
                x <= want && x >= now
            }
        })
        .collect();
    xs.sort_by(|a, b| {
        if right {
            a.total_cmp(b)
        } else {
            b.total_cmp(a)
        }
    });
    xs.into_iter().find(|&x| !overlaps(x))
}
