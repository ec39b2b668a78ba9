//! Small text helpers shared by the analysis, the exports and the window: one line out of many,
//! text cut short with an ellipsis.

use std::borrow::Cow;

/// `text` on one line: runs of whitespace (newlines too) become one space, none at the ends.
pub fn flatten_ws(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` as one line of plain text for a file other programs read: control characters and the
/// non-characters U+FFFE/U+FFFF (never text, refused by XML and most converters) dropped, then
/// flattened as [`flatten_ws`] does.
pub fn plain_line(text: &str) -> String {
    let kept: String = text
        .chars()
        .filter(|&c| {
            (c.is_whitespace() || !c.is_control()) && !matches!(c, '\u{FFFE}' | '\u{FFFF}')
        })
        .collect();
    flatten_ws(&kept)
}

/// `text`'s lines, each as [`plain_line`] makes it, for a teacher's note written on several
/// lines: blank lines between paragraphs kept as one empty line, none at the ends.
pub fn plain_lines(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for line in text.lines().map(plain_line) {
        if !line.is_empty() || lines.last().is_some_and(|l| !l.is_empty()) {
            lines.push(line);
        }
    }
    while lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines
}

/// The first `keep` characters of `text`, with "…" when it was longer (trailing spaces before
/// the "…" dropped). The work is O(`keep`), whatever the text's length.
pub fn ellipsize(text: &str, keep: usize) -> Cow<'_, str> {
    match text.char_indices().nth(keep) {
        Some((cut, _)) => Cow::Owned(format!("{}…", text[..cut].trim_end())),
        None => Cow::Borrowed(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_flattened_and_cut_at_a_char_count() {
        assert_eq!(flatten_ws("  a\n\tb  c "), "a b c");
        assert_eq!(plain_line("a\u{7}b\nc\u{FFFF}"), "ab c");
        assert_eq!(ellipsize("abc", 3), "abc");
        assert_eq!(ellipsize("ab cd", 3), "ab…");
        assert_eq!(ellipsize("ééééé", 2), "éé…");
        assert_eq!(ellipsize("", 0), "");
    }

    #[test]
    fn a_note_keeps_its_lines_and_one_blank_line_between_paragraphs() {
        assert_eq!(
            plain_lines("\n First  line\r\nsecond\n\n\n\tThird\u{7}\n \n"),
            ["First line", "second", "", "Third"]
        );
        assert!(plain_lines(" \n ").is_empty());
    }
}
