//! Autosave: a recovery copy is written while there are unsaved changes and can be restored.

#![allow(clippy::unwrap_used)] // tests: failing loudly is right

use std::path::Path;
use std::time::Duration;
use warrant::io::{Autosave, Recovery, RecoveryWriter};

mod common;

#[test]
fn a_recovery_copy_round_trips_and_names_its_map() {
    let dir = tempfile::tempdir().unwrap();
    let map = common::hand_made();
    let map_path = Path::new("/home/student/maps/homework.json");
    let r = Recovery::for_map(dir.path(), Some(map_path));
    r.write(&map, Some(map_path)).unwrap();
    // After a crash, the next start finds it.
    let found = Recovery::find_all(dir.path());
    assert_eq!(found, vec![r.clone()]);
    assert_eq!(found[0].load().unwrap(), map);
    assert_eq!(found[0].origin().as_deref(), Some(map_path));
    found[0].discard();
    assert!(Recovery::find_all(dir.path()).is_empty());
}

#[test]
fn each_map_has_its_own_recovery_copy() {
    let dir = tempfile::tempdir().unwrap();
    let a = Recovery::for_map(dir.path(), Some(Path::new("/a/map.json")));
    let b = Recovery::for_map(dir.path(), Some(Path::new("/b/map.json")));
    let untitled = Recovery::for_map(dir.path(), None);
    assert_ne!(a, b);
    assert_ne!(a, untitled);
    untitled.write(&common::hand_made(), None).unwrap();
    assert_eq!(Recovery::find_all(dir.path())[0].origin(), None);
}

#[test]
fn autosave_writes_soon_after_the_last_change_and_never_later_than_the_longest_wait() {
    let mut auto = Autosave::new(Duration::from_secs(2), Duration::from_secs(4));
    let t = |ms: u64| Duration::from_millis(ms);
    assert!(
        !auto.tick(t(0), false, 1),
        "nothing unsaved: nothing to write"
    );
    assert_eq!(auto.wait(t(0)), None);
    // A change, then quiet: written 2 s later, not before.
    assert!(!auto.tick(t(0), true, 2));
    assert_eq!(
        auto.wait(t(500)),
        Some(t(1500)),
        "the UI is woken when it is due"
    );
    assert!(!auto.tick(t(1900), true, 2));
    assert!(auto.tick(t(2000), true, 2));
    auto.wrote(2);
    assert!(
        !auto.tick(t(9000), true, 2),
        "already written at this state"
    );
    // Typing without a pause: each key is a change, yet a copy is written within 4 s.
    let mut written_at = None;
    for (i, ms) in (10_000..20_000).step_by(300).enumerate() {
        let generation = 3 + i as u64;
        if auto.tick(t(ms), true, generation) {
            auto.wrote(generation);
            written_at = Some(ms);
            break;
        }
    }
    let at = written_at.expect("written while typing");
    // At the first frame past 4 s (frames here come with each key, 300 ms apart).
    assert!(
        at - 10_000 < 4_000 + 300,
        "the first change waited {} ms",
        at - 10_000
    );
}

#[test]
fn the_writer_keeps_the_order_a_discard_after_a_write_wins() {
    let dir = tempfile::tempdir().unwrap();
    let r = Recovery::for_map(dir.path(), None);
    let mut writer = RecoveryWriter::default();
    writer.write(r.clone(), common::hand_made(), None);
    writer.flush();
    assert_eq!(r.load().unwrap(), common::hand_made());
    for _ in 0..20 {
        writer.write(r.clone(), common::hand_made(), None);
    }
    writer.discard(r.clone());
    writer.flush();
    assert!(Recovery::find_all(dir.path()).is_empty());
    // Dropping the writer finishes what was queued.
    writer.write(r.clone(), common::hand_made(), None);
    drop(writer);
    assert_eq!(Recovery::find_all(dir.path()), vec![r]);
}

// The window, through egui_kittest on the real app state.

use common::app::harness;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use warrant::ui::{Settings, WarrantApp};

/// Lets `seconds` pass on the app's clock (the autosave's debounce reads it).
fn wait(h: &mut Harness<'static, WarrantApp>, seconds: f64) {
    let now = h.ctx.input(|i| i.time);
    h.input_mut().time = Some(now + seconds);
    h.step();
    h.run();
}

#[test]
fn an_untitled_maps_words_survive_a_crash_and_a_start_with_a_file() {
    let data = tempfile::tempdir().unwrap();
    let other = data.path().join("other.json");
    warrant::io::save(&other, &common::hand_made()).unwrap();
    let start = |ctx: &egui::Context| {
        let mut app = WarrantApp::new(ctx, None, Some(data.path().to_owned()), Some(other.clone()));
        app.use_path_prompt();
        app
    };

    // First run: started on a file; a new untitled map; a claim typed, Enter not yet pressed.
    let ctx = egui::Context::default();
    let mut h = harness(start(&ctx));
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    assert_eq!(h.state().path(), None, "a new untitled map");
    h.get_by_label("New claim").click();
    h.run();
    h.get_by_label("Claim text on the card")
        .type_text("Students lose nothing");
    h.run();
    // A few seconds later the copy is written, holding the words being typed.
    wait(&mut h, 2.5);
    h.state_mut().flush_recovery();
    let copies = Recovery::find_all(&data.path().join("recovery"));
    assert_eq!(copies.len(), 1);
    let texts: Vec<String> = copies[0]
        .load()
        .unwrap()
        .claims
        .iter()
        .map(|c| c.text.clone())
        .collect();
    assert_eq!(texts, ["Students lose nothing"]);
    // The crash: nothing more runs (dropping the harness closes no window and saves nothing).
    drop(h);

    // Second run, on the same file: the copy is offered, and restoring it brings the words back.
    let ctx = egui::Context::default();
    let mut h = harness(start(&ctx));
    h.run();
    assert!(
        !Recovery::find_all(&data.path().join("recovery")).is_empty(),
        "opening the file at start must not delete the untitled map's copy"
    );
    h.get_by_label("Restore").click();
    h.run();
    let map = h.state().map();
    assert_eq!(map.claims.len(), 1);
    assert_eq!(map.claims[0].text, "Students lose nothing");
    assert_eq!(h.state().path(), None);
    assert!(h.state().is_dirty(), "restored changes are unsaved");
}

#[test]
fn saving_over_a_file_another_program_changed_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.json");
    warrant::io::save(&path, &common::hand_made()).unwrap();
    let theirs = || {
        let mut m = common::hand_made();
        m.title = "Changed by another program".into();
        std::fs::write(&path, warrant::io::map_to_json(&m).unwrap()).unwrap();
    };
    let mut app = WarrantApp::with_map(warrant::model::Map::new("x"), Settings::default());
    app.use_path_prompt();
    app.set_recovery_dir(Some(dir.path().join("recovery")));
    app.open_path(&path);
    let mut h = harness(app);
    h.run();
    let mine = |h: &mut Harness<'static, WarrantApp>| {
        h.get_by_label("New claim").click();
        h.run();
        h.get_by_label("Claim text on the card").type_text("Mine");
        h.run();
        h.key_press(Key::Enter);
        h.run();
    };
    let on_disk = || warrant::io::load(&path).unwrap();

    // Unchanged on disk: Ctrl+S just saves.
    mine(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(!h.state().is_dirty());
    assert!(on_disk().claims.iter().any(|c| c.text == "Mine"));

    // Changed on disk: nothing is written until the user answers; Cancel leaves it all.
    theirs();
    mine(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert_eq!(on_disk().title, "Changed by another program");
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(on_disk().title, "Changed by another program");
    assert!(h.state().is_dirty());

    // Overwrite: ours is saved, theirs kept as the backup.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label("Overwrite it").click();
    h.run();
    assert_eq!(on_disk().title, common::hand_made().title);
    assert!(!h.state().is_dirty());
    let bak = warrant::io::load(&warrant::io::backup_path(&path)).unwrap();
    assert_eq!(bak.title, "Changed by another program");

    // Reload: the file as the other program left it replaces what is on screen.
    theirs();
    mine(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label("Reload from disk").click();
    h.run();
    assert_eq!(h.state().map().title, "Changed by another program");
    assert!(!h.state().is_dirty());
    // And after a reload, saving again needs no question.
    mine(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(!h.state().is_dirty());
    assert_eq!(on_disk().title, "Changed by another program");
}

#[cfg(unix)]
#[test]
fn add_article_refuses_a_fifo_instead_of_freezing_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("article.txt");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let mut app = WarrantApp::with_map(warrant::model::Map::new("x"), Settings::default());
    app.use_path_prompt();
    let mut h = harness(app);
    h.run();
    h.state_mut()
        .push(warrant::ui::Command::AddArticlePath(fifo));
    h.run();
    assert!(h.state().map().sources.is_empty());
    let error = h.state().dialogs().error.clone().unwrap_or_default();
    assert!(error.contains("named pipe (FIFO)"), "{error}");
}

/// A window reading articles on a thread, asked to add a one-line speech from `dir`.
fn adding_an_article(dir: &Path) -> (Harness<'static, WarrantApp>, egui::Context) {
    let path = dir.join("speech.txt");
    std::fs::write(&path, "NATO is a relic of the Cold War.\n").unwrap();
    let mut app = WarrantApp::with_map(warrant::model::Map::new("x"), Settings::default());
    app.read_articles_in_background(true);
    let mut h = harness(app);
    h.run();
    let ctx = h.ctx.clone();
    h.state_mut()
        .run_command(&ctx, warrant::ui::Command::AddArticlePath(path));
    (h, ctx)
}

#[test]
fn the_window_reads_an_added_article_on_a_thread_and_adds_it_when_ready() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = adding_an_article(dir.path());
    assert!(
        h.state().map().sources.is_empty() && h.state().reading_articles(),
        "the command hands the file to a thread instead of reading it"
    );
    // Frames go on while the thread reads; a generous bound in frames, not a timed wait.
    for _ in 0..20_000 {
        if !h.state().reading_articles() {
            break;
        }
        h.step();
        std::thread::yield_now();
    }
    assert!(!h.state().reading_articles(), "the article arrived");
    let sources = &h.state().map().sources;
    assert_eq!(sources.len(), 1, "and was added to the map");
    assert!(sources[0].text.contains("relic of the Cold War"));
    assert!(h.state().history().can_undo(), "as an undoable step");
}

#[test]
fn an_article_still_being_read_is_not_added_to_the_next_map_opened() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, ctx) = adding_an_article(dir.path());
    // Another map before the article is in: it was asked for the first one.
    h.state_mut()
        .run_command(&ctx, warrant::ui::Command::NewMap);
    assert!(!h.state().reading_articles());
    for _ in 0..50 {
        h.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(
        h.state().map().sources.is_empty(),
        "the new map has no article"
    );
    assert!(!h.state().history().can_undo(), "and no edit");
}
