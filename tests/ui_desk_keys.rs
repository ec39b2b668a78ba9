//! The student's desk with the keyboard (issue 17's follow-ups): Tab from a card goes to its
//! fields, two cards are selected and linked with keys alone, and actors are merged from one
//! calm menu. Keys only: no clicks, and the test never sets the focus itself.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use std::path::Path;
use warrant::model::{Actor, ActorId, Color, Map, NodeId, Point, Relation};
use warrant::ui::WarrantApp;

mod common;

fn small_map() -> Map {
    warrant::io::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/good-small.json"))
        .expect("the small test map loads")
}

fn focused(h: &Harness<'static, WarrantApp>, label: &str) -> bool {
    h.query_all_by_label(label)
        .any(|n| n.accesskit_node().is_focused())
}

fn press(h: &mut Harness<'static, WarrantApp>, modifiers: Modifiers, key: Key) {
    h.key_press_modifiers(modifiers, key);
    h.run();
}

/// Presses `key` until `label` has the focus; fails after `most` presses.
fn press_until(h: &mut Harness<'static, WarrantApp>, key: Key, label: &str, most: usize) -> usize {
    for n in 1..=most {
        press(h, Modifiers::NONE, key);
        if focused(h, label) {
            return n;
        }
    }
    panic!("{most} presses of {key:?} never reached “{label}”");
}

#[test]
fn a_misspelt_actor_is_merged_from_the_one_menu_with_the_keyboard() {
    let mut map = small_map();
    map.actors.push(Actor {
        id: ActorId("a2".into()),
        name: "Moskow".into(),
        color: Color::palette(1),
    });
    map.claims[1].actors = vec![ActorId("a2".into())];
    let mut h = common::app::harness(common::app::app_on(map, None));
    h.run();
    // The list is names and counts; the merge is one menu after it, not a button per name.
    assert!(h.query_by_label("Moscow (1)").is_some() && h.query_by_label("Moskow (1)").is_some());
    assert_eq!(
        h.query_all_by_label_contains("Merge").count(),
        1,
        "one merge menu"
    );

    // Into the inspector (Shift+F6: the article, then the inspector), on to the menu with Tab.
    press(&mut h, Modifiers::SHIFT, Key::F6);
    press(&mut h, Modifiers::SHIFT, Key::F6);
    assert!(focused(&h, "Map title"));
    press_until(&mut h, Key::Tab, "Merge actors…", 10);
    // Enter opens it; Down walks the names, Right opens one's list of the others.
    press(&mut h, Modifiers::NONE, Key::Enter);
    press_until(&mut h, Key::ArrowDown, "Merge Moskow into…", 4);
    press(&mut h, Modifiers::NONE, Key::ArrowRight);
    assert!(
        focused(&h, "Moscow"),
        "the list of the others, at its first"
    );
    press(&mut h, Modifiers::NONE, Key::Enter);

    let map = h.state().map();
    assert_eq!(map.actors.len(), 1, "{:?}", map.actors);
    assert_eq!(map.actors[0].name, "Moscow");
    assert!(
        map.claims
            .iter()
            .all(|c| c.actors == [ActorId("a1".into())])
    );
    assert_eq!(h.state().history().undo_label(), Some("Merge actors"));
    // One step: Undo brings the misspelt one back on its claim.
    press(&mut h, Modifiers::COMMAND, Key::Z);
    let map = h.state().map();
    assert_eq!(map.actors.len(), 2);
    assert_eq!(map.claims[1].actors, [ActorId("a2".into())]);
}

#[test]
fn tab_on_a_card_goes_to_its_fields_and_shift_tab_comes_back() {
    let mut h = common::app::harness(common::app::app_on(small_map(), None));
    h.run();
    // F6: the first card, focused and selected.
    press(&mut h, Modifiers::NONE, Key::F6);
    assert!(focused(&h, "Claim: NATO is obsolete"));
    press(&mut h, Modifiers::NONE, Key::Tab);
    assert!(
        focused(&h, "Claim text"),
        "Tab goes into the card's fields, not on to the next card"
    );
    assert!(!focused(&h, "Claim: NATO is a threat"));
    // Typing there edits the card that was focused.
    h.event(egui::Event::Text("!".into()));
    h.run();
    assert_eq!(h.state().map().claims[0].text, "NATO is obsolete!");
    // Shift+Tab from the first field is back on the card, which takes its keys again.
    press(&mut h, Modifiers::SHIFT, Key::Tab);
    assert!(focused(&h, "Claim: NATO is obsolete!"));
    // Tab onwards from the fields goes through them to who holds the claim.
    press(&mut h, Modifiers::NONE, Key::Tab);
    press_until(&mut h, Key::Tab, "New actor name", 8);
}

fn type_keys(h: &mut Harness<'static, WarrantApp>, text: &str) {
    h.event(egui::Event::Text(text.to_owned()));
    h.run();
}

/// The link between two cards, if there is one, and its relation.
fn relation(h: &Harness<'static, WarrantApp>, from: &str, to: &str) -> Option<Relation> {
    let map = h.state().map();
    map.links
        .iter()
        .find(|l| l.from.0 == from && l.to.0 == to)
        .map(|l| l.relation)
}

#[test]
fn two_cards_are_linked_with_the_keyboard_alone_in_each_relation() {
    let mut map = small_map();
    map.links.clear();
    let (_, edits) =
        warrant::edit::ops::add_claim(&map, "NATO is a partner", Point::new(600.0, 0.0));
    warrant::edit::apply_all(&mut map, edits).unwrap();
    let partner = map.claims[2].id.0.clone();
    let mut h = common::app::harness(common::app::app_on(map, None));
    h.run();

    // F6: the first card ("NATO is obsolete"), selected. L: which card? Typing finds it.
    press(&mut h, Modifiers::NONE, Key::F6);
    assert!(focused(&h, "Claim: NATO is obsolete"));
    press(&mut h, Modifiers::NONE, Key::L);
    assert!(
        focused(&h, "Find the card to link to"),
        "the search takes the keys"
    );
    type_keys(&mut h, "threat");
    press(&mut h, Modifiers::NONE, Key::Enter);
    // How are they related: the keys start on "supports"; Down to "opposes", Enter.
    assert!(focused(&h, "supports (is a reason for)"));
    press(&mut h, Modifiers::NONE, Key::ArrowDown);
    press(&mut h, Modifiers::NONE, Key::Enter);
    assert_eq!(relation(&h, "c1", "c2"), Some(Relation::Opposes));
    // The keys are back on the card the link starts at: a screen reader reads it with the new
    // link in its description.
    assert!(focused(&h, "Claim: NATO is obsolete"));
    let said = h
        .get_by_label("Claim: NATO is obsolete")
        .accesskit_node()
        .description();
    assert!(
        said.as_deref()
            .is_some_and(|d| d.contains("opposes: Claim: NATO is a threat")),
        "{said:?}"
    );

    // The new link is selected; Down goes on from the card it starts at to the quote under it
    // (the arrows move the selection, and the focus with it). L, and the nearest card is listed first: Enter takes
    // it, Enter again says it supports.
    press(&mut h, Modifiers::NONE, Key::ArrowDown);
    assert_eq!(h.state().selection().nodes, [NodeId("q1".into())]);
    // The focus went along: the quote is read out.
    let quote = h.state().map().quotes[0].anchor.exact.clone();
    assert!(focused(&h, &format!("Quote: {quote}")));
    press(&mut h, Modifiers::NONE, Key::L);
    press(&mut h, Modifiers::NONE, Key::Enter);
    press(&mut h, Modifiers::NONE, Key::Enter);
    assert_eq!(relation(&h, "q1", "c1"), Some(Relation::Supports));

    // Up to the claim, Right along its link to "NATO is a threat"; it contradicts the partner.
    press(&mut h, Modifiers::NONE, Key::ArrowUp);
    press(&mut h, Modifiers::NONE, Key::ArrowRight);
    assert_eq!(h.state().selection().nodes, [NodeId("c2".into())]);
    press(&mut h, Modifiers::NONE, Key::L);
    type_keys(&mut h, "partn");
    press(&mut h, Modifiers::NONE, Key::Enter);
    press(&mut h, Modifiers::NONE, Key::ArrowDown);
    press(&mut h, Modifiers::NONE, Key::ArrowDown);
    assert!(focused(&h, "contradicts (they cannot both be true)"));
    press(&mut h, Modifiers::NONE, Key::Enter);
    assert_eq!(relation(&h, "c2", &partner), Some(Relation::Contradicts));
    assert_eq!(h.state().map().links.len(), 3, "nothing else was linked");

    // Esc in the search leaves the map as it was.
    press(&mut h, Modifiers::NONE, Key::L);
    press(&mut h, Modifiers::NONE, Key::Escape);
    assert!(h.query_by_label("Find the card to link to").is_none());
    assert_eq!(h.state().map().links.len(), 3);

    // Help's key table says so.
    h.state_mut().push(warrant::ui::Command::ShowHelp);
    h.run();
    // (The command runs after the frame that took it: the dialog shows in the next.)
    h.run();
    assert!(
        h.query_by_label_contains("with one, choose the other by typing")
            .is_some()
    );
}
