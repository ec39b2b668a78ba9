//! The file format: save → load is identity; every kind of bad file gets its own error.

mod common;

use proptest::prelude::*;
use std::path::{Path, PathBuf};
use warrant::check::{ProblemKind, problems};
use warrant::io::{self, ImportError, LoadError};
use warrant::model::{IntegrityError, Relation};

fn bad(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/bad")
        .join(name)
}

#[test]
fn hand_made_map_survives_save_and_load() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.json");
    let map = common::hand_made();
    io::save(&path, &map).unwrap();
    assert_eq!(io::load(&path).unwrap(), map);
    assert!(problems(&map).is_empty());
}

#[test]
fn saved_file_is_stable_and_readable() {
    let map = common::hand_made();
    let a = io::map_to_json(&map).unwrap();
    let b = io::map_to_json(&io::map_from_json(&a, Path::new("x")).unwrap()).unwrap();
    assert_eq!(a, b, "saving twice gives the same bytes");
    let text = String::from_utf8(a).unwrap();
    assert!(text.starts_with("{\n  \"format\": \"warrant-map\",\n  \"version\": 2,\n  \"map\": {"));
    assert!(text.ends_with("}\n"));
}

#[test]
fn saving_keeps_the_previous_version_as_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.json");
    let mut map = common::hand_made();
    io::save(&path, &map).unwrap();
    let first = std::fs::read(&path).unwrap();
    map.title = "Second version".into();
    io::save(&path, &map).unwrap();
    assert_eq!(std::fs::read(io::backup_path(&path)).unwrap(), first);
    assert_eq!(io::load(&path).unwrap().title, "Second version");
    // No temporary files are left behind.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn generated_maps_survive_save_and_load(map in common::arb_map()) {
        prop_assert!(map.integrity_errors().is_empty(), "{:?}", map.integrity_errors());
        let json = io::map_to_json(&map).unwrap();
        let back = io::map_from_json(&json, Path::new("gen.json")).unwrap();
        prop_assert_eq!(&back, &map);
        prop_assert!(problems(&back).is_empty());
    }
}

#[test]
fn good_small_corpus_base_loads_clean() {
    let map =
        io::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/good-small.json")).unwrap();
    assert!(problems(&map).is_empty());
}

#[test]
fn truncated_json_says_line_and_column() {
    let e = io::load(&bad("truncated.json")).unwrap_err();
    let LoadError::Json { line, .. } = &e else {
        panic!("{e}")
    };
    assert!(*line > 10, "{e}");
    let msg = e.to_string();
    assert!(
        msg.contains("truncated.json:") && msg.contains("EOF"),
        "{msg}"
    );
}

#[test]
fn malformed_json_says_where() {
    let e = io::load(&bad("malformed.json")).unwrap_err();
    assert!(matches!(e, LoadError::Json { line: 6, .. }), "{e}");
}

#[test]
fn a_file_of_another_kind_is_not_a_map() {
    let e = io::load(&bad("other-kind.json")).unwrap_err();
    assert!(matches!(e, LoadError::NotAMap { .. }), "{e}");
    assert!(e.to_string().contains("not a Warrant map"));
    // Binary data (a PNG header) is not JSON at all.
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("picture.json");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    assert!(matches!(
        io::load(&png).unwrap_err(),
        LoadError::Json { line: 1, .. }
    ));
    // A JSON array is not a map either.
    std::fs::write(&png, b"[1, 2, 3]").unwrap();
    assert!(matches!(
        io::load(&png).unwrap_err(),
        LoadError::NotAMap { .. }
    ));
}

#[test]
fn missing_and_wrong_versions_are_refused() {
    assert!(matches!(
        io::load(&bad("missing-version.json")).unwrap_err(),
        LoadError::MissingVersion { .. }
    ));
    let e = io::load(&bad("wrong-version.json")).unwrap_err();
    assert!(matches!(e, LoadError::BadVersion { .. }), "{e}");
    let e = io::load(&bad("newer-version.json")).unwrap_err();
    assert!(
        matches!(
            e,
            LoadError::NewerVersion {
                found: 99,
                supported: 2,
                ..
            }
        ),
        "{e}"
    );
    assert!(e.to_string().contains("reads versions up to 2"), "{e}");
}

/// Version 1 had no `qualifies`: its files open unchanged and are saved as version 2.
#[test]
fn a_version_1_file_is_upgraded_and_saved_as_version_2() {
    let v1 =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/good-small.json")).unwrap();
    assert!(String::from_utf8_lossy(&v1).contains("\"version\": 1,"));
    let map = io::map_from_json(&v1, Path::new("old.json")).unwrap();
    let relations: Vec<_> = map.links.iter().map(|l| l.relation).collect();
    assert!(relations.contains(&Relation::Opposes) || relations.contains(&Relation::Contradicts));
    assert!(!relations.contains(&Relation::Qualifies));
    let saved = String::from_utf8(io::map_to_json(&map).unwrap()).unwrap();
    assert!(saved.contains("\"version\": 2,"), "{saved}");
    assert_eq!(
        io::map_from_json(saved.as_bytes(), Path::new("new.json")).unwrap(),
        map
    );
}

/// A `qualifies` link survives a save; in a file that says version 1 it is refused, not guessed.
#[test]
fn qualifies_is_a_version_2_relation() {
    let mut map = common::hand_made();
    map.links[1].relation = Relation::Qualifies;
    let json = io::map_to_json(&map).unwrap();
    assert!(String::from_utf8_lossy(&json).contains("\"relation\": \"qualifies\""));
    assert_eq!(
        io::map_from_json(&json, Path::new("new.json")).unwrap(),
        map
    );
    let as_v1 = String::from_utf8(json)
        .unwrap()
        .replacen("\"version\": 2,", "\"version\": 1,", 1);
    let e = io::map_from_json(as_v1.as_bytes(), Path::new("old.json")).unwrap_err();
    assert!(matches!(e, LoadError::Schema { .. }), "{e}");
    assert!(
        e.to_string().contains("cannot upgrade from version 1")
            && e.to_string().contains("\"qualifies\""),
        "{e}"
    );
}

#[test]
fn a_missing_field_names_it_with_its_position() {
    let e = io::load(&bad("missing-field.json")).unwrap_err();
    let LoadError::Schema { line, message, .. } = &e else {
        panic!("{e}")
    };
    assert!(message.contains("missing field `text`"), "{message}");
    assert!(*line > 1);
}

#[test]
fn broken_references_are_listed() {
    let integrity = |name| match io::load(&bad(name)).unwrap_err() {
        LoadError::Integrity { errors, .. } => errors,
        e => panic!("{name}: {e}"),
    };
    assert!(
        matches!(&integrity("duplicate-ids.json")[..], [IntegrityError::DuplicateId { id, .. }] if id == "c1")
    );
    assert!(
        matches!(&integrity("dangling-link.json")[..], [IntegrityError::LinkToMissingNode { node, .. }] if node == "c9")
    );
    assert!(
        matches!(&integrity("quote-missing-source.json")[..], [IntegrityError::QuoteOfMissingSource { source_id, .. }] if source_id == "s7")
    );
}

#[test]
fn quote_and_source_problems_are_reported_but_the_map_opens() {
    let kinds = |name| {
        let map = io::load(&bad(name)).unwrap();
        problems(&map)
            .into_iter()
            .map(|p| (p.kind, p.message))
            .collect::<Vec<_>>()
    };
    let out = kinds("quote-out-of-range.json");
    // The text is still in the source: found again, reported as moved.
    assert_eq!(out[0].0, ProblemKind::QuoteMoved);
    assert!(out[0].1.contains("outside the text"), "{}", out[0].1);
    assert_eq!(
        kinds("quote-mismatch.json")[0].0,
        ProblemKind::QuoteNotFound
    );
    let out = kinds("hash-mismatch.json");
    assert_eq!(out[0].0, ProblemKind::SourceHashMismatch);
}

#[test]
fn empty_and_huge_files_are_refused_before_parsing() {
    assert!(matches!(
        io::load(&bad("empty.json")).unwrap_err(),
        LoadError::Empty { .. }
    ));
    let dir = tempfile::tempdir().unwrap();
    let huge = dir.path().join("huge.json");
    let f = std::fs::File::create(&huge).unwrap();
    f.set_len(300 * 1024 * 1024).unwrap(); // sparse: no disk used
    let e = io::load(&huge).unwrap_err();
    assert!(matches!(e, LoadError::TooLarge { .. }), "{e}");
    assert!(matches!(
        io::load(&dir.path().join("absent.json")).unwrap_err(),
        LoadError::Io { .. }
    ));
}

#[test]
fn bad_articles_are_refused_with_reasons() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    };
    // UTF-8 ("é" twice) damaged by one Latin-1 byte: refused, not read as a legacy encoding.
    let e = io::import_article(&write(
        "damaged.txt",
        "Café au lait\nNATO\u{e9}s et "
            .bytes()
            .chain(*b"\xe9t\xc3\xa9\n")
            .collect::<Vec<_>>()
            .as_slice(),
    ))
    .unwrap_err();
    assert!(
        matches!(
            e,
            ImportError::NotUtf8 {
                line: 2,
                offset: 25,
                ..
            }
        ),
        "{e}"
    );
    assert!(matches!(
        io::import_article(&write("empty.txt", b" \n\n")).unwrap_err(),
        ImportError::Empty { .. }
    ));
    assert!(matches!(
        io::import_article(&write("nul.txt", b"ab\0cd")).unwrap_err(),
        ImportError::Binary { offset: 2, .. }
    ));
    let page = write(
        "saved-page.txt",
        b"\n<!DOCTYPE html>\n<html><head><title>T</title></head><body>Text</body></html>",
    );
    let e = io::import_article(&page).unwrap_err();
    assert!(matches!(e, ImportError::WebPage { .. }), "{e}");
    assert!(e.to_string().contains("web page"), "{e}");
    assert!(matches!(
        io::import_article(&write("paper.docx", b"PK\x03\x04")).unwrap_err(),
        ImportError::UnsupportedKind { .. }
    ));
    assert!(matches!(
        io::import_article(&write("paper.pdf", b"%PDF-1.4")).unwrap_err(),
        ImportError::BrokenPdf { .. }
    ));
    let big = dir.path().join("big.txt");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(io::MAX_ARTICLE_BYTES + 1)
        .unwrap();
    assert!(matches!(
        io::import_article(&big).unwrap_err(),
        ImportError::TooLarge { .. }
    ));
}

#[test]
fn windows_and_utf16_articles_are_read_and_say_how() {
    let dir = tempfile::tempdir().unwrap();
    // “Quoted” café — in Windows-1252: curly quotes 0x93/0x94, é 0xE9, dash 0x97.
    let cp1252 = b"The Minister\x92s Reply\n\n\x93We will not join,\x94 said the minister at the caf\xe9 \x97 twice.\n";
    let p = dir.path().join("windows.txt");
    std::fs::write(&p, cp1252).unwrap();
    let imported = io::import_article(&p).unwrap();
    assert_eq!(imported.note().as_deref(), Some("read as Windows-1252"));
    assert_eq!(
        imported.source.text,
        "The Minister’s Reply\n\n“We will not join,” said the minister at the café — twice.\n"
    );
    assert_eq!(imported.source.title, "The Minister’s Reply");

    let text = "Neutrality Debate\n\n“No,” she said.\n";
    let mut utf16: Vec<u8> = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let p = dir.path().join("utf16.txt");
    std::fs::write(&p, &utf16).unwrap();
    let imported = io::import_article(&p).unwrap();
    assert_eq!(imported.source.text, text);
    assert_eq!(imported.source.title, "Neutrality Debate");
    assert_eq!(imported.note().as_deref(), Some("read as UTF-16LE"));
}

#[test]
fn imported_article_text_is_kept_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = "# Title\r\n\r\n“Quoted” — text\twith\u{a0}odd  spacing\n".as_bytes();
    let p = dir.path().join("a.md");
    std::fs::write(&p, bytes).unwrap();
    let s = io::import_article(&p).unwrap().source;
    assert_eq!(s.text.as_bytes(), bytes);
    assert_eq!(s.title, "Title");
    assert_eq!(s.sha256, warrant::model::text_sha256(&s.text));
}

#[allow(clippy::unwrap_used)]
/// The sample memo map as a script would write it: `pos` left out of `only` cards (all when
/// `None`).
fn memo_without_positions(only: Option<&[&str]>) -> (warrant::model::Map, Vec<u8>) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("maps/memo-2008-russia-nato-mutually-exclusive-arguments.json");
    let map = io::load(&path).unwrap();
    let mut doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    for kind in ["claims", "quotes"] {
        for node in doc["map"][kind].as_array_mut().unwrap() {
            let id = node["id"].as_str().unwrap().to_owned();
            if only.is_none_or(|ids| ids.contains(&id.as_str())) {
                node.as_object_mut().unwrap().remove("pos");
            }
        }
    }
    (map, serde_json::to_vec(&doc).unwrap())
}

fn overlaps(map: &warrant::model::Map) -> Vec<(String, String)> {
    use warrant::layout::card::card_size;
    let rects: Vec<_> = map
        .nodes()
        .map(|n| {
            let s = card_size(n);
            (n.id().to_string(), n.pos().x, n.pos().y, s.w, s.h)
        })
        .collect();
    let mut out = Vec::new();
    for (i, a) in rects.iter().enumerate() {
        for b in &rects[i + 1..] {
            if a.1 < b.1 + b.3 && b.1 < a.1 + a.3 && a.2 < b.2 + b.4 && b.2 < a.2 + a.4 {
                out.push((a.0.clone(), b.0.clone()));
            }
        }
    }
    out
}

#[test]
fn a_map_without_positions_is_laid_out_on_load() {
    let (original, bytes) = memo_without_positions(None);
    let map = io::map_from_json(&bytes, Path::new("script.json")).unwrap();
    assert!(map.nodes().all(|n| n.pos().is_placed()));
    assert_eq!(overlaps(&map), Vec::<(String, String)>::new());
    let thesis = map.claims.iter().find(|c| c.thesis).unwrap();
    assert!(
        map.nodes().all(|n| n.pos().y >= thesis.pos.y),
        "the thesis is on top"
    );
    // Only positions were filled in, and saving writes them.
    let mut same = map.clone();
    for (a, b) in same.claims.iter_mut().zip(&original.claims) {
        a.pos = b.pos;
    }
    for (a, b) in same.quotes.iter_mut().zip(&original.quotes) {
        a.pos = b.pos;
    }
    assert_eq!(same, original);
    let again = io::map_from_json(&io::map_to_json(&map).unwrap(), Path::new("x")).unwrap();
    assert_eq!(again, map);
}

#[test]
fn cards_added_without_a_position_are_placed_around_the_others() {
    let (original, _) = memo_without_positions(None);
    let new: Vec<&str> = original.quotes[..3]
        .iter()
        .map(|q| q.id.as_str())
        .chain([original.claims[5].id.as_str()])
        .collect();
    let (_, bytes) = memo_without_positions(Some(&new));
    let map = io::map_from_json(&bytes, Path::new("script.json")).unwrap();
    for (a, b) in map.nodes().zip(original.nodes()) {
        if !new.contains(&a.id().as_str()) {
            assert_eq!(a.pos(), b.pos(), "{} kept its place", a.id());
        }
    }
    let moved: Vec<_> = overlaps(&map)
        .into_iter()
        .filter(|(a, b)| new.contains(&a.as_str()) || new.contains(&b.as_str()))
        .collect();
    assert!(moved.is_empty(), "new cards overlap: {moved:?}");
}

#[test]
fn a_map_built_in_code_without_positions_fails_the_integrity_check() {
    let mut map = common::hand_made();
    map.claims[0].pos = warrant::model::Point::unplaced();
    assert!(matches!(
        map.integrity_errors().as_slice(),
        [IntegrityError::NoPosition { .. }]
    ));
}

#[test]
fn a_quote_with_reversed_offsets_is_reported_as_reversed() {
    let map = io::load(&bad("quote-reversed.json")).unwrap();
    let out = problems(&map);
    assert_eq!(out[0].kind, ProblemKind::QuoteMoved);
    assert!(
        out[0].message.contains("31..8 are reversed"),
        "{}",
        out[0].message
    );
    assert!(!out[0].message.contains("outside"), "{}", out[0].message);
}

#[test]
fn maps_in_other_encodings_say_so() {
    for name in ["utf16.json", "utf16be-no-bom.json"] {
        let e = io::load(&bad(name)).unwrap_err();
        assert!(matches!(e, LoadError::Encoding { .. }), "{name}: {e}");
        assert!(e.to_string().contains("UTF-16"), "{e}");
    }
    let mut latin1 =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/good-small.json")).unwrap();
    let at = latin1.iter().position(|&b| b == b'M').unwrap(); // "Moscow"
    latin1[at] = 0xE9; // é in Latin-1
    let e = io::map_from_json(&latin1, Path::new("latin1.json")).unwrap_err();
    assert!(e.to_string().contains("not UTF-8"), "{e}");
    assert!(e.to_string().contains(&format!("offset {at}")), "{e}");
    // A UTF-8 byte-order mark is harmless: the map opens as it is without one.
    assert_eq!(
        io::load(&bad("utf8-bom.json")).unwrap(),
        io::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/good-small.json")).unwrap()
    );
}

#[test]
fn a_relation_of_the_wrong_type_is_a_map_error_not_a_json_error() {
    let e = io::load(&bad("wrong-type-relation.json")).unwrap_err();
    let LoadError::Schema { line, message, .. } = &e else {
        panic!("{e}")
    };
    assert_eq!(*line, 77);
    assert!(message.contains("expected a relation"), "{message}");
    let e = io::load(&bad("unknown-relation.json")).unwrap_err();
    assert!(matches!(e, LoadError::Schema { .. }), "{e}");
    assert!(e.to_string().contains("`refutes`"), "{e}");
    // Any well-formed JSON is never called "not valid JSON", whatever value is misplaced.
    let text = std::fs::read_to_string(bad("../good-small.json")).unwrap();
    let odd = text.replacen("\"relation\": \"supports\"", "\"relation\": null", 1);
    let e = io::map_from_json(odd.as_bytes(), Path::new("null.json")).unwrap_err();
    assert!(matches!(e, LoadError::Schema { .. }), "{e}");
}

#[test]
fn duplicate_keys_are_refused_like_unknown_ones() {
    for (name, key, line) in [
        ("duplicate-key.json", "title", 6),
        ("duplicate-key-in-claim.json", "text", 30),
    ] {
        let e = io::load(&bad(name)).unwrap_err();
        let LoadError::Schema {
            line: at, message, ..
        } = &e
        else {
            panic!("{name}: {e}")
        };
        assert_eq!(*at, line, "{e}");
        assert_eq!(message, &format!("duplicate field `{key}`"));
    }
    // At any depth.
    let text = std::fs::read_to_string(bad("../good-small.json")).unwrap();
    let deep = text.replacen("\"x\": 300.0,", "\"x\": 300.0, \"x\": 1.0,", 1);
    let e = io::map_from_json(deep.as_bytes(), Path::new("dup.json")).unwrap_err();
    assert!(e.to_string().contains("duplicate field `x`"), "{e}");
}
