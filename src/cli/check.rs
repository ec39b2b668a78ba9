//! `warrant check FILE...`: each map's problems and findings, as lines or JSON.

use super::{exit, plural};
use crate::analysis;
use crate::check::{Finding, Problem, Summary, findings_from, problems_from};
use crate::io::{self, LoadError};
use crate::output::say;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// The result of checking one file, as printed by `--json`.
#[derive(Debug, Serialize)]
pub struct FileReport {
    pub file: PathBuf,
    /// `None` when the file could not be loaded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<Summary>,
    /// What makes the exit code 1 (or 2, for a file that cannot be read).
    pub problems: Vec<ReportedProblem>,
    /// What the analysis shows: reported, never an error.
    pub findings: Vec<ReportedProblem>,
}

/// A problem or finding in the `--json` output: a kind and a message.
#[derive(Debug, Serialize)]
pub struct ReportedProblem {
    pub kind: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// Other items the message names.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<String>,
    pub message: String,
}

/// The kebab-case name a kind serializes to.
fn kind_name(kind: impl Serialize) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

impl From<Problem> for ReportedProblem {
    fn from(p: Problem) -> Self {
        Self {
            kind: kind_name(p.kind),
            item: Some(p.item),
            related: Vec::new(),
            message: p.message,
        }
    }
}

impl From<Finding> for ReportedProblem {
    fn from(f: Finding) -> Self {
        Self {
            kind: kind_name(f.kind),
            item: Some(f.item),
            related: f.related,
            message: f.message,
        }
    }
}

/// The kind name of a load error, for `--json`.
fn load_error_kind(e: &LoadError) -> &'static str {
    match e {
        LoadError::Io { .. } => "unreadable",
        LoadError::TooLarge { .. } => "too-large",
        LoadError::Empty { .. } => "empty-file",
        LoadError::NotAFile { .. } => "not-a-file",
        LoadError::Json { .. } => "invalid-json",
        LoadError::Encoding { .. } => "not-utf8",
        LoadError::NotAMap { .. } => "not-a-map",
        LoadError::MissingVersion { .. } => "missing-version",
        LoadError::BadVersion { .. } => "bad-version",
        LoadError::NewerVersion { .. } => "newer-version",
        LoadError::Schema { .. } => "invalid-map",
        LoadError::Integrity { .. } => "integrity",
    }
}

/// Checks one map file.
pub fn check_file(path: &Path) -> (FileReport, i32) {
    match io::load(path) {
        Ok(map) => {
            let checks = analysis::quote_integrity(&map);
            let found = problems_from(&map, &checks);
            let code = if found.is_empty() {
                exit::CLEAN
            } else {
                exit::PROBLEMS
            };
            (
                FileReport {
                    file: path.to_owned(),
                    summary: Some(Summary::of(&map)),
                    problems: found.into_iter().map(Into::into).collect(),
                    findings: findings_from(&map, &checks)
                        .into_iter()
                        .map(Into::into)
                        .collect(),
                },
                code,
            )
        }
        Err(e) => {
            let kind = load_error_kind(&e).to_owned();
            let problems = match e {
                LoadError::Integrity { errors, .. } => errors
                    .into_iter()
                    .map(|err| ReportedProblem {
                        kind: kind.clone(),
                        item: None,
                        related: Vec::new(),
                        message: err.to_string(),
                    })
                    .collect(),
                other => vec![ReportedProblem {
                    kind,
                    item: None,
                    related: Vec::new(),
                    message: other.to_string(),
                }],
            };
            (
                FileReport {
                    file: path.to_owned(),
                    summary: None,
                    problems,
                    findings: Vec::new(),
                },
                exit::UNREADABLE,
            )
        }
    }
}

/// The one-line summary `warrant check` prints per file.
pub fn summary_line(file: &Path, s: &Summary, problems: usize) -> String {
    format!(
        "{}: {}, {}, {} ({} supports, {} opposes, {} contradicts{}), {}, {} — {}",
        file.display(),
        plural(s.claims, "claim", "claims"),
        plural(s.quotes, "quote", "quotes"),
        plural(s.links, "link", "links"),
        s.supports,
        s.opposes,
        s.contradicts,
        // Only maps that use it mention it: older summaries read as before.
        if s.qualifies > 0 {
            format!(", {} qualifies", s.qualifies)
        } else {
            String::new()
        },
        plural(s.sources, "source", "sources"),
        plural(s.actors, "actor", "actors"),
        if problems == 0 {
            "ok".to_owned()
        } else {
            plural(problems, "problem", "problems")
        }
    )
}

/// `warrant check FILE...`: prints a report; returns the worst exit code.
pub fn check(files: &[PathBuf], json: bool) -> i32 {
    let mut worst = exit::CLEAN;
    let mut reports = Vec::new();
    for file in files {
        let (report, code) = check_file(file);
        worst = worst.max(code);
        if !json {
            let head = match &report.summary {
                Some(s) => summary_line(file, s, report.problems.len()),
                None => format!("{}: cannot be read as a map", file.display()),
            };
            let problems = report
                .problems
                .iter()
                .map(|p| format!("  {}: {}", p.kind, p.message.replace('\n', "\n    ")));
            // Findings are marked as notes: they inform, they are not what failed the check.
            let notes = report
                .findings
                .iter()
                .map(|f| format!("  note: {}: {}", f.kind, f.message.replace('\n', "\n    ")));
            for line in std::iter::once(head).chain(problems).chain(notes) {
                if !say(&line) {
                    return worst; // nobody reads on (`| head`): stop quietly
                }
            }
        }
        reports.push(report);
    }
    if json && let Err(code) = super::say_json_value(&reports) {
        return code;
    }
    worst
}
