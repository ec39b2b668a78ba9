//! A teacher compares a whole class at once: `warrant compare REFERENCE STUDENT... --csv`, one row
//! per student's file, read back by a CSV reader as a spreadsheet would.
#![allow(clippy::unwrap_used)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use warrant::edit::{apply_all, ops};
use warrant::model::{LinkId, Map, NodeId, text_sha256};

fn golz() -> (PathBuf, Map) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("maps/golz-1996-why-not-join-nato.json");
    let map = warrant::io::load(&path).unwrap();
    (path, map)
}

/// Three hand-ins: a copy of the reference; one who quoted only the first ten passages, turned
/// the contradiction into support and the first support round; one whose article was edited
/// (its quotes no longer match) and whose title needs quoting in CSV.
fn students(dir: &Path, reference: &Map) -> Vec<PathBuf> {
    let mut thorough = reference.clone();
    thorough.title = "Ann".into();

    let mut partial = reference.clone();
    partial.title = "Ben".into();
    let late: Vec<NodeId> = partial.quotes[10..].iter().map(|q| q.id.clone()).collect();
    let edits = ops::delete_nodes(&partial, &late);
    apply_all(&mut partial, edits).unwrap();
    let l9 = partial
        .links
        .iter_mut()
        .find(|l| l.id == LinkId::from("l9"))
        .unwrap();
    l9.relation = warrant::model::Relation::Supports;
    let l1 = partial
        .links
        .iter_mut()
        .find(|l| l.id == LinkId::from("l1"))
        .unwrap();
    std::mem::swap(&mut l1.from, &mut l1.to);

    let mut careless = reference.clone();
    careless.title = "Cleo, \"the\" careless".into();
    let s = &mut careless.sources[0];
    s.text = s.text.replace("NATO", "N.A.T.O.");
    s.sha256 = text_sha256(&s.text);

    [
        ("ann.json", thorough),
        ("ben.json", partial),
        ("cleo.json", careless),
    ]
    .into_iter()
    .map(|(name, map)| {
        let path = dir.join(name);
        warrant::io::save(&path, &map).unwrap();
        path
    })
    .collect()
}

fn run(args: &[&std::ffi::OsStr]) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_warrant"))
        .args(args)
        .output()
        .unwrap();
    (out.status.code(), String::from_utf8(out.stdout).unwrap())
}

#[test]
fn a_class_compares_as_one_csv_row_per_student() {
    let dir = tempfile::tempdir().unwrap();
    let (reference, ref_map) = golz();
    let files = students(dir.path(), &ref_map);
    let mut args = vec!["compare".as_ref(), reference.as_os_str()];
    args.extend(files.iter().map(|f| f.as_os_str()));
    args.push("--csv".as_ref());
    let (code, out) = run(&args);
    assert_eq!(code, Some(0), "{out}");

    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let rows: Vec<HashMap<String, String>> = reader
        .records()
        .map(|r| {
            header
                .iter()
                .cloned()
                .zip(r.unwrap().iter().map(str::to_owned))
                .collect()
        })
        .collect();
    assert_eq!(rows.len(), 3);
    let col = |row: usize, name: &str| rows[row][name].clone();
    let n = |row: usize, name: &str| col(row, name).parse::<usize>().unwrap();
    let passages = ref_map.quotes.len();
    let claim_links = ref_map
        .links
        .iter()
        .filter(|l| ref_map.claim(&l.from).is_some() && ref_map.claim(&l.to).is_some())
        .count();

    // Ann handed in the reference itself: everything found, nothing added.
    assert_eq!(col(0, "title"), "Ann");
    assert!(col(0, "file").ends_with("ann.json"));
    assert_eq!(col(0, "passages_found_percent"), "100");
    assert_eq!(n(0, "passages_total"), passages);
    assert_eq!(n(0, "claims_matched"), ref_map.claims.len());
    assert_eq!((n(0, "claims_missed"), n(0, "claims_added")), (0, 0));
    assert_eq!(n(0, "relations_right"), claim_links);
    assert_eq!(
        (n(0, "contradictions_found"), n(0, "contradictions_total")),
        (1, 1)
    );
    assert_eq!(n(0, "quote_problems"), 0);

    // Ben quoted ten passages; his claims all match by wording; two links are wrong.
    assert_eq!(n(1, "passages_found"), 10);
    assert_eq!(
        col(1, "passages_found_percent"),
        format!("{:.0}", 1000.0 / passages as f64)
    );
    assert_eq!(n(1, "claims_matched"), ref_map.claims.len());
    assert_eq!(n(1, "relations_right"), claim_links - 2);
    assert_eq!(n(1, "contradictions_found"), 0);

    // Cleo's article is not the reference's any more: no passage found, every quote off.
    assert_eq!(col(2, "title"), "Cleo, \"the\" careless");
    assert_eq!(n(2, "passages_found"), 0);
    let quoting_nato = ref_map
        .quotes
        .iter()
        .filter(|q| q.anchor.exact.contains("NATO"))
        .count();
    assert!(quoting_nato > 0);
    assert!((quoting_nato..=passages).contains(&n(2, "quote_problems")));
    assert_eq!(col(2, "error"), "");
}

#[test]
fn a_class_table_names_each_student_and_an_unreadable_file_fails_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let (reference, ref_map) = golz();
    let files = students(dir.path(), &ref_map);
    let broken = dir.path().join("dan.json");
    std::fs::write(&broken, "{ not a map").unwrap();
    let mut args = vec!["compare".as_ref(), reference.as_os_str()];
    args.extend(files.iter().map(|f| f.as_os_str()));
    args.push(broken.as_os_str());
    let (code, out) = run(&args);
    assert_eq!(code, Some(2), "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("ann.json") && l.contains("100 %")),
        "{out}"
    );
    assert!(lines.iter().any(|l| l.starts_with("ben.json")), "{out}");
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("dan.json") && l.contains("cannot be read")),
        "{out}"
    );
}

#[test]
fn the_rubric_of_each_hand_in_says_what_is_met() {
    let dir = tempfile::tempdir().unwrap();
    let (_, ref_map) = golz();
    let files = students(dir.path(), &ref_map);
    let args = ["rubric".as_ref(), files[1].as_os_str(), "--json".as_ref()];
    let (code, out) = run(&args);
    assert_eq!(code, Some(0), "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let items = v[0]["rubric"].as_array().unwrap();
    let met = |name: &str| {
        items
            .iter()
            .find(|i| i["criterion"] == name)
            .map(|i| i["met"].as_bool().unwrap())
            .unwrap()
    };
    // Ben turned the only contradiction into support.
    assert!(!met("Contradictions found"));
    let (_, text) = run(&["rubric".as_ref(), files[0].as_os_str()]);
    assert!(
        text.contains("met      Contradictions found: 1 marked"),
        "{text}"
    );
}
