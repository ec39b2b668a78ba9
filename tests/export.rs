//! Exports: the SVG parses and renders with every card visible and every claim's text in it;
//! story steps and selections draw what they should; the PDF is a PDF; the Markdown outline of a
//! sample map is snapshot-tested; `warrant export` writes each format and refuses nonsense.

#![allow(clippy::unwrap_used)] // helpers of tests: failing loudly is right

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use warrant::edit::{apply_all, ops};
use warrant::export::{
    MarkdownSettings, PdfSettings, PngSettings, Scope, SvgError, SvgSettings, map_to_markdown,
    map_to_pdf, map_to_svg, parse_svg,
};
use warrant::layout::{LayoutSettings, card::card_size};
use warrant::model::{Map, NodeId, Relation};

fn root(p: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(p)
}

fn sample(name: &str) -> Map {
    warrant::io::load(&root("maps").join(name)).unwrap()
}

const MEMO: &str = "memo-2008-russia-nato-mutually-exclusive-arguments.json";
const GOLZ: &str = "golz-1996-why-not-join-nato.json";

fn tidied(map: &Map) -> Map {
    let mut m = map.clone();
    apply_all(
        &mut m,
        ops::tidy(map, &LayoutSettings::default(), &card_size),
    )
    .unwrap();
    m
}

/// Undoes XML escaping, enough to compare text.
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The text of the SVG's `<tspan>`s, per `<text>`, lines joined by spaces.
fn svg_texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .map(|t| {
            let body = &t[..t.find("</text>").unwrap()];
            let lines: Vec<String> = body
                .split("<tspan")
                .skip(1)
                .map(|s| {
                    let s = &s[s.find('>').unwrap() + 1..];
                    unescape(&s[..s.find("</tspan>").unwrap()])
                })
                .collect();
            lines.join(" ")
        })
        .collect()
}

#[test]
fn svg_renders_every_card_and_holds_every_claims_text() {
    let map = tidied(&sample(MEMO));
    let svg = map_to_svg(&map, &SvgSettings::default()).unwrap();
    let tree = parse_svg(&svg).unwrap();
    let (w, h) = (tree.size().width() as u32, tree.size().height() as u32);
    let mut pixmap = resvg::tiny_skia::Pixmap::new(w, h).unwrap();
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::default(),
        &mut pixmap.as_mut(),
    );

    // Text is drawn: the bundled font was found (resvg silently skips text it has no font for).
    let dark = pixmap
        .pixels()
        .iter()
        .filter(|p| u32::from(p.red()) + u32::from(p.green()) + u32::from(p.blue()) < 200)
        .count();
    assert!(dark > 10_000, "only {dark} dark pixels: no text?");

    // Every card is on the image: its middle is not the background.
    let background = pixmap.pixel(2, 2).unwrap();
    let (off_x, off_y) = offset(&svg);
    for n in map.nodes() {
        let s = card_size(n);
        // A bit left of centre and near the top: inside the card, on its fill or text.
        let x = (n.pos().x + off_x + 20.0) as u32;
        let y = (n.pos().y + off_y + 4.0) as u32;
        let p = pixmap.pixel(x, y).unwrap();
        assert_ne!(p, background, "card {} not drawn at ({x}, {y})", n.id());
        let c = pixmap
            .pixel(
                (n.pos().x + off_x + s.w / 2.0) as u32,
                (n.pos().y + off_y + s.h / 2.0) as u32,
            )
            .unwrap();
        assert_ne!(c, background, "card {} centre is background", n.id());
    }

    let texts = svg_texts(&svg);
    for c in &map.claims {
        let flat = c.text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(texts.contains(&flat), "claim {} text missing", c.id);
    }
}

/// The translation the SVG applies to map coordinates.
fn offset(svg: &str) -> (f32, f32) {
    let t = &svg[svg.find("translate(").unwrap() + 10..];
    let t = &t[..t.find(')').unwrap()];
    let mut it = t.split_whitespace().map(|v| v.parse::<f32>().unwrap());
    (it.next().unwrap(), it.next().unwrap())
}

#[test]
fn a_story_step_shows_what_was_revealed_and_rings_its_focus() {
    let map = tidied(&sample(GOLZ));
    let svg = map_to_svg(
        &map,
        &SvgSettings {
            scope: Scope::Step(1),
            ..SvgSettings::default()
        },
    )
    .unwrap();
    let shown: HashSet<&NodeId> = map.story[..=1]
        .iter()
        .flat_map(|s| s.show.iter().chain(&s.focus))
        .collect();
    for n in map.nodes() {
        let drawn = svg.contains(&format!("id=\"card-{}\"", n.id()));
        assert_eq!(drawn, shown.contains(n.id()), "card {}", n.id());
    }
    assert!(svg.contains("Step 2 of 11"));
    assert!(svg.contains("opacity=\"0.45\""), "earlier steps are dimmed");
    parse_svg(&svg).unwrap();
    assert_eq!(
        map_to_svg(
            &map,
            &SvgSettings {
                scope: Scope::Step(11),
                ..SvgSettings::default()
            }
        ),
        Err(SvgError::NoSuchStep {
            step: 12,
            count: 11
        })
    );
}

/// Slide tools and the checks of issue 11 find a card by its group and read its box from the
/// group's first child: that must be the card itself, not the ring round a focused card.
#[test]
fn each_card_group_starts_with_the_cards_own_filled_rectangle() {
    let map = sample("golz-1996-why-not-join-nato.json");
    let focused = (0..map.story.len())
        .find(|&k| !map.story[k].focus.is_empty())
        .expect("a step with a focus");
    let svg = map_to_svg(
        &map,
        &SvgSettings {
            scope: Scope::Step(focused),
            ..SvgSettings::default()
        },
    )
    .unwrap();
    let mut groups = 0;
    for (at, _) in svg.match_indices("id=\"card-") {
        let rest = &svg[at..];
        let child = rest[rest.find('>').unwrap() + 1..].trim_start();
        assert!(
            child.starts_with("<rect"),
            "{}",
            &child[..60.min(child.len())]
        );
        let tag = &child[..child.find("/>").unwrap()];
        assert!(!tag.contains("fill=\"none\""), "a ring comes first: {tag}");
        groups += 1;
    }
    assert!(groups > map.story[focused].focus.len());
}

#[test]
fn a_selection_draws_only_its_cards_and_the_links_among_them() {
    let map = sample(GOLZ);
    let sel: HashSet<NodeId> = ["c1", "c2", "c3"].iter().map(|&s| s.into()).collect();
    let svg = map_to_svg(
        &map,
        &SvgSettings {
            scope: Scope::Selection(sel),
            ..SvgSettings::default()
        },
    )
    .unwrap();
    assert_eq!(svg.matches("<g class=\"card ").count(), 3);
    // c2 and c3 both support c1; the legend draws one of each relation besides.
    assert_eq!(svg.matches("<g class=\"link supports\"").count(), 2 + 1);
}

/// A concession is drawn as its own kind of line (dotted, open head) and named in the legend.
#[test]
fn a_qualification_is_drawn_distinctly_and_in_the_legend() {
    let mut map = sample(GOLZ);
    let before = map_to_svg(&map, &SvgSettings::default()).unwrap();
    assert!(before.contains("<text class=\"legend\"") && before.contains(">qualifies</text>"));
    let n = before.matches("<g class=\"link qualifies\"").count();
    let i = map
        .links
        .iter()
        .position(|l| l.relation == Relation::Opposes && map.claim(&l.from).is_some())
        .unwrap();
    map.links[i].relation = Relation::Qualifies;
    let svg = map_to_svg(&map, &SvgSettings::default()).unwrap();
    parse_svg(&svg).unwrap();
    let drawn: Vec<&str> = svg.split("<g class=\"link qualifies\"").skip(1).collect();
    assert_eq!(drawn.len(), n + 1);
    for g in drawn {
        let g = &g[..g.find("</g>").unwrap()];
        assert!(g.contains("stroke-dasharray"), "{g}");
        // An open head: a polyline, not the filled polygon of `supports`.
        assert!(!g.contains("<polygon"), "{g}");
        assert_eq!(g.matches("<polyline").count(), 2, "{g}");
    }
}

#[test]
fn text_is_escaped() {
    let mut map = sample(GOLZ);
    map.claims[0].text = "A < B & \"C\" > D".into();
    map.title = "<script>".into();
    let svg = map_to_svg(&map, &SvgSettings::default()).unwrap();
    assert!(!svg.contains("<script>"));
    parse_svg(&svg).unwrap();
    assert!(svg_texts(&svg).contains(&"A < B & \"C\" > D".to_owned()));
}

#[test]
fn png_and_pdf_have_their_magic() {
    let map = tidied(&sample(GOLZ));
    let png =
        warrant::export::map_to_png(&map, &SvgSettings::default(), &PngSettings { scale: 0.5 })
            .unwrap();
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
    let pdf = map_to_pdf(
        &map,
        &PdfSettings {
            story_pages: true,
            ..PdfSettings::default()
        },
    )
    .unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    // The map (on one page or more), then each step on a page or more of its own.
    let text = String::from_utf8_lossy(&pdf);
    let count: usize = text[text.find("/Count ").unwrap() + 7..]
        .split(|c: char| !c.is_ascii_digit())
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        count > map.story.len(),
        "{count} pages for {} steps",
        map.story.len()
    );
}

#[test]
fn markdown_outline_of_a_sample_map() {
    let md = map_to_markdown(&sample(GOLZ), &MarkdownSettings::default()).unwrap();
    insta::assert_snapshot!(md);
}

fn warrant() -> Command {
    Command::new(env!("CARGO_BIN_EXE_warrant"))
}

#[test]
fn cli_exports_each_format_and_refuses_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let map = root("maps").join(GOLZ);
    for (format, magic, extra) in [
        ("svg", &b"<svg"[..], &["--tidy"][..]),
        (
            "png",
            &b"\x89PNG"[..],
            &["--scale", "0.5", "--step", "3"][..],
        ),
        ("pdf", &b"%PDF"[..], &["--story"][..]),
        ("md", &b"# Golz 1996"[..], &[][..]),
    ] {
        let out = dir.path().join(format!("map.{format}"));
        let o = warrant()
            .arg("export")
            .arg(&map)
            .args(["--format", format, "-o"])
            .arg(&out)
            .args(extra)
            .output()
            .unwrap();
        assert_eq!(
            o.status.code(),
            Some(0),
            "{format}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let bytes = std::fs::read(&out).unwrap();
        assert!(bytes.starts_with(magic), "{format}");
    }
    let refuse = |args: &[&str], says: &str| {
        let o = warrant()
            .arg("export")
            .args(args)
            .arg("-o")
            .arg(dir.path().join("x"))
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(says), "{args:?}: {err}");
    };
    let m = map.to_str().unwrap();
    refuse(&[m, "--format", "png", "--scale", "0"], "positive");
    refuse(&[m, "--format", "svg", "--step", "99"], "steps 1 to 11");
    refuse(&[m, "--format", "md", "--step", "1"], "Markdown");
    refuse(&[m, "--format", "svg", "--scale", "2"], "PNG only");
    refuse(&[m, "--format", "gif"], "invalid value");
    refuse(&["/no/such/map.json", "--format", "svg"], "no/such");
    assert!(!dir.path().join("x").exists());
}

#[test]
fn markdown_names_who_holds_both_sides_of_a_contradiction() {
    let md = map_to_markdown(&sample(MEMO), &MarkdownSettings::default()).unwrap();
    assert!(md.contains("## Contradictions"), "{md}");
    assert!(
        md.contains("**Inconsistent:** Russian officials hold both."),
        "{md}"
    );
    assert_eq!(md.matches("## Thesis: ").count(), 1);
}

#[test]
fn markdown_agrees_the_verb_with_one_actor_or_several() {
    let mut map = warrant::io::load(&root("tests/good-small.json")).unwrap();
    let md = map_to_markdown(&map, &MarkdownSettings::default()).unwrap();
    assert!(md.contains("**Inconsistent:** Moscow holds both."), "{md}");
    map.actors.push(warrant::model::Actor {
        id: warrant::model::ActorId("a2".into()),
        name: "Minsk".into(),
        color: warrant::model::Color::rgb(1, 2, 3),
    });
    for c in &mut map.claims {
        c.actors.push(warrant::model::ActorId("a2".into()));
    }
    let md = map_to_markdown(&map, &MarkdownSettings::default()).unwrap();
    assert!(
        md.contains("**Inconsistent:** Moscow, Minsk hold both."),
        "{md}"
    );
}

/// A map whose title and claim hold U+FFFE, U+FFFF and control characters (valid in JSON, not in
/// XML 1.0).
fn non_xml_map() -> Map {
    warrant::io::load(&root("tests/bad/non-xml-chars.json")).unwrap()
}

#[test]
fn characters_xml_forbids_are_left_out_of_svg_png_and_pdf() {
    let map = non_xml_map();
    let svg = map_to_svg(&map, &SvgSettings::default()).unwrap();
    assert!(!svg.contains(['\u{FFFE}', '\u{FFFF}', '\u{1}', '\u{1b}']));
    parse_svg(&svg).expect("the SVG is well-formed XML");
    assert!(
        svg_texts(&svg).iter().any(|t| t.contains("obsolete")),
        "the text is kept"
    );
    let png =
        warrant::export::map_to_png(&map, &SvgSettings::default(), &PngSettings { scale: 0.5 })
            .unwrap();
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
    assert!(
        map_to_pdf(&map, &PdfSettings::default())
            .unwrap()
            .starts_with(b"%PDF")
    );
    let md = map_to_markdown(&map, &MarkdownSettings::default()).unwrap();
    assert!(
        !md.contains(['\u{FFFE}', '\u{FFFF}', '\u{1}', '\u{1b}']),
        "{md:?}"
    );
    assert!(md.contains("NATO is obsolete"), "{md}");
}

#[test]
fn an_svg_export_passes_an_xml_parser_outside_warrant() {
    // librsvg is installed by .ci/run (librsvg2-bin): a missing tool fails, never skips.
    let out = Command::new("rsvg-convert")
        .arg("--version")
        .output()
        .expect("rsvg-convert (apt-get install librsvg2-bin)");
    assert!(out.status.success());
    let dir = tempfile::tempdir().unwrap();
    let svg_path = dir.path().join("m.svg");
    std::fs::write(
        &svg_path,
        map_to_svg(&non_xml_map(), &SvgSettings::default()).unwrap(),
    )
    .unwrap();
    let out = Command::new("rsvg-convert")
        .arg(&svg_path)
        .arg("-o")
        .arg(dir.path().join("m.png"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn an_oversized_png_is_refused_before_the_svg_is_parsed_and_says_what_helps() {
    // The size comes from the <svg> tag: a body that would not even parse is never read.
    let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"20000\" height=\"100\">\
               <this is not xml";
    let e = warrant::export::svg_to_png(svg, &PngSettings { scale: 2.0 }).unwrap_err();
    assert!(
        matches!(e, warrant::export::PngError::TooLarge { .. }),
        "{e}"
    );
    assert!(e.to_string().contains("scale of at most 0.81"), "{e}");
    // A map spread so wide that no readable scale fits: the message says what to do instead.
    let mut map = warrant::io::load(&root("tests/good-small.json")).unwrap();
    map.claims[1].pos.x = 1.0e6;
    let e = warrant::export::map_to_png(&map, &SvgSettings::default(), &PngSettings { scale: 2.0 })
        .unwrap_err();
    assert!(!e.to_string().contains("smaller scale"), "{e}");
    assert!(e.to_string().contains("SVG or PDF"), "{e}");
}
