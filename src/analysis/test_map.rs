//! Small hand-made maps for the analysis tests.

use super::Label;
use super::standing::Standing;
use crate::anchor::anchor_from_range;
use crate::model::{
    Actor, Claim, Color, Link, Map, NodeId, Quote, Relation, Source, SourceId, Tag, text_sha256,
};

/// Builds a map one item at a time, with ids `c1…`, `q1…`, `a1…`, `t1…` in order of creation.
pub struct MapBuilder {
    pub map: Map,
}

impl MapBuilder {
    /// A map with one (empty) article, `s1`, that quotes are appended to.
    pub fn new() -> Self {
        let mut map = Map::new("test");
        let mut s = Source::new("Memo", "");
        s.id = SourceId("s1".into());
        map.sources.push(s);
        Self { map }
    }

    /// Adds claims with these texts; returns their ids.
    pub fn claims(&mut self, texts: &[&str]) -> Vec<String> {
        texts
            .iter()
            .map(|t| {
                let id = self.map.new_claim_id();
                self.map.claims.push(Claim {
                    id: id.clone(),
                    text: (*t).to_owned(),
                    ..Claim::default()
                });
                id.0
            })
            .collect()
    }

    /// Marks a claim as a thesis.
    pub fn thesis(&mut self, claim: &str) {
        self.claim_mut(claim).thesis = true;
    }

    fn claim_mut(&mut self, id: &str) -> &mut Claim {
        self.map
            .claims
            .iter_mut()
            .find(|c| c.id.as_str() == id)
            .unwrap()
    }

    /// A quote of `passage`, which is appended to the article if it is not in it yet.
    pub fn quote(&mut self, passage: &str) -> String {
        self.quote_in("s1", passage)
    }

    /// A quote of `passage` in source `source`.
    pub fn quote_in(&mut self, source: &str, passage: &str) -> String {
        let id = self.map.new_quote_id();
        let s = self
            .map
            .sources
            .iter_mut()
            .find(|s| s.id.as_str() == source)
            .unwrap();
        if !s.text.contains(passage) {
            s.text.push_str(passage);
            s.text.push_str("\n\n");
            s.sha256 = text_sha256(&s.text);
        }
        let b = s.text.find(passage).unwrap();
        let start = s.text[..b].chars().count();
        let anchor = anchor_from_range(&s.text, start, start + passage.chars().count()).unwrap();
        let source = s.id.clone();
        self.map.quotes.push(Quote {
            id: id.clone(),
            source,
            anchor,
            ..Quote::default()
        });
        id.0
    }

    /// Adds an article with this text; returns its id.
    pub fn source(&mut self, title: &str, text: &str) -> String {
        let mut s = Source::new(title, text);
        s.id = self.map.new_source_id();
        let id = s.id.0.clone();
        self.map.sources.push(s);
        id
    }

    /// Links `from` to `to`.
    pub fn link(&mut self, from: &str, to: &str, relation: Relation) -> String {
        let id = self.map.new_link_id();
        self.map.links.push(Link {
            id: id.clone(),
            from: NodeId(from.into()),
            to: NodeId(to.into()),
            relation,
        });
        id.0
    }

    /// Adds an actor holding these claims; returns its id.
    pub fn actor(&mut self, name: &str, holds: &[&str]) -> String {
        let id = self.map.new_actor_id();
        self.map.actors.push(Actor {
            id: id.clone(),
            name: name.into(),
            color: Color::palette(0),
        });
        for c in holds {
            self.claim_mut(c).actors.push(id.clone());
        }
        id.0
    }

    /// Adds a tag on these claims; returns its id.
    pub fn tag(&mut self, name: &str, on: &[&str]) -> String {
        let id = self.map.new_tag_id();
        self.map.tags.push(Tag {
            id: id.clone(),
            name: name.into(),
            color: Color::palette(1),
        });
        for c in on {
            self.claim_mut(c).tags.push(id.clone());
        }
        id.0
    }
}

/// The ids of the claims with `label`, in order.
pub fn claim_ids(stands: &[Standing], label: Label) -> Vec<String> {
    stands
        .iter()
        .filter(|s| s.label == label)
        .map(|s| s.claim.0.clone())
        .collect()
}
