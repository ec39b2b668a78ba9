//! The `warrant` command as a user runs it: exit codes, output, refusing to overwrite.

use std::path::Path;
use std::process::Command;

fn warrant() -> Command {
    Command::new(env!("CARGO_BIN_EXE_warrant"))
}

fn root(p: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(p)
}

#[test]
fn check_exit_codes_say_clean_problems_unreadable() {
    let run = |files: &[&str]| {
        let out = warrant()
            .arg("check")
            .args(files.iter().map(|f| root(f)))
            .output()
            .unwrap();
        (out.status.code(), String::from_utf8(out.stdout).unwrap())
    };
    let (code, out) = run(&["tests/good-small.json"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("2 claims, 1 quote, 2 links (1 supports, 0 opposes, 1 contradicts), 1 source, 1 actor — ok"), "{out}");
    let (code, out) = run(&["tests/good-small.json", "tests/bad/hash-mismatch.json"]);
    assert_eq!(code, Some(1));
    assert!(out.contains("source-hash-mismatch"), "{out}");
    let (code, out) = run(&["tests/bad/hash-mismatch.json", "tests/bad/truncated.json"]);
    assert_eq!(code, Some(2));
    assert!(
        out.contains("invalid-json") && out.contains("truncated.json:"),
        "{out}"
    );
}

#[test]
fn check_json_lists_counts_and_problems_per_file() {
    let out = warrant()
        .args(["check", "--json"])
        .arg(root("tests/good-small.json"))
        .arg(root("tests/bad/quote-mismatch.json"))
        .arg(root("tests/bad/dangling-link.json"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let files = v.as_array().unwrap();
    assert_eq!(files.len(), 3);
    assert_eq!(files[0]["summary"]["claims"], 2);
    assert_eq!(files[0]["summary"]["contradicts"], 1);
    assert_eq!(files[0]["problems"].as_array().unwrap().len(), 0);
    assert_eq!(files[1]["problems"][0]["kind"], "quote-not-found");
    assert!(files[2].get("summary").is_none());
    assert_eq!(files[2]["problems"][0]["kind"], "integrity");
}

#[test]
fn new_makes_an_assignment_and_will_not_overwrite_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("article.txt");
    std::fs::write(
        &article,
        "Why Not Join NATO?\n\nThe announcement by the new security council chairman.\n",
    )
    .unwrap();
    let out = dir.path().join("assignment.json");
    let new = |force: bool| {
        let mut c = warrant();
        c.args(["new"])
            .arg(&out)
            .args(["--title", "Homework 1"])
            .arg(&article);
        if force {
            c.arg("--force");
        }
        c.output().unwrap()
    };
    assert_eq!(new(false).status.code(), Some(0));
    let map = warrant::io::load(&out).unwrap();
    assert_eq!(map.title, "Homework 1");
    assert_eq!(map.sources.len(), 1);
    assert_eq!(map.sources[0].title, "Why Not Join NATO?");
    assert!(map.claims.is_empty());
    let refused = new(false);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--force"));
    assert_eq!(new(true).status.code(), Some(0));
    assert!(warrant::io::backup_path(&out).exists());
    // A bad article is refused with its reason and nothing is written.
    let pdf = dir.path().join("x.pdf");
    std::fs::write(&pdf, "%PDF").unwrap();
    let o = warrant()
        .args(["new"])
        .arg(dir.path().join("other.json"))
        .args(["--title", "t"])
        .arg(&pdf)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("this PDF is damaged"));
    assert!(!dir.path().join("other.json").exists());
}
