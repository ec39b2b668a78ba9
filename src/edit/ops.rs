//! The edits behind user actions that touch more than one thing.
//!
//! Each function reads the map and returns the edits to submit to the [`History`](super::History)
//! as one step; none changes the map itself.

use super::{Edit, Item, ItemId};
use crate::analysis::{QuoteStatus, SourceText};
use crate::anchor::{CharIndex, RangeError, anchor_from_range, anchor_from_range_in};
use crate::model::{
    Claim, Comment, Link, LinkId, Map, NodeId, Point, Quote, Relation, RubricMark, Source,
    SourceId, Target, link_rule, text_sha256,
};
use std::collections::HashSet;
use thiserror::Error;

mod comments;
pub use comments::{add_comment, delete_comment, set_comment_text};

/// Why two nodes cannot be linked.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum LinkError {
    #[error("there is no claim or quote \"{0}\"")]
    Missing(NodeId),
    #[error("a card cannot be linked to itself")]
    SelfLink,
    #[error("{0}")]
    Illegal(&'static str),
    #[error("these two cards are already linked")]
    Duplicate(LinkId),
}

/// A new claim at `pos`.
pub fn add_claim(map: &Map, text: &str, pos: Point) -> (NodeId, Vec<Edit>) {
    let id = map.new_claim_id();
    let claim = Claim {
        id: id.clone(),
        text: text.to_owned(),
        pos,
        ..Claim::default()
    };
    (
        id,
        vec![Edit::Insert {
            index: usize::MAX,
            item: Item::Claim(claim),
        }],
    )
}

/// A new quote of chars `start..end` of `source`, optionally supporting `claim`.
pub fn add_quote(
    map: &Map,
    source: &SourceId,
    start: usize,
    end: usize,
    pos: Point,
    supports: Option<&NodeId>,
) -> Result<(NodeId, Vec<Edit>), RangeError> {
    let text = map.source(source).map_or("", |s| s.text.as_str());
    let anchor = anchor_from_range(text, start, end)?;
    let id = map.new_quote_id();
    let mut edits = vec![Edit::Insert {
        index: usize::MAX,
        item: Item::Quote(Quote {
            id: id.clone(),
            source: source.clone(),
            anchor,
            note: String::new(),
            pos,
        }),
    }];
    if let Some(claim) = supports.filter(|c| map.claim(c).is_some()) {
        edits.push(Edit::Insert {
            index: usize::MAX,
            item: Item::Link(Link {
                id: map.new_link_id(),
                from: id.clone(),
                to: claim.clone(),
                relation: Relation::Supports,
            }),
        });
    }
    Ok((id, edits))
}

/// A link `from → to`, if it makes sense and does not exist yet (either way round).
pub fn add_link(
    map: &Map,
    from: &NodeId,
    to: &NodeId,
    relation: Relation,
) -> Result<(LinkId, Vec<Edit>), LinkError> {
    for id in [from, to] {
        if map.node(id).is_none() {
            return Err(LinkError::Missing(id.clone()));
        }
    }
    if from == to {
        return Err(LinkError::SelfLink);
    }
    link_rule(map.claim(from).is_some(), map.claim(to).is_some(), relation)
        .map_err(LinkError::Illegal)?;
    if let Some(l) = map
        .links
        .iter()
        .find(|l| (&l.from == from && &l.to == to) || (&l.from == to && &l.to == from))
    {
        return Err(LinkError::Duplicate(l.id.clone()));
    }
    let id = map.new_link_id();
    let link = Link {
        id: id.clone(),
        from: from.clone(),
        to: to.clone(),
        relation,
    };
    Ok((
        id,
        vec![Edit::Insert {
            index: usize::MAX,
            item: Item::Link(link),
        }],
    ))
}

/// [`add_link`], and if the two cards nearly touch, `from` nudged away from `to` so the link is
/// long enough to show its shape (one undoable step with the link).
pub fn add_link_with_room(
    map: &Map,
    from: &NodeId,
    to: &NodeId,
    relation: Relation,
) -> Result<(LinkId, Vec<Edit>), LinkError> {
    let (id, mut edits) = add_link(map, from, to, relation)?;
    if let Some(spot) = crate::layout::room::room_for_link(map, from, to) {
        edits.push(Edit::Move(vec![(from.clone(), spot)]));
    }
    Ok((id, edits))
}

/// Changes a link's relation, or flips its direction; refuses what [`link_rule`] forbids.
pub fn change_link(
    map: &Map,
    id: &LinkId,
    relation: Relation,
    reversed: bool,
) -> Result<Vec<Edit>, LinkError> {
    let Some(old) = map.link(id) else {
        return Ok(Vec::new());
    };
    let mut link = old.clone();
    link.relation = relation;
    if reversed {
        std::mem::swap(&mut link.from, &mut link.to);
    }
    link_rule(
        map.claim(&link.from).is_some(),
        map.claim(&link.to).is_some(),
        relation,
    )
    .map_err(LinkError::Illegal)?;
    Ok(vec![Edit::Replace(Item::Link(link))])
}

/// Deletes nodes with their links, and takes them out of story steps.
pub fn delete_nodes(map: &Map, ids: &[NodeId]) -> Vec<Edit> {
    let gone: HashSet<&NodeId> = ids.iter().collect();
    let mut edits: Vec<Edit> = map
        .links
        .iter()
        .filter(|l| gone.contains(&l.from) || gone.contains(&l.to))
        .map(|l| Edit::Remove(ItemId::Link(l.id.clone())))
        .collect();
    for step in &map.story {
        if step
            .show
            .iter()
            .chain(&step.focus)
            .any(|n| gone.contains(n))
        {
            let mut step = step.clone();
            step.show.retain(|n| !gone.contains(n));
            step.focus.retain(|n| !gone.contains(n));
            edits.push(Edit::Replace(Item::Step(step)));
        }
    }
    // Feedback on what goes goes with it (and comes back with an undo).
    let gone_links: HashSet<&LinkId> = map
        .links
        .iter()
        .filter(|l| gone.contains(&l.from) || gone.contains(&l.to))
        .map(|l| &l.id)
        .collect();
    edits.extend(
        map.comments
            .iter()
            .filter(|c| match &c.on {
                Target::Node(n) => gone.contains(n),
                Target::Link(l) => gone_links.contains(l),
            })
            .map(|c| Edit::Remove(ItemId::Comment(c.id.clone()))),
    );
    for id in ids {
        if map.claim(id).is_some() {
            edits.push(Edit::Remove(ItemId::Claim(id.clone())));
        } else if map.quote(id).is_some() {
            edits.push(Edit::Remove(ItemId::Quote(id.clone())));
        }
    }
    edits
}

/// Deletes a link with the feedback on it.
pub fn delete_link(map: &Map, id: &LinkId) -> Vec<Edit> {
    let target = Target::Link(id.clone());
    let mut edits: Vec<Edit> = map
        .comments_on(&target)
        .map(|c| Edit::Remove(ItemId::Comment(c.id.clone())))
        .collect();
    if map.link(id).is_some() {
        edits.push(Edit::Remove(ItemId::Link(id.clone())));
    }
    edits
}

/// Sets the teacher's comment on a card or a link: adds one, changes the first one there, or
/// removes it when `text` is blank. Nothing when it would not change.
pub fn set_comment(map: &Map, on: &Target, text: &str) -> Vec<Edit> {
    let text = text.trim();
    let old = map.comments_on(on).next();
    match old {
        Some(c) if text.is_empty() => vec![Edit::Remove(ItemId::Comment(c.id.clone()))],
        Some(c) if c.text == text => Vec::new(),
        Some(c) => vec![Edit::Replace(Item::Comment(Comment {
            text: text.to_owned(),
            ..c.clone()
        }))],
        None if text.is_empty() => Vec::new(),
        None => vec![Edit::Insert {
            index: usize::MAX,
            item: Item::Comment(Comment {
                id: map.new_comment_id(),
                on: on.clone(),
                text: text.to_owned(),
            }),
        }],
    }
}

/// Sets the teacher's verdict on rubric criterion `criterion`: met or not (`None` keeps what the
/// analysis computed) and a note. A mark that says nothing is taken out. Nothing when it would
/// not change.
pub fn set_rubric_mark(map: &Map, criterion: &str, met: Option<bool>, note: &str) -> Vec<Edit> {
    let mark = RubricMark {
        criterion: criterion.to_owned(),
        met,
        note: note.trim().to_owned(),
    };
    let mut marks: Vec<RubricMark> = map
        .rubric
        .iter()
        .filter(|m| m.criterion != criterion)
        .cloned()
        .collect();
    if !mark.is_empty() {
        // In the place the old mark had, so the file does not churn.
        let at = map
            .rubric
            .iter()
            .position(|m| m.criterion == criterion)
            .unwrap_or(marks.len());
        marks.insert(at.min(marks.len()), mark);
    }
    if marks == map.rubric {
        Vec::new()
    } else {
        vec![Edit::SetRubric(marks)]
    }
}

/// Adds an article to the map.
pub fn add_source(map: &Map, mut source: Source) -> (SourceId, Vec<Edit>) {
    if source.id.0.is_empty() || map.source(&source.id).is_some() {
        source.id = map.new_source_id();
    }
    let id = source.id.clone();
    (
        id,
        vec![Edit::Insert {
            index: usize::MAX,
            item: Item::Source(source),
        }],
    )
}

/// What a reader is told about an article besides its text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceDetails {
    pub title: String,
    pub author: String,
    pub outlet: String,
    pub date: String,
    /// Empty for none.
    pub url: String,
}

impl SourceDetails {
    /// The details of `source` as they are.
    pub fn of(source: &Source) -> Self {
        Self {
            title: source.title.clone(),
            author: source.author.clone(),
            outlet: source.outlet.clone(),
            date: source.date.clone(),
            url: source.url.clone().unwrap_or_default(),
        }
    }
}

/// Changes an article's title, author, outlet, date and URL (its text and quotes untouched).
/// Nothing when the article is gone, nothing changes, or the title would be blank (every quote
/// card is cited by it).
pub fn set_source_details(map: &Map, id: &SourceId, details: SourceDetails) -> Vec<Edit> {
    let Some(old) = map.source(id) else {
        return Vec::new();
    };
    if details.title.trim().is_empty() || SourceDetails::of(old) == details {
        return Vec::new();
    }
    let url = details.url.trim();
    vec![Edit::Replace(Item::Source(Source {
        title: details.title,
        author: details.author,
        outlet: details.outlet,
        date: details.date,
        url: (!url.is_empty()).then(|| url.to_owned()),
        ..old.clone()
    }))]
}

/// Removes an article with every quote of it (and their links).
pub fn remove_source(map: &Map, id: &SourceId) -> Vec<Edit> {
    let quotes: Vec<NodeId> = map
        .quotes
        .iter()
        .filter(|q| &q.source == id)
        .map(|q| q.id.clone())
        .collect();
    let mut edits = delete_nodes(map, &quotes);
    if map.source(id).is_some() {
        edits.push(Edit::Remove(ItemId::Source(id.clone())));
    }
    edits
}

/// Removes an actor and its mentions on claims.
pub fn remove_actor(map: &Map, id: &crate::model::ActorId) -> Vec<Edit> {
    let mut edits: Vec<Edit> = map
        .claims
        .iter()
        .filter(|c| c.actors.contains(id))
        .map(|c| {
            let mut c = c.clone();
            c.actors.retain(|a| a != id);
            Edit::Replace(Item::Claim(c))
        })
        .collect();
    if map.actor(id).is_some() {
        edits.push(Edit::Remove(ItemId::Actor(id.clone())));
    }
    edits
}

/// Removes a tag and its uses on claims.
pub fn remove_tag(map: &Map, id: &crate::model::TagId) -> Vec<Edit> {
    let mut edits: Vec<Edit> = map
        .claims
        .iter()
        .filter(|c| c.tags.contains(id))
        .map(|c| {
            let mut c = c.clone();
            c.tags.retain(|t| t != id);
            Edit::Replace(Item::Claim(c))
        })
        .collect();
    if map.tag(id).is_some() {
        edits.push(Edit::Remove(ItemId::Tag(id.clone())));
    }
    edits
}

/// Merges actor `gone` into `keep` (a misspelt second "Russian officals"): every claim held by
/// `gone` is held by `keep` instead (once), and `gone` is removed. One undoable step.
pub fn merge_actors(
    map: &Map,
    keep: &crate::model::ActorId,
    gone: &crate::model::ActorId,
) -> Vec<Edit> {
    if keep == gone || map.actor(keep).is_none() || map.actor(gone).is_none() {
        return Vec::new();
    }
    let mut edits: Vec<Edit> = map
        .claims
        .iter()
        .filter(|c| c.actors.contains(gone))
        .map(|c| {
            let mut c = c.clone();
            c.actors = merged(&c.actors, keep, gone);
            Edit::Replace(Item::Claim(c))
        })
        .collect();
    edits.push(Edit::Remove(ItemId::Actor(gone.clone())));
    edits
}

/// Merges tag `gone` into `keep`, as [`merge_actors`] does for actors.
pub fn merge_tags(map: &Map, keep: &crate::model::TagId, gone: &crate::model::TagId) -> Vec<Edit> {
    if keep == gone || map.tag(keep).is_none() || map.tag(gone).is_none() {
        return Vec::new();
    }
    let mut edits: Vec<Edit> = map
        .claims
        .iter()
        .filter(|c| c.tags.contains(gone))
        .map(|c| {
            let mut c = c.clone();
            c.tags = merged(&c.tags, keep, gone);
            Edit::Replace(Item::Claim(c))
        })
        .collect();
    edits.push(Edit::Remove(ItemId::Tag(gone.clone())));
    edits
}

/// `ids` with `gone` replaced by `keep`, each once, in their first order.
fn merged<T: Clone + PartialEq>(ids: &[T], keep: &T, gone: &T) -> Vec<T> {
    let mut out: Vec<T> = Vec::with_capacity(ids.len());
    for id in ids {
        let id = if id == gone { keep } else { id };
        if !out.contains(id) {
            out.push(id.clone());
        }
    }
    out
}

/// Why an article's text cannot be replaced.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum SourceTextError {
    #[error("there is no source \"{0}\"")]
    Missing(SourceId),
    #[error("the new text is blank")]
    Blank,
}

/// The edits that give an article a new text, and the quotes they could not carry over.
#[derive(Clone, Debug, PartialEq)]
pub struct Replacement {
    /// Submit as one step: the new text and hash, then every quote re-anchored in it.
    pub edits: Vec<Edit>,
    /// Quotes whose passage is not in the new text (or occurs in it more than once with nothing
    /// to tell which): left as they were, to show as orphaned until the student decides.
    pub lost: Vec<NodeId>,
}

/// The quote with its anchor rebuilt at chars `start..end` of `idx`; `None` if that is what it
/// has already.
fn anchored_at(
    quote: &Quote,
    idx: &CharIndex<'_>,
    start: usize,
    end: usize,
) -> Result<Option<Edit>, RangeError> {
    let anchor = anchor_from_range_in(idx, start, end)?;
    Ok((anchor != quote.anchor).then(|| {
        Edit::Replace(Item::Quote(Quote {
            anchor,
            ..quote.clone()
        }))
    }))
}

/// Updates quotes whose status allows it (`accept`) to where their passage is now.
fn follow(
    map: &Map,
    ids: &[NodeId],
    accept: fn(&QuoteStatus) -> Option<(usize, usize)>,
) -> Vec<Edit> {
    let mut edits = Vec::new();
    for quote in ids.iter().filter_map(|id| map.quote(id)) {
        let Some(source) = map.source(&quote.source) else {
            continue;
        };
        let text = SourceText::new(&source.text);
        if let Some((start, end)) = accept(&text.locate(&quote.anchor)) {
            edits.extend(
                anchored_at(quote, &CharIndex::new(&source.text), start, end)
                    .ok()
                    .flatten(),
            );
        }
    }
    edits
}

/// Moves the anchors of those `ids` whose quote has moved (its text, give or take whitespace,
/// is elsewhere in the article) to where the text is now. Other quotes are left alone.
pub fn reanchor(map: &Map, ids: &[NodeId]) -> Vec<Edit> {
    follow(map, ids, |status| match status {
        QuoteStatus::Moved { start, end } => Some((*start, *end)),
        _ => None,
    })
}

/// Makes those `ids` whose quote has changed (a close but not exact passage is in the article)
/// quote the passage as the article has it now. Other quotes are left alone.
pub fn accept_changed(map: &Map, ids: &[NodeId]) -> Vec<Edit> {
    follow(map, ids, |status| match status {
        QuoteStatus::Changed { start, end, .. } => Some((*start, *end)),
        _ => None,
    })
}

/// Replaces an article's text (a corrected version, say) and its hash, and re-anchors every quote
/// of it in the new text: found exactly, moved, or changed a little (then quoting the new
/// wording). Quotes it cannot find are listed in [`Replacement::lost`].
pub fn replace_source_text(
    map: &Map,
    source: &SourceId,
    new_text: &str,
) -> Result<Replacement, SourceTextError> {
    let old = map
        .source(source)
        .ok_or_else(|| SourceTextError::Missing(source.clone()))?;
    if new_text.trim().is_empty() {
        return Err(SourceTextError::Blank);
    }
    let mut edits = vec![Edit::Replace(Item::Source(Source {
        text: new_text.to_owned(),
        sha256: text_sha256(new_text),
        ..old.clone()
    }))];
    let mut lost = Vec::new();
    let text = SourceText::new(new_text);
    let idx = CharIndex::new(new_text);
    for quote in map.quotes.iter().filter(|q| &q.source == source) {
        // Even an exact match gets fresh context: the text around it may have changed.
        let updated = match text.locate(&quote.anchor).span(&quote.anchor) {
            Some((start, end)) => anchored_at(quote, &idx, start, end),
            None => Err(RangeError::Blank),
        };
        match updated {
            Ok(edit) => edits.extend(edit),
            Err(_) => lost.push(quote.id.clone()),
        }
    }
    Ok(Replacement { edits, lost })
}

#[cfg(test)]
mod tests;

/// "Tidy": the auto-layout as one undoable move of the cards whose position changes (none when
/// the map is already tidy). `size` gives card sizes; [`crate::layout::card::card_size`]
/// estimates them with the bundled font.
pub fn tidy(
    map: &Map,
    settings: &crate::layout::LayoutSettings,
    size: &dyn Fn(crate::model::NodeRef<'_>) -> crate::layout::Size,
) -> Vec<Edit> {
    // tidy_with returns the cards in map order.
    let moves: Vec<(NodeId, Point)> = crate::layout::tidy_with(map, settings, size)
        .into_iter()
        .zip(map.nodes())
        .filter(|((_, p), node)| node.pos() != *p)
        .map(|(m, _)| m)
        .collect();
    if moves.is_empty() {
        Vec::new()
    } else {
        vec![Edit::Move(moves)]
    }
}
