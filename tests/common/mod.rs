//! Shared by the tests: maps (a small hand-made one and generated ones), the app in a harness,
//! what a user does in the window, a teacher's class on disk, the sample maps and the outside
//! validators.
#![allow(dead_code, clippy::unwrap_used)]

pub mod app;
pub mod class;
pub mod generated;
pub mod steps;
pub mod tools;

use proptest::prelude::*;
use warrant::anchor::anchor_from_range;
use warrant::model::{
    Actor, ActorId, Claim, Color, Link, LinkId, Map, NodeId, Point, Quote, Relation, Source,
    SourceId, Step, StepId, Tag, TagId,
};

/// `tests/good-small.json`: one article, two claims that contradict each other (“NATO is
/// obsolete”, “NATO is a threat”), both held by Moscow, and a quote.
pub fn small_map() -> Map {
    warrant::io::load(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/good-small.json"),
    )
    .expect("the small test map loads")
}

/// A two-article map with every kind of thing in it, text with curly quotes and line breaks.
pub fn hand_made() -> Map {
    let mut map = Map::new("NATO: relic or threat?");
    map.description = "A “hand-made” map — for tests.".into();
    let mut s1 = Source::new(
        "Memo",
        "Russian officials call NATO a dangerously strong\n(even omnipotent) bloc, and a relic of the Cold\nWar.",
    );
    s1.id = SourceId("s1".into());
    s1.author = "unknown".into();
    s1.url = Some("https://example.org/memo".into());
    let mut s2 = Source::new(
        "Op-ed",
        "Moscow’s key demand – legally binding guarantees – was rejected.",
    );
    s2.id = SourceId("s2".into());
    map.sources = vec![s1, s2];
    map.actors = vec![Actor {
        id: ActorId("a1".into()),
        name: "Russian officials".into(),
        color: Color::rgb(200, 30, 30),
    }];
    map.tags = vec![Tag {
        id: TagId("t1".into()),
        name: "military".into(),
        color: Color::palette(3),
    }];
    let claim = |id: &str, text: &str, x: f32| Claim {
        id: NodeId(id.into()),
        text: text.into(),
        actors: vec![ActorId("a1".into())],
        tags: vec![TagId("t1".into())],
        pos: Point::new(x, 0.0),
        ..Claim::default()
    };
    map.claims = vec![
        Claim {
            thesis: true,
            ..claim("c1", "NATO is omnipotent", 0.0)
        },
        claim("c2", "NATO is a Cold War relic", 300.5),
    ];
    let text = &map.sources[0].text;
    let start = text.find("a relic").unwrap();
    map.quotes = vec![Quote {
        id: NodeId("q1".into()),
        source: SourceId("s1".into()),
        anchor: anchor_from_range(text, start, start + "a relic of the Cold\nWar".len()).unwrap(),
        note: "across a line break".into(),
        pos: Point::new(300.0, 200.25),
    }];
    map.links = vec![
        Link {
            id: LinkId("l1".into()),
            from: NodeId("q1".into()),
            to: NodeId("c2".into()),
            relation: Relation::Supports,
        },
        Link {
            id: LinkId("l2".into()),
            from: NodeId("c1".into()),
            to: NodeId("c2".into()),
            relation: Relation::Contradicts,
        },
    ];
    map.story = vec![Step {
        id: StepId("p1".into()),
        title: "Two views".into(),
        show: vec![NodeId("c1".into()), NodeId("c2".into())],
        focus: vec![NodeId("c1".into())],
        note: String::new(),
    }];
    assert!(map.integrity_errors().is_empty());
    map
}

fn text_strategy() -> impl Strategy<Value = String> {
    // Words with non-ASCII letters, quotes, dashes and line breaks.
    proptest::collection::vec(
        prop_oneof![
            "[a-zA-Z]{1,8}",
            Just("Thilisi".to_owned()),
            Just("“NATO”".to_owned()),
            Just("—".to_owned()),
            Just("\n".to_owned()),
            Just("Россия".to_owned()),
        ],
        1..60,
    )
    // Never blank: an article with no text is refused on import.
    .prop_map(|w| format!("Text: {}", w.join(" ")))
}

fn coord() -> impl Strategy<Value = f32> {
    -5000.0f32..5000.0
}

/// A generated claim: text, position, actor and tag bits, thesis.
type ClaimSeed = (String, f32, f32, u8, bool);
/// A generated quote: source pick, start and length picks, position.
type QuoteSeed = (u16, u16, u16, f32, f32);

/// Generated maps that pass the integrity check.
pub fn arb_map() -> impl Strategy<Value = Map> {
    (
        "[ -~]{0,30}",
        proptest::collection::vec(text_strategy(), 1..4),
        proptest::collection::vec(
            (
                text_strategy(),
                coord(),
                coord(),
                any::<u8>(),
                any::<bool>(),
            ),
            0..12,
        ),
        proptest::collection::vec(
            (any::<u16>(), any::<u16>(), any::<u16>(), coord(), coord()),
            0..12,
        ),
        proptest::collection::vec(
            (any::<u16>(), any::<u16>(), 0u8..Relation::ALL.len() as u8),
            0..20,
        ),
        proptest::collection::vec(("[a-z ]{0,12}", any::<u16>()), 0..4),
    )
        .prop_map(|(title, texts, claims, quotes, links, steps)| {
            let mut map = Map::new(title);
            add_sources_and_names(&mut map, texts);
            add_claims(&mut map, claims);
            add_quotes(&mut map, quotes);
            let nodes: Vec<NodeId> = map.nodes().map(|n| n.id().clone()).collect();
            add_links(&mut map, &nodes, links);
            add_steps(&mut map, &nodes, steps);
            map
        })
}

/// The articles, three actors and three tags.
fn add_sources_and_names(map: &mut Map, texts: Vec<String>) {
    for (i, t) in texts.into_iter().enumerate() {
        let mut s = Source::new(format!("Source {i}"), t);
        s.id = SourceId(format!("s{}", i + 1));
        map.sources.push(s);
    }
    for i in 0..3 {
        map.actors.push(Actor {
            id: ActorId(format!("a{i}")),
            name: format!("Actor {i}"),
            color: Color::palette(i),
        });
        map.tags.push(Tag {
            id: TagId(format!("t{i}")),
            name: format!("tag {i}"),
            color: Color::palette(i + 3),
        });
    }
}

fn add_claims(map: &mut Map, claims: Vec<ClaimSeed>) {
    for (i, (text, x, y, bits, thesis)) in claims.into_iter().enumerate() {
        map.claims.push(Claim {
            id: NodeId(format!("c{}", i + 1)),
            text,
            thesis,
            actors: (0..3)
                .filter(|b| bits & (1 << b) != 0)
                .map(|b| ActorId(format!("a{b}")))
                .collect(),
            tags: (0..3)
                .filter(|b| bits & (8 << b) != 0)
                .map(|b| TagId(format!("t{b}")))
                .collect(),
            note: String::new(),
            pos: Point::new(x, y),
        });
    }
}

fn add_quotes(map: &mut Map, quotes: Vec<QuoteSeed>) {
    for (i, (src, a, b, x, y)) in quotes.into_iter().enumerate() {
        let source = &map.sources[src as usize % map.sources.len()];
        let len = source.text.chars().count();
        let start = a as usize % len;
        let end = start + 1 + b as usize % (len - start);
        let Ok(anchor) = anchor_from_range(&source.text, start, end) else {
            continue; // blank selections are refused; skip them
        };
        map.quotes.push(Quote {
            id: NodeId(format!("q{}", i + 1)),
            source: source.id.clone(),
            anchor,
            note: String::new(),
            pos: Point::new(x, y),
        });
    }
}

/// Links the rules allow, at most one between two cards.
fn add_links(map: &mut Map, nodes: &[NodeId], links: Vec<(u16, u16, u8)>) {
    for (a, b, r) in links {
        if nodes.is_empty() || map.claims.is_empty() {
            break;
        }
        let from = nodes[a as usize % nodes.len()].clone();
        let to = map.claims[b as usize % map.claims.len()].id.clone();
        let relation = Relation::ALL[r as usize];
        let from_claim = map.claim(&from).is_some();
        if from == to
            || warrant::model::link_rule(from_claim, true, relation).is_err()
            || map
                .links
                .iter()
                .any(|l| (l.from == from && l.to == to) || (l.from == to && l.to == from))
        {
            continue;
        }
        let id = map.new_link_id();
        map.links.push(Link {
            id,
            from,
            to,
            relation,
        });
    }
}

fn add_steps(map: &mut Map, nodes: &[NodeId], steps: Vec<(String, u16)>) {
    for (i, (title, pick)) in steps.into_iter().enumerate() {
        let show = nodes
            .iter()
            .skip(pick as usize % 3)
            .step_by(2)
            .cloned()
            .collect();
        map.story.push(Step {
            id: StepId(format!("p{}", i + 1)),
            title,
            show,
            focus: nodes.iter().take(1).cloned().collect(),
            note: "note".into(),
        });
    }
}
