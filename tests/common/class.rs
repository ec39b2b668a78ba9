//! A teacher's class on disk: the reference map in its own folder, and a class folder of
//! hand-ins to compare with it (as the compare panel and `warrant compare` read them).

use super::tools::{GOLZ, sample};
use std::path::{Path, PathBuf};
use warrant::edit::{apply_all, ops};
use warrant::model::NodeId;

/// The reference (the Golz sample), saved as `teacher/golz.json` in `dir`.
pub fn reference(dir: &Path) -> PathBuf {
    let folder = dir.join("teacher");
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join("golz.json");
    warrant::io::save(&path, &sample(GOLZ)).unwrap();
    path
}

/// `class/` in `dir`: three hand-ins from the reference — Ann's copy of it; Ben's with only the
/// first ten passages quoted; Cleo's whose article was altered (its passages are not the
/// reference's) — a file that is not a map at all (`broken.json`), and a `notes.txt`.
pub fn class_folder(dir: &Path) -> PathBuf {
    let folder = dir.join("class");
    std::fs::create_dir_all(&folder).unwrap();
    let reference = sample(GOLZ);
    let mut ann = reference.clone();
    ann.title = "Ann".into();
    let mut ben = reference.clone();
    ben.title = "Ben".into();
    let late: Vec<NodeId> = ben.quotes[10..].iter().map(|q| q.id.clone()).collect();
    let edits = ops::delete_nodes(&ben, &late);
    apply_all(&mut ben, edits).unwrap();
    let mut cleo = reference;
    cleo.title = "Cleo".into();
    let s = &mut cleo.sources[0];
    s.text = s.text.replace("NATO", "N.A.T.O.");
    s.sha256 = warrant::model::text_sha256(&s.text);
    for (name, map) in [("ann.json", ann), ("ben.json", ben), ("cleo.json", cleo)] {
        warrant::io::save(&folder.join(name), &map).unwrap();
    }
    // Not a map: left out. A broken hand-in: a row that says so.
    std::fs::write(folder.join("notes.txt"), "marking notes").unwrap();
    std::fs::write(folder.join("broken.json"), "{not json").unwrap();
    folder
}
