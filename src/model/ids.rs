//! Stable, typed identifiers.
//!
//! Ids are short opaque strings (`c12`, `q3`, `s1` …) so that files stay readable, diff well and can
//! later be merged across maps. A new id is one past the highest number already used with its prefix.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_owned())
            }
        }
    };
}

id_type!(
    /// A claim or a quote: anything that sits on the canvas and can be linked.
    NodeId
);
id_type!(
    /// An embedded article.
    SourceId
);
id_type!(
    /// A supports / opposes / contradicts link.
    LinkId
);
id_type!(
    /// Someone who holds claims.
    ActorId
);
id_type!(
    /// A theme label.
    TagId
);
id_type!(
    /// A presentation step.
    StepId
);
id_type!(
    /// A teacher's comment.
    CommentId
);

/// The prefixes new ids are made with.
pub mod prefix {
    pub const CLAIM: &str = "c";
    pub const QUOTE: &str = "q";
    pub const SOURCE: &str = "s";
    pub const LINK: &str = "l";
    pub const ACTOR: &str = "a";
    pub const TAG: &str = "t";
    pub const STEP: &str = "p";
    /// Feedback.
    pub const COMMENT: &str = "f";
}

/// The next free id with `prefix`, given the ids already in use.
pub fn next_id<'a>(prefix: &str, used: impl IntoIterator<Item = &'a str>) -> String {
    let highest = used
        .into_iter()
        .filter_map(|id| id.strip_prefix(prefix)?.parse::<u64>().ok())
        .max()
        .unwrap_or(0);
    format!("{prefix}{}", highest + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_id_skips_past_the_highest_number() {
        assert_eq!(next_id("c", ["c1", "c7", "q9", "cx"]), "c8");
        assert_eq!(next_id("c", []), "c1");
    }
}
