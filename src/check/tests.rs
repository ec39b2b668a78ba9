use super::*;
use crate::analysis::test_map::MapBuilder;
use crate::model::Relation;

/// The 2008 memo's argument in miniature: one actor, two claims that cannot both be true.
fn memo() -> MapBuilder {
    let mut b = MapBuilder::new();
    b.claims(&["NATO is an omnipotent bloc", "NATO is a Cold War relic"]);
    b.link("c1", "c2", Relation::Contradicts);
    b.actor("Russian officials", &["c1", "c2"]);
    b.tag("NATO’s strength", &["c1", "c2"]);
    let q = b.quote("a relic of the Cold War, incapable of providing security");
    b.link(&q, "c2", Relation::Supports);
    b
}

fn kinds(found: &[Finding]) -> Vec<FindingKind> {
    found.iter().map(|f| f.kind).collect()
}

#[test]
fn the_memo_shows_its_contradiction_and_the_actor_holding_both_sides() {
    let b = memo();
    assert!(problems(&b.map).is_empty());
    let found = findings(&b.map);
    assert_eq!(
        kinds(&found),
        [
            FindingKind::Contradiction,
            FindingKind::InconsistentActor,
            FindingKind::UnsupportedClaim,
            FindingKind::UndecidedClaim,
            FindingKind::UndecidedClaim,
            FindingKind::Coverage,
        ]
    );
    assert_eq!(
        found[0].message,
        "“NATO is an omnipotent bloc” contradicts “NATO is a Cold War relic” (NATO’s strength)"
    );
    assert_eq!(found[0].related, ["c1", "c2"]);
    assert_eq!(
        found[1].message,
        "Russian officials hold both “NATO is an omnipotent bloc” and “NATO is a Cold War relic”"
    );
    assert_eq!(found[2].item, "c1");
    assert!(
        found[3].message.contains("contradict each other"),
        "{}",
        found[3].message
    );
    assert!(
        found[5]
            .message
            .contains("% of its text quoted, in 1 passage")
    );
}

#[test]
fn changed_and_orphaned_quotes_are_problems_of_their_own_kinds() {
    let mut b = memo();
    b.quote("Both views cannot be true at once, the memo concludes.");
    let text = b.map.sources[0]
        .text
        .replace("incapable of providing", "incapable of giving")
        .replace("Both views cannot be true at once, the memo concludes.", "");
    b.map.sources[0].text = text;
    b.map.sources[0].sha256 = text_sha256(&b.map.sources[0].text);
    let found = problems(&b.map);
    let kinds: Vec<ProblemKind> = found.iter().map(|p| p.kind).collect();
    assert_eq!(
        kinds,
        [ProblemKind::QuoteChanged, ProblemKind::QuoteNotFound]
    );
    assert!(
        found[0]
            .message
            .contains("“a relic of the Cold War, incapable of giving security”"),
        "{}",
        found[0].message
    );
}
