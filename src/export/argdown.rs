//! An Argdown document of the map, for people who reason in Argdown's text format: every claim
//! and quote is a titled statement (`[c1]: text`, titled by its id), who holds a claim is a tag,
//! and every link is one relation: supports `+>`, opposes `->`, contradicts `><`. Argdown has no
//! relation for a point granted, so a qualification is written as an undercut `_>` with a comment
//! above it saying it qualifies.

use super::markdown::citation;
use crate::model::{Map, NodeId, Relation};
use std::collections::{HashMap, HashSet};
use std::fmt::Write;
use thiserror::Error;

/// What to put in the Argdown document.
#[derive(Clone, Copy, Debug)]
pub struct ArgdownSettings {
    /// Quotes as statements of their own (with their citation) and their links as relations.
    pub quotes: bool,
    /// Who holds a claim, as tags `#(name)`.
    pub holders: bool,
}

impl Default for ArgdownSettings {
    fn default() -> Self {
        Self {
            quotes: true,
            holders: true,
        }
    }
}

/// Why there is no Argdown document.
#[derive(Debug, Error)]
pub enum ArgdownError {
    #[error("cannot write the Argdown document: {0}")]
    Write(#[from] std::fmt::Error),
    #[error("cannot write the Argdown title: {0}")]
    Title(#[from] serde_json::Error),
}

/// Text as Argdown statement text: one line, control characters dropped, and every character
/// Argdown gives a meaning to (references, tags, data, emphasis, mentions, comments) escaped
/// with a backslash, so the text reads back as written.
fn text(raw: &str) -> String {
    let flat = crate::text::plain_line(raw);
    let mut out = String::with_capacity(flat.len() + 8);
    for c in flat.chars() {
        if matches!(
            c,
            '\\' | '[' | ']' | '<' | '>' | '#' | '{' | '}' | '*' | '_' | '@' | '/' | '`' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    if out.is_empty() {
        // Argdown refuses a statement without text.
        out.push_str("(no text)");
    }
    out
}

/// A name as the inside of a tag `#(…)`: letters, digits and plain punctuation; anything that
/// could close the tag or start another element becomes a space.
fn tag(name: &str) -> String {
    let plain: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, ',' | '.' | '-' | '\'' | '’' | '&') {
                c
            } else {
                ' '
            }
        })
        .collect();
    crate::text::flatten_ws(&plain)
}

/// Statement titles: each node's id made safe for `[…]` (letters, digits, `-`, `_`, `.`) and
/// made unique if two ids become the same.
fn titles<'a>(ids: impl Iterator<Item = &'a NodeId>) -> HashMap<&'a NodeId, String> {
    let mut used = HashSet::new();
    let mut out = HashMap::new();
    for id in ids {
        let safe: String =
            id.0.chars()
                .map(|c| {
                    if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                        c
                    } else {
                        '_'
                    }
                })
                .collect();
        let base = if safe.is_empty() {
            "node".to_owned()
        } else {
            safe
        };
        let mut title = base.clone();
        let mut n = 2;
        while !used.insert(title.clone()) {
            title = format!("{base}_{n}");
            n += 1;
        }
        out.insert(id, title);
    }
    out
}

/// The map as an Argdown document: a front matter with the title, the claims, the quotes, then
/// one relation per link (links whose ends are not in the document are left out).
pub fn map_to_argdown(map: &Map, settings: &ArgdownSettings) -> Result<String, ArgdownError> {
    let quotes: &[crate::model::Quote] = if settings.quotes { &map.quotes } else { &[] };
    let titles = titles(
        map.claims
            .iter()
            .map(|c| &c.id)
            .chain(quotes.iter().map(|q| &q.id)),
    );
    let mut out = String::new();
    // JSON strings are YAML double-quoted strings, escapes and all; `=` is escaped too, since
    // Argdown ends the front matter at any `===`.
    let title = serde_json::to_string(&map.title)?.replace('=', "\\u003d");
    writeln!(out, "===\ntitle: {title}\n===\n")?;
    writeln!(
        out,
        "// Written by Warrant: claims, quotes, then one relation per link.\n"
    )?;
    writeln!(out, "# Claims\n")?;
    for claim in &map.claims {
        let Some(title) = titles.get(&claim.id) else {
            continue;
        };
        write!(out, "[{title}]: {}", text(&claim.text))?;
        if settings.holders {
            for name in claim.actors.iter().filter_map(|a| map.actor(a)) {
                let t = tag(&name.name);
                if !t.is_empty() {
                    write!(out, " #({t})")?;
                }
            }
        }
        if claim.thesis {
            write!(out, " #thesis")?;
        }
        writeln!(out, "\n")?;
    }
    if !quotes.is_empty() {
        writeln!(out, "# Quotes\n")?;
    }
    for quote in quotes {
        let Some(title) = titles.get(&quote.id) else {
            continue;
        };
        let cite = map.source(&quote.source).map(citation).unwrap_or_default();
        let body = if cite.trim().is_empty() {
            format!("“{}”", quote.anchor.exact)
        } else {
            format!("“{}” — {cite}", quote.anchor.exact)
        };
        writeln!(out, "[{title}]: {} #quote\n", text(&body))?;
    }
    writeln!(out, "# Links\n")?;
    for link in &map.links {
        let (Some(from), Some(to)) = (titles.get(&link.from), titles.get(&link.to)) else {
            continue;
        };
        let arrow = match link.relation {
            Relation::Supports => "+>",
            Relation::Opposes => "->",
            Relation::Contradicts => "><",
            Relation::Qualifies => {
                writeln!(
                    out,
                    "// [{from}] qualifies [{to}]: a point granted, not an attack \
                     (Argdown has no such relation; written as an undercut)"
                )?;
                "_>"
            }
        };
        writeln!(out, "[{from}]\n  {arrow} [{to}]\n")?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_escapes_what_argdown_reads() {
        assert_eq!(text("a [b] #c *d* // e"), "a \\[b\\] \\#c \\*d\\* \\/\\/ e");
        assert_eq!(text("one\ntwo\\"), "one two\\\\");
        assert_eq!(text(" \n "), "(no text)");
    }

    #[test]
    fn tags_cannot_close_early() {
        assert_eq!(
            tag("Alexander Golz (the author)"),
            "Alexander Golz the author"
        );
        assert_eq!(tag("()#"), "");
    }

    #[test]
    fn titles_are_safe_and_unique() {
        let a = NodeId("c 1".into());
        let b = NodeId("c_1".into());
        let t = titles([&a, &b].into_iter());
        assert_eq!(t[&a], "c_1");
        assert_eq!(t[&b], "c_1_2");
    }
}
