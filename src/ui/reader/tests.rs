//! The reader alone on a desk: quoting a passage selected with the mouse or the keys, clicking
//! a quote's passage, and the focus outline.

use super::{ReaderCtx, ReaderState, reader_ui};
use crate::analysis::{Analysis, analyse};
use crate::model::{Map, NodeId, Point, Quote, Source, SourceId};
use crate::ui::app::Selection;
use crate::ui::command::Command;
use egui::{Key, Modifiers, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

const TEXT: &str = "NATO is a relic of the Cold War, say officials. It is also too strong.";

struct Desk {
    map: Map,
    selection: Selection,
    findings: Analysis,
    reader: ReaderState,
    sent: Vec<Command>,
}

/// One article with its first sentence quoted.
fn desk() -> Harness<'static, Desk> {
    let mut map = Map::new("Test");
    let mut s = Source::new("Memo", TEXT);
    s.id = SourceId("s1".into());
    let end = TEXT.find('.').unwrap() + 1;
    map.quotes = vec![Quote {
        id: NodeId("q1".into()),
        source: s.id.clone(),
        anchor: crate::anchor::anchor_from_range(TEXT, 0, end).unwrap(),
        note: String::new(),
        pos: Point::default(),
    }];
    map.sources = vec![s];
    let desk = Desk {
        findings: analyse(&map),
        map,
        selection: Selection::default(),
        reader: ReaderState::default(),
        sent: Vec::new(),
    };
    Harness::builder()
        .with_size(vec2(440.0, 700.0))
        .build_ui_state(
            |ui, d: &mut Desk| {
                let cx = ReaderCtx {
                    map: &d.map,
                    selection: &d.selection,
                    findings: &d.findings,
                };
                reader_ui(ui, &cx, &mut d.reader, &mut d.sent);
            },
            desk,
        )
}

fn quoted(h: &Harness<'static, Desk>) -> Vec<(usize, usize)> {
    h.state()
        .sent
        .iter()
        .filter_map(|c| match c {
            Command::QuotePassage { source, start, end } if source.0 == "s1" => {
                Some((*start, *end))
            }
            _ => None,
        })
        .collect()
}

#[test]
fn a_selected_passage_is_sent_to_be_quoted() {
    let mut h = desk();
    h.run();
    let start = TEXT.find("say officials").unwrap();
    h.state_mut().reader.select_source_range(start, start + 13);
    h.run();
    h.get_by_label("Quote selection").click();
    h.run();
    assert_eq!(quoted(&h), vec![(start, start + 13)]);
}

#[test]
fn a_passage_is_selected_with_shift_and_the_arrows_and_quoted() {
    let mut h = desk();
    h.run();
    h.get_by_label("Article text: Memo").focus();
    h.run();
    // From the caret at the start: Shift+Right four times selects "NATO".
    for _ in 0..4 {
        h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowRight);
        h.run();
    }
    h.get_by_label("Quote selection").click();
    h.run();
    assert_eq!(quoted(&h), vec![(0, 4)]);
}

#[test]
fn clicking_a_quoted_passage_selects_its_card() {
    let mut h = desk();
    h.run();
    let text = h.get_by_label("Article text: Memo").rect();
    h.get_by_label("Article text: Memo").hover();
    h.event(egui::Event::PointerMoved(text.left_top() + vec2(8.0, 8.0)));
    h.run();
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos: text.left_top() + vec2(8.0, 8.0),
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    h.run();
    let q1 = NodeId("q1".into());
    assert!(
        h.state()
            .sent
            .contains(&Command::select_nodes(vec![q1.clone()]))
    );
    assert!(h.state().sent.contains(&Command::Reveal(q1)));
}

/// The outlines of the given colour painted this frame (rectangles stroked in it).
fn outlines(h: &Harness<'static, Desk>, color: egui::Color32) -> Vec<egui::Rect> {
    h.output()
        .shapes
        .iter()
        .filter_map(|s| match &s.shape {
            egui::Shape::Rect(r) if r.stroke.color == color && r.stroke.width > 0.0 => Some(r.rect),
            _ => None,
        })
        .collect()
}

#[test]
fn the_article_text_is_outlined_while_it_has_the_keyboard_focus() {
    let mut h = desk();
    h.run();
    let focus = crate::ui::theme::ReaderColors::new(h.ctx.global_style().visuals.dark_mode).focus;
    assert!(outlines(&h, focus).is_empty(), "no outline without focus");
    // Tab from the tab strip and the Details header reaches the text.
    for _ in 0..6 {
        h.key_press(Key::Tab);
        h.run();
        if h.get_by_label("Article text: Memo")
            .accesskit_node()
            .is_focused()
        {
            break;
        }
    }
    assert!(
        h.get_by_label("Article text: Memo")
            .accesskit_node()
            .is_focused()
    );
    let text = h.get_by_label("Article text: Memo").rect();
    let rings = outlines(&h, focus);
    assert!(
        rings
            .iter()
            .any(|r| r.contains_rect(text.shrink(super::text::FOCUS_RING_WIDTH + 1.0))),
        "an outline around the text: {rings:?}, text at {text:?}"
    );
    h.key_press(Key::Escape);
    h.run();
    assert!(outlines(&h, focus).is_empty(), "gone with the focus");
}
