//! The Argdown export, checked by the real Argdown parser (`@argdown/cli`, installed by `.ci/run`
//! into `.ci/node`; the test fails, never skips, when it is missing or rejects the file): every
//! sample map's export parses without errors, every claim and quote is a statement with its text,
//! every link one relation of the right kind; hostile text reads back as written.

#![allow(clippy::unwrap_used)] // helpers of tests: failing loudly is right

use serde_json::Value;
use std::process::Command;
use warrant::export::{ArgdownSettings, map_to_argdown};
use warrant::model::{Map, Relation};

mod common;
use common::tools::{argdown_cli, sample_maps};

/// `argdown json` of `source`: the parsed JSON, or a panic with the parser's complaint.
fn parse(source: &str, name: &str) -> Value {
    let dir = std::env::temp_dir().join(format!("warrant-argdown-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(format!("{name}.argdown"));
    std::fs::write(&file, source).unwrap();
    let cli = argdown_cli();
    let out = Command::new(&cli)
        .args(["json", "--stdout"])
        .arg(&file)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "the Argdown CLI ({}) must be installed (.ci/run puts it in .ci/node): {e}",
                cli.display()
            )
        });
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && !stdout.contains("syntax errors"),
        "argdown refused {name}: {}{stdout}\n{source}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::remove_file(&file).unwrap();
    // The JSON, then (not silenced, so that errors are shown) a line saying it was written.
    serde_json::Deserializer::from_str(&stdout)
        .into_iter::<Value>()
        .next()
        .unwrap_or_else(|| panic!("argdown wrote no JSON for {name}"))
        .unwrap_or_else(|e| panic!("argdown's JSON for {name}: {e}"))
}

/// The text of statement `title` where it is defined.
fn statement_text<'a>(doc: &'a Value, title: &str) -> Option<&'a str> {
    doc["statements"][title]["members"]
        .as_array()?
        .iter()
        .find(|m| m["isTopLevel"] == true && m["isReference"] != true)
        .and_then(|m| m["text"].as_str())
}

fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_sample_map_parses_with_a_statement_per_card_and_a_relation_per_link() {
    for path in sample_maps() {
        let map = warrant::io::load(&path).unwrap();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let doc = parse(
            &map_to_argdown(&map, &ArgdownSettings::default()).unwrap(),
            &name,
        );
        let statements = doc["statements"].as_object().unwrap();
        assert_eq!(
            statements.len(),
            map.claims.len() + map.quotes.len(),
            "{name}: one statement per claim and quote"
        );
        for claim in &map.claims {
            let text = statement_text(&doc, &claim.id.0)
                .unwrap_or_else(|| panic!("{name}: claim {} is no statement", claim.id.0));
            assert!(
                text.starts_with(&flat(&claim.text)),
                "{name}: {} reads {text:?}",
                claim.id.0
            );
        }
        for quote in &map.quotes {
            let text = statement_text(&doc, &quote.id.0)
                .unwrap_or_else(|| panic!("{name}: quote {} is no statement", quote.id.0));
            assert!(
                text.contains(&flat(&quote.anchor.exact)),
                "{name}: {text:?}"
            );
        }
        let relations = doc["relations"].as_array().unwrap();
        assert_eq!(
            relations.len(),
            map.links.len(),
            "{name}: one relation per link"
        );
        for link in &map.links {
            let kind = match link.relation {
                Relation::Supports => "support",
                Relation::Opposes => "attack",
                Relation::Contradicts => "contradictory",
                Relation::Qualifies => "undercut",
            };
            assert!(
                relations.iter().any(|r| r["from"] == link.from.0.as_str()
                    && r["to"] == link.to.0.as_str()
                    && r["relationType"] == kind),
                "{name}: no {kind} relation {} → {}",
                link.from.0,
                link.to.0
            );
        }
    }
}

#[test]
fn hostile_text_reads_back_as_written() {
    let mut map: Map = warrant::io::load(&sample_maps()[0]).unwrap();
    let hostile = "[c2]: <arg> #tag {a: 1} *bold* _it_ @[c3] // not a comment /* nor */ \
                   +> -> >< back\\slash \"quoted\" ===";
    map.title = format!("{hostile}\n=== \"");
    map.claims[0].text = format!("{hostile}\nnext line");
    map.claims[1].text = " \n ".to_owned();
    if let Some(actor) = map.actors.first_mut() {
        actor.name = "A) #(b [c]".to_owned();
    }
    let doc = parse(
        &map_to_argdown(&map, &ArgdownSettings::default()).unwrap(),
        "hostile",
    );
    let text = statement_text(&doc, &map.claims[0].id.0).unwrap();
    assert!(
        text.starts_with(&format!("{hostile} next line")),
        "read back as {text:?}"
    );
    assert_eq!(
        doc["statements"].as_object().unwrap().len(),
        map.claims.len() + map.quotes.len(),
        "no text made statements of its own"
    );
    assert_eq!(doc["relations"].as_array().unwrap().len(), map.links.len());
}

#[test]
fn the_cli_writes_an_argdown_file() {
    let dir = std::env::temp_dir().join(format!("warrant-argdown-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("map.argdown");
    let status = Command::new(env!("CARGO_BIN_EXE_warrant"))
        .arg("export")
        .arg(&sample_maps()[0])
        .args(["--format", "argdown", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
    let text = std::fs::read_to_string(&out).unwrap();
    let doc = parse(&text, "cli");
    assert!(!doc["statements"].as_object().unwrap().is_empty());
    std::fs::remove_dir_all(&dir).unwrap();
}
