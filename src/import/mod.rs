//! Maps from other argument tools: Argdown documents, AIF JSON (as `AIFdb`, OVA3 and ARG-tech's
//! xAIF write it) and Kialo discussion exports.
//!
//! Each importer is a pure function from the file's text to an [`Imported`] map and a
//! [`ImportReport`] of everything the map could not hold as it was (an undercut, a rephrase, a
//! dialogue transition…): nothing is dropped without a word. A file is untrusted input: it is read
//! bounded, nothing panics, and any error names the line or node and yields no map at all.
//! Imported cards have no positions; they are laid out when the map is opened or saved.

mod aif;
mod argdown;
mod build;
mod kialo;

pub use aif::aif_to_map;
pub use argdown::argdown_to_map;
pub use build::{ImportReport, Imported};
pub use kialo::kialo_to_map;

use std::path::Path;
use thiserror::Error;

/// The largest file imported (the 965-claim Kialo export is 240 kB).
pub const MAX_IMPORT_BYTES: u64 = 32 * 1024 * 1024;
/// The most claims, links or file nodes one import makes or reads.
pub const MAX_ITEMS: usize = 200_000;

/// The formats Warrant imports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportFormat {
    Argdown,
    /// AIF JSON: `AIFdb`'s `{nodes, edges, locutions}`, or OVA3's and xAIF's `{"AIF": {…}, …}`.
    Aif,
    /// A Kialo discussion exported as text.
    Kialo,
}

impl ImportFormat {
    /// The name used in messages.
    pub fn name(self) -> &'static str {
        match self {
            ImportFormat::Argdown => "Argdown",
            ImportFormat::Aif => "AIF",
            ImportFormat::Kialo => "Kialo",
        }
    }
}

/// Why a file could not be imported. Nothing of it is imported then.
#[derive(Debug, Error)]
pub enum ImportError {
    #[error("cannot read the file: {0}")]
    Io(#[from] std::io::Error),
    #[error("it is {0}, not a file")]
    NotAFile(&'static str),
    #[error("it is {size} bytes; imports are limited to {limit} bytes")]
    TooLarge { size: u64, limit: u64 },
    #[error("it is not UTF-8 text (an invalid byte at offset {0})")]
    Encoding(usize),
    #[error("the file is empty")]
    Empty,
    #[error(
        "cannot tell its format: expected an Argdown document (.argdown), AIF JSON (.json) \
         or a Kialo export (.txt starting “Discussion Title:”)"
    )]
    UnknownFormat,
    /// A text format (Argdown, Kialo) that breaks its grammar; lines count from 1.
    #[error("line {line}: {message}")]
    Line { line: usize, message: String },
    /// JSON that does not parse.
    #[error("not valid JSON (line {line}, column {column}): {message}")]
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    /// AIF whose shape is wrong as a whole.
    #[error("{0}")]
    Shape(String),
    /// An AIF node that cannot be read; `node` is its `nodeID` (or its place in the list).
    #[error("node {node}: {message}")]
    Node { node: String, message: String },
    /// An AIF edge that cannot be read.
    #[error("edge {edge}: {message}")]
    Edge { edge: String, message: String },
    #[error("the file holds more than {MAX_ITEMS} {what}; not imported")]
    TooMany { what: &'static str },
}

/// Which format `text` (from a file named `path`) is in: JSON is AIF, a first line
/// `Discussion Title:` is Kialo, an `.argdown` or `.ad` name is Argdown.
pub fn detect(path: &Path, text: &str) -> Option<ImportFormat> {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    if start.starts_with('{') {
        return Some(ImportFormat::Aif);
    }
    if start.starts_with("Discussion Title:") {
        return Some(ImportFormat::Kialo);
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("argdown" | "ad") => Some(ImportFormat::Argdown),
        Some("json") => Some(ImportFormat::Aif),
        _ => None,
    }
}

/// Imports `text` as `format`; `name` titles the map when the file has no title of its own.
pub fn import_text(text: &str, format: ImportFormat, name: &str) -> Result<Imported, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    match format {
        ImportFormat::Argdown => argdown_to_map(text, name),
        ImportFormat::Aif => aif_to_map(text, name),
        ImportFormat::Kialo => kialo_to_map(text, name),
    }
}

/// Reads and imports the file at `path` (bounded, regular files only), in `format` or the one
/// [`detect`] finds.
pub fn import_file(path: &Path, format: Option<ImportFormat>) -> Result<Imported, ImportError> {
    use crate::io::ReadError;
    let bytes = crate::io::read_regular(path, MAX_IMPORT_BYTES).map_err(|e| match e {
        ReadError::Io(e) => ImportError::Io(e),
        ReadError::NotAFile(kind) => ImportError::NotAFile(kind),
        ReadError::TooLarge(size) => ImportError::TooLarge {
            size,
            limit: MAX_IMPORT_BYTES,
        },
    })?;
    let text = std::str::from_utf8(&bytes).map_err(|e| ImportError::Encoding(e.valid_up_to()))?;
    let format = format
        .or_else(|| detect(path, text))
        .ok_or(ImportError::UnknownFormat)?;
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    import_text(text, format, &name)
}

#[cfg(test)]
mod tests;
