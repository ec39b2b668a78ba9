//! A Markdown outline for handouts and essays: the thesis, its reasons and objections as nested
//! lists, each claim with its quotes as block quotes and a citation, then the contradictions and
//! who holds both sides of one; last, a teacher's feedback on cards and links and the rubric.

use crate::model::{Claim, Map, NodeId, NodeRef, Quote, Relation, Source, Target};
use std::collections::HashSet;
use std::fmt::Write;
use thiserror::Error;

/// What to put in the outline.
#[derive(Clone, Copy, Debug)]
pub struct MarkdownSettings {
    /// Each claim's quotes as block quotes.
    pub quotes: bool,
    /// The students' notes on claims, in italics.
    pub notes: bool,
    /// The teacher's comments and the rubric, at the end (when the map has feedback).
    pub feedback: bool,
}

impl Default for MarkdownSettings {
    fn default() -> Self {
        Self {
            quotes: true,
            notes: false,
            feedback: true,
        }
    }
}

/// Why there is no outline.
#[derive(Debug, Error)]
pub enum MarkdownError {
    #[error("cannot write the outline: {0}")]
    Write(#[from] std::fmt::Error),
}

/// The citation of a source: "author, outlet, year", with whatever is known.
pub fn citation(source: &Source) -> String {
    let year = source
        .date
        .split(|c: char| !c.is_ascii_digit())
        .find(|p| p.len() == 4)
        .unwrap_or("");
    let parts: Vec<&str> = [source.author.as_str(), source.outlet.as_str(), year]
        .into_iter()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if parts.is_empty() {
        source.title.trim().to_owned()
    } else {
        parts.join(", ")
    }
}

/// One line of plain text, with Markdown's special characters escaped; control characters and
/// the non-characters U+FFFE/U+FFFF (never text, and refused by XML and most converters) dropped.
fn inline(text: &str) -> String {
    let flat = crate::text::plain_line(text);
    let mut out = String::with_capacity(flat.len());
    for c in flat.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A text of several lines (a teacher's comment or note) in a list item: each line escaped as
/// [`inline`] does, a hard line break (`\`) between lines, a blank line between paragraphs, the
/// lines after the first indented under the item.
fn item_lines(text: &str) -> String {
    let lines = crate::text::plain_lines(text);
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        if line.is_empty() {
            out.push('\n');
            continue;
        }
        match i.checked_sub(1).map(|p| lines[p].is_empty()) {
            None => {}
            Some(true) => out.push_str("\n  "),
            Some(false) => out.push_str("\\\n  "),
        }
        out.push_str(&inline(line));
    }
    out
}

struct Outline<'a> {
    map: &'a Map,
    settings: MarkdownSettings,
    out: String,
    done: HashSet<&'a NodeId>,
}

impl<'a> Outline<'a> {
    fn holders(&self, claim: &Claim) -> String {
        let names: Vec<String> = claim
            .actors
            .iter()
            .filter_map(|a| self.map.actor(a))
            .map(|a| inline(&a.name))
            .collect();
        names.join(", ")
    }

    /// Claims and quotes that bear on `id` with `relation`, in link order.
    fn reasons(&self, id: &NodeId, relation: Relation) -> Vec<&'a NodeId> {
        self.map
            .links
            .iter()
            .filter(|l| &l.to == id && l.relation == relation)
            .map(|l| &l.from)
            .collect()
    }

    /// `label` marks a quote that does not simply support the claim ("**Against:** ").
    fn quote_block(&mut self, q: &Quote, label: &str, indent: &str) -> std::fmt::Result {
        let cite = self
            .map
            .source(&q.source)
            .map_or_else(|| "unknown source".to_owned(), citation);
        writeln!(
            self.out,
            "{indent}> {label}“{}”\\\n{indent}> — *{}*",
            inline(&q.anchor.exact),
            inline(&cite)
        )
    }

    /// A claim's quotes and notes, then its reasons and objections one level deeper.
    fn body(&mut self, claim: &'a Claim, indent: &str) -> std::fmt::Result {
        if self.settings.notes && !claim.note.trim().is_empty() {
            writeln!(self.out, "{indent}*Note: {}*\n", inline(&claim.note))?;
        }
        if self.settings.quotes {
            let mut any = false;
            for (relation, label) in [
                (Relation::Supports, ""),
                (Relation::Opposes, "**Against:** "),
                (Relation::Qualifies, "**Granted:** "),
            ] {
                for id in self.reasons(&claim.id, relation) {
                    if let Some(q) = self.map.quote(id) {
                        if any {
                            writeln!(self.out)?;
                        }
                        self.quote_block(q, label, indent)?;
                        any = true;
                    }
                }
            }
            if any {
                writeln!(self.out)?;
            }
        }
        Ok(())
    }

    /// A claim as a list item, then its own reasons and objections nested under it.
    fn item(&mut self, id: &'a NodeId, label: &str, depth: usize) -> std::fmt::Result {
        let Some(claim) = self.map.claim(id) else {
            return Ok(());
        };
        let indent = "  ".repeat(depth);
        let holders = self.holders(claim);
        let held = if holders.is_empty() {
            String::new()
        } else {
            format!(" — *{holders}*")
        };
        if !self.done.insert(id) {
            return writeln!(
                self.out,
                "{indent}- {label}{} *(see above)*\n",
                inline(&claim.text)
            );
        }
        writeln!(self.out, "{indent}- {label}{}{held}\n", inline(&claim.text))?;
        self.body(claim, &format!("{indent}  "))?;
        self.children(id, depth + 1)
    }

    fn children(&mut self, id: &'a NodeId, depth: usize) -> std::fmt::Result {
        for (relation, label) in [
            (Relation::Supports, "**Reason:** "),
            (Relation::Opposes, "**Objection:** "),
            (Relation::Qualifies, "**Granted:** "),
        ] {
            for child in self.reasons(id, relation) {
                if self.map.claim(child).is_some() {
                    self.item(child, label, depth)?;
                }
            }
        }
        Ok(())
    }

    /// A top-level claim: a heading, its quotes, then reasons and objections as lists.
    fn top(&mut self, claim: &'a Claim, what: &str) -> std::fmt::Result {
        self.done.insert(&claim.id);
        writeln!(self.out, "## {what}: {}\n", inline(&claim.text))?;
        let holders = self.holders(claim);
        if !holders.is_empty() {
            writeln!(self.out, "Held by {holders}.\n")?;
        }
        self.body(claim, "")?;
        for (relation, heading) in [
            (Relation::Supports, "Reasons"),
            (Relation::Opposes, "Objections"),
            (Relation::Qualifies, "Points granted"),
        ] {
            let kids: Vec<&NodeId> = self
                .reasons(&claim.id, relation)
                .into_iter()
                .filter(|c| self.map.claim(c).is_some())
                .collect();
            if kids.is_empty() {
                continue;
            }
            writeln!(self.out, "### {heading}\n")?;
            for kid in kids {
                self.item(kid, "", 0)?;
            }
        }
        Ok(())
    }

    fn contradictions(&mut self) -> std::fmt::Result {
        let pairs: Vec<(&Claim, &Claim)> = self
            .map
            .links
            .iter()
            .filter(|l| l.relation == Relation::Contradicts)
            .filter_map(|l| Some((self.map.claim(&l.from)?, self.map.claim(&l.to)?)))
            .collect();
        if pairs.is_empty() {
            return Ok(());
        }
        writeln!(self.out, "## Contradictions\n")?;
        for (a, b) in pairs {
            let side = |c: &Claim| {
                let h = self.holders(c);
                if h.is_empty() {
                    format!("“{}”", inline(&c.text))
                } else {
                    format!("“{}” (*{h}*)", inline(&c.text))
                }
            };
            writeln!(self.out, "- {}\n  **contradicts** {}\n", side(a), side(b))?;
            let both: Vec<&str> = crate::analysis::actors::holding_both(a, b)
                .filter_map(|x| self.map.actor(x))
                .map(|x| x.name.as_str())
                .collect();
            if !both.is_empty() {
                // "Moscow holds", "Russian officials hold", "Moscow, Minsk hold".
                let verb = match both[..] {
                    [one] => crate::analysis::actors::verb_for(one),
                    _ => "hold",
                };
                let names: Vec<String> = both.iter().map(|n| inline(n)).collect();
                writeln!(
                    self.out,
                    "  - **Inconsistent:** {} {verb} both.\n",
                    names.join(", ")
                )?;
            }
        }
        Ok(())
    }
}

/// The teacher's comments, each under what it is on, then the rubric with the teacher's
/// verdicts and notes; nothing when the map has no feedback (no comments, no rubric marks).
pub fn feedback_markdown(map: &Map) -> Result<String, MarkdownError> {
    let mut out = String::new();
    if map.comments.is_empty() && map.rubric.is_empty() {
        return Ok(out);
    }
    if !map.comments.is_empty() {
        comments_md(&mut out, map)?;
    }
    rubric_md(&mut out, map)?;
    Ok(out)
}

/// The comments, with indexes so that a file of many comments and links costs one pass.
fn comments_md(out: &mut String, map: &Map) -> std::fmt::Result {
    let nodes = crate::model::NodeIndex::new(map);
    let links: std::collections::HashMap<_, _> = map.links.iter().map(|l| (&l.id, l)).collect();
    let name = |n: &NodeId| {
        nodes.node(n).map_or_else(String::new, |n| match n {
            NodeRef::Claim(c) => inline(&c.text),
            NodeRef::Quote(q) => inline(&q.anchor.exact),
        })
    };
    writeln!(out, "## Feedback\n")?;
    for c in &map.comments {
        let on = match &c.on {
            Target::Node(id) => match nodes.node(id) {
                Some(NodeRef::Claim(cl)) => format!("“{}”", inline(&cl.text)),
                Some(NodeRef::Quote(q)) => format!("the quote “{}”", inline(&q.anchor.exact)),
                None => "a deleted card".to_owned(),
            },
            Target::Link(id) => match links.get(id) {
                Some(l) => format!(
                    "the link “{}” *{}* “{}”",
                    name(&l.from),
                    l.relation.as_str(),
                    name(&l.to)
                ),
                None => "a deleted link".to_owned(),
            },
        };
        writeln!(out, "- **On {on}:** {}\n", item_lines(&c.text))?;
    }
    Ok(())
}

/// The rubric: each criterion met or not, why, and the teacher's word on it.
fn rubric_md(out: &mut String, map: &Map) -> std::fmt::Result {
    let items = crate::analysis::rubric(map, &crate::analysis::analyse(map));
    writeln!(out, "## Rubric\n")?;
    for i in &items {
        let verdict = if i.met { "Met" } else { "Not met" };
        write!(
            out,
            "- **{verdict}:** {} — {}",
            i.criterion,
            inline(&i.detail)
        )?;
        if i.by_teacher {
            let computed = if i.computed { "met" } else { "not met" };
            write!(out, " *(the teacher's verdict; computed: {computed})*")?;
        }
        if !i.note.is_empty() {
            // On a line of its own under the criterion, as it may run to several.
            write!(out, "\\\n  **Teacher's note:** {}", item_lines(&i.note))?;
        }
        writeln!(out, "\n")?;
    }
    Ok(())
}

/// The map as a Markdown outline.
pub fn map_to_markdown(map: &Map, settings: &MarkdownSettings) -> Result<String, MarkdownError> {
    let mut o = Outline {
        map,
        settings: *settings,
        out: String::new(),
        done: HashSet::new(),
    };
    writeln!(o.out, "# {}\n", inline(&map.title))?;
    if !map.description.trim().is_empty() {
        writeln!(o.out, "{}\n", inline(&map.description))?;
    }
    let theses: Vec<&Claim> = map.claims.iter().filter(|c| c.thesis).collect();
    for t in &theses {
        o.top(t, "Thesis")?;
    }
    // Claims the thesis does not reach: each that bears on no other claim heads its own part.
    let bears_on = |c: &Claim| {
        map.links.iter().any(|l| {
            l.from == c.id && l.relation != Relation::Contradicts && map.claim(&l.to).is_some()
        })
    };
    let rest: Vec<&Claim> = map
        .claims
        .iter()
        .filter(|c| !o.done.contains(&c.id) && !bears_on(c))
        .collect();
    let heading = if theses.is_empty() {
        "Claim"
    } else {
        "Further claim"
    };
    for c in rest {
        if !o.done.contains(&c.id) {
            o.top(c, heading)?;
        }
    }
    // Anything left sits on a cycle of reasons with no way in.
    let left: Vec<&NodeId> = map
        .claims
        .iter()
        .map(|c| &c.id)
        .filter(|id| !o.done.contains(id))
        .collect();
    if !left.is_empty() {
        writeln!(o.out, "## Other claims\n")?;
        for id in left {
            if !o.done.contains(id) {
                o.item(id, "", 0)?;
            }
        }
    }
    o.contradictions()?;
    if settings.feedback {
        o.out.push_str(&feedback_markdown(map)?);
    }
    // One newline at the end, however the last part ended.
    let trimmed = o.out.trim_end().len();
    o.out.truncate(trimmed);
    o.out.push('\n');
    Ok(o.out)
}
