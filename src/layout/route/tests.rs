use super::*;
use crate::model::{Claim, Link, LinkId, Quote};

fn card(x: f32, y: f32, h: f32) -> Bounds {
    Bounds { x, y, w: 240.0, h }
}

/// A claim at the top with two quotes stacked under it, a reason straight below the stack
/// and one off to the left; a second claim with no stack.
fn map() -> (Map, HashMap<NodeId, Bounds>) {
    let mut m = Map::new("t");
    let mut at = HashMap::new();
    for (id, b) in [
        ("c", card(0.0, 0.0, 60.0)),
        ("below", card(0.0, 400.0, 60.0)),
        ("left", card(-600.0, 400.0, 60.0)),
        ("plain", card(800.0, 0.0, 60.0)),
        ("under-plain", card(800.0, 300.0, 60.0)),
    ] {
        m.claims.push(Claim {
            id: NodeId::from(id),
            ..Claim::default()
        });
        at.insert(NodeId::from(id), b);
    }
    for (id, b) in [
        ("q1", card(0.0, 78.0, 80.0)),
        ("q2", card(0.0, 176.0, 80.0)),
    ] {
        m.quotes.push(Quote {
            id: NodeId::from(id),
            ..Quote::default()
        });
        at.insert(NodeId::from(id), b);
    }
    for (from, to) in [
        ("q1", "c"),
        ("q2", "c"),
        ("below", "c"),
        ("left", "c"),
        ("under-plain", "plain"),
    ] {
        m.links.push(Link {
            id: LinkId(format!("{from}-{to}")),
            from: NodeId::from(from),
            to: NodeId::from(to),
            relation: Relation::Supports,
        });
    }
    (m, at)
}

/// Whether the segment a–b passes through the inside of `r`.
fn crosses(a: Point, b: Point, r: Bounds) -> bool {
    (1..100).any(|k| {
        let t = k as f32 / 100.0;
        let (x, y) = (a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t);
        x > r.x + 1.0 && x < r.right() - 1.0 && y > r.y + 1.0 && y < r.bottom() - 1.0
    })
}

#[test]
fn links_from_below_go_round_the_stack_into_the_side_of_the_claim() {
    let (m, at) = map();
    let routes = routes(&m, &|id| at.get(id).copied());
    let stack = [at[&NodeId::from("q1")], at[&NodeId::from("q2")]];
    let c = at[&NodeId::from("c")];
    for (i, l) in m.links.iter().enumerate() {
        let r = routes[i].as_ref().unwrap();
        for w in r.windows(2) {
            for q in stack {
                if m.quote(&l.from).is_none() {
                    assert!(!crosses(w[0], w[1], q), "{} passes behind a quote", l.id);
                }
            }
        }
        let tip = *r.last().unwrap();
        if l.from.as_str() == "below" {
            assert_eq!(r.len(), 3, "bends round the stack's corner");
            assert!((tip.x - c.x).abs() < 0.01 || (tip.x - c.right()).abs() < 0.01);
        }
        if l.from.as_str() == "left" {
            assert_eq!(
                r.len(),
                2,
                "clear of the stack: straight into the left side"
            );
            assert!((tip.x - c.x).abs() < 0.01);
            assert!(tip.y > c.y && tip.y < c.bottom());
        }
        if l.from.as_str() == "under-plain" || m.quote(&l.from).is_some() {
            assert_eq!(r.len(), 2, "{} goes straight", l.id);
        }
    }
}

#[test]
fn links_entering_one_side_are_spread_along_it() {
    let (mut m, mut at) = map();
    m.claims.push(Claim {
        id: NodeId::from("left2"),
        ..Claim::default()
    });
    at.insert(NodeId::from("left2"), card(-300.0, 400.0, 60.0));
    m.links.push(Link {
        id: LinkId::from("left2-c"),
        from: NodeId::from("left2"),
        to: NodeId::from("c"),
        relation: Relation::Opposes,
    });
    let routes = routes(&m, &|id| at.get(id).copied());
    let tip = |id: &str| {
        let i = m.links.iter().position(|l| l.id.as_str() == id).unwrap();
        *routes[i].as_ref().unwrap().last().unwrap()
    };
    let (far, near) = (tip("left-c"), tip("left2-c"));
    assert!(
        far.y < near.y,
        "the outer source enters higher: no crossing"
    );
}

#[test]
fn reasons_stacked_in_a_column_share_a_trunk_beside_it() {
    let mut m = Map::new("t");
    let mut at = HashMap::new();
    let column = ["r1", "r2", "r3"];
    for (id, b) in [
        ("c", card(400.0, 0.0, 60.0)),
        ("r1", card(0.0, 200.0, 60.0)),
        ("r2", card(0.0, 300.0, 60.0)),
        ("r3", card(0.0, 400.0, 60.0)),
    ] {
        m.claims.push(Claim {
            id: NodeId::from(id),
            ..Claim::default()
        });
        at.insert(NodeId::from(id), b);
    }
    for from in column {
        m.links.push(Link {
            id: LinkId(format!("{from}-c")),
            from: NodeId::from(from),
            to: NodeId::from("c"),
            relation: Relation::Supports,
        });
    }
    let routes = routes(&m, &|id| at.get(id).copied());
    for (i, from) in column.iter().enumerate() {
        let r = routes[i].as_ref().unwrap();
        // Out of the card's left side, along the trunk, then to the claim.
        assert!(r[0].x.abs() < 0.01, "{from} leaves sideways");
        assert!((r[1].x + CLEARANCE).abs() < 0.01, "{from} joins the trunk");
        for w in r.windows(2) {
            for other in column.iter().filter(|o| *o != from) {
                assert!(
                    !crosses(w[0], w[1], at[&NodeId::from(*other)]),
                    "{from} runs over {other}"
                );
            }
        }
    }
}

/// A map of claims at `at` with links `from → to` (supports).
fn claims(at: &[(&str, Bounds)], links: &[(&str, &str)]) -> (Map, HashMap<NodeId, Bounds>) {
    let mut m = Map::new("t");
    let mut boxes = HashMap::new();
    for &(id, b) in at {
        m.claims.push(Claim {
            id: NodeId::from(id),
            ..Claim::default()
        });
        boxes.insert(NodeId::from(id), b);
    }
    for &(from, to) in links {
        m.links.push(Link {
            id: LinkId(format!("{from}-{to}")),
            from: NodeId::from(from),
            to: NodeId::from(to),
            relation: Relation::Supports,
        });
    }
    (m, boxes)
}

#[test]
fn a_link_with_a_card_in_its_way_goes_round_it() {
    let (a, b, block) = (
        card(0.0, 500.0, 60.0),
        card(0.0, 0.0, 60.0),
        card(-40.0, 220.0, 80.0),
    );
    let (m, at) = claims(&[("a", a), ("b", b), ("block", block)], &[("a", "b")]);
    let r = routes(&m, &|id| at.get(id).copied())[0].clone().unwrap();
    assert!(r.len() > 2, "it bends: {r:?}");
    for w in r.windows(2) {
        assert!(!crosses(w[0], w[1], block), "{r:?} runs over the card");
    }
    // Leaves its own card and reaches the other at their edges, not from inside.
    let on_edge = |p: Point, c: Bounds| {
        let inside = p.x >= c.x - 0.01 && p.x <= c.right() + 0.01;
        let within = p.y >= c.y - 0.01 && p.y <= c.bottom() + 0.01;
        let edge = [p.x - c.x, c.right() - p.x, p.y - c.y, c.bottom() - p.y]
            .iter()
            .any(|d| d.abs() < 0.01);
        inside && within && edge
    };
    assert!(on_edge(r[0], a) && on_edge(r[r.len() - 1], b), "{r:?}");
    for w in r.windows(2) {
        assert!(!crosses(w[0], w[1], a) && !crosses(w[0], w[1], b), "{r:?}");
    }
}

#[test]
fn a_link_with_nothing_in_its_way_stays_straight() {
    let (m, at) = claims(
        &[
            ("a", card(0.0, 500.0, 60.0)),
            ("b", card(0.0, 0.0, 60.0)),
            ("aside", card(400.0, 220.0, 80.0)),
        ],
        &[("a", "b")],
    );
    let r = routes(&m, &|id| at.get(id).copied())[0].clone().unwrap();
    assert_eq!(r.len(), 2, "{r:?}");
}

#[test]
fn a_detour_that_would_cross_another_link_is_not_taken() {
    // A card in the way, walled in by two links running close past both its sides: every way
    // round it crosses one of them, so the link stays straight (and crosses nothing).
    let (m, at) = claims(
        &[
            ("a", card(0.0, 500.0, 60.0)),
            ("b", card(0.0, 0.0, 60.0)),
            ("block", card(0.0, 220.0, 80.0)),
            ("w1", card(-127.0, -400.0, 60.0)),
            ("w2", card(-127.0, 900.0, 60.0)),
            ("e1", card(127.0, -400.0, 60.0)),
            ("e2", card(127.0, 900.0, 60.0)),
        ],
        &[("a", "b"), ("w2", "w1"), ("e2", "e1")],
    );
    let rs = routes(&m, &|id| at.get(id).copied());
    assert_eq!(rs[0].as_ref().unwrap().len(), 2, "{:?}", rs[0]);
    let segs: Vec<(Point, Point)> = rs
        .iter()
        .flatten()
        .flat_map(|r| r.windows(2).map(|w| (w[0], w[1])))
        .collect();
    assert_eq!(crate::layout::count_crossings(&segs), 0);
}

#[test]
fn far_flung_and_broken_positions_route_without_trouble() {
    let mut at: Vec<(String, Bounds)> = (0..2_000)
        .map(|i| {
            (
                format!("n{i}"),
                card(i as f32 * 1.0e7, (i % 7) as f32 * 90.0, 60.0),
            )
        })
        .collect();
    at.push(("nan".into(), card(f32::NAN, 0.0, 60.0)));
    at.push(("inf".into(), card(f32::INFINITY, f32::NEG_INFINITY, 60.0)));
    let names: Vec<(&str, Bounds)> = at.iter().map(|(n, b)| (n.as_str(), *b)).collect();
    let links: Vec<(String, String)> = (0..1_999)
        .map(|i| (format!("n{i}"), format!("n{}", 1_999 - i)))
        .chain([("nan".into(), "n0".into()), ("inf".into(), "n5".into())])
        .collect();
    let links: Vec<(&str, &str)> = links
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let (m, boxes) = claims(&names, &links);
    let rs = routes(&m, &|id| boxes.get(id).copied());
    assert_eq!(rs.len(), links.len());
    assert!(rs.iter().flatten().all(|r| r.len() >= 2));
}
