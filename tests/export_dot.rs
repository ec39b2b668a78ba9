//! The Graphviz export: every sample map's DOT file is drawn by the real `dot -Tsvg` (the test
//! fails if Graphviz is missing or refuses the file) with one node per claim and quote and one
//! edge per link; hostile text reaches the drawing as written; `warrant export --format dot`
//! writes it.

#![allow(clippy::unwrap_used)] // helpers of tests: failing loudly is right

use std::collections::HashSet;
use std::io::Write;
use std::process::{Command, Stdio};
use warrant::export::{DotSettings, map_to_dot};
use warrant::model::Map;

mod common;
use common::tools::sample_maps;

/// `dot -Tsvg` of `source`: the SVG, or a panic with Graphviz's complaint. A missing `dot` is a
/// failure, not a skip (`.ci/run` installs Graphviz).
fn dot_svg(source: &str) -> String {
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("Graphviz `dot` must be installed (apt-get install graphviz)");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(source.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "dot refused the file: {stderr}");
    assert!(
        !stderr.contains("Error") && !stderr.contains("syntax"),
        "dot complained: {stderr}"
    );
    String::from_utf8(out.stdout).unwrap()
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#45;", "-")
        .replace("&amp;", "&")
}

/// The `<title>` of each SVG group of this class (Graphviz names nodes and edges there).
fn titles(svg: &str, class: &str) -> Vec<String> {
    svg.split(&format!("class=\"{class}\">"))
        .skip(1)
        .map(|g| {
            let start = g.find("<title>").unwrap() + "<title>".len();
            let end = g.find("</title>").unwrap();
            unescape(&g[start..end])
        })
        .collect()
}

/// The text of every `<text>` in the SVG.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .map(|t| {
            let t = &t[t.find('>').unwrap() + 1..];
            unescape(&t[..t.find("</text>").unwrap()])
        })
        .collect()
}

#[test]
fn every_sample_map_is_drawn_by_graphviz_with_a_node_per_card_and_an_edge_per_link() {
    for path in sample_maps() {
        let map = warrant::io::load(&path).unwrap();
        let svg = dot_svg(&map_to_dot(&map, &DotSettings::default()).unwrap());
        let name = path.display();
        let nodes: HashSet<String> = titles(&svg, "node").into_iter().collect();
        let cards: HashSet<String> = map
            .claims
            .iter()
            .map(|c| c.id.0.clone())
            .chain(map.quotes.iter().map(|q| q.id.0.clone()))
            .collect();
        assert_eq!(titles(&svg, "node").len(), cards.len(), "{name}: nodes");
        assert_eq!(
            nodes, cards,
            "{name}: a node per claim and quote, named by id"
        );
        let edges = titles(&svg, "edge");
        assert_eq!(edges.len(), map.links.len(), "{name}: an edge per link");
        for link in &map.links {
            let edge = format!("{}->{}", link.from.0, link.to.0);
            assert!(edges.contains(&edge), "{name}: no edge {edge}");
        }
    }
}

#[test]
fn links_are_styled_by_relation() {
    let map = warrant::io::load(&sample_maps()[0]).unwrap();
    let dot = map_to_dot(&map, &DotSettings::default()).unwrap();
    for link in &map.links {
        let line = dot
            .lines()
            .find(|l| l.contains(&format!("\"{}\" -> \"{}\"", link.from.0, link.to.0)))
            .unwrap();
        let want = match link.relation {
            warrant::model::Relation::Supports => "arrowhead=normal",
            warrant::model::Relation::Opposes => "arrowhead=tee",
            warrant::model::Relation::Contradicts => "arrowtail=none",
            warrant::model::Relation::Qualifies => "arrowhead=empty",
        };
        assert!(line.contains(want), "{line}");
    }
}

#[test]
fn hostile_text_is_escaped_and_drawn_as_written() {
    let mut map: Map = warrant::io::load(&sample_maps()[0]).unwrap();
    let hostile = "He said \"no\"; C:\\path\\N \\\" {braces} <b>bold</b> ]; node [x=1";
    map.title = format!("Title \"{hostile}\" \\");
    map.claims[0].text = format!("{hostile}\nsecond line\\");
    if let Some(actor) = map.actors.first_mut() {
        actor.name = "Actor \"A\" \\ <x>".to_owned();
    }
    let settings = DotSettings {
        wrap: 0,
        ..DotSettings::default()
    };
    let svg = dot_svg(&map_to_dot(&map, &settings).unwrap());
    let texts = texts(&svg);
    let want = format!("{hostile} second line\\");
    assert!(
        texts.contains(&want),
        "the claim's text, one line, as written: {want}\n{texts:?}"
    );
    assert!(
        texts.contains(&format!("Title \"{hostile}\" \\")),
        "{texts:?}"
    );
    // Still one node per card: no label spilled into statements of its own.
    assert_eq!(
        titles(&svg, "node").len(),
        map.claims.len() + map.quotes.len()
    );
}

#[test]
fn the_cli_writes_a_dot_file() {
    let dir = std::env::temp_dir().join(format!("warrant-dot-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("map.dot");
    let map = &sample_maps()[0];
    let status = Command::new(env!("CARGO_BIN_EXE_warrant"))
        .args(["export"])
        .arg(map)
        .args(["--format", "dot", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("digraph"));
    dot_svg(&text);
    let refused = Command::new(env!("CARGO_BIN_EXE_warrant"))
        .args(["export"])
        .arg(map)
        .args(["--format", "dot", "--step", "1", "-o"])
        .arg(dir.join("step.dot"))
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).unwrap();
}
