//! Every change to a map is an [`Edit`], applied through one [`History`].
//!
//! An edit applied to a map yields its inverse, computed before anything changes, so undo is
//! applying inverses in reverse order. [`ops`] builds the compound edits a user thinks of as one
//! action (delete a card and its links; add a quote and link it).

mod apply;
mod history;
pub mod ops;

pub use apply::{EditError, apply, apply_all};
pub use history::{History, MergeKey, Transaction};

use crate::model::{
    Actor, ActorId, Claim, Comment, CommentId, Link, LinkId, NodeId, Point, Quote, RubricMark,
    Source, SourceId, Step, StepId, Tag, TagId,
};

/// One thing in a map that has an id.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Claim(Claim),
    Quote(Quote),
    Link(Link),
    Source(Source),
    Actor(Actor),
    Tag(Tag),
    Step(Step),
    Comment(Comment),
}

/// Which thing, by kind and id.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ItemId {
    Claim(NodeId),
    Quote(NodeId),
    Link(LinkId),
    Source(SourceId),
    Actor(ActorId),
    Tag(TagId),
    Step(StepId),
    Comment(CommentId),
}

impl Item {
    pub fn id(&self) -> ItemId {
        match self {
            Item::Claim(x) => ItemId::Claim(x.id.clone()),
            Item::Quote(x) => ItemId::Quote(x.id.clone()),
            Item::Link(x) => ItemId::Link(x.id.clone()),
            Item::Source(x) => ItemId::Source(x.id.clone()),
            Item::Actor(x) => ItemId::Actor(x.id.clone()),
            Item::Tag(x) => ItemId::Tag(x.id.clone()),
            Item::Step(x) => ItemId::Step(x.id.clone()),
            Item::Comment(x) => ItemId::Comment(x.id.clone()),
        }
    }
}

/// One change to a map.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Put an item at `index` of its list (clamped to the list's length).
    Insert { index: usize, item: Item },
    /// Take an item out.
    Remove(ItemId),
    /// Replace an item with a new version of itself (same id).
    Replace(Item),
    /// Move an item to `index` within its list (story steps are ordered; so is drawing order).
    Reorder { id: ItemId, index: usize },
    /// Set the map's title and description.
    SetInfo { title: String, description: String },
    /// Move nodes on the canvas.
    Move(Vec<(NodeId, Point)>),
    /// Set the teacher's rubric marks (the whole list: it is short).
    SetRubric(Vec<RubricMark>),
}
