//! The planned pages written as one PDF: each drawing converted once (a tiled map's parts all
//! show the same drawing, clipped), each page's own text drawn over it.

use super::super::style as st;
use super::text::{self, capped};
use super::{Book, MARGIN, PdfError};
use crate::model::Map;
use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, TextStr};
use std::collections::HashMap;
use std::fmt::Write;

/// Converts one SVG into objects of `pdf`, numbered from `alloc`; returns its `XObject`.
fn convert(pdf: &mut Pdf, alloc: &mut Ref, svg: &str) -> Result<Ref, PdfError> {
    let tree = super::super::parse_svg(svg)?;
    let (chunk, root) = svg2pdf::to_chunk(&tree, svg2pdf::ConversionOptions::default())
        .map_err(|e| PdfError::Convert(e.to_string()))?;
    // Give the chunk's objects numbers after ours.
    let mut renumbered = HashMap::new();
    let chunk = chunk.renumber(|old| *renumbered.entry(old).or_insert_with(|| alloc.bump()));
    let root = renumbered
        .get(&root)
        .copied()
        .ok_or_else(|| PdfError::Convert("the drawing has no root object".into()))?;
    pdf.extend(&chunk);
    Ok(root)
}

/// The PDF of `book`'s pages.
pub(super) fn pdf(map: &Map, book: &Book) -> Result<Vec<u8>, PdfError> {
    let mut alloc = Ref::new(1);
    let catalog = alloc.bump();
    let tree_ref = alloc.bump();
    let mut pdf = Pdf::new();
    let mut converted: Vec<Option<Ref>> = vec![None; book.drawings.len()];
    let mut pages = Vec::new();
    let total = book.pages.len();
    for (i, page) in book.pages.iter().enumerate() {
        let mut content = Content::new();
        let drawing = match page.drawing {
            Some(p) => {
                let xobj = if let Some(r) = converted[p.drawing] {
                    r
                } else {
                    let r = convert(&mut pdf, &mut alloc, &book.drawings[p.drawing])?;
                    converted[p.drawing] = Some(r);
                    r
                };
                // PDF's y runs up from the bottom of the page.
                let [cx, cy, cw, ch] = p.clip;
                content
                    .save_state()
                    .rect(cx, page.h - cy - ch, cw, ch)
                    .clip_nonzero()
                    .end_path()
                    // The XObject is one point square: scale it to the drawing's size.
                    .transform([p.w, 0.0, 0.0, p.h, p.x, page.h - p.y - p.h])
                    .x_object(Name(b"D"))
                    .restore_state();
                Some(xobj)
            }
            None => None,
        };
        let mut over = String::with_capacity(page.over.len() + 1000);
        let _ = write!(
            over,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" \
             viewBox=\"0 0 {w} {h}\"><style>text {{ font-family: {font}; fill: {text}; }} \
             .weak {{ fill: {weak}; }}</style>",
            w = page.w,
            h = page.h,
            font = st::FONT_STACK,
            text = st::TEXT,
            weak = st::WEAK_TEXT,
        );
        over.push_str(&page.over);
        text::footer_svg(
            &mut over,
            page.w,
            page.h - MARGIN + text::SMALL_PT + 4.0,
            MARGIN,
            &format!("page {} of {total}", i + 1),
        );
        over.push_str("</svg>\n");
        let over_ref = convert(&mut pdf, &mut alloc, &over)?;
        content
            .save_state()
            .transform([page.w, 0.0, 0.0, page.h, 0.0, 0.0])
            .x_object(Name(b"T"))
            .restore_state();

        let page_ref = alloc.bump();
        let content_ref = alloc.bump();
        pdf.stream(content_ref, &content.finish());
        let mut p = pdf.page(page_ref);
        p.media_box(Rect::new(0.0, 0.0, page.w, page.h));
        p.parent(tree_ref);
        p.contents(content_ref);
        let mut resources = p.resources();
        let mut x = resources.x_objects();
        x.pair(Name(b"T"), over_ref);
        if let Some(d) = drawing {
            x.pair(Name(b"D"), d);
        }
        x.finish();
        resources.finish();
        p.finish();
        pages.push(page_ref);
    }
    pdf.catalog(catalog).pages(tree_ref);
    pdf.pages(tree_ref)
        .kids(pages.iter().copied())
        .count(pages.len() as i32);
    let info = alloc.bump();
    pdf.document_info(info)
        .title(TextStr(&capped(&map.title, 400)))
        .producer(TextStr("Warrant"));
    Ok(pdf.finish())
}
