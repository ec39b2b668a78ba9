//! The menu bar and the toolbar, drawn from the command table. They read a [`BarCtx`] and push
//! commands; they change nothing themselves.

use super::app::ThemeChoice;
use super::command::{Command, CommandState, Entry, Menu, TABLE, shortcut_text};
use egui::Button;
use std::path::PathBuf;

/// What the menu bar and the toolbar show: which commands can run, and the settings they tick.
#[derive(Clone, Copy, Debug)]
pub struct BarCtx<'a> {
    pub commands: CommandState<'a>,
    /// File → Open recent, newest first.
    pub recent: &'a [PathBuf],
    pub show_inspector: bool,
    pub show_reader: bool,
    pub theme: ThemeChoice,
    /// The canvas zoom (1 = 100 %).
    pub canvas_zoom: f32,
    /// An article is being read off the UI thread.
    pub reading_articles: bool,
}

/// One menu item: the command's label (Undo names its step), its first shortcut, greyed out
/// when it would do nothing.
fn menu_item_ui(ui: &mut egui::Ui, cx: &BarCtx<'_>, entry: &Entry, out: &mut Vec<Command>) {
    let mut button = Button::new(cx.commands.menu_label(entry));
    if let Some(s) = entry.shortcuts().next() {
        button = button.shortcut_text(shortcut_text(ui.ctx(), s));
    }
    if ui
        .add_enabled(cx.commands.enabled(&entry.command), button)
        .clicked()
    {
        out.push(entry.command.clone());
    }
}

/// The table's entries of `menu`, with a separator between groups; `after_group` draws what
/// belongs to no command (Open recent, panel and theme choices) after each group.
fn menu_ui(
    ui: &mut egui::Ui,
    cx: &BarCtx<'_>,
    menu: Menu,
    out: &mut Vec<Command>,
    mut after_group: impl FnMut(&mut egui::Ui, u8, &mut Vec<Command>),
) {
    let mut group = None;
    for entry in TABLE {
        let Some((m, g)) = entry.menu else { continue };
        if m != menu {
            continue;
        }
        if let Some(last) = group
            && last != g
        {
            after_group(ui, last, out);
            ui.separator();
        }
        group = Some(g);
        menu_item_ui(ui, cx, entry, out);
    }
    if let Some(last) = group {
        after_group(ui, last, out);
    }
}

/// File → Open recent.
fn recent_ui(ui: &mut egui::Ui, recent: &[PathBuf], out: &mut Vec<Command>) {
    ui.menu_button("Open recent", |ui| {
        if recent.is_empty() {
            ui.label("No recent maps");
        }
        for path in recent {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            if ui
                .button(name)
                .on_hover_text(path.display().to_string())
                .clicked()
            {
                out.push(Command::OpenPath(path.clone()));
            }
        }
    });
}

/// View's settings below its commands: panels, theme, interface size.
fn view_settings_ui(ui: &mut egui::Ui, cx: &BarCtx<'_>, out: &mut Vec<Command>) {
    ui.separator();
    let mut inspector = cx.show_inspector;
    if ui.checkbox(&mut inspector, "Inspector panel").changed() {
        out.push(Command::ShowInspector(inspector));
    }
    let mut reader = cx.show_reader;
    if ui.checkbox(&mut reader, "Article reader panel").changed() {
        out.push(Command::ShowReader(reader));
    }
    ui.separator();
    ui.label("Theme");
    let mut theme = cx.theme;
    ui.radio_value(&mut theme, ThemeChoice::System, "Follow the system");
    ui.radio_value(&mut theme, ThemeChoice::Light, "Light");
    ui.radio_value(&mut theme, ThemeChoice::Dark, "Dark");
    if theme != cx.theme {
        out.push(Command::SetTheme(theme));
    }
    ui.separator();
    ui.label(format!(
        "Interface size: {:.0} % (Ctrl+= / Ctrl+-)",
        ui.ctx().zoom_factor() * 100.0
    ));
}

/// File, Edit, View, Help.
pub fn menu_bar_ui(ui: &mut egui::Ui, cx: &BarCtx<'_>, out: &mut Vec<Command>) {
    let last_view_group = TABLE
        .iter()
        .filter_map(|e| e.menu.filter(|(m, _)| *m == Menu::View).map(|(_, g)| g))
        .max();
    egui::MenuBar::new().ui(ui, |ui| {
        for menu in Menu::ALL {
            ui.menu_button(menu.title(), |ui| {
                menu_ui(ui, cx, menu, out, |ui, group, out| match menu {
                    Menu::File if group == 0 => recent_ui(ui, cx.recent, out),
                    Menu::View if Some(group) == last_view_group => {
                        view_settings_ui(ui, cx, out);
                    }
                    _ => {}
                });
            });
        }
    });
}

/// The buttons above the canvas: the table's toolbar entries, then the zoom and the panels.
pub fn toolbar_ui(ui: &mut egui::Ui, cx: &BarCtx<'_>, out: &mut Vec<Command>) {
    let mut tools: Vec<(&Entry, super::command::Tool)> = TABLE
        .iter()
        .filter_map(|e| e.tool.map(|t| (e, t)))
        .collect();
    tools.sort_by_key(|(_, t)| t.slot);
    ui.horizontal(|ui| {
        let mut tens = None;
        for (entry, tool) in tools {
            if tens.is_some_and(|t| t != tool.slot / 10) {
                ui.separator();
            }
            tens = Some(tool.slot / 10);
            let label = tool.label.unwrap_or(entry.label);
            let response = match cx.commands.checked(&entry.command) {
                Some(on) => ui.selectable_label(on, label),
                None => ui.add_enabled(cx.commands.enabled(&entry.command), Button::new(label)),
            };
            let response = match tool.hint {
                Some(hint) => response.on_hover_text(hint),
                None => response,
            };
            if response.clicked() {
                out.push(entry.command.clone());
            }
        }
        ui.label(format!("{:.0} %", cx.canvas_zoom * 100.0));
        if cx.reading_articles {
            ui.separator();
            ui.spinner();
            ui.label("Reading the article…");
        }
        if cx.commands.tidying {
            ui.separator();
            ui.spinner();
            ui.label("Tidying the layout…");
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.selectable_label(cx.show_reader, "Reader").clicked() {
                out.push(Command::ShowReader(!cx.show_reader));
            }
            if ui
                .selectable_label(cx.show_inspector, "Left panel")
                .clicked()
            {
                out.push(Command::ShowInspector(!cx.show_inspector));
            }
        });
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable as _;

    struct Bar {
        out: Vec<Command>,
        cards: usize,
    }

    fn bar(cards: usize) -> Harness<'static, Bar> {
        Harness::builder()
            .with_size(egui::vec2(1400.0, 600.0))
            .build_ui_state(
                |ui, bar: &mut Bar| {
                    let cx = BarCtx {
                        commands: CommandState {
                            selected_cards: bar.cards,
                            undo: Some("Tidy"),
                            ..CommandState::default()
                        },
                        recent: &[],
                        show_inspector: true,
                        show_reader: false,
                        theme: ThemeChoice::System,
                        canvas_zoom: 1.0,
                        reading_articles: false,
                    };
                    egui::Panel::top("menu").show(ui, |ui| menu_bar_ui(ui, &cx, &mut bar.out));
                    egui::Panel::top("toolbar").show(ui, |ui| toolbar_ui(ui, &cx, &mut bar.out));
                },
                Bar {
                    out: Vec::new(),
                    cards,
                },
            )
    }

    #[test]
    fn menu_items_send_their_command_and_undo_names_its_step() {
        let mut h = bar(1);
        h.get_by_label("Edit").click();
        h.run();
        h.get_by_label_contains("Undo Tidy").click();
        h.run();
        assert_eq!(h.state().out, [Command::Undo]);
        h.get_by_label("View").click();
        h.run();
        h.get_by_label("Dark").click();
        h.run();
        assert_eq!(
            h.state().out,
            [Command::Undo, Command::SetTheme(ThemeChoice::Dark)]
        );
    }

    #[test]
    fn the_toolbar_greys_out_what_cannot_run_and_toggles_panels() {
        let mut h = bar(0);
        h.run();
        // No card selected: nothing to link; Redo has no step.
        h.get_by_label("Link selected").click();
        h.run();
        h.get_by_label("Redo").click();
        h.run();
        assert!(h.state().out.is_empty(), "{:?}", h.state().out);
        h.get_by_label("Tidy").click();
        h.run();
        h.get_by_label("Reader").click();
        h.run();
        assert_eq!(h.state().out, [Command::Tidy, Command::ShowReader(true)]);
        h.state_mut().cards = 2;
        h.state_mut().out.clear();
        h.run();
        h.get_by_label("Link selected").click();
        h.run();
        assert_eq!(h.state().out, [Command::LinkSelected]);
    }
}
