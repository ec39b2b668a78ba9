//! A Graphviz DOT file of the map, for people who lay out or restyle graphs with Graphviz: claims
//! and quotes are nodes labelled with their text, links are edges styled by relation (supports a
//! solid arrow, opposes dashed with a bar, contradicts a double line without heads, qualifies
//! dotted with an open head), and who holds a claim is in its label and tooltip.

use super::markdown::citation;
use crate::model::{Claim, Map, Quote, Relation};
use std::fmt::Write;
use thiserror::Error;

/// What to put in the DOT file.
#[derive(Clone, Copy, Debug)]
pub struct DotSettings {
    /// Labels are broken into lines of about this many characters (0: one line each).
    pub wrap: usize,
    /// Each quote's citation under its text.
    pub citations: bool,
}

impl Default for DotSettings {
    fn default() -> Self {
        Self {
            wrap: 36,
            citations: true,
        }
    }
}

/// Why there is no DOT file.
#[derive(Debug, Error)]
pub enum DotError {
    #[error("cannot write the DOT file: {0}")]
    Write(#[from] std::fmt::Error),
}

/// Text as the inside of a DOT quoted string: one line (newlines and runs of spaces are one
/// space), control characters and non-characters dropped, `"` and `\` escaped. Backslashes are
/// doubled so that none starts a Graphviz escape (`\N`, `\G`, `\l`…) or joins lines.
fn escape(text: &str) -> String {
    let flat = crate::text::plain_line(text);
    let mut out = String::with_capacity(flat.len() + 8);
    for c in flat.chars() {
        if matches!(c, '"' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A label: `text` broken at spaces into lines of about `width` characters, each escaped, joined
/// by DOT's centred line break `\n`.
fn wrapped(text: &str, width: usize) -> String {
    let flat = crate::text::flatten_ws(text);
    if width == 0 {
        return escape(&flat);
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in flat.split(' ') {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
        .iter()
        .map(|l| escape(l))
        .collect::<Vec<_>>()
        .join("\\n")
}

/// The DOT attributes that draw a link of this relation.
fn edge_style(relation: Relation) -> &'static str {
    match relation {
        Relation::Supports => "style=solid, arrowhead=normal",
        Relation::Opposes => "style=dashed, arrowhead=tee, color=\"#b03030\"",
        // Symmetric: two parallel lines, no head at either end, and no say in the ranking.
        Relation::Contradicts => {
            "dir=both, arrowhead=none, arrowtail=none, color=\"#b03030:invis:#b03030\", \
             constraint=false"
        }
        Relation::Qualifies => "style=dotted, arrowhead=empty",
    }
}

fn holders(map: &Map, claim: &Claim) -> Vec<String> {
    claim
        .actors
        .iter()
        .filter_map(|a| map.actor(a))
        .map(|a| a.name.clone())
        .collect()
}

fn claim_node(out: &mut String, map: &Map, claim: &Claim, s: &DotSettings) -> std::fmt::Result {
    let mut label = wrapped(&claim.text, s.wrap);
    let held = holders(map, claim).join(", ");
    let mut extra = String::new();
    if !held.is_empty() {
        let _ = write!(label, "\\n— {}", escape(&held));
        let _ = write!(extra, ", tooltip=\"Held by {}\"", escape(&held));
    }
    if claim.thesis {
        extra.push_str(", penwidth=2.5, fillcolor=\"#fff4d6\"");
    }
    writeln!(
        out,
        "  \"{}\" [label=\"{label}\"{extra}];",
        escape(&claim.id.0)
    )
}

fn quote_node(out: &mut String, map: &Map, quote: &Quote, s: &DotSettings) -> std::fmt::Result {
    let mut label = wrapped(&format!("“{}”", quote.anchor.exact), s.wrap);
    let cite = map.source(&quote.source).map(citation).unwrap_or_default();
    if s.citations && !cite.trim().is_empty() {
        let _ = write!(label, "\\n— {}", escape(&cite));
    }
    writeln!(
        out,
        "  \"{}\" [shape=note, style=filled, fillcolor=\"#eef3fb\", label=\"{label}\", \
         tooltip=\"Quote from {}\"];",
        escape(&quote.id.0),
        escape(&cite)
    )
}

/// The map as a DOT digraph: one node per claim and quote, one edge per link (links whose ends
/// are not in the map are left out rather than invent nodes).
pub fn map_to_dot(map: &Map, settings: &DotSettings) -> Result<String, DotError> {
    let mut out = String::new();
    writeln!(out, "digraph warrant {{")?;
    writeln!(
        out,
        "  graph [rankdir=BT, labelloc=t, fontname=\"DejaVu Sans\", label=\"{}\"];",
        escape(&map.title)
    )?;
    writeln!(
        out,
        "  node [shape=box, style=\"rounded,filled\", fillcolor=white, \
         fontname=\"DejaVu Sans\", fontsize=11];"
    )?;
    writeln!(out, "  edge [fontname=\"DejaVu Sans\"];")?;
    for claim in &map.claims {
        claim_node(&mut out, map, claim, settings)?;
    }
    for quote in &map.quotes {
        quote_node(&mut out, map, quote, settings)?;
    }
    let index = map.node_index();
    for link in &map.links {
        if index.node(&link.from).is_none() || index.node(&link.to).is_none() {
            continue;
        }
        writeln!(
            out,
            "  \"{}\" -> \"{}\" [{}, tooltip=\"{}\"];",
            escape(&link.from.0),
            escape(&link.to.0),
            edge_style(link.relation),
            link.relation.as_str()
        )?;
    }
    writeln!(out, "}}")?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_keeps_dot_strings_closed() {
        assert_eq!(escape("a \"b\" \\N c"), "a \\\"b\\\" \\\\N c");
        assert_eq!(escape("one\ntwo\r\n  three"), "one two three");
        assert_eq!(escape("x\u{0}y\u{FFFF}"), "xy");
    }

    #[test]
    fn wrapping_breaks_at_spaces() {
        assert_eq!(wrapped("aa bb cc", 5), "aa bb\\ncc");
        assert_eq!(wrapped("a \"q\"", 0), "a \\\"q\\\"");
    }
}
