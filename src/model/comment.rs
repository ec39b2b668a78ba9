//! A teacher's feedback on a map: comments on cards and links, kept in the map's file so the
//! student sees them where they apply.

use super::ids::{CommentId, LinkId, NodeId};
use super::map::Map;
use serde::{Deserialize, Serialize};

/// What a comment is about.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", deny_unknown_fields)]
pub enum Target {
    /// A claim or a quote card.
    Node(NodeId),
    Link(LinkId),
}

/// A teacher's comment on a card or a link.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Comment {
    pub id: CommentId,
    pub on: Target,
    pub text: String,
}

/// A teacher's own verdict on one rubric criterion, over what the analysis computed: met or not
/// met, and a note for the student. Kept in the map's file beside the comments.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RubricMark {
    /// The criterion's key (`evidence`, `both-sides`, `contradictions`, `coverage`).
    pub criterion: String,
    /// Met or not as the teacher judges; left out to keep what the analysis says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub met: Option<bool>,
    /// What the teacher says about it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl RubricMark {
    /// Whether the mark says nothing (the criterion as computed, with no note).
    pub fn is_empty(&self) -> bool {
        self.met.is_none() && self.note.trim().is_empty()
    }
}

impl Map {
    /// The teacher's mark on rubric criterion `key`, if any (the first, should a file hold two).
    pub fn rubric_mark(&self, key: &str) -> Option<&RubricMark> {
        self.rubric.iter().find(|m| m.criterion == key)
    }

    /// The comments on `target`, in the map's order.
    pub fn comments_on<'a>(&'a self, target: &'a Target) -> impl Iterator<Item = &'a Comment> + 'a {
        self.comments.iter().filter(move |c| &c.on == target)
    }

    /// A fresh comment id.
    pub fn new_comment_id(&self) -> CommentId {
        CommentId(super::ids::next_id(
            super::ids::prefix::COMMENT,
            self.comments.iter().map(|c| c.id.as_str()),
        ))
    }
}
