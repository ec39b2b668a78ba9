//! Handouts measured from outside: the real `warrant export --format pdf` (with and without
//! `--story`, tiled and as outline) of every sample map, read back by poppler's `pdftotext -bbox`.
//! Every word must be set at 7.5 pt or more, a step's pages must show that step's cards (not the
//! whole map), and a map too big for a page must still be all there. poppler-utils is required:
//! without `pdftotext` these tests fail rather than pass unseen.

#![allow(clippy::unwrap_used)] // helpers of tests: failing loudly is right

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use warrant::export::{PdfSettings, map_to_pdf};
use warrant::model::{Map, NodeId};

mod common;

fn root(p: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(p)
}

fn samples() -> Vec<PathBuf> {
    let maps = common::tools::sample_maps();
    assert_eq!(maps.len(), 6, "{maps:?}");
    maps
}

/// A word pdftotext found: its page (from 0), height in points and text.
#[derive(Debug)]
struct Word {
    page: usize,
    height: f32,
    text: String,
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The words of a PDF with their boxes, by `pdftotext -bbox`.
fn words(pdf: &Path) -> (usize, Vec<Word>) {
    let out = Command::new("pdftotext")
        .arg("-bbox")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) must be installed: apt-get install -y poppler-utils");
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        pdf.display()
    );
    let html = String::from_utf8(out.stdout).unwrap();
    let attr = |tag: &str, name: &str| -> f32 {
        let at = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        tag[at..at + tag[at..].find('"').unwrap()].parse().unwrap()
    };
    let mut words = Vec::new();
    let pages = html.split("<page ").skip(1).collect::<Vec<_>>();
    for (page, body) in pages.iter().enumerate() {
        for w in body.split("<word ").skip(1) {
            let end = w.find('>').unwrap();
            let tag = &w[..end];
            let text = unescape(&w[end + 1..w.find("</word>").unwrap()]);
            words.push(Word {
                page,
                height: attr(tag, "yMax") - attr(tag, "yMin"),
                text,
            });
        }
    }
    (pages.len(), words)
}

fn export(map: &Path, out: &Path, extra: &[&str]) {
    let status = Command::new(env!("CARGO_BIN_EXE_warrant"))
        .arg("export")
        .arg(map)
        .args(["--format", "pdf", "-o"])
        .arg(out)
        .args(extra)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "export {} {extra:?}: {}",
        map.display(),
        String::from_utf8_lossy(&status.stderr)
    );
}

/// pdftotext's word box is as high as the type's size in points (checked on our headings, set
/// at known sizes); a little slack for rounding.
const MIN_HEIGHT: f32 = 7.5 - 0.02;

fn assert_readable(what: &str, words: &[Word]) {
    assert!(words.len() > 100, "{what}: only {} words", words.len());
    let small: Vec<&Word> = words.iter().filter(|w| w.height < MIN_HEIGHT).collect();
    assert!(
        small.is_empty(),
        "{what}: {} words under 7.5 pt, e.g. {:?}",
        small.len(),
        &small[..small.len().min(5)]
    );
}

/// The page's words joined, to look for a card's whole text in.
fn page_text(words: &[Word], page: usize) -> String {
    words
        .iter()
        .filter(|w| w.page == page)
        .map(|w| w.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_word_of_every_sample_handout_is_at_least_7_5_pt() {
    let dir = tempfile::tempdir().unwrap();
    for map in samples() {
        let name = map.file_stem().unwrap().to_string_lossy().into_owned();
        for extra in [&[][..], &["--story"], &["--story", "--pages", "outline"]] {
            let out = dir.path().join(format!("{name}.pdf"));
            export(&map, &out, extra);
            let (pages, words) = words(&out);
            assert!(pages >= 1);
            assert_readable(&format!("{name} {extra:?}"), &words);
        }
    }
}

#[test]
fn a_step_page_shows_that_steps_cards_not_the_whole_map() {
    let dir = tempfile::tempdir().unwrap();
    for path in samples() {
        let map: Map = warrant::io::load(&path).unwrap();
        if map.story.is_empty() {
            continue;
        }
        let out = dir.path().join("story.pdf");
        export(&path, &out, &["--story", "--pages", "outline"]);
        let (pages, words) = words(&out);
        let texts: Vec<String> = (0..pages).map(|p| page_text(&words, p)).collect();
        let n = map.story.len();
        for (i, step) in map.story.iter().enumerate() {
            let head = format!("Step {} of {n}", i + 1);
            let on: Vec<usize> = (0..pages).filter(|&p| texts[p].contains(&head)).collect();
            assert!(!on.is_empty(), "{}: no page for {head}", path.display());
            let mine: HashSet<&NodeId> = step.show.iter().chain(&step.focus).collect();
            let shown: HashSet<&NodeId> = map.story[..=i]
                .iter()
                .flat_map(|s| s.show.iter().chain(&s.focus))
                .collect();
            for c in &map.claims {
                let t = flat(&c.text);
                let found = on.iter().any(|&p| texts[p].contains(&t));
                if mine.contains(&c.id) {
                    assert!(found, "{}: {head} lacks its claim {}", path.display(), c.id);
                } else if !shown.contains(&c.id) {
                    // A card not yet revealed is not on the page.
                    assert!(
                        !found,
                        "{}: {head} shows the later claim {}",
                        path.display(),
                        c.id
                    );
                }
            }
        }
    }
}

#[test]
fn a_map_too_big_for_a_page_is_tiled_or_outlined_with_every_claim_on_paper() {
    let dir = tempfile::tempdir().unwrap();
    let path = root("maps/russia-nato-1996-2022-debate.json");
    let map: Map = warrant::io::load(&path).unwrap();
    for mode in ["tile", "outline"] {
        let out = dir.path().join(format!("{mode}.pdf"));
        export(&path, &out, &["--pages", mode]);
        let (pages, words) = words(&out);
        assert!(pages > 1, "{mode}: the debate map on one readable page?");
        let all = page_text(&words, usize::MAX).len(); // nothing on a page that does not exist
        assert_eq!(all, 0);
        let texts: Vec<String> = (0..pages).map(|p| page_text(&words, p)).collect();
        for c in &map.claims {
            let t = flat(&c.text);
            // Tiled, a card cut by a page edge is whole on the page that overlaps it; outlined,
            // each claim is a paragraph.
            let first_words: String = t.split(' ').take(4).collect::<Vec<_>>().join(" ");
            assert!(
                texts.iter().any(|p| p.contains(&first_words)),
                "{mode}: claim {} ({first_words}) is on no page",
                c.id
            );
        }
        if mode == "tile" {
            assert!(texts[0].contains("printed on pages 2 to"), "{}", texts[0]);
        }
    }
}

/// Counts the page objects of a PDF.
fn page_count(pdf: &[u8]) -> usize {
    let needle = b"/Type /Page";
    pdf.windows(needle.len() + 1)
        .filter(|w| &w[..needle.len()] == needle && w[needle.len()] != b's')
        .count()
}

#[test]
fn a_huge_title_and_a_huge_claim_give_a_bounded_readable_handout() {
    let mut map: Map = warrant::io::load(&root("maps/golz-1996-why-not-join-nato.json")).unwrap();
    map.title = "Title ".repeat(350_000); // 2.1 MB
    map.claims[0].text = "claim ".repeat(200_000); // 1.2 MB
    map.story[0].note = "note ".repeat(400_000);
    let settings = PdfSettings {
        story_pages: true,
        ..PdfSettings::default()
    };
    let pdf = map_to_pdf(&map, &settings).unwrap();
    let pages = page_count(&pdf);
    assert!(pages > map.story.len(), "{pages}");
    assert!(pages <= 300, "{pages} pages");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("huge.pdf");
    std::fs::write(&out, &pdf).unwrap();
    let (_, words) = words(&out);
    assert_readable("huge", &words);
    // The title is cut to two lines, not 350,000 words.
    let titles = words.iter().filter(|w| w.text == "Title").count();
    assert!(titles < 200 * pages, "{titles} title words");
}

/// File → Export…: the teacher chooses the outline for a map too big for a page; the handout
/// is written so, and the choice is remembered.
#[test]
fn the_export_dialog_offers_tiles_or_the_outline() {
    use egui::{Key, Modifiers};
    use egui_kittest::kittest::Queryable as _;

    let dir = tempfile::tempdir().unwrap();
    let map: Map = warrant::io::load(&root("maps/russia-nato-1996-2022-debate.json")).unwrap();
    let mut h = common::app::started(map, Some(dir.path()));
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::E);
    h.run();
    h.get_by_label("PDF handout").click();
    h.run();
    h.get_by_label("As its outline (text pages)").click();
    h.run();
    h.get_by_label("Choose file and export…").click();
    let out = dir.path().join("handout.pdf");
    common::steps::type_path(&mut h, &out);
    assert_eq!(
        h.state().settings().export.pages,
        warrant::export::PageMode::Outline
    );
    let (pages, words) = words(&out);
    assert!(pages > 1);
    assert_readable("dialog outline", &words);
    let all: String = (0..pages)
        .map(|p| page_text(&words, p))
        .collect::<Vec<_>>()
        .join(" ");
    // The outline's headings, not a drawing.
    assert!(all.contains("Thesis:"), "{}", &all[..all.len().min(400)]);
    assert!(!all.contains("printed on pages"));
}
