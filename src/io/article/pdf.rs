//! PDFs: each glyph decoded with its position by `pdf-extract` (on `lopdf`), then put in reading
//! order by [`super::layout`]; title, author and date from the PDF's information or its first
//! page.

use super::Imported;
use super::date;
use super::layout::{Glyph, PageGlyphs, lay_out};
use crate::io::error::ImportError;
use crate::model::Source;
use pdf_extract::content::{Content, Operation};
use pdf_extract::{Document, MediaBox, Object, OutputDev, OutputError, Transform};
use std::path::Path;

/// The most characters read from one PDF: a few thousand pages of text. A small file can unpack
/// to far more (compressed streams); reading stops there rather than filling the memory.
const MAX_GLYPHS: usize = 8_000_000;

/// Imports a PDF's text. Scanned, encrypted and damaged PDFs are refused, each saying so.
pub(super) fn import_pdf(
    bytes: &[u8],
    fallback_title: &str,
    path: &Path,
) -> Result<Imported, ImportError> {
    let broken = |reason: String| ImportError::BrokenPdf {
        path: path.to_owned(),
        reason,
    };
    if !bytes[..bytes.len().min(1024)]
        .windows(5)
        .any(|w| w == b"%PDF-")
    {
        return Err(broken(
            "it does not start with %PDF-, so it is not a PDF".into(),
        ));
    }
    // pdf-extract and lopdf still panic on some damaged files; a damaged file must not take the
    // window down with it (nor print the panic: the error says what happened).
    let read = super::quiet::quietly(|| read_pdf(bytes))
        .map_err(|what| broken(format!("the PDF reader gave up: {what}")))?;
    let Read { pages, info } = match read {
        Ok(read) => read,
        Err(Failure::Encrypted) => {
            return Err(ImportError::EncryptedPdf {
                path: path.to_owned(),
            });
        }
        Err(Failure::TooLong) => {
            return Err(ImportError::PdfTooLong {
                path: path.to_owned(),
                limit: MAX_GLYPHS,
            });
        }
        Err(Failure::Broken(reason)) => return Err(broken(reason)),
    };
    let has_text = pages
        .iter()
        .any(|p| p.glyphs.iter().any(|g| !g.text.trim().is_empty()));
    if !has_text {
        return Err(ImportError::ScannedPdf {
            path: path.to_owned(),
            pages: pages.len(),
        });
    }
    let laid = lay_out(&pages);
    let title = info
        .title
        .filter(|t| useful_title(t))
        .or(laid.title)
        .unwrap_or_else(|| fallback_title.to_owned());
    let mut source = Source::new(title, laid.paragraphs.join("\n\n"));
    source.author = info.author.unwrap_or_default();
    source.date = article_date(&laid.paragraphs, info.created.as_deref()).unwrap_or_default();
    let columns = if laid.columns > 1 {
        format!(", {} columns", laid.columns)
    } else {
        String::new()
    };
    let note = format!(
        "PDF, {} page{}{columns}",
        pages.len(),
        if pages.len() == 1 { "" } else { "s" }
    );
    let dropped: Vec<&str> = [
        (laid.header_dropped, "running header"),
        (laid.footer_dropped, "running footer"),
        (laid.page_numbers_dropped, "page numbers"),
    ]
    .iter()
    .filter(|(done, _)| *done)
    .map(|(_, what)| *what)
    .collect();
    let mut notes = vec![note];
    if !dropped.is_empty() {
        notes.push(format!("{} dropped", dropped.join(", ")));
    }
    Ok(Imported {
        source,
        encoding: None,
        notes,
    })
}

struct Read {
    pages: Vec<PageGlyphs>,
    info: Info,
}

enum Failure {
    Encrypted,
    TooLong,
    Broken(String),
}

#[derive(Default)]
struct Info {
    title: Option<String>,
    author: Option<String>,
    /// `CreationDate`, as stored (`D:20240314…`).
    created: Option<String>,
}

/// The date printed in a short paragraph at the top (a dateline or byline: a long paragraph that
/// mentions a date is the article talking about it), else the day the PDF was made.
fn article_date(paragraphs: &[String], created: Option<&str>) -> Option<String> {
    let top = paragraphs
        .iter()
        .take(8)
        .filter(|p| p.split_whitespace().count() <= 15)
        .map(String::as_str);
    date::printed_date(top).or_else(|| created.and_then(date::pdf_date))
}

fn read_pdf(bytes: &[u8]) -> Result<Read, Failure> {
    let mut doc = Document::load_mem(bytes).map_err(|e| match e {
        pdf_extract::Error::Decryption(_) => Failure::Encrypted,
        e => Failure::Broken(e.to_string()),
    })?;
    // Many PDFs are "encrypted" with an empty password only to forbid printing or copying; they
    // open for reading.
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(Failure::Encrypted);
    }
    let info = info(&doc);
    spell_out_next_line_operators(&mut doc);
    let mut collector = Collector::default();
    let result = pdf_extract::output_doc(&doc, &mut collector);
    if collector.too_long {
        return Err(Failure::TooLong);
    }
    result.map_err(|e| Failure::Broken(e.to_string()))?;
    Ok(Read {
        pages: collector.pages,
        info,
    })
}

/// Rewrites the text operators `'` and `"` (next line, then show text; Ghostscript writes them
/// often) as the `T*` and `Tj` they stand for: pdf-extract 0.12 skips them, and with them a word
/// or a line here and there.
fn spell_out_next_line_operators(doc: &mut Document) {
    for page in doc.get_pages().into_values() {
        let Ok(bytes) = doc.get_page_content(page) else {
            continue;
        };
        let Ok(content) = Content::decode(&bytes) else {
            continue;
        };
        if !content
            .operations
            .iter()
            .any(|op| op.operator == "'" || op.operator == "\"")
        {
            continue;
        }
        let mut operations = Vec::with_capacity(content.operations.len() + 16);
        for mut op in content.operations {
            match (op.operator.as_str(), op.operands.len()) {
                ("'", 1) => {
                    operations.push(Operation::new("T*", Vec::new()));
                    operations.push(Operation::new("Tj", op.operands));
                }
                ("\"", 3) => {
                    let text = op.operands.pop();
                    let char_spacing = op.operands.pop();
                    let word_spacing = op.operands.pop();
                    operations.extend([
                        Operation::new("Tw", word_spacing.into_iter().collect()),
                        Operation::new("Tc", char_spacing.into_iter().collect()),
                        Operation::new("T*", Vec::new()),
                        Operation::new("Tj", text.into_iter().collect()),
                    ]);
                }
                _ => operations.push(op),
            }
        }
        if let Ok(bytes) = (Content { operations }).encode() {
            let _ = doc.change_page_content(page, bytes);
        }
    }
}

/// The title and author in the PDF's document information, when set.
fn info(doc: &Document) -> Info {
    let dict = doc.trailer.get(b"Info").ok().and_then(|o| match o {
        Object::Reference(id) => doc.get_dictionary(*id).ok(),
        Object::Dictionary(d) => Some(d),
        _ => None,
    });
    let Some(dict) = dict else {
        return Info::default();
    };
    let text = |key: &[u8]| match dict.get(key) {
        Ok(Object::String(bytes, _)) => {
            let t = text_string(bytes);
            let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
            (!t.is_empty()).then_some(t)
        }
        _ => None,
    };
    Info {
        title: text(b"Title"),
        author: text(b"Author"),
        created: text(b"CreationDate"),
    }
}

/// A PDF text string: UTF-16 with a byte-order mark, else `PDFDocEncoding` (Latin-1 for letters).
fn text_string(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        return String::from_utf16_lossy(&units);
    }
    if let Ok(s) = std::str::from_utf8(bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes)) {
        return s.to_owned();
    }
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// Whether a PDF's stored title is the article's title rather than a file name or a placeholder
/// left by the program that made it.
fn useful_title(title: &str) -> bool {
    let lower = title.to_lowercase();
    let file_like = [
        ".doc", ".pdf", ".tex", ".dvi", ".indd", ".qxd", ".rtf", ".odt",
    ]
    .iter()
    .any(|e| lower.contains(e));
    let placeholder = ["untitled", "microsoft word", "title", "slide 1"]
        .iter()
        .any(|p| lower == *p || lower.starts_with("microsoft word"));
    title.chars().filter(|c| c.is_alphabetic()).count() >= 3 && !file_like && !placeholder
}

/// Collects every glyph pdf-extract decodes, page by page.
#[derive(Default)]
struct Collector {
    pages: Vec<PageGlyphs>,
    top: f64,
    left: f64,
    count: usize,
    too_long: bool,
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.top = media_box.ury;
        self.left = media_box.llx;
        self.pages.push(PageGlyphs::default());
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        self.count += 1;
        if self.count > MAX_GLYPHS {
            self.too_long = true;
            return Err(OutputError::FormatError(std::fmt::Error));
        }
        // The size the glyph is drawn at: the text matrix scales the font size.
        let sx = font_size * (trm.m11 + trm.m21);
        let sy = font_size * (trm.m12 + trm.m22);
        let size = (sx * sy).abs().sqrt();
        let glyph = Glyph {
            x: trm.m31 - self.left,
            y: self.top - trm.m32,
            advance: width * size,
            size,
            text: unligature(char),
        };
        if let Some(page) = self.pages.last_mut()
            && glyph.x.is_finite()
            && glyph.y.is_finite()
            && glyph.advance.is_finite()
        {
            page.glyphs.push(glyph);
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// Typesetting ligatures ("ﬁ") as the letters they join, so the text reads and searches as typed.
fn unligature(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            'ﬀ' => out.push_str("ff"),
            'ﬁ' => out.push_str("fi"),
            'ﬂ' => out.push_str("fl"),
            'ﬃ' => out.push_str("ffi"),
            'ﬄ' => out.push_str("ffl"),
            'ﬅ' | 'ﬆ' => out.push_str("st"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_titles_that_are_file_names_are_not_used() {
        assert!(useful_title("The Crossing Question"));
        assert!(!useful_title("Microsoft Word - draft3.docx"));
        assert!(!useful_title("untitled"));
        assert!(!useful_title("paper.dvi"));
    }

    #[test]
    fn text_strings_decode_from_utf16_and_latin1() {
        assert_eq!(text_string(b"\xFE\xFF\x00C\x00a\x00f\x00\xE9"), "Café");
        assert_eq!(text_string(b"Caf\xE9"), "Café");
    }
}
