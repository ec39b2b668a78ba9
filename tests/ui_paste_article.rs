//! File → Paste article… in the window (`egui_kittest`, through accessibility labels on the real
//! app state): the clipboard's text becomes an article with the title typed or guessed, undone in
//! one step; empty text is refused and Cancel changes nothing.

#![allow(clippy::unwrap_used)] // tests: failing loudly is right

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use warrant::model::Map;
use warrant::ui::WarrantApp;

mod common;
use common::app::started;

const ARTICLE: &str = "The ferry question\n\nBoth councils will debate the proposal next month.\n\n\
                       “A crossing nobody can afford to run is worse than none,” said Tomas Lind.\n";

/// The window's answer to the dialog's request for the clipboard: the clipboard's text, pasted
/// into the field that has the focus.
fn clipboard_holds(h: &mut Harness<'static, WarrantApp>, text: &str) {
    h.input_mut()
        .events
        .push(egui::Event::Paste(text.to_owned()));
    h.run();
}

#[test]
fn pasted_text_becomes_an_article_with_its_title_and_undo_removes_it() {
    let mut h = started(Map::new("Homework"), None);
    h.get_by_label("File").click();
    h.run();
    // The menu item's label carries its shortcut too.
    h.get_by_label_contains("Paste article…").click();
    h.run();
    // The text box has the focus as the dialog opens, so the clipboard's text lands in it.
    clipboard_holds(&mut h, ARTICLE);
    h.get_by_label("Pasted article title").focus();
    h.run();
    h.get_by_label("Pasted article title")
        .type_text("Ferry link: the councils' debate");
    h.run();
    h.get_by_label("OK").click();
    h.run();

    let sources = &h.state().map().sources;
    assert_eq!(sources.len(), 1);
    assert_eq!(sources[0].title, "Ferry link: the councils' debate");
    assert_eq!(sources[0].text, ARTICLE);
    assert!(h.query_by_label("Pasted article text").is_none(), "closed");
    assert!(
        h.query_by_label_contains("Article text: Ferry link: the councils' debate")
            .is_some(),
        "the reader shows the new article"
    );

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(h.state().map().sources.is_empty(), "undo takes it back");
}

#[test]
fn the_title_is_guessed_when_left_empty_and_the_text_can_be_typed_into() {
    let mut h = started(Map::new("Homework"), None);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::V);
    h.run();
    clipboard_holds(&mut h, ARTICLE);
    h.get_by_label("Pasted article text")
        .type_text("Added by hand.");
    h.run();
    h.get_by_label("OK").click();
    h.run();
    let s = &h.state().map().sources[0];
    assert_eq!(s.title, "The ferry question");
    assert_eq!(s.text, format!("{ARTICLE}Added by hand."));
}

#[test]
fn empty_text_is_refused_and_cancel_changes_nothing() {
    let mut h = started(Map::new("Homework"), None);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::V);
    h.run();
    h.get_by_label("Pasted article title").focus();
    h.run();
    h.get_by_label("Pasted article title")
        .type_text("A title alone");
    h.run();
    h.get_by_label("OK").click();
    h.run();
    assert!(h.state().map().sources.is_empty());
    assert!(
        h.query_by_label_contains("There is no text to add")
            .is_some(),
        "says why"
    );
    assert!(
        h.query_by_label("Pasted article text").is_some(),
        "still open"
    );

    // Text that is only spaces is no better.
    h.get_by_label("Pasted article text").focus();
    h.run();
    clipboard_holds(&mut h, "   \n\n  ");
    h.get_by_label("OK").click();
    h.run();
    assert!(h.state().map().sources.is_empty());

    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.query_by_label("Pasted article text").is_none(), "closed");
    assert!(h.state().map().sources.is_empty());
    assert!(!h.state().history().can_undo(), "no step to undo");
}
