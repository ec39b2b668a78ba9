//! F6 / Shift+F6: which control of the next region takes the keyboard focus.

use super::{Selection, WarrantApp};
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
}
