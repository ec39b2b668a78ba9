use super::*;
use crate::analysis::test_map::MapBuilder;
use crate::model::text_sha256;

const ARTICLE: &str = "NATO is a relic of the Cold War. It is also a dangerously strong bloc. \
Russia will not join it. The memo ends here.";

fn reference() -> Map {
    let mut b = MapBuilder::new();
    b.map.sources[0].text = ARTICLE.into();
    b.map.sources[0].sha256 = text_sha256(ARTICLE);
    b.source("Another article", "Text the student never opened.");
    b.claims(&["NATO is obsolete", "NATO is a threat", "Russia stays out"]);
    for (passage, claim) in [
        ("NATO is a relic of the Cold War", "c1"),
        ("a dangerously strong bloc", "c2"),
        ("Russia will not join it", "c3"),
    ] {
        let q = b.quote(passage);
        b.link(&q, claim, Relation::Supports);
    }
    let q = b.quote_in("s2", "never opened");
    b.link(&q, "c3", Relation::Supports);
    b.map
}

fn student() -> Map {
    let mut b = MapBuilder::new();
    b.map.sources[0].title = "Some op-ed".into();
    b.map.sources[0].text = "An article the teacher did not assign.".into();
    let article = b.source("The memo (my copy)", ARTICLE);
    b.claims(&["NATO is outdated", "Russia wants in"]);
    let wider = b.quote_in(&article, "a relic of the Cold War. It is");
    b.link(&wider, "c1", Relation::Supports);
    b.quote_in(&article, "strong bloc. Russia will"); // straddles two passages
    let same = b.quote_in(&article, "Russia will not join it");
    b.link(&same, "c2", Relation::Opposes);
    b.quote_in(&article, "The memo ends here");
    b.map
}

fn ids(passages: &[Passage]) -> Vec<&str> {
    passages.iter().map(|p| p.quote.as_str()).collect()
}

#[test]
fn passages_are_found_missed_and_added_per_article() {
    let c = compare(&reference(), &student());
    assert_eq!(c.articles.len(), 2);
    let memo = &c.articles[0];
    assert_eq!(memo.reference_source.as_str(), "s1");
    assert_eq!(
        memo.student_source.as_ref().map(SourceId::as_str),
        Some("s2")
    );
    let found: Vec<(&str, &str)> = memo
        .found
        .iter()
        .map(|m| (m.reference.quote.as_str(), m.student.quote.as_str()))
        .collect();
    assert_eq!(found, [("q1", "q1"), ("q3", "q3")]);
    assert_eq!(memo.found[0].overlap, "a relic of the Cold War".len());
    assert_eq!(ids(&memo.missed), ["q2"]);
    assert_eq!(memo.missed[0].text, "a dangerously strong bloc");
    assert_eq!(ids(&memo.added), ["q2", "q4"]);
    assert_eq!(memo.score, Some(2.0 / 3.0));
    // The article the student left out: everything missed.
    let other = &c.articles[1];
    assert_eq!(other.student_source, None);
    assert_eq!(ids(&other.missed), ["q4"]);
    assert_eq!(other.score, Some(0.0));
    assert_eq!(c.other_student_sources, [SourceId::from("s1")]);
}

#[test]
fn claims_are_matched_through_their_quotes_with_the_same_relation() {
    let c = compare(&reference(), &student()).claims;
    let matched: Vec<(&str, &str, MatchBasis)> = c
        .matched
        .iter()
        .map(|m| (m.reference.text.as_str(), m.student.text.as_str(), m.basis))
        .collect();
    assert_eq!(
        matched,
        [("NATO is obsolete", "NATO is outdated", MatchBasis::Evidence)]
    );
    assert_eq!(c.matched[0].shared_evidence, 1);
    // q3 was found, but the student uses it against their claim, not for it; and "Russia
    // stays out" shares one word with "Russia wants in", which is no match.
    let missed: Vec<&str> = c.missed.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(missed, ["c2", "c3"]);
    let added: Vec<&str> = c.added.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(added, ["Russia wants in"]);
}

#[test]
fn an_altered_copy_of_the_article_is_not_the_same_article() {
    let mut s = student();
    s.sources[1].text = ARTICLE.replace("relic", "relict");
    // Even with the old hash left in place.
    s.sources[1].sha256 = text_sha256(ARTICLE);
    let c = compare(&reference(), &s);
    assert_eq!(c.articles[0].student_source, None);
    assert_eq!(c.articles[0].found.len(), 0);
}

#[test]
fn overlap_needs_half_of_the_shorter_passage() {
    assert_eq!(overlap((0, 10), (5, 20)), Some(5));
    assert_eq!(overlap((0, 10), (6, 20)), None);
    assert_eq!(overlap((0, 100), (40, 45)), Some(5)); // a short quote inside a long one
    assert_eq!(overlap((0, 10), (10, 20)), None);
}

/// A map of claims only, linked in a chain by `links` (from, to, relation) by index.
fn claims_only(texts: &[&str], links: &[(usize, usize, Relation)]) -> Map {
    let mut b = MapBuilder::new();
    let ids = b.claims(texts);
    for &(from, to, rel) in links {
        b.link(&ids[from], &ids[to], rel);
    }
    b.map
}

#[test]
fn claims_with_no_quotes_are_matched_by_wording() {
    let reference = claims_only(
        &[
            "NATO enlargement will isolate Russia in Europe",
            "The OSCE should become the basis of European security",
            "Moscow's contradictory statements are subtle diplomatic games",
        ],
        &[],
    );
    let student = claims_only(
        &[
            "Europe's security should rest on the OSCE",
            "The Kremlin ends up isolated in Europe as the alliance expands",
            "Football is popular in Europe",
        ],
        &[],
    );
    let c = compare(&reference, &student).claims;
    let pairs: Vec<(&str, &str, MatchBasis)> = c
        .matched
        .iter()
        .map(|m| (m.reference.id.as_str(), m.student.id.as_str(), m.basis))
        .collect();
    assert_eq!(
        pairs,
        [
            ("c1", "c2", MatchBasis::Wording),
            ("c2", "c1", MatchBasis::Wording)
        ]
    );
    assert_eq!(c.matched[0].basis.describe(), "matched by wording");
    let missed: Vec<&str> = c.missed.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(missed, ["c3"]);
    let added: Vec<&str> = c.added.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(added, ["c3"]);
}

#[test]
fn one_student_claim_cannot_take_two_reference_claims() {
    // Both reference claims are close to the one student claim; the second student claim is
    // close to the first reference claim only, so the best whole pairs them crosswise.
    let reference = claims_only(
        &[
            "NATO enlargement isolates Russia",
            "NATO enlargement isolates Russia from Europe",
        ],
        &[],
    );
    let student = claims_only(
        &[
            "Russia is isolated from Europe by NATO enlargement",
            "NATO's expansion isolates Moscow",
        ],
        &[],
    );
    let c = compare(&reference, &student).claims;
    let pairs: Vec<(&str, &str)> = c
        .matched
        .iter()
        .map(|m| (m.reference.id.as_str(), m.student.id.as_str()))
        .collect();
    assert_eq!(pairs, [("c1", "c2"), ("c2", "c1")]);
    let one = claims_only(&["Russia is isolated from Europe by NATO enlargement"], &[]);
    let c = compare(&reference, &one).claims;
    assert_eq!(c.matched.len(), 1);
    assert_eq!(c.missed.len(), 1);
}

#[test]
fn relations_between_matched_claims_are_checked() {
    let texts = [
        "NATO enlargement isolates Russia",
        "Russia must answer NATO enlargement with missiles",
        "Russia should join NATO's political structure",
        "The OSCE should be the basis of European security",
    ];
    let reference = claims_only(
        &texts,
        &[
            (0, 1, Relation::Opposes),
            (2, 3, Relation::Supports),
            (1, 2, Relation::Contradicts),
            (0, 3, Relation::Supports),
        ],
    );
    // The same claims; the support the wrong way round, the contradiction the other way (which
    // is the same), the objection given as support, the last link left out.
    let student = claims_only(
        &texts,
        &[
            (1, 0, Relation::Supports),
            (3, 2, Relation::Supports),
            (2, 1, Relation::Contradicts),
        ],
    );
    let c = compare(&reference, &student);
    let verdicts: Vec<RelationVerdict> = c.relations.iter().map(|r| r.verdict).collect();
    assert_eq!(
        verdicts,
        [
            RelationVerdict::Different(Relation::Supports),
            RelationVerdict::Reversed,
            RelationVerdict::Same,
            RelationVerdict::Missing,
        ]
    );
    assert_eq!(c.relations[1].verdict.describe(), "the wrong way round");
    // Without the claims, the links cannot be there.
    let c = compare(&reference, &claims_only(&["Football is popular"], &[]));
    assert!(
        c.relations
            .iter()
            .all(|r| r.verdict == RelationVerdict::ClaimsMissed)
    );
}
