//! The order of the cards in each layer: a first order (a walk down from the thesis, or an
//! earlier drawing's), then fewer crossings (barycentre sweeps and adjacent swaps, keeping the
//! best order seen), then quote-stack tails centred among their card's reasons.

use super::sugiyama::Layered;

/// A first order from a depth-first walk down from the roots, so a subtree starts out together.
pub(super) fn initial_order(g: &mut Layered, first: &[bool], mirror: bool, seed: u64) {
    // xorshift64: a fixed, dependency-free sequence, so a layout never changes between runs.
    let mut state = seed;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let total = g.layer_of.len();
    let mut seen = vec![false; total];
    let starts = (0..g.real)
        .filter(|&v| first[v])
        .chain(0..g.real)
        .filter(|&v| g.up[v].is_empty())
        .chain(0..total);
    let mut stack = Vec::new();
    for s in starts {
        if seen[s] {
            continue;
        }
        seen[s] = true;
        stack.push(s);
        while let Some(v) = stack.pop() {
            let l = g.layer_of[v];
            g.pos[v] = g.layers[l].len();
            g.layers[l].push(v);
            let mut children = g.down[v].clone();
            if !mirror {
                // The stack pops the last pushed first: push in reverse to visit in order.
                children.reverse();
            }
            if seed != 0 {
                for i in (1..children.len()).rev() {
                    children.swap(i, (next() % (i as u64 + 1)) as usize);
                }
            }
            for c in children {
                if !seen[c] {
                    seen[c] = true;
                    stack.push(c);
                }
            }
        }
    }
}

/// A first order from an earlier drawing: each layer by where its cards sat across; a bend of a
/// long edge on the line between its ends, a tail under its card.
pub(super) fn hinted_order(g: &mut Layered, hint: &[f32]) {
    let key = |v: usize| {
        if v < g.real {
            return hint[v];
        }
        if let Some(owner) = g.tail_of[v] {
            return hint[owner];
        }
        match g.chain[v] {
            Some((top, bottom)) => {
                let (a, b) = (g.layer_of[top] as f32, g.layer_of[bottom] as f32);
                let t = (g.layer_of[v] as f32 - a) / (b - a).max(1.0);
                hint[top] + (hint[bottom] - hint[top]) * t
            }
            None => 0.0,
        }
    };
    let mut keyed: Vec<(usize, f32, usize)> = (0..g.layer_of.len())
        .map(|v| (g.layer_of[v], key(v), v))
        .collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (l, _, v) in keyed {
        g.pos[v] = g.layers[l].len();
        g.layers[l].push(v);
    }
}

/// Crossings between layer `l` and the one below it (inversions counted with a Fenwick tree).
fn crossings_below(g: &Layered, l: usize) -> usize {
    let Some(lower) = g.layers.get(l + 1) else {
        return 0;
    };
    let mut ends: Vec<usize> = Vec::new();
    for &v in &g.layers[l] {
        let start = ends.len();
        ends.extend(g.down[v].iter().map(|&c| g.pos[c]));
        ends[start..].sort_unstable();
    }
    let mut tree = vec![0usize; lower.len() + 1];
    let mut count = 0;
    for (seen, &p) in ends.iter().enumerate() {
        // Edges seen so far that end right of p cross this one.
        let mut i = p + 1;
        let mut le = 0;
        while i > 0 {
            le += tree[i];
            i &= i - 1;
        }
        count += seen - le;
        let mut i = p + 1;
        while i < tree.len() {
            tree[i] += 1;
            i += i & i.wrapping_neg();
        }
    }
    count
}

fn total_crossings(g: &Layered) -> usize {
    (0..g.layers.len()).map(|l| crossings_below(g, l)).sum()
}

/// Reorders layer `l` by the mean position of each vertex's neighbours in `fixed`.
fn barycentre(g: &mut Layered, l: usize, use_up: bool) {
    let mut keyed: Vec<(f32, usize, usize)> = g.layers[l]
        .iter()
        .map(|&v| {
            let nb = if use_up { &g.up[v] } else { &g.down[v] };
            let key = if nb.is_empty() {
                g.pos[v] as f32
            } else {
                nb.iter().map(|&u| g.pos[u] as f32).sum::<f32>() / nb.len() as f32
            };
            (key, g.pos[v], v)
        })
        .collect();
    keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    for (i, &(_, _, v)) in keyed.iter().enumerate() {
        g.layers[l][i] = v;
        g.pos[v] = i;
    }
}

/// Crossings among the edges of `u` and `v` (neighbours above and below) with `u` left of `v`.
fn pair_crossings(g: &Layered, u: usize, v: usize) -> usize {
    let count = |a: &[usize], b: &[usize]| {
        a.iter()
            .map(|&x| b.iter().filter(|&&y| g.pos[x] > g.pos[y]).count())
            .sum::<usize>()
    };
    count(&g.up[u], &g.up[v]) + count(&g.down[u], &g.down[v])
}

/// Swaps neighbours in a layer while that removes crossings, within `budget` (pairs of edges
/// compared); returns the work done.
fn transpose(g: &mut Layered, budget: usize) -> usize {
    let mut work = 0;
    for _ in 0..8 {
        let mut improved = false;
        for l in 0..g.layers.len() {
            for i in 1..g.layers[l].len() {
                let (u, v) = (g.layers[l][i - 1], g.layers[l][i]);
                work += 2 * (g.up[u].len() * g.up[v].len() + g.down[u].len() * g.down[v].len()) + 1;
                if work > budget {
                    return work;
                }
                if pair_crossings(g, v, u) < pair_crossings(g, u, v) {
                    g.layers[l].swap(i - 1, i);
                    g.pos[u] = i;
                    g.pos[v] = i - 1;
                    improved = true;
                }
            }
        }
        if !improved {
            break;
        }
    }
    work
}

/// Moves each quote stack's tail to the middle of its card's other children next to it, so
/// the card sits in the middle of its reasons, not at one end (no crossing changes: the links
/// share the card's end).
pub(super) fn centre_tails(g: &mut Layered) {
    for t in g.real..g.layer_of.len() {
        // The first tail under a card (a column's lower tails follow it through the ordering).
        let Some(owner) = g.tail_of[t].filter(|&o| g.up[t] == [o]) else {
            continue;
        };
        let l = g.layer_of[t];
        let sibling = |v: usize| g.up[v] == [owner];
        let layer = &g.layers[l];
        let at = g.pos[t];
        let mut lo = at;
        while lo > 0 && sibling(layer[lo - 1]) {
            lo -= 1;
        }
        let mut hi = at;
        while hi + 1 < layer.len() && sibling(layer[hi + 1]) {
            hi += 1;
        }
        let mid = usize::midpoint(lo, hi);
        let layer = &mut g.layers[l];
        if mid < at {
            layer[mid..=at].rotate_right(1);
        } else {
            layer[at..=mid].rotate_left(1);
        }
        for i in lo..=hi {
            let v = g.layers[l][i];
            g.pos[v] = i;
        }
    }
}

/// Work allowed for reducing crossings in one part, in edge visits: a few dozen sweeps over a
/// big map; a dense hostile one stops early with the best order found so far.
const WORK_BUDGET: usize = 10_000_000;

pub(super) fn reduce_crossings(g: &mut Layered) {
    let depth = g.layers.len();
    let mut best = total_crossings(g);
    let mut best_layers = g.layers.clone();
    let mut stale = 0;
    let edges: usize = g.down.iter().map(Vec::len).sum();
    let sweep = 4 * (edges + g.layer_of.len());
    let mut work = 0usize;
    for _ in 0..24 {
        if best == 0 || stale >= 4 || work + sweep > WORK_BUDGET {
            break;
        }
        work += sweep;
        for l in 1..depth {
            barycentre(g, l, true);
        }
        for l in (0..depth.saturating_sub(1)).rev() {
            barycentre(g, l, false);
        }
        work += transpose(g, WORK_BUDGET.saturating_sub(work));
        let c = total_crossings(g);
        if c < best {
            best = c;
            best_layers.clone_from(&g.layers);
            stale = 0;
        } else {
            stale += 1;
        }
    }
    g.layers = best_layers;
    for layer in &g.layers {
        for (i, &v) in layer.iter().enumerate() {
            g.pos[v] = i;
        }
    }
}
