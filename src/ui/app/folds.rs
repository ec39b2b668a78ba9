//! Folding branches and focus mode: what the canvas shows of the map, changed from commands.

use super::{Selection, WarrantApp};

impl WarrantApp {
    /// Focus mode on or off: on shows the selection's neighbourhood.
    pub(super) fn toggle_focus(&mut self) {
        let map = self.history.map();
        if self.canvas.visibility.focus().is_some() {
            self.canvas.set_focus(map, None, 1);
        } else if self.selection.nodes.is_empty() {
            self.dialogs.notice =
                Some("Select a card first: focus mode shows it and what is linked to it.".into());
        } else {
            let around = self.selection.nodes.clone();
            self.canvas.set_focus(map, Some(around), 1);
        }
    }

    /// Folds or unfolds the selected cards' branches.
    pub(super) fn toggle_selected_folds(&mut self) {
        let map = self.history.map();
        let ids = self.selection.nodes.clone();
        if !ids
            .iter()
            .any(|id| self.canvas.visibility.is_collapsed(id) || crate::view::has_branch(map, id))
        {
            self.dialogs.notice = Some(
                "Select a card that has reasons, objections or quotes pointing at it to fold them away."
                    .into(),
            );
            return;
        }
        self.canvas.toggle_folds(map, &ids);
        // The selection stays on the folded card; cards folded away are no longer selected.
        let hidden = self.canvas.visibility.hidden(map);
        self.selection = Selection {
            nodes: ids.into_iter().filter(|id| !hidden.contains(id)).collect(),
            link: None,
        };
    }
}
