//! The first run's welcome (issue 17): it says what Warrant is for and offers the ways in; the
//! samples it lists open, and it does not come back once seen. Driven by accessibility labels.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use warrant::ui::WarrantApp;

mod common;
use common::app::MemoryStorage;

/// The app as the window starts it, with the settings a previous run stored.
fn start(storage: &MemoryStorage) -> Harness<'static, WarrantApp> {
    let app = WarrantApp::new(&egui::Context::default(), Some(storage), None, None);
    common::app::harness(app)
}

#[test]
fn the_first_run_welcomes_and_a_listed_sample_opens() {
    let mut h = start(&MemoryStorage::default());
    h.run();
    assert!(h.query_by_label("Welcome to Warrant").is_some());
    assert!(h.query_by_label("New map from an article…").is_some());
    assert!(h.state().settings().welcomed, "remembered: it greets once");
    h.get_by_label("Kosachev 2011: Three birds with one stone?")
        .click();
    h.run();
    h.run();
    assert_eq!(
        h.state().map().title,
        "Kosachev 2011: Three birds with one stone?"
    );
    assert!(
        h.state().path().is_none(),
        "a sample opens as a copy with no file"
    );
    assert!(
        h.query_by_label("Welcome to Warrant").is_none(),
        "closed after the choice"
    );
}

#[test]
fn a_later_run_opens_straight_on_the_map_and_help_brings_the_welcome_back() {
    let mut storage = MemoryStorage::default();
    let mut first = start(&storage);
    first.run();
    eframe::App::save(first.state_mut(), &mut storage);
    let mut h = start(&storage);
    h.run();
    assert!(h.query_by_label("Welcome to Warrant").is_none());
    h.get_by_label("Help").click();
    h.run();
    h.get_by_label("Welcome and how a map is built").click();
    h.run();
    assert!(h.query_by_label("Welcome to Warrant").is_some());
    h.get_by_label("How a map is built").click();
    h.run();
    // The steps name the keys the command table gives (Quote selection is Ctrl+E).
    assert!(
        h.query_by_label_contains("quote it (Ctrl+E)").is_some(),
        "the how-to names the quote key"
    );
    h.get_by_label("Close").click();
    h.run();
    assert!(h.query_by_label("Welcome to Warrant").is_none());
}
