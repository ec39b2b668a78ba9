//! The window: the only module that knows egui. It reads the map and submits edits.

mod app;
mod canvas;
mod command;
mod compare_panel;
mod dialogs;
mod draft;
mod export_dialog;
mod feedback_panel;
mod files;
mod findings;
mod focus_regions;
mod inspector;
mod link_dialog;
mod menus;
mod names;
#[cfg(test)]
mod panel_bench;
mod paste_dialog;
mod present;
mod presenter;
mod reader;
mod story_panel;
mod theme;
mod welcome;

pub use app::{LeftTab, Selection, Settings, ThemeChoice, WarrantApp};
pub use command::{Command, Entry, Menu, TABLE};

use std::path::PathBuf;

/// The app id: names the settings folder.
pub const APP_ID: &str = "Warrant";

/// Opens the window (with `file`, or the last map, or the sample map).
pub fn run(file: Option<PathBuf>) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Warrant")
            .with_app_id("warrant")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([640.0, 400.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        APP_ID,
        options,
        Box::new(move |cc| {
            let data_dir = eframe::storage_dir(APP_ID);
            Ok(Box::new(WarrantApp::new(
                &cc.egui_ctx,
                cc.storage,
                data_dir,
                file,
            )))
        }),
    )
}
