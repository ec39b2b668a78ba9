//! A comparison in a few numbers: one row of a class's table.

use super::{Comparison, RelationVerdict};
use crate::model::Relation;
use serde::Serialize;

/// How one student's map compares, counted.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CompareSummary {
    /// Reference passages the student quoted, over every article.
    pub passages_found: usize,
    pub passages_total: usize,
    pub claims_matched: usize,
    pub claims_missed: usize,
    pub claims_added: usize,
    /// The reference's links between claims the student has the same.
    pub relations_right: usize,
    pub relations_total: usize,
    /// The reference's contradictions the student marked too.
    pub contradictions_found: usize,
    pub contradictions_total: usize,
    /// The student's quotes that do not match their article exactly.
    pub quote_problems: usize,
}

impl CompareSummary {
    /// Counts `c`.
    pub fn of(c: &Comparison) -> Self {
        let contradictions = c
            .relations
            .iter()
            .filter(|r| r.relation == Relation::Contradicts);
        Self {
            passages_found: c.articles.iter().map(|a| a.found.len()).sum(),
            passages_total: c
                .articles
                .iter()
                .map(|a| a.found.len() + a.missed.len())
                .sum(),
            claims_matched: c.claims.matched.len(),
            claims_missed: c.claims.missed.len(),
            claims_added: c.claims.added.len(),
            relations_right: c
                .relations
                .iter()
                .filter(|r| r.verdict == RelationVerdict::Same)
                .count(),
            relations_total: c.relations.len(),
            contradictions_found: contradictions
                .clone()
                .filter(|r| r.verdict == RelationVerdict::Same)
                .count(),
            contradictions_total: contradictions.count(),
            quote_problems: c.student_quote_problems,
        }
    }

    /// The share of the reference passages found, in percent; `None` when it quotes none.
    pub fn passages_percent(&self) -> Option<f64> {
        (self.passages_total > 0)
            .then(|| 100.0 * self.passages_found as f64 / self.passages_total as f64)
    }
}
