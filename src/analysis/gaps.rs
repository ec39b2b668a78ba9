//! Evidence gaps: what a map asserts without showing where it comes from, or leaves one-sided.

use super::quoted;
use crate::model::{Map, NodeId, Relation};
use serde::Serialize;
use std::collections::HashSet;

/// The kinds of gap.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum GapKind {
    /// A claim no quote supports.
    UnsupportedClaim,
    /// A quote linked to nothing.
    UnlinkedQuote,
    /// A claim nobody is said to hold.
    ClaimWithoutActor,
    /// A thesis with no claim opposing or contradicting it: the other side is missing.
    UnopposedThesis,
}

impl GapKind {
    /// The kebab-case name used in reports.
    pub fn name(self) -> &'static str {
        match self {
            GapKind::UnsupportedClaim => "unsupported-claim",
            GapKind::UnlinkedQuote => "unlinked-quote",
            GapKind::ClaimWithoutActor => "claim-without-actor",
            GapKind::UnopposedThesis => "unopposed-thesis",
        }
    }
}

/// One gap, about one claim or quote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Gap {
    pub kind: GapKind,
    pub node: NodeId,
    pub message: String,
}

/// Every gap in `map`: per claim in map order (unsupported, without actor, unopposed thesis),
/// then unlinked quotes.
pub fn evidence_gaps(map: &Map) -> Vec<Gap> {
    let quote_ids: HashSet<&NodeId> = map.quotes.iter().map(|q| &q.id).collect();
    let mut supported: HashSet<&NodeId> = HashSet::new();
    let mut objected: HashSet<&NodeId> = HashSet::new();
    let mut linked: HashSet<&NodeId> = HashSet::new();
    for link in &map.links {
        linked.extend([&link.from, &link.to]);
        let from_quote = quote_ids.contains(&link.from);
        match link.relation {
            Relation::Supports if from_quote => {
                supported.insert(&link.to);
            }
            // An objection to a thesis comes from a claim; a contradiction works both ways.
            Relation::Opposes if !from_quote => {
                objected.insert(&link.to);
            }
            Relation::Contradicts => {
                objected.extend([&link.from, &link.to]);
            }
            _ => {}
        }
    }
    let mut gaps = Vec::new();
    for claim in &map.claims {
        let mut gap = |kind, what: &str| {
            gaps.push(Gap {
                kind,
                node: claim.id.clone(),
                message: format!("claim {} {}", quoted(&claim.text), what),
            });
        };
        if !supported.contains(&claim.id) {
            gap(GapKind::UnsupportedClaim, "has no supporting quote");
        }
        if claim.actors.is_empty() {
            gap(GapKind::ClaimWithoutActor, "is held by no actor");
        }
        if claim.thesis && !objected.contains(&claim.id) {
            gap(
                GapKind::UnopposedThesis,
                "is a thesis that no claim opposes or contradicts: the other side is missing",
            );
        }
    }
    for quote in map.quotes.iter().filter(|q| !linked.contains(&q.id)) {
        gaps.push(Gap {
            kind: GapKind::UnlinkedQuote,
            node: quote.id.clone(),
            message: format!(
                "quote {} is linked to no claim",
                quoted(&quote.anchor.exact)
            ),
        });
    }
    gaps
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::test_map::MapBuilder;

    fn kinds_of(map: &Map, node: &str) -> Vec<GapKind> {
        evidence_gaps(map)
            .into_iter()
            .filter(|g| g.node.as_str() == node)
            .map(|g| g.kind)
            .collect()
    }

    #[test]
    fn a_claim_needs_a_supporting_quote_not_just_a_supporting_claim() {
        let mut b = MapBuilder::new();
        b.claims(&["NATO is a relic", "NATO is useless"]);
        b.actor("Moscow", &["c1", "c2"]);
        b.link("c2", "c1", Relation::Supports);
        let q = b.quote("a relic of the Cold War");
        b.link(&q, "c2", Relation::Supports);
        assert_eq!(kinds_of(&b.map, "c1"), [GapKind::UnsupportedClaim]);
        assert!(kinds_of(&b.map, "c2").is_empty());
        // A quote against the claim is no support either.
        let q = b.quote("NATO still matters");
        b.link(&q, "c1", Relation::Opposes);
        assert_eq!(kinds_of(&b.map, "c1"), [GapKind::UnsupportedClaim]);
    }

    #[test]
    fn stray_quotes_and_claims_without_actors_are_gaps() {
        let mut b = MapBuilder::new();
        b.claims(&["NATO is a relic"]);
        let q1 = b.quote("a relic of the Cold War");
        let q2 = b.quote("an unused passage");
        b.link(&q1, "c1", Relation::Supports);
        let gaps = evidence_gaps(&b.map);
        assert_eq!(kinds_of(&b.map, "c1"), [GapKind::ClaimWithoutActor]);
        assert_eq!(kinds_of(&b.map, &q2), [GapKind::UnlinkedQuote]);
        assert!(kinds_of(&b.map, &q1).is_empty());
        assert_eq!(
            gaps.last().unwrap().message,
            "quote “an unused passage” is linked to no claim"
        );
    }

    #[test]
    fn a_thesis_needs_a_claim_against_it() {
        let mut b = MapBuilder::new();
        b.claims(&[
            "Enlargement makes Europe safer",
            "It provokes Russia",
            "Indeed",
        ]);
        b.thesis("c1");
        b.actor("The author", &["c1", "c2", "c3"]);
        b.link("c3", "c1", Relation::Supports);
        let q = b.quote("Critics disagree.");
        b.link(&q, "c1", Relation::Opposes); // a quote against is not a claim on the other side
        assert!(kinds_of(&b.map, "c1").contains(&GapKind::UnopposedThesis));
        b.link("c2", "c1", Relation::Opposes);
        assert!(!kinds_of(&b.map, "c1").contains(&GapKind::UnopposedThesis));
        // A contradiction in either direction counts too.
        b.thesis("c3");
        b.link("c3", "c2", Relation::Contradicts);
        assert!(!kinds_of(&b.map, "c3").contains(&GapKind::UnopposedThesis));
    }
}
