//! `warrant compare REFERENCE STUDENT...` with several students (or `--csv`): one row per
//! student's file, as a table on the terminal or as CSV for a spreadsheet.

use crate::analysis::{self, CompareSummary};
use crate::io;
use crate::model::Map;
use serde::Serialize;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// One student's row.
#[derive(Debug, Serialize)]
pub struct ClassRow {
    pub file: PathBuf,
    /// The map's title; empty when the file cannot be read.
    pub title: String,
    #[serde(flatten)]
    pub summary: Option<CompareSummary>,
    /// Why the file could not be compared.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// Compares each student's file with `reference`.
pub fn class_rows(reference: &Map, students: &[PathBuf]) -> Vec<ClassRow> {
    students
        .iter()
        .map(|file| match io::load(file) {
            Ok(map) => ClassRow {
                file: file.clone(),
                title: map.title.clone(),
                summary: Some(CompareSummary::of(&analysis::compare(reference, &map))),
                error: None,
            },
            Err(e) => ClassRow {
                file: file.clone(),
                title: String::new(),
                summary: None,
                error: Some(e.to_string()),
            },
        })
        .collect()
}

/// The CSV columns, in order.
pub const CSV_HEADER: [&str; 14] = [
    "file",
    "title",
    "passages_found_percent",
    "passages_found",
    "passages_total",
    "claims_matched",
    "claims_missed",
    "claims_added",
    "relations_right",
    "relations_total",
    "contradictions_found",
    "contradictions_total",
    "quote_problems",
    "error",
];

/// A CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180). A field a
/// spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) gets a leading apostrophe: a
/// map's title is untrusted.
fn field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_owned()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The rows as CSV, a header first.
pub fn class_csv(rows: &[ClassRow]) -> String {
    let mut out = CSV_HEADER.join(",");
    out.push('\n');
    for r in rows {
        let n = |f: fn(&CompareSummary) -> usize| {
            r.summary
                .as_ref()
                .map_or_else(String::new, |s| f(s).to_string())
        };
        let percent = r
            .summary
            .as_ref()
            .and_then(CompareSummary::passages_percent)
            .map_or_else(String::new, |p| format!("{p:.0}"));
        let cells = [
            field(&r.file.display().to_string()),
            field(&r.title),
            percent,
            n(|s| s.passages_found),
            n(|s| s.passages_total),
            n(|s| s.claims_matched),
            n(|s| s.claims_missed),
            n(|s| s.claims_added),
            n(|s| s.relations_right),
            n(|s| s.relations_total),
            n(|s| s.contradictions_found),
            n(|s| s.contradictions_total),
            n(|s| s.quote_problems),
            field(r.error.as_deref().unwrap_or_default()),
        ];
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

/// The rows as a table for the terminal.
pub fn class_table(reference: &Path, rows: &[ClassRow]) -> String {
    let mut out = format!("Compared with the reference {}\n\n", reference.display());
    let head = [
        "file",
        "title",
        "passages",
        "claims",
        "missed",
        "added",
        "links",
        "contra.",
        "bad quotes",
    ];
    let mut lines: Vec<Vec<String>> = vec![head.iter().map(|h| (*h).to_owned()).collect()];
    for r in rows {
        let name = r.file.file_name().map_or_else(
            || r.file.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let Some(s) = &r.summary else {
            lines.push(vec![
                name,
                format!("cannot be read: {}", r.error.as_deref().unwrap_or_default()),
            ]);
            continue;
        };
        let title: String = r.title.chars().take(30).collect();
        lines.push(vec![
            name,
            title,
            s.passages_percent()
                .map_or_else(|| "—".to_owned(), |p| format!("{p:.0} %")),
            format!("{}", s.claims_matched),
            format!("{}", s.claims_missed),
            format!("{}", s.claims_added),
            format!("{}/{}", s.relations_right, s.relations_total),
            format!("{}/{}", s.contradictions_found, s.contradictions_total),
            format!("{}", s.quote_problems),
        ]);
    }
    let widths: Vec<usize> = (0..head.len())
        .map(|k| {
            lines
                .iter()
                .filter(|l| l.len() == head.len())
                .filter_map(|l| l.get(k))
                .map(|c| c.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for l in &lines {
        let cells: Vec<String> = l
            .iter()
            .enumerate()
            .map(|(k, c)| {
                let pad = widths
                    .get(k)
                    .copied()
                    .unwrap_or(0)
                    .saturating_sub(c.chars().count());
                if l.len() > 1 && k + 1 < l.len() {
                    format!("{c}{}", " ".repeat(pad))
                } else {
                    c.clone()
                }
            })
            .collect();
        let _ = writeln!(out, "{}", cells.join("  ").trim_end());
    }
    out
}

/// `warrant rubric MAP...`: each map's rubric, met or not, as text or JSON. Exit 0 when every
/// map could be read, 2 otherwise.
pub fn rubric(files: &[PathBuf], json: bool) -> i32 {
    use crate::output::{say_text, warn};
    let mut code = super::exit::CLEAN;
    let mut reports = Vec::new();
    let mut text = String::new();
    for file in files {
        let map = match io::load(file) {
            Ok(m) => m,
            Err(e) => {
                warn(&format!("warrant: {e}"));
                code = super::exit::UNREADABLE;
                continue;
            }
        };
        let items = analysis::rubric(&map, &analysis::analyse(&map));
        let _ = writeln!(text, "{} — {}", file.display(), map.title);
        for i in &items {
            let mark = if i.met { "met    " } else { "not met" };
            let _ = writeln!(text, "  {mark}  {}: {}", i.criterion, i.detail);
            if i.by_teacher {
                let computed = if i.computed { "met" } else { "not met" };
                let _ = writeln!(text, "           set by the teacher (computed: {computed})");
            }
            // A note of several lines keeps them, under its first.
            for (k, line) in crate::text::plain_lines(&i.note).iter().enumerate() {
                let head = if k == 0 { "teacher's note: " } else { "" };
                let row = format!("{head:>27}{line}");
                let _ = writeln!(text, "{}", row.trim_end());
            }
        }
        reports.push(serde_json::json!({ "file": file, "title": map.title, "rubric": items }));
    }
    if json {
        if let Err(code) = super::say_json_value(&reports) {
            return code;
        }
    } else {
        say_text(&text);
    }
    code
}
