//! AIF JSON of the map (the Argument Interchange Format as `AIFdb` writes it), for argument-mining
//! and research tools: every claim and quote is an I-node, every link one scheme node between
//! them — supports an inference (RA), opposes a conflict (CA "Default Conflict"), contradicts a
//! CA "Logical Conflict", qualifies a CA "Qualification" (AIF has no point granted; Warrant reads
//! the name back). A quote's I-node text is the passage; its source and offsets are fields of
//! the node (`source`, `sourceID`, `start`, `end`, counted in characters). Who holds a claim is a
//! participant whose locution (L) asserts it (YA "Asserting"), as `AIFdb` records speakers.

use super::markdown::citation;
use crate::model::{Map, NodeId, Relation};
use serde_json::{Value, json};
use std::collections::HashMap;
use thiserror::Error;

/// What to put in the AIF file.
#[derive(Clone, Copy, Debug)]
pub struct AifSettings {
    /// Quotes as I-nodes of their own, with their links.
    pub quotes: bool,
    /// Who holds a claim, as participants and locutions.
    pub holders: bool,
}

impl Default for AifSettings {
    fn default() -> Self {
        Self {
            quotes: true,
            holders: true,
        }
    }
}

/// Why there is no AIF file.
#[derive(Debug, Error)]
pub enum AifError {
    #[error("cannot write the AIF file: {0}")]
    Json(#[from] serde_json::Error),
}

/// The scheme node's type and name for a relation.
fn scheme(relation: Relation) -> (&'static str, &'static str) {
    match relation {
        Relation::Supports => ("RA", "Default Inference"),
        Relation::Opposes => ("CA", "Default Conflict"),
        Relation::Contradicts => ("CA", "Logical Conflict"),
        Relation::Qualifies => ("CA", "Qualification"),
    }
}

/// Builds the node and edge lists with `AIFdb`-style numeric string ids.
#[derive(Default)]
struct Graph {
    nodes: Vec<Value>,
    edges: Vec<Value>,
}

impl Graph {
    fn node(&mut self, mut node: Value) -> String {
        let id = (self.nodes.len() + 1).to_string();
        node["nodeID"] = Value::from(id.clone());
        self.nodes.push(node);
        id
    }

    fn edge(&mut self, from: &str, to: &str) {
        let id = (self.edges.len() + 1).to_string();
        self.edges
            .push(json!({ "edgeID": id, "fromID": from, "toID": to }));
    }
}

/// The map as AIF JSON (pretty-printed). Links whose ends are not in the file are left out.
pub fn map_to_aif(map: &Map, settings: &AifSettings) -> Result<String, AifError> {
    let mut g = Graph::default();
    let mut ids: HashMap<&NodeId, String> = HashMap::new();
    for claim in &map.claims {
        let id = g.node(json!({ "text": claim.text, "type": "I", "warrantID": claim.id.0 }));
        ids.insert(&claim.id, id);
    }
    if settings.quotes {
        for quote in &map.quotes {
            let source = map.source(&quote.source);
            let id = g.node(json!({
                "text": quote.anchor.exact,
                "type": "I",
                "warrantID": quote.id.0,
                "source": source.map(citation).unwrap_or_default(),
                "sourceTitle": source.map(|s| s.title.as_str()).unwrap_or_default(),
                "sourceID": quote.source.0,
                "start": quote.anchor.start,
                "end": quote.anchor.end,
            }));
            ids.insert(&quote.id, id);
        }
    }
    for link in &map.links {
        let (Some(from), Some(to)) = (ids.get(&link.from), ids.get(&link.to)) else {
            continue;
        };
        let (kind, name) = scheme(link.relation);
        let s = g.node(json!({
            "text": name,
            "type": kind,
            "scheme": name,
            "warrantID": link.id.0,
        }));
        g.edge(from, &s);
        g.edge(&s, to);
    }
    let mut participants = Vec::new();
    let mut locutions = Vec::new();
    if settings.holders {
        let person: HashMap<_, usize> = map
            .actors
            .iter()
            .enumerate()
            .map(|(i, a)| (&a.id, i + 1))
            .collect();
        for (actor, n) in map.actors.iter().zip(1..) {
            participants.push(json!({
                "participantID": n,
                "firstname": actor.name,
                "surname": "",
            }));
        }
        for claim in &map.claims {
            let Some(i_node) = ids.get(&claim.id).cloned() else {
                continue;
            };
            for actor in claim.actors.iter().filter_map(|a| map.actor(a)) {
                let Some(n) = person.get(&actor.id) else {
                    continue;
                };
                let l = g.node(json!({
                    "text": format!("{}: {}", actor.name, claim.text),
                    "type": "L",
                }));
                let ya =
                    g.node(json!({ "text": "Asserting", "type": "YA", "scheme": "Asserting" }));
                g.edge(&l, &ya);
                g.edge(&ya, &i_node);
                locutions.push(json!({ "nodeID": l, "personID": n.to_string() }));
            }
        }
    }
    let doc = json!({
        "title": map.title,
        "nodes": g.nodes,
        "edges": g.edges,
        "locutions": locutions,
        "participants": participants,
    });
    let mut out = serde_json::to_string_pretty(&doc)?;
    out.push('\n');
    Ok(out)
}
