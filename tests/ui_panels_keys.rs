//! F6 and Shift+F6 move the keyboard focus between the window's main regions (issue 17): the
//! map's selected card, the inspector's first field, the article's text, and round again —
//! instead of some thirty Tabs from the map to the article. Checked on the accessibility tree.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use warrant::model::NodeId;
use warrant::ui::{Selection, WarrantApp};

mod common;
use common::app::started;
use common::small_map;
use common::steps::{focused, press};

const CARD: &str = "Claim: NATO is a threat";
const FIELD: &str = "Claim text";
const ARTICLE: &str = "Article text: A short text";

/// The small map in the window with “NATO is a threat” selected, nothing focused.
fn threat_selected() -> Harness<'static, WarrantApp> {
    let mut app = common::app::app_on(small_map(), None);
    app.select(Selection::one(NodeId("c2".into())));
    let mut h = common::app::harness(app);
    h.run();
    h
}

#[test]
fn f6_goes_from_the_card_to_the_inspector_to_the_article_and_shift_f6_back() {
    let mut h = threat_selected();
    assert!(!focused(&h, CARD) && !focused(&h, FIELD) && !focused(&h, ARTICLE));

    // Nothing has the focus: F6 starts on the map, at the selected card.
    press(&mut h, Modifiers::NONE, Key::F6);
    assert!(focused(&h, CARD), "the selected card has the focus");
    press(&mut h, Modifiers::NONE, Key::F6);
    assert!(
        focused(&h, FIELD),
        "the inspector's first field has the focus"
    );
    assert!(!focused(&h, CARD));
    // A text field keeps most keys, but not F6.
    press(&mut h, Modifiers::NONE, Key::F6);
    assert!(focused(&h, ARTICLE), "the article's text has the focus");
    assert!(!focused(&h, FIELD));

    press(&mut h, Modifiers::SHIFT, Key::F6);
    assert!(focused(&h, FIELD), "Shift+F6 goes back to the inspector");
    press(&mut h, Modifiers::SHIFT, Key::F6);
    assert!(focused(&h, CARD), "and back to the card");
    // Round the window: before the map is the reader.
    press(&mut h, Modifiers::SHIFT, Key::F6);
    assert!(focused(&h, ARTICLE), "before the map comes the article");
    press(&mut h, Modifiers::NONE, Key::F6);
    assert!(focused(&h, CARD), "after the article comes the map again");

    // Moving the focus is not an edit, and the selection stayed.
    assert!(!h.state().is_dirty());
    assert_eq!(h.state().selection(), &Selection::one(NodeId("c2".into())));
}

#[test]
fn with_nothing_selected_f6_focuses_and_selects_the_first_card() {
    let mut h = started(small_map(), None);
    press(&mut h, Modifiers::NONE, Key::F6);
    assert!(focused(&h, "Claim: NATO is obsolete"));
    assert_eq!(
        h.state().selection(),
        &Selection::one(NodeId("c1".into())),
        "the focused card is the selected one, as with Tab"
    );
    // With nothing selected, the inspector shows the map: its first field is the title.
    let mut h = started(small_map(), None);
    press(&mut h, Modifiers::SHIFT, Key::F6);
    press(&mut h, Modifiers::SHIFT, Key::F6);
    assert!(
        focused(&h, "Map title"),
        "Shift+F6 twice: reader, then inspector"
    );
}

#[test]
fn a_hidden_panel_is_passed_over() {
    let mut h = threat_selected();
    h.state_mut()
        .push(warrant::ui::Command::ShowInspector(false));
    h.run();
    press(&mut h, Modifiers::NONE, Key::F6);
    press(&mut h, Modifiers::NONE, Key::F6);
    assert!(focused(&h, ARTICLE), "from the map straight to the article");
}

#[test]
fn a_card_reached_with_f6_takes_the_single_key_shortcuts() {
    let mut h = threat_selected();
    press(&mut h, Modifiers::NONE, Key::F6);
    assert!(focused(&h, CARD));
    // Delete with the card focused deletes it, as it does after a click.
    press(&mut h, Modifiers::NONE, Key::Delete);
    assert!(
        h.state().map().node(&NodeId("c2".into())).is_none(),
        "the card is deleted"
    );
    assert!(h.state().is_dirty());
}
