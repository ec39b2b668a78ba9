//! The commands the canvas and the reader send while drawing, run after the frame.

use super::{Selection, WarrantApp};
use crate::ui::command::Command;

impl WarrantApp {
    /// Runs a command sent by the canvas or the reader.
    pub(super) fn run_panel_command(&mut self, command: Command) {
        match command {
            Command::Submit {
                label,
                merge,
                edits,
            } => self.submit(&label, merge, edits),
            Command::Seal => self.history.seal(),
            Command::Select(nodes) => self.selection = Selection { nodes, link: None },
            Command::SelectLink(link) => {
                self.selection = Selection {
                    nodes: Vec::new(),
                    link: Some(link),
                };
            }
            Command::ShowQuote(id) => {
                if let Some(q) = self.history.map().quote(&id) {
                    self.reader.show_quote(q);
                }
            }
            Command::Reveal(id) => self.canvas.reveal = Some(id),
            Command::NewClaimAt(p) => self.new_claim_at(p),
            Command::LinkCards(from, to) => self.dialogs.relation = Some((from, to, None)),
            Command::QuotePassage { source, start, end } => self.quote_passage(&source, start, end),
            Command::Notice(text) => self.dialogs.notice = Some(text),
            _ => {}
        }
    }

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
