//! Importing an article as a source: plain text or Markdown, a saved web page, or a PDF. The file
//! is read and turned into text once, on import; the text is then kept exactly (quotes anchor to
//! it).

mod columns;
mod date;
mod html;
mod layout;
mod pdf;
mod quiet;
mod text;

pub use text::{Decoded, decode_article_bytes, guess_title, source_from_bytes};

use super::error::ImportError;
use super::read::ReadError;
use crate::model::Source;
use std::path::Path;

/// The largest text or web page accepted: 10 MiB is a long book; anything bigger is not an article.
pub const MAX_ARTICLE_BYTES: u64 = 10 * 1024 * 1024;
/// The largest PDF accepted: PDFs carry fonts and pictures, so they may be larger than their text.
pub const MAX_PDF_BYTES: u64 = 64 * 1024 * 1024;

/// The kinds of file an article can be imported from, by extension (for file dialogs and drops).
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "text", "html", "htm", "pdf"];

/// Reads an article file into a [`Source`] (title and details from the file; id assigned on
/// adding). Only a regular file is read, and at most its kind's limit + 1 bytes of it.
pub fn import_article(path: &Path) -> Result<Imported, ImportError> {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let limit = match extension.as_str() {
        "txt" | "md" | "markdown" | "text" | "html" | "htm" => MAX_ARTICLE_BYTES,
        "pdf" => MAX_PDF_BYTES,
        _ => {
            return Err(ImportError::UnsupportedKind {
                path: path.to_owned(),
                extension,
            });
        }
    };
    let bytes = read_bounded(path, limit)?;
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    match extension.as_str() {
        "html" | "htm" => html::import_html(&bytes, &stem, path),
        "pdf" => pdf::import_pdf(&bytes, &stem, path),
        _ => source_from_bytes(&bytes, &stem, path),
    }
}

/// Where pasted text came from, as the import's messages name it ("Pasted text: the article is
/// empty").
pub const PASTED: &str = "Pasted text";

/// Text the user pasted (Paste article), read as Add article reads a text file: checked the same
/// way (no binary data, no web page's markup), titled `title`, or else the title guessed from
/// the text, or "Pasted article".
pub fn pasted_article(title: &str, text: &str) -> Result<Imported, ImportError> {
    if text.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(ImportError::TooLarge {
            path: PASTED.into(),
            size: text.len() as u64,
            limit: MAX_ARTICLE_BYTES,
        });
    }
    let mut imported = source_from_bytes(text.as_bytes(), "Pasted article", Path::new(PASTED))?;
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    if !title.is_empty() {
        imported.source.title = title;
    }
    Ok(imported)
}

fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, ImportError> {
    let p = || path.to_owned();
    super::read::read_regular(path, limit).map_err(|e| match e {
        ReadError::Io(source) => ImportError::Io { path: p(), source },
        ReadError::NotAFile(kind) => ImportError::NotAFile { path: p(), kind },
        ReadError::TooLarge(size) => ImportError::TooLarge {
            path: p(),
            size,
            limit,
        },
    })
}

/// An imported article, and what the import did when that is worth telling the user.
#[derive(Debug)]
pub struct Imported {
    pub source: Source,
    /// The encoding the text was read in, when it was not UTF-8 (e.g. "Windows-1252").
    pub encoding: Option<String>,
    /// What else the import did, in a few words each ("web page", "PDF, 12 pages, 2 columns",
    /// "running header dropped").
    pub notes: Vec<String>,
}

impl Imported {
    /// "PDF, 3 pages, 2 columns; running header dropped", for the import message; `None` when
    /// there is nothing to say (UTF-8 text).
    pub fn note(&self) -> Option<String> {
        let mut parts: Vec<String> = self.notes.clone();
        if let Some(e) = &self.encoding {
            parts.push(format!("read as {e}"));
        }
        (!parts.is_empty()).then(|| parts.join("; "))
    }
}
