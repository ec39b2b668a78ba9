//! A tidy tree layout for a component whose reasons form a tree (each card a reason for at most
//! one other): every subtree gets its own column, the columns of siblings side by side under
//! their parent, the parent centred over its first and last child. Columns never overlap, so no
//! link can cross another, at any size; and a subtree starts right under its parent's quote
//! stack instead of under the tallest card of a whole layer, which keeps the map compact.
//!
//! Also used for a component that is almost a tree (a few cards with a second parent): it is
//! laid out along its first parents, and the caller keeps it only if it draws no worse.

use super::route::CLEARANCE;
use super::sugiyama::{Input, Output, Spacing};

/// Which of a vertex's parents is its parent in the tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Pick {
    /// The first in edge order.
    First,
    /// The last in edge order.
    Last,
    /// The one furthest from the roots (along the longest path): every other parent then
    /// sits higher, so their links run downwards too.
    Deepest,
}

/// The tree's parent of each vertex, as `pick` says, and `n` (a virtual root over all roots,
/// the thesis first) for vertices without one; `None` when that is no tree (a cycle leaves
/// some vertex unreachable from the roots).
fn parents(input: &Input<'_>, pick: Pick) -> Option<Vec<usize>> {
    let n = input.widths.len();
    let mut parent = vec![n; n];
    if pick == Pick::Deepest {
        let depth = depths(n, input.edges)?;
        for &(p, c) in input.edges {
            if p != c && (parent[c] == n || depth[p] > depth[parent[c]]) {
                parent[c] = p;
            }
        }
    } else {
        let edges: Box<dyn Iterator<Item = &(usize, usize)>> = if pick == Pick::Last {
            Box::new(input.edges.iter().rev())
        } else {
            Box::new(input.edges.iter())
        };
        for &(p, c) in edges {
            if parent[c] == n && p != c {
                parent[c] = p;
            }
        }
    }
    let children = children_of(&parent, input.first);
    let mut seen = 0;
    let mut stack = vec![n];
    while let Some(v) = stack.pop() {
        seen += 1;
        stack.extend(&children[v]);
        if seen > n + 1 {
            return None;
        }
    }
    (seen == n + 1).then_some(parent)
}

/// Longest-path depth of every vertex from the roots; `None` on a cycle.
fn depths(n: usize, edges: &[(usize, usize)]) -> Option<Vec<usize>> {
    let mut indegree = vec![0usize; n];
    let mut down: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(p, c) in edges {
        if p != c {
            indegree[c] += 1;
            down[p].push(c);
        }
    }
    let mut depth = vec![0usize; n];
    let mut ready: Vec<usize> = (0..n).filter(|&v| indegree[v] == 0).collect();
    let mut done = 0;
    while let Some(v) = ready.pop() {
        done += 1;
        for &c in &down[v] {
            depth[c] = depth[c].max(depth[v] + 1);
            indegree[c] -= 1;
            if indegree[c] == 0 {
                ready.push(c);
            }
        }
    }
    (done == n).then_some(depth)
}

/// Children of every vertex and of the virtual root `n` (thesis first), in edge order.
fn children_of(parent: &[usize], first: &[bool]) -> Vec<Vec<usize>> {
    let n = parent.len();
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n + 1];
    for (c, &p) in parent.iter().enumerate() {
        children[p].push(c);
    }
    children[n].sort_by_key(|&r| !first[r]);
    children
}

/// The layout along the parents `pick` chooses, and whether that tree holds
/// every edge (then it is crossing-free by construction). `None` when they make no tree. With
/// `stack` > 0, a card's leaf children (two or more) are stacked in columns of at most `stack`
/// under it, like an organisation chart's leaf groups, instead of spreading in one row: their
/// links share a trunk beside the column (see [`super::route`]).
pub(super) fn layout(
    input: &Input<'_>,
    spacing: Spacing,
    pick: Pick,
    stack: usize,
) -> Option<(Output, bool)> {
    let n = input.widths.len();
    let parent = parents(input, pick)?;
    let whole = input.edges.iter().all(|&(p, c)| p == c || parent[c] == p);
    let mut children = children_of(&parent, input.first);
    if input.mirror {
        for c in &mut children {
            c.reverse();
        }
    }
    // The virtual root (no width, its children at the top), then the columns.
    let mut widths: Vec<f32> = input.widths.iter().copied().chain([0.0]).collect();
    let mut heights: Vec<f32> = input
        .heights
        .iter()
        .copied()
        .chain([-spacing.layer_gap])
        .collect();
    let root = n;
    let columns = if stack > 0 {
        // Only cards with one link up and none down are stacked: from a column, another
        // link would run over the cards stacked with it, or upwards.
        let mut links = vec![0usize; n];
        for &(p, c) in input.edges {
            if p != c {
                links[c] += 1;
                links[p] += 2;
            }
        }
        stack_leaves(
            &mut children,
            &links,
            &mut widths,
            &mut heights,
            (n, stack),
            input.mirror,
            spacing,
        )
    } else {
        Vec::new()
    };
    let mut column = vec![false; widths.len()];
    for (c, _) in &columns {
        column[*c] = true;
    }
    // Pre-order without recursion (a map may hold a chain thousands deep).
    let mut order = Vec::with_capacity(widths.len());
    let mut todo = vec![root];
    while let Some(v) = todo.pop() {
        order.push(v);
        todo.extend(&children[v]);
    }
    let (mut x, mut y) = columns_x(&order, &children, &widths, &heights, spacing);
    if order.len() <= PACK_LIMIT {
        x = packed_x(&order, &children, &widths, &heights, &y, &column, spacing);
    }
    for (c, leaves) in &columns {
        let mut top = y[*c];
        for &l in leaves {
            x[l] = x[*c] + CLEARANCE;
            y[l] = top;
            top += heights[l] + spacing.node_gap;
        }
    }
    x.truncate(n);
    y.truncate(n);
    Some((Output { x, y }, whole))
}

/// Replaces the leaf children (one link up, none down) of every card with two or more of them by
/// columns (new vertices
/// after the root `n`, each at most `stack` leaves tall and as wide as its widest leaf plus the
/// trunk's band), before its other children (after them when mirrored). Returns each column
/// with its leaves, top to bottom.
fn stack_leaves(
    children: &mut Vec<Vec<usize>>,
    links: &[usize],
    widths: &mut Vec<f32>,
    heights: &mut Vec<f32>,
    (n, stack): (usize, usize),
    mirror: bool,
    spacing: Spacing,
) -> Vec<(usize, Vec<usize>)> {
    let mut columns = Vec::new();
    for v in 0..n {
        let leaf = |c: usize| links[c] == 1;
        let leaves: Vec<usize> = children[v].iter().copied().filter(|&c| leaf(c)).collect();
        if leaves.len() < 2 {
            continue;
        }
        let inner: Vec<usize> = children[v].iter().copied().filter(|&c| !leaf(c)).collect();
        let per = leaves.len().div_ceil(leaves.len().div_ceil(stack));
        let mut row = Vec::new();
        for chunk in leaves.chunks(per) {
            let id = widths.len();
            widths.push(CLEARANCE + chunk.iter().map(|&c| widths[c]).fold(0.0, f32::max));
            heights.push(
                chunk.iter().map(|&c| heights[c]).sum::<f32>()
                    + (chunk.len() - 1) as f32 * spacing.node_gap,
            );
            children.push(Vec::new());
            columns.push((id, chunk.to_vec()));
            row.push(id);
        }
        children[v] = if mirror {
            inner.into_iter().chain(row).collect()
        } else {
            row.into_iter().chain(inner).collect()
        };
    }
    columns
}

/// Left x and top y of every vertex in `order` (root first) with each subtree in its own
/// column: children side by side, the parent centred over its first and last child.
fn columns_x(
    order: &[usize],
    children: &[Vec<usize>],
    widths: &[f32],
    heights: &[f32],
    spacing: Spacing,
) -> (Vec<f32>, Vec<f32>) {
    let n = widths.len();
    // Per subtree: its width, and the x of its root's left edge and of each child's subtree,
    // relative to the subtree's left edge.
    let mut span = vec![0.0f32; n];
    let mut root_x = vec![0.0f32; n];
    let mut child_x = vec![0.0f32; n];
    for &v in order.iter().rev() {
        let w = widths[v];
        let kids = &children[v];
        if kids.is_empty() {
            span[v] = w;
            continue;
        }
        let row: f32 =
            kids.iter().map(|&c| span[c]).sum::<f32>() + (kids.len() - 1) as f32 * spacing.node_gap;
        let start = ((w - row) / 2.0).max(0.0);
        let mut x = start;
        for &c in kids {
            child_x[c] = x;
            x += span[c] + spacing.node_gap;
        }
        let centre = |c: usize| child_x[c] + root_x[c] + widths[c] / 2.0;
        let (first, last) = (kids[0], kids[kids.len() - 1]);
        let mid = f32::midpoint(centre(first), centre(last));
        span[v] = row.max(w);
        root_x[v] = (mid - w / 2.0).clamp(0.0, span[v] - w);
    }
    let mut x = vec![0.0f32; n];
    let mut y = vec![0.0f32; n];
    let mut left = vec![0.0f32; n];
    for &v in order {
        x[v] = left[v] + root_x[v];
        let below = y[v] + heights[v] + spacing.layer_gap;
        for &c in &children[v] {
            left[c] = left[v] + child_x[c];
            y[c] = below;
        }
    }
    (x, y)
}

/// Trees of at most this many vertices are packed by their outlines ([`packed_x`]); bigger
/// ones keep plain columns (the outlines cost about the square of the size).
const PACK_LIMIT: usize = 400;

/// Left x of every vertex when sibling subtrees are packed by their outlines rather than by
/// their bounding boxes: a subtree slides towards its left sibling until some card, or some
/// link's box, would come closer than `node_gap` at the same height; so a short branch no
/// longer keeps a whole column empty beside a deep one. The outlines hold every card and the
/// box of every link, so nothing of one subtree comes near a card or link of another: the
/// drawing stays free of crossings.
fn packed_x(
    order: &[usize],
    children: &[Vec<usize>],
    widths: &[f32],
    heights: &[f32],
    y: &[f32],
    column: &[bool],
    spacing: Spacing,
) -> Vec<f32> {
    let n = widths.len();
    // Per subtree: (top, bottom, left, right) bands relative to the root's left edge, and each
    // child's offset from its parent's left edge.
    let mut outline: Vec<Vec<(f32, f32, f32, f32)>> = vec![Vec::new(); n];
    let mut offset = vec![0.0f32; n];
    for &v in order.iter().rev() {
        let kids = &children[v];
        let mut own = Vec::new();
        if !kids.is_empty() {
            let mut placed: Vec<(f32, f32, f32, f32)> = Vec::new();
            let mut at = Vec::with_capacity(kids.len());
            let mut prev_right = f32::NEG_INFINITY;
            for &c in kids {
                let mut o = prev_right;
                for &(t, b, _, r) in &placed {
                    for &(t2, b2, l2, _) in &outline[c] {
                        if t < b2 && t2 < b {
                            o = o.max(r + spacing.node_gap - l2);
                        }
                    }
                }
                if !o.is_finite() {
                    o = 0.0;
                }
                placed.extend(outline[c].iter().map(|&(t, b, l, r)| (t, b, l + o, r + o)));
                prev_right = o + widths[c] + spacing.node_gap;
                at.push(o);
            }
            let centre = |i: usize| at[i] + widths[kids[i]] / 2.0;
            let mid = f32::midpoint(centre(0), centre(kids.len() - 1));
            let me = mid - widths[v] / 2.0;
            // Relative to v's left edge.
            for (i, &c) in kids.iter().enumerate() {
                offset[c] = at[i] - me;
                // The link from v's centre to c's, as a box; a column's trunk starts at its
                // top-left corner.
                let (a, b) = (widths[v] / 2.0, at[i] - me + widths[c] / 2.0);
                let (b, bottom) = if column[c] {
                    (at[i] - me, y[c])
                } else {
                    (b, y[c] + heights[c] / 2.0)
                };
                if widths[v] > 0.0 {
                    own.push((y[v], bottom, a.min(b), a.max(b)));
                }
            }
            own.extend(placed.iter().map(|&(t, b, l, r)| (t, b, l - me, r - me)));
        }
        if widths[v] > 0.0 {
            own.push((y[v], y[v] + heights[v], 0.0, widths[v]));
        }
        outline[v] = own;
    }
    // Down from the root: absolute left edges, then shifted so the leftmost is at 0.
    let mut x = vec![0.0f32; n];
    for &v in order {
        for &c in &children[v] {
            x[c] = x[v] + offset[c];
        }
    }
    // The root (first in `order`) has no card; leaves in columns are placed later.
    let min = order
        .iter()
        .skip(1)
        .map(|&v| x[v])
        .fold(f32::INFINITY, f32::min);
    if min.is_finite() {
        for xv in &mut x {
            *xv -= min;
        }
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn children_sit_side_by_side_under_their_parent() {
        // 0 over 1 and 2; 2 over 3 and 4.
        let widths = [100.0; 5];
        let out = layout(
            &Input {
                widths: &widths,
                heights: &[50.0; 5],
                edges: &[(0, 1), (0, 2), (2, 3), (2, 4)],
                first: &[true, false, false, false, false],
                tails: &[0.0; 5],
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
            Pick::First,
            0,
        );
        let (out, whole) = out.unwrap();
        assert!(whole);
        assert_eq!(out.y, vec![0.0, 60.0, 60.0, 120.0, 120.0]);
        // Siblings side by side; 2's children may reach in under the leaf 1, but stay in order.
        assert!(out.x[1] + 100.0 + 10.0 <= out.x[2], "1 is left of 2");
        assert!(out.x[1] < out.x[3]);
        assert!(out.x[3] + 100.0 <= out.x[4]);
        assert!(out.x[0] > out.x[1] && out.x[0] < out.x[2]);
    }

    #[test]
    fn a_cycle_is_no_tree() {
        let out = layout(
            &Input {
                widths: &[1.0; 3],
                heights: &[1.0; 3],
                edges: &[(0, 1), (1, 2), (2, 1)],
                first: &[true, false, false],
                tails: &[0.0; 3],
                reach: &[],
                hint: &[],
                mirror: false,
                seed: 0,
                max_width: f32::INFINITY,
                fan: 0,
                pack: false,
            },
            Spacing {
                layer_gap: 1.0,
                node_gap: 1.0,
            },
            Pick::First,
            0,
        );
        assert!(out.is_none_or(|(_, whole)| !whole));
    }
}
