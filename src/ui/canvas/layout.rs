//! Where every card and link is, in canvas units: rebuilt only when the map changes, so a frame
//! that merely pans or zooms does no per-card text work.

use crate::layout::card::{CARD_WIDTH, card_lines, card_size};
use crate::layout::route::{self, Bounds};
use crate::model::{Map, NodeId, NodeRef, Relation};
use crate::view::{Visibility, arranged, folded_count};
use egui::{Pos2, Rect, pos2, vec2};
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

/// Card rectangles and link endpoints, by index (claims first, then quotes).
#[derive(Default)]
pub struct Layout {
    generation: Option<u64>,
    pub ids: Vec<NodeId>,
    /// Where each card is drawn: its place in the map, or in an arranged focus.
    pub rects: Vec<Rect>,
    /// Each card's place in the map (what the presentation draws).
    pub map_rects: Vec<Rect>,
    pub index: HashMap<NodeId, usize>,
    /// (from, to, relation, index into `map.links`).
    pub links: Vec<(usize, usize, Relation, usize)>,
    /// Each link's route between `rects` (by index into `map.links`): straight, or into the
    /// side of a claim past its quote stack ([`crate::layout::route`]).
    pub routes: Vec<Option<Vec<Pos2>>>,
    /// The same between `map_rects`.
    pub map_routes: Vec<Option<Vec<Pos2>>>,
    /// Card heights and wrapped lines, with a hash of what they were measured from.
    heights: HashMap<NodeId, (u64, f32, Arc<[String]>)>,
    /// Each card's text as wrapped lines, by index.
    pub lines: Vec<Arc<[String]>>,
    /// Whether something bears on each card (it has a branch to fold), by index.
    pub has_branch: Vec<bool>,
    /// Cards not shown (folded away or outside the focus), by index.
    hidden: Vec<bool>,
    /// How many cards each folded card hides.
    pub folded: HashMap<NodeId, usize>,
    /// The (map generation, visibility revision) `hidden` was computed for.
    hidden_key: Option<(u64, u64)>,
    /// The routes are direct (the map was changing every frame): the bends round cards are
    /// still to come.
    direct: bool,
}

/// The links' routes with the cards at `rects`; bent round cards they would pass over unless
/// `direct`.
fn routes_between(
    map: &Map,
    index: &HashMap<NodeId, usize>,
    rects: &[Rect],
    direct: bool,
) -> Vec<Option<Vec<Pos2>>> {
    let bounds = |id: &NodeId| {
        let r = rects.get(*index.get(id)?)?;
        Some(Bounds {
            x: r.min.x,
            y: r.min.y,
            w: r.width(),
            h: r.height(),
        })
    };
    let routes = if direct {
        route::routes_direct(map, &bounds)
    } else {
        route::routes(map, &bounds)
    };
    routes
        .into_iter()
        .map(|r| r.map(|pts| pts.into_iter().map(|p| pos2(p.x, p.y)).collect()))
        .collect()
}

/// A hash of what decides a card's height.
fn height_key(node: NodeRef<'_>) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    match node {
        NodeRef::Claim(c) => (0u8, &c.text, c.thesis, c.actors.is_empty()).hash(&mut h),
        NodeRef::Quote(q) => (1u8, &q.anchor.exact).hash(&mut h),
    }
    h.finish()
}

impl Layout {
    /// Brings the layout up to date with `map` at history `generation`. With `direct` (a big
    /// map changing every frame: cards dragged, text typed) links are routed without their
    /// bends round cards, which cost about 20 times more; the first frame without bends them.
    pub fn update(&mut self, map: &Map, generation: u64, direct: bool) {
        if self.generation == Some(generation) {
            if self.direct && !direct {
                self.route(map, false);
                // `update_hidden` takes the routes from here again.
                self.hidden_key = None;
            }
            return;
        }
        self.generation = Some(generation);
        let n = map.claims.len() + map.quotes.len();
        let same_ids =
            self.ids.len() == n && map.nodes().zip(&self.ids).all(|(node, id)| node.id() == id);
        if !same_ids {
            self.ids = map.nodes().map(|node| node.id().clone()).collect();
            self.index = self
                .ids
                .iter()
                .enumerate()
                .map(|(i, id)| (id.clone(), i))
                .collect();
            let index = &self.index;
            self.heights.retain(|id, _| index.contains_key(id));
        }
        let old_rects = std::mem::take(&mut self.map_rects);
        let old_links = std::mem::take(&mut self.links);
        self.lines.clear();
        for node in map.nodes() {
            let key = height_key(node);
            let (h, lines) = match self.heights.get(node.id()) {
                Some((k, h, lines)) if *k == key => (*h, lines.clone()),
                _ => {
                    // The bundled font's metrics: the same lines and height as Tidy and exports.
                    let h = card_size(node).h;
                    let lines: Arc<[String]> = card_lines(node).into();
                    self.heights
                        .insert(node.id().clone(), (key, h, lines.clone()));
                    (h, lines)
                }
            };
            let p = node.pos();
            self.map_rects
                .push(Rect::from_min_size(pos2(p.x, p.y), vec2(CARD_WIDTH, h)));
            self.lines.push(lines);
        }
        // Folds and focus are applied again by `update_hidden`.
        self.rects.clone_from(&self.map_rects);
        self.hidden_key = None;
        self.links = map
            .links
            .iter()
            .enumerate()
            .filter_map(|(i, l)| {
                Some((
                    *self.index.get(&l.from)?,
                    *self.index.get(&l.to)?,
                    l.relation,
                    i,
                ))
            })
            .collect();
        // Routes depend on the cards' boxes and the links alone: a new title, note or tag, or
        // a text that keeps its line count, keeps them (unless they are to be bent now).
        let same = self.map_rects == old_rects
            && self.links == old_links
            && self.map_routes.len() == map.links.len();
        if !same || (self.direct && !direct) {
            self.route(map, direct);
        }
        self.routes.clone_from(&self.map_routes);
        let targets: std::collections::HashSet<&NodeId> = map
            .links
            .iter()
            .filter(|l| l.relation != Relation::Contradicts)
            .map(|l| &l.to)
            .collect();
        self.has_branch = self.ids.iter().map(|id| targets.contains(id)).collect();
    }

    /// Routes the links between the cards' places in the map, `direct` or bent round cards.
    fn route(&mut self, map: &Map, direct: bool) {
        self.direct = direct;
        self.map_routes = routes_between(map, &self.index, &self.map_rects, direct);
    }

    /// Whether the links are routed without their bends round cards, still to come.
    pub fn is_direct(&self) -> bool {
        self.direct
    }

    /// Brings the hidden cards up to date with the folds and focus (after [`Layout::update`]).
    pub fn update_hidden(&mut self, map: &Map, generation: u64, visibility: &Visibility) {
        let key = (generation, visibility.revision());
        if self.hidden_key == Some(key) {
            return;
        }
        self.hidden_key = Some(key);
        let hidden = visibility.hidden(map);
        self.hidden = self.ids.iter().map(|id| hidden.contains(id)).collect();
        self.rects.clone_from(&self.map_rects);
        if let Some(f) = visibility.focus().filter(|f| f.arrange)
            && let Some(anchor) = f.around.first()
        {
            let shown: std::collections::HashSet<NodeId> = self
                .ids
                .iter()
                .filter(|id| !hidden.contains(*id))
                .cloned()
                .collect();
            for (id, p) in arranged(map, &shown, anchor) {
                if let Some(&i) = self.index.get(&id) {
                    self.rects[i] = Rect::from_min_size(pos2(p.x, p.y), self.rects[i].size());
                }
            }
            self.routes = routes_between(map, &self.index, &self.rects, self.direct);
        } else {
            self.routes.clone_from(&self.map_routes);
        }
        self.folded = self
            .ids
            .iter()
            .filter(|id| visibility.is_collapsed(id))
            .map(|id| (id.clone(), folded_count(map, id, &hidden)))
            .collect();
    }

    /// Whether card `i` is folded away or outside the focus.
    pub fn is_hidden(&self, i: usize) -> bool {
        self.hidden.get(i).copied().unwrap_or(false)
    }

    /// Whether the card is on the canvas (not folded away, not outside the focus).
    pub fn is_shown(&self, id: &NodeId) -> bool {
        self.index.get(id).is_some_and(|&i| !self.is_hidden(i))
    }

    /// How many cards are hidden.
    pub fn hidden_count(&self) -> usize {
        self.hidden.iter().filter(|h| **h).count()
    }

    /// The card at index `i`.
    pub fn node(map: &Map, i: usize) -> Option<NodeRef<'_>> {
        match map.claims.get(i) {
            Some(c) => Some(NodeRef::Claim(c)),
            None => map.quotes.get(i - map.claims.len()).map(NodeRef::Quote),
        }
    }

    /// A card's rectangle, by id.
    pub fn rect_of(&self, id: &NodeId) -> Option<Rect> {
        self.index.get(id).and_then(|&i| self.rects.get(i)).copied()
    }

    /// A card's height in canvas units (a default before it was first measured).
    pub fn height_of(&self, id: &NodeId) -> f32 {
        self.heights.get(id).map_or(100.0, |x| x.1)
    }
}
