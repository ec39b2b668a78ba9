//! What `warrant check` reports about a loaded map: counts; every problem a map can live with but
//! a student should fix (quotes that no longer match their article, altered articles); and the
//! analysis findings (contradictions, inconsistent actors, gaps, what stands, coverage), which
//! are worth knowing but are not errors.

use crate::analysis::{self, QuoteCheck, QuoteStatus, SearchLimit, quoted};
use crate::model::{LinkId, Map, NodeId, SourceId, text_sha256};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// The kinds of problem, as named in `--json` output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProblemKind {
    /// A source's text is not the text its hash was taken of: it was altered.
    SourceHashMismatch,
    /// A source has no text.
    EmptySource,
    /// A quote's offsets no longer hold its text, which is found elsewhere.
    QuoteMoved,
    /// A quote's text occurs several times and its context cannot tell which.
    QuoteAmbiguous,
    /// A quote's text is not in its source, nor anything close to it (the quote is orphaned).
    QuoteNotFound,
    /// A quote's exact text is not in its source, but a close variant is: one was edited.
    QuoteChanged,
    /// A quote's exact text is not in its source, and it was not searched for approximately
    /// (too long, or too much work for one check): it may be changed or orphaned.
    QuoteNotFoundExactly,
}

/// One problem, about one item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub kind: ProblemKind,
    /// The id of the source or quote concerned.
    pub item: String,
    pub message: String,
}

/// What a map holds, in numbers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub claims: usize,
    pub quotes: usize,
    pub links: usize,
    pub supports: usize,
    pub opposes: usize,
    pub contradicts: usize,
    pub qualifies: usize,
    pub sources: usize,
    pub actors: usize,
}

impl Summary {
    pub fn of(map: &Map) -> Self {
        let (supports, opposes, contradicts, qualifies) = map.link_counts();
        Self {
            claims: map.claims.len(),
            quotes: map.quotes.len(),
            links: map.links.len(),
            supports,
            opposes,
            contradicts,
            qualifies,
            sources: map.sources.len(),
            actors: map.actors.len(),
        }
    }
}

/// Every problem in `map`: sources against their hashes, quotes against their sources.
pub fn problems(map: &Map) -> Vec<Problem> {
    problems_from(map, &analysis::quote_integrity(map))
}

/// [`problems`], with the quotes already located by [`analysis::quote_integrity`].
pub fn problems_from(map: &Map, checks: &[QuoteCheck]) -> Vec<Problem> {
    let mut out = source_problems(map);
    // Each source's length, counted once (not once per quote: a map may hold thousands).
    let lens: HashMap<&SourceId, usize> = map
        .sources
        .iter()
        .map(|s| (&s.id, s.text.chars().count()))
        .collect();
    for (quote, check) in map.quotes.iter().zip(checks) {
        let Some(&len) = lens.get(&quote.source) else {
            continue; // integrity check refuses such maps on load
        };
        if let Some((kind, message)) = quote_problem(quote, &check.status, len) {
            out.push(Problem {
                kind,
                item: quote.id.0.clone(),
                message,
            });
        }
    }
    out
}

/// Articles with no text, or whose text no longer matches its recorded hash.
fn source_problems(map: &Map) -> Vec<Problem> {
    let mut out = Vec::new();
    for source in &map.sources {
        if source.text.trim().is_empty() {
            out.push(Problem {
                kind: ProblemKind::EmptySource,
                item: source.id.0.clone(),
                message: format!("source {} (“{}”) has no text", source.id, source.title),
            });
        } else if text_sha256(&source.text) != source.sha256.to_ascii_lowercase() {
            out.push(Problem {
                kind: ProblemKind::SourceHashMismatch,
                item: source.id.0.clone(),
                message: format!(
                    "source {} (“{}”): its text does not match its recorded SHA-256; the article was altered after import",
                    source.id, source.title
                ),
            });
        }
    }
    out
}

/// What is wrong with a quote whose check found it elsewhere or not at all (`len`: its
/// source's length in characters); `None` for a quote that is where it says.
fn quote_problem(
    quote: &crate::model::Quote,
    status: &QuoteStatus,
    len: usize,
) -> Option<(ProblemKind, String)> {
    let a = &quote.anchor;
    let at = if a.start > a.end {
        format!(
            "its offsets {}..{} are reversed (the start is after the end)",
            a.start, a.end
        )
    } else if a.end > len {
        format!(
            "its offsets {}..{} lie outside the text ({len} characters)",
            a.start, a.end
        )
    } else {
        format!("the text at {}..{} is not its exact text", a.start, a.end)
    };
    let head = format!("quote {} {}", quote.id, analysis::quoted(&a.exact));
    Some(match status {
        QuoteStatus::Ok => return None,
        QuoteStatus::Moved { start, end } => (
            ProblemKind::QuoteMoved,
            format!("{head}: {at}; it is found at {start}..{end}"),
        ),
        QuoteStatus::Ambiguous { count } => (
            ProblemKind::QuoteAmbiguous,
            format!(
                "{head}: {at}; it occurs {count} times elsewhere and its context does not tell which is meant"
            ),
        ),
        QuoteStatus::Changed {
            start,
            end,
            found,
            similarity,
            ..
        } => (
            ProblemKind::QuoteChanged,
            format!(
                "{head}: {at}, nor anywhere in source {}; a close match ({:.0} % similar) is at {start}..{end}: {}",
                quote.source,
                similarity * 100.0,
                analysis::quoted(found)
            ),
        ),
        QuoteStatus::Unsearched { limit } => (
            ProblemKind::QuoteNotFoundExactly,
            format!(
                "{head}: {at}, nor anywhere in source {} exactly; {}",
                quote.source,
                match limit {
                    SearchLimit::QuoteTooLong => format!(
                        "at {} characters it is too long to search for approximately",
                        a.exact.chars().count()
                    ),
                    SearchLimit::TooMuchWork =>
                        "searching for it approximately would take too long in a map this large"
                            .to_owned(),
                }
            ),
        ),
        QuoteStatus::Orphaned => (
            ProblemKind::QuoteNotFound,
            format!("{head}: {at}, and it is nowhere in source {}", quote.source),
        ),
    })
}

/// The kinds of finding, as named in `--json` output. None of them is an error.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FindingKind {
    /// Two claims linked by `contradicts`.
    Contradiction,
    /// An actor holding both ends of a `contradicts` or `opposes` link.
    InconsistentActor,
    /// A claim no quote supports.
    UnsupportedClaim,
    /// A quote linked to nothing.
    UnlinkedQuote,
    /// A claim held by no actor.
    ClaimWithoutActor,
    /// A thesis no claim opposes or contradicts.
    UnopposedThesis,
    /// A claim rejected under grounded semantics.
    RejectedClaim,
    /// A claim undecided under grounded semantics.
    UndecidedClaim,
    /// How much of a source the map quotes.
    Coverage,
}

/// One finding: a kind, the item it is about, the items it names, and a message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub kind: FindingKind,
    /// The link, actor, claim, quote or source the finding is about.
    pub item: String,
    /// Other items it names (the claims of a contradiction, say).
    pub related: Vec<String>,
    pub message: String,
}

/// The claims that do not stand, each with why. Two undecided claims that hold each other open
/// (a bare contradiction, or two objections to each other) are one finding naming both, not
/// the same pair told twice from either side.
fn standing_findings(map: &Map) -> Vec<Finding> {
    let stands = analysis::what_stands(map);
    let open_because: HashMap<&NodeId, &NodeId> = stands
        .iter()
        .filter(|s| s.label == analysis::Label::Undecided)
        .filter_map(|s| Some((&s.claim, s.because.as_ref()?)))
        .collect();
    let nodes = map.node_index();
    let mut told: HashSet<&NodeId> = HashSet::new();
    let mut out = Vec::new();
    for s in &stands {
        let kind = match s.label {
            analysis::Label::Accepted => continue,
            analysis::Label::Rejected => FindingKind::RejectedClaim,
            analysis::Label::Undecided => FindingKind::UndecidedClaim,
        };
        let mutual = s.because.as_ref().is_some_and(|b| {
            b != &s.claim && open_because.get(b) == Some(&&s.claim) && told.contains(b)
        });
        if kind == FindingKind::UndecidedClaim && mutual {
            continue;
        }
        told.insert(&s.claim);
        let text = nodes.claim(&s.claim).map_or("", |c| c.text.as_str());
        out.push(Finding {
            kind,
            item: s.claim.0.clone(),
            related: s.because.iter().map(|b| b.0.clone()).collect(),
            message: format!("{} {}", quoted(text), s.reason),
        });
    }
    out
}

/// Every analysis finding about `map`.
pub fn findings(map: &Map) -> Vec<Finding> {
    findings_from(map, &analysis::quote_integrity(map))
}

/// [`findings`], with the quotes already located by [`analysis::quote_integrity`].
pub fn findings_from(map: &Map, checks: &[QuoteCheck]) -> Vec<Finding> {
    let mut out = Vec::new();
    let ids = |claims: &[NodeId]| claims.iter().map(|c| c.0.clone()).collect();
    // A contradiction under two shared tags is one finding naming both topics.
    let mut contradictions: Vec<(analysis::Contradiction, Vec<String>)> = Vec::new();
    let mut at: HashMap<LinkId, usize> = HashMap::new();
    for group in analysis::contradictions(map) {
        for c in group.contradictions {
            if let Some(&i) = at.get(&c.link) {
                contradictions[i].1.push(group.name.clone());
            } else {
                at.insert(c.link.clone(), contradictions.len());
                contradictions.push((c, vec![group.name.clone()]));
            }
        }
    }
    for (c, topics) in contradictions {
        out.push(Finding {
            kind: FindingKind::Contradiction,
            item: c.link.0,
            related: ids(&c.claims),
            message: format!("{} ({})", c.message, topics.join(", ")),
        });
    }
    for a in analysis::inconsistent_actors(map) {
        out.push(Finding {
            kind: FindingKind::InconsistentActor,
            item: a.actor.0,
            related: ids(&a.claims),
            message: a.message,
        });
    }
    for g in analysis::evidence_gaps(map) {
        let kind = match g.kind {
            analysis::GapKind::UnsupportedClaim => FindingKind::UnsupportedClaim,
            analysis::GapKind::UnlinkedQuote => FindingKind::UnlinkedQuote,
            analysis::GapKind::ClaimWithoutActor => FindingKind::ClaimWithoutActor,
            analysis::GapKind::UnopposedThesis => FindingKind::UnopposedThesis,
        };
        out.push(Finding {
            kind,
            item: g.node.0,
            related: Vec::new(),
            message: g.message,
        });
    }
    out.extend(standing_findings(map));
    for c in analysis::coverage_from(map, checks) {
        let title = map.source(&c.source).map_or("", |s| s.title.as_str());
        out.push(Finding {
            kind: FindingKind::Coverage,
            item: c.source.0.clone(),
            related: Vec::new(),
            message: format!(
                "source {} (“{title}”): {:.1} % of its text quoted, in {} passage{}",
                c.source,
                c.percent,
                c.ranges.len(),
                if c.ranges.len() == 1 { "" } else { "s" }
            ),
        });
    }
    out
}

#[cfg(test)]
mod tests;
