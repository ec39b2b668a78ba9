//! The keyboard on the canvas, and editing a claim's text in place.

use super::{CanvasCtx, CanvasState};
use crate::edit::{Edit, Item};
use crate::model::{Map, NodeId};
use crate::ui::command::Command;
use crate::ui::theme::CARD_FONT;
use egui::{Rect, Vec2, WidgetInfo, vec2};

/// Arrow keys move between cards (along links first), Esc clears the selection. (Tab moves the
/// keyboard focus through every control, cards included; a card that gets focus is selected.)
pub(super) fn keyboard(
    canvas: &mut CanvasState,
    cx: &CanvasCtx<'_>,
    ui: &egui::Ui,
    commands: &mut Vec<Command>,
) {
    let (map, selection) = (cx.map, cx.selection);
    // With a link selected (one just made, say), the arrows go on from the card it starts at.
    let from_link = || {
        let link = map.link(selection.link.as_ref()?)?;
        Some(link.from.clone())
    };
    let current = selection.nodes.last().cloned().or_else(from_link);
    // That card focused takes the arrows too (egui would move the focus by itself): the focus
    // then follows the selection, so a screen reader reads each card as it is reached.
    let on_card = current
        .as_ref()
        .is_some_and(|c| ui.memory(egui::Memory::focused) == Some(super::card_widget_id(c)));
    if (ui.ctx().egui_wants_keyboard_input() && !on_card) || canvas.editing.is_some() {
        return;
    }
    let (esc, dir) = ui.input_mut(|i| {
        let esc = i.consume_key(egui::Modifiers::NONE, egui::Key::Escape);
        let mut dir = None;
        for (key, d) in [
            (egui::Key::ArrowLeft, vec2(-1.0, 0.0)),
            (egui::Key::ArrowRight, vec2(1.0, 0.0)),
            (egui::Key::ArrowUp, vec2(0.0, -1.0)),
            (egui::Key::ArrowDown, vec2(0.0, 1.0)),
        ] {
            if i.consume_key(egui::Modifiers::NONE, key) {
                dir = Some(d);
            }
        }
        (esc, dir)
    });
    if esc {
        // Esc clears the selection; pressed again, it leaves focus mode.
        if selection.is_empty() && canvas.visibility.focus().is_some() {
            canvas.set_focus(map, None, 1);
        }
        commands.push(Command::select_nodes(Vec::new()));
        return;
    }
    let Some(d) = dir else { return };
    let layout = &canvas.layout;
    let Some(cur) = current else {
        if let Some(first) = layout.ids.iter().find(|id| layout.is_shown(id)) {
            commands.push(Command::select_nodes(vec![first.clone()]));
            canvas.reveal = Some(first.clone());
        }
        return;
    };
    let Some(from) = layout.rect_of(&cur) else {
        return;
    };
    let linked: Vec<&NodeId> = map
        .links_of(&cur)
        .map(|l| if l.from == cur { &l.to } else { &l.from })
        .filter(|id| layout.is_shown(id))
        .collect();
    // The card most nearly in direction `d`: near, and not far off to the side.
    let best = |pool: &mut dyn Iterator<Item = &NodeId>| {
        pool.filter_map(|id| {
            let v: Vec2 = layout.rect_of(id)?.center() - from.center();
            let along = v.dot(d);
            (along > 1.0).then(|| (id.clone(), v.length() / (along / v.length()).max(0.2)))
        })
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|x| x.0)
    };
    // Along a link first; otherwise any card that way.
    let next = best(&mut linked.iter().copied()).or_else(|| {
        best(
            &mut layout
                .ids
                .iter()
                .filter(|x| **x != cur && layout.is_shown(x)),
        )
    });
    if let Some(n) = next {
        commands.push(Command::select_nodes(vec![n.clone()]));
        if on_card {
            ui.memory_mut(|m| {
                m.move_focus(egui::FocusDirection::None);
                m.request_focus(super::card_widget_id(&n));
            });
        }
        canvas.reveal = Some(n);
    }
}

/// The text field over a card whose claim is being edited. Enter or Esc finishes (Shift+Enter
/// is a new line); each change is submitted, merged into one undo step per editing session.
pub(super) fn edit_in_place_ui(
    canvas: &mut CanvasState,
    map: &Map,
    ui: &mut egui::Ui,
    zoom: f32,
    commands: &mut Vec<Command>,
) {
    let Some(id) = canvas.editing.clone() else {
        return;
    };
    let Some(r) = canvas.screen_rect_of(&id) else {
        return;
    };
    let edit_id = egui::Id::unique(("edit in place", id.as_str()));
    let finish = ui.memory(|m| m.has_focus(edit_id))
        && ui.input_mut(|i| {
            i.consume_key(egui::Modifiers::NONE, egui::Key::Enter)
                || i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)
        });
    let font = crate::ui::theme::card_font((CARD_FONT * zoom).clamp(9.0, 40.0), false);
    let rect = Rect::from_min_size(r.min, vec2(r.width(), r.height().max(60.0)));
    let out = ui.put(
        rect,
        egui::TextEdit::multiline(&mut canvas.edit_buffer)
            .id(edit_id)
            .font(font)
            .hint_text("Write the claim in your own words")
            .desired_width(rect.width()),
    );
    out.widget_info(|| {
        WidgetInfo::labeled(
            egui::Role::MultilineTextInput,
            true,
            "Claim text on the card",
        )
    });
    if canvas.edit_focus_pending {
        out.request_focus();
        canvas.edit_focus_pending = false;
    }
    if out.changed()
        && let Some(mut claim) = map.claim(&id).cloned()
    {
        claim.text.clone_from(&canvas.edit_buffer);
        commands.push(Command::Submit {
            label: "Edit text",
            merge: Some(format!("text {id}")),
            edits: vec![Edit::Replace(Item::Claim(claim))],
        });
    }
    if finish || out.lost_focus() {
        canvas.editing = None;
        commands.push(Command::Seal);
    }
}
