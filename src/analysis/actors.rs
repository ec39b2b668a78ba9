//! Inconsistent actors: someone who holds a claim and also a claim that contradicts or opposes
//! it. The memo this app was first built for turns on exactly this: Russian officials call NATO
//! both an omnipotent bloc and a Cold War relic.

use super::quoted;
use crate::model::{ActorId, Claim, LinkId, Map, NodeId, Relation};
use serde::Serialize;
use std::collections::HashSet;

/// An actor holding both claims of a `contradicts` or `opposes` link.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct InconsistentActor {
    pub actor: ActorId,
    /// The link's two claims, in its order; for `opposes`, the opposed claim first.
    pub claims: [NodeId; 2],
    pub link: LinkId,
    pub relation: Relation,
    /// Russian officials hold both “NATO is an omnipotent bloc” and “NATO is a Cold War relic”.
    pub message: String,
}

/// "hold" for a name that reads as plural ("Russian officials"), else "holds" ("Moscow").
pub fn verb_for(name: &str) -> &'static str {
    // "Russian officials (2008)": the noun is before the bracketed remark.
    let mut name = name.trim_end();
    while name.ends_with(')')
        && let Some(open) = name.rfind('(')
    {
        name = name[..open].trim_end();
    }
    let last = name
        .split_whitespace()
        .last()
        .unwrap_or("")
        .trim_end_matches(|c: char| !c.is_alphanumeric());
    let plural = last.len() > 3
        && last.ends_with('s')
        && !["ss", "us", "is"].iter().any(|e| last.ends_with(e))
        && last.chars().next().is_some_and(char::is_lowercase);
    if plural { "hold" } else { "holds" }
}

/// The actors who hold both claims, in `a`'s order.
pub fn holding_both<'a>(a: &'a Claim, b: &'a Claim) -> impl Iterator<Item = &'a ActorId> {
    a.actors.iter().filter(|x| b.actors.contains(x))
}

/// Every actor who holds both ends of a `contradicts` or `opposes` link between claims, in link
/// order; each actor and pair of claims once.
pub fn inconsistent_actors(map: &Map) -> Vec<InconsistentActor> {
    let mut seen: HashSet<(&ActorId, &NodeId, &NodeId)> = HashSet::new();
    let mut out = Vec::new();
    let nodes = map.node_index();
    for link in &map.links {
        // Granting a point against one's own claim (`qualifies`) is no inconsistency.
        if matches!(link.relation, Relation::Supports | Relation::Qualifies) {
            continue;
        }
        let (Some(a), Some(b)) = (nodes.claim(&link.from), nodes.claim(&link.to)) else {
            continue;
        };
        let pair = if a.id <= b.id {
            (&a.id, &b.id)
        } else {
            (&b.id, &a.id)
        };
        for actor in holding_both(a, b) {
            if !seen.insert((actor, pair.0, pair.1)) {
                continue;
            }
            let name = map.actor(actor).map_or(actor.as_str(), |x| x.name.as_str());
            let tail = if link.relation == Relation::Opposes {
                ", which opposes it"
            } else {
                ""
            };
            let (first, second) = if link.relation == Relation::Opposes {
                (b, a)
            } else {
                (a, b)
            };
            out.push(InconsistentActor {
                actor: actor.clone(),
                claims: [first.id.clone(), second.id.clone()],
                link: link.id.clone(),
                relation: link.relation,
                message: format!(
                    "{name} {} both {} and {}{tail}",
                    verb_for(name),
                    quoted(&first.text),
                    quoted(&second.text)
                ),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::test_map::MapBuilder;

    /// The 2008 memo's central point, built by hand.
    fn memo() -> MapBuilder {
        let mut b = MapBuilder::new();
        b.claims(&[
            "NATO is a Cold War relic",
            "NATO is an omnipotent bloc",
            "NATO enlargement must be stopped",
        ]);
        b.link("c2", "c1", Relation::Contradicts);
        b.link("c2", "c3", Relation::Supports);
        b
    }

    #[test]
    fn an_actor_holding_both_sides_of_a_contradiction_is_named() {
        let mut b = memo();
        let officials = b.actor("Russian officials", &["c1", "c2", "c3"]);
        b.actor("The author", &["c1"]);
        let found = inconsistent_actors(&b.map);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].actor.as_str(), officials);
        assert_eq!(found[0].claims, ["c2".into(), "c1".into()]);
        assert_eq!(
            found[0].message,
            "Russian officials hold both “NATO is an omnipotent bloc” and “NATO is a Cold War relic”"
        );
    }

    #[test]
    fn holding_a_claim_and_its_objection_counts_either_way_round() {
        let mut b = MapBuilder::new();
        b.claims(&["Russia wants to join NATO", "Russia will never join NATO"]);
        b.link("c2", "c1", Relation::Opposes);
        b.actor("Moscow", &["c1", "c2"]);
        let found = inconsistent_actors(&b.map);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].relation, Relation::Opposes);
        assert_eq!(found[0].claims, ["c1".into(), "c2".into()]);
        assert_eq!(
            found[0].message,
            "Moscow holds both “Russia wants to join NATO” and “Russia will never join NATO”, which opposes it"
        );
    }

    #[test]
    fn different_actors_on_each_side_and_support_are_consistent() {
        let mut b = memo();
        b.actor("Putin", &["c1"]);
        b.actor("Lavrov", &["c2", "c3"]); // holds a claim and what it supports: fine
        assert!(inconsistent_actors(&b.map).is_empty());
    }

    #[test]
    fn an_author_granting_a_point_against_their_own_claim_is_consistent() {
        let mut b = MapBuilder::new();
        b.claims(&[
            "NATO enlargement can be stopped",
            "Far from all would agree",
        ]);
        b.link("c2", "c1", Relation::Qualifies);
        b.actor("Golz", &["c1", "c2"]);
        assert!(inconsistent_actors(&b.map).is_empty());
        // The same two claims as an objection are still reported.
        b.link("c2", "c1", Relation::Opposes);
        assert_eq!(inconsistent_actors(&b.map).len(), 1);
    }

    #[test]
    fn plural_names_take_hold() {
        assert_eq!(verb_for("Russian officials"), "hold");
        assert_eq!(verb_for("the Baltic states"), "hold");
        assert_eq!(verb_for("Moscow"), "holds");
        assert_eq!(verb_for("Jens Stoltenberg"), "holds");
        assert_eq!(verb_for("NATO"), "holds");
        assert_eq!(verb_for("Boris Nemtsov"), "holds");
        assert_eq!(verb_for("Russian officials (2008)"), "hold");
        assert_eq!(verb_for("Moscow (1996)"), "holds");
        assert_eq!(verb_for("(unnamed)"), "holds");
    }
}
