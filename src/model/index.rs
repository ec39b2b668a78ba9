//! Claims and quotes by id, for code that looks many of them up: [`Map::claim`] and
//! [`Map::quote`] scan their lists, which made per-link lookups grow with the square of a map.
//!
//! An index borrows the map, so it cannot go stale: build one per pass over the map (it costs
//! one pass), not per lookup.

use super::ids::NodeId;
use super::map::{Claim, Map, NodeRef, Quote};
use std::collections::HashMap;

/// Every claim and quote of one map, by id.
pub struct NodeIndex<'a> {
    nodes: HashMap<&'a NodeId, NodeRef<'a>>,
}

impl<'a> NodeIndex<'a> {
    /// Indexes `map`'s claims and quotes (with duplicate ids, which loading refuses, the first).
    pub fn new(map: &'a Map) -> Self {
        let mut nodes = HashMap::with_capacity(map.claims.len() + map.quotes.len());
        for node in map.nodes() {
            nodes.entry(node.id()).or_insert(node);
        }
        Self { nodes }
    }

    /// The claim or quote `id`.
    pub fn node(&self, id: &NodeId) -> Option<NodeRef<'a>> {
        self.nodes.get(id).copied()
    }

    /// The claim `id` (`None` if it is a quote or not in the map).
    pub fn claim(&self, id: &NodeId) -> Option<&'a Claim> {
        match self.node(id)? {
            NodeRef::Claim(c) => Some(c),
            NodeRef::Quote(_) => None,
        }
    }

    /// The quote `id` (`None` if it is a claim or not in the map).
    pub fn quote(&self, id: &NodeId) -> Option<&'a Quote> {
        match self.node(id)? {
            NodeRef::Quote(q) => Some(q),
            NodeRef::Claim(_) => None,
        }
    }
}

impl Map {
    /// An index of this map's claims and quotes by id, for many lookups in one pass.
    pub fn node_index(&self) -> NodeIndex<'_> {
        NodeIndex::new(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Point, Quote};

    #[test]
    fn finds_what_the_map_finds() {
        let mut map = Map::new("m");
        map.claims.push(Claim {
            id: "c1".into(),
            text: "NATO is a relic".into(),
            pos: Point::new(0.0, 0.0),
            ..Claim::default()
        });
        map.quotes.push(Quote {
            id: "q1".into(),
            ..Quote::default()
        });
        let index = map.node_index();
        for id in ["c1", "q1", "x"] {
            let id = NodeId::from(id);
            assert_eq!(index.claim(&id), map.claim(&id));
            assert_eq!(index.quote(&id), map.quote(&id));
            assert_eq!(
                index.node(&id).map(|n| n.id().clone()),
                map.node(&id).map(|n| n.id().clone())
            );
        }
    }
}
