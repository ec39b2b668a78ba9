//! A teacher compares a student's map whose claims paraphrase the reference, without a single
//! quote: the claims are matched by their wording, one to one, and unrelated claims are not.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use warrant::analysis::{MatchBasis, compare};
use warrant::model::{Claim, Map, NodeId, Point};

fn load(name: &str) -> Map {
    warrant::io::load(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("maps")
            .join(name),
    )
    .unwrap()
}

/// (reference claim of the Golz map, a student's paraphrase of it), written for this test.
const PARAPHRASES: &[(&str, &str)] = &[
    (
        "c1",
        "Moscow has to stop just saying no to the alliance's expansion and offer a positive agenda instead.",
    ),
    (
        "c3",
        "Answering militarily, for instance with tactical nuclear weapons at the border, would only isolate the Kremlin and hurt it.",
    ),
    (
        "c4",
        "Moscow has no clear strategy towards the alliance: all it has done is oppose NATO coming closer to its borders.",
    ),
    (
        "c5",
        "Rybkin's statement did not signal a policy change; officials simply speak freely now without coordinating.",
    ),
    (
        "c6",
        "The many voices heard in Moscow reflect ambitious politicians and confusion rather than any plan.",
    ),
    (
        "c9",
        "Russia's position on the alliance is unchanged, so there will be no talks with NATO.",
    ),
    (
        "c10",
        "Above all Moscow needs a treaty with NATO giving it real participation in every important decision.",
    ),
    (
        "c14",
        "Since the alliance cannot transform enough to anchor security in Europe, its enlargement eastward offers Russia nothing good.",
    ),
    (
        "c18",
        "Russia ought to use the Lisbon summit to propose concrete steps towards an OSCE that is the foundation of Europe's security.",
    ),
    (
        "c20",
        "Moscow might take part in the European-only structures NATO is building, like the Bosnia peacekeeping force.",
    ),
];

/// Claims of the same field that say nothing the Golz map says.
const UNRELATED: &[&str] = &[
    "The 2022 security talks between Washington and Moscow were doomed from the start.",
    "Sanctions hurt the European economy more than they hurt Russia's.",
    "Finland's neutrality served it well during the Cold War.",
    "Ukraine's government wants to join the alliance as soon as possible.",
    "Gas pipelines give Russia leverage over Germany.",
];

/// The student's map: the reference's article, no quotes, the paraphrases and unrelated claims.
fn student(reference: &Map) -> Map {
    let mut map = Map::new("A student's map of Golz 1996");
    map.sources.clone_from(&reference.sources);
    let texts = PARAPHRASES
        .iter()
        .map(|(_, t)| *t)
        .chain(UNRELATED.iter().copied());
    for (i, text) in texts.enumerate() {
        map.claims.push(Claim {
            id: NodeId(format!("c{}", i + 1)),
            text: text.into(),
            pos: Point::new(0.0, 100.0 * i as f32),
            ..Claim::default()
        });
    }
    map
}

#[test]
fn paraphrased_claims_without_quotes_are_matched_by_wording() {
    let reference = load("golz-1996-why-not-join-nato.json");
    let student = student(&reference);
    let c = compare(&reference, &student).claims;
    let mut right = 0;
    let mut wrong = Vec::new();
    for m in &c.matched {
        println!(
            "{:>4} ↔ {:<4} {:.2} {}",
            m.reference.id, m.student.id, m.wording, m.reference.text
        );
        assert_eq!(m.basis, MatchBasis::Wording, "no quotes, so wording only");
        let i: usize = m.student.id.as_str()[1..].parse().unwrap();
        match PARAPHRASES.get(i - 1) {
            Some((r, _)) if *r == m.reference.id.as_str() => right += 1,
            _ => wrong.push((m.reference.text.clone(), m.student.text.clone())),
        }
    }
    let precision = f64::from(right) / c.matched.len().max(1) as f64;
    println!(
        "recall {right}/{} precision {precision:.2}",
        PARAPHRASES.len()
    );
    assert!(right >= 9, "only {right} of 10 paraphrases matched");
    assert!(wrong.is_empty(), "wrongly matched: {wrong:#?}");
    // Every unrelated claim is left as added.
    for text in UNRELATED {
        assert!(
            c.added.iter().any(|a| a.text == *text),
            "{text} was matched"
        );
    }
}

#[test]
fn claims_of_other_articles_are_not_taken_for_the_reference() {
    // Maps of other articles on the same debate: their claims share the field's words (Russia,
    // NATO, enlargement, security) but argue other points.
    let reference = load("golz-1996-why-not-join-nato.json");
    for other in [
        "timofeev-2022-nato-talks-failing.json",
        "kosachev-2011-three-birds-with-one-stone.json",
        "rferl-1998-rapprochement-remains-fragile.json",
        "memo-2008-russia-nato-mutually-exclusive-arguments.json",
    ] {
        let other_map = load(other);
        let c = compare(&reference, &other_map).claims;
        for m in &c.matched {
            println!(
                "{other}: {:.2} {} ↔ {}",
                m.wording, m.reference.text, m.student.text
            );
        }
        println!(
            "{other}: {} of {} matched",
            c.matched.len(),
            other_map.claims.len()
        );
        assert!(c.matched.is_empty(), "{other}: {:#?}", c.matched);
    }
}
