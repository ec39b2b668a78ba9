//! The findings panel alone on a bench: clicking a finding, a stale analysis, and the names a
//! screen reader reads.

use super::{Findings, FindingsCtx, findings_ui};
use crate::ui::app::Selection;
use crate::ui::command::Command;
use crate::ui::panel_bench::{Bench, id, small_map};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

/// The findings panel alone, on `map`; the analysis cached is of revision 0 and the map is
/// at `revision`.
fn harness(map: crate::model::Map, revision: u64) -> Harness<'static, Bench<Findings>> {
    let mut findings = Findings::default();
    findings.of(&map, 0);
    Bench::new(map, findings).harness(egui::vec2(320.0, 900.0), move |ui, b, out| {
        let cx = FindingsCtx {
            map: &b.map,
            revision,
            findings: &b.state,
        };
        findings_ui(ui, &cx, out);
    })
}

/// The name a screen reader reads for the small map's contradiction.
const CONTRADICTION: &str =
    "contradiction: “NATO is obsolete” vs “NATO is a threat”, both held by Moscow";

#[test]
fn clicking_a_contradiction_selects_and_frames_both_claims() {
    let map = small_map();
    let mut h = harness(map, 0);
    h.run();
    assert!(h.query_by_label("analysing…").is_none());
    h.get_by_role_and_label(egui::Role::Link, CONTRADICTION)
        .click();
    h.run();
    let both = vec![id("c1"), id("c2")];
    assert_eq!(
        h.state().sent,
        [
            Command::Select(Selection {
                nodes: both.clone(),
                link: None
            }),
            Command::Frame(both)
        ]
    );
}

#[test]
fn a_stale_analysis_stays_readable_while_the_new_one_is_computed() {
    let mut h = harness(small_map(), 1);
    h.run_steps(2);
    assert!(h.query_by_label("analysing…").is_some());
    assert!(h.query_by_label(CONTRADICTION).is_some());
}

#[test]
fn every_finding_row_is_a_link_a_screen_reader_can_read() {
    let mut map = small_map();
    // Two holders apart: each claim's is named.
    map.actors.push(crate::model::Actor {
        id: crate::model::ActorId("a2".into()),
        name: "Russian officials".into(),
        color: crate::model::Color::palette(1),
    });
    map.claims[1].actors = vec![crate::model::ActorId("a2".into())];
    let mut h = harness(map, 0);
    h.run();
    // Evidence gaps and what stands are folded: open them.
    h.get_by_label_contains("Evidence gaps").click();
    h.run();
    h.get_by_label("What stands").click();
    h.run();
    for name in [
        "contradiction: “NATO is obsolete” vs “NATO is a threat”, the first held by Moscow, \
         the second held by Russian officials",
        "evidence gap: claim “NATO is a threat” has no supporting quote",
        "open: “NATO is obsolete” and “NATO is a threat” cannot both be true, and nothing in \
         the map settles which: which would you keep, and why?",
    ] {
        let links: Vec<String> = h
            .get_all_by_role(egui::Role::Link)
            .filter_map(|n| n.accesskit_node().label())
            .collect();
        assert!(
            h.query_by_role_and_label(egui::Role::Link, name).is_some(),
            "no link named {name}: {links:#?}"
        );
    }
}

#[test]
fn an_actor_holding_both_sides_is_named_as_such() {
    let mut h = harness(small_map(), 0);
    h.run();
    assert!(
        h.query_by_role_and_label(
            egui::Role::Link,
            "inconsistent actor: Moscow holds both “NATO is obsolete” and “NATO is a threat”"
        )
        .is_some()
    );
}

#[test]
fn moved_quotes_get_their_offsets_updated_in_one_edit() {
    let mut map = small_map();
    // The article gained a first line: the quote's passage is further on now.
    let text = format!("Opinion.\n{}", map.sources[0].text);
    map.sources[0].text = text;
    let start = map.quotes[0].anchor.start;
    let mut h = harness(map, 0);
    h.run();
    h.get_by_label("Update the offsets of 1 moved quotes")
        .click();
    h.run();
    assert_eq!(h.state().submitted(), ["Update quote offsets"]);
    assert_eq!(h.state().map.quotes[0].anchor.start, start + 9);
}
