//! The sample maps, and the programs outside Warrant that check its output.

use std::path::{Path, PathBuf};
use warrant::model::Map;

/// The sample map of Golz's article (30 quotes): the reference in the compare tests.
pub const GOLZ: &str = "golz-1996-why-not-join-nato.json";

/// The sample map `maps/{name}`, loaded.
pub fn sample(name: &str) -> Map {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("maps")
        .join(name);
    warrant::io::load(&path).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The sample maps in `maps/`, sorted.
pub fn sample_maps() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("maps");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 6, "the sample maps are in maps/");
    files
}

/// The Argdown CLI: `$ARGDOWN`, else `.ci/node`'s (what `.ci/run` installs), else on the PATH.
pub fn argdown_cli() -> PathBuf {
    if let Some(p) = std::env::var_os("ARGDOWN") {
        return PathBuf::from(p);
    }
    let local = Path::new(env!("CARGO_MANIFEST_DIR")).join(".ci/node/node_modules/.bin/argdown");
    if local.exists() {
        return local;
    }
    PathBuf::from("argdown")
}
