//! The sample maps, mutated as a hostile or careless hand would (values retargeted, removed,
//! duplicated, made huge or odd; bytes flipped), opened the way the app opens a file
//! (`io::load_stamped`), then analysed and laid out as the window and `warrant check` do:
//! whatever loads is shown without a panic, and every answer names only what the map holds.
//!
//! Bounded by construction, not by a clock: each case is one sample map with at most a few
//! mutations, and each algorithm run on it caps its own work.

#![allow(clippy::unwrap_used)] // tests: failing loudly is right

use proptest::prelude::*;
use serde_json::Value;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use warrant::layout::route::{Bounds, routes};
use warrant::layout::{LayoutSettings, card::card_size, map_crossings, tidy};
use warrant::model::{Map, NodeId};

/// The sample maps' file names and bytes, in name order.
fn samples() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("maps");
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).unwrap())
        })
        .collect();
    files.sort();
    files
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Number,
    String,
    Other,
}

/// One step of the way to a value inside a JSON document.
#[derive(Clone, Debug)]
enum Step {
    Key(String),
    At(usize),
}

/// The path of every value in `v` (containers and leaves), depth first, with the value's kind.
fn paths(v: &Value, here: &mut Vec<Step>, out: &mut Vec<(Vec<Step>, Kind)>) {
    let kind = match v {
        Value::Number(_) => Kind::Number,
        Value::String(_) => Kind::String,
        _ => Kind::Other,
    };
    out.push((here.clone(), kind));
    match v {
        Value::Object(o) => {
            for (k, x) in o {
                here.push(Step::Key(k.clone()));
                paths(x, here, out);
                here.pop();
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                here.push(Step::At(i));
                paths(x, here, out);
                here.pop();
            }
        }
        _ => {}
    }
}

fn get_mut<'a>(v: &'a mut Value, path: &[Step]) -> Option<&'a mut Value> {
    path.iter().try_fold(v, |v, step| match step {
        Step::Key(k) => v.get_mut(k.as_str()),
        Step::At(i) => v.get_mut(*i),
    })
}

/// Numbers that break assumptions: negative, zero, past `u32`/`f32`, not whole.
const NUMBERS: &[f64] = &[
    -1.0,
    0.0,
    1.0,
    0.5,
    7.0,
    1e9,
    4_294_967_296.0,
    9_007_199_254_740_993.0,
    1e30,
    -1e30,
    3.4e38,
];

/// Strings that break assumptions: empty, blank, ids of other things, relations, control and
/// non-characters, right-to-left and combining text, one very long word.
fn odd_string(pick: usize) -> String {
    const STRINGS: &[&str] = &[
        "",
        " \n\t ",
        "c1",
        "q1",
        "s1",
        "a1",
        "t1",
        "l1",
        "supports",
        "opposes",
        "contradicts",
        "qualifies",
        "\u{FFFF}\u{FFFE}\u{0}\u{1b}[2J",
        "\u{202E}NATO\u{0301}\u{0301}\u{0301}",
        "🙂👨‍👩‍👧",
    ];
    match STRINGS.get(pick % (STRINGS.len() + 1)) {
        Some(s) => (*s).to_owned(),
        None => "x".repeat(20_000),
    }
}

/// A change to a map document, by the index of the value it touches among the values of its
/// kind (taken modulo their number, so every change applies to some value). Most keep the
/// value's type, so the change gets past the schema to what the map means.
#[derive(Clone, Debug)]
enum Mutation {
    /// Replace a number with an odd number.
    Number(usize, usize),
    /// Add a small amount to a number (offsets off by a few, positions nudged).
    Shift(usize, i8),
    /// Replace a string with an odd string.
    Text(usize, usize),
    /// Copy one string over another (retargets links, swaps relations, clones ids, moves
    /// a quote to another article).
    CopyText(usize, usize),
    /// Copy one number over another (one quote's offsets onto another).
    CopyNumber(usize, usize),
    /// Copy any value over any other (mostly refused: the schema's turn).
    Copy(usize, usize),
    /// Remove a value from its object or array.
    Remove(usize),
    /// Duplicate an array element in place.
    Duplicate(usize),
    /// Replace a value with `null`, `[]`, `{}` or `true`.
    Empty(usize, u8),
    /// XOR one byte of the file (applied after the value changes).
    Byte(usize, u8),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => (any::<usize>(), any::<usize>()).prop_map(|(i, n)| Mutation::Number(i, n)),
        3 => (any::<usize>(), any::<i8>()).prop_map(|(i, d)| Mutation::Shift(i, d)),
        2 => (any::<usize>(), any::<usize>()).prop_map(|(i, s)| Mutation::Text(i, s)),
        4 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::CopyText(a, b)),
        2 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::CopyNumber(a, b)),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::Copy(a, b)),
        3 => any::<usize>().prop_map(Mutation::Remove),
        2 => any::<usize>().prop_map(Mutation::Duplicate),
        1 => (any::<usize>(), any::<u8>()).prop_map(|(i, k)| Mutation::Empty(i, k)),
        1 => (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Byte(i, b)),
    ]
}

/// `x` as JSON: whole numbers written as integers where `whole` (offsets are `usize`, and an
/// offset written `3.0` is refused by the schema before it means anything).
fn number_like(x: f64, whole: bool) -> Value {
    if whole && x.fract() == 0.0 && x.abs() < 9e15 {
        serde_json::json!(x as i64)
    } else {
        serde_json::json!(x)
    }
}

/// Applies one value change to `doc` (byte flips are left to [`mutated`]).
fn mutate(doc: &mut Value, m: &Mutation) {
    let mut found = Vec::new();
    paths(doc, &mut Vec::new(), &mut found);
    // Index 0 is the document itself: leave it, or nothing is left to load.
    found.remove(0);
    let of_kind = |kind: Option<Kind>| -> Vec<Vec<Step>> {
        found
            .iter()
            .filter(|(_, k)| kind.is_none_or(|kind| *k == kind))
            .map(|(p, _)| p.clone())
            .collect()
    };
    let (all, numbers) = (of_kind(None), of_kind(Some(Kind::Number)));
    let strings = of_kind(Some(Kind::String));
    let pick = |among: &[Vec<Step>], i: usize| among.get(i % among.len().max(1)).cloned();
    let copy = |doc: &mut Value, from: Option<Vec<Step>>, to: Option<Vec<Step>>| {
        let value = from.and_then(|p| get_mut(doc, &p).map(|v| v.clone()));
        if let (Some(value), Some(to)) = (value, to.and_then(|p| get_mut(doc, &p))) {
            *to = value;
        }
    };
    let set = |doc: &mut Value, at: Option<Vec<Step>>, f: &dyn Fn(&Value) -> Value| {
        if let Some(v) = at.and_then(|p| get_mut(doc, &p)) {
            *v = f(v);
        }
    };
    match *m {
        Mutation::Number(i, n) => set(doc, pick(&numbers, i), &|_| {
            number_like(NUMBERS[n % NUMBERS.len()], true)
        }),
        Mutation::Shift(i, d) => set(doc, pick(&numbers, i), &|v| match v.as_u64() {
            Some(n) => serde_json::json!(n.saturating_add_signed(i64::from(d))),
            None => serde_json::json!(v.as_f64().unwrap_or(0.0) + f64::from(d)),
        }),
        Mutation::Text(i, s) => set(doc, pick(&strings, i), &|_| Value::String(odd_string(s))),
        Mutation::CopyText(a, b) => copy(doc, pick(&strings, a), pick(&strings, b)),
        Mutation::CopyNumber(a, b) => {
            let from = pick(&numbers, a).and_then(|p| get_mut(doc, &p).and_then(|v| v.as_f64()));
            if let Some(x) = from {
                set(doc, pick(&numbers, b), &|to| number_like(x, to.is_u64()));
            }
        }
        Mutation::Copy(a, b) => copy(doc, pick(&all, a), pick(&all, b)),
        Mutation::Remove(i) | Mutation::Duplicate(i) => {
            let Some(path) = pick(&all, i) else { return };
            let (last, parent) = path.split_last().unwrap();
            let dup = matches!(m, Mutation::Duplicate(_));
            match (get_mut(doc, parent), last) {
                // A required field gone is the schema's business; optional ones reach further
                // (a card without `pos` is laid out on load).
                (Some(Value::Object(o)), Step::Key(k))
                    if !dup && OPTIONAL.contains(&k.as_str()) =>
                {
                    drop(o.remove(k));
                }
                (Some(Value::Array(a)), Step::At(i)) if dup => a.insert(*i, a[*i].clone()),
                (Some(Value::Array(a)), Step::At(i)) => drop(a.remove(*i)),
                _ => {}
            }
        }
        Mutation::Empty(i, k) => set(doc, pick(&all, i), &|_| {
            [
                Value::Null,
                Value::Array(Vec::new()),
                serde_json::json!({}),
                Value::Bool(true),
            ][k as usize % 4]
                .clone()
        }),
        Mutation::Byte(..) => {}
    }
}

/// Keys a map file may leave out.
const OPTIONAL: &[&str] = &[
    "pos",
    "note",
    "prefix",
    "suffix",
    "actors",
    "tags",
    "thesis",
    "story",
    "focus",
    "description",
    "author",
    "outlet",
    "date",
    "comments",
];

/// A sample map's bytes with `mutations` applied.
fn mutated(bytes: &[u8], mutations: &[Mutation]) -> Vec<u8> {
    let mut doc: Value = serde_json::from_slice(bytes).unwrap();
    for m in mutations {
        mutate(&mut doc, m);
    }
    let mut out = serde_json::to_vec_pretty(&doc).unwrap();
    for m in mutations {
        if let Mutation::Byte(i, b) = *m {
            let i = i % out.len();
            out[i] ^= b;
        }
    }
    out
}

/// Opens `bytes` as the app opens a file: from disk, through the bounded reader.
fn open(dir: &Path, bytes: &[u8]) -> Option<Map> {
    let path: PathBuf = dir.join("mutated.warrant");
    std::fs::write(&path, bytes).unwrap();
    match warrant::io::load_stamped(&path) {
        Ok((map, _)) => Some(map),
        Err(e) => {
            assert!(!e.to_string().trim().is_empty(), "an error with no message");
            None
        }
    }
}

/// Runs what the window and `warrant check` run on a map, and checks that every answer is
/// about the map's own items.
fn analyse_and_lay_out(map: &Map, original: &Map) {
    let ids: HashSet<String> = map
        .nodes()
        .map(|n| n.id().0.clone())
        .chain(map.links.iter().map(|l| l.id.0.clone()))
        .chain(map.actors.iter().map(|a| a.id.0.clone()))
        .chain(map.sources.iter().map(|s| s.id.0.clone()))
        .collect();
    let analysis = warrant::analysis::analyse(map);
    assert_eq!(analysis.quotes.len(), map.quotes.len());
    assert_eq!(analysis.standing.len(), map.claims.len());
    let problems = warrant::check::problems_from(map, &analysis.quotes);
    let findings = warrant::check::findings_from(map, &analysis.quotes);
    for item in problems
        .iter()
        .map(|p| &p.item)
        .chain(findings.iter().map(|f| &f.item))
    {
        assert!(
            ids.contains(item),
            "a finding about {item}, which the map does not hold"
        );
    }
    let _ = warrant::analysis::rubric(map, &analysis);
    let _ = warrant::analysis::compare(original, map);

    let placed = tidy(map, &LayoutSettings::default());
    assert_eq!(placed.len(), map.nodes().count(), "every card is placed");
    assert!(
        placed
            .iter()
            .all(|(_, p)| p.x.is_finite() && p.y.is_finite()),
        "every card is placed somewhere"
    );
    let bounds = |id: &NodeId| {
        let n = map.node(id)?;
        let s = card_size(n);
        Some(Bounds {
            x: n.pos().x,
            y: n.pos().y,
            w: s.w,
            h: s.h,
        })
    };
    assert_eq!(routes(map, &bounds).len(), map.links.len());
    let _ = map_crossings(map, &card_size);
}

/// 64 cases by default (about 8 s in a debug build on an idle machine); set `PROPTEST_CASES` to
/// hunt longer (5,000 cases were run while writing it).
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(64)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn mutated_sample_maps_open_analyse_and_lay_out_without_panicking(
        pick in any::<usize>(),
        mutations in proptest::collection::vec(mutation(), 1..6),
    ) {
        let files = samples();
        let (_, bytes) = &files[pick % files.len()];
        let original = warrant::io::map_from_json(bytes, Path::new("sample.json")).unwrap();
        let dir = tempfile::tempdir().unwrap();
        if let Some(map) = open(dir.path(), &mutated(bytes, &mutations)) {
            analyse_and_lay_out(&map, &original);
        }
    }
}

/// The generator reaches past the loader's refusals: most single value changes still open.
#[test]
fn most_single_changes_still_open() {
    let files = samples();
    let dir = tempfile::tempdir().unwrap();
    let mut opened = 0;
    let cases = 36;
    for i in 0..cases {
        let m = match i % 4 {
            0 => Mutation::Shift(i * 7919, 3),
            1 => Mutation::Text(i * 104_729, i),
            2 => Mutation::CopyText(i * 15_485_863, i * 32_452_843),
            _ => Mutation::CopyNumber(i * 179_424_673, i),
        };
        let (_, bytes) = &files[i % files.len()];
        if let Some(map) = open(dir.path(), &mutated(bytes, &[m])) {
            let original = warrant::io::map_from_json(bytes, Path::new("s.json")).unwrap();
            analyse_and_lay_out(&map, &original);
            opened += 1;
        }
    }
    assert!(
        opened * 2 > cases,
        "only {opened} of {cases} mutated maps opened"
    );
}
