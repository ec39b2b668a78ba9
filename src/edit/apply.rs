//! Applying edits, and computing their inverses.

use super::{Edit, Item, ItemId};
use crate::model::{Map, NodeId};
use thiserror::Error;

/// Why an edit could not be applied (the map is left unchanged).
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum EditError {
    #[error("there is no {0:?} in this map")]
    Missing(ItemId),
    #[error("{0:?} is already in this map")]
    Exists(ItemId),
    #[error("there is no claim or quote \"{0}\" in this map")]
    MissingNode(NodeId),
}

/// The list an item lives in, and where in it an id is.
macro_rules! with_list {
    ($map:expr, $id:expr, |$list:ident, $key:ident| $body:expr) => {
        match $id {
            ItemId::Claim($key) => {
                let $list = &mut $map.claims;
                $body
            }
            ItemId::Quote($key) => {
                let $list = &mut $map.quotes;
                $body
            }
            ItemId::Link($key) => {
                let $list = &mut $map.links;
                $body
            }
            ItemId::Source($key) => {
                let $list = &mut $map.sources;
                $body
            }
            ItemId::Actor($key) => {
                let $list = &mut $map.actors;
                $body
            }
            ItemId::Tag($key) => {
                let $list = &mut $map.tags;
                $body
            }
            ItemId::Step($key) => {
                let $list = &mut $map.story;
                $body
            }
            ItemId::Comment($key) => {
                let $list = &mut $map.comments;
                $body
            }
        }
    };
}

fn position(map: &mut Map, id: &ItemId) -> Option<usize> {
    with_list!(map, id, |list, key| list.iter().position(|x| &x.id == key))
}

fn take(map: &mut Map, id: &ItemId, index: usize) -> Item {
    match id {
        ItemId::Claim(_) => Item::Claim(map.claims.remove(index)),
        ItemId::Quote(_) => Item::Quote(map.quotes.remove(index)),
        ItemId::Link(_) => Item::Link(map.links.remove(index)),
        ItemId::Source(_) => Item::Source(map.sources.remove(index)),
        ItemId::Actor(_) => Item::Actor(map.actors.remove(index)),
        ItemId::Tag(_) => Item::Tag(map.tags.remove(index)),
        ItemId::Step(_) => Item::Step(map.story.remove(index)),
        ItemId::Comment(_) => Item::Comment(map.comments.remove(index)),
    }
}

/// Puts `item` at `index` of its list (clamped to the list's length).
fn put(map: &mut Map, item: Item, index: usize) {
    macro_rules! place {
        ($list:expr, $x:expr) => {{
            let list = &mut $list;
            list.insert(index.min(list.len()), $x);
        }};
    }
    match item {
        Item::Claim(x) => place!(map.claims, x),
        Item::Quote(x) => place!(map.quotes, x),
        Item::Link(x) => place!(map.links, x),
        Item::Source(x) => place!(map.sources, x),
        Item::Actor(x) => place!(map.actors, x),
        Item::Tag(x) => place!(map.tags, x),
        Item::Step(x) => place!(map.story, x),
        Item::Comment(x) => place!(map.comments, x),
    }
}

fn node_pos<'m>(map: &'m mut Map, id: &NodeId) -> Option<&'m mut crate::model::Point> {
    if let Some(c) = map.claims.iter_mut().find(|c| &c.id == id) {
        return Some(&mut c.pos);
    }
    map.quotes
        .iter_mut()
        .find(|q| &q.id == id)
        .map(|q| &mut q.pos)
}

/// Applies one edit; returns the edit that undoes it. On error the map is unchanged.
pub fn apply(map: &mut Map, edit: Edit) -> Result<Edit, EditError> {
    Ok(match edit {
        Edit::Insert { index, item } => {
            let id = item.id();
            if position(map, &id).is_some() {
                return Err(EditError::Exists(id));
            }
            put(map, item, index);
            Edit::Remove(id)
        }
        Edit::Remove(id) => {
            let index = position(map, &id).ok_or_else(|| EditError::Missing(id.clone()))?;
            let item = take(map, &id, index);
            Edit::Insert { index, item }
        }
        Edit::Replace(item) => {
            let id = item.id();
            let index = position(map, &id).ok_or_else(|| EditError::Missing(id.clone()))?;
            let old = take(map, &id, index);
            put(map, item, index);
            Edit::Replace(old)
        }
        Edit::Reorder { id, index } => {
            let old = position(map, &id).ok_or_else(|| EditError::Missing(id.clone()))?;
            let item = take(map, &id, old);
            put(map, item, index);
            Edit::Reorder { id, index: old }
        }
        Edit::SetInfo { title, description } => Edit::SetInfo {
            title: std::mem::replace(&mut map.title, title),
            description: std::mem::replace(&mut map.description, description),
        },
        Edit::SetRubric(marks) => Edit::SetRubric(std::mem::replace(&mut map.rubric, marks)),
        Edit::Move(moves) => {
            // Check every node first so a failed move changes nothing.
            for (id, _) in &moves {
                if node_pos(map, id).is_none() {
                    return Err(EditError::MissingNode(id.clone()));
                }
            }
            let mut old = Vec::with_capacity(moves.len());
            for (id, to) in moves {
                if let Some(pos) = node_pos(map, &id) {
                    old.push((id, std::mem::replace(pos, to)));
                }
            }
            old.reverse(); // a node moved twice in one edit gets its first position back last
            Edit::Move(old)
        }
    })
}

/// Applies edits in order; returns their inverses in the order that undoes them. If one fails,
/// those already applied are undone and the map is as before.
pub fn apply_all(map: &mut Map, edits: Vec<Edit>) -> Result<Vec<Edit>, EditError> {
    let mut inverses = Vec::with_capacity(edits.len());
    for edit in edits {
        match apply(map, edit) {
            Ok(inv) => inverses.push(inv),
            Err(e) => {
                for inv in inverses.into_iter().rev() {
                    // Inverses of edits just applied cannot fail.
                    let _ = apply(map, inv);
                }
                return Err(e);
            }
        }
    }
    inverses.reverse();
    Ok(inverses)
}
