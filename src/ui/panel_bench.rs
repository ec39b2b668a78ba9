//! A test bench for one panel alone: the map, the selection and the panel's own state, with the
//! commands the panel sends run as far as they touch the map and the selection (what the app
//! does after drawing), so the next frame shows their effect.

use super::app::Selection;
use super::command::Command;
use crate::model::{Map, NodeId};

/// The small map of the UI tests: two claims held by Moscow that contradict each other, and a
/// quote supporting the first.
pub fn small_map() -> Map {
    crate::io::map_from_json(
        include_bytes!("../../tests/good-small.json"),
        std::path::Path::new("good-small.json"),
    )
    .unwrap()
}

pub fn id(s: &str) -> NodeId {
    NodeId(s.into())
}

/// What a panel reads and owns, and what it sent.
pub struct Bench<S> {
    pub map: Map,
    pub selection: Selection,
    /// The panel's own state.
    pub state: S,
    /// Every command the panel sent, in order.
    pub sent: Vec<Command>,
}

impl<S> Bench<S> {
    pub fn new(map: Map, state: S) -> Self {
        Self {
            map,
            selection: Selection::default(),
            state,
            sent: Vec::new(),
        }
    }

    /// Runs a frame's commands: edits change the map, a selection replaces the selection.
    pub fn run(&mut self, commands: Vec<Command>) {
        for command in commands {
            match &command {
                Command::Submit { edits, .. } => {
                    crate::edit::apply_all(&mut self.map, edits.clone()).unwrap();
                }
                Command::Select(selection) => self.selection = selection.clone(),
                _ => {}
            }
            self.sent.push(command);
        }
    }

    /// The bench in a harness of `size`: each frame `panel` draws the panel and pushes what it
    /// sends into the list it is given, which the bench then runs.
    pub fn harness(
        self,
        size: egui::Vec2,
        mut panel: impl FnMut(&mut egui::Ui, &mut Self, &mut Vec<Command>) + 'static,
    ) -> egui_kittest::Harness<'static, Self>
    where
        S: 'static,
    {
        egui_kittest::Harness::builder()
            .with_size(size)
            .build_ui_state(
                move |ui, b: &mut Self| {
                    let mut out = Vec::new();
                    panel(ui, b, &mut out);
                    b.run(out);
                },
                self,
            )
    }

    /// The labels of the edits sent, in order.
    pub fn submitted(&self) -> Vec<&'static str> {
        self.sent
            .iter()
            .filter_map(|c| match c {
                Command::Submit { label, .. } => Some(*label),
                _ => None,
            })
            .collect()
    }
}
