//! From a map to the graph the layered layout works on.
//!
//! A *block* is a claim with the quotes that evidence it stacked under it (a quote belongs to the
//! first claim it links to), or a lone quote. A *group* is a set of blocks that contradict each
//! other: they share a layer and sit side by side. The layout orders and places groups.

use crate::model::{Map, NodeId, NodeRef, Relation};
use std::collections::HashMap;

/// The map as index-based nodes, blocks and groups.
pub(super) struct Graph<'a> {
    pub nodes: Vec<NodeRef<'a>>,
    /// Blocks: head node first, then its quotes, top to bottom.
    pub blocks: Vec<Vec<usize>>,
    /// Groups: blocks left to right.
    pub groups: Vec<Vec<usize>>,
    /// (parent group, child group): the child supports or opposes the parent. Deduplicated, in
    /// link order, no self-loops.
    pub edges: Vec<(usize, usize)>,
    /// Groups holding a thesis: laid out first, on top.
    pub thesis: Vec<bool>,
    /// (parent block, child block) for every support or objection between blocks.
    pub block_edges: Vec<(usize, usize)>,
    pub group_of_block: Vec<usize>,
    /// Every link between two cards: (from, to, relation).
    pub links: Vec<(usize, usize, Relation)>,
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// Work allowed for deciding which contradicting claims may share a layer (edge visits).
const PAIRING_BUDGET: usize = 20_000_000;

/// Whether one of the groups `a` and `b` (union-find roots) lies below the other along
/// `edges` (parent, child) between blocks. Each call costs about the size of the graph, taken
/// from `budget`; once that is spent the answer is "related", which keeps the pair apart (a
/// dense hostile map then only loses some side-by-side pairs).
fn related(
    parent: &mut [usize],
    edges: &[(usize, usize)],
    a: usize,
    b: usize,
    budget: &mut usize,
) -> bool {
    let n = parent.len();
    let cost = 2 * (n + edges.len());
    if *budget < cost {
        return true;
    }
    *budget -= cost;
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(p, c) in edges {
        let (rp, rc) = (find(parent, p), find(parent, c));
        if rp != rc {
            children[rp].push(rc);
        }
    }
    let reaches = |from: usize, to: usize| {
        let mut seen = vec![false; n];
        let mut stack = vec![from];
        seen[from] = true;
        while let Some(v) = stack.pop() {
            if v == to {
                return true;
            }
            for &c in &children[v] {
                if !seen[c] {
                    seen[c] = true;
                    stack.push(c);
                }
            }
        }
        false
    };
    reaches(a, b) || reaches(b, a)
}

/// Which contradicting blocks share a layer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Pairing {
    /// Every pair that can (not one a reason for the other).
    All,
    /// Only pairs already at the same depth below the top, so no claim is pulled down away
    /// from what it bears on (a second try when pairing all leaves crossings).
    SameDepth,
}

/// Longest-path depth of each block along `edges` (parent, child); blocks on a cycle count 0.
fn depths(n: usize, edges: &[(usize, usize)]) -> Vec<usize> {
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut indeg = vec![0usize; n];
    for &(p, c) in edges {
        children[p].push(c);
        indeg[c] += 1;
    }
    let mut depth = vec![0; n];
    let mut queue: Vec<usize> = (0..n).filter(|&v| indeg[v] == 0).collect();
    while let Some(v) = queue.pop() {
        for &c in &children[v] {
            depth[c] = depth[c].max(depth[v] + 1);
            indeg[c] -= 1;
            if indeg[c] == 0 {
                queue.push(c);
            }
        }
    }
    depth
}

impl<'a> Graph<'a> {
    pub fn new(map: &'a Map, pairing: Pairing) -> Self {
        let nodes: Vec<NodeRef<'a>> = map.nodes().collect();
        let index: HashMap<&NodeId, usize> =
            nodes.iter().enumerate().map(|(i, n)| (n.id(), i)).collect();
        let n_claims = map.claims.len();
        let links: Vec<(usize, usize, Relation)> = map
            .links
            .iter()
            .filter_map(|l| Some((*index.get(&l.from)?, *index.get(&l.to)?, l.relation)))
            .filter(|(a, b, _)| a != b)
            .collect();

        // Blocks: one per claim; a quote joins the first claim it bears on.
        let mut block_of = vec![usize::MAX; nodes.len()];
        let mut blocks: Vec<Vec<usize>> = (0..n_claims).map(|c| vec![c]).collect();
        for (c, b) in block_of.iter_mut().take(n_claims).enumerate() {
            *b = c;
        }
        for &(from, to, _) in &links {
            if from >= n_claims && to < n_claims && block_of[from] == usize::MAX {
                block_of[from] = to;
                blocks[to].push(from);
            }
        }
        for (q, b) in block_of.iter_mut().enumerate().skip(n_claims) {
            if *b == usize::MAX {
                *b = blocks.len();
                blocks.push(vec![q]);
            }
        }
        // Quotes under a claim in map order, so the stack does not depend on link order.
        for b in &mut blocks {
            b[1..].sort_unstable();
        }

        // Groups: blocks joined by contradicts, through a union-find; but not two blocks one of
        // which is a reason (however indirect) for the other: the reason must stay below.
        let block_edges: Vec<(usize, usize)> = links
            .iter()
            .filter(|(_, _, rel)| *rel != Relation::Contradicts)
            .map(|&(from, to, _)| (block_of[to], block_of[from]))
            .filter(|(p, c)| p != c)
            .collect();
        let depth = match pairing {
            Pairing::All => Vec::new(),
            Pairing::SameDepth => depths(blocks.len(), &block_edges),
        };
        // A block with no reasons either way has no depth of its own: it always pairs.
        let mut alone = vec![true; blocks.len()];
        for &(p, c) in &block_edges {
            alone[p] = false;
            alone[c] = false;
        }
        let mut parent: Vec<usize> = (0..blocks.len()).collect();
        let mut budget = PAIRING_BUDGET;
        for &(a, b, rel) in &links {
            let (ba, bb) = (block_of[a], block_of[b]);
            let apart =
                pairing == Pairing::SameDepth && depth[ba] != depth[bb] && !alone[ba] && !alone[bb];
            if rel != Relation::Contradicts || apart {
                continue;
            }
            let (ra, rb) = (
                find(&mut parent, block_of[a]),
                find(&mut parent, block_of[b]),
            );
            if ra != rb && !related(&mut parent, &block_edges, ra, rb, &mut budget) {
                parent[ra.max(rb)] = ra.min(rb);
            }
        }
        let mut group_of_root = HashMap::new();
        let mut groups: Vec<Vec<usize>> = Vec::new();
        let mut group_of_block = vec![0; blocks.len()];
        for (b, g) in group_of_block.iter_mut().enumerate() {
            let root = find(&mut parent, b);
            *g = *group_of_root.entry(root).or_insert_with(|| {
                groups.push(Vec::new());
                groups.len() - 1
            });
            groups[*g].push(b);
        }

        let group = |node: usize| group_of_block[block_of[node]];
        let mut seen = std::collections::HashSet::new();
        let edges = links
            .iter()
            .filter(|(_, _, rel)| *rel != Relation::Contradicts)
            .map(|&(from, to, _)| (group(to), group(from)))
            .filter(|&(p, c)| p != c && seen.insert((p, c)))
            .collect();
        let thesis = groups
            .iter()
            .map(|g| {
                g.iter()
                    .any(|&b| matches!(nodes[blocks[b][0]], NodeRef::Claim(c) if c.thesis))
            })
            .collect();
        Self {
            nodes,
            blocks,
            groups,
            edges,
            thesis,
            block_edges,
            group_of_block,
            links,
        }
    }

    /// Connected components of the group graph, each a sorted list of groups; components with a
    /// thesis first, then by their first group.
    pub fn components(&self) -> Vec<Vec<usize>> {
        let n = self.groups.len();
        let mut parent: Vec<usize> = (0..n).collect();
        for &(a, b) in &self.edges {
            let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
            if ra != rb {
                parent[ra.max(rb)] = ra.min(rb);
            }
        }
        let mut by_root: HashMap<usize, usize> = HashMap::new();
        let mut comps: Vec<Vec<usize>> = Vec::new();
        for g in 0..n {
            let root = find(&mut parent, g);
            let c = *by_root.entry(root).or_insert_with(|| {
                comps.push(Vec::new());
                comps.len() - 1
            });
            comps[c].push(g);
        }
        // Stable sort: thesis components keep their relative order.
        comps.sort_by_key(|c| !c.iter().any(|&g| self.thesis[g]));
        comps
    }
}
