//! The `warrant` command on hostile input and in pipelines: it never blocks on odd files, never
//! writes an export over a map, never lets a map's text drive the terminal, and stops quietly
//! when the reader goes away.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn warrant() -> Command {
    Command::new(env!("CARGO_BIN_EXE_warrant"))
}

fn root(p: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(p)
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
}

#[test]
fn export_refuses_to_write_over_its_map_or_any_map() {
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("homework.json");
    std::fs::copy(root("tests/good-small.json"), &map).unwrap();
    let before = std::fs::read(&map).unwrap();
    let other = dir.path().join("other.json");
    std::fs::copy(root("tests/good-small.json"), &other).unwrap();
    // The map itself, by the same name and by another way to it.
    let same_by_dots = dir.path().join(".").join("homework.json");
    for (out, says) in [
        (&map, "is the map being exported"),
        (&same_by_dots, "is the map being exported"),
        (&other, "is a Warrant map"),
    ] {
        for format in ["svg", "md"] {
            let o = warrant()
                .arg("export")
                .arg(&map)
                .args(["--format", format, "-o"])
                .arg(out)
                .output()
                .unwrap();
            assert_eq!(o.status.code(), Some(2), "{}", out.display());
            let err = String::from_utf8_lossy(&o.stderr);
            assert!(err.contains(says), "{err}");
        }
    }
    assert_eq!(std::fs::read(&map).unwrap(), before, "the map is untouched");
    assert_eq!(std::fs::read(&other).unwrap(), before);
    // An ordinary target is still written.
    let svg = dir.path().join("homework.svg");
    let o = warrant()
        .arg("export")
        .arg(&map)
        .args(["--format", "svg", "-o"])
        .arg(&svg)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert!(std::fs::read_to_string(&svg).unwrap().contains("<svg"));
}

#[cfg(unix)]
#[test]
fn a_fifo_or_a_device_is_refused_as_a_map_or_an_article_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    let fifo_map = dir.path().join("map.json");
    mkfifo(&fifo_map);
    let o = warrant().arg("check").arg(&fifo_map).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("not-a-file") && out.contains("named pipe"),
        "{out}"
    );

    let zero_map = dir.path().join("zero.json");
    std::os::unix::fs::symlink("/dev/zero", &zero_map).unwrap();
    let o = warrant().arg("check").arg(&zero_map).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stdout).contains("a device"));

    let fifo_article = dir.path().join("article.txt");
    mkfifo(&fifo_article);
    let zero_article = dir.path().join("zero.txt");
    std::os::unix::fs::symlink("/dev/zero", &zero_article).unwrap();
    for (article, says) in [(&fifo_article, "named pipe"), (&zero_article, "a device")] {
        let out = dir.path().join("new.json");
        let o = warrant()
            .arg("new")
            .arg(&out)
            .args(["--title", "t"])
            .arg(article)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2));
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(says), "{err}");
        assert!(!out.exists());
    }
}

#[test]
fn check_ends_quietly_when_the_reader_goes_away() {
    // Far more output than a pipe holds, so the writes go on after the reader has gone.
    let files: Vec<PathBuf> = (0..400).map(|_| root("tests/good-small.json")).collect();
    for json in [false, true] {
        let mut cmd = warrant();
        cmd.arg("check");
        if json {
            cmd.arg("--json");
        }
        let mut child = cmd
            .args(&files)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take()); // `| head -0`
        let o = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(!err.contains("panicked"), "{err}");
        assert_ne!(o.status.code(), Some(101), "{err}");
        assert!(err.is_empty(), "quietly: {err}");
    }
}

#[test]
fn check_shows_control_characters_from_a_map_instead_of_obeying_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut map = warrant::io::load(&root("tests/good-small.json")).unwrap();
    // Clear the screen, retitle the terminal, write the clipboard, and reverse the text.
    let hostile = "\x1b[2J\x1b[1A\x1b]0;owned\x07\x1b]52;c;aGk=\x07\u{9b}31m\u{202e}evil";
    for c in &mut map.claims {
        c.text = format!("{hostile} {}", c.text);
    }
    map.title = hostile.into();
    let path = dir.path().join("hostile.json");
    warrant::io::save(&path, &map).unwrap();
    let o = warrant().arg("check").arg(&path).output().unwrap();
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(
        out.contains("\\u{1b}[2J"),
        "the map's text is shown, escaped: {out}"
    );
    for c in ['\x1b', '\x07', '\u{9b}', '\u{202e}'] {
        assert!(!out.contains(c), "{c:?} reached the terminal: {out:?}");
    }
    // The JSON report stays valid JSON with the same text, and holds no raw controls either.
    let o = warrant()
        .args(["check", "--json"])
        .arg(&path)
        .output()
        .unwrap();
    let json = String::from_utf8(o.stdout).unwrap();
    assert!(!json.contains('\u{9b}') && !json.contains('\u{202e}'));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let messages = v.to_string();
    assert!(messages.contains("evil"), "{messages}");
}
