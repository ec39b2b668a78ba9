//! Maps made to hurt: whatever a map file holds, the app shows it or says what is wrong with it,
//! and never panics.

#![allow(clippy::unwrap_used)] // helpers of tests: failing loudly is right

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use std::path::Path;
use warrant::model::{Map, Step, StepId};
use warrant::ui::WarrantApp;

mod common;
use common::small_map;

/// Presents a one-step story that focuses the map's first quote (so its paragraph is shown).
fn present_first_quote(map: Map) -> Harness<'static, WarrantApp> {
    let mut map = map;
    map.story = vec![Step {
        id: StepId("st1".into()),
        title: "The relic".into(),
        show: map.nodes().map(|n| n.id().clone()).collect(),
        focus: vec![map.quotes[0].id.clone()],
        note: String::new(),
    }];
    let mut h = common::app::started(map, None);
    common::steps::present(&mut h);
    h
}

#[test]
fn presenting_a_quote_with_reversed_or_outlying_offsets_shows_it_without_panicking() {
    for (start, end) in [(31, 8), (500, 9000), (8, 9000), (9000, 8)] {
        let mut map = small_map();
        map.quotes[0].anchor.start = start;
        map.quotes[0].anchor.end = end;
        // Such a quote loads (its text is found elsewhere): the loader is not the guard.
        let json = warrant::io::map_to_json(&map).unwrap();
        let map = warrant::io::map_from_json(&json, Path::new("hostile.json")).unwrap();
        let h = present_first_quote(map);
        assert!(
            h.query_by_label("“a relic of the Cold War”").is_some(),
            "the quote is shown ({start}..{end})"
        );
    }
}

/// The fuzz corpus of the map loader (`fuzz/corpus/map_loader`): hostile and broken files, and
/// small valid maps.
fn corpus() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/map_loader");
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&path).unwrap())
        })
        .collect();
    files.sort();
    files
}

/// What the fuzz target asserts, for one input: the loader answers with a map that saves and
/// loads back unchanged, or with an error that has a message; well-formed JSON is never called
/// "not valid JSON". `Err` names what went wrong.
fn loader_holds(bytes: &[u8]) -> Result<(), String> {
    let path = Path::new("corpus.json");
    let outcome = std::panic::catch_unwind(|| warrant::io::map_from_json(bytes, path));
    match outcome {
        Err(_) => Err("the loader panicked".into()),
        Ok(Ok(map)) => {
            let json = warrant::io::map_to_json(&map).map_err(|e| e.to_string())?;
            let back = warrant::io::map_from_json(&json, path).map_err(|e| e.to_string())?;
            if back != map {
                return Err("save then load changed the map".into());
            }
            std::panic::catch_unwind(|| warrant::check::problems(&map))
                .map_err(|_| "check panicked on a loaded map".to_owned())?;
            Ok(())
        }
        Ok(Err(e)) => {
            let json_ok = serde_json::from_slice::<serde_json::Value>(
                bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes),
            )
            .is_ok();
            if json_ok && matches!(e, warrant::io::LoadError::Json { .. }) {
                return Err(format!("well-formed JSON refused as invalid JSON: {e}"));
            }
            if e.to_string().trim().is_empty() {
                return Err("an error without a message".into());
            }
            Ok(())
        }
    }
}

#[test]
fn every_file_of_the_fuzz_corpus_loads_or_is_refused_with_a_message() {
    let files = corpus();
    assert!(
        files.len() >= 30,
        "the corpus is there ({} files)",
        files.len()
    );
    let failures: Vec<String> = files
        .iter()
        .filter_map(|(name, bytes)| loader_holds(bytes).err().map(|e| format!("{name}: {e}")))
        .collect();
    assert!(failures.is_empty(), "{failures:#?}");
    // The corpus holds both: maps that open and files that are refused.
    let opened = files
        .iter()
        .filter(|(_, b)| warrant::io::map_from_json(b, Path::new("x")).is_ok())
        .count();
    assert!(
        opened >= 5 && opened < files.len() - 20,
        "{opened} of {} open",
        files.len()
    );
}

/// A mutation of a corpus file, as a fuzzer would make it.
#[derive(Clone, Debug)]
enum Mutation {
    Flip(usize, u8),
    Truncate(usize),
    Insert(usize, &'static str),
    Delete(usize, usize),
}

fn mutation() -> impl proptest::strategy::Strategy<Value = Mutation> {
    use proptest::prelude::*;
    // Tokens that change a map's meaning, not only break its syntax.
    const TOKENS: &[&str] = &[
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "\"",
        "null",
        "-1",
        "0",
        "1e39",
        "18446744073709551616",
        "\"x\"",
        "\"\\ud800\"",
        "\"\\uffff\"",
        "\"id\": \"c1\", ",
        "\"pos\": {}",
        "\u{FEFF}",
    ];
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Flip(i, b)),
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), proptest::sample::select(TOKENS))
            .prop_map(|(i, t)| Mutation::Insert(i, t)),
        (any::<usize>(), 1usize..40).prop_map(|(i, n)| Mutation::Delete(i, n)),
    ]
}

fn mutate(bytes: &mut Vec<u8>, m: &Mutation) {
    if bytes.is_empty() {
        return;
    }
    let at = |i: usize| i % bytes.len();
    match *m {
        Mutation::Flip(i, b) => {
            let i = at(i);
            bytes[i] ^= b;
        }
        Mutation::Truncate(i) => bytes.truncate(at(i)),
        Mutation::Insert(i, t) => {
            let i = at(i);
            bytes.splice(i..i, t.bytes());
        }
        Mutation::Delete(i, n) => {
            let i = at(i);
            let end = (i + n).min(bytes.len());
            bytes.drain(i..end);
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

    /// The fuzz target's property on stable Rust: corpus files mutated as a fuzzer would.
    #[test]
    fn mutated_corpus_files_load_or_are_refused_with_a_message(
        pick in proptest::prelude::any::<usize>(),
        mutations in proptest::collection::vec(mutation(), 1..6),
    ) {
        let files = corpus();
        let mut bytes = files[pick % files.len()].1.clone();
        for m in &mutations {
            mutate(&mut bytes, m);
        }
        if let Err(e) = loader_holds(&bytes) {
            proptest::prop_assert!(false, "{}", e);
        }
    }
}
