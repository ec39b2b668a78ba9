//! What stands: every claim labelled accepted, rejected or undecided under grounded semantics,
//! with the reason, and a count of the quoted evidence for and against it.
//!
//! Attacks are between claims only: `opposes` attacks its target, `contradicts` attacks both
//! ways; `qualifies` (a point granted) is no attack, so a concession never defeats its claim. Quotes are evidence, not arguments, so they are counted, not weighed: in grounded
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
    /// Quotes that qualify it (a point the text grants against it).
    pub qualifying: usize,
}

/// One claim's label and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Standing {
    pub claim: NodeId,
    pub label: Label,
    /// Why, as a teacher would say it of the claim, to follow its text: “T” "meets an objection
    /// no one in the map answers: “X”". It does not judge the claim, only what the map shows.
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
                Relation::Qualifies => e.qualifying += 1,
                Relation::Contradicts => {}
            }
        }
    }
    out
}

/// Per claim (by index), its attackers and whether each attack is a contradiction; and the
/// attacks as the graph's edges (a contradiction attacks both ways).
type Attacks = (Vec<Vec<(usize, bool)>>, Vec<(u32, u32)>);

fn attacks_of(map: &Map) -> Attacks {
    let index: HashMap<&NodeId, usize> = map
        .claims
        .iter()
        .enumerate()
        .map(|(i, c)| (&c.id, i))
        .collect();
    let mut attackers: Vec<Vec<(usize, bool)>> = vec![Vec::new(); map.claims.len()];
    let mut attacks: Vec<(u32, u32)> = Vec::new();
    for link in &map.links {
        let (Some(&a), Some(&b)) = (index.get(&link.from), index.get(&link.to)) else {
            continue;
        };
        match link.relation {
            Relation::Supports | Relation::Qualifies => {}
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
    (attackers, attacks)
}

/// What the grounded labelling found, to say why each claim got its label.
struct Verdicts<'a> {
    map: &'a Map,
    labels: Vec<Label>,
    rejected_by: Vec<u32>,
    attackers: Vec<Vec<(usize, bool)>>,
    /// The strongly connected component of each undecided claim, and the components' sizes.
    comp: Vec<usize>,
    sizes: Vec<usize>,
}

impl Verdicts<'_> {
    fn text(&self, i: usize) -> String {
        quoted(&self.map.claims[i].text)
    }

    /// Why claim `i` has its label, and the claim that decided it.
    fn reason(&self, i: usize) -> (String, Option<usize>) {
        match self.labels[i] {
            Label::Accepted if self.attackers[i].is_empty() => {
                ("has nothing in the map against it".to_owned(), None)
            }
            Label::Accepted => (
                "has every objection to it answered in the map".to_owned(),
                None,
            ),
            Label::Rejected => self.rejected(i),
            Label::Undecided => self.undecided(i),
        }
    }

    /// The attacker that settled it, not one accepted only because this claim fell.
    fn rejected(&self, i: usize) -> (String, Option<usize>) {
        let attackers = &self.attackers;
        match attackers[i]
            .iter()
            .find(|a| a.0 as u32 == self.rejected_by[i])
        {
            Some(&(a, false)) if attackers[a].is_empty() => (
                format!(
                    "meets an objection no one in the map answers: {}",
                    self.text(a)
                ),
                Some(a),
            ),
            Some(&(a, false)) => (
                format!(
                    "meets an objection whose every answer is answered in turn: {}",
                    self.text(a)
                ),
                Some(a),
            ),
            Some(&(a, true)) => (
                format!("is contradicted by {}, which the map upholds", self.text(a)),
                Some(a),
            ),
            None => ("meets an objection the map upholds".to_owned(), None),
        }
    }

    /// An undecided claim always has an undecided attacker; prefer one on a cycle with it,
    /// which is why neither can be settled.
    fn undecided(&self, i: usize) -> (String, Option<usize>) {
        let (comp, sizes) = (&self.comp, &self.sizes);
        let with_label = |x: &&(usize, bool)| self.labels[x.0] == self.labels[i];
        let in_cycle = self.attackers[i]
            .iter()
            .filter(with_label)
            .find(|&&(a, _)| comp[a] == comp[i] && (a != i || sizes[comp[i]] == 1));
        match in_cycle.or_else(|| self.attackers[i].iter().find(with_label)) {
            Some(&(a, _)) if a == i => (
                "speaks against itself: how would you reword it?".to_owned(),
                Some(a),
            ),
            Some(&(a, true)) if comp[a] == comp[i] && sizes[comp[i]] == 2 => (
                format!(
                    "and {} cannot both be true, and nothing in the map settles which: which would you keep, and why?",
                    self.text(a)
                ),
                Some(a),
            ),
            Some(&(a, _)) if comp[a] == comp[i] => (
                format!(
                    "is caught in a circle of objections with {}: where would you break it?",
                    self.text(a)
                ),
                Some(a),
            ),
            Some(&(a, _)) => (
                format!("hangs on {}, which the map leaves open", self.text(a)),
                Some(a),
            ),
            None => ("is left open by the map".to_owned(), None),
        }
    }
}

/// The label of every claim of `map`, in map order.
pub fn what_stands(map: &Map) -> Vec<Standing> {
    let (attackers, attacks) = attacks_of(map);
    let graph = AttackGraph::new(map.claims.len(), &attacks);
    let Labelling {
        labels,
        rejected_by,
    } = grounded(&graph);
    let undecided: Vec<bool> = labels.iter().map(|&l| l == Label::Undecided).collect();
    let (comp, sizes) = components(&graph, &undecided);
    let verdicts = Verdicts {
        map,
        labels,
        rejected_by,
        attackers,
        comp,
        sizes,
    };
    let evidence = evidence(map);
    map.claims
        .iter()
        .enumerate()
        .map(|(i, claim)| {
            let (reason, because) = verdicts.reason(i);
            Standing {
                claim: claim.id.clone(),
                label: verdicts.labels[i],
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
        assert_eq!(stands[0].reason, "has nothing in the map against it");
        assert_eq!(
            stands[1].reason,
            "meets an objection no one in the map answers: “A”"
        );
        assert_eq!(stands[1].because, Some("c1".into()));
        assert_eq!(
            stands[2].reason,
            "has every objection to it answered in the map"
        );
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
            "is caught in a circle of objections with “C”: where would you break it?"
        );
        assert_eq!(stands[3].reason, "hangs on “C”, which the map leaves open");
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
            "and “NATO is a relic” cannot both be true, and nothing in the map settles which: which would you keep, and why?"
        );
        b.link("c3", "c1", Relation::Opposes);
        let stands = what_stands(&b.map);
        assert_eq!(claim_ids(&stands, Label::Rejected), ["c1"]);
        assert_eq!(claim_ids(&stands, Label::Accepted), ["c2", "c3"]);
        assert_eq!(
            stands[0].reason,
            "meets an objection no one in the map answers: “NATO lost in Georgia”"
        );
    }

    #[test]
    fn an_objection_that_survives_its_answers_is_named_as_such() {
        // A opposes B, B opposes C, C opposes D: C's answer B is answered by A, so C stands and D
        // falls to an objection that was answered, not to one nobody answered.
        let mut b = MapBuilder::new();
        b.claims(&["A", "B", "C", "D"]);
        b.link("c1", "c2", Relation::Opposes);
        b.link("c2", "c3", Relation::Opposes);
        b.link("c3", "c4", Relation::Opposes);
        let stands = what_stands(&b.map);
        assert_eq!(stands[3].label, Label::Rejected);
        assert_eq!(
            stands[3].reason,
            "meets an objection whose every answer is answered in turn: “C”"
        );
    }

    /// Golz: "Far from all would agree" is granted, and the thesis still stands.
    #[test]
    fn a_concession_does_not_defeat_its_claim() {
        let mut b = MapBuilder::new();
        b.claims(&[
            "Russia should ask to join NATO",
            "Far from all would agree",
            "NATO would never take Russia",
        ]);
        b.link("c2", "c1", Relation::Qualifies);
        let q = b.quote("Far from all would agree with this");
        b.link(&q, "c1", Relation::Qualifies);
        let stands = what_stands(&b.map);
        assert_eq!(claim_ids(&stands, Label::Accepted), ["c1", "c2", "c3"]);
        assert_eq!(stands[0].because, None);
        assert_eq!(stands[0].reason, "has nothing in the map against it");
        assert_eq!(stands[0].evidence.qualifying, 1);
        assert_eq!(stands[0].evidence.opposing, 0);
        // An objection still defeats it, concession or not.
        b.link("c3", "c1", Relation::Opposes);
        assert_eq!(what_stands(&b.map)[0].label, Label::Rejected);
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
                opposing: 1,
                qualifying: 0
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
