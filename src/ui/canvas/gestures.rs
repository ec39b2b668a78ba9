//! What the mouse does on the canvas: click, Shift-click, drag cards, drag a band, drag a link
//! from a card's handle, double-click to add a claim, pan and zoom.

use super::paint::paint_link;
use super::{CanvasState, Deferred, Drag, Gestures, Layout};
use crate::edit::Edit;
use crate::model::{Map, NodeId, Point, Relation};
use crate::ui::app::{Selection, WarrantApp};
use crate::ui::theme::{CARD_WIDTH, Palette};
use egui::{Rect, Stroke, StrokeKind, Vec2, pos2};

/// The parts of the app a drag changes.
pub(super) struct Parts<'a> {
    canvas: &'a mut CanvasState,
    selection: &'a mut Selection,
    dialogs: &'a mut crate::ui::dialogs::Dialogs,
}

pub(super) fn app_parts<'a>(
    canvas: &'a mut CanvasState,
    selection: &'a mut Selection,
    dialogs: &'a mut crate::ui::dialogs::Dialogs,
) -> Parts<'a> {
    Parts {
        canvas,
        selection,
        dialogs,
    }
}

/// Clicks and drags on cards found from the background's response (when cards are not widgets).
pub(super) fn hit_test_by_hand(
    bg: &egui::Response,
    canvas: &CanvasState,
    shown: &[usize],
    map: &Map,
    g: &mut Gestures,
) {
    let Some(p) = bg.interact_pointer_pos().or(bg.hover_pos()) else {
        return;
    };
    let c = canvas.to_canvas(p);
    let Some(&i) = shown
        .iter()
        .rev()
        .find(|&&i| canvas.layout.rects[i].contains(c))
    else {
        return;
    };
    let Some(node) = Layout::node(map, i) else {
        return;
    };
    let id = node.id().clone();
    if bg.clicked() {
        g.clicked = Some(id.clone());
    }
    if bg.double_clicked() {
        g.double_clicked = Some(id.clone());
    }
    if bg.drag_started_by(egui::PointerButton::Primary)
        && !bg.ctx.input(|i| i.modifiers.shift || i.modifiers.command)
    {
        g.drag_started = Some(id);
    }
}

#[allow(clippy::too_many_arguments)]
pub(super) fn drags(
    parts: Parts<'_>,
    ui: &egui::Ui,
    bg: &egui::Response,
    map: &Map,
    shown: &[usize],
    g: &Gestures,
    palette: &Palette,
    width: f32,
    deferred: &mut Vec<Deferred>,
) {
    let Parts {
        canvas,
        selection,
        dialogs,
    } = parts;
    let (shift, command) = ui.input(|i| (i.modifiers.shift, i.modifiers.command));
    let primary_down = ui.input(|i| i.pointer.primary_down());
    let pointer = ui.input(|i| i.pointer.hover_pos());
    if let Some(from) = &g.link_from {
        canvas.drag = Some(Drag::Link { from: from.clone() });
    } else if let Some(id) = &g.drag_started {
        if !selection.contains(id) {
            *selection = Selection::one(id.clone());
        }
        if canvas.visibility.focus().is_some_and(|f| f.arrange) {
            // The cards are where the focus put them, not where they are in the map.
            dialogs.notice = Some(
                "The focus arranges these cards for reading. Untick “Arrange” in the bar above to move them."
                    .into(),
            );
        } else {
            canvas.drag = Some(Drag::Move);
        }
    } else if bg.drag_started_by(egui::PointerButton::Primary)
        && (shift || command)
        && let Some(p) = bg.interact_pointer_pos()
    {
        canvas.drag = Some(Drag::Band { start: p });
    }
    let painter = ui.painter_at(canvas.view);
    match canvas.drag.clone() {
        Some(Drag::Move) => {
            // Cards that are widgets report their drag; otherwise the background does.
            let delta = g.dragged.unwrap_or_else(|| {
                if bg.dragged() {
                    bg.drag_delta()
                } else {
                    Vec2::ZERO
                }
            });
            if delta != Vec2::ZERO {
                let d = delta / canvas.zoom;
                let moves: Vec<(NodeId, Point)> = selection
                    .nodes
                    .iter()
                    .filter_map(|id| {
                        map.node(id)
                            .map(|n| (id.clone(), Point::new(n.pos().x + d.x, n.pos().y + d.y)))
                    })
                    .collect();
                let key: Vec<&str> = selection.nodes.iter().map(NodeId::as_str).collect();
                deferred.push(Deferred::Submit(
                    "Move",
                    Some(format!("move {}", key.join(","))),
                    vec![Edit::Move(moves)],
                ));
            }
            if g.released || !primary_down {
                deferred.push(Deferred::Seal);
                canvas.drag = None;
            }
        }
        Some(Drag::Band { start }) => {
            if let Some(p) = pointer.or_else(|| bg.interact_pointer_pos()) {
                let band = Rect::from_two_pos(start, p);
                painter.rect(
                    band,
                    0.0,
                    palette.selection.gamma_multiply(0.12),
                    Stroke::new(1.0, palette.selection),
                    StrokeKind::Inside,
                );
                if bg.drag_stopped() || !primary_down {
                    let mut nodes: Vec<NodeId> = shown
                        .iter()
                        .filter(|&&i| {
                            band.intersects(canvas.rect_to_screen(canvas.layout.rects[i]))
                        })
                        .map(|&i| canvas.layout.ids[i].clone())
                        .collect();
                    if shift {
                        for n in &selection.nodes {
                            if !nodes.contains(n) {
                                nodes.push(n.clone());
                            }
                        }
                    }
                    *selection = Selection { nodes, link: None };
                    canvas.drag = None;
                }
            }
        }
        Some(Drag::Link { from }) => {
            if let (Some(p), Some(ra)) = (pointer, canvas.screen_rect_of(&from)) {
                paint_link(
                    &painter,
                    pos2(ra.right() + 10.0, ra.center().y),
                    p,
                    Relation::Supports,
                    palette.selection,
                    width,
                );
            }
            if !primary_down {
                canvas.drag = None;
                let target = pointer.and_then(|p| {
                    let c = canvas.to_canvas(p);
                    shown
                        .iter()
                        .rev()
                        .find(|&&i| canvas.layout.rects[i].contains(c))
                        .map(|&i| canvas.layout.ids[i].clone())
                });
                if let Some(to) = target.filter(|t| *t != from) {
                    dialogs.relation = Some((from, to, None));
                }
            }
        }
        None => {}
    }
}

pub(super) fn clicks(
    app: &mut WarrantApp,
    ui: &egui::Ui,
    bg: &egui::Response,
    g: Gestures,
    hovered_link: Option<crate::model::LinkId>,
    deferred: &mut Vec<Deferred>,
) {
    let (shift, command) = ui.input(|i| (i.modifiers.shift, i.modifiers.command));
    let map = app.history.map();
    if let Some(id) = g.double_clicked {
        if map.claim(&id).is_some() {
            app.selection = Selection::one(id.clone());
            app.canvas.start_editing(id, map);
        } else if let Some(q) = map.quote(&id) {
            app.reader.show_quote(q);
        }
    } else if let Some(id) = g.clicked {
        if shift || command {
            app.selection.toggle(&id);
        } else {
            app.selection = Selection::one(id.clone());
        }
        if let Some(q) = map.quote(&id) {
            app.reader.show_quote(q);
        }
    } else if bg.double_clicked() {
        if let Some(p) = bg.interact_pointer_pos() {
            let c = app.canvas.to_canvas(p);
            deferred.push(Deferred::NewClaim(Point::new(
                c.x - CARD_WIDTH / 2.0,
                c.y - 20.0,
            )));
        }
    } else if bg.clicked() {
        app.canvas.editing = None;
        app.selection = match hovered_link {
            Some(link) => Selection {
                nodes: Vec::new(),
                link: Some(link),
            },
            None => Selection::default(),
        };
    }
}

pub(super) fn pan_and_zoom(
    canvas: &mut CanvasState,
    ui: &egui::Ui,
    bg: &egui::Response,
    rect: Rect,
) {
    let moving_cards = matches!(
        canvas.drag,
        Some(Drag::Move | Drag::Band { .. } | Drag::Link { .. })
    );
    let (shift, command) = ui.input(|i| (i.modifiers.shift, i.modifiers.command));
    if bg.dragged_by(egui::PointerButton::Middle)
        || (bg.dragged_by(egui::PointerButton::Primary) && !moving_cards && !shift && !command)
    {
        canvas.center -= bg.drag_delta() / canvas.zoom;
    }
    let (zoom_delta, scroll, hover) =
        ui.input(|i| (i.zoom_delta(), i.smooth_scroll_delta, i.pointer.hover_pos()));
    if let Some(p) = hover.filter(|p| rect.contains(*p) && ui.rect_contains_pointer(rect)) {
        if (zoom_delta - 1.0).abs() > 1e-4 {
            // A wheel notch is a big step in egui; halve it (in log scale) for a smooth zoom.
            canvas.zoom_at(zoom_delta.sqrt(), p);
        } else if scroll != Vec2::ZERO {
            canvas.center -= scroll / canvas.zoom;
        }
    }
}
