//! The canvas alone, driven through its context: what it sends for clicks, drags and keys.

use super::{CanvasCtx, CanvasState, canvas_ui};
use crate::analysis::{Analysis, analyse};
use crate::edit::Edit;
use crate::model::{Claim, Link, LinkId, Map, NodeId, Point, Quote, Relation, Source, SourceId};
use crate::ui::app::Selection;
use crate::ui::command::Command;
use egui::{Key, Modifiers, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

/// The canvas and just enough of an app around it: the commands it sends are logged, and
/// edits and selections are applied as the app would.
struct Desk {
    map: Map,
    generation: u64,
    selection: Selection,
    findings: Analysis,
    canvas: CanvasState,
    sent: Vec<Command>,
    fonts: bool,
}

fn claim(id: &str, text: &str, x: f32, y: f32) -> Claim {
    Claim {
        id: NodeId(id.into()),
        text: text.into(),
        pos: Point::new(x, y),
        ..Claim::default()
    }
}

/// Two claims side by side and a quote under the first, supporting it.
fn small_map() -> Map {
    let mut map = Map::new("Test");
    let mut s = Source::new("Memo", "NATO is a relic of the Cold War, say officials.");
    s.id = SourceId("s1".into());
    let anchor = crate::anchor::anchor_from_range(&s.text, 0, 22).unwrap();
    map.sources = vec![s];
    map.claims = vec![
        claim("c1", "NATO is a relic", 0.0, 0.0),
        claim("c2", "NATO is too strong", 400.0, 0.0),
    ];
    map.quotes = vec![Quote {
        id: NodeId("q1".into()),
        source: SourceId("s1".into()),
        anchor,
        note: String::new(),
        pos: Point::new(0.0, 250.0),
    }];
    map.links = vec![Link {
        id: LinkId("l1".into()),
        from: NodeId("q1".into()),
        to: NodeId("c1".into()),
        relation: Relation::Supports,
    }];
    map
}

fn desk(map: Map) -> Harness<'static, Desk> {
    let desk = Desk {
        findings: analyse(&map),
        map,
        generation: 1,
        selection: Selection::default(),
        canvas: CanvasState::new(1.0),
        sent: Vec::new(),
        fonts: false,
    };
    Harness::builder()
        .with_size(vec2(1000.0, 700.0))
        .build_ui_state(
            |ui, d: &mut Desk| {
                if !d.fonts {
                    // Cards are set in the bundled card font, as in the window.
                    crate::ui::theme::install_fonts(ui.ctx());
                    d.fonts = true;
                }
                let cx = CanvasCtx {
                    map: &d.map,
                    generation: d.generation,
                    selection: &d.selection,
                    findings: &d.findings,
                };
                let mut commands = Vec::new();
                canvas_ui(ui, &cx, &mut d.canvas, &mut commands);
                for c in commands {
                    match &c {
                        Command::Submit { edits, .. } => {
                            crate::edit::apply_all(&mut d.map, edits.clone()).unwrap();
                            d.generation += 1;
                        }
                        Command::Select(selection) => d.selection = selection.clone(),
                        _ => {}
                    }
                    d.sent.push(c);
                }
            },
            desk,
        )
}

fn ids(names: &[&str]) -> Vec<NodeId> {
    names.iter().map(|n| NodeId((*n).into())).collect()
}

#[test]
fn clicking_a_card_selects_it_and_a_quote_shows_its_passage() {
    let mut h = desk(small_map());
    h.run();
    h.get_by_label("Claim: NATO is a relic").click();
    h.run();
    assert_eq!(h.state().sent, vec![Command::select_nodes(ids(&["c1"]))]);
    h.state_mut().sent.clear();

    h.get_by_label("Claim: NATO is too strong")
        .click_modifiers(Modifiers::SHIFT);
    h.run();
    assert_eq!(
        h.state().sent,
        vec![Command::select_nodes(ids(&["c1", "c2"]))]
    );
    h.state_mut().sent.clear();

    h.get_by_role_and_label(egui::Role::Button, "Quote: NATO is a relic of the")
        .click();
    h.run();
    assert_eq!(
        h.state().sent,
        vec![
            Command::select_nodes(ids(&["q1"])),
            Command::ShowQuote(NodeId("q1".into()))
        ]
    );
    assert!(
        h.state()
            .sent
            .iter()
            .all(|c| !matches!(c, Command::Submit { .. })),
        "a click changes nothing in the map"
    );
}

#[test]
fn dragging_a_card_sends_one_merged_move_and_ends_the_step() {
    let mut h = desk(small_map());
    h.run();
    let start = h.get_by_label("Claim: NATO is a relic").rect().center();
    let zoom = h.state().canvas.zoom;
    h.hover_at(start);
    h.run();
    h.drag_at(start);
    h.run();
    for step in 1..=4 {
        h.hover_at(start + vec2(30.0 * step as f32, 10.0 * step as f32));
        h.run();
    }
    h.drop_at(start + vec2(120.0, 40.0));
    h.run();

    let moves: Vec<&Command> = h
        .state()
        .sent
        .iter()
        .filter(|c| matches!(c, Command::Submit { .. }))
        .collect();
    assert!(!moves.is_empty(), "sent: {:?}", h.state().sent);
    for m in &moves {
        let Command::Submit {
            label,
            merge,
            edits,
        } = m
        else {
            unreachable!()
        };
        assert_eq!(*label, "Move");
        assert_eq!(merge.as_deref(), Some("move c1"), "one undo step");
        assert!(matches!(edits.as_slice(), [Edit::Move(m)] if m.len() == 1));
    }
    assert_eq!(h.state().sent.last(), Some(&Command::Seal));
    // The card followed the pointer, in canvas units.
    let p = h.state().map.claims[0].pos;
    assert!(
        (p.x - 120.0 / zoom).abs() < 1.0,
        "moved to {p:?} at zoom {zoom}"
    );
    assert!(
        (p.y - 40.0 / zoom).abs() < 1.0,
        "moved to {p:?} at zoom {zoom}"
    );
    assert_eq!(h.state().selection.nodes, ids(&["c1"]));
}

#[test]
fn arrow_keys_walk_along_links_and_esc_clears() {
    let mut h = desk(small_map());
    h.state_mut().selection = Selection::one(NodeId("c1".into()));
    h.run();
    h.key_press(Key::ArrowDown);
    h.run();
    assert_eq!(h.state().selection.nodes, ids(&["q1"]), "down the link");
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(
        h.state().sent.last(),
        Some(&Command::select_nodes(Vec::new()))
    );
}

#[test]
fn cards_and_links_are_named_for_a_screen_reader() {
    let mut map = small_map();
    map.actors = vec![crate::model::Actor {
        id: crate::model::ActorId("a1".into()),
        name: "Russian officials".into(),
        color: crate::model::Color::rgb(200, 30, 30),
    }];
    map.claims[0].actors = vec![crate::model::ActorId("a1".into())];
    let mut h = desk(map);
    h.run();
    let claim = h.get_by_role_and_label(egui::Role::Button, "Claim: NATO is a relic");
    assert_eq!(
        claim.accesskit_node().description().as_deref(),
        Some("supported by: Quote: NATO is a relic of the, held by Russian officials")
    );
    let quote = h.get_by_role_and_label(egui::Role::Button, "Quote: NATO is a relic of the");
    assert_eq!(
        quote.accesskit_node().description().as_deref(),
        Some("from Memo, supports: Claim: NATO is a relic")
    );
    h.get_by_role_and_label(
        egui::Role::Link,
        "Quote: NATO is a relic of the supports Claim: NATO is a relic",
    );
}

/// The focus rings painted this frame: outlines in the selection colour standing off a card.
fn focus_rings(h: &Harness<'static, Desk>) -> Vec<egui::Rect> {
    let color = crate::ui::theme::Palette::new(h.ctx.global_style().visuals.dark_mode).selection;
    h.output()
        .shapes
        .iter()
        .filter_map(|s| match &s.shape {
            egui::Shape::Rect(r)
                if r.stroke.color == color && r.stroke.width == super::focus::RING_WIDTH =>
            {
                Some(r.rect)
            }
            _ => None,
        })
        .collect()
}

#[test]
fn a_card_reached_with_tab_is_selected_and_ringed() {
    let mut h = desk(small_map());
    h.run();
    assert!(focus_rings(&h).is_empty());
    // Tab past the canvas's own controls to the first card.
    let mut focused = Vec::new();
    for _ in 0..10 {
        h.key_press(Key::Tab);
        h.run();
        focused = h
            .get_all_by_role(egui::Role::Button)
            .filter(|n| n.accesskit_node().is_focused())
            .filter_map(|n| n.accesskit_node().label())
            .filter(|l| l.starts_with("Claim: ") || l.starts_with("Quote: "))
            .collect();
        if !focused.is_empty() {
            break;
        }
    }
    let [label] = focused.as_slice() else {
        panic!("one card focused: {focused:?}");
    };
    let card = h.get_by_label(label).rect();
    let expected = card.expand(super::focus::RING_GAP);
    let rings = focus_rings(&h);
    assert!(
        rings
            .iter()
            .any(|r| (r.min - expected.min).length() < 0.5 && (r.max - expected.max).length() < 0.5),
        "a ring around {label} at {expected:?}: {rings:?}"
    );
    assert_eq!(h.state().selection.nodes.len(), 1, "and it is selected");
    h.key_press(Key::Escape);
    h.run();
    assert!(focus_rings(&h).is_empty(), "Esc leaves the card");
}

#[test]
fn links_go_straight_while_cards_are_dragged_and_bend_round_cards_after() {
    // c3 supports c1 straight through c2.
    let mut map = Map::new("Test");
    map.claims = vec![
        claim("c1", "On top", 0.0, 0.0),
        claim("c2", "In the way", 0.0, 300.0),
        claim("c3", "Below", 0.0, 600.0),
    ];
    map.links = vec![Link {
        id: LinkId("l1".into()),
        from: NodeId("c3".into()),
        to: NodeId("c1".into()),
        relation: Relation::Supports,
    }];
    let mut layout = super::layout::Layout::default();
    let points = |l: &super::layout::Layout| l.map_routes[0].as_ref().map_or(0, Vec::len);
    layout.update(&map, 1, true);
    assert_eq!(points(&layout), 2, "straight while dragging");
    layout.update(&map, 1, false);
    assert!(points(&layout) > 2, "bent round the card in its way after");
    // What the canvas draws follows (it brings the hidden cards up to date every frame).
    layout.update_hidden(&map, 1, &crate::view::Visibility::default());
    assert_eq!(layout.routes, layout.map_routes);
    // A change that moves no card and no link (a new title) keeps the routes as they are.
    map.title = "Renamed".into();
    layout.update(&map, 2, true);
    assert!(
        !layout.is_direct() && points(&layout) > 2,
        "not routed again"
    );
}

/// `n` claims in rows of 20, each supporting the one before it and the one before that.
fn chain(n: usize) -> Map {
    let mut map = Map::new("Chain");
    for i in 0..n {
        let (x, y) = ((i % 20) as f32 * 250.0, (i / 20) as f32 * 200.0);
        map.claims
            .push(claim(&format!("c{i}"), &format!("Claim {i}"), x, y));
    }
    for i in 1..n {
        map.links.push(Link {
            id: LinkId(format!("l{i}")),
            from: NodeId(format!("c{i}")),
            to: NodeId(format!("c{}", i - 1)),
            relation: Relation::Supports,
        });
        if i > 1 {
            map.links.push(Link {
                id: LinkId(format!("m{i}")),
                from: NodeId(format!("c{i}")),
                to: NodeId(format!("c{}", i - 2)),
                relation: Relation::Supports,
            });
        }
    }
    map
}

/// Drags card "Claim 0" and tells, mid-drag and after the drop, whether the links were routed
/// without their bends round cards.
fn direct_during_and_after_a_drag(map: Map) -> (bool, bool) {
    let mut h = desk(map);
    // The top-left corner of the map in view, at 100 %.
    let canvas = &mut h.state_mut().canvas;
    (canvas.fit_pending, canvas.opening) = (false, false);
    canvas.center = egui::pos2(450.0, 300.0);
    h.run();
    let start = h.get_by_label("Claim: Claim 0").rect().center();
    h.hover_at(start);
    h.run();
    h.drag_at(start);
    h.run();
    h.hover_at(start + vec2(40.0, 20.0));
    h.step();
    h.step();
    let during = h.state().canvas.layout.is_direct();
    h.drop_at(start + vec2(60.0, 30.0));
    h.step();
    h.step();
    (during, h.state().canvas.layout.is_direct())
}

#[test]
fn a_big_map_is_routed_straight_while_a_card_is_dragged_and_bent_after() {
    // 200 cards, 397 links: more than the canvas bends round cards every frame.
    assert_eq!(direct_during_and_after_a_drag(chain(200)), (true, false));
    // A small map keeps its bends throughout.
    assert_eq!(direct_during_and_after_a_drag(chain(30)), (false, false));
}

#[test]
fn a_big_map_is_routed_straight_while_a_cards_text_is_typed_and_bent_after() {
    let mut h = desk(chain(200));
    let map = h.state().map.clone();
    h.state_mut()
        .canvas
        .start_editing(NodeId("c0".into()), &map);
    h.run();
    // A text that keeps its line count moves nothing: the routes stay as they are.
    h.event(egui::Event::Text("!".into()));
    h.step();
    h.step();
    assert_eq!(h.state().map.claims[0].text, "Claim 0!");
    assert!(
        !h.state().canvas.layout.is_direct(),
        "no card changed its size"
    );
    // One that makes the card taller does.
    h.event(egui::Event::Text(
        " And a much longer sentence, which takes the card onto several more lines.".into(),
    ));
    h.step();
    h.step();
    assert!(h.state().canvas.layout.is_direct(), "straight while typing");
    h.key_press(Key::Enter);
    h.step();
    h.step();
    assert!(h.state().canvas.editing.is_none(), "done");
    assert!(
        !h.state().canvas.layout.is_direct(),
        "bent once the text is left"
    );
}
