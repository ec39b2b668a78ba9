//! Plain text and Markdown articles: the bytes decoded in whatever common encoding they are in,
//! and a title guessed from the first lines.

use super::Imported;
use crate::io::error::ImportError;
use crate::model::Source;
use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use std::path::Path;

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
        notes: Vec::new(),
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

/// A Markdown heading, else the first line that reads like a title: not a site's boilerplate
/// ("Get the latest updates…", "Breaking News"), not the first line of a wrapped paragraph.
pub fn guess_title(text: &str) -> Option<String> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if let Some(h) = lines.iter().find_map(|l| l.strip_prefix("# ")) {
        return Some(h.trim().to_owned());
    }
    (0..lines.len().min(8))
        .find(|&i| {
            let l = lines[i];
            let n = l.chars().count();
            // A line whose next line starts in lower case is the start of a wrapped paragraph.
            let wrapped = lines
                .get(i + 1)
                .and_then(|next| next.chars().next())
                .is_some_and(char::is_lowercase);
            (8..=120).contains(&n)
                && !l.ends_with('.')
                && l.chars().next().is_some_and(char::is_alphanumeric)
                && l.chars().any(char::is_alphabetic)
                && !wrapped
                && !is_boilerplate(l)
        })
        .map(|i| lines[i].to_owned())
}

/// Whether a line is one a web site puts around every article (menus, banners, update notices)
/// rather than the article's own words.
pub(super) fn is_boilerplate(line: &str) -> bool {
    const PHRASES: &[&str] = &[
        "latest updates",
        "right on your browser",
        "last updated",
        "breaking news",
        "accessibility links",
        "skip to",
        "sign up",
        "subscribe",
        "newsletter",
        "cookie",
        "advertisement",
        "share this",
        "follow us",
        "read more",
        "all rights reserved",
        "log in",
        "sign in",
        "enable javascript",
        "main menu",
    ];
    let lower = line.to_lowercase();
    PHRASES.iter().any(|p| lower.contains(p))
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

    #[test]
    fn title_guess_skips_site_boilerplate_and_wrapped_lines() {
        // The start of the Golz article as saved from the newspaper's site.
        let golz = "Get the latest updates as we post them — right on your browser\n\n\
                    . Last Updated: 07/27/2016\n\nWhy Not Join NATO?\n\nThe announcement by…";
        assert_eq!(guess_title(golz).as_deref(), Some("Why Not Join NATO?"));
        let rferl = "Accessibility links\nBreaking News\nRussia: Rapprochement With NATO\nPrague…";
        assert_eq!(
            guess_title(rferl).as_deref(),
            Some("Russia: Rapprochement With NATO")
        );
        // A paragraph wrapped at a line end is not a title.
        let memo = " Changes of administration in both countries provide some ground\n\
                    to anticipate a fresh start.\nMore text.";
        assert_eq!(guess_title(memo), None);
    }
}
