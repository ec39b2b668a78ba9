//! The presentation, driven as a teacher would: `+` and `-` resize and refit the step, and the
//! theme and size chosen are there again the next time the app runs.

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use warrant::ui::{Settings, WarrantApp};

mod common;
use common::app::MemoryStorage;

fn memo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("maps/memo-2008-russia-nato-mutually-exclusive-arguments.json")
}

fn harness(app: WarrantApp) -> Harness<'static, WarrantApp> {
    common::app::harness_sized(app, egui::vec2(1920.0, 1080.0), 400)
}

fn present(h: &mut Harness<'static, WarrantApp>) {
    h.run();
    h.get_all_by_label_contains("Present")
        .next()
        .expect("a Present button")
        .click();
    h.run();
    assert!(h.state().presentation().is_some());
}

/// The cards on the projector, by label, with their rectangles.
fn cards(h: &Harness<'static, WarrantApp>) -> HashMap<String, egui::Rect> {
    h.get_all_by_role(egui::accesskit::Role::Button)
        .filter_map(|n| {
            let label = n.accesskit_node().label()?;
            (label.starts_with("Claim: ") || label.starts_with("Quote: "))
                .then(|| (label, n.rect()))
        })
        .collect()
}

/// Every card whole between the title band and the bottom line of the 1920×1080 screen.
#[track_caller]
fn all_on_screen(cards: &HashMap<String, egui::Rect>) {
    let screen = egui::Rect::from_min_max(egui::pos2(0.0, 99.0), egui::pos2(1920.0, 1037.0));
    for (label, r) in cards {
        assert!(
            screen.expand(1.0).contains_rect(*r),
            "cut off: {label} at {r:?}"
        );
    }
}

#[test]
fn plus_and_minus_resize_the_step_and_keep_every_card_on_the_screen() {
    let map = warrant::io::load(&memo()).unwrap();
    let mut h = harness(WarrantApp::with_map(map, Settings::default()));
    present(&mut h);
    for step in 0..4 {
        let before = cards(&h);
        assert!(!before.is_empty(), "step {step} shows cards");
        all_on_screen(&before);
        let width =
            |c: &HashMap<String, egui::Rect>| c.values().map(egui::Rect::width).fold(0.0, f32::max);
        h.key_press(Key::Plus);
        h.run();
        let bigger = cards(&h);
        all_on_screen(&bigger);
        assert!(h.state().presentation().unwrap().prefs.text_scale > 1.0);
        // A step of a few cards has room to grow (a full one is already as large as fits).
        assert!(
            before.len() > 3 || width(&bigger) > width(&before) * 1.05,
            "step {step}: + made the cards {} px wide, from {}",
            width(&bigger),
            width(&before)
        );
        for _ in 0..8 {
            h.key_press(Key::Plus);
            h.run();
            all_on_screen(&cards(&h));
        }
        // Down past the default: smaller than at first, still whole.
        for _ in 0..9 {
            h.key_press(Key::Minus);
        }
        h.run();
        let smaller = cards(&h);
        all_on_screen(&smaller);
        assert!(width(&smaller) < width(&before), "step {step}");
        // Back to the default size for the next step.
        h.state_mut().presentation_mut().unwrap().prefs.text_scale = 1.0;
        h.key_press(Key::ArrowRight);
        h.run();
    }
}

#[test]
fn the_theme_and_size_are_there_again_next_run() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = egui::Context::default();
    let app = WarrantApp::new(&ctx, None, Some(dir.path().into()), Some(memo()));
    let mut h = harness(app);
    present(&mut h);
    let p = h.state().presentation().unwrap();
    assert!(!p.prefs.dark, "the light projector theme first");
    h.key_press(Key::T);
    h.key_press(Key::Plus);
    h.run();
    let chosen = h.state().presentation().unwrap().prefs;
    assert!(chosen.dark);
    h.key_press(Key::Escape);
    h.run();
    assert!(h.state().presentation().is_none());

    let mut storage = MemoryStorage::default();
    eframe::App::save(h.state_mut(), &mut storage);
    drop(h);
    let again = WarrantApp::new(&ctx, Some(&storage), Some(dir.path().into()), Some(memo()));
    let mut h = harness(again);
    present(&mut h);
    assert_eq!(h.state().presentation().unwrap().prefs, chosen);
}
