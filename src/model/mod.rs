//! The argument map: pure data, no UI. Everything else reads it; only `edit` changes it.

mod comment;
mod geom;
mod ids;
mod index;
mod map;
mod validate;

pub use comment::{Comment, RubricMark, Target};
pub use geom::{Color, Point};
pub use ids::{ActorId, CommentId, LinkId, NodeId, SourceId, StepId, TagId, next_id, prefix};
pub use index::NodeIndex;
pub use map::{
    Actor, Claim, Link, Map, NodeRef, Quote, Relation, Source, Step, Tag, TextAnchor, text_sha256,
};
pub use validate::{IntegrityError, link_rule};
