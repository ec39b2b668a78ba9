//! PDF handouts: the same SVG converted to vector PDF by svg2pdf (text stays text, with the
//! bundled font embedded), each drawing scaled to fit a page; optionally one page per story step.

use super::svg::{Scope, SvgError, SvgSettings, map_to_svg};
use crate::model::Map;
use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, TextStr};
use std::collections::HashMap;
use thiserror::Error;

/// Paper to print on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Paper {
    /// ISO A4, turned to suit each drawing.
    #[default]
    A4,
    /// US Letter, turned to suit each drawing.
    Letter,
    /// A page exactly the size of the drawing (1 canvas unit = 0.75 pt, as 96 dpi).
    Fit,
}

impl Paper {
    /// Width and height in points, portrait, or `None` for [`Paper::Fit`].
    fn size(self) -> Option<(f32, f32)> {
        match self {
            Paper::A4 => Some((595.28, 841.89)),
            Paper::Letter => Some((612.0, 792.0)),
            Paper::Fit => None,
        }
    }
}

/// How to make the handout.
#[derive(Clone, Debug, Default)]
pub struct PdfSettings {
    /// The drawing on the first page (scope, title, legend).
    pub svg: SvgSettings,
    pub paper: Paper,
    /// After the first page, one page per story step.
    pub story_pages: bool,
}

/// Why there is no PDF.
#[derive(Debug, Error)]
pub enum PdfError {
    #[error(transparent)]
    Svg(#[from] SvgError),
    #[error("the SVG cannot be read: {0}")]
    Parse(#[from] usvg::Error),
    #[error("the PDF cannot be made: {0}")]
    Convert(String),
}

/// Points per canvas unit (the canvas unit is a CSS pixel, 1/96 in).
const PT_PER_UNIT: f32 = 0.75;
/// Page margin, points.
const PAGE_MARGIN: f32 = 28.0;

/// The handout as PDF bytes.
pub fn map_to_pdf(map: &Map, settings: &PdfSettings) -> Result<Vec<u8>, PdfError> {
    let mut svgs = vec![map_to_svg(map, &settings.svg)?];
    if settings.story_pages {
        for i in 0..map.story.len() {
            let step = SvgSettings {
                scope: Scope::Step(i),
                ..settings.svg.clone()
            };
            match map_to_svg(map, &step) {
                Ok(svg) => svgs.push(svg),
                // A step that shows nothing gets no page.
                Err(SvgError::Empty(_)) => {}
                Err(e) => return Err(e.into()),
            }
        }
    }

    let mut alloc = Ref::new(1);
    let catalog = alloc.bump();
    let tree_ref = alloc.bump();
    let mut pdf = Pdf::new();
    let mut pages = Vec::new();
    for svg in &svgs {
        let tree = super::parse_svg(svg)?;
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

        let (w, h) = (
            tree.size().width() * PT_PER_UNIT,
            tree.size().height() * PT_PER_UNIT,
        );
        let (page_w, page_h, scale) = match settings.paper.size() {
            None => (w, h, 1.0),
            Some((pw, ph)) => {
                let (pw, ph) = if w > h { (ph, pw) } else { (pw, ph) };
                // Shrink to fit; never enlarge past the canvas's own size.
                let scale = ((pw - 2.0 * PAGE_MARGIN) / w)
                    .min((ph - 2.0 * PAGE_MARGIN) / h)
                    .min(1.0);
                (pw, ph, scale)
            }
        };
        let (dw, dh) = (w * scale, h * scale);
        let (x, y) = ((page_w - dw) / 2.0, (page_h - dh) / 2.0);

        let page_ref = alloc.bump();
        let content_ref = alloc.bump();
        let name = Name(b"Map");
        let mut content = Content::new();
        // The XObject is one point square: scale it to the drawing's size and place it.
        content
            .save_state()
            .transform([dw, 0.0, 0.0, dh, x, y])
            .x_object(name)
            .restore_state();
        pdf.stream(content_ref, &content.finish());
        let mut page = pdf.page(page_ref);
        page.media_box(Rect::new(0.0, 0.0, page_w, page_h));
        page.parent(tree_ref);
        page.contents(content_ref);
        page.resources().x_objects().pair(name, root);
        page.finish();
        pages.push(page_ref);
    }
    pdf.catalog(catalog).pages(tree_ref);
    pdf.pages(tree_ref)
        .kids(pages.iter().copied())
        .count(pages.len() as i32);
    let info = alloc.bump();
    pdf.document_info(info)
        .title(TextStr(&map.title))
        .producer(TextStr("Warrant"));
    Ok(pdf.finish())
}
