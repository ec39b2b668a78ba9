//! What part of a map is shown: branches folded away, or only the neighbourhood of a few cards.
//!
//! A card's *branch* is everything that bears on it: the reasons and objections pointing at it,
//! their own reasons and objections, and all their quotes (links `from → to` with `supports` or
//! `opposes`, followed against their direction). Contradictions are between equals, not part of
//! a branch. Folding is a way of looking, not an edit: it is not undone and not saved.

mod opening;

pub use opening::{opening_camera, thesis_neighbourhood};

#[cfg(test)]
use crate::layout::route::Bounds;
use crate::model::{Map, NodeId, Point, Relation};
use std::collections::{HashMap, HashSet, VecDeque};

/// Folded branches and an optional focus. Every change bumps `revision`, so a cache of
/// [`Visibility::hidden`] knows when to recompute.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Visibility {
    collapsed: HashSet<NodeId>,
    focus: Option<Focus>,
    revision: u64,
}

/// Only these cards and what lies within `depth` links of them are shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Focus {
    pub around: Vec<NodeId>,
    pub depth: usize,
    /// Draw the neighbourhood laid out compactly around the first card (a view: the map's own
    /// positions are not touched), rather than where its cards sit in the whole map.
    pub arrange: bool,
}

impl Visibility {
    /// Counts changes, for caches.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    pub fn is_collapsed(&self, id: &NodeId) -> bool {
        self.collapsed.contains(id)
    }

    /// Folds `id`'s branch away, or unfolds it.
    pub fn toggle_collapsed(&mut self, id: &NodeId) {
        if !self.collapsed.remove(id) {
            self.collapsed.insert(id.clone());
        }
        self.revision += 1;
    }

    /// Unfolds every branch.
    pub fn expand_all(&mut self) {
        if !self.collapsed.is_empty() {
            self.collapsed.clear();
            self.revision += 1;
        }
    }

    /// Unfolds every fold that hides `id`. Returns whether anything changed.
    pub fn unfold_to(&mut self, map: &Map, id: &NodeId) -> bool {
        if self.collapsed.is_empty() {
            return false;
        }
        let children = bearing_on(map);
        let hiding: Vec<NodeId> = self
            .collapsed
            .iter()
            .filter(|c| *c != id && reaches_down(&children, c, id))
            .cloned()
            .collect();
        for c in &hiding {
            self.collapsed.remove(c);
        }
        if hiding.is_empty() {
            false
        } else {
            self.revision += 1;
            true
        }
    }

    pub fn any_collapsed(&self) -> bool {
        !self.collapsed.is_empty()
    }

    pub fn focus(&self) -> Option<&Focus> {
        self.focus.as_ref()
    }

    /// Shows only what lies around `around` (`None` shows everything again).
    pub fn set_focus(&mut self, focus: Option<Focus>) {
        if self.focus != focus {
            self.focus = focus;
            self.revision += 1;
        }
    }

    /// Forgets cards that no longer exist (after an undo, a delete, another map).
    pub fn prune(&mut self, map: &Map) {
        let before = self.collapsed.len();
        self.collapsed.retain(|id| map.node(id).is_some());
        let mut changed = before != self.collapsed.len();
        if let Some(f) = &mut self.focus {
            let n = f.around.len();
            f.around.retain(|id| map.node(id).is_some());
            changed |= n != f.around.len();
            if f.around.is_empty() {
                self.focus = None;
            }
        }
        if changed {
            self.revision += 1;
        }
    }

    /// The cards not shown: inside a folded branch (and not reachable another way), or outside
    /// the focus.
    pub fn hidden(&self, map: &Map) -> HashSet<NodeId> {
        let mut hidden = hidden_by_collapse(map, &self.collapsed);
        if let Some(f) = &self.focus {
            let near = neighbourhood(map, &f.around, f.depth);
            hidden.extend(
                map.nodes()
                    .map(|n| n.id())
                    .filter(|id| !near.contains(*id))
                    .cloned(),
            );
        }
        hidden
    }
}

/// Where the `shown` cards go when a focus is arranged: `shown` and the links among them laid
/// out as Tidy would, with `anchor` kept where it is in the map (so the view does not jump).
pub fn arranged(map: &Map, shown: &HashSet<NodeId>, anchor: &NodeId) -> HashMap<NodeId, Point> {
    arranged_with(
        map,
        shown,
        anchor,
        &crate::layout::LayoutSettings::default(),
    )
}

/// [`arranged`] with Tidy's gaps from `settings` (its pinned cards are replaced by `anchor`).
pub fn arranged_with(
    map: &Map,
    shown: &HashSet<NodeId>,
    anchor: &NodeId,
    settings: &crate::layout::LayoutSettings,
) -> HashMap<NodeId, Point> {
    let sub = Map {
        claims: map
            .claims
            .iter()
            .filter(|c| shown.contains(&c.id))
            .cloned()
            .collect(),
        quotes: map
            .quotes
            .iter()
            .filter(|q| shown.contains(&q.id))
            .cloned()
            .collect(),
        links: map
            .links
            .iter()
            .filter(|l| shown.contains(&l.from) && shown.contains(&l.to))
            .cloned()
            .collect(),
        ..Map::new("")
    };
    let settings = crate::layout::LayoutSettings {
        pinned: std::iter::once(anchor.clone())
            .filter(|a| shown.contains(a))
            .collect(),
        ..settings.clone()
    };
    crate::layout::tidy(&sub, &settings).into_iter().collect()
}

/// For each card, the cards whose links bear on it (`supports` / `opposes` pointing at it).
fn bearing_on(map: &Map) -> HashMap<&NodeId, Vec<&NodeId>> {
    let mut children: HashMap<&NodeId, Vec<&NodeId>> = HashMap::new();
    for l in &map.links {
        if l.relation != Relation::Contradicts {
            children.entry(&l.to).or_default().push(&l.from);
        }
    }
    children
}

/// Whether `target` lies in `from`'s branch.
fn reaches_down(children: &HashMap<&NodeId, Vec<&NodeId>>, from: &NodeId, target: &NodeId) -> bool {
    let mut seen: HashSet<&NodeId> = HashSet::new();
    let mut queue: VecDeque<&NodeId> = children.get(from).into_iter().flatten().copied().collect();
    while let Some(n) = queue.pop_front() {
        if n == target {
            return true;
        }
        if seen.insert(n) {
            queue.extend(children.get(n).into_iter().flatten().copied());
        }
    }
    false
}

/// Whether anything bears on `id`, so that it has a branch to fold.
pub fn has_branch(map: &Map, id: &NodeId) -> bool {
    map.links
        .iter()
        .any(|l| l.relation != Relation::Contradicts && &l.to == id)
}

/// The cards hidden by folding `collapsed`: those in a folded branch that cannot be reached
/// from an unfolded part of the map. (A reason that also supports a claim outside the folded
/// branch stays.) A folded card stays visible unless it lies in another fold.
pub fn hidden_by_collapse(map: &Map, collapsed: &HashSet<NodeId>) -> HashSet<NodeId> {
    if collapsed.is_empty() {
        return HashSet::new();
    }
    let children = bearing_on(map);
    let kids = |id: &NodeId| children.get(id).into_iter().flatten().copied();
    // Everything under a folded card.
    let mut under: HashSet<&NodeId> = HashSet::new();
    let mut queue: VecDeque<&NodeId> = collapsed.iter().flat_map(kids).collect();
    while let Some(id) = queue.pop_front() {
        if under.insert(id) {
            queue.extend(kids(id));
        }
    }
    // What is shown anyway: every card not under a fold, and whatever an unfolded shown card
    // leads down to.
    let mut shown: HashSet<&NodeId> = map
        .nodes()
        .map(|n| n.id())
        .filter(|id| !under.contains(id))
        .collect();
    let mut queue: VecDeque<&NodeId> = shown.iter().copied().collect();
    while let Some(id) = queue.pop_front() {
        if collapsed.contains(id) {
            continue;
        }
        for k in kids(id) {
            if shown.insert(k) {
                queue.push_back(k);
            }
        }
    }
    under
        .into_iter()
        .filter(|id| !shown.contains(id))
        .cloned()
        .collect()
}

/// How many cards folding `id` hides, given everything `hidden`.
pub fn folded_count(map: &Map, id: &NodeId, hidden: &HashSet<NodeId>) -> usize {
    let children = bearing_on(map);
    let mut seen: HashSet<&NodeId> = HashSet::new();
    let mut queue: VecDeque<&NodeId> = children.get(id).into_iter().flatten().copied().collect();
    while let Some(n) = queue.pop_front() {
        if hidden.contains(n) && seen.insert(n) {
            queue.extend(children.get(n).into_iter().flatten().copied());
        }
    }
    seen.len()
}

/// `around`, every card within `depth` links of them (any relation, either direction), and the
/// quotes of every claim shown (a claim is read with its evidence).
pub fn neighbourhood(map: &Map, around: &[NodeId], depth: usize) -> HashSet<NodeId> {
    let mut adjacent: HashMap<&NodeId, Vec<&NodeId>> = HashMap::new();
    for l in &map.links {
        adjacent.entry(&l.from).or_default().push(&l.to);
        adjacent.entry(&l.to).or_default().push(&l.from);
    }
    let mut near: HashMap<&NodeId, usize> = HashMap::new();
    let mut queue: VecDeque<&NodeId> = VecDeque::new();
    for id in around {
        if map.node(id).is_some() && near.insert(id, 0).is_none() {
            queue.push_back(id);
        }
    }
    while let Some(id) = queue.pop_front() {
        let d = near[id];
        if d == depth {
            continue;
        }
        for &n in adjacent.get(id).into_iter().flatten() {
            if !near.contains_key(n) {
                near.insert(n, d + 1);
                queue.push_back(n);
            }
        }
    }
    let mut out: HashSet<NodeId> = near.keys().map(|&id| id.clone()).collect();
    for l in &map.links {
        if l.relation != Relation::Contradicts
            && out.contains(&l.to)
            && map.claim(&l.to).is_some()
            && map.quote(&l.from).is_some()
        {
            out.insert(l.from.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, Link, LinkId, Quote};

    /// thesis ← a ← qa ; thesis ← b (opposes) ; a ← c ; c supports d too ; d ⟷ e contradict
    fn map() -> Map {
        let mut m = Map::new("t");
        for id in ["thesis", "a", "b", "c", "d", "e"] {
            m.claims.push(Claim {
                id: NodeId::from(id),
                text: id.into(),
                ..Claim::default()
            });
        }
        m.quotes.push(Quote {
            id: NodeId::from("qa"),
            ..Quote::default()
        });
        for (i, (from, to, relation)) in [
            ("a", "thesis", Relation::Supports),
            ("b", "thesis", Relation::Opposes),
            ("qa", "a", Relation::Supports),
            ("c", "a", Relation::Supports),
            ("c", "d", Relation::Supports),
            ("d", "e", Relation::Contradicts),
        ]
        .into_iter()
        .enumerate()
        {
            m.links.push(Link {
                id: LinkId(format!("l{i}")),
                from: NodeId::from(from),
                to: NodeId::from(to),
                relation,
            });
        }
        m
    }

    fn ids(s: &HashSet<NodeId>) -> Vec<&str> {
        let mut v: Vec<&str> = s.iter().map(NodeId::as_str).collect();
        v.sort_unstable();
        v
    }

    #[test]
    fn folding_hides_the_branch_but_keeps_cards_reached_another_way() {
        let m = map();
        let mut v = Visibility::default();
        v.toggle_collapsed(&NodeId::from("thesis"));
        // c also supports d, which is outside the fold: it stays.
        assert_eq!(ids(&v.hidden(&m)), ["a", "b", "qa"]);
        let hidden = v.hidden(&m);
        assert_eq!(folded_count(&m, &NodeId::from("thesis"), &hidden), 3);
        v.toggle_collapsed(&NodeId::from("d"));
        assert_eq!(ids(&v.hidden(&m)), ["a", "b", "c", "qa"]);
        v.toggle_collapsed(&NodeId::from("thesis"));
        assert_eq!(ids(&v.hidden(&m)), Vec::<&str>::new(), "a reaches c again");
        v.expand_all();
        assert!(v.hidden(&m).is_empty());
    }

    #[test]
    fn unfolding_to_a_card_opens_only_the_folds_that_hide_it() {
        let m = map();
        let mut v = Visibility::default();
        v.toggle_collapsed(&NodeId::from("thesis"));
        v.toggle_collapsed(&NodeId::from("a"));
        v.toggle_collapsed(&NodeId::from("e"));
        assert!(v.unfold_to(&m, &NodeId::from("qa")));
        assert!(!v.is_collapsed(&NodeId::from("thesis")));
        assert!(!v.is_collapsed(&NodeId::from("a")));
        assert!(
            v.is_collapsed(&NodeId::from("e")),
            "e's fold does not hide qa"
        );
        assert!(!v.hidden(&m).contains(&NodeId::from("qa")));
        assert!(
            !v.unfold_to(&m, &NodeId::from("qa")),
            "nothing left to open"
        );
    }

    #[test]
    fn a_folded_card_inside_another_fold_and_cycles_terminate() {
        let mut m = map();
        // A cycle: thesis supports c (c → a → thesis → c).
        m.links.push(Link {
            id: LinkId::from("cycle"),
            from: NodeId::from("thesis"),
            to: NodeId::from("c"),
            relation: Relation::Supports,
        });
        let mut v = Visibility::default();
        v.toggle_collapsed(&NodeId::from("a"));
        // Under a: qa, c, and through the cycle thesis, b and a itself. But c supports d, which
        // is outside the fold, so c, thesis, b and a are reached from there: only qa hides.
        assert_eq!(ids(&v.hidden(&m)), ["qa"]);
    }

    #[test]
    fn focus_shows_the_neighbourhood_with_the_evidence_of_its_claims() {
        let m = map();
        assert_eq!(
            ids(&neighbourhood(&m, &[NodeId::from("thesis")], 1)),
            ["a", "b", "qa", "thesis"]
        );
        assert_eq!(
            ids(&neighbourhood(&m, &[NodeId::from("d")], 1)),
            ["c", "d", "e"]
        );
        assert_eq!(
            ids(&neighbourhood(&m, &[NodeId::from("d")], 2)),
            ["a", "c", "d", "e", "qa"]
        );
        let mut v = Visibility::default();
        v.set_focus(Some(Focus {
            around: vec![NodeId::from("e")],
            depth: 1,
            arrange: false,
        }));
        assert_eq!(ids(&v.hidden(&m)), ["a", "b", "c", "qa", "thesis"]);
        assert!(v.revision() > 0);
    }

    #[test]
    fn an_arranged_focus_keeps_its_card_in_place_and_lays_the_rest_out_without_overlaps() {
        let mut m = map();
        // Far-flung positions, as in a big hand-made map.
        for (i, c) in m.claims.iter_mut().enumerate() {
            c.pos = Point::new(i as f32 * 1500.0, (i % 2) as f32 * 900.0);
        }
        m.quotes[0].pos = Point::new(-3000.0, 4000.0);
        let shown = neighbourhood(&m, &[NodeId::from("a")], 1);
        let at = arranged(&m, &shown, &NodeId::from("a"));
        assert_eq!(at.len(), shown.len());
        assert_eq!(
            at[&NodeId::from("a")],
            m.claim(&NodeId::from("a")).unwrap().pos
        );
        let size = |id: &NodeId| crate::layout::card::card_size(m.node(id).unwrap());
        let ids: Vec<&NodeId> = at.keys().collect();
        for (i, x) in ids.iter().enumerate() {
            for y in &ids[i + 1..] {
                let (p, q, s, t) = (at[*x], at[*y], size(x), size(y));
                let apart =
                    p.x + s.w <= q.x || q.x + t.w <= p.x || p.y + s.h <= q.y || q.y + t.h <= p.y;
                assert!(apart, "{x} and {y} overlap");
            }
        }
        // Compact: the arranged cards span far less than the map positions did.
        let span = |pts: Vec<Point>| {
            let xs = pts.iter().map(|p| p.x);
            xs.clone().fold(f32::MIN, f32::max) - xs.fold(f32::MAX, f32::min)
        };
        let before = span(shown.iter().map(|id| m.node(id).unwrap().pos()).collect());
        assert!(span(at.values().copied().collect()) < before / 2.0);
    }

    #[test]
    fn a_map_opens_on_its_thesis_with_the_reasons_that_fit_legibly_nearest_first() {
        let mut m = map();
        m.claims[0].thesis = true;
        // thesis in the middle, a close below it, b far off to the right.
        let at = |id: &str| match id {
            "thesis" => Some((1000.0, 0.0)),
            "a" => Some((900.0, 300.0)),
            "b" => Some((6000.0, 300.0)),
            _ => None,
        };
        let rect = |id: &NodeId| {
            at(id.as_str()).map(|(x, y)| Bounds {
                x,
                y,
                w: 240.0,
                h: 100.0,
            })
        };
        let inside = |(c, z): (Point, f32), r: Bounds, view: (f32, f32)| {
            let (x0, y0) = (c.x - view.0 / 2.0 / z, c.y - view.1 / 2.0 / z);
            let (x1, y1) = (c.x + view.0 / 2.0 / z, c.y + view.1 / 2.0 / z);
            r.x >= x0 && r.y >= y0 && r.right() <= x1 && r.bottom() <= y1
        };
        let card = |id: &str| rect(&NodeId::from(id)).unwrap();
        // A small window: the thesis and its nearest reason, legibly; b is too far.
        let view = (1000.0, 700.0);
        let cam = opening_camera(&m, rect, view, (0.6, 1.0), 40.0).unwrap();
        assert!(cam.1 >= 0.6);
        assert!(inside(cam, card("thesis"), view) && inside(cam, card("a"), view));
        assert!(!inside(cam, card("b"), view));
        // The thesis on top of what is framed sits at the top of the view (the margin above
        // it), the room below showing what bears on its reasons.
        let top = cam.0.y - view.1 / 2.0 / cam.1;
        assert!((card("thesis").y - top - 40.0).abs() < 0.5, "{top}");
        // A wall: everything, still no smaller than legible.
        let view = (6000.0, 1200.0);
        let cam = opening_camera(&m, rect, view, (0.6, 1.0), 40.0).unwrap();
        assert!(cam.1 >= 0.6);
        for id in ["thesis", "a", "b"] {
            assert!(inside(cam, card(id), view), "{id}");
        }
        // A thesis folded away: nothing to frame.
        let hidden = |id: &NodeId| {
            if id.as_str() == "thesis" {
                None
            } else {
                rect(id)
            }
        };
        assert!(opening_camera(&m, hidden, view, (0.6, 1.0), 40.0).is_none());
    }

    #[test]
    fn pruning_forgets_deleted_cards_and_drops_an_empty_focus() {
        let mut m = map();
        let mut v = Visibility::default();
        v.toggle_collapsed(&NodeId::from("a"));
        v.set_focus(Some(Focus {
            around: vec![NodeId::from("b")],
            depth: 1,
            arrange: false,
        }));
        m.claims
            .retain(|c| c.id.as_str() != "a" && c.id.as_str() != "b");
        v.prune(&m);
        assert!(!v.any_collapsed());
        assert!(v.focus().is_none());
    }
}
