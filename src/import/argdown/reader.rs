//! Claims as an Argdown document names them: titles found again, texts given later, tags,
//! and the relation a symbol draws.

use super::lex::{Element, Kind, clean, err, unescape};
use crate::import::build::{Builder, excerpt};
use crate::import::{ImportError, ImportFormat};
use crate::model::{NodeId, Relation};
use std::collections::{HashMap, HashSet};

/// The map being built, with what the document's titles name.
pub(super) struct Reader {
    pub(super) b: Builder,
    /// `[T` / `<T` → claim.
    named: HashMap<String, NodeId>,
    /// Claims named but not yet given a text (their text is their title until then).
    untexted: HashSet<NodeId>,
    titles: HashMap<NodeId, String>,
    kinds: HashMap<NodeId, Kind>,
    marks: HashSet<(String, String)>,
}

impl Reader {
    pub(super) fn new(title: &str, marks: HashSet<(String, String)>) -> Self {
        Self {
            b: Builder::new(ImportFormat::Argdown, title),
            named: HashMap::new(),
            untexted: HashSet::new(),
            titles: HashMap::new(),
            kinds: HashMap::new(),
            marks,
        }
    }

    /// The claim for an element, made or found, with its text and tags applied.
    pub(super) fn node(
        &mut self,
        el: &Element,
        line: usize,
        data: &mut usize,
    ) -> Result<NodeId, ImportError> {
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

    pub(super) fn relate(
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
