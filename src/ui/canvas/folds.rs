//! Folding a branch away and focusing on a neighbourhood, on the canvas. What is hidden is
//! decided by [`crate::view`]; this draws the fold buttons and the focus bar and keeps the view
//! in step with the selection.

use super::{CanvasCtx, CanvasState};
use crate::model::{Map, NodeId};
use crate::ui::theme::Palette;
use crate::view::{Focus, neighbourhood};
use egui::{Align2, FontId, Rect, Sense, Stroke, WidgetInfo, pos2, vec2};

/// How many links out focus mode shows at most.
pub const MAX_FOCUS_DEPTH: usize = 3;

impl CanvasState {
    /// Shows only the neighbourhood of `around` (`None`: everything again), framing it. The
    /// focus stays arranged or not as it was (arranged at first).
    pub fn set_focus(&mut self, map: &Map, around: Option<Vec<NodeId>>, depth: usize) {
        let arrange = self.visibility.focus().is_none_or(|f| f.arrange);
        let focus = around.filter(|a| !a.is_empty()).map(|around| Focus {
            around,
            depth: depth.clamp(1, MAX_FOCUS_DEPTH),
            arrange,
        });
        if let Some(f) = &focus {
            self.frame = Some(neighbourhood(map, &f.around, f.depth).into_iter().collect());
        } else {
            self.fit_pending = true;
        }
        self.visibility.set_focus(focus);
    }

    /// The cards on the canvas, when folds or focus hide some (`None` when all are shown).
    pub fn shown_ids(&self) -> Option<Vec<NodeId>> {
        self.shown_cards()
            .map(|cards| cards.into_iter().map(|(id, _)| id).collect())
    }

    /// The cards on the canvas and where they are drawn (an arranged focus moves them), when
    /// folds or focus hide some.
    pub fn shown_cards(&self) -> Option<Vec<(NodeId, crate::model::Point)>> {
        let layout = &self.layout;
        (layout.hidden_count() > 0).then(|| {
            (0..layout.ids.len())
                .filter(|&i| !layout.is_hidden(i))
                .map(|i| {
                    let p = layout.rects[i].min;
                    (layout.ids[i].clone(), crate::model::Point::new(p.x, p.y))
                })
                .collect()
        })
    }

    /// Folds or unfolds the branches under `ids` (claims with nothing bearing on them are left).
    pub fn toggle_folds(&mut self, map: &Map, ids: &[NodeId]) {
        for id in ids {
            if self.visibility.is_collapsed(id) || crate::view::has_branch(map, id) {
                self.visibility.toggle_collapsed(id);
            }
        }
    }
}

/// Before drawing: the focus follows the selection (once the mouse is up, so a drag is not
/// disturbed), a selected card inside a fold unfolds it, and the hidden cards are brought up
/// to date.
pub(super) fn sync(canvas: &mut CanvasState, cx: &CanvasCtx<'_>, ui: &egui::Ui) {
    let (map, generation, selection) = (cx.map, cx.generation, cx.selection);
    canvas.visibility.prune(map);
    let mouse_up = !ui.input(|i| i.pointer.any_down());
    if let Some(f) = canvas.visibility.focus()
        && mouse_up
        && !selection.nodes.is_empty()
        && f.around != selection.nodes
    {
        let depth = f.depth;
        canvas.set_focus(map, Some(selection.nodes.clone()), depth);
    }
    canvas
        .layout
        .update_hidden(map, generation, &canvas.visibility);
    let mut unfolded = false;
    for id in &selection.nodes {
        if !canvas.layout.is_shown(id) {
            unfolded |= canvas.visibility.unfold_to(map, id);
        }
    }
    if unfolded {
        canvas
            .layout
            .update_hidden(map, generation, &canvas.visibility);
    }
}

/// The fold button under a card: "-" to fold its branch, "+N" on a folded card to unfold the
/// N cards it hides. Returns whether it was clicked.
pub(super) fn fold_button(
    ui: &egui::Ui,
    painter: &egui::Painter,
    card: Rect,
    id: &NodeId,
    label: &str,
    folded: Option<usize>,
    palette: &Palette,
) -> bool {
    let text = match folded {
        Some(n) => format!("+{n}"),
        None => "-".to_owned(),
    };
    let font = FontId::proportional(12.0);
    let width = if folded.is_some() {
        8.0 * text.len() as f32 + 14.0
    } else {
        18.0
    };
    // Outside the card, under its bottom edge, so it never starts a drag of the card.
    let rect = Rect::from_center_size(
        pos2(card.center().x, card.bottom() + 10.0),
        vec2(width, 18.0),
    );
    let r = ui.interact(
        rect,
        egui::Id::unique(("fold", id.as_str())),
        Sense::click(),
    );
    r.widget_info(|| {
        let what = match folded {
            Some(n) => format!("Unfold {n} cards under {label}"),
            None => format!("Fold the branch under {label}"),
        };
        WidgetInfo::labeled(egui::Role::Button, true, what)
    });
    let fill = if folded.is_some() {
        palette.selection
    } else {
        palette.claim_fill
    };
    painter.rect(
        rect,
        9.0,
        fill,
        Stroke::new(if r.hovered() { 2.0 } else { 1.0 }, palette.selection),
        egui::StrokeKind::Inside,
    );
    let ink = if folded.is_some() {
        palette.claim_fill
    } else {
        palette.selection
    };
    if folded.is_some() {
        painter.text(rect.center(), Align2::CENTER_CENTER, text, font, ink);
    } else {
        // A drawn minus: crisper than a hyphen at this size.
        let c = rect.center();
        painter.line_segment(
            [c - vec2(4.5, 0.0), c + vec2(4.5, 0.0)],
            Stroke::new(2.0, ink),
        );
    }
    r.on_hover_text(if folded.is_some() {
        "Unfold this branch (B)"
    } else {
        "Fold this branch away (B)"
    })
    .clicked()
}

/// The bar over the canvas while focus mode or folds hide cards: what is shown, the focus
/// depth, and the way back to the whole map.
pub(super) fn bar_ui(canvas: &mut CanvasState, map: &Map, ui: &mut egui::Ui, rect: Rect) {
    let hidden = canvas.layout.hidden_count();
    let focus = canvas.visibility.focus().cloned();
    let folds = canvas.visibility.any_collapsed();
    if focus.is_none() && !folds {
        return;
    }
    let total = map.claims.len() + map.quotes.len();
    let mut action = None;
    egui::Area::new(egui::Id::unique("focus bar"))
        .fixed_pos(rect.left_top() + vec2(12.0, 10.0))
        .order(egui::Order::Middle)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.label(format!("Showing {} of {total} cards", total - hidden));
                    if let Some(f) = &focus {
                        ui.separator();
                        ui.label("Focus, links out:");
                        for d in 1..=MAX_FOCUS_DEPTH {
                            if ui.selectable_label(f.depth == d, d.to_string()).clicked() {
                                action = Some(Bar::Depth(d));
                            }
                        }
                        let mut arrange = f.arrange;
                        if ui
                            .checkbox(&mut arrange, "Arrange")
                            .on_hover_text(
                                "Lay the neighbourhood out compactly (the map's own positions are kept); \
                                 off: show the cards where they are in the map, where they can be moved",
                            )
                            .changed()
                        {
                            action = Some(Bar::Arrange(arrange));
                        }
                        if ui.button("Leave focus").clicked() {
                            action = Some(Bar::LeaveFocus);
                        }
                    }
                    if folds {
                        ui.separator();
                        if ui.button("Unfold all").clicked() {
                            action = Some(Bar::UnfoldAll);
                        }
                    }
                });
            });
        });
    match action {
        Some(Bar::Depth(d)) => {
            let around = focus.map(|f| f.around);
            canvas.set_focus(map, around, d);
        }
        Some(Bar::LeaveFocus) => canvas.set_focus(map, None, 1),
        Some(Bar::Arrange(on)) => {
            if let Some(mut f) = focus {
                f.arrange = on;
                canvas.frame = Some(neighbourhood(map, &f.around, f.depth).into_iter().collect());
                canvas.visibility.set_focus(Some(f));
            }
        }
        Some(Bar::UnfoldAll) => canvas.visibility.expand_all(),
        None => {}
    }
}

enum Bar {
    Depth(usize),
    Arrange(bool),
    LeaveFocus,
    UnfoldAll,
}
