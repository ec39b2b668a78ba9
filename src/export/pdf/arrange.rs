//! A story step's cards arranged for its page: the step's own cards (and, if they fit, the
//! earlier cards linked to them, dimmed) laid out as focus mode does, then their connected parts
//! packed in rows as wide as the page.

use crate::layout::card::card_size;
use crate::model::{Map, NodeId, Point, Source, Step};
use std::collections::{HashMap, HashSet};

/// More cards than this are not laid out again (a step that big cannot fit a page anyway): they
/// keep their places in the map, which costs nothing.
pub const ARRANGE_MAX: usize = 80;
/// Space between packed parts, canvas units.
const GAP: f32 = 60.0;
/// Space between a claim and the quotes stacked under it.
const QUOTE_GAP: f32 = 18.0;

/// The cards of story step `i`: its own (shown or highlighted, in map order) and the earlier
/// ones linked to them.
pub struct StepCards {
    pub own: Vec<NodeId>,
    pub context: Vec<NodeId>,
}

pub fn step_cards(map: &Map, i: usize) -> Option<StepCards> {
    let step = map.story.get(i)?;
    let mine: HashSet<&NodeId> = step.show.iter().chain(&step.focus).collect();
    let earlier: HashSet<&NodeId> = map.story[..i]
        .iter()
        .flat_map(|s| s.show.iter().chain(&s.focus))
        .filter(|id| !mine.contains(id))
        .collect();
    let mut near: HashSet<&NodeId> = HashSet::new();
    for l in &map.links {
        if mine.contains(&l.from) && earlier.contains(&l.to) {
            near.insert(&l.to);
        }
        if mine.contains(&l.to) && earlier.contains(&l.from) {
            near.insert(&l.from);
        }
    }
    let own = map
        .nodes()
        .map(|n| n.id())
        .filter(|id| mine.contains(id))
        .cloned()
        .collect();
    let context = map
        .nodes()
        .map(|n| n.id())
        .filter(|id| near.contains(id))
        .cloned()
        .collect();
    Some(StepCards { own, context })
}

/// A map of just `ids` (with the links among them and the comments on both, the actors, and the
/// sources without their text), whose story is one step that shows `context` (so it is drawn dimmed) and one that
/// shows `step`'s own cards and highlights its focus: drawn as `Scope::Step(1)`.
pub fn sub_map(map: &Map, ids: &HashSet<NodeId>, context: &[NodeId], step: &Step) -> Map {
    let links: HashSet<&crate::model::LinkId> = map
        .links
        .iter()
        .filter(|l| ids.contains(&l.from) && ids.contains(&l.to))
        .map(|l| &l.id)
        .collect();
    Map {
        title: String::new(),
        description: String::new(),
        sources: map
            .sources
            .iter()
            .map(|s| Source {
                text: String::new(),
                ..s.clone()
            })
            .collect(),
        actors: map.actors.clone(),
        tags: Vec::new(),
        claims: map
            .claims
            .iter()
            .filter(|c| ids.contains(&c.id))
            .cloned()
            .collect(),
        quotes: map
            .quotes
            .iter()
            .filter(|q| ids.contains(&q.id))
            .cloned()
            .collect(),
        links: map
            .links
            .iter()
            .filter(|l| ids.contains(&l.from) && ids.contains(&l.to))
            .cloned()
            .collect(),
        story: vec![
            Step {
                show: context.to_vec(),
                ..Step::default()
            },
            Step {
                show: step.show.clone(),
                focus: step.focus.clone(),
                ..Step::default()
            },
        ],
        // The teacher's comments on these cards and the links among them (their badges).
        comments: map
            .comments
            .iter()
            .filter(|c| match &c.on {
                crate::model::Target::Node(id) => ids.contains(id),
                crate::model::Target::Link(id) => links.contains(id),
            })
            .cloned()
            .collect(),
        rubric: Vec::new(),
    }
}

/// Lays `sub`'s cards out as focus mode does (around `anchor`), or keeps their places when there
/// are too many.
pub fn arrange(sub: &mut Map, anchor: &NodeId) {
    let ids: HashSet<NodeId> = sub.nodes().map(|n| n.id().clone()).collect();
    if ids.len() > ARRANGE_MAX {
        return;
    }
    let at = crate::view::arranged(sub, &ids, anchor);
    move_to(sub, &at);
}

fn move_to(sub: &mut Map, at: &HashMap<NodeId, Point>) {
    for c in &mut sub.claims {
        if let Some(p) = at.get(&c.id) {
            c.pos = *p;
        }
    }
    for q in &mut sub.quotes {
        if let Some(p) = at.get(&q.id) {
            q.pos = *p;
        }
    }
}

/// Union-find: the representative of `i`'s set.
fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Packs `sub`'s connected parts left to right in rows no wider than `width` canvas units (a part
/// wider than that gets a row of its own), keeping each part's own shape. Returns the size of
/// the packed cards' box.
pub fn pack(sub: &mut Map, width: f32) -> (f32, f32) {
    let index: HashMap<NodeId, usize> = sub
        .nodes()
        .enumerate()
        .map(|(i, n)| (n.id().clone(), i))
        .collect();
    // Union-find over the links.
    let mut parent: Vec<usize> = (0..index.len()).collect();
    for l in &sub.links {
        if let (Some(&a), Some(&b)) = (index.get(&l.from), index.get(&l.to)) {
            let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
            parent[ra] = rb;
        }
    }
    let group: Vec<usize> = (0..index.len()).map(|i| root(&mut parent, i)).collect();
    pack_groups(sub, &group, width)
}

/// For a step whose parts are too tall or wide to pack: each claim with its quotes stacked
/// under it (as on the canvas) becomes a unit of its own, and the units are packed in rows no
/// wider than `width`; the links are routed between them wherever they land.
pub fn flow(sub: &mut Map, width: f32) -> (f32, f32) {
    let claims: HashMap<NodeId, usize> = sub
        .claims
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.clone(), i))
        .collect();
    // Each quote goes under the first claim it bears on.
    let mut under: HashMap<NodeId, usize> = HashMap::new();
    for l in &sub.links {
        if let Some(&c) = claims.get(&l.to)
            && !claims.contains_key(&l.from)
        {
            under.entry(l.from.clone()).or_insert(c);
        }
    }
    let mut bottom: Vec<f32> = sub
        .claims
        .iter()
        .map(|c| card_size(crate::model::NodeRef::Claim(c)).h + QUOTE_GAP)
        .collect();
    let far = 100_000.0;
    for (i, c) in sub.claims.iter_mut().enumerate() {
        c.pos = Point::new(i as f32 * far, 0.0);
    }
    let n = sub.claims.len();
    let mut group: Vec<usize> = (0..n).collect();
    for (k, q) in sub.quotes.iter_mut().enumerate() {
        let h = card_size(crate::model::NodeRef::Quote(q)).h;
        if let Some(&c) = under.get(&q.id) {
            q.pos = Point::new(c as f32 * far, bottom[c]);
            bottom[c] += h + QUOTE_GAP;
            group.push(c);
        } else {
            q.pos = Point::new((n + k) as f32 * far, 0.0);
            group.push(n + k);
        }
    }
    pack_groups(sub, &group, width)
}

/// Shelf-packs groups of `sub`'s cards (`group[i]` names the group of the `i`th card of
/// `sub.nodes()`), each keeping its shape, in the order their first cards come.
fn pack_groups(sub: &mut Map, group: &[usize], width: f32) -> (f32, f32) {
    // Each part's box, in the order its first card comes in the map.
    let mut parts: Vec<(usize, [f32; 4])> = Vec::new();
    let mut part_of: HashMap<usize, usize> = HashMap::new();
    let mut card_part: Vec<usize> = Vec::with_capacity(group.len());
    for (n, &r) in sub.nodes().zip(group) {
        let s = card_size(n);
        let p = n.pos();
        let k = *part_of.entry(r).or_insert_with(|| {
            parts.push((
                r,
                [
                    f32::INFINITY,
                    f32::INFINITY,
                    f32::NEG_INFINITY,
                    f32::NEG_INFINITY,
                ],
            ));
            parts.len() - 1
        });
        let b = &mut parts[k].1;
        b[0] = b[0].min(p.x);
        b[1] = b[1].min(p.y);
        b[2] = b[2].max(p.x + s.w);
        b[3] = b[3].max(p.y + s.h);
        card_part.push(k);
    }
    // Shelf packing.
    let mut shift: Vec<(f32, f32)> = Vec::with_capacity(parts.len());
    let (mut x, mut y, mut row_h, mut max_w) = (0.0f32, 0.0f32, 0.0f32, 0.0f32);
    for (_, b) in &parts {
        let (w, h) = (b[2] - b[0], b[3] - b[1]);
        if x > 0.0 && x + w > width {
            y += row_h + GAP;
            x = 0.0;
            row_h = 0.0;
        }
        shift.push((x - b[0], y - b[1]));
        max_w = max_w.max(x + w);
        row_h = row_h.max(h);
        x += w + GAP;
    }
    let moved: HashMap<NodeId, Point> = sub
        .nodes()
        .zip(&card_part)
        .map(|(n, &k)| {
            let (dx, dy) = shift[k];
            (n.id().clone(), Point::new(n.pos().x + dx, n.pos().y + dy))
        })
        .collect();
    move_to(sub, &moved);
    (max_w, y + row_h)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, Link, LinkId, Relation};

    fn claim(id: &str, x: f32) -> Claim {
        Claim {
            id: NodeId::from(id),
            text: "A claim".into(),
            pos: Point::new(x, 0.0),
            ..Claim::default()
        }
    }

    #[test]
    fn unlinked_cards_are_packed_in_rows_as_wide_as_asked() {
        let mut map = Map::new("m");
        for i in 0..6 {
            map.claims.push(claim(&format!("c{i}"), i as f32 * 1000.0));
        }
        map.links.push(Link {
            id: LinkId::from("l"),
            from: NodeId::from("c0"),
            to: NodeId::from("c1"),
            relation: Relation::Supports,
        });
        let (w, h) = pack(&mut map, 700.0);
        assert!((w - 1240.0).abs() < 0.1, "{w}");
        // c0 and c1 (linked) stay 1000 apart in one part, wider than a row: alone in theirs.
        let x: Vec<f32> = map.claims.iter().map(|c| c.pos.x).collect();
        assert!((x[1] - x[0] - 1000.0).abs() < 0.1, "{x:?}");
        assert!(h > 0.0);
        // The other four share rows of two (240 + 60 + 240 <= 700).
        let rows: HashSet<i32> = map.claims[2..].iter().map(|c| c.pos.y as i32).collect();
        assert_eq!(rows.len(), 2, "{:?}", map.claims);
    }
}
