//! Every story step of the sample maps, as the presentation shows it on a 1920×1080 projector
//! (`warrant export --step N --size 1920x1080` draws the same frame): card text readable from the
//! back row and no card cut off. Measured on the pure frame, and once from outside with librsvg
//! and poppler on the exported SVG.

#![allow(clippy::unwrap_used)]

use std::collections::HashSet;
use std::path::Path;
use std::process::Command;
use warrant::export::style::contrast;
use warrant::export::{Format, render_frame};
use warrant::frame::{FrameSettings, GOOD_TEXT_BOX, MIN_TEXT_BOX, frame};
use warrant::model::NodeId;

mod common;
use common::tools::sample_maps;

/// The most new cards a step may reveal (the sample stories keep to it).
const MAX_NEW: usize = 7;

#[test]
fn every_sample_step_reads_from_the_back_row_with_nothing_cut_off() {
    let maps = sample_maps();
    assert_eq!(maps.len(), 6);
    let (mut frames, mut large) = (0, 0);
    for path in maps {
        let map = warrant::io::load(&path).unwrap();
        let steps = warrant::story::steps(&map);
        assert!(!steps.is_empty());
        let mut seen: HashSet<NodeId> = HashSet::new();
        for (k, step) in steps.iter().enumerate() {
            let f = frame(&map, &steps, k, &FrameSettings::screen(1920.0, 1080.0));
            let name = format!("{} step {}", path.display(), k + 1);
            assert!(f.all_inside(), "{name}: a card is cut off");
            let shown: HashSet<&NodeId> = f.cards.iter().map(|c| &c.id).collect();
            for id in step.show.iter().chain(&step.focus) {
                assert!(shown.contains(id), "{name}: {id} is not shown");
            }
            let new = step
                .show
                .iter()
                .chain(&step.focus)
                .filter(|id| !seen.contains(*id))
                .collect::<HashSet<_>>()
                .len();
            seen.extend(step.show.iter().chain(&step.focus).cloned());
            // A step revealing more than the stories allow is the story's to split; it is still
            // drawn whole, smaller.
            if new <= MAX_NEW {
                assert!(
                    f.smallest_text_box() >= MIN_TEXT_BOX,
                    "{name}: card text {:.1} px high",
                    f.smallest_text_box()
                );
                frames += 1;
                if f.body_text_box() >= GOOD_TEXT_BOX - 1e-3 {
                    large += 1;
                }
            }
        }
    }
    // Most card text (every card's main text, in at least three frames in four) is 30 px or more.
    assert!(
        large * 4 >= frames * 3,
        "{large} of {frames} frames have 30 px text"
    );
}

/// `#rrggbb` as red, green, blue.
fn rgb(hex: &str) -> [u8; 3] {
    let v = |i: usize| u8::from_str_radix(&hex[1 + 2 * i..3 + 2 * i], 16).unwrap();
    [v(0), v(1), v(2)]
}

/// The value of attribute `name` in the element text `el`.
fn attr<'a>(el: &'a str, name: &str) -> Option<&'a str> {
    let at = el.find(&format!(" {name}=\""))? + name.len() + 3;
    el[at..].split('"').next()
}

/// Every text of an exported frame with the colour behind it, weighted by its characters:
/// the title on the screen, a card's text on the card, an actor's name on its chip.
fn text_on_background(svg: &str) -> Vec<([u8; 3], [u8; 3], usize)> {
    let screen = rgb(attr(svg.split("<rect ").nth(1).unwrap(), "fill").unwrap());
    let mut out = Vec::new();
    let chars = |el: &str| {
        el.split('<')
            .filter_map(|part| part.split_once('>').map(|(_, t)| t.chars().count()))
            .sum::<usize>()
    };
    let (head, cards) = svg.split_once("<g class=\"cards\">").unwrap();
    for el in head.split("<text ").skip(1) {
        let el = el.split("</text>").next().unwrap();
        out.push((rgb(attr(el, "fill").unwrap()), screen, chars(el)));
    }
    for card in cards.split("<g class=\"card ").skip(1) {
        let card = card.split("</g>").next().unwrap();
        let mut behind = None;
        let mut card_fill = None;
        for el in card.split('<').skip(1) {
            if el.starts_with("rect ") {
                let fill = attr(el, "fill").filter(|f| f.starts_with('#')).map(rgb);
                card_fill = card_fill.or(fill);
                behind = fill;
            } else if el.starts_with("text ") {
                let on_chip = el.contains("class=\"small chip\"");
                let bg = if on_chip { behind } else { card_fill }.unwrap();
                let text = card.split_at(card.find(el).unwrap()).1;
                let text = text.split("</text>").next().unwrap();
                out.push((rgb(attr(el, "fill").unwrap()), bg, chars(text)));
            }
        }
    }
    out
}

#[test]
fn exported_frames_in_both_themes_have_aa_contrast_everywhere_and_mostly_aaa() {
    let memo = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("maps/memo-2008-russia-nato-mutually-exclusive-arguments.json");
    let map = warrant::io::load(&memo).unwrap();
    let steps = warrant::story::steps(&map).len();
    for dark in [false, true] {
        let (mut all, mut aaa) = (0, 0);
        for k in 0..steps {
            let svg = render_frame(&map, Format::Svg, k, (1920.0, 1080.0), dark).unwrap();
            let svg = String::from_utf8(svg).unwrap();
            let texts = text_on_background(&svg);
            assert!(texts.len() > 5, "step {}: {} texts", k + 1, texts.len());
            for (fg, bg, n) in texts {
                let c = contrast(fg, bg);
                assert!(
                    c >= 4.5,
                    "dark {dark}, step {}: {fg:?} on {bg:?} is {c:.2}:1",
                    k + 1
                );
                all += n;
                if c >= 7.0 {
                    aaa += n;
                }
            }
        }
        assert!(
            aaa * 10 >= all * 9,
            "dark {dark}: {aaa} of {all} characters at 7:1"
        );
    }
}

/// The word boxes poppler finds in the PDF librsvg makes of the exported SVG, in pixels.
fn word_boxes(svg: &Path) -> Option<Vec<(String, [f32; 4])>> {
    let pdf = svg.with_extension("pdf");
    let ok = Command::new("rsvg-convert")
        .args(["-f", "pdf", "-o"])
        .arg(&pdf)
        .arg(svg)
        .status()
        .ok()?
        .success();
    assert!(ok, "rsvg-convert failed");
    let out = Command::new("pdftotext")
        .args(["-bbox"])
        .arg(&pdf)
        .arg("-")
        .output()
        .ok()?;
    let html = String::from_utf8_lossy(&out.stdout).into_owned();
    // rsvg-convert writes 96 px to the inch, PDF counts 72 points.
    let px = 96.0 / 72.0;
    let attr = |w: &str, name: &str| -> f32 {
        let at = w.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        w[at..].split('"').next().unwrap().parse::<f32>().unwrap() * px
    };
    Some(
        html.split("<word ")
            .skip(1)
            .map(|w| {
                let text = w
                    .split('>')
                    .nth(1)
                    .unwrap_or("")
                    .split('<')
                    .next()
                    .unwrap_or("");
                (
                    text.to_owned(),
                    [
                        attr(w, "xMin"),
                        attr(w, "yMin"),
                        attr(w, "xMax"),
                        attr(w, "yMax"),
                    ],
                )
            })
            .collect(),
    )
}

#[test]
fn an_exported_frame_measured_with_librsvg_and_poppler() {
    let dir = tempfile::tempdir().unwrap();
    let memo = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("maps/memo-2008-russia-nato-mutually-exclusive-arguments.json");
    let svg = dir.path().join("step2.svg");
    let status = Command::new(env!("CARGO_BIN_EXE_warrant"))
        .args([
            "export",
            "--format",
            "svg",
            "--step",
            "2",
            "--size",
            "1920x1080",
            "-o",
        ])
        .arg(&svg)
        .arg(&memo)
        .status()
        .unwrap();
    assert!(status.success());
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.contains("width=\"1920\" height=\"1080\""));
    // Each card a group whose first child is its rectangle.
    for group in text.split("<g class=\"card ").skip(1) {
        let body = group.split_once('>').unwrap().1.trim_start();
        assert!(
            body.starts_with("<rect "),
            "{}",
            &body[..40.min(body.len())]
        );
    }
    let Some(words) = word_boxes(&svg) else {
        eprintln!("rsvg-convert or pdftotext missing: skipped");
        return;
    };
    assert!(words.len() > 50, "{} words", words.len());
    let title = "Partner";
    for (word, [x0, y0, x1, y1]) in &words {
        assert!(
            *x0 >= 0.0 && *y0 >= 0.0 && *x1 <= 1920.0 && *y1 <= 1080.0,
            "{word} off the frame"
        );
        if word != title {
            assert!(
                y1 - y0 >= MIN_TEXT_BOX - 0.5,
                "{word}: {} px ({x0} {y0} {x1} {y1})",
                y1 - y0
            );
        }
    }
    // Most of the cards' words (below the title band) are 30 px or more.
    let mut heights: Vec<f32> = words
        .iter()
        .filter(|(_, b)| b[1] > 80.0)
        .map(|(_, b)| b[3] - b[1])
        .collect();
    heights.sort_by(f32::total_cmp);
    let median = heights[heights.len() / 2];
    assert!(median >= GOOD_TEXT_BOX - 0.5, "median word {median} px");
}

#[test]
fn a_png_frame_has_exactly_the_pixels_asked_for_and_bad_sizes_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let memo = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("maps/memo-2008-russia-nato-mutually-exclusive-arguments.json");
    let png = dir.path().join("slide.png");
    let run = |args: &[&str], out: &Path| {
        Command::new(env!("CARGO_BIN_EXE_warrant"))
            .arg("export")
            .args(args)
            .arg("-o")
            .arg(out)
            .arg(&memo)
            .output()
            .unwrap()
    };
    let ok = run(
        &["--format", "png", "--step", "3", "--size", "1280x720"],
        &png,
    );
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let bytes = std::fs::read(&png).unwrap();
    // The PNG header: width and height, big-endian, after the IHDR tag.
    let side = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    assert_eq!((side(16), side(20)), (1280, 720));
    // The dark projector theme: a near-black screen.
    let dark = dir.path().join("dark.svg");
    let ok = run(
        &[
            "--format", "svg", "--step", "3", "--size", "1280x720", "--theme", "dark",
        ],
        &dark,
    );
    assert!(ok.status.success());
    let svg = std::fs::read_to_string(&dark).unwrap();
    assert!(svg.contains("width=\"1280\" height=\"720\" fill=\"#0d0f12\""));
    for bad in [
        vec!["--format", "svg", "--step", "3", "--theme", "dark"],
        vec!["--format", "pdf", "--step", "3", "--size", "1920x1080"],
        vec!["--format", "png", "--size", "1920x1080"],
        vec!["--format", "png", "--step", "99", "--size", "1920x1080"],
        vec!["--format", "svg", "--step", "1", "--size", "wide"],
        vec![
            "--format",
            "png",
            "--step",
            "1",
            "--size",
            "1920x1080",
            "--scale",
            "2",
        ],
    ] {
        let out = run(&bad, &dir.path().join("x"));
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        assert!(!String::from_utf8_lossy(&out.stderr).is_empty());
    }
}
