//! F6 / Shift+F6: which control of the next region takes the keyboard focus; and Tab between a
//! card and its fields in the inspector.

use super::{LeftTab, Selection, WarrantApp};
use crate::ui::canvas::card_widget_id;
use crate::ui::focus_regions::{Region, widget_rect};

impl WarrantApp {
    /// Focuses the next shown region (`forward`) or the previous one: on the map the selected
    /// card (or the first card shown), in the inspector its first field, in the reader the
    /// article's text. A region with nothing to focus is passed over.
    pub(super) fn focus_next_region(&mut self, ctx: &egui::Context, forward: bool) {
        for region in self.regions.after_focused(ctx, forward) {
            let target = match region {
                Region::Canvas => self.card_to_focus(ctx),
                Region::Inspector => None,
                Region::Reader => self
                    .reader
                    .current
                    .as_ref()
                    .map(crate::ui::reader::text_id)
                    .filter(|&id| widget_rect(ctx, id).is_some()),
            }
            .or_else(|| self.regions.first_widget(ctx, region));
            if let Some(id) = target {
                ctx.memory_mut(|m| m.request_focus(id));
                ctx.request_repaint();
                return;
            }
        }
    }

    /// The selected card (brought into view if it is not), or else the first card shown.
    fn card_to_focus(&mut self, ctx: &egui::Context) -> Option<egui::Id> {
        if let Some(id) = self.selection.nodes.first() {
            if widget_rect(ctx, card_widget_id(id)).is_none() {
                // Focus may wait a frame for the card to be drawn.
                self.canvas.reveal = Some(id.clone());
            }
            return Some(card_widget_id(id));
        }
        let first = self
            .map()
            .nodes()
            .map(|n| n.id().clone())
            .find(|id| widget_rect(ctx, card_widget_id(id)).is_some())?;
        // A focused card is the selected one (as with Tab); the card cannot tell, as focus
        // given between frames does not count as gained.
        let target = card_widget_id(&first);
        self.selection = Selection::one(first);
        Some(target)
    }

    /// Tab on a focused card goes into its fields in the inspector (the arrow keys move between
    /// cards), and Shift+Tab on the inspector's first field comes back to the card. Egui would
    /// Tab to the next card and leave the card's own fields a long way round. Runs before the
    /// frame draws, so egui's own Tab move can still be called off.
    pub(super) fn tab_between_card_and_fields(&mut self, ctx: &egui::Context) {
        if !self.settings.show_inspector || self.settings.left_tab != LeftTab::Inspector {
            return;
        }
        let [card] = self.selection.nodes.as_slice() else {
            return;
        };
        let card_id = card_widget_id(card);
        let Some(focused) = ctx.memory(egui::Memory::focused) else {
            return;
        };
        let first_field = self.regions.first_widget_last_frame(ctx, Region::Inspector);
        let (into_fields, back_to_card) = ctx.input_mut(|i| {
            // (`consume_key` with no modifiers would take Shift+Tab too.)
            let into = focused == card_id
                && i.modifiers.is_none()
                && i.consume_key(egui::Modifiers::NONE, egui::Key::Tab);
            let back = Some(focused) == first_field
                && i.consume_key(egui::Modifiers::SHIFT, egui::Key::Tab);
            (into, back)
        });
        if into_fields {
            ctx.memory_mut(|m| m.move_focus(egui::FocusDirection::None));
            // The fields are drawn this frame (the card may have been selected by this Tab's
            // arrival); the focus goes to the first of them once they are.
            self.pending.push(crate::ui::command::Command::NextPanel);
        } else if back_to_card {
            // Brought into view if the inspector was scrolled away from it.
            self.canvas.reveal = Some(card.clone());
            ctx.memory_mut(|m| {
                m.move_focus(egui::FocusDirection::None);
                m.request_focus(card_id);
            });
        }
    }
}
