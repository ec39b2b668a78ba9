//! Opening a map too big to read whole: the thesis with its direct reasons and objections at a
//! legible zoom, and an overview of the rest; Fit never zooms out past legible.

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use std::path::Path;
use warrant::model::Relation;
use warrant::ui::{Settings, WarrantApp};

#[test]
fn the_memo_opens_on_its_thesis_and_its_reasons_legibly_with_an_overview() {
    let memo = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("maps/memo-2008-russia-nato-mutually-exclusive-arguments.json");
    let map = warrant::io::load(&memo).unwrap();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(
            |ui, app: &mut WarrantApp| app.ui(ui),
            WarrantApp::with_map(map.clone(), Settings::default()),
        );
    h.run();
    h.run();
    assert!(
        h.state().canvas().zoom >= 0.6,
        "zoom {}",
        h.state().canvas().zoom
    );
    let thesis = map.claims.iter().find(|c| c.thesis).unwrap();
    let direct: Vec<&str> = map
        .links
        .iter()
        .filter(|l| l.to == thesis.id && l.relation != Relation::Contradicts)
        .filter_map(|l| map.claim(&l.from))
        .map(|c| c.text.as_str())
        .collect();
    assert!(!direct.is_empty());
    let whole = |h: &Harness<'_, WarrantApp>, text: &str| {
        let label = format!("Claim: {text}");
        h.query_by_label(&label)
            .is_some_and(|n| h.state().canvas().view.contains_rect(n.rect()))
    };
    assert!(whole(&h, &thesis.text), "the thesis is whole on screen");
    // The reasons and objections on screen are as many as fit: each one left out would not
    // fit with the thesis and those shown at a legible zoom (which ones depends on the layout).
    let view = h.state().canvas().view;
    let rect = |id: &warrant::model::NodeId| {
        let node = map.node(id).unwrap();
        let (p, size) = (node.pos(), warrant::layout::card::card_size(node));
        egui::Rect::from_min_size(egui::pos2(p.x, p.y), egui::vec2(size.w, size.h))
    };
    let t = rect(&thesis.id);
    let reasons: Vec<&warrant::model::Claim> = map
        .links
        .iter()
        .filter(|l| l.to == thesis.id)
        .filter_map(|l| map.claim(&l.from))
        .collect();
    let shown = reasons
        .iter()
        .filter(|c| whole(&h, &c.text))
        .fold(t, |r, c| r.union(rect(&c.id)));
    for reason in reasons.iter().filter(|c| !whole(&h, &c.text)) {
        let both = shown.union(rect(&reason.id)).expand(40.0);
        let zoom = (view.width() / both.width()).min(view.height() / both.height());
        assert!(zoom < 0.6, "{} fits but is not shown", reason.text);
    }
    // The nearest of them always fits beside the thesis in this window: it is on screen.
    let nearest = map
        .links
        .iter()
        .filter(|l| l.to == thesis.id && l.relation != Relation::Contradicts)
        .filter_map(|l| map.claim(&l.from))
        .min_by(|a, b| {
            let d = |c: &warrant::model::Claim| rect(&c.id).center().distance(t.center());
            d(a).total_cmp(&d(b))
        })
        .unwrap();
    assert!(
        whole(&h, &nearest.text),
        "the nearest reason, {}, is not shown",
        nearest.text
    );
    assert!(h.query_by_label("Map overview").is_some());

    // Fit: the whole memo would be far too small to read, so it frames the thesis again.
    h.state_mut().canvas_mut().zoom = 0.1;
    h.key_press(Key::F);
    h.run();
    assert!(
        h.state().canvas().zoom >= 0.6,
        "zoom {}",
        h.state().canvas().zoom
    );
    assert!(
        h.query_by_label(&format!("Claim: {}", thesis.text))
            .is_some()
    );
}
