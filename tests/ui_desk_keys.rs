//! The student's desk with the keyboard (issue 17's follow-ups): Tab from a card goes to its
//! fields, two cards are selected and linked with keys alone, and actors are merged from one
//! calm menu. Keys only: no clicks, and the test never sets the focus itself.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use std::path::Path;
use warrant::model::{Actor, ActorId, Color, Map};
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
