//! Contradictions: every `contradicts` link between two claims, grouped by topic.

use super::quoted;
use crate::model::{LinkId, Map, NodeId, Relation, TagId};
use serde::Serialize;

/// One `contradicts` link.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Contradiction {
    pub link: LinkId,
    /// The claims, in the link's order (which means nothing: contradiction is symmetric).
    pub claims: [NodeId; 2],
    /// “A” contradicts “B”.
    pub message: String,
}

/// The contradictions about one topic.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ContradictionGroup {
    /// The tag both claims carry; `None` for contradictions whose claims share no tag.
    pub tag: Option<TagId>,
    /// The tag's name, or "untagged".
    pub name: String,
    pub contradictions: Vec<Contradiction>,
}

/// Every contradiction of `map`, grouped by each tag its two claims share (a pair sharing two
/// tags is listed under both), in the map's tag order, then "untagged"; empty groups are left out.
pub fn contradictions(map: &Map) -> Vec<ContradictionGroup> {
    let mut groups: Vec<ContradictionGroup> = map
        .tags
        .iter()
        .map(|t| ContradictionGroup {
            tag: Some(t.id.clone()),
            name: t.name.clone(),
            contradictions: Vec::new(),
        })
        .collect();
    let mut untagged = Vec::new();
    let nodes = map.node_index();
    for link in map
        .links
        .iter()
        .filter(|l| l.relation == Relation::Contradicts)
    {
        let (Some(a), Some(b)) = (nodes.claim(&link.from), nodes.claim(&link.to)) else {
            continue;
        };
        let found = Contradiction {
            link: link.id.clone(),
            claims: [a.id.clone(), b.id.clone()],
            message: format!("{} contradicts {}", quoted(&a.text), quoted(&b.text)),
        };
        let mut shared = false;
        for group in &mut groups {
            if group
                .tag
                .as_ref()
                .is_some_and(|t| a.tags.contains(t) && b.tags.contains(t))
            {
                group.contradictions.push(found.clone());
                shared = true;
            }
        }
        if !shared {
            untagged.push(found);
        }
    }
    groups.push(ContradictionGroup {
        tag: None,
        name: "untagged".to_owned(),
        contradictions: untagged,
    });
    groups.retain(|g| !g.contradictions.is_empty());
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::test_map::MapBuilder;

    #[test]
    fn contradictions_are_grouped_by_the_tags_both_claims_share() {
        let mut b = MapBuilder::new();
        b.claims(&[
            "NATO is an omnipotent bloc",
            "NATO is a Cold War relic",
            "Enlargement threatens Russia",
            "Enlargement is irrelevant",
            "Russia wants to join",
        ]);
        let l1 = b.link("c1", "c2", Relation::Contradicts);
        let l2 = b.link("c3", "c4", Relation::Contradicts);
        let l3 = b.link("c5", "c1", Relation::Contradicts);
        b.link("c1", "c3", Relation::Opposes); // not a contradiction
        b.tag("military", &["c1", "c2", "c3"]);
        b.tag("enlargement", &["c3", "c4", "c5"]);
        let groups = contradictions(&b.map);
        let summary: Vec<(&str, Vec<&str>)> = groups
            .iter()
            .map(|g| {
                (
                    g.name.as_str(),
                    g.contradictions.iter().map(|c| c.link.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                ("military", vec![l1.as_str()]),
                ("enlargement", vec![l2.as_str()]),
                ("untagged", vec![l3.as_str()]),
            ]
        );
        assert_eq!(
            groups[0].contradictions[0].message,
            "“NATO is an omnipotent bloc” contradicts “NATO is a Cold War relic”"
        );
        assert_eq!(
            groups[0].contradictions[0].claims,
            ["c1".into(), "c2".into()]
        );
    }

    #[test]
    fn a_map_without_contradictions_has_no_groups() {
        let mut b = MapBuilder::new();
        b.claims(&["A", "B"]);
        b.link("c1", "c2", Relation::Opposes);
        assert!(contradictions(&b.map).is_empty());
    }
}
