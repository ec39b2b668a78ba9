//! Readable paragraphs for display, with offsets that lead back to the stored text.
//!
//! Text extracted from a PDF has a hard line break every ~90 characters. For reading, the lines of
//! a paragraph are joined with spaces; blank lines still separate paragraphs; `\r` is dropped.
//! Quotes keep addressing the stored text: [`Reflow::to_source`] and [`Reflow::to_display`] convert
//! char offsets between the two.

/// A display version of a source text and the offset mapping between them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reflow {
    /// What the reader shows.
    pub display: String,
    /// Runs of chars that correspond one to one: (display start, source start, length).
    runs: Vec<(usize, usize, usize)>,
    display_len: usize,
    source_len: usize,
}

/// Whether a line begins a list item or heading, which must stay on its own line.
fn starts_block(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with(['•', '-', '*', '#', '–', '—', '>'])
        || t.split_once(['.', ')']).is_some_and(|(n, _)| {
            !n.is_empty() && n.len() <= 3 && n.chars().all(|c| c.is_ascii_digit())
        })
}

/// Whether line `i` is only a page number (1–3 digits) with blank lines around it.
fn is_page_number(lines: &[&str], i: usize) -> bool {
    let t = lines[i].trim();
    let blank = |j: Option<usize>| {
        j.and_then(|j| lines.get(j))
            .is_none_or(|l| l.trim().is_empty())
    };
    !t.is_empty()
        && t.len() <= 3
        && t.chars().all(|c| c.is_ascii_digit())
        && blank(i.checked_sub(1))
        && blank(Some(i + 1))
}

/// Whether the text is hard-wrapped: most of its lines end near one width.
fn is_hard_wrapped(lines: &[&str]) -> bool {
    let mut lens: Vec<usize> = lines
        .iter()
        .map(|l| l.trim_end().chars().count())
        .filter(|&n| n > 0)
        .collect();
    if lens.len() < 4 {
        return false;
    }
    lens.sort_unstable();
    let p90 = lens[lens.len() * 9 / 10];
    // Web text puts a paragraph on one line (hundreds of chars); PDF text wraps at 60–100.
    p90 <= 120
}

impl Reflow {
    /// Reflows `source` for display.
    pub fn new(source: &str) -> Self {
        let lines: Vec<&str> = source.split('\n').collect();
        let wrapped = is_hard_wrapped(&lines);
        let typical = {
            let mut lens: Vec<usize> = lines.iter().map(|l| l.chars().count()).collect();
            lens.sort_unstable();
            lens.get(lens.len() * 9 / 10).copied().unwrap_or(0)
        };
        let mut r = Builder::default();
        for (i, line) in lines.iter().enumerate() {
            let (body, cr) = match line.strip_suffix('\r') {
                Some(b) => (b, true),
                None => (*line, false),
            };
            let page_number = wrapped && is_page_number(&lines, i);
            if page_number {
                // A PDF page number between paragraphs: not part of the text a student reads.
                r.drop_chars(body.chars().count());
            } else {
                r.keep(body);
            }
            if cr {
                r.drop_chars(1);
            }
            let Some(next) = lines.get(i + 1) else {
                break;
            };
            if page_number {
                r.drop_chars(1); // its line break too
                continue;
            }
            let join = wrapped
                && !body.trim().is_empty()
                && !next.trim().is_empty()
                && !starts_block(next)
                // A short line ends its paragraph even without a blank line after it.
                && body.trim_end().chars().count() * 10 >= typical * 6;
            r.replace_newline(if join { ' ' } else { '\n' });
        }
        r.finish()
    }

    /// The source char offset for display char offset `d` (clamped to the text).
    pub fn to_source(&self, d: usize) -> usize {
        if d >= self.display_len {
            return self.source_len;
        }
        let i = self.runs.partition_point(|r| r.0 + r.2 <= d);
        match self.runs.get(i) {
            Some(&(ds, ss, _)) if d >= ds => ss + (d - ds),
            Some(&(_, ss, _)) => ss,
            None => self.source_len,
        }
    }

    /// The display char offset for source char offset `s` (a dropped char maps to the next kept one).
    pub fn to_display(&self, s: usize) -> usize {
        if s >= self.source_len {
            return self.display_len;
        }
        let i = self.runs.partition_point(|r| r.1 + r.2 <= s);
        match self.runs.get(i) {
            Some(&(ds, ss, _)) if s >= ss => ds + (s - ss),
            Some(&(ds, _, _)) => ds,
            None => self.display_len,
        }
    }

    /// A source range as a display range.
    pub fn range_to_display(&self, start: usize, end: usize) -> (usize, usize) {
        (
            self.to_display(start),
            self.to_display(end).max(self.to_display(start)),
        )
    }

    /// A display range as a source range.
    pub fn range_to_source(&self, start: usize, end: usize) -> (usize, usize) {
        (self.to_source(start), self.to_source(end))
    }
}

#[derive(Default)]
struct Builder {
    display: String,
    runs: Vec<(usize, usize, usize)>,
    d: usize,
    s: usize,
}

impl Builder {
    fn push_run(&mut self, len: usize) {
        match self.runs.last_mut() {
            Some(last) if last.0 + last.2 == self.d && last.1 + last.2 == self.s => last.2 += len,
            _ => self.runs.push((self.d, self.s, len)),
        }
        self.d += len;
        self.s += len;
    }

    fn keep(&mut self, text: &str) {
        let n = text.chars().count();
        if n > 0 {
            self.display.push_str(text);
            self.push_run(n);
        }
    }

    fn drop_chars(&mut self, n: usize) {
        self.s += n;
    }

    /// One source `\n` shown as `with` (same length, so the run continues).
    fn replace_newline(&mut self, with: char) {
        self.display.push(with);
        self.push_run(1);
    }

    fn finish(self) -> Reflow {
        Reflow {
            display: self.display,
            runs: self.runs,
            display_len: self.d,
            source_len: self.s,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anchor::char_slice;

    const MEMO: &str = "One of the most troublesome areas on the agenda concerns the size of\n\
the North Atlantic Treaty Organization and what the new Russian president\n\
might expect from the alliance in the years to come, and how it would act\n\
when the time came.\n\
\n\
The choice of confrontation is not as obvious as it may seem. Within the\n\
Russian ruling circles there are at least some inconsistencies in attitude\n\
toward NATO, as this memo will show in its three parts below, in turn.\n\
\n\
2\n\
\n\
• A bullet stays on its own line\n";

    #[test]
    fn joins_wrapped_lines_and_keeps_paragraphs() {
        let r = Reflow::new(MEMO);
        assert!(r.display.contains("size of the North Atlantic"));
        assert!(r.display.contains("came.\n\nThe choice"));
        // The page number "2" is dropped; the bullet stays on its own line.
        assert!(
            r.display.contains("in turn.\n\n\n• A bullet"),
            "{:?}",
            r.display
        );
    }

    #[test]
    fn offsets_map_back_to_the_stored_text() {
        let r = Reflow::new(MEMO);
        let needle = "Within the Russian ruling circles";
        let b = r.display.find(needle).unwrap();
        let ds = r.display[..b].chars().count();
        let (s, e) = r.range_to_source(ds, ds + needle.chars().count());
        assert_eq!(
            char_slice(MEMO, s, e),
            Some("Within the\nRussian ruling circles")
        );
        assert_eq!(r.range_to_display(s, e), (ds, ds + needle.chars().count()));
    }

    #[test]
    fn a_dropped_page_number_still_maps_offsets() {
        let r = Reflow::new(MEMO);
        let src_bullet = MEMO.find("• A bullet").unwrap();
        let src_bullet = MEMO[..src_bullet].chars().count();
        let d = r.to_display(src_bullet);
        assert!(
            r.display
                .chars()
                .skip(d)
                .collect::<String>()
                .starts_with("• A bullet")
        );
        assert_eq!(r.to_source(d), src_bullet);
    }

    #[test]
    fn web_text_with_a_paragraph_per_line_is_left_alone() {
        let long = "word ".repeat(60);
        let text = format!("{long}\n{long}\n{long}\n{long}\n{long}\n");
        assert_eq!(Reflow::new(&text).display, text);
    }

    #[test]
    fn carriage_returns_are_dropped_but_offsets_still_map() {
        let text = "a\r\nbb\r\nccc";
        let r = Reflow::new(text);
        assert_eq!(r.display, "a\nbb\nccc");
        let d = r.display.find("ccc").unwrap();
        assert_eq!(r.to_source(d), 7);
        assert_eq!(r.to_display(7), d);
        assert_eq!(r.to_display(1), 1); // the dropped \r maps to the next kept char
        assert_eq!(r.to_source(r.display.chars().count()), text.chars().count());
    }
}
