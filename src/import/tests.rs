//! Bad input for each format: a clear error naming the line or node, and no map at all. The
//! real files are imported in tests/interchange.rs.

use super::*;

fn err_of(text: &str, format: ImportFormat) -> String {
    match import_text(text, format, "test") {
        Ok(i) => panic!("imported {} claims from bad input", i.map.claims.len()),
        Err(e) => e.to_string(),
    }
}

#[test]
fn kialo_errors_name_the_line() {
    let k = ImportFormat::Kialo;
    assert!(err_of("Title: x\n\n1. a\n", k).starts_with("line 1:"));
    assert!(err_of("Discussion Title: x\n\nstray\n1. a\n", k).starts_with("line 3:"));
    let e = err_of("Discussion Title: x\n\n1. a\n1.1. Pro: b\n1.1. Con: c\n", k);
    assert!(e.starts_with("line 5:") && e.contains("line 4"), "{e}");
    let e = err_of("Discussion Title: x\n\n1. a\n1.2.1. Pro: b\n", k);
    assert!(e.starts_with("line 4:") && e.contains("1.2."), "{e}");
    let e = err_of("Discussion Title: x\n\n1. a\n1.1. Pro: -> See 1.9.\n", k);
    assert!(e.starts_with("line 4:") && e.contains("1.9."), "{e}");
    let e = err_of("Discussion Title: x\n\n1. a\n1.1. b\n", k);
    assert!(e.starts_with("line 4:") && e.contains("stance"), "{e}");
}

#[test]
fn kialo_reads_stance_links_and_continued_text() {
    use crate::model::Relation::{Opposes, Supports};
    let text = "Discussion Title: T\r\n\r\n1. Thesis\r\n1.1. Con: No \\(really\\)\r\nsecond line\r\n\
                1.1.1. Pro: Yes\r\n1.2. Pro: -> See 1.1.1.\r\n";
    let i = import_text(text, ImportFormat::Kialo, "x").unwrap();
    assert_eq!(i.map.title, "T");
    let texts: Vec<&str> = i.map.claims.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["Thesis", "No (really)\nsecond line", "Yes"]);
    assert!(i.map.claims[0].thesis);
    let links: Vec<(&str, &str, crate::model::Relation)> = i
        .map
        .links
        .iter()
        .map(|l| (l.from.as_str(), l.to.as_str(), l.relation))
        .collect();
    assert_eq!(
        links,
        [
            ("c2", "c1", Opposes),
            ("c3", "c2", Supports),
            ("c3", "c1", Supports)
        ]
    );
}

#[test]
fn aif_errors_name_the_node_or_edge() {
    let a = ImportFormat::Aif;
    let e = err_of(
        "{\"nodes\": [{\"nodeID\": \"7\", \"text\": \"x\"}], \"edges\": []}",
        a,
    );
    assert!(e.starts_with("node 7:") && e.contains("type"), "{e}");
    let e = err_of(
        "{\"nodes\": [{\"text\": \"x\", \"type\": \"I\"}], \"edges\": []}",
        a,
    );
    assert!(e.starts_with("node #1"), "{e}");
    let e = err_of(
        r#"{"nodes": [{"nodeID": 1, "text": "a", "type": "I"}, {"nodeID": "1", "text": "b", "type": "I"}], "edges": []}"#,
        a,
    );
    assert!(e.starts_with("node 1:"), "{e}");
    let e = err_of(
        r#"{"nodes": [{"nodeID": 1, "text": "a", "type": "I"}], "edges": [{"edgeID": 9, "fromID": 1, "toID": 2}]}"#,
        a,
    );
    assert!(e.starts_with("edge 9:") && e.contains('2'), "{e}");
    let e = err_of("{\"nodes\": [\n{]}", a);
    assert!(e.contains("line 2"), "{e}");
    assert!(err_of("[1, 2]", a).contains("object"));
    assert!(err_of("{\"AIF\": 3}", a).contains("AIF"));
    assert!(err_of("{\"edges\": []}", a).contains("nodes"));
}

#[test]
fn argdown_errors_name_the_line() {
    let d = ImportFormat::Argdown;
    let e = err_of("[A]: a\n  + [B: b\n", d);
    assert!(e.starts_with("line 2:") && e.contains("not closed"), "{e}");
    let e = err_of("\n  + [B]: b\n", d);
    assert!(
        e.starts_with("line 2:") && e.contains("nothing above"),
        "{e}"
    );
    let e = err_of("[A]: a\n/* open\n", d);
    assert!(e.starts_with("line 2:") && e.contains("comment"), "{e}");
    let e = err_of("===\ntitle: x\n[A]: a\n", d);
    assert!(
        e.starts_with("line 1:") && e.contains("front matter"),
        "{e}"
    );
    let e = err_of("(1) a\n----\n", d);
    assert!(e.contains("no conclusion"), "{e}");
    assert!(err_of("// only a comment\n", d).contains("no statements"));
}

#[test]
fn argdown_reads_relations_both_ways_and_premise_conclusion_structures() {
    use crate::model::Relation::{Contradicts, Opposes, Supports};
    let text = "===\ntitle: \"Energy\"\n===\n\n[A]: Alpha #policy\n  + [B]: Beta\n    - <C>: Gamma\n  \
                +> [D]: Delta\n  >< [E]: Eps\n\n[B]\n  <- [F]: Phi\n\n<G>\n\n(1) [P]: Premise\n(2) Other\n\
                ----\n(3) [Q]: Conclusion\n";
    let i = import_text(text, ImportFormat::Argdown, "x").unwrap();
    let m = &i.map;
    assert_eq!(m.title, "Energy");
    let id = |t: &str| m.claims.iter().find(|c| c.text == t).unwrap().id.clone();
    let has = |a: &str, r, b: &str| {
        m.links
            .iter()
            .any(|l| l.from == id(a) && l.to == id(b) && l.relation == r)
    };
    assert!(has("Beta", Supports, "Alpha"));
    assert!(has("Gamma", Opposes, "Beta"));
    assert!(has("Alpha", Supports, "Delta"));
    assert!(has("Alpha", Contradicts, "Eps"));
    assert!(has("Phi", Opposes, "Beta"));
    assert!(has("Premise", Supports, "Conclusion"));
    assert!(has("Other", Supports, "Conclusion"));
    assert_eq!(m.links.len(), 7);
    // `<G>` named without a text is a claim of its title.
    assert!(m.claims.iter().any(|c| c.text == "G"));
    assert_eq!(m.tags.len(), 1);
}

#[test]
fn no_prefix_of_a_file_panics() {
    let docs = [
        (
            ImportFormat::Kialo,
            "Discussion Title: T\n\n1. a [x](http://y)\n1.1. Pro: b \\(c\\)\n1.1.1. Con: -> See 1.\n",
        ),
        (
            ImportFormat::Argdown,
            "===\ntitle: t\n===\n# H\n[A]: a #t {x: {y: 1}}\n  + <B>: b\n    _ [C]\n(1) p\n--\n(2) q /* c */\n",
        ),
        (
            ImportFormat::Aif,
            r#"{"AIF": {"nodes": [{"nodeID": 1, "text": "a", "type": "I"}, {"nodeID": 2, "text": "RA", "type": "RA"}], "edges": [{"edgeID": 1, "fromID": 1, "toID": 2}], "locutions": [], "participants": []}}"#,
        ),
    ];
    for (format, doc) in docs {
        for (cut, _) in doc.char_indices() {
            let _ = import_text(&doc[..cut], format, "x");
        }
        assert!(import_text(doc, format, "x").is_ok(), "{doc}");
    }
}

#[test]
fn formats_are_told_from_content_and_name() {
    use std::path::Path;
    let p = Path::new("x.txt");
    assert_eq!(detect(p, " {\"nodes\": []}"), Some(ImportFormat::Aif));
    assert_eq!(
        detect(p, "\u{feff}Discussion Title: x"),
        Some(ImportFormat::Kialo)
    );
    assert_eq!(
        detect(Path::new("a.ArgDown"), "[A]: a"),
        Some(ImportFormat::Argdown)
    );
    assert_eq!(detect(p, "[A]: a"), None);
}
