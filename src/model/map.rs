//! The argument map and everything in it.

use super::geom::{Color, Point};
use super::ids::{ActorId, LinkId, NodeId, SourceId, StepId, TagId};
use serde::{Deserialize, Serialize};

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_false(b: &bool) -> bool {
    !*b
}

/// A card not laid out yet is written without `pos` (JSON has no NaN), and laid out on load.
#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_unplaced(p: &Point) -> bool {
    !p.is_placed()
}

/// A whole argument map: what a student hands in, self-contained.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Map {
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// The articles, embedded whole.
    #[serde(default)]
    pub sources: Vec<Source>,
    #[serde(default)]
    pub actors: Vec<Actor>,
    #[serde(default)]
    pub tags: Vec<Tag>,
    #[serde(default)]
    pub claims: Vec<Claim>,
    #[serde(default)]
    pub quotes: Vec<Quote>,
    #[serde(default)]
    pub links: Vec<Link>,
    /// The presentation: an ordered walk through the map.
    #[serde(default)]
    pub story: Vec<Step>,
    /// A teacher's comments on cards and links. Left out of the file when there are none, so a
    /// map without feedback is written as before.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub comments: Vec<super::comment::Comment>,
    /// The teacher's verdicts on the rubric's criteria, over what the analysis computed. Left
    /// out of the file when there are none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rubric: Vec<super::comment::RubricMark>,
}

/// An article, kept exactly as imported: quotes address this text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: SourceId,
    pub title: String,
    #[serde(default)]
    pub author: String,
    #[serde(default)]
    pub outlet: String,
    /// Free text as printed ("1998-05-20", "2011 (January/March)").
    #[serde(default)]
    pub date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Lowercase hex SHA-256 of `text`'s UTF-8 bytes.
    pub sha256: String,
    pub text: String,
}

/// A proposition in the student's own words.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    pub id: NodeId,
    pub text: String,
    /// A main thesis of the map: drawn first, laid out on top.
    #[serde(default, skip_serializing_if = "is_false")]
    pub thesis: bool,
    /// Who holds this claim.
    #[serde(default)]
    pub actors: Vec<ActorId>,
    #[serde(default)]
    pub tags: Vec<TagId>,
    #[serde(default)]
    pub note: String,
    /// Top-left corner on the canvas. Optional in files: cards without one are laid out on load.
    #[serde(default = "Point::unplaced", skip_serializing_if = "is_unplaced")]
    pub pos: Point,
}

/// A passage of one source, anchored as the W3C Web Annotation model does: by position and by
/// the exact text with some context either side, so it can be found again if the text moves.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    pub id: NodeId,
    pub source: SourceId,
    pub anchor: TextAnchor,
    #[serde(default)]
    pub note: String,
    /// Top-left corner on the canvas. Optional in files: cards without one are laid out on load.
    #[serde(default = "Point::unplaced", skip_serializing_if = "is_unplaced")]
    pub pos: Point,
}

/// Where a quote sits in its source. Offsets count Unicode scalar values (Rust `char`s) of the
/// source text, not UTF-8 bytes; `end` is exclusive.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextAnchor {
    pub start: usize,
    pub end: usize,
    pub exact: String,
    #[serde(default)]
    pub prefix: String,
    #[serde(default)]
    pub suffix: String,
}

/// How one node bears on another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    /// `from` is a reason for `to`.
    Supports,
    /// `from` is a reason against `to`.
    Opposes,
    /// The two cannot both be true. Symmetric: the order of `from` and `to` means nothing.
    Contradicts,
    /// `from` is a point granted against `to` (a concession, a limit, an exception) that does not
    /// defeat it: the author of `to` may hold both. Not an attack.
    Qualifies,
}

impl Relation {
    pub const ALL: [Relation; 4] = [
        Relation::Supports,
        Relation::Opposes,
        Relation::Contradicts,
        Relation::Qualifies,
    ];

    /// The word used in files, menus and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Supports => "supports",
            Relation::Opposes => "opposes",
            Relation::Contradicts => "contradicts",
            Relation::Qualifies => "qualifies",
        }
    }

    /// Whether `a → b` and `b → a` mean the same.
    pub fn is_symmetric(self) -> bool {
        self == Relation::Contradicts
    }
}

/// By hand, not derived: `serde_json` reports a derived enum given a number or `null` as "expected
/// value", a JSON syntax error, which would call a well-formed file broken.
impl<'de> Deserialize<'de> for Relation {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Name;
        impl serde::de::Visitor<'_> for Name {
            type Value = Relation;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(
                    "a relation (\"supports\", \"opposes\", \"contradicts\" or \"qualifies\")",
                )
            }
            fn visit_str<E: serde::de::Error>(self, name: &str) -> Result<Relation, E> {
                const NAMES: &[&str] = &["supports", "opposes", "contradicts", "qualifies"];
                Relation::ALL
                    .into_iter()
                    .find(|r| r.as_str() == name)
                    .ok_or_else(|| E::unknown_variant(name, NAMES))
            }
        }
        d.deserialize_str(Name)
    }
}

/// A directed (or, for `contradicts`, symmetric) relation between two nodes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub id: LinkId,
    pub from: NodeId,
    pub to: NodeId,
    pub relation: Relation,
}

/// Someone who holds claims: a person, a government, "the author".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    pub id: ActorId,
    pub name: String,
    pub color: Color,
}

/// A theme label for claims.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tag {
    pub id: TagId,
    pub name: String,
    pub color: Color,
}

/// One step of a presentation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub id: StepId,
    pub title: String,
    /// Nodes revealed at this step (earlier steps' nodes stay visible).
    #[serde(default)]
    pub show: Vec<NodeId>,
    /// Nodes highlighted and framed by the camera.
    #[serde(default)]
    pub focus: Vec<NodeId>,
    /// For the teacher's eyes.
    #[serde(default)]
    pub note: String,
}

/// A claim or a quote, borrowed.
#[derive(Clone, Copy, Debug)]
pub enum NodeRef<'a> {
    Claim(&'a Claim),
    Quote(&'a Quote),
}

impl<'a> NodeRef<'a> {
    pub fn id(&self) -> &'a NodeId {
        match self {
            NodeRef::Claim(c) => &c.id,
            NodeRef::Quote(q) => &q.id,
        }
    }

    pub fn pos(&self) -> Point {
        match self {
            NodeRef::Claim(c) => c.pos,
            NodeRef::Quote(q) => q.pos,
        }
    }
}

impl Map {
    /// An empty map with a title.
    pub fn new(title: impl Into<String>) -> Self {
        Self {
            title: title.into(),
            ..Self::default()
        }
    }

    pub fn claim(&self, id: &NodeId) -> Option<&Claim> {
        self.claims.iter().find(|c| &c.id == id)
    }

    pub fn quote(&self, id: &NodeId) -> Option<&Quote> {
        self.quotes.iter().find(|q| &q.id == id)
    }

    pub fn node(&self, id: &NodeId) -> Option<NodeRef<'_>> {
        self.claim(id)
            .map(NodeRef::Claim)
            .or_else(|| self.quote(id).map(NodeRef::Quote))
    }

    pub fn source(&self, id: &SourceId) -> Option<&Source> {
        self.sources.iter().find(|s| &s.id == id)
    }

    pub fn link(&self, id: &LinkId) -> Option<&Link> {
        self.links.iter().find(|l| &l.id == id)
    }

    pub fn actor(&self, id: &ActorId) -> Option<&Actor> {
        self.actors.iter().find(|a| &a.id == id)
    }

    pub fn tag(&self, id: &TagId) -> Option<&Tag> {
        self.tags.iter().find(|t| &t.id == id)
    }

    /// All claims and quotes.
    pub fn nodes(&self) -> impl Iterator<Item = NodeRef<'_>> {
        self.claims
            .iter()
            .map(NodeRef::Claim)
            .chain(self.quotes.iter().map(NodeRef::Quote))
    }

    /// Links that touch `id`, either end.
    pub fn links_of<'a>(&'a self, id: &'a NodeId) -> impl Iterator<Item = &'a Link> + 'a {
        self.links
            .iter()
            .filter(move |l| &l.from == id || &l.to == id)
    }

    /// A fresh node id for a claim.
    pub fn new_claim_id(&self) -> NodeId {
        NodeId(super::ids::next_id(
            super::ids::prefix::CLAIM,
            self.nodes().map(|n| n.id().as_str()),
        ))
    }

    /// A fresh node id for a quote.
    pub fn new_quote_id(&self) -> NodeId {
        NodeId(super::ids::next_id(
            super::ids::prefix::QUOTE,
            self.nodes().map(|n| n.id().as_str()),
        ))
    }

    pub fn new_link_id(&self) -> LinkId {
        LinkId(super::ids::next_id(
            super::ids::prefix::LINK,
            self.links.iter().map(|l| l.id.as_str()),
        ))
    }

    pub fn new_source_id(&self) -> SourceId {
        SourceId(super::ids::next_id(
            super::ids::prefix::SOURCE,
            self.sources.iter().map(|s| s.id.as_str()),
        ))
    }

    pub fn new_actor_id(&self) -> ActorId {
        ActorId(super::ids::next_id(
            super::ids::prefix::ACTOR,
            self.actors.iter().map(|a| a.id.as_str()),
        ))
    }

    pub fn new_tag_id(&self) -> TagId {
        TagId(super::ids::next_id(
            super::ids::prefix::TAG,
            self.tags.iter().map(|t| t.id.as_str()),
        ))
    }

    pub fn new_step_id(&self) -> StepId {
        StepId(super::ids::next_id(
            super::ids::prefix::STEP,
            self.story.iter().map(|s| s.id.as_str()),
        ))
    }

    /// The count of links with each relation: (supports, opposes, contradicts, qualifies).
    pub fn link_counts(&self) -> (usize, usize, usize, usize) {
        self.links
            .iter()
            .fold((0, 0, 0, 0), |(s, o, c, q), l| match l.relation {
                Relation::Supports => (s + 1, o, c, q),
                Relation::Opposes => (s, o + 1, c, q),
                Relation::Contradicts => (s, o, c + 1, q),
                Relation::Qualifies => (s, o, c, q + 1),
            })
    }
}

/// Lowercase hex SHA-256 of a text's UTF-8 bytes, as stored in [`Source::sha256`].
pub fn text_sha256(text: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().fold(String::with_capacity(64), |mut s, b| {
        use std::fmt::Write;
        let _ = write!(s, "{b:02x}");
        s
    })
}

impl Source {
    /// "author · outlet · date", with whatever is known (empty if nothing is).
    pub fn byline(&self) -> String {
        [
            self.author.as_str(),
            self.outlet.as_str(),
            self.date.as_str(),
        ]
        .into_iter()
        .filter(|x| !x.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
    }

    /// A source for `text`, with its hash; the id is filled in when it is added to a map.
    pub fn new(title: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        Self {
            title: title.into(),
            sha256: text_sha256(&text),
            text,
            ..Self::default()
        }
    }

    /// A short name for cards: the author's surname and year, else the title's first words.
    pub fn short_name(&self) -> String {
        let year = self
            .date
            .split(|c: char| !c.is_ascii_digit())
            .find(|p| p.len() == 4)
            .unwrap_or("");
        let author = self
            .author
            .split_whitespace()
            .last()
            .filter(|a| a.chars().next().is_some_and(char::is_alphabetic));
        match (author, year) {
            (Some(a), "") => a.to_owned(),
            (Some(a), y) => format!("{a} {y}"),
            (None, y) => {
                let words: Vec<&str> = self.title.split_whitespace().take(4).collect();
                let mut s = words.join(" ");
                if self.title.split_whitespace().count() > 4 {
                    s.push('…');
                }
                if y.is_empty() {
                    s
                } else {
                    format!("{s} ({y})")
                }
            }
        }
    }
}
