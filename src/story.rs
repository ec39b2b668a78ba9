//! Presentation steps: the map's own story, or an automatic walk through the argument when it
//! has none (thesis → its reasons with their evidence → objections → contradictions).

use crate::model::{Map, NodeId, Relation, Step, StepId};
use std::collections::HashSet;

/// The steps to present: the map's story, or [`auto_walk`] if the story is empty.
pub fn steps(map: &Map) -> Vec<Step> {
    if map.story.is_empty() {
        auto_walk(map)
    } else {
        map.story.clone()
    }
}

/// Nodes revealed by step `k`: everything shown or focused in steps `0..=k`.
pub fn revealed(steps: &[Step], k: usize) -> HashSet<NodeId> {
    steps
        .iter()
        .take(k + 1)
        .flat_map(|s| s.show.iter().chain(&s.focus))
        .cloned()
        .collect()
}

/// The nodes step `k` highlights: its focus, or what it shows when it names no focus.
pub fn focus(steps: &[Step], k: usize) -> Vec<NodeId> {
    steps.get(k).map_or_else(Vec::new, |s| {
        if s.focus.is_empty() {
            s.show.clone()
        } else {
            s.focus.clone()
        }
    })
}

/// Quotes that are evidence for `claim` (quote → claim links).
fn evidence(map: &Map, claim: &NodeId) -> Vec<NodeId> {
    map.links
        .iter()
        .filter(|l| &l.to == claim && map.quote(&l.from).is_some())
        .map(|l| l.from.clone())
        .collect()
}

/// Claims linked to `to` with `relation` (either end, for the symmetric `contradicts`).
fn claims_that(map: &Map, relation: Relation, to: &NodeId) -> Vec<NodeId> {
    map.links
        .iter()
        .filter(|l| l.relation == relation && map.claim(&l.from).is_some())
        .filter_map(|l| {
            if &l.to == to {
                Some(l.from.clone())
            } else if relation.is_symmetric() && &l.from == to {
                Some(l.to.clone())
            } else {
                None
            }
        })
        .collect()
}

/// Adds a step showing `show` (none if it is empty), numbered after those before it.
fn push(steps: &mut Vec<Step>, title: String, show: Vec<NodeId>, focus: Vec<NodeId>, note: &str) {
    if !show.is_empty() {
        let id = StepId(format!("auto{}", steps.len() + 1));
        steps.push(Step {
            id,
            title,
            show,
            focus,
            note: note.to_owned(),
        });
    }
}

/// The theses marked, or else the claim with the most reasons given for it.
fn theses_of(map: &Map) -> Vec<NodeId> {
    let theses: Vec<NodeId> = map
        .claims
        .iter()
        .filter(|c| c.thesis)
        .map(|c| c.id.clone())
        .collect();
    if !theses.is_empty() {
        return theses;
    }
    map.claims
        .iter()
        .max_by_key(|c| {
            claims_that(map, Relation::Supports, &c.id).len() + evidence(map, &c.id).len()
        })
        .map(|c| vec![c.id.clone()])
        .unwrap_or_default()
}

/// A thesis with its evidence, each of its first reasons with theirs, then its objections.
fn thesis_steps(map: &Map, thesis: &NodeId, steps: &mut Vec<Step>) {
    let text = map.claim(thesis).map_or("", |c| c.text.as_str());
    let mut show = vec![thesis.clone()];
    show.extend(evidence(map, thesis));
    push(
        steps,
        format!("Thesis: {text}"),
        show,
        vec![thesis.clone()],
        "What does the text claim, and on what evidence?",
    );
    for reason in claims_that(map, Relation::Supports, thesis)
        .into_iter()
        .take(8)
    {
        let text = map
            .claim(&reason)
            .map_or("", |c| c.text.as_str())
            .to_owned();
        let mut show = vec![reason.clone()];
        show.extend(evidence(map, &reason));
        push(steps, format!("A reason: {text}"), show, vec![reason], "");
    }
    let objections: Vec<NodeId> = claims_that(map, Relation::Opposes, thesis)
        .into_iter()
        .chain(claims_that(map, Relation::Contradicts, thesis))
        .collect();
    let mut show = objections.clone();
    for o in &objections {
        show.extend(evidence(map, o));
    }
    push(
        steps,
        "Objections".into(),
        show,
        objections,
        "What speaks against the thesis?",
    );
}

/// A walk through a map that has no story of its own.
pub fn auto_walk(map: &Map) -> Vec<Step> {
    let mut steps: Vec<Step> = Vec::new();
    for thesis in &theses_of(map) {
        thesis_steps(map, thesis, &mut steps);
    }
    let pairs: Vec<NodeId> = map
        .links
        .iter()
        .filter(|l| l.relation == Relation::Contradicts)
        .flat_map(|l| [l.from.clone(), l.to.clone()])
        .collect();
    push(
        &mut steps,
        "Claims that cannot both be true".into(),
        pairs.clone(),
        pairs,
        "Who holds each side?",
    );
    let shown: HashSet<NodeId> = steps.iter().flat_map(|s| s.show.iter().cloned()).collect();
    let rest: Vec<NodeId> = map
        .nodes()
        .map(|n| n.id().clone())
        .filter(|id| !shown.contains(id))
        .collect();
    push(
        &mut steps,
        "The rest of the map".into(),
        rest,
        Vec::new(),
        "",
    );
    steps
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, Link, LinkId, Point, Quote, SourceId, TextAnchor};

    fn node(id: &str) -> NodeId {
        NodeId(id.into())
    }

    #[test]
    fn the_automatic_walk_goes_thesis_reasons_objections_contradictions_rest() {
        let mut map = Map::new("m");
        let claim = |id: &str, thesis| Claim {
            id: node(id),
            text: id.into(),
            thesis,
            pos: Point::default(),
            ..Claim::default()
        };
        map.claims = vec![
            claim("t", true),
            claim("r", false),
            claim("o", false),
            claim("x", false),
            claim("lone", false),
        ];
        map.quotes = vec![Quote {
            id: node("q"),
            source: SourceId("s".into()),
            anchor: TextAnchor::default(),
            note: String::new(),
            pos: Point::default(),
        }];
        let link = |id: &str, f: &str, t: &str, relation| Link {
            id: LinkId(id.into()),
            from: node(f),
            to: node(t),
            relation,
        };
        map.links = vec![
            link("1", "r", "t", Relation::Supports),
            link("2", "q", "r", Relation::Supports),
            link("3", "o", "t", Relation::Opposes),
            link("4", "x", "o", Relation::Contradicts),
        ];
        let steps = auto_walk(&map);
        let titles: Vec<&str> = steps.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Thesis: t",
                "A reason: r",
                "Objections",
                "Claims that cannot both be true",
                "The rest of the map"
            ]
        );
        assert_eq!(
            steps[1].show,
            vec![node("r"), node("q")],
            "a reason comes with its evidence"
        );
        assert_eq!(
            revealed(&steps, steps.len() - 1).len(),
            6,
            "the walk ends with every card shown"
        );
        assert_eq!(focus(&steps, 4), vec![node("lone")]);
    }
}
