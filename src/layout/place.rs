//! Horizontal placement of ordered layers: each vertex wants to sit centred on its neighbours;
//! the order is kept and vertices never overlap. For a layer, the best such placement in the
//! least-squares sense is an isotonic regression, solved exactly by pool-adjacent-violators.

use super::sugiyama::Layered;

/// Dummy vertices (bends of long edges) count for less than cards when a layer is placed.
const DUMMY_WEIGHT: f32 = 0.3;
/// A card and the tail under its quotes hold on to each other harder than anything else.
const TAIL_WEIGHT: f32 = 4.0;

/// Left x of every vertex (dummies included, width 0), with the leftmost at x = 0.
pub(super) fn horizontal(g: &Layered, gap: f32) -> Vec<f32> {
    let width = |v: usize| g.widths[v];
    let total = g.layer_of.len();
    let mut centre = vec![0.0f32; total];
    for layer in &g.layers {
        let mut x = 0.0;
        for &v in layer {
            centre[v] = x + width(v) / 2.0;
            x += width(v) + gap;
        }
    }
    let depth = g.layers.len();
    let ctx = Ctx {
        g,
        gap,
        real: g.real,
    };
    // Down and up sweeps pull children under parents and parents over children; the last
    // rounds balance both.
    for _ in 0..4 {
        for l in 1..depth {
            ctx.place_layer(l, &mut centre, Pull::Up);
        }
        for l in (0..depth.saturating_sub(1)).rev() {
            ctx.place_layer(l, &mut centre, Pull::Down);
        }
    }
    for _ in 0..2 {
        for l in 0..depth {
            ctx.place_layer(l, &mut centre, Pull::Both);
        }
    }
    // Last, bottom up, every card with a tail goes over it: the space the tail kept clear is
    // where a column of reasons is drawn (so no card of a lower layer slips under it).
    if g.columns {
        for l in (0..depth).rev() {
            ctx.place_layer(l, &mut centre, Pull::Tails);
        }
    }
    let left: Vec<f32> = (0..total).map(|v| centre[v] - width(v) / 2.0).collect();
    let min = left.iter().copied().fold(f32::INFINITY, f32::min);
    let min = if min.is_finite() { min } else { 0.0 };
    left.iter().map(|x| x - min).collect()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Pull {
    Up,
    Down,
    Both,
    /// Cards with a tail go over it; the others stay where they are if they can.
    Tails,
}

struct Ctx<'a> {
    g: &'a Layered,
    gap: f32,
    real: usize,
}

impl Ctx<'_> {
    fn place_layer(&self, l: usize, centre: &mut [f32], pull: Pull) {
        let layer = &self.g.layers[l];
        if layer.is_empty() {
            return;
        }
        let width = |v: usize| self.g.widths[v];
        let mut target = Vec::with_capacity(layer.len());
        let mut weight = Vec::with_capacity(layer.len());
        let mut offset = Vec::with_capacity(layer.len());
        let mut off = 0.0;
        for (i, &v) in layer.iter().enumerate() {
            if i > 0 {
                let prev = layer[i - 1];
                off += width(prev) / 2.0 + self.gap_between(prev, v) + width(v) / 2.0;
            }
            let (want, w) = self.target(v, centre, pull);
            weight.push(w);
            target.push(want - off);
            offset.push(off);
        }
        let fitted = isotonic(&target, &weight);
        for (i, &v) in layer.iter().enumerate() {
            centre[v] = fitted[i] + offset[i];
        }
    }

    /// Where `v` wants its centre, and how hard it pulls. A card and the tail under its quote
    /// stack pull on each other only: together they are a column that must stay straight,
    /// or a link would pass behind the quotes.
    fn target(&self, v: usize, centre: &[f32], pull: Pull) -> (f32, f32) {
        if pull == Pull::Tails {
            // Bottom up: each part of a column's tail goes over the part below it, the column
            // over its tail, so the whole stands straight where its lowest layer let it.
            return match self.g.down[v].iter().find(|&&t| self.is_tail(t)) {
                Some(&t) => (centre[t], TAIL_WEIGHT),
                None => (centre[v], 1.0),
            };
        }
        if let Some(owner) = self.g.tail_of[v] {
            return (centre[owner], TAIL_WEIGHT);
        }
        if pull != Pull::Up
            && let Some(&t) = self.g.down[v].iter().find(|&&t| self.is_tail(t))
        {
            return (centre[t], TAIL_WEIGHT);
        }
        if let Some(Some((top, bottom))) = self.g.chain.get(v) {
            // A bend of a long edge wants to lie on the straight line the edge is drawn as, so
            // the ordering's crossings are the drawing's.
            let y = |u: usize| self.g.tops[self.g.layer_of[u]];
            let span = (y(*bottom) - y(*top)).max(1.0);
            let t = (y(v) - y(*top)) / span;
            return (
                centre[*top] + (centre[*bottom] - centre[*top]) * t,
                DUMMY_WEIGHT,
            );
        }
        let nb: Vec<usize> = match pull {
            Pull::Up => self.g.up[v].clone(),
            Pull::Down => self.g.down[v].clone(),
            Pull::Both | Pull::Tails => self.g.up[v]
                .iter()
                .chain(&self.g.down[v])
                .copied()
                .collect(),
        };
        let base = if v < self.real { 1.0 } else { DUMMY_WEIGHT };
        if nb.is_empty() {
            // Nothing pulls it: it stays put, but gives way easily.
            (centre[v], base * 0.1)
        } else {
            let mean = nb.iter().map(|&u| centre[u]).sum::<f32>() / nb.len() as f32;
            (mean, base)
        }
    }

    /// A tail: the space kept clear under a quote stack or a column of reasons.
    fn is_tail(&self, v: usize) -> bool {
        self.g.tail_of[v].is_some()
    }

    /// Bends of long edges need only half a gap: they are lines, not cards.
    fn gap_between(&self, a: usize, b: usize) -> f32 {
        let solid = |v: usize| v < self.real || self.is_tail(v);
        if solid(a) && solid(b) {
            self.gap
        } else {
            self.gap / 2.0
        }
    }
}

/// The non-decreasing sequence closest to `target` in weighted least squares.
fn isotonic(target: &[f32], weight: &[f32]) -> Vec<f32> {
    // Pools of (weighted sum, total weight, length).
    let mut pools: Vec<(f32, f32, usize)> = Vec::with_capacity(target.len());
    for (&t, &w) in target.iter().zip(weight) {
        let w = w.max(1e-3);
        pools.push((t * w, w, 1));
        while pools.len() >= 2 {
            let (s1, w1, n1) = pools[pools.len() - 1];
            let (s0, w0, n0) = pools[pools.len() - 2];
            if s0 / w0 <= s1 / w1 {
                break;
            }
            pools.pop();
            if let Some(last) = pools.last_mut() {
                *last = (s0 + s1, w0 + w1, n0 + n1);
            }
        }
    }
    pools
        .iter()
        .flat_map(|&(s, w, n)| std::iter::repeat_n(s / w, n))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::isotonic;

    #[test]
    fn isotonic_pools_violators() {
        let fit = isotonic(&[1.0, 3.0, 2.0, 4.0], &[1.0; 4]);
        assert_eq!(fit, vec![1.0, 2.5, 2.5, 4.0]);
    }
}
