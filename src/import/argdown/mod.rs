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

mod lex;
mod reader;

use super::ImportError;
use super::build::{Imported, excerpt};
use crate::model::{NodeId, Relation};
use lex::{
    clean, element, err, front_title, indent_of, is_inference_line, pcs_item, relation_symbol,
    strip_comments,
};
use reader::Reader;

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
    let mut walk = Walk {
        r: Reader::new(title.as_deref().unwrap_or(name), marks),
        stack: Vec::new(),
        continuing: None,
        data: 0,
        pcs: None,
    };
    for (i, raw) in lines.iter().enumerate().skip(first) {
        walk.line(i + 1, raw)?;
    }
    if walk.pcs.as_ref().is_some_and(|p| p.concluding) {
        return Err(err(
            lines.len(),
            "an inference line with no conclusion below it",
        ));
    }
    if walk.r.b.map.claims.is_empty() {
        return Err(err(lines.len().max(1), "the document has no statements"));
    }
    walk.r.b.finish()
}

/// Where the reading is between lines.
struct Walk {
    r: Reader,
    /// The open elements by indent: a relation line relates to the nearest one left of it.
    stack: Vec<(usize, NodeId)>,
    /// The claim whose text the next plain line continues (none after a blank line).
    continuing: Option<NodeId>,
    /// Open `{` of data that later lines close.
    data: usize,
    pcs: Option<Pcs>,
}

impl Walk {
    /// Reads one line (numbered from 1).
    fn line(&mut self, line: usize, raw: &str) -> Result<(), ImportError> {
        let s = raw.trim();
        if self.data > 0 {
            for c in s.chars() {
                match c {
                    '{' => self.data += 1,
                    '}' => self.data = self.data.saturating_sub(1),
                    _ => {}
                }
            }
            return Ok(());
        }
        if s.is_empty() {
            self.continuing = None;
            return Ok(());
        }
        let indent = indent_of(raw);
        if s.starts_with('{') {
            let (_, _, _, open) = clean(s);
            self.data = open;
            self.r
                .b
                .report
                .note("data ({…}) is not kept", format!("line {line}"));
            return Ok(());
        }
        if indent == 0 && s.starts_with('#') && s.trim_start_matches('#').starts_with(' ') {
            self.heading(s);
            return Ok(());
        }
        if is_inference_line(s) {
            match self.pcs.as_mut() {
                Some(p) if !p.premises.is_empty() => p.concluding = true,
                _ => return Err(err(line, "an inference line with no premises above it")),
            }
            self.continuing = None;
            return Ok(());
        }
        if let Some(item) = pcs_item(s) {
            return self.pcs_item(item, line, indent);
        }
        if let Some((symbol, rest)) = relation_symbol(s) {
            return self.relation(symbol, rest, line, indent);
        }
        let starts_element = s.starts_with('[') || s.starts_with('<');
        if !starts_element && let Some(id) = self.continuing.clone() {
            self.continue_text(&id, s);
            return Ok(());
        }
        self.top_element(s, line, indent)
    }

    fn heading(&mut self, s: &str) {
        self.r.b.report.note(
            "headings (sections, groups) are not kept",
            excerpt(&clean(s.trim_start_matches('#')).0),
        );
        self.stack.clear();
        self.continuing = None;
        self.pcs = None;
    }

    /// `(n) …`: a premise, or after an inference line the conclusion its premises support.
    fn pcs_item(&mut self, item: &str, line: usize, indent: usize) -> Result<(), ImportError> {
        let el = element(item, line)?;
        let id = self.r.node(&el, line, &mut self.data)?;
        let p = self.pcs.get_or_insert_with(Pcs::default);
        if p.concluding {
            let premises = std::mem::take(&mut p.premises);
            p.concluding = false;
            p.premises.push(id.clone());
            self.r.b.report.note(
                "premise–conclusion structures, each premise drawn as supporting the conclusion",
                format!("line {line}"),
            );
            for premise in premises {
                self.r
                    .b
                    .link(&premise, &id, Relation::Supports, &format!("line {line}"))?;
            }
        } else {
            p.premises.push(id.clone());
        }
        self.stack.retain(|(d, _)| *d < indent);
        self.stack.push((indent, id.clone()));
        self.continuing = Some(id);
        Ok(())
    }

    /// `+ X`, `-> X`, …: X related to the element above it.
    fn relation(
        &mut self,
        symbol: &str,
        rest: &str,
        line: usize,
        indent: usize,
    ) -> Result<(), ImportError> {
        while self.stack.last().is_some_and(|(d, _)| *d >= indent) {
            self.stack.pop();
        }
        let parent = self.stack.last().map(|(_, id)| id.clone()).ok_or_else(|| {
            err(
                line,
                format!("“{symbol}” has nothing above it to relate to"),
            )
        })?;
        if rest.trim().is_empty() {
            return Err(err(line, format!("“{symbol}” is followed by nothing")));
        }
        let el = element(rest, line)?;
        let child = self.r.node(&el, line, &mut self.data)?;
        self.r.relate(&parent, &child, symbol, line)?;
        self.stack.push((indent, child.clone()));
        self.continuing = Some(child);
        Ok(())
    }

    /// A paragraph's further lines continue its text.
    fn continue_text(&mut self, id: &NodeId, s: &str) {
        let (more, tags, _, open) = clean(s);
        self.data = open;
        if let Some(c) = self.r.b.claim_mut(id) {
            c.text.push(' ');
            c.text.push_str(&more);
        }
        for tag in tags {
            self.r.b.tag(id, &tag);
        }
    }

    /// A top-level element starts a new block.
    fn top_element(&mut self, s: &str, line: usize, indent: usize) -> Result<(), ImportError> {
        if self.pcs.as_ref().is_some_and(|p| p.concluding) {
            return Err(err(line, "an inference line with no conclusion below it"));
        }
        self.pcs = None;
        let el = element(s, line)?;
        let id = self.r.node(&el, line, &mut self.data)?;
        self.stack.clear();
        self.stack.push((indent, id.clone()));
        self.continuing = Some(id);
        Ok(())
    }
}
