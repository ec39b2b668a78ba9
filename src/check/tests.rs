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
    // An undecided contradiction is left to the class, not settled by the tool.
    assert_eq!(
        found[3].message,
        "“NATO is an omnipotent bloc” and “NATO is a Cold War relic” cannot both be true, and nothing in the map settles which: which would you keep, and why?"
    );
    // Told once, naming both sides: not again as "B and A cannot both be true".
    assert_eq!(found[3].item, "c1");
    assert_eq!(found[3].related, ["c2"]);
    assert!(
        found[4]
            .message
            .contains("% of its text quoted, in 1 passage")
    );
}

fn undecided(found: &[Finding]) -> Vec<(&str, Vec<&str>)> {
    found
        .iter()
        .filter(|f| f.kind == FindingKind::UndecidedClaim)
        .map(|f| {
            (
                f.item.as_str(),
                f.related.iter().map(String::as_str).collect(),
            )
        })
        .collect()
}

/// Each pair of claims that hold each other open is one finding, whichever way it is linked;
/// a longer circle still names each of its claims, and a claim left open by a pair is its own.
#[test]
fn a_pair_holding_each_other_open_is_reported_once() {
    let mut b = MapBuilder::new();
    b.claims(&["A", "B", "C", "D", "E", "F", "G", "H"]);
    b.link("c2", "c1", Relation::Contradicts); // linked "backwards": still one finding
    b.link("c3", "c4", Relation::Opposes);
    b.link("c4", "c3", Relation::Opposes);
    b.link("c5", "c6", Relation::Opposes);
    b.link("c6", "c7", Relation::Opposes);
    b.link("c7", "c5", Relation::Opposes);
    b.link("c1", "c8", Relation::Opposes); // H hangs on the open pair A/B
    let found = findings(&b.map);
    assert_eq!(
        undecided(&found),
        [
            ("c1", vec!["c2"]),
            ("c3", vec!["c4"]),
            ("c5", vec!["c7"]),
            ("c6", vec!["c5"]),
            ("c7", vec!["c6"]),
            ("c8", vec!["c1"]),
        ]
    );
    let pair = found
        .iter()
        .find(|f| f.kind == FindingKind::UndecidedClaim && f.item == "c3")
        .unwrap();
    assert_eq!(
        pair.message,
        "“C” is caught in a circle of objections with “D”: where would you break it?"
    );
    // The pair's claims still each stand as open in the analysis (the panel lists every claim).
    let open = crate::analysis::what_stands(&b.map)
        .iter()
        .filter(|s| s.label == crate::analysis::Label::Undecided)
        .count();
    assert_eq!(open, 8);
}

/// An objection nobody answers is named as that, not as a verdict on the claim; a point the
/// author grants (`qualifies`) gives no finding at all.
#[test]
fn findings_name_the_unanswered_objection_and_leave_concessions_alone() {
    let mut b = MapBuilder::new();
    b.claims(&[
        "Russia should ask to join NATO",
        "NATO would never take Russia",
        "Far from all would agree",
    ]);
    b.link("c2", "c1", Relation::Opposes);
    b.link("c3", "c1", Relation::Qualifies);
    b.actor("Golz", &["c1", "c3"]);
    b.actor("Moscow", &["c2"]);
    let found = findings(&b.map);
    let rejected: Vec<&Finding> = found
        .iter()
        .filter(|f| f.kind == FindingKind::RejectedClaim)
        .collect();
    assert_eq!(rejected.len(), 1);
    assert_eq!(
        rejected[0].message,
        "“Russia should ask to join NATO” meets an objection no one in the map answers: “NATO would never take Russia”"
    );
    assert_eq!(rejected[0].related, ["c2"]);
    assert!(!found.iter().any(|f| f.message.contains("rejected")));
    assert!(!kinds(&found).contains(&FindingKind::InconsistentActor));
    // Answering the objection lets the claim stand: no finding about it is left.
    b.claims(&["Russia is already half in"]);
    b.link("c4", "c2", Relation::Opposes);
    b.map.claims[3].actors = b.map.claims[0].actors.clone();
    let found = findings(&b.map);
    assert!(
        !found
            .iter()
            .any(|f| f.kind == FindingKind::RejectedClaim && f.item == "c1"),
        "{found:?}"
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
