//! The student's whole loop with the keyboard alone (issue 17): new map, add an article, select
//! a passage with Shift and the arrows, quote it, write a claim it supports, name who holds the
//! claim, save. Keys only — no clicks, no focus set by the test: F6 and Tab move the focus as they
//! would for a student. The typed-path prompt stands in for the native file dialog.

use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use warrant::model::Relation;
use warrant::ui::WarrantApp;

mod common;
use common::app::started;
use common::small_map;
use common::steps::{focused, press};

const ARTICLE: &str = "NATO is a relic of the Cold War, Russian officials said on Monday.\n\n\
Western diplomats answered that the alliance had never been stronger.\n";

/// More Tabs than any control is away from another: the focus must get there before this.
const MAX_TABS: usize = 120;

/// Presses Tab until the control named `label` has the focus; returns how many it took.
fn tab_to(h: &mut Harness<'static, WarrantApp>, label: &str) -> usize {
    tab_until(h, label, Modifiers::NONE)
}

fn tab_until(h: &mut Harness<'static, WarrantApp>, label: &str, modifiers: Modifiers) -> usize {
    for n in 1..=MAX_TABS {
        h.key_press_modifiers(modifiers, Key::Tab);
        h.run();
        if focused(h, label) {
            return n;
        }
    }
    panic!("{MAX_TABS} Tabs never reached “{label}”");
}

/// Presses F6 (next panel: map, inspector, article) until `label` has the focus; returns how
/// many it took.
fn f6_to(h: &mut Harness<'static, WarrantApp>, label: &str) -> usize {
    for n in 1..=4 {
        press(h, Modifiers::NONE, Key::F6);
        if focused(h, label) {
            return n;
        }
    }
    panic!("F6 never reached “{label}”");
}

fn type_keys(h: &mut Harness<'static, WarrantApp>, text: &str) {
    h.event(Event::Text(text.to_owned()));
    h.run();
}

#[test]
fn the_whole_loop_with_the_keyboard_alone() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("relic.txt");
    std::fs::write(&article, ARTICLE).unwrap();
    let saved = dir.path().join("homework.warrant");
    let mut h = started(small_map(), Some(dir.path()));

    // A new, empty map; then the article, through the path prompt (focused as it opens).
    press(&mut h, Modifiers::COMMAND, Key::N);
    assert!(h.state().map().claims.is_empty(), "a new map");
    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::A);
    assert!(focused(&h, "File path"), "the prompt takes the keys");
    // It starts with a folder: replace it.
    press(&mut h, Modifiers::COMMAND, Key::A);
    type_keys(&mut h, &article.display().to_string());
    press(&mut h, Modifiers::NONE, Key::Enter);
    assert_eq!(h.state().map().sources.len(), 1, "the article was added");
    let title = h.state().map().sources[0].title.clone();

    // A claim, written on its card.
    press(&mut h, Modifiers::NONE, Key::C);
    type_keys(&mut h, "NATO has had its day");
    press(&mut h, Modifiers::NONE, Key::Enter);
    assert_eq!(h.state().map().claims.len(), 1);

    // To the article with F6 (next panel); "NATO is a relic" selected from the caret with
    // Shift+Right; quoted. The quote supports the claim selected.
    let reader = format!("Article text: {title}");
    let f6_to_reader = f6_to(&mut h, &reader);
    for _ in 0.."NATO is a relic".len() {
        press(&mut h, Modifiers::SHIFT, Key::ArrowRight);
    }
    press(&mut h, Modifiers::COMMAND, Key::E);
    assert_eq!(h.state().map().quotes.len(), 1, "quoted");

    // Back to the claim card (focused, it is selected); Tab goes on into its fields in the
    // inspector, and on to who holds it.
    let tabs_to_claim = tab_to(&mut h, "Claim: NATO has had its day");
    assert_eq!(
        tab_to(&mut h, "Claim text"),
        1,
        "the card's Tab: its fields"
    );
    let tabs_to_actor = 1 + tab_to(&mut h, "New actor name");
    type_keys(&mut h, "Russian officials");
    press(&mut h, Modifiers::NONE, Key::Enter);

    // Saved under a typed name.
    press(&mut h, Modifiers::COMMAND, Key::S);
    assert!(focused(&h, "File path"), "the save prompt takes the keys");
    press(&mut h, Modifiers::COMMAND, Key::A);
    type_keys(&mut h, &saved.display().to_string());
    press(&mut h, Modifiers::NONE, Key::Enter);
    eprintln!(
        "F6 {f6_to_reader}× to the reader; Tabs: {tabs_to_claim} to the claim, {tabs_to_actor} to the actor field"
    );

    let map = warrant::io::load(&saved).expect("the map was saved");
    assert_eq!(map.sources.len(), 1);
    let [claim] = map.claims.as_slice() else {
        panic!("one claim: {:?}", map.claims);
    };
    assert_eq!(claim.text, "NATO has had its day");
    let [quote] = map.quotes.as_slice() else {
        panic!("one quote: {:?}", map.quotes);
    };
    assert_eq!(quote.anchor.exact, "NATO is a relic");
    assert_eq!((quote.anchor.start, quote.anchor.end), (0, 15));
    let [link] = map.links.as_slice() else {
        panic!("one link: {:?}", map.links);
    };
    assert_eq!(
        (&link.from, &link.to, link.relation),
        (&quote.id, &claim.id, Relation::Supports)
    );
    let [actor] = map.actors.as_slice() else {
        panic!("one actor: {:?}", map.actors);
    };
    assert_eq!(actor.name, "Russian officials");
    assert_eq!(claim.actors, std::slice::from_ref(&actor.id));
    assert!(!h.state().is_dirty(), "nothing left unsaved");
}
