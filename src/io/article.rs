//! Importing an article (`.txt` or `.md`) as a source, its text kept exactly.

use super::error::ImportError;
use super::read::ReadError;
use crate::model::Source;
use std::path::Path;

/// The largest article accepted: 10 MiB is a long book; anything bigger is not an article.
pub const MAX_ARTICLE_BYTES: u64 = 10 * 1024 * 1024;

/// Reads an article file into a [`Source`] (title guessed from the text; id assigned on adding).
/// Only a regular file is read, and at most [`MAX_ARTICLE_BYTES`] + 1 bytes of it.
pub fn import_article(path: &Path) -> Result<Source, ImportError> {
    let p = || path.to_owned();
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if !matches!(extension.as_str(), "txt" | "md" | "markdown" | "text") {
        return Err(ImportError::UnsupportedKind {
            path: p(),
            extension,
        });
    }
    let bytes = super::read::read_regular(path, MAX_ARTICLE_BYTES).map_err(|e| match e {
        ReadError::Io(source) => ImportError::Io { path: p(), source },
        ReadError::NotAFile(kind) => ImportError::NotAFile { path: p(), kind },
        ReadError::TooLarge(size) => ImportError::TooLarge {
            path: p(),
            size,
            limit: MAX_ARTICLE_BYTES,
        },
    })?;
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    source_from_bytes(bytes, &stem, path)
}

/// Checks that `bytes` are a usable article and makes a [`Source`] of them.
#[allow(clippy::naive_bytecount)] // once per failed import; not worth a crate
pub fn source_from_bytes(
    bytes: Vec<u8>,
    fallback_title: &str,
    path: &Path,
) -> Result<Source, ImportError> {
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(ImportError::Binary {
            path: path.to_owned(),
            offset,
        });
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let line = 1 + e.as_bytes()[..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        ImportError::NotUtf8 {
            path: path.to_owned(),
            line,
            offset,
        }
    })?;
    if text.trim().is_empty() {
        return Err(ImportError::Empty {
            path: path.to_owned(),
        });
    }
    let title = guess_title(&text).unwrap_or_else(|| fallback_title.to_owned());
    Ok(Source::new(title, text))
}

/// A Markdown heading, else the first line that reads like a title.
fn guess_title(text: &str) -> Option<String> {
    let lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    if let Some(h) = lines.clone().find_map(|l| l.strip_prefix("# ")) {
        return Some(h.trim().to_owned());
    }
    lines
        .take(8)
        .find(|l| {
            let n = l.chars().count();
            (8..=120).contains(&n) && !l.ends_with('.') && l.chars().any(char::is_alphabetic)
        })
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_is_a_heading_or_a_title_like_first_line() {
        assert_eq!(
            guess_title("intro\n# The Title\ntext").as_deref(),
            Some("The Title")
        );
        assert_eq!(
            guess_title("\n\nWhy Not Join NATO?\n\nThe announcement was made.").as_deref(),
            Some("Why Not Join NATO?")
        );
        assert_eq!(guess_title("Short.\n"), None);
    }
}
