//! The headless commands: `warrant check`, `warrant compare`, `warrant new`. Each returns the
//! process exit code.

use crate::analysis::{self, Comparison, Passage, RelationVerdict, quoted};
use crate::check::{Finding, Problem, Summary, findings_from, problems_from};
use crate::edit::{History, ops};
use crate::io::{self, LoadError};
use crate::model::{Map, SourceId};
use crate::output::{say, say_json, say_text, warn};

pub mod class;
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

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
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
    if json {
        match serde_json::to_string_pretty(&reports) {
            Ok(s) => {
                say_json(&s);
            }
            Err(e) => {
                warn(&format!("warrant: cannot write JSON: {e}"));
                return exit::UNREADABLE;
            }
        }
    }
    worst
}

/// `warrant new OUT --title T ARTICLE...`: a map with these articles and nothing else.
pub fn new_map(out: &Path, title: &str, articles: &[PathBuf], force: bool) -> i32 {
    if let Some(article) = articles.iter().find(|a| io::same_file(out, a)) {
        warn(&format!(
            "warrant new: {} is one of the articles; the new map cannot be written over it",
            article.display()
        ));
        return exit::UNREADABLE;
    }
    let mut history = History::new(Map::new(title));
    for path in articles {
        let imported = match io::import_article(path) {
            Ok(s) => s,
            Err(e) => {
                warn(&format!("warrant: {e}"));
                return exit::UNREADABLE;
            }
        };
        if let Some(note) = imported.note() {
            println!("{}: {note}", path.display());
        }
        let (_, edits) = ops::add_source(history.map(), imported.source);
        if let Err(e) = history.apply("Add article", None, edits) {
            warn(&format!("warrant: {e}"));
            return exit::UNREADABLE;
        }
    }
    let bytes = match io::map_to_json(history.map()) {
        Ok(b) => b,
        Err(e) => {
            warn(&format!("warrant: {e}"));
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
            say(&format!(
                "{}: new map “{}” with {}",
                out.display(),
                title,
                plural(articles.len(), "article", "articles")
            ));
            exit::CLEAN
        }
        Err(e) => {
            warn(&format!("warrant: {e}"));
            exit::UNREADABLE
        }
    }
}

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
    let load = |path: &Path| {
        io::load(path).map_err(|e| {
            warn(&format!("warrant: {e}"));
        })
    };
    let Ok(ref_map) = load(reference) else {
        return exit::UNREADABLE;
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
        CompareOutput::Json => match serde_json::to_string_pretty(&rows) {
            Ok(s) => {
                say_json(&s);
            }
            Err(e) => {
                warn(&format!("warrant: cannot write JSON: {e}"));
                return exit::UNREADABLE;
            }
        },
    }
    if rows.iter().any(|r| r.error.is_some()) {
        exit::UNREADABLE
    } else {
        exit::CLEAN
    }
}

/// One student's full report.
fn compare_one(reference: &Path, ref_map: &Map, student: &Path, json: bool) -> i32 {
    let Ok(stu_map) = io::load(student).map_err(|e| warn(&format!("warrant: {e}"))) else {
        return exit::UNREADABLE;
    };
    let comparison = analysis::compare(ref_map, &stu_map);
    if json {
        let report = ComparisonReport {
            reference,
            student,
            comparison: &comparison,
        };
        match serde_json::to_string_pretty(&report) {
            Ok(s) => {
                say_json(&s);
            }
            Err(e) => {
                warn(&format!("warrant: cannot write JSON: {e}"));
                return exit::UNREADABLE;
            }
        }
    } else {
        say_text(&comparison_text(reference, student, &comparison));
    }
    exit::CLEAN
}

/// `--theme`: the projector theme of an exported presentation frame.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum FrameTheme {
    /// Black on white, for lit rooms.
    #[default]
    Light,
    /// White on near-black, for dark rooms.
    Dark,
}

/// What `warrant export` was asked to do.
#[derive(Clone, Debug)]
pub struct ExportRequest {
    pub map: PathBuf,
    pub format: crate::export::Format,
    /// Story step, counting from 1.
    pub step: Option<usize>,
    /// PNG pixels per canvas unit.
    pub scale: Option<f32>,
    pub out: PathBuf,
    /// Lay the map out (as Tidy does) before drawing it; the map file is not changed.
    pub tidy: bool,
    /// PDF: one page per story step after the map.
    pub story: bool,
    /// PDF: a map too big for one page, tiled or as its outline.
    pub pages: Option<crate::export::PageMode>,
    /// `WxH`: the presentation's frame of `step` on a screen this size.
    pub size: Option<String>,
    /// With `size`: the frame's projector theme.
    pub theme: Option<FrameTheme>,
}

/// `1920x1080` as (1920, 1080); sides from 16 to 8192 pixels.
fn parse_size(s: &str) -> Result<(f32, f32), String> {
    let bad = || format!("--size must be WIDTHxHEIGHT in pixels, like 1920x1080, not {s:?}");
    let (w, h) = s.split_once(['x', 'X', '×']).ok_or_else(bad)?;
    let side = |t: &str| {
        t.trim()
            .parse::<u32>()
            .ok()
            .filter(|v| (16..=8192).contains(v))
            .ok_or_else(bad)
    };
    Ok((side(w)? as f32, side(h)? as f32))
}

/// Checks `--size` and writes the presentation frame it asks for.
fn export_frame(req: &ExportRequest, map: &Map, size: &str) -> Result<Vec<u8>, String> {
    use crate::export::{self as ex, Format};
    let (w, h) = parse_size(size)?;
    let (Format::Svg | Format::Png) = req.format else {
        return Err("--size applies to SVG and PNG (a presentation frame)".into());
    };
    let format = req.format;
    if req.scale.is_some() || req.story {
        return Err("--size sets the frame's pixels: leave out --scale and --story".into());
    }
    let count = crate::story::steps(map).len();
    let step = match req.step {
        Some(n) if n >= 1 && n <= count => n - 1,
        Some(n) => {
            return Err(format!(
                "--step: this map's presentation has steps 1 to {count}, not {n}"
            ));
        }
        None => return Err("--size needs --step N (the step whose frame to draw)".into()),
    };
    let dark = req.theme == Some(FrameTheme::Dark);
    ex::render_frame(map, format, step, (w, h), dark).map_err(|e| e.to_string())
}

/// Refuses option combinations that mean nothing, with the reason.
fn export_usage(req: &ExportRequest, map: &Map) -> Result<(), String> {
    use crate::export::Format::{Aif, Argdown, Dot, Markdown, Pdf, Png};
    if req.scale.is_some() && req.format != Png {
        return Err("--scale applies to PNG only (SVG and PDF are vector drawings)".into());
    }
    if let Some(s) = req.scale
        && !(s.is_finite() && s > 0.0)
    {
        return Err(format!("--scale must be a positive number, not {s}"));
    }
    if req.story && req.format != Pdf {
        return Err("--story applies to PDF only".into());
    }
    if req.pages.is_some() && req.format != Pdf {
        return Err("--pages applies to PDF only".into());
    }
    if let Some(step) = req.step {
        if req.format == Markdown {
            return Err("--step does not apply to the Markdown outline".into());
        }
        if matches!(req.format, Dot | Argdown | Aif) {
            return Err(
                "--step does not apply to DOT, Argdown or AIF (they hold the whole map)".into(),
            );
        }
        if step == 0 || step > map.story.len() {
            return Err(if map.story.is_empty() {
                "--step: this map has no story".to_owned()
            } else {
                format!(
                    "--step: this map's story has steps 1 to {}, not {step}",
                    map.story.len()
                )
            });
        }
    }
    Ok(())
}

/// `warrant export MAP --format F -o OUT`: writes the map as SVG, PNG, PDF, Markdown, DOT,
/// Argdown or AIF.
pub fn export(req: &ExportRequest) -> i32 {
    use crate::export::{self as ex, Scope};
    let mut map = match io::load(&req.map) {
        Ok(m) => m,
        Err(e) => {
            warn(&format!("warrant: {e}"));
            return exit::UNREADABLE;
        }
    };
    if let Err(why) = io::refuse_export_over_map(&req.out, Some(&req.map)) {
        warn(&format!("warrant export: {why}"));
        return exit::UNREADABLE;
    }
    if req.size.is_none() && req.theme.is_some() {
        warn("warrant export: --theme applies to a presentation frame (--step N --size WxH)");
        return exit::UNREADABLE;
    }
    if req.size.is_none()
        && let Err(why) = export_usage(req, &map)
    {
        warn(&format!("warrant export: {why}"));
        return exit::UNREADABLE;
    }
    if req.tidy {
        let edits = ops::tidy(
            &map,
            &crate::layout::LayoutSettings::default(),
            &crate::layout::card::card_size,
        );
        if let Err(e) = crate::edit::apply_all(&mut map, edits) {
            warn(&format!("warrant: cannot lay the map out: {e}"));
            return exit::UNREADABLE;
        }
    }
    let framed = req
        .size
        .as_deref()
        .map(|size| export_frame(req, &map, size));
    let render = ex::Render {
        format: req.format,
        scope: req.step.map_or(Scope::Map, |s| Scope::Step(s - 1)),
        scale: req.scale.unwrap_or(ex::PngSettings::default().scale),
        story_pages: req.story,
        pages: req.pages.unwrap_or_default(),
    };
    let bytes = match framed.unwrap_or_else(|| ex::render(&map, &render).map_err(|e| e.to_string()))
    {
        Ok(b) => b,
        Err(e) => {
            warn(&format!("warrant export: {e}"));
            return exit::UNREADABLE;
        }
    };
    match io::write_atomic(&req.out, &bytes, false) {
        Ok(()) => {
            say(&format!("{}: {} bytes", req.out.display(), bytes.len()));
            exit::CLEAN
        }
        Err(e) => {
            warn(&format!("warrant: {e}"));
            exit::UNREADABLE
        }
    }
}

/// The formats `warrant import` reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ImportFrom {
    /// Argdown document.
    Argdown,
    /// AIF JSON (`AIFdb`, OVA3 or xAIF).
    Aif,
    /// Kialo discussion export (text).
    Kialo,
}

/// `warrant import FILE -o MAP.json`: a map from an Argdown, AIF or Kialo file, with a report of
/// what the map holds differently. Exit 0 written, 2 the file cannot be imported or OUT written.
pub fn import(file: &Path, from: Option<ImportFrom>, out: &Path, force: bool) -> i32 {
    use crate::import::{ImportFormat, import_file};
    if io::same_file(out, file) {
        warn(&format!(
            "warrant import: {} is the file imported; the map cannot be written over it",
            file.display()
        ));
        return exit::UNREADABLE;
    }
    let format = from.map(|f| match f {
        ImportFrom::Argdown => ImportFormat::Argdown,
        ImportFrom::Aif => ImportFormat::Aif,
        ImportFrom::Kialo => ImportFormat::Kialo,
    });
    let imported = match import_file(file, format) {
        Ok(i) => i,
        Err(e) => {
            warn(&format!("warrant import: {}: {e}", file.display()));
            return exit::UNREADABLE;
        }
    };
    let bytes = match io::map_to_json(&imported.map) {
        Ok(b) => b,
        Err(e) => {
            warn(&format!("warrant: {e}"));
            return exit::UNREADABLE;
        }
    };
    let saved = if force {
        io::write_atomic(out, &bytes, true)
    } else {
        io::write_new(out, &bytes)
    };
    if let Err(e) = saved {
        warn(&format!("warrant: {e}"));
        return exit::UNREADABLE;
    }
    let (supports, opposes, contradicts, qualifies) = imported.map.link_counts();
    let mut lines = vec![format!(
        "{}: {} from {} “{}”: {}, {} ({supports} supports, {opposes} opposes, {contradicts} \
         contradicts{}), {}, {}",
        out.display(),
        "imported",
        imported.report.format.name(),
        file.display(),
        plural(imported.map.claims.len(), "claim", "claims"),
        plural(imported.map.links.len(), "link", "links"),
        if qualifies > 0 {
            format!(", {qualifies} qualifies")
        } else {
            String::new()
        },
        plural(imported.map.actors.len(), "actor", "actors"),
        plural(imported.map.tags.len(), "tag", "tags"),
    )];
    lines.extend(
        imported
            .report
            .lines()
            .into_iter()
            .map(|l| format!("  note: {l}")),
    );
    for line in lines {
        if !say(&line) {
            break;
        }
    }
    exit::CLEAN
}
