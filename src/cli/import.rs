//! `warrant import FILE -o MAP.json`: a map from another argument-mapping format.

use super::{exit, plural, write_map};
use crate::io;
use crate::output::{say, warn};
use std::path::Path;

/// The formats `warrant import` reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ImportFrom {
    /// Argdown document.
    Argdown,
    /// AIF JSON (`AIFdb`, OVA3 or xAIF).
    Aif,
    /// Kialo discussion export (text).
    Kialo,
}

/// `warrant import FILE -o MAP.json`: a map from an Argdown, AIF or Kialo file, with a report of
/// what the map holds differently. Exit 0 written, 2 the file cannot be imported or OUT written.
pub fn import(file: &Path, from: Option<ImportFrom>, out: &Path, force: bool) -> i32 {
    use crate::import::{ImportFormat, import_file};
    if io::same_file(out, file) {
        warn(&format!(
            "warrant import: {} is the file imported; the map cannot be written over it",
            file.display()
        ));
        return exit::UNREADABLE;
    }
    let format = from.map(|f| match f {
        ImportFrom::Argdown => ImportFormat::Argdown,
        ImportFrom::Aif => ImportFormat::Aif,
        ImportFrom::Kialo => ImportFormat::Kialo,
    });
    let imported = match import_file(file, format) {
        Ok(i) => i,
        Err(e) => {
            warn(&format!("warrant import: {}: {e}", file.display()));
            return exit::UNREADABLE;
        }
    };
    if let Err(code) = write_map(out, &imported.map, force) {
        return code;
    }
    let (supports, opposes, contradicts, qualifies) = imported.map.link_counts();
    let mut lines = vec![format!(
        "{}: {} from {} “{}”: {}, {} ({supports} supports, {opposes} opposes, {contradicts} \
         contradicts{}), {}, {}",
        out.display(),
        "imported",
        imported.report.format.name(),
        file.display(),
        plural(imported.map.claims.len(), "claim", "claims"),
        plural(imported.map.links.len(), "link", "links"),
        if qualifies > 0 {
            format!(", {qualifies} qualifies")
        } else {
            String::new()
        },
        plural(imported.map.actors.len(), "actor", "actors"),
        plural(imported.map.tags.len(), "tag", "tags"),
    )];
    lines.extend(
        imported
            .report
            .lines()
            .into_iter()
            .map(|l| format!("  note: {l}")),
    );
    for line in lines {
        if !say(&line) {
            break;
        }
    }
    exit::CLEAN
}
