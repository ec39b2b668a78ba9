//! A generated argument map for layout tests and the layout benchmark, and Graphviz `dot`'s
//! layout of the same graph for comparison. Shared by `tests/layout.rs` and
//! `benches/layout.rs` (which includes this file by path).
#![allow(dead_code, clippy::unwrap_used)]

use std::collections::HashSet;
use std::fmt::Write;
use warrant::layout::{Size, count_crossings};
use warrant::model::{
    Claim, Link, LinkId, Map, NodeId, NodeRef, Point, Quote, Relation, Source, SourceId, TextAnchor,
};

/// A small deterministic generator (an LCG; good enough to shape a test graph).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const WORDS: [&str; 16] = [
    "NATO",
    "enlargement",
    "threatens",
    "Russia's",
    "security",
    "and",
    "the",
    "West",
    "cannot",
    "ignore",
    "Moscow's",
    "interests",
    "in",
    "a",
    "new",
    "Europe",
];

fn sentence(rng: &mut Rng, words: usize) -> String {
    (0..words)
        .map(|_| WORDS[rng.below(WORDS.len())])
        .collect::<Vec<_>>()
        .join(" ")
}

/// An argument map of about `nodes` cards: 40 % claims in a tree of reasons and objections
/// under one thesis (a few claims bear on a second claim too; a few pairs contradict), 60 %
/// quotes, each evidence for one claim. Cards start on a grid, as a careless import might leave
/// them.
pub fn argument_map(nodes: usize, seed: u64) -> Map {
    let mut rng = Rng(seed);
    let mut map = Map::new(format!("Generated map, {nodes} cards"));
    let mut src = Source::new("Article", "text");
    src.id = SourceId("s1".into());
    map.sources.push(src);
    let n_claims = (nodes * 2 / 5).max(1);
    let n_quotes = nodes - n_claims;
    let grid = |i: usize| Point::new((i % 40) as f32 * 300.0, (i / 40) as f32 * 220.0);
    let mut linked: HashSet<(usize, usize)> = HashSet::new();
    let link = |map: &mut Map, from: String, to: String, relation: Relation| {
        let id = LinkId(format!("l{}", map.links.len() + 1));
        map.links.push(Link {
            id,
            from: NodeId(from),
            to: NodeId(to),
            relation,
        });
    };
    for i in 0..n_claims {
        let words = 4 + rng.below(22);
        map.claims.push(Claim {
            id: NodeId(format!("c{i}")),
            text: sentence(&mut rng, words),
            thesis: i == 0,
            pos: grid(i),
            ..Claim::default()
        });
        if i > 0 {
            let parent = (i - 1) / 4 + rng.below((i - 1) / 4 + 1);
            let parent = parent.min(i - 1);
            let rel = if rng.chance(20) {
                Relation::Opposes
            } else {
                Relation::Supports
            };
            linked.insert((i, parent));
            link(&mut map, format!("c{i}"), format!("c{parent}"), rel);
        }
    }
    // A few claims that bear on a second claim, and a few contradictions.
    for i in 1..n_claims {
        if rng.chance(5) {
            let other = rng.below(i);
            if linked.insert((i, other)) {
                link(
                    &mut map,
                    format!("c{i}"),
                    format!("c{other}"),
                    Relation::Supports,
                );
            }
        }
        if rng.chance(2) {
            let other = rng.below(n_claims);
            if other != i && !linked.contains(&(other, i)) && linked.insert((i, other)) {
                link(
                    &mut map,
                    format!("c{i}"),
                    format!("c{other}"),
                    Relation::Contradicts,
                );
            }
        }
    }
    for q in 0..n_quotes {
        let claim = rng.below(n_claims);
        let words = 6 + rng.below(30);
        map.quotes.push(Quote {
            id: NodeId(format!("q{q}")),
            source: SourceId("s1".into()),
            anchor: TextAnchor {
                exact: sentence(&mut rng, words),
                ..TextAnchor::default()
            },
            note: String::new(),
            pos: grid(n_claims + q),
        });
        let rel = if rng.chance(10) {
            Relation::Opposes
        } else {
            Relation::Supports
        };
        link(&mut map, format!("q{q}"), format!("c{claim}"), rel);
    }
    map
}

/// The same graph as Graphviz DOT: cards as fixed-size boxes (1 canvas unit = 1 pt), the
/// reasons under what they bear on, contradicting claims on one rank.
pub fn to_dot(map: &Map, size: &dyn Fn(NodeRef<'_>) -> Size) -> String {
    let mut s = String::from(
        "digraph G {\n  nodesep=0.55; ranksep=1.25;\n  node [shape=box, fixedsize=true, label=\"\"];\n",
    );
    for n in map.nodes() {
        let sz = size(n);
        let _ = writeln!(
            s,
            "  \"{}\" [width={:.3}, height={:.3}];",
            n.id(),
            sz.w / 72.0,
            sz.h / 72.0
        );
    }
    for l in &map.links {
        match l.relation {
            Relation::Contradicts => {
                let _ = writeln!(
                    s,
                    "  \"{}\" -> \"{}\" [constraint=false]; {{ rank=same; \"{}\"; \"{}\"; }}",
                    l.from, l.to, l.from, l.to
                );
            }
            _ => {
                let _ = writeln!(s, "  \"{}\" -> \"{}\";", l.to, l.from);
            }
        }
    }
    s.push_str("}\n");
    s
}

/// Runs `dot -Tplain` on the map's graph and counts crossings of straight segments between the
/// card centres it chose; `None` when `dot` is not installed.
pub fn dot_crossings(map: &Map, size: &dyn Fn(NodeRef<'_>) -> Size) -> Option<usize> {
    use std::io::Write as _;
    use std::process::{Command, Stdio};
    let mut child = Command::new("dot")
        .arg("-Tplain")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .ok()?;
    child
        .stdin
        .take()?
        .write_all(to_dot(map, size).as_bytes())
        .ok()?;
    let out = child.wait_with_output().ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    let mut centre = std::collections::HashMap::new();
    for line in text.lines() {
        let f: Vec<&str> = line.split_whitespace().collect();
        if f.first() == Some(&"node") && f.len() >= 4 {
            let name = f[1].trim_matches('"').to_owned();
            let x: f32 = f[2].parse().ok()?;
            let y: f32 = f[3].parse().ok()?;
            centre.insert(name, Point::new(x * 72.0, -y * 72.0));
        }
    }
    let segs: Vec<(Point, Point)> = map
        .links
        .iter()
        .filter_map(|l| Some((*centre.get(l.from.as_str())?, *centre.get(l.to.as_str())?)))
        .collect();
    Some(count_crossings(&segs))
}

/// A pure support/attack tree of about `nodes` cards: 40 % claims, each a reason for or an
/// objection to one earlier claim, 60 % quotes, each evidence for one claim; on a grid.
pub fn argument_tree(nodes: usize, seed: u64) -> Map {
    let mut map = argument_map(nodes, seed);
    let mut has_parent = HashSet::new();
    map.links.retain(|l| {
        l.relation != Relation::Contradicts
            && (l.from.as_str().starts_with('q') || has_parent.insert(l.from.clone()))
    });
    map
}

/// A hostile map: `claims` claims and no positions (as a file without `pos` loads), each
/// linked to `per_claim` others at random, with some contradictions: far denser than any
/// argument, to check that the load-time layout stays bounded.
pub fn dense_map(claims: usize, per_claim: usize, seed: u64) -> Map {
    let mut rng = Rng(seed);
    let mut map = Map::new(format!("Dense map, {claims} claims"));
    for i in 0..claims {
        map.claims.push(Claim {
            id: NodeId(format!("c{i}")),
            text: sentence(&mut rng, 8),
            thesis: i == 0,
            pos: Point::unplaced(),
            ..Claim::default()
        });
    }
    for i in 0..claims {
        for _ in 0..per_claim {
            let other = rng.below(claims);
            if other == i {
                continue;
            }
            let relation = match rng.below(10) {
                0 => Relation::Contradicts,
                1..=2 => Relation::Opposes,
                _ => Relation::Supports,
            };
            let id = LinkId(format!("l{}", map.links.len() + 1));
            map.links.push(Link {
                id,
                from: NodeId(format!("c{i}")),
                to: NodeId(format!("c{other}")),
                relation,
            });
        }
    }
    map
}
