use super::*;
use crate::anchor::{anchor_from_range, char_slice};
use crate::model::{Quote, Source};

const MEMO: &str = "Within the Russian ruling circles there are inconsistencies in attitude toward NATO.\n\
Russian officials portray NATO as a dangerously strong (even omnipotent) and unfriendly\n\
military bloc, and at the same time as a relic of the Cold War, incapable of providing\n\
security. Both views cannot be true at once.";

fn anchor_of(text: &str, needle: &str) -> TextAnchor {
    let b = text.find(needle).unwrap();
    let start = text[..b].chars().count();
    anchor_from_range(text, start, start + needle.chars().count()).unwrap()
}

fn char_pos(text: &str, needle: &str) -> usize {
    text[..text.find(needle).unwrap()].chars().count()
}

#[test]
fn an_untouched_quote_is_ok() {
    let a = anchor_of(MEMO, "a relic of the Cold War");
    assert_eq!(locate_quote(MEMO, &a), QuoteStatus::Ok);
}

#[test]
fn text_edited_before_the_quote_moves_it() {
    let a = anchor_of(MEMO, "a relic of the Cold War");
    let edited = MEMO.replace("Within the Russian", "Inside the highest Russian");
    let start = char_pos(&edited, "a relic of the Cold War");
    assert_eq!(
        locate_quote(&edited, &a),
        QuoteStatus::Moved {
            start,
            end: start + 23
        }
    );
}

#[test]
fn text_edited_right_around_the_quote_moves_it() {
    let a = anchor_of(MEMO, "a relic of the Cold War");
    let edited = MEMO.replace(
        "at the same time as a relic of the Cold War, incapable",
        "simultaneously a relic of the Cold War — unable",
    );
    let QuoteStatus::Moved { start, end } = locate_quote(&edited, &a) else {
        panic!("{:?}", locate_quote(&edited, &a))
    };
    assert_eq!(
        char_slice(&edited, start, end),
        Some("a relic of the Cold War")
    );
}

#[test]
fn text_edited_inside_the_quote_is_changed_and_shown_as_it_is_now() {
    let a = anchor_of(
        MEMO,
        "portray NATO as a dangerously strong (even omnipotent) and unfriendly",
    );
    let edited = MEMO.replace("dangerously strong", "dangerously powerful");
    let status = locate_quote(&edited, &a);
    let QuoteStatus::Changed {
        start,
        end,
        found,
        distance,
        similarity,
    } = status
    else {
        panic!("{status:?}")
    };
    assert_eq!(
        found,
        "portray NATO as a dangerously powerful (even omnipotent) and unfriendly"
    );
    assert_eq!(char_slice(&edited, start, end), Some(found.as_str()));
    assert!((1..=8).contains(&distance), "{distance}");
    assert!(similarity > 0.85 && similarity < 1.0, "{similarity}");
}

#[test]
fn a_deleted_passage_is_orphaned_not_attached_to_a_similar_one() {
    let text = "NATO is a relic of the Cold War. Some say NATO is a relic of the past.";
    let a = anchor_of(text, "NATO is a relic of the Cold War");
    let edited = text.replace("NATO is a relic of the Cold War. ", "");
    assert_eq!(locate_quote(&edited, &a), QuoteStatus::Orphaned);
    // Gone entirely, too.
    assert_eq!(
        locate_quote("An unrelated article about fishing.", &a),
        QuoteStatus::Orphaned
    );
}

#[test]
fn a_short_quote_with_an_edit_is_orphaned_rather_than_guessed() {
    let a = anchor_of("NATO is strong.", "NATO is");
    assert_eq!(locate_quote("NATO was strong.", &a), QuoteStatus::Orphaned);
}

/// Three one-letter typos in an article as first imported, and their corrections.
const TYPOS: [(&str, &str); 3] = [
    ("goverment", "government"),
    ("recive", "receive"),
    ("allience", "alliance"),
];

fn long_passage() -> String {
    let p = "The new goverment in Moscow does not expect to recive an invitation to join the \
allience, and it does not ask for one; what it asks for is a voice in the decisions that \
shape security in Europe, a seat at the table where the enlargement of the bloc is discussed, \
and guarantees that no troops or weapons will be stationed on the territory of the new members \
close to its borders. Western capitals have so far declined to give such assurances.";
    assert!(p.chars().count() >= 400, "{}", p.chars().count());
    p.to_owned()
}

#[test]
fn a_long_quote_is_found_again_after_three_typos_are_fixed_in_the_article() {
    let passage = long_passage();
    let old = format!("Opening paragraph of the article.\n\n{passage}\n\nClosing remarks.");
    let a = anchor_of(&old, &passage);
    let mut fixed = passage.clone();
    for (typo, right) in TYPOS {
        fixed = fixed.replace(typo, right);
    }
    // The corrected version also gained a sentence before the passage.
    let new = format!(
        "Opening paragraph of the article. It was revised in May.\n\n{fixed}\n\nClosing remarks."
    );
    let status = locate_quote(&new, &a);
    let QuoteStatus::Changed {
        start,
        end,
        found,
        distance,
        ..
    } = status
    else {
        panic!("{status:?}")
    };
    assert_eq!(distance, 3);
    assert_eq!(found, fixed);
    assert_eq!(start, char_pos(&new, &fixed));
    assert_eq!(end, start + fixed.chars().count());
}

#[test]
fn map_quotes_are_checked_against_their_own_source() {
    let mut map = Map::new("m");
    let mut s = Source::new("Memo", MEMO);
    s.id = "s1".into();
    map.sources.push(s);
    let quote = |id: &str, source: &str, anchor: TextAnchor| Quote {
        id: id.into(),
        source: source.into(),
        anchor,
        ..Quote::default()
    };
    let mut moved = anchor_of(MEMO, "unfriendly");
    moved.start += 3;
    moved.end += 3;
    map.quotes = vec![
        quote("q1", "s1", anchor_of(MEMO, "a relic of the Cold War")),
        quote("q2", "s1", moved),
        quote("q3", "s9", anchor_of(MEMO, "incapable")),
    ];
    let checks = quote_integrity(&map);
    let names: Vec<&str> = checks.iter().map(|c| c.status.name()).collect();
    assert_eq!(names, ["ok", "moved", "orphaned"]);
    assert_eq!(checks[1].quote.as_str(), "q2");
}
