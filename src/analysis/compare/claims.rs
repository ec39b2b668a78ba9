//! Matching the student's claims to the reference's, one to one, by wording and by evidence.
//!
//! A pair of claims is a candidate when they share evidence (a student quote that found one of
//! the reference claim's quotes, linked with the same relation) or when their wordings are alike
//! enough (see [`wording`](super::wording)). Its score adds the two: the share of the reference
//! claim's evidence the student claim has, and the wording's likeness. The pairs kept are those
//! of the best total score with no claim on either side taken twice (the Hungarian method), so a
//! student claim that paraphrases two reference claims counts for one of them only.

use super::wording::{TermIndex, Wording};
use super::{ClaimRef, claim_ref, evidence_links};
use crate::model::{Map, NodeId};
use serde::Serialize;
use std::collections::HashMap;

/// Wordings at least this alike (cosine of weighted terms) may match. Measured on the sample
/// maps: paraphrases of a claim scored 0.39–0.88 against it; claims of other articles on the
/// same debate scored at most 0.29 against any claim of the Golz map.
pub const WORDING_MIN: f64 = 0.40;
/// ... and they must share at least this many terms (one shared rare word is chance).
pub const SHARED_TERMS_MIN: usize = 2;
/// Above this many candidate claims on either side the pairs are taken greedily, best first
/// (the Hungarian method grows with the cube of the count).
const OPTIMAL_MAX: usize = 300;

/// Why two claims were matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MatchBasis {
    /// Their wordings are alike; they share no evidence.
    Wording,
    /// They share evidence; their wordings differ.
    Evidence,
    /// Both.
    Both,
}

impl MatchBasis {
    /// How a teacher reads it.
    pub fn describe(self) -> &'static str {
        match self {
            MatchBasis::Wording => "matched by wording",
            MatchBasis::Evidence => "matched by evidence",
            MatchBasis::Both => "matched by wording and evidence",
        }
    }
}

/// A reference claim and the student claim that matches it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClaimMatch {
    pub reference: ClaimRef,
    pub student: ClaimRef,
    pub basis: MatchBasis,
    /// The wordings' likeness, from 0 to 1.
    pub wording: f64,
    /// Pieces of the reference claim's evidence the student claim has.
    pub shared_evidence: usize,
}

/// How the claims compare.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ClaimComparison {
    /// In the reference map's order.
    pub matched: Vec<ClaimMatch>,
    /// Reference claims no student claim matches.
    pub missed: Vec<ClaimRef>,
    /// Student claims that match no reference claim.
    pub added: Vec<ClaimRef>,
}

impl ClaimComparison {
    /// The student claim matched to reference claim `id`.
    pub fn student_of(&self, id: &NodeId) -> Option<&NodeId> {
        self.matched
            .iter()
            .find(|m| &m.reference.id == id)
            .map(|m| &m.student.id)
    }
}

/// A candidate pair: (reference index, student index, score, wording, shared evidence).
struct Candidate {
    r: usize,
    s: usize,
    score: f64,
    wording: f64,
    evidence: usize,
}

/// Matches claims, given the quote pairs (reference quote, student quote) found by passage.
pub fn compare_claims(
    reference: &Map,
    student: &Map,
    quote_pairs: &[(NodeId, NodeId)],
) -> ClaimComparison {
    let candidates = candidates(reference, student, quote_pairs);
    let pairs = assign(&candidates);
    let mut out = ClaimComparison::default();
    let mut taken_ref = vec![false; reference.claims.len()];
    let mut taken_stu = vec![false; student.claims.len()];
    let mut matched: Vec<&Candidate> = pairs.into_iter().map(|k| &candidates[k]).collect();
    matched.sort_by_key(|c| c.r);
    for c in matched {
        taken_ref[c.r] = true;
        taken_stu[c.s] = true;
        let basis = match (c.evidence > 0, c.wording >= WORDING_MIN) {
            (true, true) => MatchBasis::Both,
            (true, false) => MatchBasis::Evidence,
            _ => MatchBasis::Wording,
        };
        out.matched.push(ClaimMatch {
            reference: claim_ref(reference, &reference.claims[c.r].id),
            student: claim_ref(student, &student.claims[c.s].id),
            basis,
            wording: c.wording,
            shared_evidence: c.evidence,
        });
    }
    out.missed = reference
        .claims
        .iter()
        .zip(&taken_ref)
        .filter(|(_, t)| !**t)
        .map(|(c, _)| claim_ref(reference, &c.id))
        .collect();
    out.added = student
        .claims
        .iter()
        .zip(&taken_stu)
        .filter(|(_, t)| !**t)
        .map(|(c, _)| claim_ref(student, &c.id))
        .collect();
    out
}

/// Every pair of claims that may match, with its score.
fn candidates(reference: &Map, student: &Map, quote_pairs: &[(NodeId, NodeId)]) -> Vec<Candidate> {
    let ref_index: HashMap<&NodeId, usize> = reference
        .claims
        .iter()
        .enumerate()
        .map(|(i, c)| (&c.id, i))
        .collect();
    let stu_index: HashMap<&NodeId, usize> = student
        .claims
        .iter()
        .enumerate()
        .map(|(i, c)| (&c.id, i))
        .collect();
    // Shared evidence: for each quote pair, the claims both quotes back with the same relation.
    let ref_links = evidence_links(reference);
    let stu_links = evidence_links(student);
    let mut ref_by_quote: HashMap<&NodeId, Vec<(usize, crate::model::Relation)>> = HashMap::new();
    let mut evidence_count = vec![0usize; reference.claims.len()];
    for &(q, c, rel) in &ref_links {
        if let Some(&i) = ref_index.get(c) {
            ref_by_quote.entry(q).or_default().push((i, rel));
            evidence_count[i] += 1;
        }
    }
    let mut stu_by_quote: HashMap<&NodeId, Vec<(usize, crate::model::Relation)>> = HashMap::new();
    for &(q, c, rel) in &stu_links {
        if let Some(&j) = stu_index.get(c) {
            stu_by_quote.entry(q).or_default().push((j, rel));
        }
    }
    let mut shared: HashMap<(usize, usize), usize> = HashMap::new();
    for (rq, sq) in quote_pairs {
        for &(i, rel) in ref_by_quote.get(rq).map_or(&[][..], Vec::as_slice) {
            for &(j, srel) in stu_by_quote.get(sq).map_or(&[][..], Vec::as_slice) {
                if rel == srel {
                    *shared.entry((i, j)).or_default() += 1;
                }
            }
        }
    }
    // Wording: rarity is counted over the claims of both maps.
    let n_ref = reference.claims.len();
    let wording = Wording::default();
    let index = TermIndex::new(
        &wording,
        reference
            .claims
            .iter()
            .chain(&student.claims)
            .map(|c| c.text.as_str()),
    );
    let mut likeness: HashMap<(usize, usize), f64> = HashMap::new();
    for (i, j) in index.sharing(0..n_ref, n_ref..n_ref + student.claims.len()) {
        let l = index.likeness(i, j);
        likeness.insert((i, j - n_ref), l.cosine);
        if l.cosine >= WORDING_MIN && l.shared >= SHARED_TERMS_MIN {
            shared.entry((i, j - n_ref)).or_default();
        }
    }
    let mut out: Vec<Candidate> = shared
        .into_iter()
        .map(|((r, s), evidence)| {
            let wording = likeness.get(&(r, s)).copied().unwrap_or(0.0);
            let evidence_share =
                evidence.min(evidence_count[r]) as f64 / evidence_count[r].max(1) as f64;
            Candidate {
                r,
                s,
                score: wording + evidence_share + if evidence > 0 { 0.5 } else { 0.0 },
                wording,
                evidence,
            }
        })
        .collect();
    // A fixed order, so equal scores resolve the same way every run.
    out.sort_by_key(|c| (c.r, c.s));
    out
}

/// The candidates kept (their indices): the best total score, no claim used twice.
fn assign(candidates: &[Candidate]) -> Vec<usize> {
    let mut rows: Vec<usize> = candidates.iter().map(|c| c.r).collect();
    let mut cols: Vec<usize> = candidates.iter().map(|c| c.s).collect();
    rows.sort_unstable();
    rows.dedup();
    cols.sort_unstable();
    cols.dedup();
    if rows.is_empty() {
        return Vec::new();
    }
    if rows.len().max(cols.len()) > OPTIMAL_MAX {
        return greedy(candidates);
    }
    // A square matrix of integer weights (kuhn_munkres wants totally ordered weights); pairs
    // that are no candidates weigh 0 and are dropped afterwards.
    let n = rows.len().max(cols.len());
    let row_of: HashMap<usize, usize> = rows.iter().enumerate().map(|(k, &r)| (r, k)).collect();
    let col_of: HashMap<usize, usize> = cols.iter().enumerate().map(|(k, &s)| (s, k)).collect();
    let mut weights = pathfinding::matrix::Matrix::new(n, n, 0i64);
    let mut which: HashMap<(usize, usize), usize> = HashMap::new();
    for (k, c) in candidates.iter().enumerate() {
        let (a, b) = (row_of[&c.r], col_of[&c.s]);
        weights[(a, b)] = (c.score * 1_000_000.0).round() as i64;
        which.insert((a, b), k);
    }
    let (_, assignment) = pathfinding::kuhn_munkres::kuhn_munkres(&weights);
    let mut kept: Vec<usize> = assignment
        .iter()
        .enumerate()
        .filter_map(|(a, &b)| which.get(&(a, b)).copied())
        .collect();
    kept.sort_unstable();
    kept
}

/// Best score first, each claim once: for maps too large for the optimal assignment.
fn greedy(candidates: &[Candidate]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by(|&a, &b| candidates[b].score.total_cmp(&candidates[a].score));
    let mut used_r = std::collections::HashSet::new();
    let mut used_s = std::collections::HashSet::new();
    let mut kept: Vec<usize> = order
        .into_iter()
        .filter(|&k| {
            let c = &candidates[k];
            !used_r.contains(&c.r) && !used_s.contains(&c.s) && {
                used_r.insert(c.r);
                used_s.insert(c.s);
                true
            }
        })
        .collect();
    kept.sort_unstable();
    kept
}
