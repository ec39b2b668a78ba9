//! The command table drives the real app: every shortcut it lists runs its command (and no
//! other command of the table), and Help lists every command.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use warrant::ui::{Command, TABLE, WarrantApp};

mod common;
use common::app::app_on;
use common::steps::menu;

fn harness() -> Harness<'static, WarrantApp> {
    let map = common::small_map();
    common::app::harness_sized(app_on(map, None), egui::vec2(1400.0, 900.0), 60)
}

fn in_table(c: &Command) -> bool {
    TABLE.iter().any(|e| e.command == *c)
}

#[test]
fn every_shortcut_in_the_table_runs_its_command() {
    let mut checked = 0;
    for entry in TABLE {
        for shortcut in entry.shortcuts() {
            let mut h = harness();
            h.run();
            let before = h.state().commands_run().len();
            h.key_press_modifiers(shortcut.modifiers, shortcut.logical_key);
            h.run();
            let ran: Vec<&Command> = h.state().commands_run()[before..]
                .iter()
                .filter(|c| in_table(c))
                .collect();
            assert_eq!(ran, [&entry.command], "{shortcut:?}");
            checked += 1;
        }
    }
    assert!(checked >= 25, "only {checked} shortcuts");
}

#[test]
fn help_lists_every_command_of_the_table() {
    let mut h = harness();
    h.run();
    for entry in TABLE {
        assert!(
            h.query_by_label(entry.help).is_none(),
            "{} before Help",
            entry.label
        );
    }
    menu(&mut h, "Help", "Keyboard shortcuts");
    for entry in TABLE {
        assert!(h.query_by_label(entry.help).is_some(), "{}", entry.label);
    }
}

#[test]
fn help_scrolls_in_a_small_window_to_its_last_row_and_its_close_button_stays_on_screen() {
    let map = common::small_map();
    let height = 420.0;
    let mut h = common::app::harness_sized(app_on(map, None), egui::vec2(900.0, height), 60);
    h.run();
    menu(&mut h, "Help", "Keyboard shortcuts");
    let close = h.get_by_label("Close").rect();
    assert!(
        close.max.y <= height,
        "Close at {close:?}, below the window"
    );
    // The last row of the table is below the fold until scrolled to.
    let last = "Interface size";
    assert!(
        h.get_by_label(last).rect().min.y > height,
        "the table fits: nothing to test"
    );
    h.get_by_label(last).scroll_to_me();
    h.run();
    let row = h.get_by_label(last).rect();
    assert!(row.max.y <= height, "{last} at {row:?} after scrolling");
    h.get_by_label("Close").click();
    h.run();
    assert!(!h.state().dialogs().help, "Help closed");
}

#[test]
fn help_fits_a_narrow_window_its_descriptions_wrapped() {
    let map = common::small_map();
    let width = 640.0;
    let mut h = common::app::harness_sized(app_on(map, None), egui::vec2(width, 700.0), 60);
    h.run();
    menu(&mut h, "Help", "Keyboard shortcuts");
    for entry in TABLE {
        let r = h.get_by_label(entry.help).rect();
        assert!(r.max.x <= width, "{:?} ends at {}", entry.label, r.max.x);
    }
    let close = h.get_by_label("Close").rect();
    assert!(close.max.x <= width, "Close at {close:?}");
}
