//! What stands: every claim labelled accepted, rejected or undecided under grounded semantics,
//! with the reason, and a count of the quoted evidence for and against it.
//!
//! Attacks are between claims only: `opposes` attacks its target, `contradicts` attacks both
//! ways. Quotes are evidence, not arguments, so they are counted, not weighed: in grounded
//! semantics a claim with ten supporting quotes falls to one accepted objection all the same.

use super::grounded::{AttackGraph, Label, Labelling, components, grounded};
use super::quoted;
use crate::model::{Map, NodeId, Relation};
use serde::Serialize;
use std::collections::HashMap;

/// Quotes linked to a claim.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Evidence {
    /// Quotes that support the claim.
    pub supporting: usize,
    /// Quotes that oppose it.
    pub opposing: usize,
}

/// One claim's label and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Standing {
    pub claim: NodeId,
    pub label: Label,
    /// Starts with the label: "rejected: opposed by accepted claim “X”".
    pub reason: String,
    /// The claim the reason names, if one: the accepted attacker of a rejected claim, an
    /// undecided attacker of an undecided one.
    pub because: Option<NodeId>,
    pub evidence: Evidence,
}

/// Evidence counts per claim id.
pub fn evidence(map: &Map) -> HashMap<&NodeId, Evidence> {
    let mut out: HashMap<&NodeId, Evidence> = map
        .claims
        .iter()
        .map(|c| (&c.id, Evidence::default()))
        .collect();
    let nodes = map.node_index();
    for link in &map.links {
        if nodes.quote(&link.from).is_none() {
            continue;
        }
        if let Some(e) = out.get_mut(&link.to) {
            match link.relation {
                Relation::Supports => e.supporting += 1,
                Relation::Opposes => e.opposing += 1,
                Relation::Contradicts => {}
            }
        }
    }
    out
}

/// The label of every claim of `map`, in map order.
pub fn what_stands(map: &Map) -> Vec<Standing> {
    let index: HashMap<&NodeId, usize> = map
        .claims
        .iter()
        .enumerate()
        .map(|(i, c)| (&c.id, i))
        .collect();
    let n = map.claims.len();
    // Per claim, its attackers and whether each attack is a contradiction.
    let mut attackers: Vec<Vec<(usize, bool)>> = vec![Vec::new(); n];
    let mut attacks: Vec<(u32, u32)> = Vec::new();
    for link in &map.links {
        let (Some(&a), Some(&b)) = (index.get(&link.from), index.get(&link.to)) else {
            continue;
        };
        match link.relation {
            Relation::Supports => {}
            Relation::Opposes => {
                attacks.push((a as u32, b as u32));
                attackers[b].push((a, false));
            }
            Relation::Contradicts => {
                attacks.extend([(a as u32, b as u32), (b as u32, a as u32)]);
                attackers[b].push((a, true));
                attackers[a].push((b, true));
            }
        }
    }
    let graph = AttackGraph::new(n, &attacks);
    let Labelling {
        labels,
        rejected_by,
    } = grounded(&graph);
    let undecided: Vec<bool> = labels.iter().map(|&l| l == Label::Undecided).collect();
    let (comp, sizes) = components(&graph, &undecided);
    let evidence = evidence(map);
    let text = |i: usize| quoted(&map.claims[i].text);

    map.claims
        .iter()
        .enumerate()
        .map(|(i, claim)| {
            let label = labels[i];
            let with_label = |x: &&(usize, bool)| labels[x.0] == label;
            let (reason, because) = match label {
                Label::Accepted if attackers[i].is_empty() => {
                    ("accepted: nothing attacks it".to_owned(), None)
                }
                Label::Accepted => ("accepted: every attacker is rejected".to_owned(), None),
                // The attacker that settled it, not one accepted only because this claim fell.
                Label::Rejected => match attackers[i].iter().find(|a| a.0 as u32 == rejected_by[i]) {
                    Some(&(a, contradicts)) => (
                        format!(
                            "rejected: {} by accepted claim {}",
                            if contradicts { "contradicted" } else { "opposed" },
                            text(a)
                        ),
                        Some(a),
                    ),
                    None => ("rejected".to_owned(), None),
                },
                Label::Undecided => {
                    // An undecided claim always has an undecided attacker; prefer one on a
                    // cycle with it, which is why neither can be settled.
                    let in_cycle = attackers[i]
                        .iter()
                        .filter(with_label)
                        .find(|&&(a, _)| comp[a] == comp[i] && (a != i || sizes[comp[i]] == 1));
                    match in_cycle.or_else(|| attackers[i].iter().find(with_label)) {
                        Some(&(a, _)) if a == i => {
                            ("undecided: it attacks itself".to_owned(), Some(a))
                        }
                        Some(&(a, true)) if comp[a] == comp[i] && sizes[comp[i]] == 2 => (
                            format!(
                                "undecided: it and {} contradict each other and nothing settles which stands",
                                text(a)
                            ),
                            Some(a),
                        ),
                        Some(&(a, _)) if comp[a] == comp[i] => (
                            format!("undecided: part of a cycle of attacks with {}", text(a)),
                            Some(a),
                        ),
                        Some(&(a, _)) => (
                            format!("undecided: attacked by undecided claim {}", text(a)),
                            Some(a),
                        ),
                        None => ("undecided".to_owned(), None),
                    }
                }
            };
            Standing {
                claim: claim.id.clone(),
                label,
                reason,
                because: because.map(|a| map.claims[a].id.clone()),
                evidence: evidence.get(&claim.id).copied().unwrap_or_default(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::test_map::{MapBuilder, claim_ids};

    fn labels(map: &Map) -> Vec<(String, Label)> {
        what_stands(map)
            .into_iter()
            .map(|s| (s.claim.0, s.label))
            .collect()
    }

    #[test]
    fn a_chain_of_objections_alternates() {
        // A opposes B, B opposes C.
        let mut b = MapBuilder::new();
        b.claims(&["A", "B", "C"]);
        b.link("c1", "c2", Relation::Opposes);
        b.link("c2", "c3", Relation::Opposes);
        let map = b.map;
        let stands = what_stands(&map);
        assert_eq!(
            labels(&map),
            [
                ("c1".into(), Label::Accepted),
                ("c2".into(), Label::Rejected),
                ("c3".into(), Label::Accepted)
            ]
        );
        assert_eq!(stands[0].reason, "accepted: nothing attacks it");
        assert_eq!(stands[1].reason, "rejected: opposed by accepted claim “A”");
        assert_eq!(stands[1].because, Some("c1".into()));
        assert_eq!(stands[2].reason, "accepted: every attacker is rejected");
    }

    #[test]
    fn a_cycle_of_objections_is_undecided_with_its_reason() {
        let mut b = MapBuilder::new();
        b.claims(&["A", "B", "C", "D"]);
        b.link("c1", "c2", Relation::Opposes);
        b.link("c2", "c3", Relation::Opposes);
        b.link("c3", "c1", Relation::Opposes);
        b.link("c3", "c4", Relation::Opposes);
        let stands = what_stands(&b.map);
        assert!(stands.iter().all(|s| s.label == Label::Undecided));
        assert_eq!(
            stands[0].reason,
            "undecided: part of a cycle of attacks with “C”"
        );
        assert_eq!(
            stands[3].reason,
            "undecided: attacked by undecided claim “C”"
        );
    }

    #[test]
    fn a_bare_contradiction_is_undecided_until_one_side_is_opposed() {
        let mut b = MapBuilder::new();
        b.claims(&[
            "NATO is omnipotent",
            "NATO is a relic",
            "NATO lost in Georgia",
        ]);
        b.link("c1", "c2", Relation::Contradicts);
        assert_eq!(
            what_stands(&b.map)[0].reason,
            "undecided: it and “NATO is a relic” contradict each other and nothing settles which stands"
        );
        b.link("c3", "c1", Relation::Opposes);
        let stands = what_stands(&b.map);
        assert_eq!(claim_ids(&stands, Label::Rejected), ["c1"]);
        assert_eq!(claim_ids(&stands, Label::Accepted), ["c2", "c3"]);
        assert_eq!(
            stands[0].reason,
            "rejected: opposed by accepted claim “NATO lost in Georgia”"
        );
    }

    #[test]
    fn evidence_counts_quotes_for_and_against_and_does_not_change_labels() {
        let mut b = MapBuilder::new();
        b.claims(&["A", "B"]);
        b.link("c1", "c2", Relation::Opposes);
        for _ in 0..3 {
            let q = b.quote("passage");
            b.link(&q, "c2", Relation::Supports);
        }
        let q = b.quote("passage");
        b.link(&q, "c2", Relation::Opposes);
        let stands = what_stands(&b.map);
        assert_eq!(
            stands[1].evidence,
            Evidence {
                supporting: 3,
                opposing: 1
            }
        );
        assert_eq!(stands[1].label, Label::Rejected);
        // A supporting claim is not an attack either, nor a defence.
        b.claims(&["C"]);
        b.link("c3", "c2", Relation::Supports);
        assert_eq!(what_stands(&b.map)[1].label, Label::Rejected);
        assert_eq!(what_stands(&b.map)[2].label, Label::Accepted);
    }
}
