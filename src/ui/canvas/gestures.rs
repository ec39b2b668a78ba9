//! What the mouse does on the canvas: click, Shift-click, drag cards, drag a band, drag a link
//! from a card's handle, double-click to add a claim, pan and zoom.

use super::paint::paint_link;
use super::{CanvasCtx, CanvasState, Drag, Gestures, Layout, Pass};
use crate::edit::Edit;
use crate::model::{Map, NodeId, Point, Relation};
use crate::ui::app::Selection;
use crate::ui::command::Command;
use crate::ui::theme::CARD_WIDTH;
use egui::{Rect, Stroke, StrokeKind, Vec2, pos2};

/// Clicks and drags on cards found from the background's response (when cards are not widgets).
pub(super) fn hit_test_by_hand(canvas: &CanvasState, map: &Map, pass: &Pass, g: &mut Gestures) {
    let bg = &pass.bg;
    let Some(p) = bg.interact_pointer_pos().or(bg.hover_pos()) else {
        return;
    };
    let c = canvas.to_canvas(p);
    let Some(&i) = pass
        .shown
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

/// Drags: moving cards, a selection band, a link from a card's handle.
pub(super) fn drags(
    canvas: &mut CanvasState,
    cx: &CanvasCtx<'_>,
    ui: &egui::Ui,
    pass: &Pass,
    g: &Gestures,
    commands: &mut Vec<Command>,
) {
    start_drag(canvas, cx, ui, pass, g, commands);
    let primary_down = ui.input(|i| i.pointer.primary_down());
    match canvas.drag.clone() {
        Some(Drag::Move { ids }) => {
            // Cards that are widgets report their drag; otherwise the background does.
            let delta = g.dragged.unwrap_or_else(|| {
                if pass.bg.dragged() {
                    pass.bg.drag_delta()
                } else {
                    Vec2::ZERO
                }
            });
            if delta != Vec2::ZERO {
                commands.push(move_cards(cx.map, &ids, delta / canvas.zoom));
            }
            if g.released || !primary_down {
                commands.push(Command::Seal);
                canvas.drag = None;
            }
        }
        Some(Drag::Band { start }) => band_ui(canvas, cx.selection, ui, pass, start, commands),
        Some(Drag::Link { from }) => link_drag_ui(canvas, ui, pass, from, commands),
        None => {}
    }
}

/// Starts a drag this frame's gestures began.
fn start_drag(
    canvas: &mut CanvasState,
    cx: &CanvasCtx<'_>,
    ui: &egui::Ui,
    pass: &Pass,
    g: &Gestures,
    commands: &mut Vec<Command>,
) {
    let (shift, command) = ui.input(|i| (i.modifiers.shift, i.modifiers.command));
    if let Some(from) = &g.link_from {
        canvas.drag = Some(Drag::Link { from: from.clone() });
    } else if let Some(id) = &g.drag_started {
        // Dragging a card outside the selection selects it, and moves it alone.
        let ids = if cx.selection.contains(id) {
            cx.selection.nodes.clone()
        } else {
            commands.push(Command::select_nodes(vec![id.clone()]));
            vec![id.clone()]
        };
        if canvas.visibility.focus().is_some_and(|f| f.arrange) {
            // The cards are where the focus put them, not where they are in the map.
            commands.push(Command::Notice(
                "The focus arranges these cards for reading. Untick “Arrange” in the bar above to move them."
                    .into(),
            ));
        } else {
            canvas.drag = Some(Drag::Move { ids });
        }
    } else if pass.bg.drag_started_by(egui::PointerButton::Primary)
        && (shift || command)
        && let Some(p) = pass.bg.interact_pointer_pos()
    {
        canvas.drag = Some(Drag::Band { start: p });
    }
}

/// Moves cards by `d` canvas units, merged into one undo step per set of cards moved.
fn move_cards(map: &Map, ids: &[NodeId], d: Vec2) -> Command {
    let moves: Vec<(NodeId, Point)> = ids
        .iter()
        .filter_map(|id| {
            map.node(id)
                .map(|n| (id.clone(), Point::new(n.pos().x + d.x, n.pos().y + d.y)))
        })
        .collect();
    let key: Vec<&str> = ids.iter().map(NodeId::as_str).collect();
    Command::Submit {
        label: "Move",
        merge: Some(format!("move {}", key.join(","))),
        edits: vec![Edit::Move(moves)],
    }
}

/// The selection band (Shift- or Ctrl-drag on the background): selects the cards it touches,
/// Shift adding them to the selection.
fn band_ui(
    canvas: &mut CanvasState,
    selection: &Selection,
    ui: &egui::Ui,
    pass: &Pass,
    start: egui::Pos2,
    commands: &mut Vec<Command>,
) {
    let Some(p) = pass.pointer.or_else(|| pass.bg.interact_pointer_pos()) else {
        return;
    };
    let band = Rect::from_two_pos(start, p);
    pass.painter.rect(
        band,
        0.0,
        pass.palette.selection.gamma_multiply(0.12),
        Stroke::new(1.0, pass.palette.selection),
        StrokeKind::Inside,
    );
    let (shift, primary_down) = ui.input(|i| (i.modifiers.shift, i.pointer.primary_down()));
    if pass.bg.drag_stopped() || !primary_down {
        let mut nodes: Vec<NodeId> = pass
            .shown
            .iter()
            .filter(|&&i| band.intersects(canvas.rect_to_screen(canvas.layout.rects[i])))
            .map(|&i| canvas.layout.ids[i].clone())
            .collect();
        if shift {
            for n in &selection.nodes {
                if !nodes.contains(n) {
                    nodes.push(n.clone());
                }
            }
        }
        commands.push(Command::select_nodes(nodes));
        canvas.drag = None;
    }
}

/// A link being drawn from a card's handle: dropped on another card, it asks for the relation.
fn link_drag_ui(
    canvas: &mut CanvasState,
    ui: &egui::Ui,
    pass: &Pass,
    from: NodeId,
    commands: &mut Vec<Command>,
) {
    let pointer = pass.pointer;
    if let (Some(p), Some(ra)) = (pointer, canvas.screen_rect_of(&from)) {
        paint_link(
            &pass.painter,
            pos2(ra.right() + 10.0, ra.center().y),
            p,
            Relation::Supports,
            pass.palette.selection,
            pass.width,
        );
    }
    if ui.input(|i| i.pointer.primary_down()) {
        return;
    }
    canvas.drag = None;
    let target = pointer.and_then(|p| {
        let c = canvas.to_canvas(p);
        pass.shown
            .iter()
            .rev()
            .find(|&&i| canvas.layout.rects[i].contains(c))
            .map(|&i| canvas.layout.ids[i].clone())
    });
    if let Some(to) = target.filter(|t| *t != from) {
        commands.push(Command::LinkCards(from, to));
    }
}

/// Clicks: select a card (Shift or Ctrl: add or remove it), a link, or nothing; double-click a
/// claim to write it, a quote to show it in the article, the background to add a claim.
pub(super) fn clicks(
    canvas: &mut CanvasState,
    cx: &CanvasCtx<'_>,
    ui: &egui::Ui,
    bg: &egui::Response,
    g: Gestures,
    commands: &mut Vec<Command>,
) {
    let (shift, command) = ui.input(|i| (i.modifiers.shift, i.modifiers.command));
    let map = cx.map;
    if let Some(id) = g.double_clicked {
        if map.claim(&id).is_some() {
            commands.push(Command::select_nodes(vec![id.clone()]));
            canvas.start_editing(id, map);
        } else if map.quote(&id).is_some() {
            commands.push(Command::ShowQuote(id));
        }
    } else if let Some(id) = g.clicked {
        let nodes = if shift || command {
            let mut s = cx.selection.clone();
            s.toggle(&id);
            s.nodes
        } else {
            vec![id.clone()]
        };
        commands.push(Command::select_nodes(nodes));
        if map.quote(&id).is_some() {
            commands.push(Command::ShowQuote(id));
        }
    } else if bg.double_clicked() {
        if let Some(p) = bg.interact_pointer_pos() {
            let c = canvas.to_canvas(p);
            commands.push(Command::NewClaimAt(Point::new(
                c.x - CARD_WIDTH / 2.0,
                c.y - 20.0,
            )));
        }
    } else if bg.clicked() {
        canvas.editing = None;
        commands.push(match g.hovered_link {
            Some(link) => Command::SelectLink(link),
            None => Command::select_nodes(Vec::new()),
        });
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
        Some(Drag::Move { .. } | Drag::Band { .. } | Drag::Link { .. })
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
