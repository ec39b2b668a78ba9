use super::{CompareCtx, ComparePanel, compare_panel_ui};
use crate::edit::{apply_all, ops};
use crate::model::{LinkId, Map, NodeId, Point};
use crate::ui::app::Selection;
use crate::ui::command::Command;
use crate::ui::panel_bench::Bench;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn golz() -> Map {
    crate::io::map_from_json(
        include_bytes!("../../../maps/golz-1996-why-not-join-nato.json"),
        std::path::Path::new("golz.json"),
    )
    .unwrap()
}

/// A student's map of the Golz article: the last passage not quoted, a claim of their own, and
/// the reference's first link between claims the wrong way round.
fn student() -> (Map, NodeId) {
    let mut map = golz();
    map.title = "Ann".into();
    let edits = ops::delete_nodes(&map, &[NodeId::from("q30")]);
    apply_all(&mut map, edits).unwrap();
    let (own, edits) = ops::add_claim(
        &map,
        "Students like long walks on sunny beaches",
        Point::default(),
    );
    apply_all(&mut map, edits).unwrap();
    (map, own)
}

/// The panel alone on the student's map, the Golz map as reference; the map is at content
/// revision `state.1`.
fn harness(map: Map) -> Harness<'static, Bench<(ComparePanel, u64)>> {
    harness_with(map, false)
}

/// The same, comparing on a worker thread as the window does when `background`.
fn harness_with(map: Map, background: bool) -> Harness<'static, Bench<(ComparePanel, u64)>> {
    let mut panel = ComparePanel::default();
    panel.set_background(background);
    panel.set_reference("golz.json".into(), None, golz());
    Harness::builder()
        .with_size(egui::vec2(1200.0, 700.0))
        .build_ui_state(
            |ui, b: &mut Bench<(ComparePanel, u64)>| {
                let mut out = Vec::new();
                let cx = CompareCtx {
                    map: &b.map,
                    revision: b.state.1,
                    path: None,
                };
                compare_panel_ui(ui, &cx, &mut b.state.0, &mut out);
                b.run(out);
            },
            Bench::new(map, (panel, 0)),
        )
}

#[test]
fn the_comparison_is_computed_once_per_reference_and_content_revision() {
    let (map, _) = student();
    let mut h = harness(map);
    h.run_steps(5);
    assert_eq!(h.state().state.0.runs(), 1);
    h.state_mut().state.1 = 1;
    h.run_steps(3);
    assert_eq!(h.state().state.0.runs(), 2);
    h.state_mut()
        .state
        .0
        .set_reference("again.json".into(), None, golz());
    h.run_steps(3);
    assert_eq!(h.state().state.0.runs(), 3);
}

/// Runs frames until the panel holds the comparison of the map as it is now. The bound is in
/// frames, generous: comparing these maps takes milliseconds.
fn until_compared(h: &mut Harness<'static, Bench<(ComparePanel, u64)>>) {
    for _ in 0..20_000 {
        let revision = h.state().state.1;
        if h.state().state.0.is_current(revision) {
            h.run();
            return;
        }
        h.step();
        std::thread::yield_now();
    }
    panic!("the comparison never arrived from the worker thread");
}

#[test]
fn on_a_worker_the_panel_fills_in_when_the_comparison_arrives_and_follows_an_edit() {
    let (map, own) = student();
    let mut h = harness_with(map, true);
    h.step();
    // The first frame sends the job; until its result is in (the thread may be quick), the
    // panel says it is comparing and has nothing to show.
    if !h.state().state.0.is_current(0) {
        assert!(h.query_by_label("comparing…").is_some());
        assert!(h.query_by_label(OWN_CLAIM).is_none(), "nothing to show yet");
    }
    until_compared(&mut h);
    assert!(h.query_by_label("comparing…").is_none());
    assert!(
        h.query_by_label(OWN_CLAIM).is_some(),
        "the added claim is listed"
    );
    assert!(h.query_by_label_contains("1 added").is_some());

    // The student writes another claim of their own: a new content revision.
    let (second, edits) = ops::add_claim(&h.state().map, SECOND_CLAIM, Point::default());
    apply_all(&mut h.state_mut().map, edits).unwrap();
    h.state_mut().state.1 = 1;
    h.step();
    if !h.state().state.0.is_current(1) {
        assert!(h.query_by_label("comparing…").is_some());
    }
    assert!(
        h.query_by_label(OWN_CLAIM).is_some(),
        "the last comparison stays readable meanwhile"
    );
    until_compared(&mut h);
    assert!(
        h.query_by_label(SECOND_CLAIM).is_some(),
        "the edit is compared"
    );
    assert!(h.query_by_label_contains("2 added").is_some());
    assert_eq!(h.state().state.0.runs(), 2, "once per revision");

    // A click on the new row shows the new card.
    h.get_by_label(SECOND_CLAIM).click();
    h.run();
    assert!(h.state().sent.contains(&Command::Frame(vec![second])));
    assert!(!h.state().sent.contains(&Command::Frame(vec![own])));
}

const OWN_CLAIM: &str = "Students like long walks on sunny beaches";
const SECOND_CLAIM: &str = "Exams should be written in green ink";

#[test]
fn a_missed_passage_asks_the_reader_to_show_it_in_the_students_article() {
    let (map, _) = student();
    let reference = golz();
    let q30 = reference.quote(&NodeId::from("q30")).unwrap();
    let label = crate::analysis::quoted(&q30.anchor.exact);
    let source = map.sources[0].id.clone();
    let mut h = harness(map);
    h.run();
    h.get_by_label(&label).click();
    h.run();
    assert_eq!(
        h.state().sent,
        [Command::ShowPassage {
            source,
            start: q30.anchor.start,
            end: q30.anchor.end
        }]
    );
}

#[test]
fn an_added_claim_selects_and_frames_its_card() {
    let (map, own) = student();
    let mut h = harness(map);
    h.run();
    h.get_by_label("Students like long walks on sunny beaches")
        .click();
    h.run();
    assert_eq!(
        h.state().sent,
        [
            Command::Select(Selection::one(own.clone())),
            Command::Frame(vec![own])
        ]
    );
}

#[test]
fn a_missed_reference_claim_shows_its_whole_text_when_clicked() {
    let (mut map, _) = student();
    // The student left out c21 (and its links).
    let edits = ops::delete_nodes(&map, &[NodeId::from("c21")]);
    apply_all(&mut map, edits).unwrap();
    let text = golz().claim(&NodeId::from("c21")).unwrap().text.clone();
    let mut h = harness(map);
    h.run();
    assert_eq!(h.get_all_by_label(&text).count(), 1);
    h.get_by_label(&text).click();
    h.run();
    assert_eq!(h.get_all_by_label(&text).count(), 2, "the text shown whole");
    assert!(h.state().sent.is_empty(), "nothing else happens");
}

#[test]
fn a_support_the_wrong_way_round_is_named_and_selects_both_claims() {
    let (mut map, _) = student();
    let reference = golz();
    let l1 = reference.link(&LinkId::from("l1")).unwrap();
    assert!(reference.claim(&l1.from).is_some() && reference.claim(&l1.to).is_some());
    let link = map.links.iter_mut().find(|l| l.id == l1.id).unwrap();
    std::mem::swap(&mut link.from, &mut link.to);
    let mut h = harness(map);
    h.run();
    let row = h.get_by_label_contains("the wrong way round: ");
    let label = row.value().unwrap_or_default();
    assert!(label.contains(l1.relation.as_str()), "{label}");
    row.click();
    h.run();
    let both = vec![l1.from.clone(), l1.to.clone()];
    assert!(
        h.state().sent.contains(&Command::Select(Selection {
            nodes: both,
            link: None
        })),
        "{:?}",
        h.state().sent
    );
}

#[test]
fn a_missed_passage_of_an_article_the_map_lacks_is_told_not_shown() {
    // A map of its own article only: none of the reference's passages can be shown in it.
    let mut map = Map::new("Elsewhere");
    map.sources = vec![crate::model::Source::new("Other", "Another article.")];
    let q1 = golz().quote(&NodeId::from("q1")).unwrap().clone();
    let mut h = harness(map);
    h.run();
    assert!(
        h.query_by_label_contains("does not hold this article")
            .is_some()
    );
    h.get_by_label(&crate::analysis::quoted(&q1.anchor.exact))
        .click();
    h.run();
    match h.state().sent.as_slice() {
        [Command::Notice(text)] => assert!(text.contains(q1.anchor.exact.trim()), "{text}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_long_list_shows_its_first_hundred_rows_and_more_on_request() {
    let mut map = golz();
    for i in 0..150 {
        let (_, edits) = ops::add_claim(&map, &format!("Own claim number {i}"), Point::default());
        apply_all(&mut map, edits).unwrap();
    }
    let mut h = harness(map);
    h.run_steps(3);
    assert!(h.query_by_label("Added (150)").is_some());
    assert!(h.query_by_label("Own claim number 99").is_some());
    assert!(
        h.query_by_label("Own claim number 100").is_none(),
        "not laid out"
    );
    // The button ends the list, below the column's fold: scrolled to, then clicked.
    h.get_by_label("Show 50 more (of 50)").scroll_to_me();
    h.run_steps(3);
    h.get_by_label("Show 50 more (of 50)").click();
    h.run_steps(3);
    assert!(h.query_by_label("Own claim number 149").is_some());
    assert!(
        h.query_by_label_contains("Show ").is_none(),
        "the whole list"
    );
}
