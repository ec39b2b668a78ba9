//! Grounded semantics (Dung 1995) over a plain attack graph of numbered arguments.
//!
//! The grounded labelling is the most sceptical one: accept an argument when every attacker is
//! rejected, reject it when some attacker is accepted, leave the rest undecided. Computed with a
//! work list and, per argument, a count of attackers not yet rejected: each argument enters the
//! list at most once and each attack is followed at most twice, so it runs in O(n + m).

use serde::Serialize;

/// The grounded label of an argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Label {
    /// Every attacker is rejected (or there are none).
    Accepted,
    /// Some attacker is accepted.
    Rejected,
    /// Neither: it hangs on a cycle of attacks.
    Undecided,
}

/// Attacks between arguments `0..n`, as adjacency lists in one flat array (CSR).
#[derive(Clone, Debug)]
pub struct AttackGraph {
    /// `targets[offsets[v]..offsets[v + 1]]` are the arguments `v` attacks.
    offsets: Vec<usize>,
    targets: Vec<u32>,
    /// How many attacks each argument receives.
    in_degree: Vec<u32>,
}

impl AttackGraph {
    /// A graph of `n` arguments with these `(attacker, attacked)` pairs. Pairs naming an argument
    /// outside `0..n` are ignored; a repeated pair counts as one more attack.
    pub fn new(n: usize, attacks: &[(u32, u32)]) -> Self {
        let valid = |&&(a, b): &&(u32, u32)| (a as usize) < n && (b as usize) < n;
        let mut offsets = vec![0usize; n + 1];
        let mut in_degree = vec![0u32; n];
        for &(a, b) in attacks.iter().filter(valid) {
            offsets[a as usize + 1] += 1;
            in_degree[b as usize] += 1;
        }
        for v in 0..n {
            offsets[v + 1] += offsets[v];
        }
        let mut fill = offsets.clone();
        let mut targets = vec![0u32; offsets[n]];
        for &(a, b) in attacks.iter().filter(valid) {
            targets[fill[a as usize]] = b;
            fill[a as usize] += 1;
        }
        Self {
            offsets,
            targets,
            in_degree,
        }
    }

    /// The number of arguments.
    pub fn len(&self) -> usize {
        self.in_degree.len()
    }

    /// Whether there are no arguments.
    pub fn is_empty(&self) -> bool {
        self.in_degree.is_empty()
    }

    /// The arguments `v` attacks.
    pub fn attacked_by(&self, v: usize) -> &[u32] {
        &self.targets[self.offsets[v]..self.offsets[v + 1]]
    }

    /// How many attacks `v` receives.
    pub fn in_degree(&self, v: usize) -> usize {
        self.in_degree[v] as usize
    }
}

/// The grounded labelling of a graph, with what settled each rejection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Labelling {
    /// The label of each argument.
    pub labels: Vec<Label>,
    /// For each rejected argument, the accepted attacker that rejected it first (the cause, where
    /// several accepted attackers would do); [`NONE`] for the others.
    pub rejected_by: Vec<u32>,
}

/// No argument: an entry of [`Labelling::rejected_by`] for an argument that is not rejected.
pub const NONE: u32 = u32::MAX;

/// The grounded labelling of `graph`.
pub fn grounded(graph: &AttackGraph) -> Labelling {
    let n = graph.len();
    let mut label = vec![Label::Undecided; n];
    let mut rejected_by = vec![NONE; n];
    // Attackers of each argument not (yet) rejected; at zero it is accepted.
    let mut live = graph.in_degree.clone();
    let mut work: Vec<u32> = (0..n as u32).filter(|&v| live[v as usize] == 0).collect();
    for &v in &work {
        label[v as usize] = Label::Accepted;
    }
    while let Some(v) = work.pop() {
        for &w in graph.attacked_by(v as usize) {
            let w = w as usize;
            // `w` cannot be accepted: `v` attacks it and `v` is never rejected.
            if label[w] == Label::Rejected {
                continue;
            }
            label[w] = Label::Rejected;
            rejected_by[w] = v;
            for &u in graph.attacked_by(w) {
                let u = u as usize;
                live[u] -= 1;
                if live[u] == 0 && label[u] == Label::Undecided {
                    label[u] = Label::Accepted;
                    work.push(u as u32);
                }
            }
        }
    }
    Labelling {
        labels: label,
        rejected_by,
    }
}

/// The grounded labels straight from a list of attacks (what the benchmark measures).
pub fn grounded_labels(n: usize, attacks: &[(u32, u32)]) -> Vec<Label> {
    grounded(&AttackGraph::new(n, attacks)).labels
}

/// Strongly connected components of the graph restricted to the arguments where `keep` is
/// true (Tarjan's algorithm, iterative, O(n + m)). Returns a component number per argument
/// (`usize::MAX` where not kept) and the size of each component.
pub fn components(graph: &AttackGraph, keep: &[bool]) -> (Vec<usize>, Vec<usize>) {
    const UNSEEN: usize = usize::MAX;
    let n = graph.len();
    let mut order = vec![UNSEEN; n]; // discovery number
    let mut low = vec![0usize; n];
    let mut on_stack = vec![false; n];
    let mut comp = vec![UNSEEN; n];
    let mut sizes = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    let mut counter = 0;
    // The DFS path: (argument, index of the next attack to follow).
    let mut path: Vec<(usize, usize)> = Vec::new();
    for root in (0..n).filter(|&v| keep[v]) {
        if order[root] != UNSEEN {
            continue;
        }
        path.push((root, 0));
        order[root] = counter;
        low[root] = counter;
        counter += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(&mut (v, ref mut next)) = path.last_mut() {
            let out = graph.attacked_by(v);
            if let Some(&w) = out.get(*next) {
                *next += 1;
                let w = w as usize;
                if !keep[w] {
                    continue;
                }
                if order[w] == UNSEEN {
                    order[w] = counter;
                    low[w] = counter;
                    counter += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    path.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(order[w]);
                }
                continue;
            }
            path.pop();
            if let Some(&(parent, _)) = path.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == order[v] {
                let id = sizes.len();
                let mut size = 0;
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    comp[w] = id;
                    size += 1;
                    if w == v {
                        break;
                    }
                }
                sizes.push(size);
            }
        }
    }
    (comp, sizes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Label::{Accepted, Rejected, Undecided};

    #[test]
    fn a_chain_alternates_from_its_unattacked_start() {
        // 0 attacks 1 attacks 2 attacks 3
        assert_eq!(
            grounded_labels(4, &[(0, 1), (1, 2), (2, 3)]),
            [Accepted, Rejected, Accepted, Rejected]
        );
    }

    #[test]
    fn cycles_are_undecided_and_so_is_what_they_alone_attack() {
        // 0 → 1 → 2 → 0, and 2 → 3; 4 is alone
        let labels = grounded_labels(5, &[(0, 1), (1, 2), (2, 0), (2, 3)]);
        assert_eq!(
            labels,
            [Undecided, Undecided, Undecided, Undecided, Accepted]
        );
        // A mutual attack (a contradiction) with nothing else: both undecided.
        assert_eq!(
            grounded_labels(2, &[(0, 1), (1, 0)]),
            [Undecided, Undecided]
        );
    }

    #[test]
    fn an_accepted_attacker_breaks_a_cycle() {
        // 2 ↔ 3 contradict; 0 (unattacked) opposes 2: 2 rejected, so 3 accepted; 1 self-attacks.
        let g = grounded(&AttackGraph::new(4, &[(2, 3), (3, 2), (0, 2), (1, 1)]));
        assert_eq!(g.labels, [Accepted, Undecided, Rejected, Accepted]);
        // 3 attacks 2 as well and is accepted, but only because 0 rejected 2 first.
        assert_eq!(g.rejected_by, [NONE, NONE, 0, NONE]);
    }

    #[test]
    fn repeated_and_out_of_range_attacks_are_harmless() {
        let labels = grounded_labels(3, &[(0, 1), (0, 1), (1, 2), (7, 0), (0, 9)]);
        assert_eq!(labels, [Accepted, Rejected, Accepted]);
    }

    #[test]
    fn components_find_cycles_among_kept_arguments() {
        let g = AttackGraph::new(6, &[(0, 1), (1, 0), (1, 2), (3, 4), (4, 5), (5, 3), (2, 2)]);
        let (comp, sizes) = components(&g, &[true, true, true, true, true, false]);
        assert_eq!(comp[0], comp[1]);
        assert_ne!(comp[1], comp[2]);
        assert_eq!(sizes[comp[0]], 2);
        assert_eq!(sizes[comp[2]], 1);
        // 5 is not kept, so 3 and 4 are no cycle.
        assert_ne!(comp[3], comp[4]);
        assert_eq!(comp[5], usize::MAX);
    }

    /// The labelling is the grounded one: conflict-free, every accepted argument's attackers are
    /// rejected, every rejected one has an accepted attacker, and every undecided one has an
    /// undecided attacker and no accepted one — checked on a pseudo-random graph.
    #[test]
    fn labels_satisfy_the_grounded_conditions() {
        let n = 2000u32;
        let mut x = 12345u64;
        let mut next = || {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((x >> 33) % u64::from(n)) as u32
        };
        let attacks: Vec<(u32, u32)> = (0..3000).map(|_| (next(), next())).collect();
        let labels = grounded_labels(n as usize, &attacks);
        let attackers = |v: u32| attacks.iter().filter(move |a| a.1 == v).map(|a| a.0);
        for v in 0..n {
            let of: Vec<Label> = attackers(v).map(|a| labels[a as usize]).collect();
            match labels[v as usize] {
                Accepted => assert!(of.iter().all(|&l| l == Rejected)),
                Rejected => assert!(of.contains(&Accepted)),
                Undecided => assert!(!of.contains(&Accepted) && of.contains(&Undecided)),
            }
        }
        assert!(labels.contains(&Undecided) && labels.contains(&Rejected));
    }
}
