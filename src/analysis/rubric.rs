//! A rubric summary of a map, computed from its analysis: what a teacher checks first in a
//! student's hand-in. Each criterion is met or not, with the numbers behind it.

use super::{Analysis, GapKind};
use crate::model::{Map, Relation};
use serde::Serialize;

/// A criterion's name, whether the map meets it, and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RubricItem {
    pub criterion: &'static str,
    pub met: bool,
    pub detail: String,
}

/// Each article should have at least this share of its text quoted (percent).
pub const COVERAGE_MIN: f64 = 10.0;

/// The rubric of `map`, whose analysis is `a`.
pub fn rubric(map: &Map, a: &Analysis) -> Vec<RubricItem> {
    let unsupported = a
        .gaps
        .iter()
        .filter(|g| g.kind == GapKind::UnsupportedClaim)
        .count();
    let count = |r: Relation| map.links.iter().filter(|l| l.relation == r).count();
    let (opposes, contradicts) = (count(Relation::Opposes), count(Relation::Contradicts));
    let thin: Vec<&str> = a
        .coverage
        .iter()
        .filter(|c| c.percent < COVERAGE_MIN)
        .filter_map(|c| map.source(&c.source).map(|s| s.title.as_str()))
        .collect();
    let least = a
        .coverage
        .iter()
        .map(|c| c.percent)
        .fold(None, |m: Option<f64>, p| Some(m.map_or(p, |m| m.min(p))));
    vec![
        RubricItem {
            criterion: "Every claim has evidence",
            met: !map.claims.is_empty() && unsupported == 0,
            detail: format!(
                "{} of {} claims have a reason or a quote for or against them",
                map.claims.len() - unsupported.min(map.claims.len()),
                map.claims.len()
            ),
        },
        RubricItem {
            criterion: "Both sides present",
            met: opposes + contradicts > 0,
            detail: format!("{opposes} objections, {contradicts} contradictions"),
        },
        RubricItem {
            criterion: "Contradictions found",
            met: contradicts > 0,
            detail: format!("{contradicts} marked"),
        },
        RubricItem {
            criterion: "Article coverage",
            met: !a.coverage.is_empty() && thin.is_empty(),
            detail: match least {
                None => "no article".to_owned(),
                Some(p) if thin.is_empty() => {
                    format!("every article at least {COVERAGE_MIN:.0} % quoted (least {p:.0} %)")
                }
                Some(_) => format!("under {COVERAGE_MIN:.0} % quoted: {}", thin.join(", ")),
            },
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyse;
    use crate::analysis::test_map::MapBuilder;

    #[test]
    fn a_thin_map_fails_what_it_lacks_and_meets_the_rest() {
        let mut b = MapBuilder::new();
        b.claims(&["NATO is obsolete", "NATO is a threat"]);
        let q = b.quote("NATO is a relic of the Cold War");
        b.link(&q, "c1", Relation::Supports);
        let map = b.map.clone();
        let items = rubric(&map, &analyse(&map));
        let met: Vec<(&str, bool)> = items.iter().map(|i| (i.criterion, i.met)).collect();
        assert_eq!(
            met,
            [
                ("Every claim has evidence", false),
                ("Both sides present", false),
                ("Contradictions found", false),
                ("Article coverage", true),
            ]
        );
        assert_eq!(
            items[0].detail,
            "1 of 2 claims have a reason or a quote for or against them"
        );

        b.link("c1", "c2", Relation::Contradicts);
        let q = b.quote("It is dangerously strong");
        b.link(&q, "c2", Relation::Supports);
        let items = rubric(&b.map, &analyse(&b.map));
        assert!(items.iter().all(|i| i.met), "{items:#?}");
        assert_eq!(items[1].detail, "0 objections, 1 contradictions");
    }
}
