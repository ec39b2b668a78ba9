//! Importing articles from saved web pages and PDFs: the article's own text in reading order, its
//! details from the file, and a specific reason for every file that cannot be read.

use std::path::{Path, PathBuf};
use warrant::io::{self, ImportError};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/articles")
        .join(name)
}

fn bad(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/bad")
        .join(name)
}

#[test]
fn a_saved_news_page_keeps_the_article_and_drops_the_page_around_it() {
    let imported = io::import_article(&fixture("news-page.html")).unwrap();
    let s = &imported.source;
    assert_eq!(s.title, "Harbour towns split over new ferry link");
    assert_eq!(s.author, "Mira Okonkwo");
    assert_eq!(s.outlet, "The Coastal Ledger");
    assert_eq!(s.date, "2024-03-14");
    let paragraphs: Vec<&str> = s.text.split("\n\n").collect();
    assert!(
        paragraphs[0].starts_with("The two harbour towns"),
        "{}",
        s.text
    );
    // Headings are paragraphs of their own; the last paragraph is the article's last.
    assert!(paragraphs.contains(&"Fares or subsidy"), "{}", s.text);
    assert!(paragraphs.contains(&"What happens next"), "{}", s.text);
    assert_eq!(
        paragraphs.last(),
        Some(&"Both councils will debate the proposal at public meetings next month.")
    );
    assert!(s.text.contains(
        "“A crossing that nobody can afford to run is worse than no crossing at all,” said Tomas Lind"
    ));
    for boilerplate in [
        "cookies",
        "Subscribe",
        "latest updates",
        "Share on",
        "Advertisement",
        "Related stories",
        "Comments",
        "sailor_77",
        "All rights reserved",
    ] {
        assert!(
            !s.text.contains(boilerplate),
            "{boilerplate} kept:\n{}",
            s.text
        );
    }
    let note = imported.note().unwrap();
    assert!(note.starts_with("web page"), "{note}");
}

#[test]
fn a_two_column_pdf_reads_column_by_column_without_its_running_lines() {
    let imported = io::import_article(&fixture("two-columns.pdf")).unwrap();
    let s = &imported.source;
    assert_eq!(s.title, "The Crossing Question");
    assert_eq!(s.author, "Ada Lindqvist");
    let text = &s.text;
    // Running header and page numbers are gone.
    assert!(!text.contains("Northern Review"), "{text}");
    assert!(!text.contains("Vol. 12"), "{text}");
    assert!(!text.contains("-2-") && !text.contains("- 2 -"), "{text}");
    // Lines are joined into paragraphs, hyphenated words joined again.
    let paragraphs: Vec<&str> = text.split("\n\n").collect();
    let first = "Ferries have crossed the northern straits for as long as there have been towns \
                 on both shores, and the question of who pays for them is nearly as old.";
    assert!(paragraphs.contains(&first), "{text}");
    assert!(
        text.contains("Historians still disagree about what the interruption cost."),
        "{text}"
    );
    assert!(text.contains("run the service together through"), "{text}");
    assert!(paragraphs.contains(&"Before the road"), "{text}");
    // Column by column: the left column's last paragraph of a section before the right column's.
    let sections = ["Before the road", "After the road", "The quarrel today"];
    let at: Vec<usize> = sections.iter().map(|h| text.find(h).unwrap()).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{at:?}");
    let section = &text[at[0]..at[1]];
    let order = [
        "Ferries have crossed",
        "In the first years",
        "Historians still disagree",
        "The joint company lasted",
        "A compromise is possible",
        "Whether the councils will accept it",
    ];
    let pos: Vec<usize> = order
        .iter()
        .map(|p| {
            section
                .find(p)
                .unwrap_or_else(|| panic!("{p} in {section}"))
        })
        .collect();
    assert!(pos.windows(2).all(|w| w[0] < w[1]), "{pos:?}\n{section}");
    assert_eq!(
        imported.note().as_deref(),
        Some("PDF, 3 pages, 2 columns; running header, page numbers dropped")
    );
}

#[test]
fn bad_pdfs_say_what_is_wrong_with_them() {
    let e = io::import_article(&bad("encrypted.pdf")).unwrap_err();
    assert!(matches!(e, ImportError::EncryptedPdf { .. }), "{e}");
    assert!(e.to_string().contains("password"), "{e}");
    let e = io::import_article(&bad("scanned.pdf")).unwrap_err();
    assert!(matches!(e, ImportError::ScannedPdf { pages: 3, .. }), "{e}");
    assert!(e.to_string().contains("scan"), "{e}");

    let dir = tempfile::tempdir().unwrap();
    let good = std::fs::read(fixture("two-columns.pdf")).unwrap();
    let cut = dir.path().join("cut.pdf");
    std::fs::write(&cut, &good[..good.len() / 3]).unwrap();
    let e = io::import_article(&cut).unwrap_err();
    assert!(matches!(e, ImportError::BrokenPdf { .. }), "{e}");
    let renamed = dir.path().join("notes.pdf");
    std::fs::write(&renamed, b"Just some notes, not a PDF at all.\n").unwrap();
    let e = io::import_article(&renamed).unwrap_err();
    assert!(e.to_string().contains("not a PDF"), "{e}");
}

#[test]
fn a_page_with_no_article_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("menu.html");
    std::fs::write(
        &p,
        "<html><head><title>Menu</title></head><body><nav><a href=/>Home</a></nav></body></html>",
    )
    .unwrap();
    let e = io::import_article(&p).unwrap_err();
    assert!(matches!(e, ImportError::NoArticle { .. }), "{e}");
}

#[test]
fn a_three_column_pdf_reads_column_by_column_and_takes_the_date_printed_on_it() {
    let imported = io::import_article(&fixture("three-columns.pdf")).unwrap();
    let s = &imported.source;
    assert_eq!(s.title, "The Library Vote");
    assert_eq!(s.author, "Jonas Berg");
    // Printed under the author; the PDF's own CreationDate (1 March) is only when it was made.
    assert_eq!(s.date, "14 March 2024");
    let text = &s.text;
    assert!(!text.contains("Valley Courier"), "{text}");
    assert!(!text.contains("- 2 -"), "{text}");
    // The paragraphs run down the left column, then the middle one, then the right one, onto
    // the next page; each is whole, its lines joined (also across a column or page break).
    let paragraphs: Vec<&str> = text.split("\n\n").collect();
    let openers = [
        "Alpha:", "Bravo:", "Charlie:", "Delta:", "Echo:", "Foxtrot:", "Golf:", "Hotel:", "India:",
        "Juliet:", "Kilo:",
    ];
    let found: Vec<&str> = paragraphs
        .iter()
        .filter_map(|p| openers.iter().find(|o| p.starts_with(**o)).copied())
        .collect();
    assert_eq!(found, openers, "{text}");
    let foxtrot = "Foxtrot: the council’s finance committee has proposed a compromise that would \
                   keep the building open three days a week and move the rest of the service to \
                   a van that visits the outlying farms.";
    assert!(paragraphs.contains(&foxtrot), "{text}");
    assert!(
        paragraphs
            .iter()
            .any(|p| p.starts_with("India:") && p.ends_with("how much the library matters.")),
        "{text}"
    );
    let note = imported.note().unwrap();
    assert_eq!(
        note,
        "PDF, 3 pages, 3 columns; running header, page numbers dropped"
    );
}

#[test]
fn a_pdf_with_no_date_printed_on_it_is_dated_when_it_was_made() {
    // two-columns.pdf prints no date; its information says it was made on 2 December 2026.
    let imported = io::import_article(&fixture("two-columns.pdf")).unwrap();
    assert_eq!(imported.source.date, "2026-12-02");
}

#[test]
fn pasted_text_is_checked_like_a_text_file_and_titled() {
    let text = "Why Not Join NATO?\n\nThe announcement was made on Monday.\n";
    let typed = io::pasted_article("  Golz,   1996 ", text).unwrap();
    assert_eq!(typed.source.title, "Golz, 1996");
    assert_eq!(typed.source.text, text, "kept exactly: quotes anchor to it");
    let guessed = io::pasted_article("", text).unwrap();
    assert_eq!(guessed.source.title, "Why Not Join NATO?");
    let untitled = io::pasted_article("", "just a few words.").unwrap();
    assert_eq!(untitled.source.title, "Pasted article");

    let e = io::pasted_article("Title", " \n\t\n").unwrap_err();
    assert!(matches!(e, ImportError::Empty { .. }), "{e}");
    let e = io::pasted_article("", "<!DOCTYPE html><html><body>x</body></html>").unwrap_err();
    assert!(matches!(e, ImportError::WebPage { .. }), "{e}");
    assert!(e.to_string().starts_with("Pasted text:"), "{e}");
}

/// A one-page PDF whose page draws `content` (uncompressed) in Helvetica.
fn one_page_pdf(content: &str) -> Vec<u8> {
    use std::fmt::Write as _;
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] \
         /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"
            .to_owned(),
        format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len()
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
    ];
    let mut out = String::from("%PDF-1.4\n");
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        let _ = write!(out, "{} 0 obj\n{o}\nendobj\n", i + 1);
    }
    let xref = out.len();
    let _ = write!(out, "xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1);
    for o in offsets {
        // Each entry is 20 bytes: the space before the newline belongs to it.
        let _ = writeln!(out, "{o:010} 00000 n ");
    }
    let _ = write!(
        out,
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    );
    out.into_bytes()
}

#[test]
fn a_pdf_that_trips_the_reader_is_one_clear_error_with_no_panic_noise() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.pdf");
    std::fs::write(
        &good,
        one_page_pdf("BT /F1 12 Tf 72 700 Td (Hello there) Tj ET"),
    )
    .unwrap();
    assert_eq!(
        io::import_article(&good).unwrap().source.text,
        "Hello there"
    );
    // `Td` with one number instead of two: pdf-extract panics on it.
    let bad = dir.path().join("bad.pdf");
    std::fs::write(
        &bad,
        one_page_pdf("BT /F1 12 Tf 700 Td (Hello there) Tj ET"),
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_warrant"))
        .arg("new")
        .args(["--title", "t"])
        .arg(dir.path().join("map.json"))
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("this PDF is damaged"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

/// The words of a text, lower case, curly apostrophes as straight ones, without the punctuation
/// around them.
fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| {
            w.replace('’', "'")
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

#[test]
fn every_word_read_from_a_pdf_is_a_word_of_its_source_neither_split_nor_glued() {
    // The fixtures are made by groff from the .ms files next to them: a word of the import that
    // is not a word there is a word split by a stray space ("gav e") or two glued together.
    for name in ["two-columns", "three-columns"] {
        let source = std::fs::read_to_string(fixture(&format!("{name}.ms"))).unwrap();
        let known: std::collections::HashSet<String> = words(&source).into_iter().collect();
        let imported = io::import_article(&fixture(&format!("{name}.pdf"))).unwrap();
        let strange: Vec<String> = words(&imported.source.text)
            .into_iter()
            .filter(|w| !known.contains(w))
            .collect();
        assert!(strange.is_empty(), "{name}.pdf read {strange:?}");
    }
    let imported = io::import_article(&fixture("three-columns.pdf")).unwrap();
    assert!(
        imported
            .source
            .text
            .contains("since the mill owners gave the town a reading room"),
        "{}",
        imported.source.text
    );
}
