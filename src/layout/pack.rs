//! Moving cards up after the layers are placed: each goes as high as its parents, the cards above
//! it and the links already drawn let it (so a short card does not wait below the tallest one of
//! its layer).

use super::sugiyama::{Layered, Spacing};

/// Tops of the cards when each goes as high as it can: `layer_gap` below its parents and below
/// every card of a higher layer it would otherwise touch (a skyline of the bottoms so far, with
/// `node_gap` to spare either side). Layers and the order in them stay as they are, so a
/// reason still sits below what it bears on and no two cards overlap; a short card no longer
/// leaves its column empty down to the bottom of the tallest card beside it.
pub(super) fn pack_up(g: &Layered, x: &[f32], heights: &[f32], spacing: Spacing) -> Vec<f32> {
    let n = g.real;
    let mut y = vec![0.0f32; n];
    // The lowest bottom so far over x, as (left, right, bottom) runs in order.
    let mut sky: Vec<(f32, f32, f32)> = Vec::new();
    let margin = spacing.node_gap / 2.0;
    let mut placed: Vec<usize> = Vec::new();
    for layer in &g.layers {
        let cards: Vec<usize> = layer.iter().copied().filter(|&v| v < n).collect();
        for &v in &cards {
            let (l, r) = (x[v] - margin, x[v] + g.widths[v] + margin);
            let under = sky
                .iter()
                .filter(|&&(a, b, _)| a < r && l < b)
                .map(|&(_, _, bottom)| bottom + spacing.layer_gap)
                .fold(0.0f32, f32::max);
            // The real cards above, through bends of long links.
            let parents = g.up[v]
                .iter()
                .map(|&u| match g.chain[u] {
                    Some((top, _)) => top,
                    None => u,
                })
                .filter(|&u| u < n)
                .map(|u| y[u] + heights[u] + spacing.layer_gap)
                .fold(0.0f32, f32::max);
            y[v] = under.max(parents);
            if n <= CLEAR_LIMIT {
                y[v] = clear_of_links(g, v, x, heights, &y, &placed, g.tops[g.layer_of[v]]);
                placed.push(v);
            }
        }
        for &v in &cards {
            let (l, r, bottom) = (
                x[v] - margin,
                x[v] + g.widths[v] + margin,
                y[v] + heights[v],
            );
            let mut next = Vec::with_capacity(sky.len() + 2);
            for &(a, b, h) in &sky {
                if b <= l || a >= r {
                    next.push((a, b, h));
                    continue;
                }
                if a < l {
                    next.push((a, l, h));
                }
                next.push((a.max(l), b.min(r), h.max(bottom)));
                if b > r {
                    next.push((r, b, h));
                }
            }
            // Where nothing was yet.
            let mut gaps = Vec::new();
            let mut at = l;
            let mut covered: Vec<(f32, f32)> = next
                .iter()
                .filter(|&&(a, b, _)| a < r && l < b)
                .map(|&(a, b, _)| (a, b))
                .collect();
            covered.sort_by(|p, q| p.0.total_cmp(&q.0));
            for (a, b) in covered {
                if a > at {
                    gaps.push((at, a, bottom));
                }
                at = at.max(b);
            }
            if at < r {
                gaps.push((at, r, bottom));
            }
            next.extend(gaps);
            next.sort_by(|p, q| p.0.total_cmp(&q.0));
            sky = next;
        }
    }
    y
}

/// Parts of at most this many cards also keep links clear of cards when packed up.
const CLEAR_LIMIT: usize = 300;

/// Where a link meets a card: the middle of its first line, about.
const LINK_END: f32 = 30.0;

/// The highest top for `v`, from `y[v]` down to `lowest` (its layer's top, where nothing moved
/// up), at which no link already drawn passes over it and its own links up to its parents pass
/// over no card already placed: packing must not leave lines running behind cards.
fn clear_of_links(
    g: &Layered,
    v: usize,
    x: &[f32],
    heights: &[f32],
    y: &[f32],
    placed: &[usize],
    lowest: f32,
) -> f32 {
    let n = g.real;
    let end = |u: usize, top: f32| {
        (
            x[u] + g.widths[u] / 2.0,
            top + LINK_END.min(heights[u] / 2.0),
        )
    };
    let rect = |u: usize, top: f32| {
        let inset = 4.0;
        (
            x[u] + inset,
            top + inset,
            x[u] + g.widths[u] - inset,
            top + heights[u] - inset,
        )
    };
    let parents_of = |u: usize| {
        g.up[u]
            .iter()
            .map(|&p| match g.chain[p] {
                Some((top, _)) => top,
                None => p,
            })
            .filter(|&p| p < n)
            .collect::<Vec<usize>>()
    };
    let start = y[v];
    let steps = 6;
    for k in 0..=steps {
        let top = if lowest > start {
            start + (lowest - start) * k as f32 / steps as f32
        } else {
            start
        };
        let me = rect(v, top);
        let mine: Vec<((f32, f32), (f32, f32))> = parents_of(v)
            .into_iter()
            .map(|p| (end(v, top), end(p, y[p])))
            .collect();
        let clear = placed.iter().all(|&u| {
            // Links of cards placed before, to their parents.
            let theirs_clear = parents_of(u).into_iter().all(|p| {
                p == v || !super::route::segment_meets_rect(end(u, y[u]), end(p, y[p]), me)
            });
            let mine_clear = mine.iter().all(|&(a, b)| {
                let p_end = b;
                p_end == end(u, y[u]) || !super::route::segment_meets_rect(a, b, rect(u, y[u]))
            });
            theirs_clear && mine_clear
        });
        if clear || lowest <= start {
            return top;
        }
    }
    lowest
}
