//! A teacher's comments are kept in the map file; files without them read and write as before.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use warrant::edit::{apply_all, ops};
use warrant::model::{LinkId, NodeId, Target};

#[test]
fn comments_on_cards_and_links_round_trip_and_older_files_are_unchanged() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("maps/golz-1996-why-not-join-nato.json");
    let original = std::fs::read_to_string(&path).unwrap();
    let mut map = warrant::io::load(&path).unwrap();
    assert!(map.comments.is_empty());
    let dir = tempfile::tempdir().unwrap();
    // No comments: the file is written exactly as before (no "comments" key).
    let plain = dir.path().join("plain.json");
    warrant::io::save(&plain, &map).unwrap();
    assert_eq!(std::fs::read_to_string(&plain).unwrap(), original);

    for (on, text) in [
        (
            Target::Node(NodeId::from("c3")),
            "Which quote shows the cost?",
        ),
        (
            Target::Link(LinkId::from("l9")),
            "Yes: this is the contradiction.",
        ),
    ] {
        let edits = ops::set_comment(&map, &on, text);
        apply_all(&mut map, edits).unwrap();
    }
    let marked = dir.path().join("marked.json");
    warrant::io::save(&marked, &map).unwrap();
    let json = std::fs::read_to_string(&marked).unwrap();
    assert!(
        json.contains(r#""on": {"#) && json.contains(r#""link": "l9""#),
        "{json}"
    );
    let back = warrant::io::load(&marked).unwrap();
    assert_eq!(back.comments, map.comments);
    assert_eq!(back.comments[1].text, "Yes: this is the contradiction.");

    // A comment on something the file does not have is kept, not refused.
    let dangling = json.replace(r#""link": "l9""#, r#""link": "l999""#);
    let file = dir.path().join("dangling.json");
    std::fs::write(&file, dangling).unwrap();
    assert_eq!(warrant::io::load(&file).unwrap().comments.len(), 2);
}

#[test]
fn the_markdown_handout_gives_the_feedback_under_what_it_is_on() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("maps/golz-1996-why-not-join-nato.json");
    let mut map = warrant::io::load(&path).unwrap();
    let settings = warrant::export::markdown::MarkdownSettings::default();
    let before = warrant::export::markdown::map_to_markdown(&map, &settings).unwrap();
    assert!(!before.contains("## Feedback"));
    for (on, text) in [
        (
            Target::Node(NodeId::from("c3")),
            "Which quote shows the cost?",
        ),
        (
            Target::Link(LinkId::from("l9")),
            "Yes: this is the *contradiction*.",
        ),
    ] {
        let edits = ops::set_comment(&map, &on, text);
        apply_all(&mut map, edits).unwrap();
    }
    let md = warrant::export::markdown::map_to_markdown(&map, &settings).unwrap();
    let feedback = &md[md.find("## Feedback").unwrap()..];
    assert!(
        feedback.contains("- **On “A military answer, such as tactical nuclear missiles on the border, would leave Russia isolated, to its own cost.”:** Which quote shows the cost?"),
        "{feedback}"
    );
    assert!(feedback.contains("*contradicts*"), "{feedback}");
    assert!(
        feedback.contains(r"this is the \*contradiction\*."),
        "{feedback}"
    );
}
