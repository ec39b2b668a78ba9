//! Importing an article (`.txt` or `.md`) as a source: its bytes decoded once, on import, and the
//! text then kept exactly (quotes anchor to it).

use super::error::ImportError;
use super::read::ReadError;
use crate::model::Source;
use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use std::path::Path;

/// The largest article accepted: 10 MiB is a long book; anything bigger is not an article.
pub const MAX_ARTICLE_BYTES: u64 = 10 * 1024 * 1024;

/// Reads an article file into a [`Source`] (title guessed from the text; id assigned on adding).
/// Only a regular file is read, and at most [`MAX_ARTICLE_BYTES`] + 1 bytes of it.
pub fn import_article(path: &Path) -> Result<Imported, ImportError> {
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
    source_from_bytes(&bytes, &stem, path)
}

/// An imported article, and how its bytes were read when that is worth telling the user.
#[derive(Debug)]
pub struct Imported {
    pub source: Source,
    /// The encoding the text was read in, when it was not UTF-8 (e.g. "Windows-1252").
    pub encoding: Option<String>,
}

impl Imported {
    /// "read as Windows-1252", for the import message; `None` for UTF-8.
    pub fn note(&self) -> Option<String> {
        self.encoding.as_ref().map(|e| format!("read as {e}"))
    }
}

/// Checks that `bytes` are a usable article and makes a [`Source`] of them.
pub fn source_from_bytes(
    bytes: &[u8],
    fallback_title: &str,
    path: &Path,
) -> Result<Imported, ImportError> {
    let Decoded { text, encoding } = decode_article_bytes(bytes, path)?;
    if text.trim().is_empty() {
        return Err(ImportError::Empty {
            path: path.to_owned(),
        });
    }
    let title = guess_title(&text).unwrap_or_else(|| fallback_title.to_owned());
    Ok(Imported {
        source: Source::new(title, text),
        encoding,
    })
}

/// An article's text and the encoding it was read in (`None` for UTF-8).
#[derive(Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: Option<String>,
}

/// Reads an article's bytes as text: UTF-8 (a byte-order mark dropped), UTF-16 with a byte-order
/// mark, or a legacy encoding such as Windows-1252 guessed from the bytes. Binary data, damaged
/// UTF-8 and web pages are refused. `path` is only for the error messages.
pub fn decode_article_bytes(bytes: &[u8], path: &Path) -> Result<Decoded, ImportError> {
    let p = || path.to_owned();
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom..];
        let Some(text) = encoding.decode_without_bom_handling_and_without_replacement(body) else {
            return Err(if encoding == UTF_8 {
                not_utf8(body, bom, path)
            } else {
                ImportError::Malformed {
                    path: p(),
                    encoding: encoding.name(),
                }
            });
        };
        return checked(text.into_owned(), encoding, path);
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(ImportError::Binary { path: p(), offset });
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return checked(text.to_owned(), UTF_8, path);
    }
    // Mostly UTF-8 with a broken byte is a damaged UTF-8 file: read in a legacy encoding, every
    // accented letter in it would turn into two wrong ones.
    if mostly_utf8(bytes) {
        return Err(not_utf8(bytes, 0, path));
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, Utf8Detection::Deny);
    let (text, encoding) = match guess.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) => (text, guess),
        // Windows-1252 decodes every byte: the fallback when the guess does not fit.
        None => (
            WINDOWS_1252.decode_without_bom_handling(bytes).0,
            WINDOWS_1252,
        ),
    };
    checked(text.into_owned(), encoding, path)
}

/// Refuses decoded text that is really binary data or a web page.
fn checked(text: String, encoding: &'static Encoding, path: &Path) -> Result<Decoded, ImportError> {
    let p = || path.to_owned();
    if looks_like_html(&text) {
        return Err(ImportError::WebPage { path: p() });
    }
    // Text has a few stray control characters at most; binary data decoded as text is full of them.
    let odd = |c: &char| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c');
    let controls = text.chars().filter(odd).count();
    if controls > 0 && controls * 50 > text.chars().count() {
        return Err(ImportError::NotText {
            path: p(),
            count: controls,
        });
    }
    let encoding = (encoding != UTF_8).then(|| display_name(encoding));
    Ok(Decoded { text, encoding })
}

/// An error for bytes that are not UTF-8, at the first bad byte (`skipped` bytes came before them).
#[allow(clippy::naive_bytecount)] // once per failed import; not worth a crate
fn not_utf8(bytes: &[u8], skipped: usize, path: &Path) -> ImportError {
    let valid = std::str::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), str::len);
    ImportError::NotUtf8 {
        path: path.to_owned(),
        line: 1 + bytes[..valid].iter().filter(|&&b| b == b'\n').count(),
        offset: skipped + valid,
    }
}

/// Whether the non-ASCII letters in `bytes` are mostly well-formed UTF-8.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut good, mut bad) = (0, 0);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += chunk.invalid().len();
    }
    good > bad
}

/// Whether the text is an HTML document (a web page saved under a `.txt` name).
fn looks_like_html(text: &str) -> bool {
    let head: String = text.trim_start().chars().take(1024).collect();
    let head = head.to_lowercase();
    head.starts_with('<')
        && ["<!doctype html", "<html", "<head", "<body"]
            .iter()
            .any(|tag| head.contains(tag))
}

/// How an encoding is named to a user: "Windows-1252", "UTF-16LE", "ISO-8859-2".
fn display_name(encoding: &'static Encoding) -> String {
    let name = encoding.name();
    match name.strip_prefix("windows-") {
        Some(number) => format!("Windows-{number}"),
        None => name.to_owned(),
    }
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

    fn decode(bytes: &[u8]) -> Result<Decoded, ImportError> {
        decode_article_bytes(bytes, Path::new("a.txt"))
    }

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        let mut bytes = if big_endian {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for unit in text.encode_utf16() {
            bytes.extend(if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        bytes
    }

    #[test]
    fn utf8_is_kept_and_its_byte_order_mark_dropped() {
        let text = "Title “quoted” — naïve\r\n";
        let plain = decode(text.as_bytes()).unwrap();
        assert_eq!(
            (plain.text.as_str(), plain.encoding.as_deref()),
            (text, None)
        );
        let mut with_bom = vec![0xEF, 0xBB, 0xBF];
        with_bom.extend(text.as_bytes());
        assert_eq!(decode(&with_bom).unwrap(), plain);
    }

    #[test]
    fn byte_order_mark_does_not_reach_the_title() {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend("Why Not Join NATO?\n\nBody text.".as_bytes());
        let imported = source_from_bytes(&bytes, "file", Path::new("a.txt")).unwrap();
        assert_eq!(imported.source.title, "Why Not Join NATO?");
        assert!(imported.source.text.starts_with("Why"));
        assert_eq!(imported.note(), None);
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_read_in_either_order() {
        let text = "Ελλάδα and “Finland” — 2024\n";
        for (big_endian, name) in [(false, "UTF-16LE"), (true, "UTF-16BE")] {
            let d = decode(&utf16(text, big_endian)).unwrap();
            assert_eq!(d.text, text);
            assert_eq!(d.encoding.as_deref(), Some(name));
        }
        // An odd byte left over at the end: the file is cut short.
        let mut cut = utf16(text, false);
        cut.push(b'x');
        assert!(matches!(
            decode(&cut).unwrap_err(),
            ImportError::Malformed {
                encoding: "UTF-16LE",
                ..
            }
        ));
    }

    #[test]
    fn latin1_bytes_are_read_as_windows_1252() {
        // ISO-8859-1 text is Windows-1252 text: "Déjà vu à Genève, naïveté."
        let d = decode(b"D\xe9j\xe0 vu \xe0 Gen\xe8ve, na\xefvet\xe9.\n").unwrap();
        assert_eq!(d.text, "Déjà vu à Genève, naïveté.\n");
        assert_eq!(d.encoding.as_deref(), Some("Windows-1252"));
    }

    #[test]
    fn binary_data_is_refused() {
        assert!(matches!(
            decode(b"PK\x03\x04\x14\x00").unwrap_err(),
            ImportError::Binary { offset: 5, .. }
        ));
        // No NUL byte, but control characters throughout: an image or archive, not text.
        let noise: Vec<u8> = (0..400u32).map(|i| (i * 37 % 251 + 1) as u8).collect();
        assert!(matches!(
            decode(&noise).unwrap_err(),
            ImportError::NotText { .. }
        ));
        // UTF-16 with no byte-order mark has NUL bytes; refused rather than guessed.
        let mut no_bom = utf16("Plain words", false);
        no_bom.drain(..2);
        assert!(matches!(
            decode(&no_bom).unwrap_err(),
            ImportError::Binary { offset: 1, .. }
        ));
    }

    #[test]
    fn web_pages_are_recognised_in_any_encoding() {
        let page = "  <!DOCTYPE html>\n<html lang=en><body><p>Story</p></body></html>";
        assert!(matches!(
            decode(page.as_bytes()).unwrap_err(),
            ImportError::WebPage { .. }
        ));
        assert!(matches!(
            decode(&utf16(page, true)).unwrap_err(),
            ImportError::WebPage { .. }
        ));
        // Text that mentions a tag is still text.
        assert!(decode(b"Use <html> to start a page.").is_ok());
    }

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
