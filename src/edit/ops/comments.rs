//! The edits behind the inspector's comment list: a target may hold several teacher's comments,
//! each added, changed and deleted on its own.

use super::super::{Edit, Item, ItemId};
use crate::model::{Comment, CommentId, Map, Target};

/// The comment `id`, if the map holds it.
fn comment<'a>(map: &'a Map, id: &CommentId) -> Option<&'a Comment> {
    map.comments.iter().find(|c| &c.id == id)
}

/// Adds a comment on `on` after the ones already there, with the id [`Map::new_comment_id`]
/// gives. Nothing when `text` is blank.
pub fn add_comment(map: &Map, on: &Target, text: &str) -> Vec<Edit> {
    let text = text.trim();
    if text.is_empty() {
        return Vec::new();
    }
    vec![Edit::Insert {
        index: usize::MAX,
        item: Item::Comment(Comment {
            id: map.new_comment_id(),
            on: on.clone(),
            text: text.to_owned(),
        }),
    }]
}

/// Changes the text of comment `id` (trimmed); a blank text deletes it. Nothing when it would
/// not change or the comment is gone.
pub fn set_comment_text(map: &Map, id: &CommentId, text: &str) -> Vec<Edit> {
    let text = text.trim();
    match comment(map, id) {
        None => Vec::new(),
        Some(_) if text.is_empty() => delete_comment(map, id),
        Some(c) if c.text == text => Vec::new(),
        Some(c) => vec![Edit::Replace(Item::Comment(Comment {
            text: text.to_owned(),
            ..c.clone()
        }))],
    }
}

/// Deletes comment `id`; nothing when it is gone.
pub fn delete_comment(map: &Map, id: &CommentId) -> Vec<Edit> {
    comment(map, id)
        .map(|c| Edit::Remove(ItemId::Comment(c.id.clone())))
        .into_iter()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::History;
    use crate::model::NodeId;

    fn texts(map: &Map, on: &Target) -> Vec<String> {
        map.comments_on(on).map(|c| c.text.clone()).collect()
    }

    #[test]
    fn a_target_holds_several_comments_each_changed_and_deleted_alone() {
        let on = Target::Node(NodeId::from("c1"));
        let other = Target::Node(NodeId::from("c2"));
        let mut history = History::new(Map::new("Marked"));
        for (target, text) in [(&on, " First. "), (&other, "Elsewhere."), (&on, "Second.")] {
            let edits = add_comment(history.map(), target, text);
            history.apply("Add comment", None, edits).unwrap();
        }
        assert!(add_comment(history.map(), &on, "  ").is_empty());
        assert_eq!(texts(history.map(), &on), ["First.", "Second."]);
        let second = history.map().comments_on(&on).nth(1).unwrap().id.clone();
        assert_eq!(second.as_str(), "f3");

        let edits = set_comment_text(history.map(), &second, "Second, changed.");
        history.apply("Edit comment", None, edits).unwrap();
        assert_eq!(texts(history.map(), &on), ["First.", "Second, changed."]);
        assert!(set_comment_text(history.map(), &second, " Second, changed. ").is_empty());

        let first = history.map().comments_on(&on).next().unwrap().id.clone();
        let edits = delete_comment(history.map(), &first);
        history.apply("Delete comment", None, edits).unwrap();
        assert_eq!(texts(history.map(), &on), ["Second, changed."]);
        assert_eq!(texts(history.map(), &other), ["Elsewhere."]);
        assert!(delete_comment(history.map(), &first).is_empty());
        assert!(set_comment_text(history.map(), &first, "back?").is_empty());

        let edits = set_comment_text(history.map(), &second, "");
        history.apply("Edit comment", None, edits).unwrap();
        assert!(texts(history.map(), &on).is_empty(), "a blank text deletes");
        history.undo();
        history.undo();
        assert_eq!(texts(history.map(), &on), ["First.", "Second, changed."]);
    }
}
