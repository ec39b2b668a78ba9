//! What can go wrong reading and writing files, each with a message a student can act on.

use crate::model::IntegrityError;
use std::path::PathBuf;
use thiserror::Error;

/// Why a map file could not be opened. The map on screen is never touched by a failed load.
#[derive(Debug, Error)]
pub enum LoadError {
    #[error("{path}: cannot read the file: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "{path}: the file is {size} bytes, more than a map can be ({limit} bytes); is it really a Warrant map?"
    )]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error("{path}: the file is empty")]
    Empty { path: PathBuf },
    /// A FIFO, a device, a folder: reading it could block or never end.
    #[error("{path}: this is {kind}, not a file; a map can only be opened from a regular file")]
    NotAFile { path: PathBuf, kind: &'static str },
    #[error("{path}:{line}:{column}: not valid JSON: {message}")]
    Json {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "{path}: the file is {found}; a Warrant map is UTF-8 text: save it as UTF-8 and open it again"
    )]
    Encoding { path: PathBuf, found: String },
    #[error("{path}: not a Warrant map ({found})")]
    NotAMap { path: PathBuf, found: String },
    #[error(
        "{path}: the file does not say which version of the Warrant format it is in (no \"version\")"
    )]
    MissingVersion { path: PathBuf },
    #[error("{path}: \"version\" must be a whole number, found {found}")]
    BadVersion { path: PathBuf, found: String },
    #[error(
        "{path}: this map was written in format version {found}, by a newer Warrant; this build reads versions up to {supported}. Update Warrant to open it."
    )]
    NewerVersion {
        path: PathBuf,
        found: u64,
        supported: u64,
    },
    #[error("{path}:{line}:{column}: {message}")]
    Schema {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path}: the map is inconsistent:\n{}", list(.errors))]
    Integrity {
        path: PathBuf,
        errors: Vec<IntegrityError>,
    },
}

fn list(errors: &[IntegrityError]) -> String {
    errors
        .iter()
        .map(|e| format!("  - {e}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Why a map could not be saved. The file on disk is left as it was.
#[derive(Debug, Error)]
pub enum SaveError {
    #[error("{path}: cannot save: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: a file is already there (use --force to replace it)")]
    Exists { path: PathBuf },
    #[error("cannot turn the map into JSON: {0}")]
    Encode(#[from] serde_json::Error),
}

/// Why an article could not be imported.
#[derive(Debug, Error)]
pub enum ImportError {
    #[error("{path}: cannot read the article: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "{path}: articles can be imported from text (.txt), Markdown (.md), web pages (.html) and PDFs (.pdf), not .{extension}; save the article as one of those first"
    )]
    UnsupportedKind { path: PathBuf, extension: String },
    #[error("{path}: the article is {size} bytes, more than an article can be ({limit} bytes)")]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error("{path}: the article is empty")]
    Empty { path: PathBuf },
    /// A FIFO, a device, a folder: reading it could block or never end.
    #[error(
        "{path}: this is {kind}, not a file; an article can only be imported from a regular file"
    )]
    NotAFile { path: PathBuf, kind: &'static str },
    #[error(
        "{path}:{line}: the article is not UTF-8 text (invalid byte at offset {offset}); save it as UTF-8 and import it again"
    )]
    NotUtf8 {
        path: PathBuf,
        line: usize,
        offset: usize,
    },
    #[error("{path}: the article holds binary data (a NUL byte at offset {offset}), not text")]
    Binary { path: PathBuf, offset: usize },
    #[error("{path}: the article holds binary data ({count} control characters), not text")]
    NotText { path: PathBuf, count: usize },
    #[error(
        "{path}: the article says it is {encoding} (it starts with a byte-order mark) but is damaged"
    )]
    Malformed {
        path: PathBuf,
        encoding: &'static str,
    },
    #[error(
        "{path}: this is a web page (HTML), not plain text; save it as .html, or save the page as text"
    )]
    WebPage { path: PathBuf },
    #[error(
        "{path}: no article text was found in this web page (it may be a menu, a search page or a page that loads its text with JavaScript); save the article's text as .txt instead"
    )]
    NoArticle { path: PathBuf },
    #[error(
        "{path}: this PDF has no text, only pictures of its {pages} page(s) (a scan); run text recognition (OCR) on it first, or import the article's text"
    )]
    ScannedPdf { path: PathBuf, pages: usize },
    #[error(
        "{path}: this PDF is encrypted with a password; open it, save an unprotected copy, and import that"
    )]
    EncryptedPdf { path: PathBuf },
    #[error("{path}: this PDF is damaged and cannot be read ({reason})")]
    BrokenPdf { path: PathBuf, reason: String },
    #[error(
        "{path}: this PDF holds more than {limit} characters of text, more than an article can be"
    )]
    PdfTooLong { path: PathBuf, limit: usize },
}
