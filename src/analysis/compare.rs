//! Compare a student's map with a teacher's reference map of the same article(s).
//!
//! Articles are matched by the SHA-256 of their text (computed afresh, so an altered copy does
//! not pass for the original); passages by overlap: a student quote finds a reference quote of
//! the same article when they share at least half of the shorter one. Claims are worded freely,
//! so they are matched by meaning ([`claims`](mod@claims)): through their evidence (a student
//! claim linked, with the same relation, to a quote that found one of the reference claim's
//! quotes) and by the likeness of their wording ([`wording`]), one to one. The reference's links
//! between claims are then looked for between the matching student claims ([`relations`]).

pub mod claims;
pub mod relations;
pub mod summary;
pub mod wording;

pub use claims::{ClaimComparison, ClaimMatch, MatchBasis, compare_claims};
pub use relations::{RelationCheck, RelationVerdict, compare_relations};
pub use summary::CompareSummary;

use super::integrity::{QuoteCheck, quote_integrity};
use crate::model::{Map, NodeId, Relation, SourceId, text_sha256};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// A quoted passage, located in its article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Passage {
    pub quote: NodeId,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// A reference passage and the student quote that found it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PassageMatch {
    pub reference: Passage,
    pub student: Passage,
    /// Chars the two share.
    pub overlap: usize,
}

/// One reference article, compared.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ArticleComparison {
    pub title: String,
    pub sha256: String,
    pub reference_source: SourceId,
    /// `None` when the student's map does not hold this article.
    pub student_source: Option<SourceId>,
    pub found: Vec<PassageMatch>,
    pub missed: Vec<Passage>,
    /// Student passages that match no reference passage.
    pub added: Vec<Passage>,
    /// found / reference passages, from 0 to 1; `None` when the reference quotes nothing here.
    pub score: Option<f64>,
}

/// A claim, by id and text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ClaimRef {
    pub id: NodeId,
    pub text: String,
}

/// A student's map against a reference map.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Comparison {
    /// One per reference article, in the reference map's order.
    pub articles: Vec<ArticleComparison>,
    pub claims: ClaimComparison,
    /// The reference's links between claims, looked for in the student's map.
    pub relations: Vec<RelationCheck>,
    /// Articles in the student's map that the reference does not have.
    pub other_student_sources: Vec<SourceId>,
    /// The student's quotes that do not match their article exactly (moved, changed, orphaned…).
    pub student_quote_problems: usize,
}

/// Whether two spans share at least half of the shorter: the same passage, quoted a bit wider or
/// narrower.
fn overlap(a: (usize, usize), b: (usize, usize)) -> Option<usize> {
    let shared = a.1.min(b.1).saturating_sub(a.0.max(b.0));
    let shorter = (a.1 - a.0).min(b.1 - b.0);
    (shared > 0 && shared * 2 >= shorter).then_some(shared)
}

/// The located passages of `map`'s quotes of `source`, in reading order; quotes that cannot be
/// located are left out.
fn passages(map: &Map, checks: &[QuoteCheck], source: &SourceId) -> Vec<Passage> {
    let Some(text) = map.source(source).map(|s| s.text.as_str()) else {
        return Vec::new();
    };
    let idx = crate::anchor::CharIndex::new(text);
    let mut out: Vec<Passage> = map
        .quotes
        .iter()
        .zip(checks)
        .filter(|(q, _)| &q.source == source)
        .filter_map(|(q, c)| {
            let (start, end) = c.status.span(&q.anchor)?;
            Some(Passage {
                quote: q.id.clone(),
                start,
                end,
                text: idx.slice(start, end).unwrap_or_default().to_owned(),
            })
        })
        .collect();
    out.sort_by_key(|p| (p.start, p.end));
    out
}

/// Links from quotes to claims: (quote, claim, relation).
pub(crate) fn evidence_links(map: &Map) -> Vec<(&NodeId, &NodeId, Relation)> {
    let nodes = map.node_index();
    map.links
        .iter()
        .filter(|l| nodes.quote(&l.from).is_some() && nodes.claim(&l.to).is_some())
        .map(|l| (&l.from, &l.to, l.relation))
        .collect()
}

pub(crate) fn claim_ref(map: &Map, id: &NodeId) -> ClaimRef {
    ClaimRef {
        id: id.clone(),
        text: map.claim(id).map(|c| c.text.clone()).unwrap_or_default(),
    }
}

/// Compares `student` with `reference`.
pub fn compare(reference: &Map, student: &Map) -> Comparison {
    let ref_checks = quote_integrity(reference);
    let stu_checks = quote_integrity(student);
    let stu_by_hash: HashMap<String, &SourceId> = student
        .sources
        .iter()
        .map(|s| (text_sha256(&s.text), &s.id))
        .collect();
    let mut used_student_sources = HashSet::new();
    // Which student quotes found which reference quotes, over all articles.
    let mut quote_pairs: Vec<(NodeId, NodeId)> = Vec::new();
    let mut articles = Vec::new();
    for source in &reference.sources {
        let sha256 = text_sha256(&source.text);
        let student_source = stu_by_hash.get(&sha256).map(|&id| id.clone());
        let refs = passages(reference, &ref_checks, &source.id);
        let stus = student_source
            .as_ref()
            .map(|id| passages(student, &stu_checks, id))
            .unwrap_or_default();
        if let Some(id) = &student_source {
            used_student_sources.insert(id.clone());
        }
        let mut found = Vec::new();
        let mut missed = Vec::new();
        let mut matched_student = HashSet::new();
        for r in &refs {
            for s in &stus {
                if overlap((r.start, r.end), (s.start, s.end)).is_some() {
                    matched_student.insert(s.quote.clone());
                    quote_pairs.push((r.quote.clone(), s.quote.clone()));
                }
            }
            let best = stus
                .iter()
                .filter_map(|s| Some((overlap((r.start, r.end), (s.start, s.end))?, s)))
                .max_by_key(|(shared, _)| *shared);
            match best {
                Some((shared, s)) => found.push(PassageMatch {
                    reference: r.clone(),
                    student: s.clone(),
                    overlap: shared,
                }),
                None => missed.push(r.clone()),
            }
        }
        let added = stus
            .into_iter()
            .filter(|s| !matched_student.contains(&s.quote))
            .collect();
        articles.push(ArticleComparison {
            title: source.title.clone(),
            sha256,
            reference_source: source.id.clone(),
            student_source,
            score: (!refs.is_empty()).then(|| found.len() as f64 / refs.len() as f64),
            found,
            missed,
            added,
        });
    }
    let claims = compare_claims(reference, student, &quote_pairs);
    Comparison {
        articles,
        relations: compare_relations(reference, student, &claims),
        claims,
        other_student_sources: student
            .sources
            .iter()
            .filter(|s| !used_student_sources.contains(&s.id))
            .map(|s| s.id.clone())
            .collect(),
        student_quote_problems: stu_checks
            .iter()
            .filter(|c| c.status != super::QuoteStatus::Ok)
            .count(),
    }
}

#[cfg(test)]
mod tests;
