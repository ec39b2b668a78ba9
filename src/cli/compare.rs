//! `warrant compare REFERENCE STUDENT...`: a student's map against a reference, in full for
//! one student (text or JSON), as a class table for several ([`super::class`]).

use super::{class, exit, load_map};
use crate::analysis::{self, Comparison, Passage, RelationVerdict, quoted};
use crate::model::{Map, SourceId};
use crate::output::{say_text, warn};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// The text report of `warrant compare`.
pub fn comparison_text(reference: &Path, student: &Path, c: &Comparison) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let line = |p: &Passage| format!("{} {}..{} {}", p.quote, p.start, p.end, quoted(&p.text));
    let _ = writeln!(
        out,
        "{} compared with the reference {}",
        student.display(),
        reference.display()
    );
    for a in &c.articles {
        let total = a.found.len() + a.missed.len();
        let score = a.score.map_or_else(
            || "no reference passages".to_owned(),
            |s| format!("score {:.0} %", s * 100.0),
        );
        let _ = writeln!(
            out,
            "\n“{}”: {} of {} reference passages found, {} added — {score}",
            a.title,
            a.found.len(),
            total,
            a.added.len()
        );
        if a.student_source.is_none() {
            let _ = writeln!(out, "  (this article is not in the student's map)");
        }
        for m in &a.found {
            let _ = writeln!(
                out,
                "  found:  {}\n          as {}",
                line(&m.reference),
                line(&m.student)
            );
        }
        for p in &a.missed {
            let _ = writeln!(out, "  missed: {}", line(p));
        }
        for p in &a.added {
            let _ = writeln!(out, "  added:  {}", line(p));
        }
    }
    let cl = &c.claims;
    let _ = writeln!(
        out,
        "\nClaims (matched by wording and evidence): {} of {} found, {} added",
        cl.matched.len(),
        cl.matched.len() + cl.missed.len(),
        cl.added.len()
    );
    for m in &cl.matched {
        let _ = writeln!(
            out,
            "  found:  {} as {} ({})",
            quoted(&m.reference.text),
            quoted(&m.student.text),
            m.basis.describe()
        );
    }
    for r in &cl.missed {
        let _ = writeln!(out, "  missed: {}", quoted(&r.text));
    }
    for s in &cl.added {
        let _ = writeln!(out, "  added:  {}", quoted(&s.text));
    }
    if !c.relations.is_empty() {
        let right = c
            .relations
            .iter()
            .filter(|r| r.verdict == RelationVerdict::Same)
            .count();
        let _ = writeln!(
            out,
            "\nLinks between claims: {right} of {} right",
            c.relations.len()
        );
        for r in &c.relations {
            let _ = writeln!(
                out,
                "  {} {} {}: {}",
                quoted(&r.from.text),
                r.relation.as_str(),
                quoted(&r.to.text),
                r.verdict.describe()
            );
        }
    }
    if !c.other_student_sources.is_empty() {
        let names: Vec<&str> = c
            .other_student_sources
            .iter()
            .map(SourceId::as_str)
            .collect();
        let _ = writeln!(
            out,
            "\nArticles in the student's map but not the reference: {}",
            names.join(", ")
        );
    }
    out
}

/// The JSON report of `warrant compare`.
#[derive(Debug, Serialize)]
pub struct ComparisonReport<'a> {
    pub reference: &'a Path,
    pub student: &'a Path,
    #[serde(flatten)]
    pub comparison: &'a Comparison,
}

/// How `warrant compare` prints.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CompareOutput {
    /// A report for one student, a table for several.
    #[default]
    Text,
    Json,
    /// One row per student.
    Csv,
}

/// `warrant compare REFERENCE STUDENT...`: how students' maps compare with a reference map: a
/// full report for one student, one row per student for several (or with `--csv`).
/// Exit 0 when every map could be read (whatever the scores), 2 otherwise.
pub fn compare(reference: &Path, students: &[PathBuf], output: CompareOutput) -> i32 {
    let ref_map = match load_map(reference) {
        Ok(map) => map,
        Err(code) => return code,
    };
    if let ([student], CompareOutput::Text | CompareOutput::Json) = (students, output) {
        return compare_one(reference, &ref_map, student, output == CompareOutput::Json);
    }
    let rows = class::class_rows(&ref_map, students);
    for r in &rows {
        if let Some(e) = &r.error {
            warn(&format!("warrant: {e}"));
        }
    }
    match output {
        CompareOutput::Csv => {
            say_text(&class::class_csv(&rows));
        }
        CompareOutput::Text => {
            say_text(&class::class_table(reference, &rows));
        }
        CompareOutput::Json => {
            if let Err(code) = super::say_json_value(&rows) {
                return code;
            }
        }
    }
    if rows.iter().any(|r| r.error.is_some()) {
        exit::UNREADABLE
    } else {
        exit::CLEAN
    }
}

/// One student's full report.
fn compare_one(reference: &Path, ref_map: &Map, student: &Path, json: bool) -> i32 {
    let stu_map = match load_map(student) {
        Ok(map) => map,
        Err(code) => return code,
    };
    let comparison = analysis::compare(ref_map, &stu_map);
    if json {
        let report = ComparisonReport {
            reference,
            student,
            comparison: &comparison,
        };
        if let Err(code) = super::say_json_value(&report) {
            return code;
        }
    } else {
        say_text(&comparison_text(reference, student, &comparison));
    }
    exit::CLEAN
}
