//! What every importer shares: a map under construction (claims, links, actors and tags with
//! fresh ids, duplicate links merged) and the report of what the map could not hold.

use super::{ImportError, ImportFormat, MAX_ITEMS};
use crate::model::{
    Actor, ActorId, Claim, Color, Link, LinkId, Map, NodeId, Point, Relation, Tag, TagId,
};
use std::collections::{HashMap, HashSet};
use std::fmt::{self, Write as _};

/// An imported map and what it says about the import.
#[derive(Clone, Debug)]
pub struct Imported {
    /// Cards without positions: [`crate::layout::place_unplaced`] lays them out.
    pub map: Map,
    pub report: ImportReport,
}

/// What happened on import: the format, and each thing the map holds differently from the file
/// or not at all, grouped by kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportReport {
    pub format: ImportFormat,
    /// `(what, examples, count)` in the order first met.
    notes: Vec<(String, Vec<String>, usize)>,
}

/// How many examples a note lists before it says "and N more".
const EXAMPLES: usize = 3;

impl ImportReport {
    pub(crate) fn new(format: ImportFormat) -> Self {
        Self {
            format,
            notes: Vec::new(),
        }
    }

    /// Records one case of `what` (e.g. "rephrases (MA) are not kept"), with `example` naming it.
    pub(crate) fn note(&mut self, what: &str, example: impl Into<String>) {
        self.note_count(what, 1, example);
    }

    /// Records `n` cases of `what` at once, `example` saying which.
    pub(crate) fn note_count(&mut self, what: &str, n: usize, example: impl Into<String>) {
        let example = example.into();
        if let Some((_, examples, count)) = self.notes.iter_mut().find(|(w, _, _)| w == what) {
            *count += n;
            if examples.len() < EXAMPLES && !example.is_empty() {
                examples.push(example);
            }
        } else {
            let examples = if example.is_empty() {
                Vec::new()
            } else {
                vec![example]
            };
            self.notes.push((what.to_owned(), examples, n));
        }
    }

    /// How many cases of `what` were noted (0 if none).
    pub fn count(&self, what: &str) -> usize {
        self.notes
            .iter()
            .find(|(w, _, _)| w == what)
            .map_or(0, |(_, _, n)| *n)
    }

    /// One line per kind of note: "what (N): example; example; … and K more".
    pub fn lines(&self) -> Vec<String> {
        self.notes
            .iter()
            .map(|(what, examples, count)| {
                let mut line = format!("{what} ({count})");
                if !examples.is_empty() {
                    line.push_str(": ");
                    line.push_str(&examples.join("; "));
                    if *count > examples.len() && examples.len() > 1 {
                        let _ = write!(line, "; and {} more", count - examples.len());
                    }
                }
                line
            })
            .collect()
    }

    /// Whether everything in the file is in the map as it was.
    pub fn is_clean(&self) -> bool {
        self.notes.is_empty()
    }
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for line in self.lines() {
            writeln!(f, "{line}")?;
        }
        Ok(())
    }
}

/// Shortens a text for a report line.
pub(crate) fn excerpt(text: &str) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut chars = flat.chars();
    let head: String = chars.by_ref().take(48).collect();
    if chars.next().is_some() {
        format!("“{head}…”")
    } else {
        format!("“{head}”")
    }
}

/// A map being built, with ids handed out in order (`c1`, `c2`, … `l1`, … `a1`, … `t1`, …).
pub(crate) struct Builder {
    pub map: Map,
    pub report: ImportReport,
    links: HashSet<(NodeId, NodeId, Relation)>,
    actors: HashMap<String, ActorId>,
    tags: HashMap<String, TagId>,
}

impl Builder {
    pub fn new(format: ImportFormat, title: &str) -> Self {
        Self {
            map: Map::new(title.trim()),
            report: ImportReport::new(format),
            links: HashSet::new(),
            actors: HashMap::new(),
            tags: HashMap::new(),
        }
    }

    /// Adds a claim without a position; fails past [`MAX_ITEMS`].
    pub fn claim(&mut self, text: &str) -> Result<NodeId, ImportError> {
        if self.map.claims.len() >= MAX_ITEMS {
            return Err(ImportError::TooMany { what: "claims" });
        }
        let id = NodeId(format!("c{}", self.map.claims.len() + 1));
        self.map.claims.push(Claim {
            id: id.clone(),
            text: text.trim().to_owned(),
            pos: Point::unplaced(),
            ..Claim::default()
        });
        Ok(id)
    }

    /// The claim `id` (made by [`Builder::claim`]).
    pub fn claim_mut(&mut self, id: &NodeId) -> Option<&mut Claim> {
        self.map.claims.iter_mut().find(|c| &c.id == id)
    }

    /// Links `from` to `to`. A link to itself or one the map already has is not added; either
    /// is noted with `why` naming it. Returns whether the link was added.
    pub fn link(
        &mut self,
        from: &NodeId,
        to: &NodeId,
        relation: Relation,
        why: &str,
    ) -> Result<bool, ImportError> {
        if from == to {
            self.report
                .note("relations of a statement to itself, not drawn", why);
            return Ok(false);
        }
        let key = if relation.is_symmetric() && to < from {
            (to.clone(), from.clone(), relation)
        } else {
            (from.clone(), to.clone(), relation)
        };
        if !self.links.insert(key) {
            self.report
                .note("relations given twice, drawn as one link", why);
            return Ok(false);
        }
        if self.map.links.len() >= MAX_ITEMS {
            return Err(ImportError::TooMany { what: "links" });
        }
        self.map.links.push(Link {
            id: LinkId(format!("l{}", self.map.links.len() + 1)),
            from: from.clone(),
            to: to.clone(),
            relation,
        });
        Ok(true)
    }

    /// The actor named `name`, added the first time.
    pub fn actor(&mut self, name: &str) -> ActorId {
        let name = name.trim();
        if let Some(id) = self.actors.get(name) {
            return id.clone();
        }
        let n = self.map.actors.len();
        let id = ActorId(format!("a{}", n + 1));
        self.map.actors.push(Actor {
            id: id.clone(),
            name: name.to_owned(),
            color: Color::palette(n),
        });
        self.actors.insert(name.to_owned(), id.clone());
        id
    }

    /// Says that `actor` holds `claim`.
    pub fn hold(&mut self, claim: &NodeId, actor: &ActorId) {
        if let Some(c) = self.claim_mut(claim)
            && !c.actors.contains(actor)
        {
            c.actors.push(actor.clone());
        }
    }

    /// Tags `claim` with `name`, adding the tag the first time.
    pub fn tag(&mut self, claim: &NodeId, name: &str) {
        let name = name.trim();
        let id = if let Some(id) = self.tags.get(name) {
            id.clone()
        } else {
            let n = self.map.tags.len();
            let id = TagId(format!("t{}", n + 1));
            self.map.tags.push(Tag {
                id: id.clone(),
                name: name.to_owned(),
                color: Color::palette(n + 3),
            });
            self.tags.insert(name.to_owned(), id.clone());
            id
        };
        if let Some(c) = self.claim_mut(claim)
            && !c.tags.contains(&id)
        {
            c.tags.push(id);
        }
    }

    /// The finished import. The map is checked once more: an importer bug must not yield a map
    /// that cannot be opened.
    pub fn finish(self) -> Result<Imported, ImportError> {
        let errors: Vec<String> = self
            .map
            .integrity_errors()
            .into_iter()
            .filter(|e| !matches!(e, crate::model::IntegrityError::NoPosition { .. }))
            .map(|e| e.to_string())
            .collect();
        if !errors.is_empty() {
            return Err(ImportError::Shape(format!(
                "the imported map would be unsound: {}",
                errors.join("; ")
            )));
        }
        Ok(Imported {
            map: self.map,
            report: self.report,
        })
    }
}
