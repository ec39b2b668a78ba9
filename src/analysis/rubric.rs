//! A rubric summary of a map, computed from its analysis: what a teacher checks first in a
//! student's hand-in. Each criterion is met or not, with the numbers behind it; the teacher's
//! marks kept in the map (met or not, a note) override what was computed.

use super::{Analysis, GapKind};
use crate::model::{Map, Relation};
use serde::Serialize;

/// A criterion's name, whether the map meets it, and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RubricItem {
    /// The criterion's key, as the teacher's marks name it (`evidence`, `both-sides`, …).
    pub key: &'static str,
    pub criterion: &'static str,
    /// Met or not: the teacher's verdict when there is one, else the computed one.
    pub met: bool,
    /// What the analysis computed.
    pub computed: bool,
    /// Whether `met` is the teacher's verdict.
    pub by_teacher: bool,
    pub detail: String,
    /// The teacher's note (empty when none).
    pub note: String,
}

/// The keys of the rubric's criteria, in order, with their names.
pub const CRITERIA: [(&str, &str); 4] = [
    ("evidence", "Every claim has evidence"),
    ("both-sides", "Both sides present"),
    ("contradictions", "Contradictions found"),
    ("coverage", "Article coverage"),
];

/// An item as computed, before any mark of the teacher's.
fn item(n: usize, met: bool, detail: String) -> RubricItem {
    let (key, criterion) = CRITERIA[n];
    RubricItem {
        key,
        criterion,
        met,
        computed: met,
        by_teacher: false,
        detail,
        note: String::new(),
    }
}

/// Each article should have at least this share of its text quoted (percent).
pub const COVERAGE_MIN: f64 = 10.0;

/// The rubric of `map`, whose analysis is `a`, with the teacher's marks applied.
pub fn rubric(map: &Map, a: &Analysis) -> Vec<RubricItem> {
    let mut items = computed(map, a);
    for i in &mut items {
        if let Some(mark) = map.rubric_mark(i.key) {
            if let Some(met) = mark.met {
                i.met = met;
                i.by_teacher = true;
            }
            i.note = mark.note.trim().to_owned();
        }
    }
    items
}

/// The rubric as the analysis computes it.
fn computed(map: &Map, a: &Analysis) -> Vec<RubricItem> {
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
        item(
            0,
            !map.claims.is_empty() && unsupported == 0,
            format!(
                "{} of {} claims have a reason or a quote for or against them",
                map.claims.len() - unsupported.min(map.claims.len()),
                map.claims.len()
            ),
        ),
        item(
            1,
            opposes + contradicts > 0,
            format!("{opposes} objections, {contradicts} contradictions"),
        ),
        item(2, contradicts > 0, format!("{contradicts} marked")),
        item(
            3,
            !a.coverage.is_empty() && thin.is_empty(),
            match least {
                None => "no article".to_owned(),
                Some(p) if thin.is_empty() => {
                    format!("every article at least {COVERAGE_MIN:.0} % quoted (least {p:.0} %)")
                }
                Some(_) => format!("under {COVERAGE_MIN:.0} % quoted: {}", thin.join(", ")),
            },
        ),
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

    #[test]
    fn the_teachers_marks_override_what_was_computed_and_keep_it_visible() {
        let mut b = MapBuilder::new();
        b.claims(&["NATO is obsolete"]);
        let mut map = b.map.clone();
        for (criterion, met, note) in [
            ("contradictions", Some(true), "none to find in this text"),
            ("coverage", None, "quote the second half too"),
            ("no-such-criterion", Some(true), ""),
        ] {
            map.rubric.push(crate::model::RubricMark {
                criterion: criterion.into(),
                met,
                note: note.into(),
            });
        }
        let items = rubric(&map, &analyse(&map));
        let c = &items[2];
        assert_eq!((c.met, c.computed, c.by_teacher), (true, false, true));
        assert_eq!(c.note, "none to find in this text");
        let cov = &items[3];
        assert_eq!((cov.met, cov.by_teacher), (cov.computed, false));
        assert_eq!(cov.note, "quote the second half too");
        assert_eq!(items.len(), 4, "an unknown criterion is ignored");
        assert!(!items[0].by_teacher && items[0].note.is_empty());
    }
}
