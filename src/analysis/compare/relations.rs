//! The reference's links between claims, looked for between the student's matching claims:
//! does the student have the contradiction? the support, or the wrong way round?

use super::claims::ClaimComparison;
use super::{ClaimRef, claim_ref};
use crate::model::{Link, LinkId, Map, NodeId, Relation};
use serde::Serialize;
use std::collections::HashMap;

/// What the student has where the reference links two claims.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "verdict", content = "relation")]
pub enum RelationVerdict {
    /// The same relation, the same way (either way for `contradicts`).
    Same,
    /// The same relation between the same claims, the other way round.
    Reversed,
    /// A link between the same claims, with another relation.
    Different(Relation),
    /// Both claims are there, unlinked.
    Missing,
    /// One or both claims were not found, so the link cannot be.
    ClaimsMissed,
}

impl RelationVerdict {
    /// How a teacher reads it.
    pub fn describe(self) -> String {
        match self {
            RelationVerdict::Same => "right".into(),
            RelationVerdict::Reversed => "the wrong way round".into(),
            RelationVerdict::Different(r) => format!("linked as “{}” instead", r.as_str()),
            RelationVerdict::Missing => "not linked".into(),
            RelationVerdict::ClaimsMissed => "claims not found".into(),
        }
    }
}

/// One reference link between claims, compared.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RelationCheck {
    pub link: LinkId,
    pub relation: Relation,
    pub from: ClaimRef,
    pub to: ClaimRef,
    #[serde(flatten)]
    pub verdict: RelationVerdict,
}

/// Every link between two claims of `reference`, in its order, compared with `student`'s.
pub fn compare_relations(
    reference: &Map,
    student: &Map,
    claims: &ClaimComparison,
) -> Vec<RelationCheck> {
    // The student's links by their two ends, in either order.
    let mut by_ends: HashMap<(&NodeId, &NodeId), Vec<&Link>> = HashMap::new();
    for s in &student.links {
        let key = if s.from <= s.to {
            (&s.from, &s.to)
        } else {
            (&s.to, &s.from)
        };
        by_ends.entry(key).or_default().push(s);
    }
    reference
        .links
        .iter()
        .filter(|l| reference.claim(&l.from).is_some() && reference.claim(&l.to).is_some())
        .map(|l| {
            let verdict = match (claims.student_of(&l.from), claims.student_of(&l.to)) {
                (Some(a), Some(b)) => {
                    let key = if a <= b { (a, b) } else { (b, a) };
                    let between = by_ends.get(&key).map_or(&[][..], Vec::as_slice);
                    let same_way = |s: &&Link| &s.from == a || l.relation.is_symmetric();
                    if between
                        .iter()
                        .any(|s| s.relation == l.relation && same_way(s))
                    {
                        RelationVerdict::Same
                    } else if between.iter().any(|s| s.relation == l.relation) {
                        RelationVerdict::Reversed
                    } else if let Some(s) = between.first() {
                        RelationVerdict::Different(s.relation)
                    } else {
                        RelationVerdict::Missing
                    }
                }
                _ => RelationVerdict::ClaimsMissed,
            };
            RelationCheck {
                link: l.id.clone(),
                relation: l.relation,
                from: claim_ref(reference, &l.from),
                to: claim_ref(reference, &l.to),
                verdict,
            }
        })
        .collect()
}
