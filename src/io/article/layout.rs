//! A PDF page's glyphs put back in reading order: words from glyph gaps, columns read one after
//! the other ([`super::columns`]), running headers, footers and page numbers dropped, lines
//! joined into paragraphs (a word hyphenated at a line end joined again).

/// One glyph as drawn: its baseline start (from the page's top-left, in points), advance and size.
#[derive(Clone, Debug)]
pub struct Glyph {
    pub x: f64,
    pub y: f64,
    pub advance: f64,
    pub size: f64,
    pub text: String,
}

/// A page's glyphs in the order the PDF draws them.
#[derive(Clone, Debug, Default)]
pub struct PageGlyphs {
    pub glyphs: Vec<Glyph>,
}

/// The text of a document in reading order, and what was done to get it.
#[derive(Debug, Default)]
pub struct Laid {
    pub paragraphs: Vec<String>,
    /// The most columns found on a page.
    pub columns: usize,
    pub header_dropped: bool,
    pub footer_dropped: bool,
    pub page_numbers_dropped: bool,
    /// The first page's large-type lines before its body text, if any.
    pub title: Option<String>,
}

/// A run of glyphs on one baseline with no wide gap: a line, or the part of one in one column.
#[derive(Clone, Debug)]
pub(super) struct Frag {
    pub(super) x0: f64,
    pub(super) x1: f64,
    pub(super) y: f64,
    pub(super) size: f64,
    pub(super) text: String,
}

/// A line of one column, with where it was found.
#[derive(Debug)]
struct Line {
    frag: Frag,
    /// Which run of lines (a column, or a full-width block, of a page) it belongs to.
    block: usize,
    page: usize,
}

/// Lays out all pages of a document.
pub fn lay_out(pages: &[PageGlyphs]) -> Laid {
    let mut laid = Laid {
        columns: 1,
        ..Laid::default()
    };
    let mut per_page: Vec<Vec<Frag>> = pages.iter().map(|p| fragments(&p.glyphs)).collect();
    drop_running_lines(&mut per_page, &mut laid);
    let mut lines = Vec::new();
    let mut block = 0;
    for (page, frags) in per_page.into_iter().enumerate() {
        let (blocks, columns) = super::columns::reading_order(frags);
        laid.columns = laid.columns.max(columns);
        for b in blocks {
            for frag in merge_lines(b) {
                lines.push(Line { frag, block, page });
            }
            block += 1;
        }
    }
    laid.title = first_page_title(&lines);
    laid.paragraphs = paragraphs(&lines);
    laid
}

/// Glyphs joined into fragments, in drawing order: a glyph continues the fragment when it sits on
/// the same baseline just after it; a gap wider than a fifth of the type size is a word space.
/// So is a space character, unless the next glyph is drawn over it: some PDF makers (Ghostscript
/// from groff's kerned "gave") put a space into a word and then move back over it, and a reader
/// sees no gap there.
fn fragments(glyphs: &[Glyph]) -> Vec<Frag> {
    let mut out = Vec::new();
    let mut current: Option<Frag> = None;
    let mut space = false;
    for g in glyphs {
        if g.text.chars().all(char::is_whitespace) {
            space = true;
            continue;
        }
        let size = g.size.max(0.1);
        if let Some(f) = current.as_mut() {
            let em = f.size.max(size);
            let gap = g.x - f.x1;
            if (g.y - f.y).abs() < 0.3 * em && gap > -0.5 * em && gap < 1.2 * em {
                // Real word spaces measure a quarter of the type size or more (a justified
                // line may shrink them a little); a tenth is far below that and above kerning.
                if (space && gap > 0.1 * em) || gap > 0.2 * em {
                    f.text.push(' ');
                }
                f.text.push_str(&g.text);
                f.x1 = f.x1.max(g.x + g.advance);
                f.size = f.size.max(size);
                space = false;
                continue;
            }
        }
        out.extend(current.take());
        current = Some(Frag {
            x0: g.x,
            x1: g.x + g.advance,
            y: g.y,
            size,
            text: g.text.clone(),
        });
        space = false;
    }
    out.extend(current);
    out
}

/// The page's rows (fragments on one baseline), top to bottom, as indexes into `frags`.
fn rows(frags: &[Frag]) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..frags.len()).collect();
    order.sort_by(|&a, &b| frags[a].y.total_cmp(&frags[b].y));
    let mut rows: Vec<Vec<usize>> = Vec::new();
    for i in order {
        match rows.last_mut() {
            Some(row) if (frags[i].y - frags[row[0]].y).abs() < 0.5 * frags[i].size => row.push(i),
            _ => rows.push(vec![i]),
        }
    }
    rows
}

/// A row's text with its digits and spacing made alike, so "Page 3" and "Page 4" compare equal.
fn row_key(frags: &[Frag], row: &[usize]) -> String {
    let mut sorted = row.to_vec();
    sorted.sort_by(|&a, &b| frags[a].x0.total_cmp(&frags[b].x0));
    let text: String = sorted
        .iter()
        .map(|&i| frags[i].text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let mut key = String::new();
    for c in text.to_lowercase().chars().filter(|c| !c.is_whitespace()) {
        if c.is_ascii_digit() {
            if !key.ends_with('#') {
                key.push('#');
            }
        } else {
            key.push(c);
        }
    }
    key
}

/// Whether a row's key is a bare page number: "#", "-#-", "page#", "#of#", "page#of#".
fn is_page_number(key: &str) -> bool {
    let key = key.trim_matches(|c| matches!(c, '-' | '–' | '—' | '[' | ']' | '(' | ')'));
    let key = key.strip_prefix("page").unwrap_or(key);
    key == "#" || key == "#of#" || key == "#/#"
}

/// Drops the top and bottom rows of pages that repeat on many pages (running headers and
/// footers) or are page numbers; twice, for a header and a page number on separate rows.
fn drop_running_lines(pages: &mut [Vec<Frag>], laid: &mut Laid) {
    let count = pages.len();
    for _ in 0..2 {
        for top in [true, false] {
            let ends: Vec<Option<(Vec<usize>, String, bool)>> = pages
                .iter()
                .map(|frags| {
                    let rows = rows(frags);
                    let (row, inner) = if top {
                        (rows.first()?, rows.get(1))
                    } else {
                        (
                            rows.last()?,
                            rows.len().checked_sub(2).and_then(|i| rows.get(i)),
                        )
                    };
                    // A running line stands apart from the text: further from it than lines, or
                    // paragraphs, are from each other.
                    let apart = inner.is_none_or(|inner| {
                        let (a, b) = (&frags[row[0]], &frags[inner[0]]);
                        (a.y - b.y).abs() > 2.0 * a.size.max(b.size)
                    });
                    let key = row_key(frags, row);
                    Some((row.clone(), key, apart))
                })
                .collect();
            let mut drop: Vec<Vec<usize>> = vec![Vec::new(); count];
            for (page, end) in ends.iter().enumerate() {
                let Some((row, key, apart)) = end else {
                    continue;
                };
                let repeats = ends
                    .iter()
                    .filter(|e| e.as_ref().is_some_and(|(_, k, _)| k == key))
                    .count();
                if is_page_number(key) {
                    laid.page_numbers_dropped = true;
                } else if *apart && repeats >= 2 && repeats * 4 >= count && key.chars().count() > 1
                {
                    if top {
                        laid.header_dropped = true;
                    } else {
                        laid.footer_dropped = true;
                    }
                } else {
                    continue;
                }
                drop[page].clone_from(row);
            }
            for (frags, drop) in pages.iter_mut().zip(drop) {
                let mut i = 0;
                frags.retain(|_| {
                    let keep = !drop.contains(&i);
                    i += 1;
                    keep
                });
            }
        }
    }
}

/// A block's fragments (sorted top to bottom) with those on one baseline merged into one line.
fn merge_lines(block: Vec<Frag>) -> Vec<Frag> {
    let mut lines: Vec<Frag> = Vec::new();
    for f in block {
        match lines.last_mut() {
            Some(l) if (f.y - l.y).abs() < 0.5 * l.size.max(f.size) && f.x0 >= l.x1 - 1.0 => {
                l.text.push(' ');
                l.text.push_str(&f.text);
                l.x1 = f.x1;
                l.size = l.size.max(f.size);
            }
            _ => lines.push(f),
        }
    }
    lines
}

fn round_half(v: f64) -> i64 {
    (v * 2.0).round() as i64
}

/// The value seen most often, counted in half points.
fn most_common(values: impl Iterator<Item = f64>) -> Option<f64> {
    let mut counts = std::collections::BTreeMap::<i64, usize>::new();
    for v in values {
        *counts.entry(round_half(v)).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|&(_, n)| n)
        .map(|(k, _)| k as f64 / 2.0)
}

/// The first page's title: its lines in type clearly larger than the body, before the body starts.
fn first_page_title(lines: &[Line]) -> Option<String> {
    let body = most_common(lines.iter().map(|l| l.frag.size))?;
    let first: Vec<&Line> = lines.iter().filter(|l| l.page == 0).take(12).collect();
    let largest = first.iter().map(|l| l.frag.size).fold(0.0, f64::max);
    if largest < body * 1.2 {
        return None;
    }
    let title: Vec<&str> = first
        .iter()
        .skip_while(|l| (l.frag.size - largest).abs() > 0.5)
        .take_while(|l| (l.frag.size - largest).abs() <= 0.5)
        .map(|l| l.frag.text.as_str())
        .collect();
    let title = title.join(" ");
    (!title.trim().is_empty()).then_some(title)
}

/// Lines joined into paragraphs. A new paragraph starts after a wider gap than the usual line
/// spacing, at an indented line, after a short line that ends a sentence or a heading, and where
/// the type size changes; a paragraph runs on across a column or page break otherwise.
fn paragraphs(lines: &[Line]) -> Vec<String> {
    let Some(body) = most_common(lines.iter().map(|l| l.frag.size)) else {
        return Vec::new();
    };
    let mut gaps: Vec<f64> = lines
        .windows(2)
        .filter(|w| w[0].block == w[1].block)
        .map(|w| w[1].frag.y - w[0].frag.y)
        .filter(|&d| d > 0.0)
        .collect();
    gaps.sort_by(f64::total_cmp);
    let spacing = gaps.get(gaps.len() / 2).copied().unwrap_or(body * 1.2);
    // Each block's left margin and right edge, from its lines in body type.
    let blocks = lines.last().map_or(0, |l| l.block + 1);
    let mut margins = vec![(f64::NAN, f64::NAN); blocks];
    for (b, margin) in margins.iter_mut().enumerate() {
        let body_lines = || {
            lines
                .iter()
                .filter(move |l| l.block == b && (l.frag.size - body).abs() < 0.6)
        };
        let left = most_common(body_lines().map(|l| l.frag.x0));
        let right = body_lines().map(|l| l.frag.x1).fold(f64::NAN, f64::max);
        *margin = (left.unwrap_or(f64::NAN), right);
    }
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut previous: Option<&Line> = None;
    for line in lines {
        let text = line.frag.text.trim();
        if text.is_empty() {
            continue;
        }
        if let Some(p) = previous {
            let (left, _) = margins[line.block];
            let (_, right) = margins[p.block];
            let em = line.frag.size;
            let indented = line.frag.x0 > left + 0.8 * em;
            let short = p.frag.x1 < right - 3.0 * p.frag.size;
            let ends_sentence = p
                .frag
                .text
                .trim_end()
                .ends_with(['.', '!', '?', ':', '”', '"', '’', ')']);
            let starts_upper = text.chars().next().is_some_and(|c| !c.is_lowercase());
            let size_change = (line.frag.size - p.frag.size).abs() > 0.15 * body.max(1.0);
            // Further down the same page than lines are apart (within a column, or from a
            // full-width title to the columns under it).
            let wide_gap = line.page == p.page && line.frag.y - p.frag.y > spacing * 1.4;
            let breaks =
                size_change || wide_gap || indented || (short && (ends_sentence || starts_upper));
            if breaks {
                out.push(std::mem::take(&mut current));
            }
        }
        join_line(&mut current, text);
        previous = Some(line);
    }
    out.push(current);
    out.retain(|p| !p.trim().is_empty());
    out
}

/// Appends a line to a paragraph: after a word hyphenated at the line end ("inter-" + "ruption"),
/// the halves are joined; otherwise with a space.
fn join_line(paragraph: &mut String, line: &str) {
    if paragraph.is_empty() {
        paragraph.push_str(line);
        return;
    }
    let next_lower = line.chars().next().is_some_and(char::is_lowercase);
    if let Some(stem) = paragraph.strip_suffix(['-', '\u{2010}', '\u{ad}'])
        && stem.chars().last().is_some_and(char::is_alphabetic)
        && next_lower
    {
        paragraph.truncate(stem.len());
    } else {
        paragraph.push(' ');
    }
    paragraph.push_str(line);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line of text set in 10 pt type, 5 pt a character, starting at `x` on baseline `y`.
    fn line(glyphs: &mut Vec<Glyph>, x: f64, y: f64, text: &str) {
        for (i, c) in text.chars().enumerate() {
            glyphs.push(Glyph {
                x: x + 5.0 * i as f64,
                y,
                advance: 5.0,
                size: 10.0,
                text: c.to_string(),
            });
        }
    }

    #[test]
    fn a_space_the_next_letter_is_drawn_over_does_not_split_the_word() {
        // "gave" as Ghostscript wrote it from groff: "gav", a space, then "e" moved back onto
        // the end of the "v" (the three-column fixture read "gav e").
        let glyph = |x: f64, advance: f64, text: &str| Glyph {
            x,
            y: 100.0,
            advance,
            size: 10.0,
            text: text.into(),
        };
        let g = [
            glyph(60.0, 5.0, "o"),
            glyph(65.0, 2.5, " "),
            glyph(69.0, 5.0, "g"),
            glyph(73.8, 4.4, "a"),
            glyph(78.0, 5.0, "v"),
            glyph(82.8, 2.5, " "),
            glyph(82.9, 4.4, "e"),
            glyph(87.3, 2.5, " "),
            glyph(90.0, 2.8, "t"),
        ];
        let frags = fragments(&g);
        let text: Vec<&str> = frags.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(
            text,
            ["o gave t"],
            "a space with a gap after it still parts words"
        );
        // A narrow gap with no space character is kerning, not a space.
        let g = [glyph(60.0, 5.0, "A"), glyph(66.0, 5.0, "V")];
        assert_eq!(fragments(&g)[0].text, "AV");
    }

    #[test]
    fn hyphenated_words_are_joined_and_others_kept() {
        let mut p = String::from("the in-");
        join_line(&mut p, "terruption cost");
        assert_eq!(p, "the interruption cost");
        let mut p = String::from("North-");
        join_line(&mut p, "South talks");
        assert_eq!(p, "North- South talks");
    }

    #[test]
    fn page_numbers_are_recognised() {
        for key in ["#", "-#-", "page#", "page#of#", "[#]"] {
            assert!(is_page_number(key), "{key}");
        }
        assert!(!is_page_number("#thingstoknow"));
    }

    #[test]
    fn a_single_column_page_reads_top_to_bottom_with_paragraphs() {
        let mut g = Vec::new();
        let body = [
            "This is the first line of a paragraph that",
            "runs on to a second line and ends here.",
            "    A second paragraph starts indented and it",
            "ends after two lines of text in the column.",
        ];
        for (i, t) in body.iter().enumerate() {
            line(&mut g, 50.0, 100.0 + 12.0 * i as f64, t);
        }
        let laid = lay_out(&[PageGlyphs { glyphs: g }]);
        assert_eq!(laid.columns, 1);
        assert_eq!(
            laid.paragraphs,
            [
                "This is the first line of a paragraph that runs on to a second line and ends here.",
                "A second paragraph starts indented and it ends after two lines of text in the column."
            ]
        );
    }

    #[test]
    fn a_numbered_list_is_one_column_and_three_columns_are_read_left_to_right() {
        let mut g = Vec::new();
        for i in 0..8 {
            let y = 100.0 + 12.0 * f64::from(i);
            line(&mut g, 50.0, y, &format!("{}.", i + 1));
            line(&mut g, 80.0, y, "an item of the list that is long");
        }
        let laid = lay_out(&[PageGlyphs { glyphs: g }]);
        assert_eq!(laid.columns, 1);

        let mut g = Vec::new();
        for (c, word) in ["left", "middle", "right"].iter().enumerate() {
            for i in 0..6 {
                let x = 50.0 + 180.0 * c as f64;
                line(
                    &mut g,
                    x,
                    100.0 + 12.0 * f64::from(i),
                    &format!("{word} column line {i} with words"),
                );
            }
        }
        let laid = lay_out(&[PageGlyphs { glyphs: g }]);
        assert_eq!(laid.columns, 3);
        let text = laid.paragraphs.join(" ");
        let at = |w: &str| text.find(w).unwrap_or(usize::MAX);
        assert!(
            at("left column line 5") < at("middle column line 0"),
            "{text}"
        );
        assert!(
            at("middle column line 5") < at("right column line 0"),
            "{text}"
        );
    }
}
