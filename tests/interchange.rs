//! Import and AIF export against the field's own readers: the real files in
//! `/work/shared/formats` (or `$WARRANT_FORMATS`) import with the counts `arguebuf` reads, and every
//! sample map's AIF and Argdown exports load in `arguebuf` (from `PyPI`, installed by `.ci/run` into
//! `.ci/venv`) and the Argdown CLI (`.ci/node`). Tests fail, never skip, when a validator is
//! missing or rejects a file.

#![allow(clippy::unwrap_used)] // helpers of tests: failing loudly is right

use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use warrant::export::{AifSettings, ArgdownSettings, map_to_aif, map_to_argdown};
use warrant::import::{ImportFormat, argdown_to_map, import_file, import_text};
use warrant::model::{Map, Relation};

mod common;
use common::tools::{argdown_cli, sample_maps as maps};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn formats() -> PathBuf {
    std::env::var_os("WARRANT_FORMATS")
        .map_or_else(|| PathBuf::from("/work/shared/formats"), PathBuf::from)
}

fn real_files() -> Vec<PathBuf> {
    let f = formats();
    let files = vec![
        f.join("aif/aifdb_nodeset6064.json"),
        f.join("aif/ova3_rebut_undercut.json"),
        f.join("aif/xaif_amf_argumentation.json"),
        f.join("kialo/kialo_6148_should-hate-speech-be-illegal.txt"),
        f.join("kialo/kialo_2867_free-speech-internet.txt"),
        f.join("example.argdown"),
    ];
    for file in &files {
        assert!(file.exists(), "the real files are in {}", f.display());
    }
    files
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("warrant-interchange-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// The venv's python with arguebuf: `$ARGUEBUF_PYTHON`, else `.ci/venv` (what `.ci/run` makes).
fn python() -> PathBuf {
    std::env::var_os("ARGUEBUF_PYTHON")
        .map_or_else(|| root().join(".ci/venv/bin/python"), PathBuf::from)
}

/// What arguebuf reads from `file`: `{atoms: [text], schemes: [{kind, from, to}], edges}`.
fn arguebuf(file: &Path) -> Value {
    let py = python();
    let out = Command::new(&py)
        .arg(root().join("tests/tools/arguebuf_read.py"))
        .arg(file)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "arguebuf's python ({}) must be installed (.ci/run makes .ci/venv): {e}",
                py.display()
            )
        });
    assert!(
        out.status.success(),
        "arguebuf refused {}: {}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let all: Value = serde_json::from_slice(&out.stdout).unwrap();
    all[file.to_str().unwrap()].clone()
}

/// `argdown json` of the file, written next to it; its path.
fn argdown_json(file: &Path) -> PathBuf {
    let cli = argdown_cli();
    let out = Command::new(&cli)
        .args(["json", "--stdout", "--silent"])
        .arg(file)
        .output()
        .unwrap_or_else(|e| panic!("the Argdown CLI ({}) must be installed: {e}", cli.display()));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && !stdout.contains("syntax errors"),
        "argdown refused {}: {}{stdout}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let json = scratch(&format!(
        "{}.argdown.json",
        file.file_stem().unwrap().to_string_lossy()
    ));
    std::fs::write(&json, stdout.as_bytes()).unwrap();
    json
}

fn kinds(read: &Value, kind: &str) -> usize {
    read["schemes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["kind"] == kind)
        .count()
}

#[test]
fn the_real_files_import_with_the_counts_arguebuf_reads() {
    for file in real_files() {
        let imported =
            import_file(&file, None).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let read = if file.extension().is_some_and(|e| e == "argdown") {
            arguebuf(&argdown_json(&file))
        } else {
            arguebuf(&file)
        };
        let map = &imported.map;
        let name = file.file_name().unwrap().to_string_lossy();
        assert_eq!(
            map.claims.len(),
            read["atoms"].as_array().unwrap().len(),
            "{name}: one claim per node arguebuf reads"
        );
        let (supports, opposes, contradicts, qualifies) = map.link_counts();
        // arguebuf's Argdown reader makes an undercut a support (only attack and contradictory
        // are attacks); Warrant draws it as opposing, and says so in the report.
        let undercuts = if file.extension().is_some_and(|e| e == "argdown") {
            imported.report.count(
                "undercuts (attacks on an inference), drawn as opposing the argument or \
                 statement undercut",
            )
        } else {
            0
        };
        assert_eq!(
            supports + undercuts,
            kinds(&read, "Support"),
            "{name}: supports"
        );
        assert_eq!(
            opposes + contradicts + qualifies - undercuts,
            kinds(&read, "Attack"),
            "{name}: opposes and contradicts"
        );
        assert_eq!(
            map.links.len(),
            read["schemes"].as_array().unwrap().len(),
            "{name}: one link per relation arguebuf reads"
        );
        assert!(
            map.claims.iter().all(|c| !c.pos.is_placed()),
            "{name}: imported cards have no positions yet"
        );
    }
}

#[test]
fn what_the_map_cannot_hold_is_in_the_report() {
    let f = formats();
    let ova = import_file(&f.join("aif/ova3_rebut_undercut.json"), None).unwrap();
    let undercut = ova.report.lines().join("\n");
    assert!(
        undercut.contains("undercuts") && undercut.contains("A and B are totally unrelated"),
        "{undercut}"
    );
    // The undercutter opposes what the undercut inference concludes (A).
    let claim = |m: &Map, t: &str| m.claims.iter().find(|c| c.text == t).unwrap().id.clone();
    let (u, a) = (
        claim(&ova.map, "A and B are totally unrelated"),
        claim(&ova.map, "A"),
    );
    assert!(
        ova.map
            .links
            .iter()
            .any(|l| l.from == u && l.to == a && l.relation == Relation::Opposes)
    );
    let names: BTreeSet<&str> = ova.map.actors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        BTreeSet::from(["Participant Carolyn", "Participant Rachel"])
    );
    let aifdb = import_file(&f.join("aif/aifdb_nodeset6064.json"), None).unwrap();
    assert!(aifdb.report.count("dialogue transitions (TA) are not kept") == 8);
    let names: BTreeSet<&str> = aifdb.map.actors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        BTreeSet::from(["CL", "NL"]),
        "speakers named in locutions"
    );
    let kialo = import_file(&f.join("kialo/kialo_2867_free-speech-internet.txt"), None).unwrap();
    assert_eq!(
        kialo
            .report
            .count("“-> See” references, drawn as links from the claim referred to"),
        126
    );
    assert_eq!(kialo.map.claims.iter().filter(|c| c.thesis).count(), 1);
    let argdown = import_file(&f.join("example.argdown"), None).unwrap();
    let lines = argdown.report.lines().join("\n");
    for said in ["undercuts", "headings", "data", "arguments"] {
        assert!(lines.contains(said), "{said} missing from {lines}");
    }
}

/// The texts of claims and the links as (from text, relation, to text).
fn shape(map: &Map) -> (BTreeSet<String>, BTreeSet<(String, Relation, String)>) {
    let text = |id| {
        map.claims
            .iter()
            .find(|c| &c.id == id)
            .map(|c| c.text.clone())
            .unwrap()
    };
    let claims = map.claims.iter().map(|c| c.text.clone()).collect();
    let links = map
        .links
        .iter()
        .map(|l| {
            let (a, b) = (text(&l.from), text(&l.to));
            if l.relation.is_symmetric() && b < a {
                (b, l.relation, a)
            } else {
                (a, l.relation, b)
            }
        })
        .collect();
    (claims, links)
}

fn flat(t: &str) -> String {
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn argdown_round_trip_keeps_claims_links_and_relations() {
    for path in maps() {
        let mut map = warrant::io::load(&path).unwrap();
        // Quotes are not claims and do not come back as claims of the same text; leave them out.
        map.quotes.clear();
        map.links
            .retain(|l| map.claims.iter().any(|c| c.id == l.from));
        for c in &mut map.claims {
            c.text = flat(&c.text);
        }
        let settings = ArgdownSettings {
            quotes: false,
            holders: false,
        };
        let doc = map_to_argdown(&map, &settings).unwrap();
        let back = argdown_to_map(&doc, "x")
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
            .map;
        assert_eq!(back.title, map.title);
        assert_eq!(shape(&back), shape(&map), "{}", path.display());
        let theses = |m: &Map| m.claims.iter().filter(|c| c.thesis).count();
        assert_eq!(theses(&back), theses(&map));
    }
}

#[test]
fn every_sample_map_exports_aif_that_arguebuf_loads_one_node_per_card_and_one_scheme_per_link() {
    for path in maps() {
        let map = warrant::io::load(&path).unwrap();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let text = map_to_aif(&map, &AifSettings::default()).unwrap();
        let file = scratch(&format!("{name}.aif.json"));
        std::fs::write(&file, &text).unwrap();
        let read = arguebuf(&file);
        let atoms: Vec<&str> = read["atoms"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap())
            .collect();
        assert_eq!(atoms.len(), map.claims.len() + map.quotes.len(), "{name}");
        for q in &map.quotes {
            assert!(atoms.contains(&q.anchor.exact.as_str()), "{name}: {}", q.id);
        }
        let schemes = read["schemes"].as_array().unwrap();
        assert_eq!(
            schemes.len(),
            map.links.len(),
            "{name}: one scheme per link"
        );
        let text_of = |id| match map.node(id).unwrap() {
            warrant::model::NodeRef::Claim(c) => c.text.clone(),
            warrant::model::NodeRef::Quote(q) => q.anchor.exact.clone(),
        };
        for link in &map.links {
            let kind = if link.relation == Relation::Supports {
                "Support"
            } else {
                "Attack"
            };
            let (from, to) = (text_of(&link.from), text_of(&link.to));
            assert!(
                schemes.iter().any(|s| s["kind"] == kind
                    && s["from"] == Value::from(vec![from.clone()])
                    && s["to"] == Value::from(vec![to.clone()])),
                "{name}: no {kind} scheme for link {}",
                link.id
            );
        }
        // Quotes keep their source and offsets.
        let doc: Value = serde_json::from_str(&text).unwrap();
        for q in &map.quotes {
            let node = doc["nodes"]
                .as_array()
                .unwrap()
                .iter()
                .find(|n| n["warrantID"] == q.id.0.as_str())
                .unwrap();
            assert_eq!(node["start"], q.anchor.start, "{name}: {}", q.id);
            assert_eq!(node["end"], q.anchor.end);
            assert_eq!(node["sourceID"], q.source.0.as_str());
            let source = map.source(&q.source).unwrap();
            assert_eq!(node["sourceTitle"], source.title.as_str());
        }
    }
}

#[test]
fn every_sample_maps_argdown_export_loads_in_arguebuf_too() {
    for path in maps() {
        let map = warrant::io::load(&path).unwrap();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let file = scratch(&format!("{name}.argdown"));
        std::fs::write(
            &file,
            map_to_argdown(&map, &ArgdownSettings::default()).unwrap(),
        )
        .unwrap();
        let read = arguebuf(&argdown_json(&file));
        assert_eq!(
            read["atoms"].as_array().unwrap().len(),
            map.claims.len() + map.quotes.len(),
            "{name}"
        );
        assert_eq!(read["schemes"].as_array().unwrap().len(), map.links.len());
    }
}

#[test]
fn aif_export_reads_back_with_claims_links_relations_and_holders() {
    for path in maps() {
        let map = warrant::io::load(&path).unwrap();
        let text = map_to_aif(
            &map,
            &AifSettings {
                quotes: false,
                holders: true,
            },
        )
        .unwrap();
        let back = import_text(&text, ImportFormat::Aif, "x").unwrap().map;
        let mut expected = map.clone();
        expected.quotes.clear();
        expected
            .links
            .retain(|l| map.claims.iter().any(|c| c.id == l.from));
        assert_eq!(back.title, map.title);
        assert_eq!(shape(&back), shape(&expected), "{}", path.display());
        for claim in &map.claims {
            let holders = |m: &Map, text: &str| -> BTreeSet<String> {
                let c = m.claims.iter().find(|c| c.text == text).unwrap();
                c.actors
                    .iter()
                    .map(|a| m.actor(a).unwrap().name.clone())
                    .collect()
            };
            assert_eq!(
                holders(&back, &claim.text),
                holders(&map, &claim.text),
                "{}",
                claim.id
            );
        }
    }
}

#[test]
fn the_cli_imports_a_map_that_opens_laid_out() {
    let out = scratch("kialo.json");
    let _ = std::fs::remove_file(&out);
    let run = Command::new(env!("CARGO_BIN_EXE_warrant"))
        .arg("import")
        .arg(formats().join("kialo/kialo_6148_should-hate-speech-be-illegal.txt"))
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert!(run.status.success(), "{run:?}");
    let said = String::from_utf8_lossy(&run.stdout);
    assert!(
        said.contains("105 claims") && said.contains("-> See"),
        "{said}"
    );
    let map = warrant::io::load(&out).unwrap();
    assert_eq!(map.claims.len(), 105);
    assert!(
        map.claims.iter().all(|c| c.pos.is_placed()),
        "laid out on open"
    );

    // A broken file: exit 2, the line named, nothing written.
    let bad = scratch("bad.txt");
    std::fs::write(
        &bad,
        "Discussion Title: x\n\n1. Thesis\n1.1. Pro: fine\n1.3.1. Con: orphan\n",
    )
    .unwrap();
    let none = scratch("none.json");
    let _ = std::fs::remove_file(&none);
    let run = Command::new(env!("CARGO_BIN_EXE_warrant"))
        .arg("import")
        .arg(&bad)
        .arg("-o")
        .arg(&none)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(err.contains("line 5") && err.contains("1.3."), "{err}");
    assert!(!none.exists(), "nothing half-imported");
}
