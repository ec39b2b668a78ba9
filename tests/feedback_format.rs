//! A teacher's comments are kept in the map file; files without them read and write as before.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use warrant::edit::{apply_all, ops};
use warrant::model::{LinkId, NodeId, Target};

#[test]
fn comments_on_cards_and_links_round_trip_and_older_files_are_unchanged() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("maps/golz-1996-why-not-join-nato.json");
    let original = std::fs::read_to_string(&path).unwrap();
    let mut map = warrant::io::load(&path).unwrap();
    assert!(map.comments.is_empty());
    let dir = tempfile::tempdir().unwrap();
    // No comments: the file is written exactly as before (no "comments" key).
    let plain = dir.path().join("plain.json");
    warrant::io::save(&plain, &map).unwrap();
    assert_eq!(std::fs::read_to_string(&plain).unwrap(), original);

    for (on, text) in [
        (
            Target::Node(NodeId::from("c3")),
            "Which quote shows the cost?",
        ),
        (
            Target::Link(LinkId::from("l9")),
            "Yes: this is the contradiction.",
        ),
    ] {
        let edits = ops::set_comment(&map, &on, text);
        apply_all(&mut map, edits).unwrap();
    }
    let marked = dir.path().join("marked.json");
    warrant::io::save(&marked, &map).unwrap();
    let json = std::fs::read_to_string(&marked).unwrap();
    assert!(
        json.contains(r#""on": {"#) && json.contains(r#""link": "l9""#),
        "{json}"
    );
    let back = warrant::io::load(&marked).unwrap();
    assert_eq!(back.comments, map.comments);
    assert_eq!(back.comments[1].text, "Yes: this is the contradiction.");

    // A comment on something the file does not have is kept, not refused.
    let dangling = json.replace(r#""link": "l9""#, r#""link": "l999""#);
    let file = dir.path().join("dangling.json");
    std::fs::write(&file, dangling).unwrap();
    assert_eq!(warrant::io::load(&file).unwrap().comments.len(), 2);
}

#[test]
fn the_markdown_handout_gives_the_feedback_under_what_it_is_on() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("maps/golz-1996-why-not-join-nato.json");
    let mut map = warrant::io::load(&path).unwrap();
    let settings = warrant::export::markdown::MarkdownSettings::default();
    let before = warrant::export::markdown::map_to_markdown(&map, &settings).unwrap();
    assert!(!before.contains("## Feedback"));
    for (on, text) in [
        (
            Target::Node(NodeId::from("c3")),
            "Which quote shows the cost?",
        ),
        (
            Target::Link(LinkId::from("l9")),
            "Yes: this is the *contradiction*.",
        ),
    ] {
        let edits = ops::set_comment(&map, &on, text);
        apply_all(&mut map, edits).unwrap();
    }
    let md = warrant::export::markdown::map_to_markdown(&map, &settings).unwrap();
    let feedback = &md[md.find("## Feedback").unwrap()..];
    assert!(
        feedback.contains("- **On “A military answer, such as tactical nuclear missiles on the border, would leave Russia isolated, to its own cost.”:** Which quote shows the cost?"),
        "{feedback}"
    );
    assert!(feedback.contains("*contradicts*"), "{feedback}");
    assert!(
        feedback.contains(r"this is the \*contradiction\*."),
        "{feedback}"
    );
}

fn golz() -> (std::path::PathBuf, warrant::model::Map) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("maps/golz-1996-why-not-join-nato.json");
    let map = warrant::io::load(&path).unwrap();
    (path, map)
}

#[test]
fn rubric_marks_round_trip_and_warrant_rubric_shows_them() {
    let (_, mut map) = golz();
    let edits = ops::set_rubric_mark(&map, "contradictions", Some(false), "Find the second one.");
    apply_all(&mut map, edits).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("marked.json");
    warrant::io::save(&file, &map).unwrap();
    let json = std::fs::read_to_string(&file).unwrap();
    assert!(json.contains(r#""criterion": "contradictions""#), "{json}");
    assert_eq!(warrant::io::load(&file).unwrap().rubric, map.rubric);

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_warrant"))
        .args(["rubric".as_ref(), file.as_os_str()])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("not met  Contradictions found: 1 marked\n           set by the teacher (computed: met)\n           teacher's note: Find the second one."),
        "{text}"
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_warrant"))
        .args(["rubric".as_ref(), file.as_os_str(), "--json".as_ref()])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let item = &v[0]["rubric"][2];
    assert_eq!(item["key"], "contradictions");
    assert_eq!(
        (&item["met"], &item["computed"], &item["by_teacher"]),
        (
            &serde_json::json!(false),
            &serde_json::json!(true),
            &serde_json::json!(true)
        )
    );
}

#[test]
fn exports_badge_commented_cards_and_links_and_the_outline_ends_with_the_rubric() {
    let (_, mut map) = golz();
    let settings = warrant::export::svg::SvgSettings::default();
    let before = warrant::export::svg::map_to_svg(&map, &settings).unwrap();
    assert!(!before.contains("comment-badge"));
    for (on, text) in [
        (Target::Node(NodeId::from("c3")), "Which quote?"),
        (Target::Node(NodeId::from("c3")), "Cite it."),
        (Target::Link(LinkId::from("l9")), "Yes."),
    ] {
        // A second comment on one card: `set_comment` edits the first, so add it as an item.
        let mut edits = ops::set_comment(&map, &on, text);
        if map.comments_on(&on).next().is_some() {
            edits = vec![warrant::edit::Edit::Insert {
                index: usize::MAX,
                item: warrant::edit::Item::Comment(warrant::model::Comment {
                    id: map.new_comment_id(),
                    on: on.clone(),
                    text: text.into(),
                }),
            }];
        }
        apply_all(&mut map, edits).unwrap();
    }
    let svg = warrant::export::svg::map_to_svg(&map, &settings).unwrap();
    assert!(
        svg.contains("<title>2 comments from the teacher</title>"),
        "card c3"
    );
    assert!(
        svg.contains("<title>1 comment from the teacher</title>"),
        "link l9"
    );
    // The card's badge sits on its top edge: after the card in the file, drawn over it.
    assert!(svg.find("comment-badge") > svg.find("id=\"card-c3\""));

    let md = warrant::export::markdown::map_to_markdown(
        &map,
        &warrant::export::markdown::MarkdownSettings::default(),
    )
    .unwrap();
    let rubric = &md[md.find("## Rubric").unwrap()..];
    assert!(
        rubric.contains("- **Met:** Contradictions found — 1 marked"),
        "{rubric}"
    );
    assert!(md.find("## Feedback") < md.find("## Rubric"));
}

/// A rubric note and a comment written on several lines, with a paragraph break.
const NOTE: &str =
    "Quote the end too.\nThe last paragraph answers the title.\n\nSee me after class.";

/// The Golz map with a note of several lines on coverage, saved in `dir`.
fn marked_with_a_long_note(dir: &Path) -> std::path::PathBuf {
    let (_, mut map) = golz();
    let edits = ops::set_rubric_mark(&map, "coverage", Some(false), NOTE);
    apply_all(&mut map, edits).unwrap();
    let edits = ops::set_comment(
        &map,
        &Target::Node(NodeId::from("c3")),
        "Good.\nNow cite it.",
    );
    apply_all(&mut map, edits).unwrap();
    let file = dir.join("marked.json");
    warrant::io::save(&file, &map).unwrap();
    file
}

fn warrant(args: &[&std::ffi::OsStr]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_warrant"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_note_of_several_lines_keeps_them_in_the_markdown_the_pdf_and_warrant_rubric() {
    let dir = tempfile::tempdir().unwrap();
    let file = marked_with_a_long_note(dir.path());
    assert_eq!(
        warrant::io::load(&file).unwrap().rubric[0].note,
        NOTE,
        "kept as written"
    );

    // Markdown: hard line breaks inside the list item, a blank line between paragraphs.
    let map = warrant::io::load(&file).unwrap();
    let settings = warrant::export::markdown::MarkdownSettings::default();
    let md = warrant::export::markdown::map_to_markdown(&map, &settings).unwrap();
    assert!(
        md.contains("computed: met)*\\\n  **Teacher's note:** Quote the end too.\\\n  The last paragraph answers the title.\n\n  See me after class.\n"),
        "{md}"
    );
    assert!(md.contains(":** Good.\\\n  Now cite it.\n"), "{md}");

    // `warrant rubric`: the lines after the first under it.
    let text = warrant(&["rubric".as_ref(), file.as_os_str()]);
    assert!(
        text.contains("           teacher's note: Quote the end too.\n                           The last paragraph answers the title.\n\n                           See me after class.\n"),
        "{text}"
    );

    // The PDF handout, read back by poppler: each line of the note on a line of its own, in
    // order, and no Markdown left in the type.
    let pdf = dir.path().join("marked.pdf");
    warrant(&[
        "export".as_ref(),
        file.as_os_str(),
        "--format".as_ref(),
        "pdf".as_ref(),
        "-o".as_ref(),
        pdf.as_os_str(),
    ]);
    let out = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) must be installed: apt-get install -y poppler-utils");
    let text = String::from_utf8(out.stdout).unwrap();
    let page = &text[text.find("Feedback and rubric").unwrap()..];
    let lines: Vec<&str> = page.lines().map(str::trim).collect();
    let at = |l: &str| {
        lines
            .iter()
            .position(|x| *x == l)
            .unwrap_or_else(|| panic!("no line {l:?} in:\n{page}"))
    };
    let (first, second, third) = (
        at("Teacher's note: Quote the end too."),
        at("The last paragraph answers the title."),
        at("See me after class."),
    );
    assert!(first < second && second < third, "{page}");
    let good = lines.iter().position(|l| l.ends_with(": Good.")).unwrap();
    assert_eq!(at("Now cite it."), good + 1, "{page}");
    assert!(!page.contains('\\'), "{page}");
}
