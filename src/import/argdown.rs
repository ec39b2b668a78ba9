//! Argdown documents (the text format of argdown.org), read line by line:
//!
//! - statements `[Title]: text`, arguments `<Title>: text` and untitled statements become
//!   claims (an argument is a claim standing for its reasoning); a later `[Title]` is the same
//!   claim; `#tags` become tags, `#thesis` marks a thesis;
//! - relations indented under an element: `+ X` / `<+ X` (X supports it), `- X` / `<- X`
//!   (X attacks it), `+> X`, `-> X` (it supports / attacks X), `>< X` (contradiction), and
//!   undercuts `_ X`, `<_ X`, `_> X`, which Warrant draws as opposing what is undercut (and says so)
//!   unless Warrant's own export marked them as a qualification;
//! - premise–conclusion structures `(1) …`, `----`, `(2) …`: each premise supports the conclusion.
//!
//! Headings (groups), `{data}` and comments are skipped, and the report says so.

use super::build::{Builder, Imported, excerpt};
use super::{ImportError, ImportFormat};
use crate::model::{NodeId, Relation};
use std::collections::{HashMap, HashSet};

fn err(line: usize, message: impl Into<String>) -> ImportError {
    ImportError::Line {
        line,
        message: message.into(),
    }
}

/// The document with comments blanked out (newlines kept, so line numbers hold), and the
/// qualifications Warrant's export marks in comments (`// [a] qualifies [b]: …`).
fn strip_comments(text: &str) -> Result<(String, HashSet<(String, String)>), ImportError> {
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
fn clean(raw: &str) -> (String, Vec<String>, bool, usize) {
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
enum Kind {
    Statement,
    Argument,
}

/// One statement or argument as written on a line.
struct Element {
    kind: Kind,
    title: Option<String>,
    /// The text after `:` (or the whole line, untitled), before cleaning.
    text: Option<String>,
    /// What follows a reference (`[T] #tag`).
    tail: String,
}

fn element(s: &str, line: usize) -> Result<Element, ImportError> {
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
fn relation_symbol(s: &str) -> Option<(&'static str, &str)> {
    SYMBOLS.iter().find_map(|sym| {
        let rest = s.strip_prefix(sym)?;
        rest.starts_with(char::is_whitespace)
            .then_some((*sym, rest))
    })
}

/// `(1) …` as its element text.
fn pcs_item(s: &str) -> Option<&str> {
    let rest = s.strip_prefix('(')?;
    let close = rest.find(')')?;
    rest[..close]
        .bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| rest[close + 1..].trim_start())
        .filter(|_| close > 0)
}

fn is_inference_line(s: &str) -> bool {
    s.len() >= 2 && s.starts_with("--") && (s.bytes().all(|b| b == b'-') || s.ends_with("--"))
}

fn indent_of(line: &str) -> usize {
    line.chars()
        .take_while(|c| c.is_whitespace())
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum()
}

struct Reader {
    b: Builder,
    /// `[T` / `<T` → claim.
    named: HashMap<String, NodeId>,
    /// Claims named but not yet given a text (their text is their title until then).
    untexted: HashSet<NodeId>,
    titles: HashMap<NodeId, String>,
    kinds: HashMap<NodeId, Kind>,
    marks: HashSet<(String, String)>,
}

impl Reader {
    /// The claim for an element, made or found, with its text and tags applied.
    fn node(&mut self, el: &Element, line: usize, data: &mut usize) -> Result<NodeId, ImportError> {
        let (text, tags, had_data, open) = match &el.text {
            Some(t) => clean(t),
            None => clean(&el.tail),
        };
        *data = open;
        if had_data {
            self.b
                .report
                .note("data ({…}) is not kept", format!("line {line}"));
        }
        let id = if let Some(title) = &el.title {
            self.titled(el.kind, title, &text, el.text.is_some(), line)?
        } else {
            if text.is_empty() {
                return Err(err(line, "a statement with no text"));
            }
            let id = self.b.claim(&text)?;
            self.kinds.insert(id.clone(), Kind::Statement);
            id
        };
        for tag in tags {
            match tag.as_str() {
                "thesis" => {
                    if let Some(c) = self.b.claim_mut(&id) {
                        c.thesis = true;
                    }
                }
                "quote" => {
                    self.b.report.note(
                        "statements tagged #quote, kept as claims (an Argdown file holds no articles)",
                        excerpt(&text),
                    );
                }
                _ => self.b.tag(&id, &tag),
            }
        }
        Ok(id)
    }

    /// The claim titled `title`: found (its text set if it had none yet), or made.
    fn titled(
        &mut self,
        kind: Kind,
        title: &str,
        text: &str,
        defines: bool,
        line: usize,
    ) -> Result<NodeId, ImportError> {
        let key = format!("{}{title}", if kind == Kind::Argument { '<' } else { '[' });
        if let Some(id) = self.named.get(&key).cloned() {
            if defines && !text.is_empty() {
                if self.untexted.remove(&id) {
                    if let Some(c) = self.b.claim_mut(&id) {
                        text.clone_into(&mut c.text);
                    }
                } else if self.b.claim_mut(&id).is_some_and(|c| c.text != text) {
                    self.b.report.note(
                        "statements given more than one text; the first is kept",
                        format!("{key} (line {line})"),
                    );
                }
            }
            return Ok(id);
        }
        let shown = unescape(title);
        let id = if text.is_empty() {
            let id = self.b.claim(&shown)?;
            self.untexted.insert(id.clone());
            id
        } else {
            self.b.claim(text)?
        };
        self.named.insert(key, id.clone());
        self.titles.insert(id.clone(), title.to_owned());
        self.kinds.insert(id.clone(), kind);
        if kind == Kind::Argument {
            self.b.report.note(
                "arguments, kept as claims standing for their reasoning",
                format!("<{shown}>"),
            );
        }
        Ok(id)
    }

    fn relate(
        &mut self,
        parent: &NodeId,
        child: &NodeId,
        symbol: &str,
        line: usize,
    ) -> Result<(), ImportError> {
        let (from, to) = if symbol.ends_with('>') || symbol == "><" {
            (parent, child)
        } else {
            (child, parent)
        };
        let relation = match symbol {
            "+" | "<+" | "+>" => Relation::Supports,
            "-" | "<-" | "->" => Relation::Opposes,
            "><" => Relation::Contradicts,
            _ => {
                let marked = match (self.titles.get(from), self.titles.get(to)) {
                    (Some(f), Some(t)) => self.marks.contains(&(f.clone(), t.clone())),
                    _ => false,
                };
                if marked {
                    Relation::Qualifies
                } else {
                    let target = match self.kinds.get(to) {
                        Some(Kind::Argument) => "argument",
                        _ => "statement",
                    };
                    self.b.report.note(
                        "undercuts (attacks on an inference), drawn as opposing the argument or \
                         statement undercut",
                        format!(
                            "line {line}: undercut of a{} {target}",
                            if target == "argument" { "n" } else { "" }
                        ),
                    );
                    Relation::Opposes
                }
            }
        };
        let (from, to) = (from.clone(), to.clone());
        self.b.link(&from, &to, relation, &format!("line {line}"))?;
        Ok(())
    }
}

fn unescape(s: &str) -> String {
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
fn front_title(lines: &[&str]) -> Option<String> {
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

/// Premise–conclusion structure in progress.
#[derive(Default)]
struct Pcs {
    premises: Vec<NodeId>,
    /// An inference line was read: the next item is a conclusion.
    concluding: bool,
}

/// An Argdown document as a map.
pub fn argdown_to_map(text: &str, name: &str) -> Result<Imported, ImportError> {
    let (text, marks) = strip_comments(text)?;
    let lines: Vec<&str> = text.lines().collect();
    let mut first = 0;
    let mut title = None;
    if let Some(start) = lines.iter().position(|l| !l.trim().is_empty())
        && lines[start].trim() == "==="
    {
        let end = lines[start + 1..]
            .iter()
            .position(|l| l.trim() == "===")
            .ok_or_else(|| err(start + 1, "the front matter opened here is never closed"))?;
        title = front_title(&lines[start + 1..start + 1 + end]);
        first = start + end + 2;
    }
    let mut r = Reader {
        b: Builder::new(ImportFormat::Argdown, title.as_deref().unwrap_or(name)),
        named: HashMap::new(),
        untexted: HashSet::new(),
        titles: HashMap::new(),
        kinds: HashMap::new(),
        marks,
    };
    let mut stack: Vec<(usize, NodeId)> = Vec::new();
    // The claim whose text the next plain line continues (none after a blank line).
    let mut continuing: Option<NodeId> = None;
    let mut data = 0usize;
    let mut pcs: Option<Pcs> = None;
    for (i, raw) in lines.iter().enumerate().skip(first) {
        let line = i + 1;
        let s = raw.trim();
        if data > 0 {
            for c in s.chars() {
                match c {
                    '{' => data += 1,
                    '}' => data = data.saturating_sub(1),
                    _ => {}
                }
            }
            continue;
        }
        if s.is_empty() {
            continuing = None;
            continue;
        }
        let indent = indent_of(raw);
        if s.starts_with('{') {
            let (_, _, _, open) = clean(s);
            data = open;
            r.b.report
                .note("data ({…}) is not kept", format!("line {line}"));
            continue;
        }
        if indent == 0 && s.starts_with('#') && s.trim_start_matches('#').starts_with(' ') {
            r.b.report.note(
                "headings (sections, groups) are not kept",
                excerpt(&clean(s.trim_start_matches('#')).0),
            );
            stack.clear();
            continuing = None;
            pcs = None;
            continue;
        }
        if is_inference_line(s) {
            match pcs.as_mut() {
                Some(p) if !p.premises.is_empty() => p.concluding = true,
                _ => return Err(err(line, "an inference line with no premises above it")),
            }
            continuing = None;
            continue;
        }
        if let Some(item) = pcs_item(s) {
            let el = element(item, line)?;
            let id = r.node(&el, line, &mut data)?;
            let p = pcs.get_or_insert_with(Pcs::default);
            if p.concluding {
                let premises = std::mem::take(&mut p.premises);
                p.concluding = false;
                p.premises.push(id.clone());
                r.b.report.note(
                    "premise–conclusion structures, each premise drawn as supporting the conclusion",
                    format!("line {line}"),
                );
                for premise in premises {
                    r.b.link(&premise, &id, Relation::Supports, &format!("line {line}"))?;
                }
            } else {
                p.premises.push(id.clone());
            }
            stack.retain(|(d, _)| *d < indent);
            stack.push((indent, id.clone()));
            continuing = Some(id);
            continue;
        }
        if let Some((symbol, rest)) = relation_symbol(s) {
            while stack.last().is_some_and(|(d, _)| *d >= indent) {
                stack.pop();
            }
            let parent = stack.last().map(|(_, id)| id.clone()).ok_or_else(|| {
                err(
                    line,
                    format!("“{symbol}” has nothing above it to relate to"),
                )
            })?;
            if rest.trim().is_empty() {
                return Err(err(line, format!("“{symbol}” is followed by nothing")));
            }
            let el = element(rest, line)?;
            let child = r.node(&el, line, &mut data)?;
            r.relate(&parent, &child, symbol, line)?;
            stack.push((indent, child.clone()));
            continuing = Some(child);
            continue;
        }
        let starts_element = s.starts_with('[') || s.starts_with('<');
        if !starts_element && let Some(id) = &continuing {
            // A paragraph's further lines continue its text.
            let (more, tags, _, open) = clean(s);
            data = open;
            let id = id.clone();
            if let Some(c) = r.b.claim_mut(&id) {
                c.text.push(' ');
                c.text.push_str(&more);
            }
            for tag in tags {
                r.b.tag(&id, &tag);
            }
            continue;
        }
        // A top-level element starts a new block.
        if pcs.as_ref().is_some_and(|p| p.concluding) {
            return Err(err(line, "an inference line with no conclusion below it"));
        }
        pcs = None;
        let el = element(s, line)?;
        let id = r.node(&el, line, &mut data)?;
        stack.clear();
        stack.push((indent, id.clone()));
        continuing = Some(id);
    }
    if pcs.as_ref().is_some_and(|p| p.concluding) {
        return Err(err(
            lines.len(),
            "an inference line with no conclusion below it",
        ));
    }
    if r.b.map.claims.is_empty() {
        return Err(err(lines.len().max(1), "the document has no statements"));
    }
    r.b.finish()
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
