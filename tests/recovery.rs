//! Autosave: a recovery copy is written while there are unsaved changes and can be restored.

use std::path::Path;
use std::time::{Duration, Instant};
use warrant::io::{Autosave, Recovery};

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
fn autosave_writes_only_unsaved_changes_and_not_too_often() {
    let mut auto = Autosave::new(Duration::from_secs(20));
    let t0 = Instant::now();
    assert!(!auto.due(t0, false, 1), "nothing unsaved: nothing to write");
    assert!(auto.due(t0, true, 1));
    auto.wrote(t0, 1);
    assert!(
        !auto.due(t0 + Duration::from_secs(30), true, 1),
        "already written at this state"
    );
    assert!(
        !auto.due(t0 + Duration::from_secs(5), true, 2),
        "too soon after the last write"
    );
    assert!(auto.due(t0 + Duration::from_secs(21), true, 2));
}
