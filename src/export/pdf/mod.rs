//! PDF handouts readable on paper: no type under 7.5 pt on any page.
//!
//! The map is drawn by the SVG exporter and converted to vector PDF by svg2pdf (text stays text,
//! the bundled font embedded). A drawing that fits a page at a readable size gets one page; a
//! whole map too big for that is tiled over pages at full size (after an overview page) or given
//! as its outline, as the teacher chooses. Each story step gets a page of its own cards arranged
//! compactly, with the step's title and note; the teacher's comments and the rubric follow the
//! map's pages. Headings, notes, footers and the outline are set here, each text cut to a bounded
//! length first.

mod arrange;
mod feedback;
mod text;
mod tile;
mod write;

use super::svg::{Scope, SvgError, SvgSettings, map_to_svg};
use crate::layout::card::card_size;
use crate::model::{Map, NodeId};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt::Write;
use text::{Block, Heading, Line};
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

impl Drawing {
    fn new(map: &Map, ids: Option<&HashSet<NodeId>>, svg: String) -> Self {
        let size = svg_size(&svg).unwrap_or((300.0, 300.0));
        let mut boxes = Vec::new();
        let mut index = std::collections::HashMap::new();
        let (mut min_x, mut min_y) = (f32::INFINITY, f32::INFINITY);
        for n in map.nodes() {
            if ids.is_some_and(|ids| !ids.contains(n.id())) {
                continue;
            }
            let s = card_size(n);
            let p = n.pos();
            min_x = min_x.min(p.x);
            min_y = min_y.min(p.y);
            index.insert(n.id(), boxes.len());
            boxes.push([p.x, p.y, s.w, s.h]);
        }
        // Where the SVG exporter puts the cards: its margin from their top-left.
        let m = super::style::MARGIN;
        for b in &mut boxes {
            b[0] = (b[0] - min_x + m) * PT_PER_UNIT;
            b[1] = (b[1] - min_y + m) * PT_PER_UNIT;
            b[2] *= PT_PER_UNIT;
            b[3] *= PT_PER_UNIT;
        }
        let links = map
            .links
            .iter()
            .filter_map(|l| Some((*index.get(&l.from)?, *index.get(&l.to)?)))
            .collect();
        Drawing {
            svg,
            w: size.0 * PT_PER_UNIT,
            h: size.1 * PT_PER_UNIT,
            boxes,
            links,
        }
    }
}

/// The width and height an SVG of ours declares on its first line.
fn svg_size(svg: &str) -> Option<(f32, f32)> {
    let head = svg.lines().next()?;
    let attr = |name: &str| -> Option<f32> {
        let rest = &head[head.find(&format!(" {name}=\""))? + name.len() + 3..];
        rest[..rest.find('"')?].parse().ok()
    };
    Some((attr("width")?, attr("height")?))
}

/// The heading of the map's own pages.
fn map_heading(map: &Map, scope: &Scope) -> Heading {
    Heading {
        kicker: matches!(scope, Scope::Selection(_)).then(|| "Part of the map".to_owned()),
        title: if map.title.trim().is_empty() {
            "Untitled map".to_owned()
        } else {
            map.title.clone()
        },
        title_pt: text::TITLE_PT,
        note: Some(map.description.clone()),
        note_lines: 4,
    }
}

impl Book {
    /// Paper size in points, turned as asked (`Fit` pages are sized later).
    fn sheet(&self, landscape: bool) -> (f32, f32) {
        let (w, h) = self.paper.size().unwrap_or((595.28, 841.89));
        if landscape { (h, w) } else { (w, h) }
    }

    /// The box (x, y, w, h) left for a drawing under a heading `head_h` high.
    fn content(page: (f32, f32), head_h: f32) -> [f32; 4] {
        let y = MARGIN + head_h + GAP;
        [MARGIN, y, page.0 - 2.0 * MARGIN, page.1 - MARGIN - GAP - y]
    }

    /// Pages for the whole map or a selection.
    fn whole(&mut self, map: &Map, scope: &Scope) -> Result<(), PdfError> {
        let svg = map_to_svg(
            map,
            &SvgSettings {
                scope: scope.clone(),
                title: false,
                legend: false,
            },
        )?;
        let ids = match scope {
            Scope::Selection(ids) => Some(ids),
            _ => None,
        };
        let drawing = Drawing::new(map, ids, svg);
        let heading = map_heading(map, scope);
        if !self.single(&heading, &drawing) {
            let outline = || {
                // The feedback has pages of its own.
                let md = super::markdown::map_to_markdown(
                    map,
                    &super::markdown::MarkdownSettings {
                        feedback: false,
                        ..super::markdown::MarkdownSettings::default()
                    },
                )
                .unwrap_or_default();
                // The outline starts with the title and description the heading already shows.
                let body = md.find("\n## ").map_or(md.as_str(), |k| &md[k + 1..]);
                text::blocks_from_markdown(body)
            };
            self.overflow(&heading, drawing, true, &outline);
        }
        Ok(())
    }

    /// The page(s) of story step `i`. Returns false for a step that shows no cards (no page).
    fn step(&mut self, map: &Map, i: usize) -> Result<bool, PdfError> {
        let Some(step) = map.story.get(i) else {
            return Ok(false);
        };
        let Some(cards) = arrange::step_cards(map, i) else {
            return Ok(false);
        };
        let Some(anchor) = step
            .focus
            .iter()
            .find(|id| cards.own.contains(id))
            .or_else(|| cards.own.first())
            .cloned()
        else {
            return Ok(false);
        };
        let heading = Heading {
            kicker: Some(if map.title.trim().is_empty() {
                "Untitled map".to_owned()
            } else {
                map.title.clone()
            }),
            title: format!(
                "Step {} of {}{}{}",
                i + 1,
                map.story.len(),
                if step.title.trim().is_empty() {
                    ""
                } else {
                    ": "
                },
                text::capped(step.title.trim(), 400)
            ),
            title_pt: text::STEP_TITLE_PT,
            note: Some(step.note.clone()),
            note_lines: 10,
        };
        // The step's cards (with the earlier ones linked to them), as focus mode lays them out
        // and packed, or flowed claim by claim, for a page `width_pt` wide.
        let drawing =
            |with_context: bool, flowed: bool, width_pt: f32| -> Result<Drawing, PdfError> {
                let context: &[NodeId] = if with_context { &cards.context } else { &[] };
                let ids: HashSet<NodeId> = cards.own.iter().chain(context).cloned().collect();
                let mut sub = arrange::sub_map(map, &ids, context, step);
                let width = width_pt / PT_PER_UNIT - 2.0 * super::style::MARGIN;
                if flowed {
                    arrange::flow(&mut sub, width);
                } else {
                    arrange::arrange(&mut sub, &anchor);
                    arrange::pack(&mut sub, width);
                }
                let svg = map_to_svg(
                    &sub,
                    &SvgSettings {
                        scope: Scope::Step(1),
                        title: false,
                        legend: false,
                    },
                )?;
                Ok(Drawing::new(&sub, None, svg))
            };
        // The step with its context, else alone; laid out, else flowed; packed for a landscape
        // or a portrait page, at full size or the smallest readable one.
        let contexts: &[bool] = if cards.context.is_empty() {
            &[false]
        } else {
            &[true, false]
        };
        // So many cards cannot share a readable page: no need to try.
        let tries: &[bool] = if cards.own.len() > arrange::ARRANGE_MAX {
            &[]
        } else {
            &[false, true]
        };
        for &flowed in tries {
            for &with_context in contexts {
                for scale in [1.0, MIN_SCALE] {
                    for landscape in [true, false] {
                        let page = self.sheet(landscape);
                        let (_, head_h) = heading.lines(MARGIN, MARGIN, page.0 - 2.0 * MARGIN);
                        let [_, _, cw, _] = Self::content(page, head_h);
                        let d = drawing(with_context, flowed, cw / scale)?;
                        if self.single(&heading, &d) {
                            return Ok(true);
                        }
                    }
                }
            }
        }
        let page = self.sheet(true);
        let d = drawing(false, true, page.0 - 2.0 * MARGIN)?;
        let focus: HashSet<NodeId> = step.focus.iter().cloned().collect();
        let own = cards.own.clone();
        self.overflow(&heading, d, false, &|| {
            text::blocks_for_cards(map, &own, &focus)
        });
        Ok(true)
    }

    /// One page for `d` under `heading` if it fits at a readable size (on either side of the
    /// paper); false if it does not.
    fn single(&mut self, heading: &Heading, d: &Drawing) -> bool {
        let best = if self.paper == Paper::Fit {
            let width = d.w.max(360.0);
            let (lines, head_h) = heading.lines(MARGIN, MARGIN, width);
            let page = (
                width + 2.0 * MARGIN,
                head_h + d.h + 2.0 * MARGIN + 2.0 * GAP,
            );
            Some((page, lines, head_h, 1.0))
        } else {
            [true, false]
                .into_iter()
                .map(|landscape| {
                    let page = self.sheet(landscape);
                    let (lines, head_h) = heading.lines(MARGIN, MARGIN, page.0 - 2.0 * MARGIN);
                    let [_, _, cw, ch] = Self::content(page, head_h);
                    let scale = (cw / d.w).min(ch / d.h).min(1.0);
                    (page, lines, head_h, scale)
                })
                .max_by(|a, b| a.3.total_cmp(&b.3))
                .filter(|c| c.3 >= MIN_SCALE)
        };
        let Some((page, lines, head_h, scale)) = best else {
            return false;
        };
        let [cx, cy, cw, ch] = Self::content(page, head_h);
        let (w, h) = (d.w * scale, d.h * scale);
        let placed = Placed {
            drawing: self.drawings.len(),
            x: cx + (cw - w).max(0.0) / 2.0,
            y: cy,
            w,
            h,
            clip: [cx, cy, cw.max(w), ch.max(h)],
        };
        self.drawings.push(d.svg.clone());
        let mut over = String::new();
        text::lines_svg(&mut over, &lines, 0.0, 0.0);
        self.pages.push(Page {
            w: page.0,
            h: page.1,
            drawing: Some(placed),
            over,
        });
        true
    }

    /// A drawing too big for one page: tiled, or as text, as the teacher chose. Tiling that
    /// would take too many pages gives the text instead.
    fn overflow(
        &mut self,
        heading: &Heading,
        d: Drawing,
        overview: bool,
        blocks: &dyn Fn() -> Vec<Block>,
    ) {
        if self.mode == PageMode::Tile && tile::tile(self, heading, d, overview) {
            return;
        }
        self.text_pages(heading, &blocks());
    }

    /// Text pages: the heading, then `blocks` set in lines.
    fn text_pages(&mut self, heading: &Heading, blocks: &[Block]) {
        let page = self.sheet(false);
        let width = page.0 - 2.0 * MARGIN;
        let (head, head_h) = heading.lines(MARGIN, MARGIN, width);
        let [_, first_y, _, first_h] = Self::content(page, head_h);
        let run_h = text::leading(text::SMALL_PT);
        let [_, rest_y, _, rest_h] = Self::content(page, run_h);
        let room = MAX_PAGES.saturating_sub(self.pages.len()).max(1);
        let pages = text::paginate(blocks, width, first_h, rest_h, room);
        let title = text::capped(&heading.title, 120).into_owned();
        for (k, lines) in pages.iter().enumerate() {
            let mut over = String::new();
            if k == 0 {
                text::lines_svg(&mut over, &head, 0.0, 0.0);
                text::lines_svg(&mut over, lines, MARGIN, first_y);
            } else {
                let running = Line {
                    x: MARGIN,
                    y: MARGIN + text::SMALL_PT,
                    size: text::SMALL_PT,
                    weak: true,
                    runs: vec![(
                        format!("{title} (continued)"),
                        crate::layout::card::Face::Regular,
                    )],
                };
                text::lines_svg(&mut over, &[running], 0.0, 0.0);
                text::lines_svg(&mut over, lines, MARGIN, rest_y);
            }
            self.pages.push(Page {
                w: page.0,
                h: page.1,
                drawing: None,
                over,
            });
        }
    }

    /// Says on the last page that `n` story steps were left out.
    fn left_out(&mut self, n: usize) {
        if let Some(p) = self.pages.last_mut() {
            let _ = write!(
                p.over,
                "<text x=\"{MARGIN}\" y=\"{:.1}\" font-size=\"{}\" class=\"weak\">The handout \
                 stops at {MAX_PAGES} pages: {n} more story steps are left out.</text>",
                p.h - MARGIN - 2.0,
                text::SMALL_PT
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn svg_size_reads_our_header() {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"300\" \
                   height=\"120.5\" viewBox=\"0 0 300 120.5\">\n</svg>";
        assert_eq!(svg_size(svg), Some((300.0, 120.5)));
    }
}
