//! AIF JSON, the Argument Interchange Format as `AIFdb` exports it (`{nodes, edges, locutions}`),
//! and wrapped in `{"AIF": {…}}` as OVA3 saves it and ARG-tech's xAIF passes it on.
//!
//! AIF draws every relation through a scheme node: premise I → RA → conclusion I is an inference
//! (supports), I → CA → I a conflict (opposes; a conflict both ways, or one named a logical
//! conflict or contradiction, contradicts), I → CA → RA an undercut, I → MA → I a rephrase.
//! The dialogue around them (locutions L, illocutions YA, transitions TA) says who said what: a
//! speaker whose locution asserts an I-node (L → YA → I) holds that claim.

use super::build::{Builder, Imported, excerpt};
use super::{ImportError, ImportFormat, MAX_ITEMS};
use crate::model::{NodeId, Relation};
use serde_json::{Map as Object, Value};
use std::collections::{HashMap, HashSet};

type JsonObject = Object<String, Value>;

/// One node of the file.
struct Node {
    id: String,
    kind: String,
    text: String,
    /// The scheme name, if any (`scheme` or, for scheme nodes, the text).
    scheme: String,
}

/// An id as AIF writes it: a string, or (xAIF, OVA3 edges) a number.
fn id_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn list<'a>(obj: &'a Object<String, Value>, key: &str) -> Result<&'a [Value], ImportError> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(&[]),
        Some(Value::Array(a)) => Ok(a),
        Some(_) => Err(ImportError::Shape(format!(
            "\"{key}\" must be a list in an AIF file"
        ))),
    }
}

fn read_nodes(values: &[Value]) -> Result<Vec<Node>, ImportError> {
    if values.len() > MAX_ITEMS {
        return Err(ImportError::TooMany { what: "nodes" });
    }
    let mut seen = HashSet::new();
    let mut nodes = Vec::with_capacity(values.len());
    for (i, v) in values.iter().enumerate() {
        let place = || format!("#{} in \"nodes\"", i + 1);
        let obj = v.as_object().ok_or_else(|| ImportError::Node {
            node: place(),
            message: "is not an object".into(),
        })?;
        let id = id_of(obj.get("nodeID")).ok_or_else(|| ImportError::Node {
            node: place(),
            message: "has no \"nodeID\" (a string or number)".into(),
        })?;
        let bad = |message: &str| ImportError::Node {
            node: id.clone(),
            message: message.to_owned(),
        };
        let kind = obj
            .get("type")
            .and_then(Value::as_str)
            .ok_or_else(|| bad("has no \"type\" (I, RA, CA, MA, L, YA, TA…)"))?
            .to_owned();
        let text = match obj.get("text") {
            Some(Value::String(s)) => s.clone(),
            None | Some(Value::Null) => String::new(),
            Some(_) => return Err(bad("its \"text\" is not a string")),
        };
        let scheme = obj
            .get("scheme")
            .and_then(Value::as_str)
            .map_or_else(|| text.clone(), str::to_owned);
        if !seen.insert(id.clone()) {
            return Err(bad("the nodeID is used by another node"));
        }
        nodes.push(Node {
            id,
            kind,
            text,
            scheme,
        });
    }
    Ok(nodes)
}

/// The edges as (from, to) node indices.
fn read_edges(
    values: &[Value],
    index: &HashMap<&str, usize>,
) -> Result<Vec<(usize, usize)>, ImportError> {
    if values.len() > MAX_ITEMS {
        return Err(ImportError::TooMany { what: "edges" });
    }
    let mut edges = Vec::with_capacity(values.len());
    for (i, v) in values.iter().enumerate() {
        let name = v
            .get("edgeID")
            .and_then(|e| id_of(Some(e)))
            .unwrap_or_else(|| format!("#{} in \"edges\"", i + 1));
        let end = |key: &str| -> Result<usize, ImportError> {
            let id = id_of(v.get(key)).ok_or_else(|| ImportError::Edge {
                edge: name.clone(),
                message: format!("has no \"{key}\""),
            })?;
            index
                .get(id.as_str())
                .copied()
                .ok_or_else(|| ImportError::Edge {
                    edge: name.clone(),
                    message: format!("its {key} is {id}, which is no node in the file"),
                })
        };
        edges.push((end("fromID")?, end("toID")?));
    }
    Ok(edges)
}

/// Who spoke each locution, by its node id: the participant's name when `participants` has
/// one, else the `personID`.
fn speakers(
    aif: &Object<String, Value>,
) -> Result<HashMap<String, Result<String, String>>, ImportError> {
    let mut people = HashMap::new();
    for p in list(aif, "participants")? {
        let Some(id) = id_of(p.get("participantID")) else {
            continue;
        };
        let part = |k: &str| p.get(k).and_then(Value::as_str).unwrap_or("").trim();
        let name = format!("{} {}", part("firstname"), part("surname"))
            .trim()
            .to_owned();
        if !name.is_empty() {
            people.insert(id, name);
        }
    }
    let mut out = HashMap::new();
    for l in list(aif, "locutions")? {
        let (Some(node), Some(person)) = (id_of(l.get("nodeID")), id_of(l.get("personID"))) else {
            continue;
        };
        out.insert(node, people.get(&person).cloned().ok_or(person));
    }
    Ok(out)
}

/// The speaker a locution's text names: `CL : …`, `Participant Rachel: …`.
fn speaker_in_text(text: &str) -> Option<&str> {
    let (name, _) = text.split_once(':')?;
    let name = name.trim();
    (!name.is_empty() && name.chars().count() <= 40).then_some(name)
}

fn is_contradiction(scheme: &str) -> bool {
    let s = scheme.to_lowercase();
    s.contains("contradict") || s.contains("logical conflict")
}

/// AIF JSON as a map: I-nodes become claims, inferences supports, conflicts opposes (or
/// contradicts), undercuts opposes of the inference's conclusion, speakers actors.
pub fn aif_to_map(text: &str, name: &str) -> Result<Imported, ImportError> {
    let doc: Value = serde_json::from_str(text).map_err(|e| ImportError::Json {
        line: e.line(),
        column: e.column(),
        message: {
            let s = e.to_string();
            s.rfind(" at line ")
                .map_or(s.clone(), |i| s[..i].to_owned())
        },
    })?;
    let (top, aif) = aif_object(&doc)?;
    let graph = Graph::read(aif)?;
    let title = top
        .get("title")
        .or_else(|| aif.get("title"))
        .and_then(Value::as_str)
        .filter(|t| !t.trim().is_empty())
        .unwrap_or(name);
    let mut b = Builder::new(ImportFormat::Aif, title);
    let mut claims: HashMap<usize, NodeId> = HashMap::new();
    for (i, n) in graph.nodes.iter().enumerate() {
        if n.kind == "I" {
            claims.insert(i, b.claim(&n.text)?);
        }
    }
    let conflicts = graph.conflicts();
    for (i, n) in graph.nodes.iter().enumerate() {
        match n.kind.as_str() {
            "I" | "L" | "YA" | "TA" => {}
            "RA" | "CA" => graph.scheme_links(&mut b, &claims, &conflicts, i)?,
            "MA" => b.report.note(
                "rephrases (MA) — Warrant has no such relation; the claims are kept, unlinked",
                format!("{} {}", n.kind, n.id),
            ),
            "PA" => b.report.note(
                "preferences (PA) — Warrant has no such relation; not drawn",
                format!("{} {}", n.kind, n.id),
            ),
            other => b.report.note(
                "nodes of a kind Warrant does not know, not kept",
                format!("{other} {}", n.id),
            ),
        }
    }
    let speaking = graph.speakers_hold(&mut b, &claims, &speakers(aif)?);
    graph.note_dialogue(&mut b, speaking);
    b.finish()
}

/// The file's top object and the AIF object in it (the same one unless wrapped in `"AIF"`).
fn aif_object(doc: &Value) -> Result<(&JsonObject, &JsonObject), ImportError> {
    let top = doc
        .as_object()
        .ok_or_else(|| ImportError::Shape("an AIF file is a JSON object".into()))?;
    let aif = match top.get("AIF") {
        Some(Value::Object(inner)) => inner,
        Some(_) => return Err(ImportError::Shape("its \"AIF\" is not an object".into())),
        None => top,
    };
    if !aif.contains_key("nodes") {
        return Err(ImportError::Shape(
            "it has no \"nodes\": not AIF (AIFdb, OVA3 or xAIF JSON)".into(),
        ));
    }
    Ok((top, aif))
}

/// The file's nodes with each node's incoming and outgoing edges, by node index.
struct Graph {
    nodes: Vec<Node>,
    ins: Vec<Vec<usize>>,
    outs: Vec<Vec<usize>>,
}

impl Graph {
    fn read(aif: &Object<String, Value>) -> Result<Self, ImportError> {
        let nodes = read_nodes(list(aif, "nodes")?)?;
        let index: HashMap<&str, usize> = nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.as_str(), i))
            .collect();
        let edges = read_edges(list(aif, "edges")?, &index)?;
        let mut ins: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
        let mut outs: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
        for &(from, to) in &edges {
            outs[from].push(to);
            ins[to].push(from);
        }
        Ok(Self { nodes, ins, outs })
    }

    fn is(&self, i: usize) -> bool {
        self.nodes[i].kind == "I"
    }

    fn is_scheme(&self, i: usize) -> bool {
        matches!(self.nodes[i].kind.as_str(), "RA" | "CA" | "MA" | "PA")
    }

    /// A scheme node's one premise and one conclusion, when both are claims.
    fn conflict(&self, i: usize) -> Option<(usize, usize)> {
        let (&[p], &[c]) = (self.ins[i].as_slice(), self.outs[i].as_slice()) else {
            return None;
        };
        (self.is(p) && self.is(c)).then_some((p, c))
    }

    /// Every conflict between two claims, as (premise, conclusion).
    fn conflicts(&self) -> HashSet<(usize, usize)> {
        (0..self.nodes.len())
            .filter(|&i| self.nodes[i].kind == "CA")
            .filter_map(|i| self.conflict(i))
            .collect()
    }

    fn relation(&self, i: usize, conflicts: &HashSet<(usize, usize)>) -> Relation {
        let n = &self.nodes[i];
        if n.kind == "RA" {
            Relation::Supports
        } else if is_contradiction(&n.scheme)
            // A conflict given both ways is one contradiction.
            || self
                .conflict(i)
                .is_some_and(|(p, c)| conflicts.contains(&(c, p)))
        {
            Relation::Contradicts
        } else if n.scheme.to_lowercase().starts_with("qualif") {
            // Warrant's own export writes a qualification as a CA named so.
            Relation::Qualifies
        } else {
            Relation::Opposes
        }
    }

    /// The links one inference or conflict node `i` draws, from each premise claim to each
    /// claim it concludes.
    fn scheme_links(
        &self,
        b: &mut Builder,
        claims: &HashMap<usize, NodeId>,
        conflicts: &HashSet<(usize, usize)>,
        i: usize,
    ) -> Result<(), ImportError> {
        let n = &self.nodes[i];
        let relation = self.relation(i, conflicts);
        let premises: Vec<usize> = self.ins[i]
            .iter()
            .copied()
            .filter(|&p| self.is(p))
            .collect();
        if premises.len() > 1 {
            b.report.note(
                "linked premises (one scheme, several premises), each drawn as its own link",
                format!("{} {}", n.kind, n.id),
            );
        }
        if premises.is_empty() {
            b.report.note(
                "scheme nodes with no premise, not drawn",
                format!("{} {}", n.kind, n.id),
            );
        }
        for &target in &self.outs[i] {
            for c in self.concluded(b, i, target, &premises) {
                for &p in &premises {
                    let (Some(from), Some(to)) = (claims.get(&p), claims.get(&c)) else {
                        continue;
                    };
                    let (from, to) = (from.clone(), to.clone());
                    b.link(&from, &to, relation, &format!("{} {}", n.kind, n.id))?;
                }
            }
        }
        if self.outs[i].is_empty() && !premises.is_empty() {
            b.report.note(
                "scheme nodes with no conclusion, not drawn",
                format!("{} {}", n.kind, n.id),
            );
        }
        Ok(())
    }

    /// The claims scheme node `i` bears on through its edge to `target`: an I-node, or for an
    /// undercut (a scheme as target) the claims that scheme concludes.
    fn concluded(
        &self,
        b: &mut Builder,
        i: usize,
        target: usize,
        premises: &[usize],
    ) -> Vec<usize> {
        let (n, t) = (&self.nodes[i], &self.nodes[target]);
        if self.is(target) {
            return vec![target];
        }
        if !self.is_scheme(target) {
            b.report.note(
                "scheme nodes pointing at dialogue nodes, not drawn",
                format!("{} {} to {}", n.kind, n.id, t.id),
            );
            return Vec::new();
        }
        let what = if n.kind == "CA" {
            "undercuts (attacks on an inference), drawn as opposing its conclusion"
        } else {
            "supports of an inference, drawn as supporting its conclusion"
        };
        for &p in premises {
            let named = format!("{} {}", self.nodes[p].id, excerpt(&self.nodes[p].text));
            b.report
                .note(what, format!("{named} on {} {}", t.kind, t.id));
        }
        self.outs[target]
            .iter()
            .copied()
            .filter(|&c| self.is(c))
            .collect()
    }

    /// Speakers: L → YA → I makes the locution's speaker hold the claim. Returns how many
    /// assertions were kept.
    fn speakers_hold(
        &self,
        b: &mut Builder,
        claims: &HashMap<usize, NodeId>,
        said_by: &HashMap<String, Result<String, String>>,
    ) -> usize {
        let mut speaking = 0;
        for (i, n) in self.nodes.iter().enumerate().filter(|(_, n)| n.kind == "L") {
            // A participant's name, else the name the locution's text starts with ("CL : …"),
            // else the person's id.
            let who = match said_by.get(&n.id) {
                Some(Ok(name)) => Some(name.clone()),
                Some(Err(person)) => Some(
                    speaker_in_text(&n.text)
                        .map_or_else(|| format!("Speaker {person}"), str::to_owned),
                ),
                None => speaker_in_text(&n.text).map(str::to_owned),
            };
            for &ya in self.outs[i].iter().filter(|&&y| self.nodes[y].kind == "YA") {
                for claim in self.outs[ya].iter().filter_map(|c| claims.get(c)) {
                    match &who {
                        Some(who) => {
                            let actor = b.actor(who);
                            b.hold(claim, &actor);
                            speaking += 1;
                        }
                        None => b.report.note(
                            "locutions with no speaker named, not kept as who holds the claim",
                            n.id.clone(),
                        ),
                    }
                }
            }
        }
        speaking
    }

    /// What the dialogue nodes became, counted.
    fn note_dialogue(&self, b: &mut Builder, speaking: usize) {
        let count = |k: &str| self.nodes.iter().filter(|n| n.kind == k).count();
        if count("L") > 0 {
            let actors = b.map.actors.len();
            b.report.note_count(
                "locutions (L) are not cards; speakers who assert a claim became its actors",
                count("L"),
                format!("{speaking} assertions of a claim by {actors} speakers"),
            );
        }
        for (kind, what) in [
            (
                "YA",
                "illocutions (YA) are not kept beyond who holds a claim",
            ),
            ("TA", "dialogue transitions (TA) are not kept"),
        ] {
            let k = count(kind);
            if k > 0 {
                b.report.note_count(what, k, "");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speaker_names_in_locution_text() {
        assert_eq!(speaker_in_text("CL : and so"), Some("CL"));
        assert_eq!(
            speaker_in_text("Participant Rachel: A"),
            Some("Participant Rachel")
        );
        assert_eq!(speaker_in_text("no colon"), None);
    }
}
