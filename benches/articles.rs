//! Importing a 50-page, two-column PDF (a running header and a page number on every page) and a
//! saved web page: the whole import a user waits for when adding an article.

#![allow(clippy::unwrap_used)] // a benchmark: failing loudly is right

use criterion::{Criterion, criterion_group, criterion_main};
use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str};
use std::hint::black_box;
use std::path::Path;

/// A 50-page A4 PDF in Helvetica, two columns of 60 lines each, made with pdf-writer.
fn fifty_page_pdf() -> Vec<u8> {
    const PAGES: i32 = 50;
    let words = "the councils on both sides of the bay disagree about who should pay for a ferry \
                 that everyone says they want and nobody has yet agreed to run at a loss";
    let words: Vec<&str> = words.split(' ').collect();
    let mut pdf = Pdf::new();
    let (catalog, tree, font) = (Ref::new(1), Ref::new(2), Ref::new(3));
    pdf.catalog(catalog).pages(tree);
    let mut kids = Vec::new();
    for p in 0..PAGES {
        let (page_id, content_id) = (Ref::new(4 + 2 * p), Ref::new(5 + 2 * p));
        kids.push(page_id);
        let mut page = pdf.page(page_id);
        page.media_box(Rect::new(0.0, 0.0, 595.0, 842.0))
            .parent(tree)
            .contents(content_id);
        page.resources().fonts().pair(Name(b"F1"), font);
        page.finish();
        let mut c = Content::new();
        c.begin_text();
        c.set_font(Name(b"F1"), 9.0);
        let mut show = |x: f32, y: f32, text: &str| {
            c.set_text_matrix([1.0, 0.0, 0.0, 1.0, x, y]);
            c.show(Str(text.as_bytes()));
        };
        show(50.0, 800.0, "The Northern Review");
        show(290.0, 30.0, &format!("{}", p + 1));
        for column in 0..2 {
            for line in 0..60 {
                let start = (p as usize * 7 + column * 3 + line) % words.len();
                let text: Vec<&str> = (0..8).map(|i| words[(start + i) % words.len()]).collect();
                let x = 50.0 + column as f32 * 255.0;
                show(x, 760.0 - line as f32 * 11.0, &text.join(" "));
            }
        }
        c.end_text();
        pdf.stream(content_id, &c.finish());
    }
    pdf.pages(tree).kids(kids).count(PAGES);
    pdf.type1_font(font)
        .base_font(Name(b"Helvetica"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    pdf.finish()
}

fn import(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("fifty.pdf");
    std::fs::write(&pdf, fifty_page_pdf()).unwrap();
    let imported = warrant::io::import_article(&pdf).unwrap();
    assert!(
        imported
            .note()
            .unwrap()
            .starts_with("PDF, 50 pages, 2 columns")
    );
    c.bench_function("import a 50-page two-column PDF", |b| {
        b.iter(|| warrant::io::import_article(black_box(&pdf)).unwrap());
    });
    let page = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/articles/news-page.html");
    c.bench_function("import a saved news page", |b| {
        b.iter(|| warrant::io::import_article(black_box(&page)).unwrap());
    });
}

criterion_group!(benches, import);
criterion_main!(benches);
