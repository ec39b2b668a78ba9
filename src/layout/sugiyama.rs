//! A compact Sugiyama layout of one connected component: break cycles, assign layers (longest
//! path), add dummy vertices on long edges, reduce crossings (barycentre sweeps and adjacent
//! swaps, keeping the best order seen), then place vertices (see [`super::place`]).

use super::order::{centre_tails, hinted_order, initial_order, reduce_crossings};
use super::pack::pack_up;
use super::place;
use std::collections::VecDeque;

/// One component to lay out; vertices are `0..widths.len()`.
pub(super) struct Input<'a> {
    pub widths: &'a [f32],
    pub heights: &'a [f32],
    /// (parent, child): the child goes in a lower layer.
    pub edges: &'a [(usize, usize)],
    /// Vertices to start from (the thesis): they get the top layer and the left of it.
    pub first: &'a [bool],
    /// Width of the quote stack under each vertex (0: none). A stack reaches down towards the
    /// next layer, so a link from there that passes beside it crosses its quotes' links, and a
    /// card right under it looks linked to its last quote. A "tail" vertex as wide as the stack
    /// in the next layer keeps that space clear and makes the ordering count those crossings.
    pub tails: &'a [f32],
    /// How far below its top each vertex with a tail reaches (a column of stacked reasons may
    /// reach through several layers; its tail keeps them clear). Such a vertex does not make
    /// its layer taller. 0 or empty: its tail keeps the next layer only.
    pub reach: &'a [f32],
    /// Where each vertex's centre sat across in an earlier drawing of the part: the first order
    /// follows it (a drawing with reasons stacked keeps the order that drew well unstacked).
    /// Empty: none.
    pub hint: &'a [f32],
    /// Start from the mirror image of the first order (a second try).
    pub mirror: bool,
    /// Non-zero: start from a shuffled order (children visited in an order drawn from this
    /// seed), a further try when the first ones leave crossings. Deterministic.
    pub seed: u64,
    /// Widest a layer may be (cards, gaps and quote-stack tails): a wider one passes cards down
    /// to the layers below, so a wide fan becomes two or more rows instead of one long one.
    /// Infinite: no limit.
    pub max_width: f32,
    /// Cards move up under short neighbours instead of waiting below the tallest card of the
    /// layer above (see [`pack_up`]).
    pub pack: bool,
    /// Non-zero: a card (other than the thesis) with at least this many reasons in the layer
    /// below splits them into two rows: those that bear reasons of their own go one layer
    /// lower, under the others (see [`split_fans`]).
    pub fan: usize,
}

/// Spacing, in canvas units.
#[derive(Clone, Copy, Debug)]
pub(super) struct Spacing {
    pub layer_gap: f32,
    pub node_gap: f32,
}

/// Top-left corner of each vertex; the component's left edge is at x = 0, its top at y = 0.
pub(super) struct Output {
    pub x: Vec<f32>,
    pub y: Vec<f32>,
}

/// The layered vertices: real ones first, then dummies.
pub(super) struct Layered {
    pub layer_of: Vec<usize>,
    /// Widths of all vertices: cards, tails; 0 for bends of long edges.
    pub widths: Vec<f32>,
    pub layers: Vec<Vec<usize>>,
    pub pos: Vec<usize>,
    pub up: Vec<Vec<usize>>,
    pub down: Vec<Vec<usize>>,
    pub real: usize,
    /// For a bend of a long edge: the cards at the edge's top and bottom end.
    pub chain: Vec<Option<(usize, usize)>>,
    /// Top of each layer, canvas units.
    pub tops: Vec<f32>,
    /// For a tail (the space kept clear under a quote stack or a column): the card it hangs from.
    pub tail_of: Vec<Option<usize>>,
    /// Some cards are columns of reasons reaching through layers below their own.
    pub columns: bool,
}

pub(super) fn layout(input: &Input<'_>, spacing: Spacing) -> Output {
    let n = input.widths.len();
    let edges = acyclic(n, input.edges, input.first);
    let mut layer = assign_layers(n, &edges, input.first);
    if input.max_width.is_finite() {
        wrap_layers(input, &edges, &mut layer, spacing.node_gap);
    }
    split_fans(&edges, &mut layer, input.first, input.fan);
    // A dense map can have edges spanning many layers: each bend is a vertex. Past a budget,
    // the longest edges are left out of the ordering (drawn all the same), so memory and time
    // stay bounded for any map.
    let edges = within_budget(n, edges, &layer);
    let reach = layers_reached(input, &layer, spacing.layer_gap);
    let mut g = with_dummies(input.widths, &edges, &layer, (input.tails, &reach));
    g.columns = input.reach.iter().any(|&r| r > 0.0);
    if input.hint.len() == n {
        hinted_order(&mut g, input.hint);
    } else {
        initial_order(&mut g, input.first, input.mirror, input.seed);
    }
    reduce_crossings(&mut g);
    centre_tails(&mut g);
    let mut y = 0.0;
    for l in &g.layers {
        g.tops.push(y);
        let tallest = l
            .iter()
            .filter(|&&v| v < n && reaches(input, v) == 0.0)
            .map(|&v| input.heights[v])
            .fold(0.0, f32::max);
        y += tallest + spacing.layer_gap;
    }
    let x = place::horizontal(&g, spacing.node_gap);
    let y = if input.pack {
        pack_up(&g, &x, input.heights, spacing)
    } else {
        (0..n).map(|v| g.tops[g.layer_of[v]]).collect()
    };
    Output {
        x: x[..n].to_vec(),
        y,
    }
}

fn reaches(input: &Input<'_>, v: usize) -> f32 {
    input.reach.get(v).copied().unwrap_or(0.0)
}

/// How many layers below its own each vertex's tail keeps clear: those whose top, with layers
/// as tall as their cards (tall columns aside), lies above the vertex's reach.
fn layers_reached(input: &Input<'_>, layer: &[usize], layer_gap: f32) -> Vec<usize> {
    let depth = layer.iter().copied().max().map_or(0, |d| d + 1);
    let mut tallest = vec![0.0f32; depth];
    for (v, &l) in layer.iter().enumerate() {
        if reaches(input, v) == 0.0 {
            tallest[l] = tallest[l].max(input.heights[v]);
        }
    }
    let mut tops = Vec::with_capacity(depth);
    let mut y = 0.0;
    for t in tallest {
        tops.push(y);
        y += t + layer_gap;
    }
    (0..layer.len())
        .map(|v| {
            let bottom = tops[layer[v]] + reaches(input, v);
            tops[layer[v] + 1..]
                .iter()
                .take_while(|&&t| t < bottom)
                .count()
                .max(1)
        })
        .collect()
}

/// The edges with those that close a cycle reversed (found by a depth-first search that starts
/// from the thesis, then from vertices nothing points at, in index order: deterministic).
fn acyclic(n: usize, edges: &[(usize, usize)], first: &[bool]) -> Vec<(usize, usize)> {
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut indeg = vec![0usize; n];
    for (i, &(p, c)) in edges.iter().enumerate() {
        out[p].push(i);
        indeg[c] += 1;
    }
    let starts = (0..n)
        .filter(|&v| first[v])
        .chain((0..n).filter(|&v| indeg[v] == 0))
        .chain(0..n);
    let mut state = vec![0u8; n]; // 0 new, 1 on the stack, 2 done
    let mut reversed = vec![false; edges.len()];
    let mut stack: Vec<(usize, usize)> = Vec::new();
    for s in starts {
        if state[s] != 0 {
            continue;
        }
        state[s] = 1;
        stack.push((s, 0));
        while let Some(top) = stack.last_mut() {
            let (v, next) = *top;
            if let Some(&e) = out[v].get(next) {
                top.1 += 1;
                let w = edges[e].1;
                match state[w] {
                    0 => {
                        state[w] = 1;
                        stack.push((w, 0));
                    }
                    1 => reversed[e] = true,
                    _ => {}
                }
            } else {
                state[v] = 2;
                stack.pop();
            }
        }
    }
    edges
        .iter()
        .zip(reversed)
        .map(|(&(p, c), r)| if r { (c, p) } else { (p, c) })
        .collect()
}

/// Longest-path layers; then a vertex nothing points at (other than the thesis) moves down to
/// just above its highest child, so it does not hang far above what it relates to.
fn assign_layers(n: usize, edges: &[(usize, usize)], first: &[bool]) -> Vec<usize> {
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut indeg = vec![0usize; n];
    for &(p, c) in edges {
        children[p].push(c);
        indeg[c] += 1;
    }
    let roots: Vec<usize> = (0..n).filter(|&v| indeg[v] == 0).collect();
    let mut layer = vec![0usize; n];
    let mut left = indeg.clone();
    let mut queue: VecDeque<usize> = roots.iter().copied().collect();
    while let Some(v) = queue.pop_front() {
        for &c in &children[v] {
            layer[c] = layer[c].max(layer[v] + 1);
            left[c] -= 1;
            if left[c] == 0 {
                queue.push_back(c);
            }
        }
    }
    for &r in &roots {
        if !first[r]
            && let Some(lowest) = children[r].iter().map(|&c| layer[c]).min()
        {
            layer[r] = lowest - 1;
        }
    }
    // Empty layers at the top (every root moved down) are closed up.
    let top = layer.iter().copied().min().unwrap_or(0);
    for l in &mut layer {
        *l -= top;
    }
    layer
}

/// Passes cards down, layer by layer from the top, until no layer (its cards, the gaps between
/// them and the quote-stack tails of the layer above) is wider than `input.max_width`; children
/// move down with their parent. Cards with the fewest cards below them go first, so a fan of
/// leaves wraps and the heads of big branches stay close to what they bear on. Bounded: each
/// card moves down at most a few times the number of cards in all.
fn wrap_layers(input: &Input<'_>, edges: &[(usize, usize)], layer: &mut [usize], gap: f32) {
    let n = layer.len();
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(p, c) in edges {
        children[p].push(c);
    }
    // Cards below each card (counted with repeats, capped): how much a move down drags along.
    let mut below = vec![0usize; n];
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&v| std::cmp::Reverse(layer[v]));
    for &v in &order {
        below[v] = children[v]
            .iter()
            .map(|&c| below[c] + 1)
            .sum::<usize>()
            .min(n);
    }
    let mut moves_left = 4 * n + 16;
    let mut l = 0;
    loop {
        let depth = layer.iter().copied().max().unwrap_or(0);
        if l > depth {
            break;
        }
        let mut members: Vec<usize> = (0..n).filter(|&v| layer[v] == l).collect();
        let tails: f32 = (0..n)
            .filter(|&v| l > 0 && layer[v] == l - 1 && input.tails[v] > 0.0)
            .map(|v| input.tails[v] + gap)
            .sum();
        let width =
            |m: &[usize]| m.iter().map(|&v| input.widths[v] + gap).sum::<f32>() + tails - gap;
        if members.len() > 1 && width(&members) > input.max_width {
            // Keep the cards that drag most along; the thesis always stays.
            members.sort_by_key(|&v| (!input.first[v], std::cmp::Reverse(below[v]), v));
            let mut kept = 0;
            let mut w = tails - gap;
            for &v in &members {
                if kept > 0 && w + input.widths[v] + gap > input.max_width {
                    break;
                }
                w += input.widths[v] + gap;
                kept += 1;
            }
            for &v in &members[kept..] {
                if input.first[v] {
                    continue;
                }
                layer[v] = l + 1;
                if !push_down(v, &children, layer, &mut moves_left) {
                    return;
                }
            }
        }
        l += 1;
    }
}

/// Moves what hangs from `v` (just moved down) below it, as far as needed; `false` when the
/// budget of moves ran out (the caller then stops moving cards).
fn push_down(
    v: usize,
    children: &[Vec<usize>],
    layer: &mut [usize],
    moves_left: &mut usize,
) -> bool {
    let mut stack = vec![v];
    while let Some(u) = stack.pop() {
        for &c in &children[u] {
            if layer[c] <= layer[u] {
                if *moves_left == 0 {
                    return false;
                }
                *moves_left -= 1;
                layer[c] = layer[u] + 1;
                stack.push(c);
            }
        }
    }
    true
}

/// Splits each wide fan in two rows: a card's reasons that have reasons of their own move one
/// layer down (their branches with them), and its leaf reasons stay in the row right under it,
/// between the long links down to the others. A wide branch then takes a layer more and a few
/// cards less across: a map too wide for a projector turns towards its shape. The thesis's
/// own reasons stay in one row (the map opens on them). Bounded like [`wrap_layers`].
fn split_fans(edges: &[(usize, usize)], layer: &mut [usize], first: &[bool], fan: usize) {
    if fan == 0 {
        return;
    }
    let n = layer.len();
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(p, c) in edges {
        children[p].push(c);
    }
    let mut parents: Vec<usize> = (0..n).filter(|&v| !first[v]).collect();
    parents.sort_by_key(|&v| (layer[v], v));
    let mut moves_left = 4 * n + 16;
    for p in parents {
        let row: Vec<usize> = children[p]
            .iter()
            .copied()
            .filter(|&c| layer[c] == layer[p] + 1)
            .collect();
        let (branches, leaves): (Vec<usize>, Vec<usize>) =
            row.iter().partition(|&&c| !children[c].is_empty());
        if row.len() < fan || branches.is_empty() || leaves.is_empty() {
            continue;
        }
        for b in branches {
            layer[b] += 1;
            if !push_down(b, &children, layer, &mut moves_left) {
                return;
            }
        }
    }
}

/// Bends of long edges allowed in one part, beyond a few per card.
const MAX_BENDS: usize = 50_000;

/// The edges whose bends fit the budget, shortest first; all of them when they fit.
fn within_budget(n: usize, edges: Vec<(usize, usize)>, layer: &[usize]) -> Vec<(usize, usize)> {
    let bends = |&(p, c): &(usize, usize)| layer[c].saturating_sub(layer[p] + 1);
    let budget = MAX_BENDS.max(4 * n);
    if edges.iter().map(bends).sum::<usize>() <= budget {
        return edges;
    }
    let mut by_length = edges;
    by_length.sort_by_key(bends);
    let mut used = 0;
    by_length
        .into_iter()
        .take_while(|e| {
            used += bends(e);
            used <= budget
        })
        .collect()
}

/// Splits edges longer than one layer with dummy vertices.
fn with_dummies(
    widths: &[f32],
    edges: &[(usize, usize)],
    layer: &[usize],
    (tails, reach): (&[f32], &[usize]),
) -> Layered {
    let n = widths.len();
    let mut layer_of = layer.to_vec();
    let mut all_widths = widths.to_vec();
    let mut up: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut down: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut chain = vec![None; n];
    let mut tail_of = vec![None; n];
    let deepest = layer.iter().copied().max().unwrap_or(0);
    for v in (0..n).filter(|&v| tails[v] > 0.0) {
        // One tail per layer the stack reaches into, each hanging from the one above.
        let reach = reach.get(v).copied().unwrap_or(1).max(1);
        let mut prev = v;
        for l in layer[v] + 1..=(layer[v] + reach).min(deepest) {
            let d = layer_of.len();
            layer_of.push(l);
            all_widths.push(tails[v]);
            chain.push(None);
            tail_of.push(Some(v));
            up.push(vec![prev]);
            down.push(Vec::new());
            down[prev].push(d);
            prev = d;
        }
    }
    for &(p, c) in edges {
        let mut prev = p;
        for l in layer[p] + 1..layer[c] {
            let d = layer_of.len();
            layer_of.push(l);
            all_widths.push(0.0);
            chain.push(Some((p, c)));
            tail_of.push(None);
            up.push(vec![prev]);
            down.push(Vec::new());
            down[prev].push(d);
            prev = d;
        }
        down[prev].push(c);
        up[c].push(prev);
    }
    let depth = layer_of.iter().max().map_or(0, |m| m + 1);
    Layered {
        pos: vec![0; layer_of.len()],
        layers: vec![Vec::new(); depth],
        layer_of,
        widths: all_widths,
        up,
        down,
        real: n,
        chain,
        tops: Vec::new(),
        tail_of,
        columns: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cycles_are_broken_and_layers_follow_edges() {
        let edges = [(0, 1), (1, 2), (2, 0), (0, 3)];
        let dag = acyclic(4, &edges, &[true, false, false, false]);
        let layer = assign_layers(4, &dag, &[true, false, false, false]);
        assert_eq!(layer[0], 0);
        for (p, c) in dag {
            assert!(layer[c] > layer[p]);
        }
    }

    #[test]
    fn a_wide_fan_splits_its_branches_one_layer_below_its_leaves() {
        // 0 the thesis; 1 under it with four reasons: 2 and 3 leaves, 4 and 5 each with one
        // reason (6, 7) of its own.
        let edges = [(0, 1), (1, 2), (1, 3), (1, 4), (1, 5), (4, 6), (5, 7)];
        let first = [true, false, false, false, false, false, false, false];
        let layers = |fan: usize| {
            let mut layer = assign_layers(8, &edges, &first);
            split_fans(&edges, &mut layer, &first, fan);
            layer
        };
        assert_eq!(layers(0), [0, 1, 2, 2, 2, 2, 3, 3]);
        assert_eq!(layers(4), [0, 1, 2, 2, 3, 3, 4, 4]);
        // A fan narrower than asked, or the thesis's own reasons, stay in one row.
        assert_eq!(layers(5), layers(0));
        let thesis_fan = [(0, 1), (0, 2), (0, 3), (3, 4)];
        let mut layer = assign_layers(5, &thesis_fan, &first[..5]);
        split_fans(&thesis_fan, &mut layer, &first[..5], 2);
        assert_eq!(layer, [0, 1, 1, 1, 2]);
    }

    #[test]
    fn a_crossing_that_can_go_goes() {
        // 0 and 1 on top; 2 and 3 below, wired crosswise.
        let widths = [10.0; 4];
        let out = layout(
            &Input {
                widths: &widths,
                heights: &widths,
                edges: &[(0, 3), (1, 2)],
                first: &[false; 4],
                tails: &[0.0; 4],
                reach: &[],
                hint: &[],
                mirror: false,
                seed: 0,
                max_width: f32::INFINITY,
                fan: 0,
                pack: false,
            },
            Spacing {
                layer_gap: 10.0,
                node_gap: 10.0,
            },
        );
        assert_eq!(out.x[0] < out.x[1], out.x[3] < out.x[2]);
    }

    #[test]
    fn a_tall_column_keeps_the_layers_it_reaches_into_clear() {
        // 0 on top; 1 a column 400 tall; beside it 2, then 3, then a fan of five (4–8) that
        // would spread under the column.
        let widths = [100.0; 9];
        let mut heights = [50.0; 9];
        heights[1] = 400.0;
        let mut tails = [0.0; 9];
        tails[1] = 100.0;
        let mut reach = [0.0; 9];
        reach[1] = 400.0;
        let out = layout(
            &Input {
                widths: &widths,
                heights: &heights,
                edges: &[
                    (0, 1),
                    (0, 2),
                    (2, 3),
                    (3, 4),
                    (3, 5),
                    (3, 6),
                    (3, 7),
                    (3, 8),
                ],
                first: &[true, false, false, false, false, false, false, false, false],
                tails: &tails,
                reach: &reach,
                hint: &[],
                mirror: false,
                seed: 0,
                max_width: f32::INFINITY,
                fan: 0,
                pack: true,
            },
            Spacing {
                layer_gap: 10.0,
                node_gap: 10.0,
            },
        );
        // The fan sits in a layer the column reaches into: beside it, not pushed below it.
        for v in 4..9 {
            let apart = out.x[v] + widths[v] <= out.x[1] || out.x[1] + widths[1] <= out.x[v];
            assert!(apart, "{v} is beside the column");
            assert!(
                out.y[v] < out.y[1] + heights[1],
                "{v} is not pushed below it"
            );
        }
    }
}
