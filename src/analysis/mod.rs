//! What a map shows: pure functions from a [`Map`] to findings, for the GUI's panels and for
//! `warrant check`. Nothing here draws or changes anything (no UI crate is imported); edits that
//! act on findings (re-anchoring quotes) live in [`crate::edit::ops`].
//!
//! One file per finding (modules share names with their main functions, hence `mod@`):
//! - [`contradictions`](mod@contradictions): every `contradicts` link, grouped by shared tags;
//! - [`actors`]: actors who hold both sides of a contradiction or an objection;
//! - [`gaps`]: claims without evidence or actor, stray quotes, theses nobody objects to;
//! - [`integrity`]: each quote ok, moved, changed (approximate match: [`fuzzy`]) or orphaned;
//! - [`standing`]: accepted / rejected / undecided under [`grounded`](mod@grounded) semantics;
//! - [`coverage`](mod@coverage): how much of each article is quoted;
//! - [`compare`](mod@compare): a student's map against a reference map;
//! - [`rubric`](mod@rubric): a teacher's first checks, met or not.

pub mod actors;
pub mod compare;
pub mod contradictions;
pub mod coverage;
pub mod fuzzy;
pub mod gaps;
pub mod grounded;
pub mod integrity;
pub mod rubric;
pub mod standing;

#[cfg(test)]
pub(crate) mod test_map;

pub use actors::{InconsistentActor, inconsistent_actors};
pub use compare::{
    ArticleComparison, ClaimComparison, ClaimMatch, ClaimRef, CompareSummary, Comparison,
    MatchBasis, Passage, PassageMatch, RelationCheck, RelationVerdict, compare,
};
pub use contradictions::{Contradiction, ContradictionGroup, contradictions};
pub use coverage::{SourceCoverage, coverage, coverage_from};
pub use gaps::{Gap, GapKind, evidence_gaps};
pub use grounded::{AttackGraph, Label, Labelling, grounded, grounded_labels};
pub use integrity::{
    QuoteCheck, QuoteStatus, SearchLimit, SourceText, locate_quote, quote_integrity,
    quote_integrity_within,
};
pub use rubric::{CRITERIA, RubricItem, rubric};
pub use standing::{Evidence, Standing, what_stands};

use crate::model::Map;
use serde::Serialize;

/// Everything the analysis finds in one map.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Analysis {
    pub contradictions: Vec<ContradictionGroup>,
    pub inconsistent_actors: Vec<InconsistentActor>,
    pub gaps: Vec<Gap>,
    pub quotes: Vec<QuoteCheck>,
    pub standing: Vec<Standing>,
    pub coverage: Vec<SourceCoverage>,
}

/// Runs every analysis on `map` (quotes are located once and shared with coverage).
pub fn analyse(map: &Map) -> Analysis {
    let quotes = quote_integrity(map);
    Analysis {
        contradictions: contradictions(map),
        inconsistent_actors: inconsistent_actors(map),
        gaps: evidence_gaps(map),
        coverage: coverage_from(map, &quotes),
        standing: what_stands(map),
        quotes,
    }
}

/// How many chars of a claim or passage a message quotes before cutting it short.
const QUOTED_CHARS: usize = 80;

/// `text` in curly quotes for a message, on one line, cut short with an ellipsis if long.
pub fn quoted(text: &str) -> String {
    let flat = crate::text::flatten_ws(text);
    format!("“{}”", crate::text::ellipsize(&flat, QUOTED_CHARS - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_flattens_and_shortens() {
        assert_eq!(quoted("NATO is\n a relic"), "“NATO is a relic”");
        let long = quoted(&"word ".repeat(40));
        assert!(long.ends_with("…”") && long.chars().count() <= QUOTED_CHARS + 2);
    }
}
