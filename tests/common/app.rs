//! The real app in a kittest harness, as the UI tests drive it.

use egui_kittest::Harness;
use std::collections::HashMap;
use std::path::Path;
use warrant::model::Map;
use warrant::ui::{Settings, WarrantApp};

/// The app on `map` with default settings, asking for file names in its own prompt (no system
/// dialog) and writing recovery copies under `dir` when given.
pub fn app_on(map: Map, dir: Option<&Path>) -> WarrantApp {
    let mut app = WarrantApp::with_map(map, Settings::default());
    app.use_path_prompt();
    if let Some(dir) = dir {
        app.set_recovery_dir(Some(dir.join("recovery")));
    }
    app
}

/// The app in a 1400×900 window.
pub fn harness(app: WarrantApp) -> Harness<'static, WarrantApp> {
    harness_sized(app, egui::vec2(1400.0, 900.0), 240)
}

/// The app on `map` in a 1400×900 window, its first frame drawn: where most UI tests start.
pub fn started(map: Map, dir: Option<&Path>) -> Harness<'static, WarrantApp> {
    let mut h = harness(app_on(map, dir));
    h.run();
    h
}

/// The app in a window of `size`, settling for at most `steps` frames per run.
pub fn harness_sized(
    app: WarrantApp,
    size: egui::Vec2,
    steps: u64,
) -> Harness<'static, WarrantApp> {
    Harness::builder()
        .with_size(size)
        .with_max_steps(steps)
        .build_ui_state(|ui, app: &mut WarrantApp| app.ui(ui), app)
}

/// Settings kept in memory, as eframe keeps them on disk between runs.
#[derive(Default)]
pub struct MemoryStorage(HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}
