//! The pieces of an Argdown line: comments, titles, tags and data, relation symbols,
//! premise–conclusion items.

use crate::import::ImportError;
use crate::import::build::excerpt;
use std::collections::HashSet;

pub(super) fn err(line: usize, message: impl Into<String>) -> ImportError {
    ImportError::Line {
        line,
        message: message.into(),
    }
}

/// The document with comments blanked out (newlines kept, so line numbers hold), and the
/// qualifications Warrant's export marks in comments (`// [a] qualifies [b]: …`).
pub(super) fn strip_comments(
    text: &str,
) -> Result<(String, HashSet<(String, String)>), ImportError> {
    let mut out = String::with_capacity(text.len());
    let mut marks = HashSet::new();
    let mut chars = text.char_indices().peekable();
    let mut line = 1;
    let mut at_space = true;
    while let Some((i, c)) = chars.next() {
        let rest = &text[i..];
        if c == '\\' {
            out.push(c);
            if let Some((_, n)) = chars.next() {
                if n == '\n' {
                    line += 1;
                }
                out.push(n);
            }
            at_space = false;
            continue;
        }
        let block = if rest.starts_with("/*") {
            Some("*/")
        } else if rest.starts_with("<!--") {
            Some("-->")
        } else {
            None
        };
        if let Some(close) = block {
            let start = line;
            let end = rest
                .find(close)
                .ok_or_else(|| err(start, "a comment opened here is never closed"))?;
            let body = &rest[..end + close.len()];
            for ch in body.chars() {
                if ch == '\n' {
                    out.push('\n');
                    line += 1;
                }
            }
            // Skip the comment's characters (the first is `c`).
            for _ in 1..body.chars().count() {
                chars.next();
            }
            continue;
        }
        if at_space && rest.starts_with("//") {
            let end = rest.find('\n').unwrap_or(rest.len());
            if let Some(mark) = qualify_mark(&rest[2..end]) {
                marks.insert(mark);
            }
            for _ in 1..rest[..end].chars().count() {
                chars.next();
            }
            continue;
        }
        if c == '\n' {
            line += 1;
        }
        at_space = c.is_whitespace();
        out.push(c);
    }
    Ok((out, marks))
}

/// `[a] qualifies [b]…` (Warrant's export) as `(a, b)`.
fn qualify_mark(comment: &str) -> Option<(String, String)> {
    let rest = comment.trim().strip_prefix('[')?;
    let (from, rest) = rest.split_once("] qualifies [")?;
    let (to, _) = rest.split_once(']')?;
    Some((from.to_owned(), to.to_owned()))
}

/// The index of the first `close` in `s` not escaped by a backslash.
fn find_unescaped(s: &str, close: char) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in s.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == close {
            return Some(i);
        }
    }
    None
}

/// Statement text as plain text: tags taken out, `{data}` taken out, escapes resolved, white
/// space collapsed. Returns (text, tags, whether data was dropped, open data braces at the end).
pub(super) fn clean(raw: &str) -> (String, Vec<String>, bool, usize) {
    let mut text = String::with_capacity(raw.len());
    let mut tags = Vec::new();
    let mut data = false;
    let mut depth = 0usize;
    let mut chars = raw.chars().peekable();
    let mut prev_space = true;
    while let Some(c) = chars.next() {
        if depth > 0 {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ => {}
            }
            continue;
        }
        match c {
            '\\' => {
                if let Some(n) = chars.next() {
                    text.push(n);
                }
            }
            '{' => {
                data = true;
                depth = 1;
            }
            '#' if prev_space && chars.peek() == Some(&'(') => {
                chars.next();
                let name: String = chars.by_ref().take_while(|&c| c != ')').collect();
                tags.push(name.split_whitespace().collect::<Vec<_>>().join(" "));
            }
            '#' if prev_space
                && chars
                    .peek()
                    .is_some_and(|c| c.is_alphanumeric() || *c == '_' || *c == '-') =>
            {
                let mut name = String::new();
                while let Some(&n) = chars.peek() {
                    if n.is_alphanumeric() || n == '_' || n == '-' {
                        name.push(n);
                        chars.next();
                    } else {
                        break;
                    }
                }
                tags.push(name);
            }
            _ => text.push(c),
        }
        prev_space = c.is_whitespace();
    }
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    tags.retain(|t| !t.is_empty());
    (flat, tags, data, depth)
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Statement,
    Argument,
}

/// One statement or argument as written on a line.
pub(super) struct Element {
    pub(super) kind: Kind,
    pub(super) title: Option<String>,
    /// The text after `:` (or the whole line, untitled), before cleaning.
    pub(super) text: Option<String>,
    /// What follows a reference (`[T] #tag`).
    pub(super) tail: String,
}

pub(super) fn element(s: &str, line: usize) -> Result<Element, ImportError> {
    let s = s.trim();
    let bracket = match s.chars().next() {
        Some('[') => Some((']', Kind::Statement)),
        Some('<') => Some(('>', Kind::Argument)),
        _ => None,
    };
    let Some((close, kind)) = bracket else {
        return Ok(Element {
            kind: Kind::Statement,
            title: None,
            text: Some(s.to_owned()),
            tail: String::new(),
        });
    };
    let inner = &s[1..];
    let end = find_unescaped(inner, close).ok_or_else(|| {
        err(
            line,
            format!("the title {} is not closed with “{close}”", excerpt(s)),
        )
    })?;
    let title = inner[..end].trim().to_owned();
    if title.is_empty() {
        return Err(err(line, "an empty title"));
    }
    let after = inner[end + close.len_utf8()..].trim_start();
    Ok(match after.strip_prefix(':') {
        Some(text) => Element {
            kind,
            title: Some(title),
            text: Some(text.to_owned()),
            tail: String::new(),
        },
        None => Element {
            kind,
            title: Some(title),
            text: None,
            tail: after.to_owned(),
        },
    })
}

/// The relation symbols, longest first.
const SYMBOLS: [&str; 10] = ["+>", "->", "_>", "<+", "<-", "<_", "><", "+", "-", "_"];

/// A relation line's symbol and the element after it.
pub(super) fn relation_symbol(s: &str) -> Option<(&'static str, &str)> {
    SYMBOLS.iter().find_map(|sym| {
        let rest = s.strip_prefix(sym)?;
        rest.starts_with(char::is_whitespace)
            .then_some((*sym, rest))
    })
}

/// `(1) …` as its element text.
pub(super) fn pcs_item(s: &str) -> Option<&str> {
    let rest = s.strip_prefix('(')?;
    let close = rest.find(')')?;
    rest[..close]
        .bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| rest[close + 1..].trim_start())
        .filter(|_| close > 0)
}

pub(super) fn is_inference_line(s: &str) -> bool {
    s.len() >= 2 && s.starts_with("--") && (s.bytes().all(|b| b == b'-') || s.ends_with("--"))
}

pub(super) fn indent_of(line: &str) -> usize {
    line.chars()
        .take_while(|c| c.is_whitespace())
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum()
}

pub(super) fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(n) = chars.next() {
                out.push(n);
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The front matter's `title:` (a YAML scalar: plain, or quoted as JSON writes it).
pub(super) fn front_title(lines: &[&str]) -> Option<String> {
    lines.iter().find_map(|l| {
        let v = l.trim().strip_prefix("title:")?.trim();
        let t = if v.starts_with('"') {
            serde_json::from_str::<String>(v).ok()?
        } else {
            v.trim_matches('\'').to_owned()
        };
        (!t.trim().is_empty()).then_some(t)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_go_and_marks_stay() {
        let (text, marks) =
            strip_comments("a // x\n/* b\nc */ d \\// e\n// [c1] qualifies [c2]: why\nhttp://x")
                .unwrap();
        assert_eq!(text, "a \n\n d \\// e\n\nhttp://x");
        assert!(marks.contains(&("c1".to_owned(), "c2".to_owned())));
        assert!(strip_comments("a /* never").is_err());
    }

    #[test]
    fn text_loses_tags_and_data_keeps_escapes() {
        let (t, tags, data, open) = clean(r"Nuclear \#1 power #policy #(two words) {a: 1} \[x\]");
        assert_eq!(t, "Nuclear #1 power [x]");
        assert_eq!(tags, ["policy", "two words"]);
        assert!(data);
        assert_eq!(open, 0);
    }

    #[test]
    fn relation_symbols_need_a_space() {
        assert_eq!(relation_symbol("+> [a]"), Some(("+>", " [a]")));
        assert_eq!(relation_symbol("- [a]"), Some(("-", " [a]")));
        assert_eq!(relation_symbol("-x"), None);
        assert!(is_inference_line("----"));
        assert!(is_inference_line("-- modus ponens --"));
        assert_eq!(pcs_item("(12) text"), Some("text"));
        assert_eq!(pcs_item("() text"), None);
    }
}
