//! Text the handout sets itself (not the map drawing): headings, notes, footers and the outline.
//! Every text is cut to a fixed number of characters before it is wrapped, and every paragraph to
//! a fixed number of lines, so a 2 MB title costs no more than a short one.

use super::super::markdown::citation;
use super::super::style as st;
use super::super::svg::xml;
use crate::layout::card::{Face, text_width, wrap};
use crate::model::{Map, NodeId, NodeRef};
use std::collections::HashSet;
use std::fmt::Write;

/// The smallest type on any handout page, in points.
pub const MIN_PT: f32 = 7.5;
/// Type sizes, points.
pub const TITLE_PT: f32 = 15.0;
pub const STEP_TITLE_PT: f32 = 13.0;
pub const NOTE_PT: f32 = 9.5;
pub const SMALL_PT: f32 = 8.0;
/// The most characters of a title, and of a note or any one paragraph, that are set.
const TITLE_CHARS: usize = 400;
const PARAGRAPH_CHARS: usize = 3_000;

/// Runs of text in one face that follow each other on a line.
pub type Runs = Vec<(String, Face)>;

/// One line of text on a page: baseline at `y` points from the top.
#[derive(Clone, Debug)]
pub struct Line {
    pub x: f32,
    pub y: f32,
    pub size: f32,
    pub weak: bool,
    pub runs: Runs,
}

/// The first `max` characters of `text`, with "…" when it was longer.
pub use crate::text::ellipsize as capped;

/// Distance between baselines for type of `size` points.
pub fn leading(size: f32) -> f32 {
    size * 1.3
}

/// Greedy wrap of runs into lines no wider than `width` points, at most `max_lines` of them (the
/// last ends in "…" when text was left over). Line breaks in the text become spaces.
pub fn wrap_runs(runs: &[(String, Face)], size: f32, width: f32, max_lines: usize) -> Vec<Runs> {
    let mut lines: Vec<Runs> = Vec::new();
    let mut line: Runs = Vec::new();
    let mut line_w = 0.0;
    let mut cut = false;
    // Whether the text so far ends in white space: a run that follows without any is glued on.
    let mut after_space = true;
    'words: for (text, face) in runs {
        let space = text_width(" ", *face, size);
        let starts_spaced = text.starts_with(char::is_whitespace);
        for (k, word) in text.split_whitespace().enumerate() {
            // A word longer than the line is broken between characters.
            for (j, piece) in wrap(word, *face, size, width).into_iter().enumerate() {
                let glued = k == 0 && j == 0 && !starts_spaced && !after_space;
                let w = text_width(&piece, *face, size);
                let mut sep = if glued || line.is_empty() { 0.0 } else { space };
                if !line.is_empty() && line_w + sep + w > width {
                    lines.push(std::mem::take(&mut line));
                    line_w = 0.0;
                    sep = 0.0;
                    if lines.len() == max_lines {
                        cut = true;
                        break 'words;
                    }
                }
                let sep_text = if sep > 0.0 { " " } else { "" };
                match line.last_mut() {
                    Some((t, f)) if f == face => {
                        t.push_str(sep_text);
                        t.push_str(&piece);
                    }
                    Some((t, _)) => {
                        t.push_str(sep_text);
                        line.push((piece, *face));
                    }
                    None => line.push((piece, *face)),
                }
                line_w += sep + w;
            }
        }
        if !text.is_empty() {
            after_space =
                text.ends_with(char::is_whitespace) || (text.trim().is_empty() && after_space);
        }
    }
    if !line.is_empty() && lines.len() < max_lines {
        lines.push(line);
    }
    if cut && let Some((t, _)) = lines.last_mut().and_then(|l| l.last_mut()) {
        t.push('…');
    }
    lines
}

/// What heads a page: a small line above (the map's title on a step page), the title, and a
/// note under it (a step's note, or the map's description).
#[derive(Clone, Debug, Default)]
pub struct Heading {
    pub kicker: Option<String>,
    pub title: String,
    pub title_pt: f32,
    pub note: Option<String>,
    /// The most lines of note shown.
    pub note_lines: usize,
}

impl Heading {
    /// The heading's lines from `top`, `width` points wide, and the height they take.
    pub fn lines(&self, x: f32, top: f32, width: f32) -> (Vec<Line>, f32) {
        let mut out = Vec::new();
        let mut y = top;
        let mut para = |text: &str, size: f32, face: Face, weak: bool, max: usize, y: &mut f32| {
            let runs = [(capped(text, PARAGRAPH_CHARS).into_owned(), face)];
            for runs in wrap_runs(&runs, size, width, max) {
                *y += size;
                out.push(Line {
                    x,
                    y: *y,
                    size,
                    weak,
                    runs,
                });
                *y += leading(size) - size;
            }
        };
        if let Some(k) = &self.kicker {
            para(
                &capped(k, TITLE_CHARS),
                SMALL_PT,
                Face::Regular,
                true,
                1,
                &mut y,
            );
            y += 2.0;
        }
        let title = capped(&self.title, TITLE_CHARS);
        para(&title, self.title_pt, Face::Bold, false, 2, &mut y);
        if let Some(note) = self.note.as_deref().filter(|n| !n.trim().is_empty()) {
            y += 3.0;
            para(note, NOTE_PT, Face::Regular, false, self.note_lines, &mut y);
        }
        (out, y - top)
    }
}

/// A paragraph of the outline: runs set at `size`, first line at `indent`, the rest at
/// `indent + hang` (a bullet hangs).
#[derive(Clone, Debug)]
pub struct Block {
    pub indent: f32,
    pub hang: f32,
    pub size: f32,
    pub weak: bool,
    pub space_before: f32,
    pub runs: Runs,
}

/// Markdown inline text as runs: `\x` is a literal x, `**` toggles bold, `*` italics.
fn inline_runs(text: &str, base: Face) -> Runs {
    let mut runs: Runs = Vec::new();
    let (mut bold, mut italic) = (false, false);
    let mut cur = String::new();
    let face = |bold: bool, italic: bool| {
        if bold {
            Face::Bold
        } else if italic {
            Face::Oblique
        } else {
            base
        }
    };
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(n) = chars.next() {
                    cur.push(n);
                }
            }
            '*' => {
                if !cur.is_empty() {
                    runs.push((std::mem::take(&mut cur), face(bold, italic)));
                }
                if chars.peek() == Some(&'*') {
                    chars.next();
                    bold = !bold;
                } else {
                    italic = !italic;
                }
            }
            c => cur.push(c),
        }
    }
    if !cur.is_empty() {
        runs.push((cur, face(bold, italic)));
    }
    runs
}

/// The Markdown outline (as `export::markdown` writes it) as paragraphs to set.
pub fn blocks_from_markdown(md: &str) -> Vec<Block> {
    const INDENT: f32 = 14.0;
    let mut blocks = Vec::new();
    for line in md.lines() {
        let body = line.trim_start();
        if body.is_empty() {
            continue;
        }
        let indent = ((line.len() - body.len()) / 2) as f32 * INDENT;
        let body = capped(body, PARAGRAPH_CHARS);
        let block = |size, space_before, runs| Block {
            indent,
            hang: 0.0,
            size,
            weak: false,
            space_before,
            runs,
        };
        let b = if let Some(h) = body.strip_prefix("# ") {
            block(TITLE_PT, 0.0, inline_runs(h, Face::Bold))
        } else if let Some(h) = body.strip_prefix("## ") {
            block(12.5, 12.0, inline_runs(h, Face::Bold))
        } else if let Some(h) = body.strip_prefix("### ") {
            block(10.5, 8.0, inline_runs(h, Face::Bold))
        } else if let Some(item) = body.strip_prefix("- ") {
            let mut runs = vec![("• ".to_owned(), Face::Regular)];
            runs.extend(inline_runs(item, Face::Regular));
            Block {
                hang: text_width("• ", Face::Regular, NOTE_PT),
                ..block(NOTE_PT, 5.0, runs)
            }
        } else if let Some(q) = body.strip_prefix('>') {
            let q = q.trim_start();
            let cite = q.starts_with('—');
            Block {
                indent: indent + 10.0,
                weak: cite,
                ..block(
                    9.0,
                    if cite { 0.0 } else { 3.0 },
                    inline_runs(q, Face::Oblique),
                )
            }
        } else {
            block(NOTE_PT, 3.0, inline_runs(&body, Face::Regular))
        };
        blocks.push(b);
    }
    blocks
}

/// A story step's cards as paragraphs (for a step too big to draw): each claim with who holds
/// it, each quote with its citation; `focus` cards in bold.
pub fn blocks_for_cards(map: &Map, ids: &[NodeId], focus: &HashSet<NodeId>) -> Vec<Block> {
    let mut blocks = Vec::new();
    for id in ids {
        let Some(node) = map.node(id) else { continue };
        match node {
            NodeRef::Claim(c) => {
                let face = if focus.contains(id) {
                    Face::Bold
                } else {
                    Face::Regular
                };
                let mut runs = vec![(
                    format!("• {}", capped(c.text.trim(), PARAGRAPH_CHARS)),
                    face,
                )];
                let names: Vec<&str> = c
                    .actors
                    .iter()
                    .filter_map(|a| map.actor(a))
                    .map(|a| a.name.as_str())
                    .collect();
                if !names.is_empty() {
                    let names = capped(&names.join(", "), TITLE_CHARS).into_owned();
                    runs.push((format!(" — {names}"), Face::Oblique));
                }
                blocks.push(Block {
                    indent: 0.0,
                    hang: text_width("• ", Face::Regular, NOTE_PT),
                    size: NOTE_PT,
                    weak: false,
                    space_before: 6.0,
                    runs,
                });
            }
            NodeRef::Quote(q) => {
                let text = capped(q.anchor.exact.trim(), PARAGRAPH_CHARS);
                blocks.push(Block {
                    indent: 14.0,
                    hang: 0.0,
                    size: 9.0,
                    weak: false,
                    space_before: 3.0,
                    runs: vec![(format!("“{text}”"), Face::Oblique)],
                });
                if let Some(s) = map.source(&q.source) {
                    blocks.push(Block {
                        indent: 14.0,
                        hang: 0.0,
                        size: 9.0,
                        weak: true,
                        space_before: 0.0,
                        runs: vec![(
                            format!("— {}", capped(&citation(s), TITLE_CHARS)),
                            Face::Oblique,
                        )],
                    });
                }
            }
        }
    }
    blocks
}

/// Sets `blocks` into pages of lines `width` wide: the first page has `first` points of height,
/// the others `rest`. Lines are measured from the top of the text area. At most `max_pages`
/// pages: text left over is replaced by a line saying so.
pub fn paginate(
    blocks: &[Block],
    width: f32,
    first: f32,
    rest: f32,
    max_pages: usize,
) -> Vec<Vec<Line>> {
    let mut pages: Vec<Vec<Line>> = vec![Vec::new()];
    let mut y = 0.0;
    let mut room = first;
    for (i, b) in blocks.iter().enumerate() {
        let w = (width - b.indent - b.hang).max(40.0);
        // No paragraph is longer than a page.
        let max_lines = ((rest / leading(b.size)) as usize).max(1);
        let lines = wrap_runs(&b.runs, b.size, w, max_lines);
        let need = b.space_before + lines.len() as f32 * leading(b.size);
        if y > 0.0 && y + need > room {
            if pages.len() == max_pages {
                let last = pages.last_mut().expect("pages start with one");
                last.push(Line {
                    x: 0.0,
                    y: y + SMALL_PT + 4.0,
                    size: SMALL_PT,
                    weak: true,
                    runs: vec![(
                        format!(
                            "… {} more paragraphs are left out: the handout stops at {max_pages} pages.",
                            blocks.len() - i
                        ),
                        Face::Oblique,
                    )],
                });
                return pages;
            }
            pages.push(Vec::new());
            y = 0.0;
            room = rest;
        }
        if y > 0.0 {
            y += b.space_before;
        }
        let page = pages.last_mut().expect("pages start with one");
        for (k, runs) in lines.into_iter().enumerate() {
            page.push(Line {
                x: b.indent + if k > 0 { b.hang } else { 0.0 },
                y: y + b.size,
                size: b.size,
                weak: b.weak,
                runs,
            });
            y += leading(b.size);
        }
    }
    pages
}

/// Lines as SVG `<text>` elements, shifted by (`dx`, `dy`).
pub fn lines_svg(s: &mut String, lines: &[Line], dx: f32, dy: f32) {
    for l in lines {
        let _ = write!(
            s,
            "<text x=\"{:.2}\" y=\"{:.2}\" font-size=\"{}\"{}>",
            l.x + dx,
            l.y + dy,
            l.size,
            if l.weak { " class=\"weak\"" } else { "" }
        );
        for (text, face) in &l.runs {
            let attr = match face {
                Face::Regular => "",
                Face::Bold => " font-weight=\"bold\"",
                Face::Oblique => " font-style=\"italic\"",
            };
            let _ = write!(s, "<tspan{attr}>{}</tspan>", xml(text));
        }
        s.push_str("</text>\n");
    }
}

/// The page number and the legend of link shapes, along the bottom of a page.
pub fn footer_svg(s: &mut String, page_w: f32, y: f32, margin: f32, number: &str) {
    use crate::model::Relation;
    let mut x = margin;
    let size = SMALL_PT;
    for rel in Relation::ALL {
        let color = st::relation(rel);
        let mid = y - size * 0.35;
        let (x1, x2) = (x, x + 20.0);
        match rel {
            Relation::Supports => {
                let _ = write!(
                    s,
                    "<line x1=\"{x1}\" y1=\"{mid}\" x2=\"{}\" y2=\"{mid}\" stroke=\"{color}\" \
                     stroke-width=\"1.2\"/><polygon points=\"{x2},{mid} {},{} {},{}\" fill=\"{color}\"/>",
                    x2 - 4.0,
                    x2 - 5.0,
                    mid - 2.8,
                    x2 - 5.0,
                    mid + 2.8
                );
            }
            Relation::Opposes => {
                let _ = write!(
                    s,
                    "<line x1=\"{x1}\" y1=\"{mid}\" x2=\"{x2}\" y2=\"{mid}\" stroke=\"{color}\" \
                     stroke-width=\"1.2\" stroke-dasharray=\"4 2.5\"/><line x1=\"{x2}\" y1=\"{}\" \
                     x2=\"{x2}\" y2=\"{}\" stroke=\"{color}\" stroke-width=\"1.6\"/>",
                    mid - 3.5,
                    mid + 3.5
                );
            }
            Relation::Contradicts => {
                for off in [-1.3, 1.3] {
                    let _ = write!(
                        s,
                        "<line x1=\"{x1}\" y1=\"{}\" x2=\"{x2}\" y2=\"{}\" stroke=\"{color}\" \
                         stroke-width=\"1\"/>",
                        mid + off,
                        mid + off
                    );
                }
            }
            Relation::Qualifies => {
                let _ = write!(
                    s,
                    "<line x1=\"{x1}\" y1=\"{mid}\" x2=\"{x2}\" y2=\"{mid}\" stroke=\"{color}\" \
                     stroke-width=\"1.2\" stroke-dasharray=\"1.5 2\"/><polyline points=\"{},{} \
                     {x2},{mid} {},{}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"1.2\"/>",
                    x2 - 5.0,
                    mid - 2.8,
                    x2 - 5.0,
                    mid + 2.8
                );
            }
        }
        x = x2 + 4.0;
        let _ = write!(
            s,
            "<text x=\"{x}\" y=\"{y}\" font-size=\"{size}\">{}</text>",
            rel.as_str()
        );
        x += text_width(rel.as_str(), Face::Regular, size) + 12.0;
    }
    let _ = write!(
        s,
        "<text x=\"{}\" y=\"{y}\" font-size=\"{size}\" class=\"weak\" text-anchor=\"end\">{}</text>",
        page_w - margin,
        xml(number)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_huge_title_and_note_are_cut_to_a_few_lines() {
        let heading = Heading {
            title: "word ".repeat(400_000),
            title_pt: TITLE_PT,
            note: Some("x".repeat(2_000_000)),
            note_lines: 6,
            ..Heading::default()
        };
        let (lines, h) = heading.lines(0.0, 0.0, 500.0);
        let titles = lines.iter().filter(|l| l.size == TITLE_PT).count();
        assert_eq!(titles, 2);
        assert_eq!(lines.len(), 2 + 6);
        assert!(h < 200.0, "{h}");
        for l in &lines {
            let w: f32 = l.runs.iter().map(|(t, f)| text_width(t, *f, l.size)).sum();
            assert!(w <= 500.0 + l.size, "a line {w} pt wide");
        }
    }

    #[test]
    fn the_outline_keeps_its_words_and_no_type_is_small() {
        let md = "# A map\n\n## Thesis: it *holds*\n\n- A reason \\*really\\* — *Someone*\n\n  \
                  > “A quote”\\\n  > — *An author, 1996*\n";
        let blocks = blocks_from_markdown(md);
        let pages = paginate(&blocks, 500.0, 700.0, 700.0, 10);
        assert_eq!(pages.len(), 1);
        let text: Vec<String> = pages[0]
            .iter()
            .map(|l| l.runs.iter().map(|(t, _)| t.as_str()).collect::<String>())
            .collect();
        assert_eq!(text[0], "A map");
        assert_eq!(text[1], "Thesis: it holds");
        assert_eq!(text[2], "• A reason *really* — Someone");
        assert_eq!(text[3], "“A quote”");
        assert_eq!(text[4], "— An author, 1996");
        assert!(pages[0].iter().all(|l| l.size >= MIN_PT));
        // The citation is set apart, the holders in italics.
        assert!(pages[0][4].weak);
        assert_eq!(pages[0][2].runs.last().unwrap().1, Face::Oblique);
    }

    #[test]
    fn pagination_stops_at_the_page_cap_and_says_so() {
        let blocks = blocks_from_markdown(&"- a reason\n".repeat(10_000));
        let pages = paginate(&blocks, 500.0, 700.0, 700.0, 3);
        assert_eq!(pages.len(), 3);
        let last = pages[2].last().unwrap();
        assert!(last.runs[0].0.contains("left out"), "{last:?}");
    }
}
