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

impl Map {
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
