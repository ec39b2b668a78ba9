use super::*;

const TEXT: &str = "Russian officials portray NATO as a dangerously strong (even omnipotent)\nand unfriendly military bloc, and at the same time as a relic of the Cold\nWar, incapable of providing security.";

fn anchor_of(text: &str, needle: &str) -> TextAnchor {
    let b = text.find(needle).unwrap();
    let start = text[..b].chars().count();
    anchor_from_range(text, start, start + needle.chars().count()).unwrap()
}

#[test]
fn anchor_keeps_exact_text_and_context() {
    let a = anchor_of(TEXT, "a relic of the Cold\nWar");
    assert_eq!(a.exact, "a relic of the Cold\nWar");
    assert_eq!(a.prefix.chars().count(), CONTEXT_CHARS);
    assert!(a.prefix.ends_with("at the same time as "));
    assert!(a.suffix.starts_with(", incapable"));
    assert_eq!(locate(TEXT, &a), Located::Exact);
}

#[test]
fn bad_ranges_are_refused() {
    assert_eq!(
        anchor_from_range(TEXT, 5, 5),
        Err(RangeError::Empty { start: 5, end: 5 })
    );
    assert!(matches!(
        anchor_from_range(TEXT, 9, 3),
        Err(RangeError::Reversed { .. })
    ));
    assert!(matches!(
        anchor_from_range(TEXT, 0, 10_000),
        Err(RangeError::OutOfRange { .. })
    ));
    assert_eq!(anchor_from_range("a   b", 1, 4), Err(RangeError::Blank));
}

#[test]
fn shifted_offsets_are_found_again() {
    let mut a = anchor_of(TEXT, "unfriendly military bloc");
    let true_start = a.start;
    a.start += 7;
    a.end += 7;
    assert_eq!(
        locate(TEXT, &a),
        Located::Moved {
            start: true_start,
            end: true_start + 24
        }
    );
}

#[test]
fn newline_in_source_matches_space_in_quote() {
    // The student typed a space where the PDF text has a line break.
    let mut a = anchor_of(TEXT, "relic of the Cold\nWar");
    a.exact = "relic of the Cold War".into();
    let Located::Moved { start, end } = locate(TEXT, &a) else {
        panic!("not found")
    };
    assert_eq!(char_slice(TEXT, start, end), Some("relic of the Cold\nWar"));
}

#[test]
fn text_edited_around_the_quote_still_finds_it() {
    let a = anchor_of(TEXT, "incapable of providing security");
    let edited = format!(
        "An added first sentence. {}",
        TEXT.replace("Russian officials", "Officials in Moscow")
    );
    let Located::Moved { start, end } = locate(&edited, &a) else {
        panic!("not found")
    };
    assert_eq!(
        char_slice(&edited, start, end),
        Some("incapable of providing security")
    );
}

#[test]
fn removed_quote_is_not_found_and_never_reattached() {
    let a = anchor_of(TEXT, "a relic of the Cold\nWar");
    let edited = TEXT.replace("a relic of the Cold\nWar", "an outdated alliance");
    assert_eq!(locate(&edited, &a), Located::NotFound);
    // Only part of the quote left: still not found.
    let edited = TEXT.replace("Cold\nWar", "past");
    assert_eq!(locate(&edited, &a), Located::NotFound);
}

#[test]
fn repeats_are_told_apart_by_context() {
    let text = "First, NATO is strong. Later on, NATO is strong. Finally, NATO is weak.";
    let a = anchor_of(text, "NATO is strong. Finally"); // unique: sanity
    assert_eq!(locate(text, &a), Located::Exact);
    let second = {
        let b = text.match_indices("NATO is strong").nth(1).unwrap().0;
        let start = text[..b].chars().count();
        anchor_from_range(text, start, start + 14).unwrap()
    };
    // Insert text at the start so both repeats move; context picks the second one.
    let edited = format!("Intro. {text}");
    let Located::Moved { start, .. } = locate(&edited, &second) else {
        panic!()
    };
    assert_eq!(start, second.start + 7);
}

#[test]
fn repeats_without_context_are_ambiguous() {
    let a = TextAnchor {
        start: 1000,
        end: 1004,
        exact: "NATO".into(),
        prefix: "zzz".into(),
        suffix: "qqq".into(),
    };
    assert_eq!(locate("NATO and NATO", &a), Located::Ambiguous { count: 2 });
}

#[test]
fn sloppy_selections_snap_to_whole_words() {
    let text = "NATO is a relic of the Cold War.";
    // "ATO is a rel" -> "NATO is a relic"
    assert_eq!(snap_to_words(text, 1, 13), (0, 15));
    // Already on word edges: unchanged, punctuation kept out.
    assert_eq!(snap_to_words(text, 10, 31), (10, 31));
    assert_eq!(char_slice(text, 10, 31), Some("relic of the Cold War"));
}

#[test]
fn stray_punctuation_and_spaces_at_a_selection_edge_are_dropped() {
    let snapped = |text: &str, s: usize, e: usize| {
        let (s, e) = snap_to_words(text, s, e);
        char_slice(text, s, e).map(str::to_owned)
    };
    let text = "It ended. Many officials agreed, at once; others did not.";
    // The drag began on the full stop before the sentence and ended on the comma.
    assert_eq!(
        snapped(text, 8, 32).as_deref(),
        Some("Many officials agreed")
    );
    // A sentence selected with its full stop keeps it; a trailing space goes.
    assert_eq!(snapped(text, 42, 58).as_deref(), Some("others did not."));
    // Begun on the semicolon, ended mid-word: trimmed, then widened.
    assert_eq!(snapped(text, 40, 47).as_deref(), Some("others"));
    // Only punctuation selected: nothing is left to quote.
    let (s, e) = snap_to_words(text, 8, 10);
    assert_eq!(s, e);
}

#[test]
fn quotation_marks_stay_with_their_partner() {
    let snapped = |text: &str, s: usize, e: usize| {
        let (s, e) = snap_to_words(text, s, e);
        char_slice(text, s, e).map(str::to_owned)
    };
    let text = "He said: “We will not join.” Then (briefly) he left the students’ hall.";
    // Both marks selected: the quotation keeps them, the colon before goes.
    assert_eq!(snapped(text, 7, 28).as_deref(), Some("“We will not join.”"));
    // The closing mark alone is stray; the full stop before it ends the sentence.
    assert_eq!(snapped(text, 10, 28).as_deref(), Some("We will not join."));
    // An opening mark whose partner is not selected is stray.
    assert_eq!(snapped(text, 9, 17).as_deref(), Some("We will"));
    // A bracket pair is kept whole; a lone closing bracket is not.
    assert_eq!(snapped(text, 34, 43).as_deref(), Some("(briefly)"));
    assert_eq!(snapped(text, 35, 44).as_deref(), Some("briefly"));
    // A possessive apostrophe is part of its word.
    assert_eq!(snapped(text, 56, 66).as_deref(), Some("students’"));
}
