//! The headless commands: `warrant check`, `warrant new`. Each returns the process exit code.

use crate::check::{Problem, Summary, problems};
use crate::edit::{History, ops};
use crate::io::{self, LoadError};
use crate::model::Map;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// Exit codes of `warrant check`.
pub mod exit {
    /// Every map is clean.
    pub const CLEAN: i32 = 0;
    /// A map has problems (quotes that do not match, altered sources).
    pub const PROBLEMS: i32 = 1;
    /// A file could not be read as a map (or another usage error).
    pub const UNREADABLE: i32 = 2;
}

/// The result of checking one file, as printed by `--json`.
#[derive(Debug, Serialize)]
pub struct FileReport {
    pub file: PathBuf,
    /// `None` when the file could not be loaded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<Summary>,
    pub problems: Vec<ReportedProblem>,
}

/// A problem in the `--json` output: a kind and a message.
#[derive(Debug, Serialize)]
pub struct ReportedProblem {
    pub kind: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    pub message: String,
}

impl From<Problem> for ReportedProblem {
    fn from(p: Problem) -> Self {
        let kind = serde_json::to_value(p.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        Self {
            kind,
            item: Some(p.item),
            message: p.message,
        }
    }
}

/// The kind name of a load error, for `--json`.
fn load_error_kind(e: &LoadError) -> &'static str {
    match e {
        LoadError::Io { .. } => "unreadable",
        LoadError::TooLarge { .. } => "too-large",
        LoadError::Empty { .. } => "empty-file",
        LoadError::Json { .. } => "invalid-json",
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
            let found = problems(&map);
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
                        message: err.to_string(),
                    })
                    .collect(),
                other => vec![ReportedProblem {
                    kind,
                    item: None,
                    message: other.to_string(),
                }],
            };
            (
                FileReport {
                    file: path.to_owned(),
                    summary: None,
                    problems,
                },
                exit::UNREADABLE,
            )
        }
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The one-line summary `warrant check` prints per file.
pub fn summary_line(file: &Path, s: &Summary, problems: usize) -> String {
    format!(
        "{}: {}, {}, {} ({} supports, {} opposes, {} contradicts), {}, {} — {}",
        file.display(),
        plural(s.claims, "claim", "claims"),
        plural(s.quotes, "quote", "quotes"),
        plural(s.links, "link", "links"),
        s.supports,
        s.opposes,
        s.contradicts,
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
            match &report.summary {
                Some(s) => println!("{}", summary_line(file, s, report.problems.len())),
                None => println!("{}: cannot be read as a map", file.display()),
            }
            for p in &report.problems {
                println!("  {}: {}", p.kind, p.message.replace('\n', "\n    "));
            }
        }
        reports.push(report);
    }
    if json {
        match serde_json::to_string_pretty(&reports) {
            Ok(s) => println!("{s}"),
            Err(e) => {
                eprintln!("warrant: cannot write JSON: {e}");
                return exit::UNREADABLE;
            }
        }
    }
    worst
}

/// `warrant new OUT --title T ARTICLE...`: a map with these articles and nothing else.
pub fn new_map(out: &Path, title: &str, articles: &[PathBuf], force: bool) -> i32 {
    let mut history = History::new(Map::new(title));
    for path in articles {
        let source = match io::import_article(path) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("warrant: {e}");
                return exit::UNREADABLE;
            }
        };
        let (_, edits) = ops::add_source(history.map(), source);
        if let Err(e) = history.apply("Add article", None, edits) {
            eprintln!("warrant: {e}");
            return exit::UNREADABLE;
        }
    }
    let bytes = match io::map_to_json(history.map()) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("warrant: {e}");
            return exit::UNREADABLE;
        }
    };
    let saved = if force {
        io::write_atomic(out, &bytes, true)
    } else {
        io::write_new(out, &bytes)
    };
    match saved {
        Ok(()) => {
            println!(
                "{}: new map “{}” with {}",
                out.display(),
                title,
                plural(articles.len(), "article", "articles")
            );
            exit::CLEAN
        }
        Err(e) => {
            eprintln!("warrant: {e}");
            exit::UNREADABLE
        }
    }
}
