//! PDF handouts readable on paper: no type under 7.5 pt on any page.
//!
//! The map is drawn by the SVG exporter and converted to vector PDF by svg2pdf (text stays text,
//! the bundled font embedded). A drawing that fits a page at a readable size gets one page; a
//! whole map too big for that is tiled over pages at full size (after an overview page) or given
//! as its outline, as the teacher chooses. Each story step gets a page of its own cards arranged
//! compactly, with the step's title and note; the teacher's comments and the rubric follow the
//! map's pages. Headings, notes, footers and the outline are set here, each text cut to a bounded
//! length first.
//!
//! Here: the settings, the limits, and the plan of the book; the whole map's pages are made in
//! `pages.rs`, a story step's in `step.rs`, tiles in `tile.rs`, feedback pages in `feedback.rs`;
//! a drawing's size and boxes in `drawing.rs`, text in `text.rs`, the PDF written in `write.rs`.

mod arrange;
mod drawing;
mod feedback;
mod pages;
mod step;
mod text;
mod tile;
mod write;

use super::svg::{Scope, SvgError, SvgSettings};
use crate::model::Map;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use thiserror::Error;

pub use text::MIN_PT;

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

/// What becomes of a map too big for one page at a readable size.
/// Also `warrant export --pages` (the `value(help)` texts are its help).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum PageMode {
    /// Printed at full size over several pages that overlap, after an overview page.
    #[default]
    #[value(help = "At full size over overlapping pages, after an overview page")]
    Tile,
    /// Given as its outline (thesis, reasons, objections, quotes) in text pages.
    #[value(help = "As its outline, in text pages")]
    Outline,
}

/// How to make the handout.
#[derive(Clone, Debug, Default)]
pub struct PdfSettings {
    /// What the first pages draw (the scope; title and legend are the handout's own).
    pub svg: SvgSettings,
    pub paper: Paper,
    /// After the drawing, pages for each story step.
    pub story_pages: bool,
    /// A map too big for a page: tiled or as its outline.
    pub pages: PageMode,
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
/// The smallest scale a drawing is printed at: its smallest type (11 px footers) stays over
/// [`MIN_PT`] (11 × 0.75 × 0.92 = 7.6 pt).
const MIN_SCALE: f32 = 0.92;
/// Page margin, points (the footer sits in the bottom one).
const MARGIN: f32 = 28.0;
/// Space between the heading and the drawing, and above the footer.
const GAP: f32 = 10.0;
/// The most pages a handout has; what would follow is left out, and the last page says so.
const MAX_PAGES: usize = 300;
/// The most pages one drawing is tiled over; a bigger one is given as text instead.
const MAX_TILES: usize = 60;

/// The most characters of a claim's text, and of a name, that a handout draws: a card that
/// long already fills a page, and cutting it bounds the work a hostile map can ask for.
const CLAIM_CHARS: usize = 1_500;
const NAME_CHARS: usize = 120;

/// `map`, or a copy with over-long texts cut (the map itself is never changed).
fn bounded(map: &Map) -> Cow<'_, Map> {
    let long = |s: &str, max: usize| s.len() > max && s.chars().nth(max).is_some();
    let too_long = map.claims.iter().any(|c| long(&c.text, CLAIM_CHARS))
        || map.actors.iter().any(|a| long(&a.name, NAME_CHARS))
        || map.sources.iter().any(|s| {
            [&s.title, &s.author, &s.outlet, &s.date]
                .iter()
                .any(|t| long(t, NAME_CHARS))
        });
    if !too_long {
        return Cow::Borrowed(map);
    }
    let mut m = map.clone();
    let cut = |s: &mut String, max: usize| {
        if long(s, max) {
            *s = text::capped(s, max).into_owned();
        }
    };
    for c in &mut m.claims {
        cut(&mut c.text, CLAIM_CHARS);
    }
    for a in &mut m.actors {
        cut(&mut a.name, NAME_CHARS);
    }
    for s in &mut m.sources {
        for t in [&mut s.title, &mut s.author, &mut s.outlet, &mut s.date] {
            cut(t, NAME_CHARS);
        }
    }
    Cow::Owned(m)
}

/// The handout as PDF bytes.
pub fn map_to_pdf(map: &Map, settings: &PdfSettings) -> Result<Vec<u8>, PdfError> {
    let map = &*bounded(map);
    write::pdf(map, &plan(map, settings)?)
}

/// The handout's pages, not yet written.
fn plan(map: &Map, settings: &PdfSettings) -> Result<Book, PdfError> {
    let mut book = Book {
        paper: settings.paper,
        mode: settings.pages,
        pages: Vec::new(),
        drawings: Vec::new(),
    };
    match &settings.svg.scope {
        Scope::Step(i) => {
            if *i >= map.story.len() {
                return Err(SvgError::NoSuchStep {
                    step: i + 1,
                    count: map.story.len(),
                }
                .into());
            }
            if !book.step(map, *i)? {
                return Err(SvgError::Empty("this story step shows no cards").into());
            }
        }
        scope => book.whole(map, scope)?,
    }
    book.feedback(map);
    if settings.story_pages {
        for i in 0..map.story.len() {
            if book.pages.len() >= MAX_PAGES {
                book.left_out(map.story.len() - i);
                break;
            }
            book.step(map, i)?;
        }
    }
    Ok(book)
}
/// A drawing placed on a page: its top-left corner and size in points (y down), shown only
/// inside `clip` (x, y, w, h).
#[derive(Clone, Copy, Debug)]
struct Placed {
    drawing: usize,
    x: f32,
    y: f32,
    w: f32,
    h: f32,
    clip: [f32; 4],
}

/// One page: its size in points, the drawing on it, and the SVG (in points) drawn over it.
struct Page {
    w: f32,
    h: f32,
    drawing: Option<Placed>,
    over: String,
}

/// The pages planned so far and the drawings they show.
struct Book {
    paper: Paper,
    mode: PageMode,
    pages: Vec<Page>,
    /// SVG drawings of (parts of) the map; pages refer to them by index.
    drawings: Vec<String>,
}

/// A drawing to lay out over pages: its SVG, size in points at scale 1, and, for an overview,
/// its cards' boxes and links (centre to centre) in the same points.
struct Drawing {
    svg: String,
    w: f32,
    h: f32,
    boxes: Vec<[f32; 4]>,
    links: Vec<(usize, usize)>,
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::png::declared_size as svg_size;

    /// Every size a handout page sets: its own text's `font-size`s, and each drawing's scale.
    fn sizes(book: &Book) -> (Vec<f32>, Vec<f32>) {
        let mut fonts = Vec::new();
        let mut scales = Vec::new();
        for page in &book.pages {
            for part in page.over.split("font-size=\"").skip(1) {
                fonts.push(part[..part.find('"').unwrap()].parse::<f32>().unwrap());
            }
            if let Some(p) = page.drawing {
                let (w, _) = svg_size(&book.drawings[p.drawing]).unwrap();
                scales.push(p.w / (w * PT_PER_UNIT));
            }
        }
        (fonts, scales)
    }

    #[test]
    fn no_page_of_a_sample_handout_sets_type_under_7_5_pt() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("maps");
        for entry in std::fs::read_dir(dir).unwrap() {
            let map = crate::io::load(&entry.unwrap().path()).unwrap();
            for pages in [PageMode::Tile, PageMode::Outline] {
                let settings = PdfSettings {
                    story_pages: true,
                    pages,
                    ..PdfSettings::default()
                };
                let book = plan(&map, &settings).unwrap();
                assert!(book.pages.len() > map.story.len());
                let (fonts, scales) = sizes(&book);
                assert!(fonts.iter().all(|&f| f >= MIN_PT), "{fonts:?}");
                // The drawings' smallest type: footers and actor chips.
                let small = crate::layout::card::SMALL_FONT;
                assert!(
                    scales.iter().all(|&s| s * small * PT_PER_UNIT >= MIN_PT),
                    "{scales:?}"
                );
                // Pages fit their paper (A4, either way round).
                assert!(
                    book.pages
                        .iter()
                        .all(|p| p.w.max(p.h) < 842.0 && p.w.min(p.h) < 596.0)
                );
            }
        }
    }
}
