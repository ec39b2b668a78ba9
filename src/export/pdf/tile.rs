//! A drawing too big for one page, printed at full size over pages that overlap: first an
//! overview page (the cards as boxes, no text, with each page's part numbered), then the parts,
//! each marked where its neighbours begin and which page they are on.

use super::super::style as st;
use super::text::{self, Heading, Line, SMALL_PT};
use super::{Book, Drawing, GAP, MARGIN, MAX_PAGES, MAX_TILES, MIN_SCALE, Page, Placed};
use crate::layout::card::{Face, text_width};
use std::fmt::Write;

/// How much neighbouring parts share, points.
const OVERLAP: f32 = 36.0;
const MARK: &str = "#6b7280";

/// How a drawing is cut: columns and rows of parts, starting where `xs` and `ys` say.
struct Grid {
    landscape: bool,
    /// The drawing's scale on the parts.
    scale: f32,
    cols: usize,
    rows: usize,
    /// Where each column (row) of parts begins, in printed points from the drawing's edge.
    xs: Vec<f32>,
    ys: Vec<f32>,
    content: [f32; 4],
}

impl Grid {
    /// Where part `c`'s column ends in the drawing (the next begins before it: they overlap).
    fn x_end(&self, c: usize) -> f32 {
        self.xs[c] + self.content[2]
    }

    fn y_end(&self, r: usize) -> f32 {
        self.ys[r] + self.content[3]
    }
}

/// Where the parts along one side begin: each part ends `room` after its start, and the next
/// begins at the nearest card that edge would cut (so every card narrower than a page is whole
/// on some part), and at least [`OVERLAP`] before the edge. `spans` are the cards' (start, end).
fn cuts(len: f32, room: f32, spans: &[(f32, f32)]) -> Vec<f32> {
    let mut starts = vec![0.0];
    let mut start = 0.0_f32;
    // Past 400 parts the drawing is refused anyway (MAX_TILES); the bound keeps this finite.
    while start + room < len && starts.len() < 400 {
        let edge = start + room;
        let plain = edge - OVERLAP;
        let cut = spans
            .iter()
            .filter(|&&(a, b)| a < edge && b > edge && b - a <= room - GAP)
            .map(|&(a, _)| a - GAP / 2.0)
            .fold(plain, f32::min);
        // A cut card that began early in this part would give too little progress: cut it.
        start = if cut > start + room / 3.0 { cut } else { plain };
        starts.push(start);
    }
    starts
}

/// Plans and adds the overview and the parts. False (and nothing added) when that would take
/// more than [`MAX_TILES`] pages or run past the handout's page limit.
/// A whole map (`whole`) gets an overview page first when it has more than two parts, and a
/// one-line heading on each part; a story step gets its whole heading (title, note) on each.
pub(super) fn tile(book: &mut Book, heading: &Heading, mut d: Drawing, whole: bool) -> bool {
    let grid = plan(book, heading, &d, whole);
    if grid.cols * grid.rows > 4 * MAX_TILES {
        return false;
    }
    // From here on the drawing is measured as printed.
    d.w *= grid.scale;
    d.h *= grid.scale;
    for b in &mut d.boxes {
        for v in b.iter_mut() {
            *v *= grid.scale;
        }
    }
    let used = used_parts(&grid, &d);
    let n = used.iter().filter(|u| **u).count();
    let with_overview = whole && n > 2;
    if n > MAX_TILES || book.pages.len() + n + 1 > MAX_PAGES {
        return false;
    }
    // Page numbers count from 1.
    let first = book.pages.len() + 1 + usize::from(with_overview);
    let mut next = first;
    let numbers: Vec<Option<usize>> = used
        .iter()
        .map(|&u| {
            u.then(|| {
                next += 1;
                next - 1
            })
        })
        .collect();
    if with_overview {
        overview(book, heading, &d, &grid, &numbers);
    }
    let parts = Parts {
        grid: &grid,
        numbers: &numbers,
        first,
        count: n,
        overview: with_overview,
    };
    let drawing = book.drawings.len();
    book.drawings.push(d.svg);
    let page = book.sheet(grid.landscape);
    for r in 0..grid.rows {
        for c in 0..grid.cols {
            if parts.number(r, c).is_none() {
                continue;
            }
            let mut over = parts.heading_svg(heading, whole, page, (r, c));
            parts.marks_svg(&mut over, (r, c));
            book.pages.push(Page {
                w: page.0,
                h: page.1,
                drawing: Some(Placed {
                    drawing,
                    x: grid.content[0] - grid.xs[c],
                    y: grid.content[1] - grid.ys[r],
                    w: d.w,
                    h: d.h,
                    clip: grid.content,
                }),
                over,
            });
        }
    }
    true
}

/// The cut that takes the fewest pages: at full size or at the smallest readable size, upright
/// or on its side.
fn plan(book: &Book, heading: &Heading, d: &Drawing, whole: bool) -> Grid {
    let head_h = |page: (f32, f32)| {
        if whole {
            text::leading(SMALL_PT)
        } else {
            heading.lines(MARGIN, MARGIN, page.0 - 2.0 * MARGIN).1
        }
    };
    [
        (1.0, true),
        (1.0, false),
        (MIN_SCALE, true),
        (MIN_SCALE, false),
    ]
    .into_iter()
    .map(|(scale, landscape)| {
        let page = book.sheet(landscape);
        let content = Book::content(page, head_h(page));
        let span = |i: usize| -> Vec<(f32, f32)> {
            d.boxes
                .iter()
                .map(|b| (b[i] * scale, (b[i] + b[i + 2]) * scale))
                .collect()
        };
        let xs = cuts(d.w * scale, content[2], &span(0));
        let ys = cuts(d.h * scale, content[3], &span(1));
        Grid {
            landscape,
            scale,
            cols: xs.len(),
            rows: ys.len(),
            xs,
            ys,
            content,
        }
    })
    .min_by_key(|g| g.cols * g.rows)
    .expect("four candidates")
}

/// Which parts (row by row) have a card or a link on them: the others get no page.
fn used_parts(grid: &Grid, d: &Drawing) -> Vec<bool> {
    let [_, _, cw, ch] = grid.content;
    (0..grid.rows * grid.cols)
        .map(|i| {
            let (r, c) = (i / grid.cols, i % grid.cols);
            let cell = [grid.xs[c], grid.ys[r], cw, ch];
            d.boxes.iter().any(|b| overlaps(b, &cell))
                || d.links.iter().any(|&(a, b)| {
                    let (a, b) = (&d.boxes[a], &d.boxes[b]);
                    crosses(
                        (a[0] + a[2] / 2.0, a[1] + a[3] / 2.0),
                        (b[0] + b[2] / 2.0, b[1] + b[3] / 2.0),
                        &cell,
                    )
                })
        })
        .collect()
}

/// The parts that get a page, and their page numbers.
struct Parts<'a> {
    grid: &'a Grid,
    /// Each part's page (row by row), `None` for an empty part.
    numbers: &'a [Option<usize>],
    /// The first part's page.
    first: usize,
    count: usize,
    overview: bool,
}

impl Parts<'_> {
    fn number(&self, r: usize, c: usize) -> Option<usize> {
        self.numbers[r * self.grid.cols + c]
    }

    /// The heading over part (`r`, `c`): a running line for a whole map, the step's heading
    /// with the part's place for a step.
    fn heading_svg(
        &self,
        heading: &Heading,
        whole: bool,
        page: (f32, f32),
        (r, c): (usize, usize),
    ) -> String {
        let mut over = String::new();
        let this = self.number(r, c).unwrap_or(self.first);
        let part = format!(
            "part {} of {}, row {} column {}",
            this + 1 - self.first,
            self.count,
            r + 1,
            c + 1
        );
        if whole {
            let title = text::capped(&heading.title, 60);
            let overview = if self.overview {
                format!(" (overview on page {})", self.first - 1)
            } else {
                String::new()
            };
            let running = Line {
                x: MARGIN,
                y: MARGIN + SMALL_PT,
                size: SMALL_PT,
                weak: true,
                runs: vec![(format!("{title}: {part}{overview}"), Face::Regular)],
            };
            text::lines_svg(&mut over, &[running], 0.0, 0.0);
        } else {
            let head = Heading {
                kicker: Some(format!(
                    "{} ({part})",
                    text::capped(heading.kicker.as_deref().unwrap_or_default(), 60)
                )),
                ..heading.clone()
            };
            let (lines, _) = head.lines(MARGIN, MARGIN, page.0 - 2.0 * MARGIN);
            text::lines_svg(&mut over, &lines, 0.0, 0.0);
        }
        over
    }

    /// Where each neighbour's part begins on part (`r`, `c`), and its page.
    fn marks_svg(&self, over: &mut String, (r, c): (usize, usize)) {
        let grid = self.grid;
        let [cx, cy, cw, ch] = grid.content;
        let line = |s: &mut String, x1: f32, y1: f32, x2: f32, y2: f32| {
            let _ = write!(
                s,
                "<line x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{x2:.1}\" y2=\"{y2:.1}\" \
                 stroke=\"{MARK}\" stroke-width=\"0.8\" stroke-dasharray=\"5 3\"/>"
            );
        };
        if c + 1 < grid.cols
            && let Some(next) = self.number(r, c + 1)
        {
            let x = cx + grid.xs[c + 1] - grid.xs[c];
            line(over, x, cy, x, cy + ch);
            label(
                over,
                cx + cw - 2.0,
                cy + 2.0,
                "end",
                &format!("page {next} →"),
            );
        }
        if c > 0
            && let Some(prev) = self.number(r, c - 1)
        {
            let x = cx + grid.x_end(c - 1) - grid.xs[c];
            line(over, x, cy, x, cy + ch);
            label(over, cx + 2.0, cy + 2.0, "start", &format!("← page {prev}"));
        }
        if r + 1 < grid.rows
            && let Some(below) = self.number(r + 1, c)
        {
            let y = cy + grid.ys[r + 1] - grid.ys[r];
            line(over, cx, y, cx + cw, y);
            let at = cy + ch - SMALL_PT - 6.0;
            label(
                over,
                cx + cw / 2.0,
                at,
                "middle",
                &format!("↓ page {below}"),
            );
        }
        if r > 0
            && let Some(above) = self.number(r - 1, c)
        {
            let y = cy + grid.y_end(r - 1) - grid.ys[r];
            line(over, cx, y, cx + cw, y);
            label(
                over,
                cx + cw / 2.0,
                cy + 2.0,
                "middle",
                &format!("↑ page {above}"),
            );
        }
    }
}

/// A small label on a white ground, its top at `y`.
fn label(s: &mut String, x: f32, y: f32, anchor: &str, text: &str) {
    let w = text_width(text, Face::Regular, SMALL_PT) + 6.0;
    let left = match anchor {
        "end" => x - w,
        "middle" => x - w / 2.0,
        _ => x,
    };
    let _ = write!(
        s,
        "<rect x=\"{left:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{:.1}\" rx=\"2\" \
         fill=\"#ffffff\" stroke=\"{MARK}\" stroke-width=\"0.5\"/>\
         <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{SMALL_PT}\" class=\"weak\">{text}</text>",
        SMALL_PT + 5.0,
        left + 3.0,
        y + SMALL_PT + 1.0
    );
}

/// The overview page: the heading, the map's cards as boxes and its links as lines, small enough
/// for the page, with each part's area and page number over it.
fn overview(
    book: &mut Book,
    heading: &Heading,
    d: &Drawing,
    grid: &Grid,
    numbers: &[Option<usize>],
) {
    let page = book.sheet(grid.landscape);
    let (lines, head_h) = heading.lines(MARGIN, MARGIN, page.0 - 2.0 * MARGIN);
    let [cx, cy, cw, ch] = Book::content(page, head_h);
    let explain = format!(
        "Too big for one page at a readable size: printed on pages {} to {}, which overlap by \
         {} mm or more, so that every card is whole on one of them (dashed lines mark where the \
         next page begins).",
        numbers.iter().flatten().min().copied().unwrap_or_default(),
        numbers.iter().flatten().max().copied().unwrap_or_default(),
        (OVERLAP / 72.0 * 25.4).round()
    );
    let explain = text::wrap_runs(&[(explain, Face::Regular)], text::NOTE_PT, cw, 3);
    let explain_h = explain.len() as f32 * text::leading(text::NOTE_PT) + GAP;
    let ch = ch - explain_h;
    let k = (cw / d.w).min(ch / d.h);
    let ox = cx + (cw - d.w * k) / 2.0;
    let oy = cy + explain_h;
    let mut s = String::new();
    text::lines_svg(&mut s, &lines, 0.0, 0.0);
    for (i, runs) in explain.into_iter().enumerate() {
        let line = Line {
            x: cx,
            y: cy + text::NOTE_PT + i as f32 * text::leading(text::NOTE_PT),
            size: text::NOTE_PT,
            weak: false,
            runs,
        };
        text::lines_svg(&mut s, &[line], 0.0, 0.0);
    }
    let _ = write!(
        s,
        "<rect x=\"{ox:.1}\" y=\"{oy:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{}\"/>",
        d.w * k,
        d.h * k,
        st::BACKGROUND
    );
    let centre = |b: &[f32; 4]| (ox + (b[0] + b[2] / 2.0) * k, oy + (b[1] + b[3] / 2.0) * k);
    for &(a, b) in &d.links {
        let ((x1, y1), (x2, y2)) = (centre(&d.boxes[a]), centre(&d.boxes[b]));
        let _ = write!(
            s,
            "<line x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{x2:.1}\" y2=\"{y2:.1}\" stroke=\"{}\" \
             stroke-width=\"0.5\"/>",
            st::CLAIM_STROKE
        );
    }
    for b in &d.boxes {
        let _ = write!(
            s,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{}\" \
             stroke=\"{}\" stroke-width=\"0.5\"/>",
            ox + b[0] * k,
            oy + b[1] * k,
            b[2] * k,
            b[3] * k,
            st::CLAIM_FILL,
            st::CLAIM_STROKE
        );
    }
    for r in 0..grid.rows {
        for c in 0..grid.cols {
            let Some(number) = numbers[r * grid.cols + c] else {
                continue;
            };
            let (x, y) = (grid.xs[c], grid.ys[r]);
            let w = grid.xs.get(c + 1).copied().unwrap_or(d.w) - x;
            let h = grid.ys.get(r + 1).copied().unwrap_or(d.h) - y;
            let (x, y, w, h) = (ox + x * k, oy + y * k, w * k, h * k);
            let _ = write!(
                s,
                "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" fill=\"none\" \
                 stroke=\"{}\" stroke-width=\"1.2\" stroke-dasharray=\"6 3\"/>\
                 <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" font-weight=\"bold\" \
                 text-anchor=\"middle\" fill=\"{}\" stroke=\"#ffffff\" stroke-width=\"3\" \
                 paint-order=\"stroke\">p. {}</text>",
                st::FOCUS,
                x + w / 2.0,
                y + h / 2.0 + 4.0,
                st::TEXT,
                number
            );
        }
    }
    book.pages.push(Page {
        w: page.0,
        h: page.1,
        drawing: None,
        over: s,
    });
}

/// Whether two boxes (x, y, w, h) overlap.
fn overlaps(a: &[f32; 4], b: &[f32; 4]) -> bool {
    a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3]
}

/// Whether the segment from `a` to `b` passes through the box (x, y, w, h) (Liang–Barsky).
fn crosses(a: (f32, f32), b: (f32, f32), r: &[f32; 4]) -> bool {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut t0, mut t1) = (0.0f32, 1.0f32);
    for (p, q) in [
        (-dx, a.0 - r[0]),
        (dx, r[0] + r[2] - a.0),
        (-dy, a.1 - r[1]),
        (dy, r[1] + r[3] - a.1),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return false;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    t0 <= t1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_through_a_part_counts_and_one_beside_it_does_not() {
        let part = [100.0, 100.0, 50.0, 50.0];
        assert!(crosses((0.0, 125.0), (300.0, 125.0), &part));
        assert!(crosses((120.0, 0.0), (130.0, 300.0), &part));
        assert!(!crosses((0.0, 0.0), (300.0, 90.0), &part));
        assert!(!crosses((0.0, 0.0), (90.0, 300.0), &part));
        assert!(overlaps(&[140.0, 140.0, 30.0, 30.0], &part));
        assert!(!overlaps(&[160.0, 100.0, 30.0, 30.0], &part));
    }

    #[test]
    fn every_card_narrower_than_a_page_is_whole_on_some_part_and_parts_overlap() {
        let room = 500.0;
        // Cards of 120 to 300 points, 14 apart, across 3,000 points: the plain grid cuts many.
        let mut spans = Vec::new();
        let mut x = 0.0;
        for i in 0..14 {
            let w = 120.0 + (i * 37 % 180) as f32;
            spans.push((x, x + w));
            x += w + 14.0;
        }
        let len = x;
        let starts = cuts(len, room, &spans);
        assert!(
            *starts.last().unwrap() + room >= len,
            "the drawing's end is printed"
        );
        for w in starts.windows(2) {
            assert!(w[1] > w[0] && w[1] <= w[0] + room - OVERLAP, "{starts:?}");
        }
        for &(a, b) in &spans {
            assert!(
                starts.iter().any(|&s| a >= s && b <= s + room),
                "card {a}..{b} cut on every part: {starts:?}"
            );
        }
    }
}
