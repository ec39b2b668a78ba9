//! Autosave: a recovery copy is written while there are unsaved changes and can be restored.

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
    assert!(
        at - 10_000 <= 4_000,
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
