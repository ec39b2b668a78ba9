//! The handout's pages for the whole map (or a selection): one page when the drawing fits at a
//! readable size, else tiles or the outline as text; text pages; the note that pages were left
//! out.

use super::text::{self, Block, Heading, Line};
use super::{
    Book, Drawing, GAP, MARGIN, MAX_PAGES, MIN_SCALE, Page, PageMode, Paper, PdfError, Placed, tile,
};
use crate::export::svg::{Scope, SvgSettings, map_to_svg};
use crate::model::Map;
use std::fmt::Write;

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
    pub(super) fn sheet(&self, landscape: bool) -> (f32, f32) {
        let (w, h) = self.paper.size().unwrap_or((595.28, 841.89));
        if landscape { (h, w) } else { (w, h) }
    }

    /// The box (x, y, w, h) left for a drawing under a heading `head_h` high.
    pub(super) fn content(page: (f32, f32), head_h: f32) -> [f32; 4] {
        let y = MARGIN + head_h + GAP;
        [MARGIN, y, page.0 - 2.0 * MARGIN, page.1 - MARGIN - GAP - y]
    }

    /// Pages for the whole map or a selection.
    pub(super) fn whole(&mut self, map: &Map, scope: &Scope) -> Result<(), PdfError> {
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
                let md = crate::export::markdown::map_to_markdown(
                    map,
                    &crate::export::markdown::MarkdownSettings {
                        feedback: false,
                        ..crate::export::markdown::MarkdownSettings::default()
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

    /// One page for `d` under `heading` if it fits at a readable size (on either side of the
    /// paper); false if it does not.
    pub(super) fn single(&mut self, heading: &Heading, d: &Drawing) -> bool {
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
    pub(super) fn overflow(
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
    pub(super) fn text_pages(&mut self, heading: &Heading, blocks: &[Block]) {
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
    pub(super) fn left_out(&mut self, n: usize) {
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
