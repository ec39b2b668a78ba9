//! Leaf reasons stacked in columns inside the layered layout, as the tree layout does: a card's
//! reasons that bear on nothing else and have nothing below them go one under another in a
//! column below it (their links share a trunk beside the column, see [`super::route`]), instead
//! of spreading in one long row. The column is laid out as one tall card whose tails keep the
//! layers it reaches into clear; then its reasons are put back in it.

use super::route::CLEARANCE;

/// A part with its stackable leaves replaced by columns, ready for [`super::sugiyama`].
pub(super) struct Stacked {
    pub widths: Vec<f32>,
    pub heights: Vec<f32>,
    pub edges: Vec<(usize, usize)>,
    pub first: Vec<bool>,
    pub tails: Vec<f32>,
    /// How far below its top each vertex reaches: a column's height, 0 for the others.
    pub reach: Vec<f32>,
    /// Each vertex's centre across in an earlier drawing (a column: its reasons' mean), or empty.
    pub hint: Vec<f32>,
    /// Where each vertex of the part went: a vertex of its own, or (column vertex, top of it
    /// relative to the column's top).
    at: Vec<Place>,
}

#[derive(Clone, Copy)]
enum Place {
    Own(usize),
    InColumn(usize, f32),
}

/// Where a parent's leaves go when they sat apart in the earlier drawing (leaves of one parent
/// can move among its children without crossing anything but what passes between them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Gather {
    /// Each run of leaves side by side makes its own columns.
    Apart,
    /// All go where the first sat.
    First,
    /// All go where the last sat.
    Last,
}

/// The part as the layered layout takes it (its own numbering).
pub(super) struct Part<'a> {
    pub widths: &'a [f32],
    pub heights: &'a [f32],
    pub edges: &'a [(usize, usize)],
    pub first: &'a [bool],
    pub tails: &'a [f32],
    /// Each vertex's centre across in an earlier drawing, or empty: a column takes the reasons
    /// that sat side by side there.
    pub hint: &'a [f32],
    /// Whether a parent's leaves that sat apart are gathered into one run.
    pub gather: Gather,
    /// Vertices that may go in a column (one card and its quotes; a contradicting pair stays
    /// side by side in its layer).
    pub single: &'a [bool],
}

/// A parent's leaves that go in columns together, and where they go across (their place in
/// the earlier drawing).
struct Run {
    parent: usize,
    leaves: Vec<usize>,
    across: f32,
}

/// The runs of leaves (one parent, nothing below, not the thesis, a single card): per parent,
/// its children in the order of the edges (the map's), or as they sat in the earlier drawing
/// split where a child that stays on its own sits between (unless gathered).
fn runs(part: &Part<'_>) -> Vec<Run> {
    let n = part.widths.len();
    let mut parents = vec![0usize; n];
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(p, c) in part.edges {
        if p != c && !children[p].contains(&c) {
            children[p].push(c);
            parents[c] += 1;
        }
    }
    let leaf =
        |c: usize| parents[c] == 1 && children[c].is_empty() && !part.first[c] && part.single[c];
    let hinted = part.hint.len() == n;
    let mut runs = Vec::new();
    for (parent, kids) in children.iter().enumerate() {
        let mut kids = kids.clone();
        if hinted {
            kids.sort_by(|&a, &b| part.hint[a].total_cmp(&part.hint[b]));
        }
        let all: Vec<usize> = kids.iter().copied().filter(|&c| leaf(c)).collect();
        let anchor = match part.gather {
            _ if !hinted => Some(0.0),
            Gather::Apart => None,
            Gather::First => all.first().map(|&c| part.hint[c]),
            Gather::Last => all.last().map(|&c| part.hint[c]),
        };
        if let Some(across) = anchor {
            runs.push(Run {
                parent,
                leaves: all,
                across,
            });
            continue;
        }
        for run in kids.split(|&c| !leaf(c)) {
            let across = run.iter().map(|&c| part.hint[c]).sum::<f32>() / run.len().max(1) as f32;
            runs.push(Run {
                parent,
                leaves: run.to_vec(),
                across,
            });
        }
    }
    runs.retain(|r| r.leaves.len() >= 2);
    runs
}

/// Replaces the runs of leaf children (see [`runs`]) of every vertex by columns of at most
/// `stack`, spread evenly (`stack` 0: none).
pub(super) fn stack(part: &Part<'_>, stack: usize, node_gap: f32) -> Stacked {
    let n = part.widths.len();
    let hinted = part.hint.len() == n;
    let runs = if stack > 0 { runs(part) } else { Vec::new() };
    let mut stacked = vec![false; n];
    for run in &runs {
        for &c in &run.leaves {
            stacked[c] = true;
        }
    }
    let mut at: Vec<Option<Place>> = vec![None; n];
    let mut out = Stacked {
        widths: Vec::new(),
        heights: Vec::new(),
        edges: Vec::new(),
        first: Vec::new(),
        tails: Vec::new(),
        reach: Vec::new(),
        hint: Vec::new(),
        at: Vec::new(),
    };
    for v in 0..n {
        if stacked[v] {
            continue;
        }
        at[v] = Some(Place::Own(out.widths.len()));
        out.widths.push(part.widths[v]);
        out.heights.push(part.heights[v]);
        out.first.push(part.first[v]);
        out.tails.push(part.tails[v]);
        out.reach.push(0.0);
        if let Some(&h) = part.hint.get(v) {
            out.hint.push(h);
        }
    }
    for Run {
        parent: p,
        leaves: row,
        across,
    } in &runs
    {
        let p = *p;
        let per = row.len().div_ceil(row.len().div_ceil(stack));
        for (i, chunk) in row.chunks(per).enumerate() {
            let id = out.widths.len();
            let mut top = 0.0;
            for &c in chunk {
                at[c] = Some(Place::InColumn(id, top));
                top += part.heights[c] + node_gap;
            }
            let height = top - node_gap;
            let width = CLEARANCE + chunk.iter().map(|&c| part.widths[c]).fold(0.0, f32::max);
            out.widths.push(width);
            out.heights.push(height);
            out.first.push(false);
            // The column reaches down past its own layer: its tail keeps the layers beside it
            // clear.
            out.tails.push(width);
            out.reach.push(height);
            if hinted {
                // The columns of one run side by side, in order.
                out.hint.push(across + i as f32 * 0.01);
            }
            if let Some(Place::Own(p)) = at[p] {
                out.edges.push((p, id));
            }
        }
    }
    for &(p, c) in part.edges {
        if let (Some(Place::Own(p)), Some(Place::Own(c))) = (at[p], at[c]) {
            out.edges.push((p, c));
        }
    }
    out.at = at.into_iter().map(|a| a.unwrap_or(Place::Own(0))).collect();
    out
}

impl Stacked {
    /// Top-left corners of the part's vertices from those of the stacked part.
    pub fn expand(&self, x: &[f32], y: &[f32]) -> (Vec<f32>, Vec<f32>) {
        self.at
            .iter()
            .map(|&a| match a {
                Place::Own(v) => (x[v], y[v]),
                Place::InColumn(c, top) => (x[c] + CLEARANCE, y[c] + top),
            })
            .unzip()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leaves_of_one_parent_go_in_columns_and_come_back_stacked() {
        // 0 has three leaves (1, 2, 3) and an inner child 4 with one leaf 5.
        let widths = [100.0; 6];
        let heights = [50.0; 6];
        let edges = [(0, 1), (0, 2), (0, 3), (0, 4), (4, 5)];
        let part = Part {
            widths: &widths,
            heights: &heights,
            edges: &edges,
            first: &[true, false, false, false, false, false],
            tails: &[0.0; 6],
            hint: &[],
            gather: Gather::Apart,
            single: &[true; 6],
        };
        let s = stack(&part, 4, 30.0);
        // 0, 4 and 5 keep their own vertices; 1–3 make one column.
        assert_eq!(s.widths.len(), 4);
        assert!((s.heights[3] - (3.0 * 50.0 + 2.0 * 30.0)).abs() < 0.01);
        assert!(s.edges.contains(&(0, 3)) && s.edges.contains(&(1, 2)));
        let (x, y) = s.expand(&[0.0, 0.0, 0.0, 500.0], &[0.0, 100.0, 200.0, 100.0]);
        for (i, leaf) in [1, 2, 3].into_iter().enumerate() {
            assert!((x[leaf] - (500.0 + CLEARANCE)).abs() < 0.01);
            assert!((y[leaf] - (100.0 + i as f32 * 80.0)).abs() < 0.01);
        }
        // Two per column at most: two columns.
        assert_eq!(stack(&part, 2, 30.0).widths.len(), 5);
        // None: the part as it is.
        assert_eq!(stack(&part, 0, 30.0).widths.len(), 6);
    }
}
