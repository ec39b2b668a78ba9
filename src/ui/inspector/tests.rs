//! The inspector alone on a bench: its harness, and what it does with a claim's text and its
//! links (the actor and tag tests are in `facet.rs`).

use super::{InspectorCtx, InspectorState, inspector_ui};
use crate::edit::{Edit, Item};
use crate::ui::app::Selection;
use crate::ui::command::Command;
use crate::ui::panel_bench::{Bench, id, small_map};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// The inspector alone, on the small map, with `c1` selected.
pub(super) fn harness() -> Harness<'static, Bench<InspectorState>> {
    let mut bench = Bench::new(small_map(), InspectorState::default());
    bench.selection = Selection::one(id("c1"));
    bench.harness(egui::vec2(320.0, 700.0), |ui, b, out| {
        let cx = InspectorCtx {
            map: &b.map,
            selection: &b.selection,
            problems: &[],
            checking: false,
        };
        inspector_ui(ui, &cx, &mut b.state, out);
    })
}

#[test]
fn typing_a_claims_text_submits_one_mergeable_edit_and_leaving_ends_it() {
    let mut h = harness();
    h.run();
    h.get_by_label("Claim text").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Claim text")
        .type_text("NATO has outlived its purpose");
    h.run();
    let edit = h.state().sent.iter().find_map(|c| match c {
        Command::Submit {
            label: "Edit text",
            merge,
            edits,
        } => Some((merge.clone(), edits.clone())),
        _ => None,
    });
    let (merge, edits) = edit.expect("typing sends the edit");
    assert_eq!(merge.as_deref(), Some("text c1"), "typing merges per field");
    let [Edit::Replace(Item::Claim(c))] = edits.as_slice() else {
        panic!("one claim replaced: {edits:?}");
    };
    assert_eq!(c.text, "NATO has outlived its purpose");
    assert_eq!(
        h.state().map.claim(&id("c1")).unwrap().text,
        "NATO has outlived its purpose"
    );
    assert!(!h.state().sent.contains(&Command::Seal));
    // Leaving the field ends the undo step.
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(h.state().sent.last(), Some(&Command::Seal));
}

#[test]
fn an_actor_from_the_menu_is_added_and_a_link_clicked_is_selected() {
    let mut map = small_map();
    map.claims[0].actors.clear();
    let mut h = harness();
    h.state_mut().map = map;
    h.run();
    assert!(h.query_by_label("Moscow  ×").is_none());
    h.get_by_label("Add actor").click();
    h.run();
    h.get_by_label("Moscow").click();
    h.run();
    assert_eq!(h.state().submitted(), ["Add actor"]);
    assert_eq!(
        h.state().map.claim(&id("c1")).unwrap().actors,
        [crate::model::ActorId("a1".into())]
    );
    assert!(h.query_by_label("Moscow  ×").is_some(), "shown as a chip");
    // The links list: "contradicts NATO is a threat" selects the link.
    h.get_by_label("contradicts NATO is a threat").click();
    h.run();
    assert_eq!(
        h.state().selection,
        Selection {
            nodes: Vec::new(),
            link: Some(crate::model::LinkId("l2".into())),
        }
    );
    assert!(h.query_by_label("Reverse direction").is_none());
    assert!(
        h.query_by_label("Delete link").is_some(),
        "the link is shown"
    );
}

#[test]
fn the_map_view_says_while_the_quotes_are_being_checked() {
    for checking in [true, false] {
        let bench = Bench::new(small_map(), InspectorState::default());
        let mut h = bench.harness(egui::vec2(320.0, 700.0), move |ui, b, out| {
            let cx = InspectorCtx {
                map: &b.map,
                selection: &b.selection,
                problems: &[],
                checking,
            };
            inspector_ui(ui, &cx, &mut b.state, out);
        });
        // (A spinner asks for frames forever: one is enough.)
        h.step();
        assert_eq!(h.query_by_label("checking the quotes…").is_some(), checking);
    }
}
