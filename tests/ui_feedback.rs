//! A teacher's feedback on a student's map (issue 15, point 4), driven through the real app by
//! accessibility labels: a comment written, changed and undone in the inspector, its badge as a
//! screen reader hears it, and the Feedback list that takes the teacher back to it.
#![allow(clippy::unwrap_used)]

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use warrant::model::{LinkId, Map, NodeId, Target};
use warrant::ui::WarrantApp;

mod common;
use common::app::started;
use common::small_map;

fn comments_on(app: &WarrantApp, on: &Target) -> Vec<String> {
    app.map().comments_on(on).map(|c| c.text.clone()).collect()
}

/// Types `text` into the focused field one key at a time, as a teacher does.
fn type_slowly(h: &mut Harness<'static, WarrantApp>, label: &str, text: &str) {
    for c in text.chars() {
        h.get_by_label(label).type_text(&c.to_string());
        h.run();
    }
}

#[test]
fn a_comment_is_written_changed_and_undone_and_its_badge_is_described() {
    let mut h = started(small_map(), None);
    let on = Target::Node(NodeId::from("c1"));
    h.get_by_label("Claim: NATO is obsolete").click();
    h.run();
    h.get_by_label("Comment text").focus();
    h.run();
    // Spaces between words survive typing key by key (the map keeps the comment trimmed).
    type_slowly(&mut h, "Comment text", "Which quote?");
    assert_eq!(comments_on(h.state(), &on), ["Which quote?"]);
    assert_eq!(
        h.state().history().undo_label(),
        Some("Add comment"),
        "typing is one undo step"
    );
    h.key_press(Key::Escape);
    h.run();
    // The card's badge, as a screen reader hears it.
    let card = h.get_by_label("Claim: NATO is obsolete");
    let description = card.accesskit_node().description().unwrap_or_default();
    assert!(
        description.ends_with("1 comment from the teacher"),
        "{description}"
    );

    // A second burst of typing changes it, as a step of its own.
    h.get_by_label("Claim: NATO is obsolete").click();
    h.run();
    h.get_by_label("Comment text").focus();
    h.run();
    h.key_press(Key::End);
    type_slowly(&mut h, "Comment text", " Cite it.");
    assert_eq!(comments_on(h.state(), &on), ["Which quote? Cite it."]);
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(comments_on(h.state(), &on), ["Which quote?"]);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(comments_on(h.state(), &on).is_empty());
    let card = h.get_by_label("Claim: NATO is obsolete");
    let description = card.accesskit_node().description().unwrap_or_default();
    assert!(!description.contains("comment"), "{description}");
    assert!(h.query_by_label("Delete comment").is_none());
}

#[test]
fn the_feedback_list_selects_what_a_comment_is_on_and_delete_takes_it_out() {
    let mut map = small_map();
    let link = map.links[0].id.clone();
    for (on, text) in [
        (Target::Node(NodeId::from("c2")), "Who says so?"),
        (
            Target::Link(link.clone()),
            "Good: the two cannot both hold.",
        ),
    ] {
        let edits = warrant::edit::ops::set_comment(&map, &on, text);
        warrant::edit::apply_all(&mut map, edits).unwrap();
    }
    let mut h = started(map, None);
    h.get_by_label("Findings").click();
    h.run();
    assert!(h.query_by_label("Feedback (2)").is_some());
    h.get_by_label("On NATO is a threat").click();
    h.run();
    assert_eq!(h.state().selection().nodes, [NodeId::from("c2")]);
    let l = h.state().map().link(&link).unwrap().clone();
    let on_link = format!(
        "On {} {} {}",
        card_words(h.state().map(), &l.from),
        l.relation.as_str(),
        card_words(h.state().map(), &l.to)
    );
    h.get_by_label(&on_link).click();
    h.run();
    assert_eq!(
        h.state().selection().link,
        Some(LinkId::from(link.as_str()))
    );
    // The link is described with its comment too.
    let described = h
        .get_all_by_role(egui::accesskit::Role::Link)
        .filter(|n| {
            n.accesskit_node().description().as_deref() == Some("1 comment from the teacher")
        })
        .count();
    assert_eq!(described, 1, "the commented link on the canvas");
    // Back in the inspector, the link's comment is shown and can be deleted.
    h.get_by_label("Inspector").click();
    h.run();
    h.get_by_label("Delete comment").click();
    h.run();
    assert!(comments_on(h.state(), &Target::Link(link)).is_empty());
    assert_eq!(h.state().map().comments.len(), 1);
}

fn card_words(map: &Map, id: &NodeId) -> String {
    map.claim(id).map_or_else(
        || format!("“{}”", map.quote(id).unwrap().anchor.exact),
        |c| c.text.clone(),
    )
}

/// The small map with two comments on "NATO is obsolete" (a file may hold several).
fn map_with_two_comments() -> (Map, Target) {
    let mut map = small_map();
    let on = Target::Node(NodeId::from("c1"));
    for text in ["Which quote?", "Who says so?"] {
        let edits = warrant::edit::ops::add_comment(&map, &on, text);
        warrant::edit::apply_all(&mut map, edits).unwrap();
    }
    (map, on)
}

/// Leaves the field with Escape (which also clears the selection), and selects the card again.
fn leave_field(h: &mut Harness<'static, WarrantApp>) {
    h.key_press(Key::Escape);
    h.run();
    h.get_by_label("Claim: NATO is obsolete").click();
    h.run();
}

#[test]
fn every_comment_on_a_card_is_shown_edited_and_deleted_and_another_is_added() {
    let (map, on) = map_with_two_comments();
    let mut h = started(map, None);
    h.run();
    h.get_by_label("Claim: NATO is obsolete").click();
    h.run();
    assert!(h.query_by_label("Teacher's comments (2)").is_some());
    assert_eq!(
        h.get_by_label("Comment 2 text").value().as_deref(),
        Some("Who says so?"),
        "the second comment is shown, not only the first"
    );

    // The second one is changed: one undo step for the burst.
    h.get_by_label("Comment 2 text").focus();
    h.run();
    h.key_press(Key::End);
    type_slowly(&mut h, "Comment 2 text", " Name them.");
    leave_field(&mut h);
    assert_eq!(
        comments_on(h.state(), &on),
        ["Which quote?", "Who says so? Name them."]
    );
    assert_eq!(h.state().history().undo_label(), Some("Edit comment"));

    // Another is added, in a field of its own that keeps the focus while it is written.
    h.get_by_label("Add another comment").click();
    h.run();
    assert!(h.get_by_label("New comment text").is_focused());
    type_slowly(&mut h, "New comment text", "G");
    // Now a comment of the list, in the same field: the cursor stays in it.
    assert!(h.get_by_label("Comment 3 text").is_focused());
    type_slowly(&mut h, "Comment 3 text", "ood start.");
    assert_eq!(comments_on(h.state(), &on).last().unwrap(), "Good start.");
    assert_eq!(h.state().history().undo_label(), Some("Add comment"));
    leave_field(&mut h);
    assert_eq!(comments_on(h.state(), &on).len(), 3);
    assert!(h.query_by_label("Comment 3 text").is_some());
    assert!(h.query_by_label("New comment text").is_none());

    // Any one can be deleted: the first here.
    h.get_by_label("Delete comment 1").click();
    h.run();
    assert_eq!(
        comments_on(h.state(), &on),
        ["Who says so? Name them.", "Good start."]
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(comments_on(h.state(), &on).len(), 3, "undo brings it back");
}

#[test]
fn a_comment_cleared_stays_while_rewritten_and_goes_when_left_blank() {
    let (map, on) = map_with_two_comments();
    let mut h = started(map, None);
    h.run();
    h.get_by_label("Claim: NATO is obsolete").click();
    h.run();
    h.get_by_label("Comment 1 text").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.key_press(Key::Backspace);
    h.run();
    // Blank while focused: the field stays (its comment too, until the field is left).
    assert_eq!(
        h.get_by_label("Comment 1 text").value().as_deref(),
        Some("")
    );
    type_slowly(&mut h, "Comment 1 text", "Cite it.");
    assert_eq!(comments_on(h.state(), &on), ["Cite it.", "Who says so?"]);
    leave_field(&mut h);
    assert_eq!(h.state().history().undo_label(), Some("Edit comment"));

    // Cleared and left: the comment goes, as one step with the clearing.
    h.get_by_label("Comment 1 text").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.key_press(Key::Backspace);
    h.run();
    leave_field(&mut h);
    assert_eq!(comments_on(h.state(), &on), ["Who says so?"]);
    assert!(h.query_by_label("Teacher's comment").is_some());
    assert_eq!(
        h.get_by_label("Comment text").value().as_deref(),
        Some("Who says so?")
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(comments_on(h.state(), &on), ["Cite it.", "Who says so?"]);

    // Cleared, then its Delete button pressed: deleted once, with no error.
    h.get_by_label("Comment 1 text").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.key_press(Key::Backspace);
    h.run();
    h.get_by_label("Delete comment 1").click();
    h.run();
    assert_eq!(comments_on(h.state(), &on), ["Who says so?"]);
    assert_eq!(h.state().dialogs().error, None);
}

#[test]
fn a_rubric_note_runs_to_several_lines_as_one_undo_step() {
    let mut h = started(small_map(), None);
    h.run();
    h.get_by_label("Findings").click();
    h.run();
    h.get_by_label("Rubric (3 of 4 met)").click();
    h.run();
    let field = "Note on Every claim has evidence";
    let height = h.get_by_label(field).rect().height();
    h.get_by_label(field).focus();
    h.run();
    type_slowly(&mut h, field, "Good work.");
    h.key_press(Key::Enter);
    h.run();
    type_slowly(&mut h, field, "c2 still lacks a quote.");
    let note = |h: &Harness<'static, WarrantApp>| {
        h.state()
            .map()
            .rubric_mark("evidence")
            .map(|m| m.note.clone())
    };
    assert_eq!(
        note(&h).as_deref(),
        Some("Good work.\nc2 still lacks a quote.")
    );
    // Past its three rows the field grows with the note.
    for line in ["One.", "Two.", "Three."] {
        h.key_press(Key::Enter);
        type_slowly(&mut h, field, line);
    }
    assert!(
        h.get_by_label(field).rect().height() > height * 1.4,
        "{height} → {}",
        h.get_by_label(field).rect().height()
    );
    assert_eq!(h.state().history().undo_label(), Some("Rubric note"));
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(note(&h), None, "one undo takes the whole burst back");
}
