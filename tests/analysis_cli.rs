//! `warrant check` findings and `warrant compare`, as a user runs them.

use std::path::{Path, PathBuf};
use std::process::Command;
use warrant::model::text_sha256;

fn warrant() -> Command {
    Command::new(env!("CARGO_BIN_EXE_warrant"))
}

fn root(p: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(p)
}

fn run(args: &[&str], files: &[&Path]) -> (Option<i32>, String) {
    let out = warrant()
        .args(args)
        .args(files)
        .output()
        .expect("warrant runs");
    (
        out.status.code(),
        String::from_utf8(out.stdout).expect("UTF-8 output"),
    )
}

#[test]
fn check_reports_findings_as_notes_without_failing() {
    let good = root("tests/good-small.json");
    let (code, out) = run(&["check"], &[&good]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("— ok"), "{out}");
    assert!(
        out.contains(
            "note: inconsistent-actor: Moscow holds both “NATO is obsolete” and “NATO is a threat”"
        ),
        "{out}"
    );
    let (code, out) = run(&["check", "--json"], &[&good]);
    assert_eq!(code, Some(0));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let findings = v[0]["findings"].as_array().unwrap();
    let kinds: Vec<&str> = findings
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert!(
        kinds.contains(&"contradiction") && kinds.contains(&"coverage"),
        "{kinds:?}"
    );
    assert_eq!(findings[0]["related"], serde_json::json!(["c1", "c2"]));
    assert_eq!(v[0]["problems"].as_array().unwrap().len(), 0);
}

#[test]
fn check_fails_on_a_changed_quote() {
    let dir = tempfile::tempdir().unwrap();
    let mut map = warrant::io::load(&root("tests/good-small.json")).unwrap();
    let s = &mut map.sources[0];
    s.text = s.text.replace("Cold War", "Cold-War");
    s.sha256 = text_sha256(&s.text);
    let file = dir.path().join("changed.json");
    warrant::io::save(&file, &map).unwrap();
    let (code, out) = run(&["check", "--json"], &[&file]);
    assert_eq!(code, Some(1), "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["problems"][0]["kind"], "quote-changed");
    assert!(
        v[0]["problems"][0]["message"]
            .as_str()
            .unwrap()
            .contains("“a relic of the Cold-War”"),
        "{out}"
    );
}

#[test]
fn compare_scores_a_student_against_a_reference() {
    let dir = tempfile::tempdir().unwrap();
    let reference = root("tests/good-small.json");
    // The student found the same passage, quoted a little wider, and added another.
    let mut map = warrant::io::load(&reference).unwrap();
    map.quotes[0].anchor = warrant::anchor::anchor_from_range(&map.sources[0].text, 5, 31).unwrap();
    let text = map.sources[0].text.clone();
    let start = text.find("dangerously").unwrap();
    let (_, edits) = warrant::edit::ops::add_quote(
        &map,
        &map.sources[0].id,
        start,
        start + "dangerously strong bloc".len(),
        warrant::model::Point::default(),
        None,
    )
    .unwrap();
    warrant::edit::apply_all(&mut map, edits).unwrap();
    let student = dir.path().join("student.json");
    warrant::io::save(&student, &map).unwrap();

    let (code, out) = run(&["compare"], &[&reference, &student]);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("“A short text”: 1 of 1 reference passages found, 1 added — score 100 %"),
        "{out}"
    );
    assert!(out.contains("added:  q2"), "{out}");
    let (code, out) = run(&["compare", "--json"], &[&reference, &student]);
    assert_eq!(code, Some(0));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["articles"][0]["score"], 1.0);
    assert_eq!(v["articles"][0]["found"][0]["student"]["quote"], "q1");
    // The student kept both claims: the quoted one matches by evidence and wording, the other
    // (no quote) by wording alone.
    let matched = v["claims"]["matched"].as_array().unwrap();
    assert_eq!(matched.len(), 2);
    assert_eq!(matched[0]["basis"], "both");
    assert_eq!(matched[1]["basis"], "wording");
    assert_eq!(v["relations"][0]["verdict"], "same");

    let (code, _) = run(
        &["compare"],
        &[&reference, &dir.path().join("missing.json")],
    );
    assert_eq!(code, Some(2));
}
