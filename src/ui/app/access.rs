//! What tests, benchmarks and the window's host read of the app (and the few view settings
//! they set), in place of public fields: the map itself changes only through commands and
//! [`WarrantApp::submit`].

use super::{Selection, Settings, WarrantApp};
use crate::ui::canvas::CanvasState;
use crate::ui::dialogs::Dialogs;
use crate::ui::findings::Findings;
use crate::ui::present::Presentation;
use crate::ui::reader::ReaderState;
use std::path::Path;

impl WarrantApp {
    /// Where the map is saved; `None` for a new or sample map.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// What is selected.
    pub fn selection(&self) -> &Selection {
        &self.selection
    }

    /// Selects these cards or link, as a click would.
    pub fn select(&mut self, selection: Selection) {
        self.selection = selection;
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The remembered settings, to change before the window is drawn.
    pub fn settings_mut(&mut self) -> &mut Settings {
        &mut self.settings
    }

    /// The canvas's camera and view state.
    pub fn canvas(&self) -> &CanvasState {
        &self.canvas
    }

    /// The canvas's camera and view state, to move it.
    pub fn canvas_mut(&mut self) -> &mut CanvasState {
        &mut self.canvas
    }

    /// The article reader's state: which article it shows.
    pub fn reader(&self) -> &ReaderState {
        &self.reader
    }

    /// The article reader's state, to select text in it.
    pub fn reader_mut(&mut self) -> &mut ReaderState {
        &mut self.reader
    }

    /// Open dialogs and the last error or notice.
    pub fn dialogs(&self) -> &Dialogs {
        &self.dialogs
    }

    /// The presentation running, if any.
    pub fn presentation(&self) -> Option<&Presentation> {
        self.presenting.as_ref()
    }

    /// The presentation running, if any, to change its theme or step.
    pub fn presentation_mut(&mut self) -> Option<&mut Presentation> {
        self.presenting.as_mut()
    }

    /// The analysis of the map and its cache.
    pub fn findings(&self) -> &Findings {
        &self.findings
    }

    /// Whether a Tidy is being computed on its thread.
    pub fn tidying(&self) -> bool {
        self.tidying.busy()
    }

    /// Whether the analysis, the comparison with a reference, Tidy and opening a map file run
    /// off the UI thread (the window) or at once (tests).
    pub fn analyse_in_background(&mut self, background: bool) {
        self.findings.set_background(background);
        self.compare.set_background(background);
        self.tidying.background = background;
        self.opening.background = background;
    }
}
