//! Undo, redo, and the "unsaved changes" flag.

use super::{Edit, EditError, apply_all};
use crate::model::Map;
use std::sync::atomic::{AtomicU64, Ordering};

/// Generations are unique across every history in the process, so a view that cached something
/// for one map never mistakes a newly opened map for it.
static GENERATIONS: AtomicU64 = AtomicU64::new(1);

fn next_generation() -> u64 {
    GENERATIONS.fetch_add(1, Ordering::Relaxed)
}

/// What lets consecutive transactions merge into one undo step: the same key, with nothing else
/// in between and no [`History::seal`] call. E.g. `("move", ids)` for a drag, `("text", id)` for
/// typing in one card.
pub type MergeKey = String;

/// One undo step: edits applied together, and the edits that undo them.
#[derive(Clone, Debug)]
pub struct Transaction {
    /// Shown in the Edit menu: "Undo Move", "Undo Add quote".
    pub label: String,
    edits: Vec<Edit>,
    inverse: Vec<Edit>,
    /// A unique number: identifies the map state this transaction leads to.
    revision: u64,
    merge: Option<MergeKey>,
}

/// The map and every change made to it.
#[derive(Clone, Debug)]
pub struct History {
    map: Map,
    undo: Vec<Transaction>,
    redo: Vec<Transaction>,
    next_revision: u64,
    saved_revision: Option<u64>,
    sealed: bool,
    /// New on every change, undo and redo (and unique to this history): lets views cache what
    /// they derive from the map.
    generation: u64,
    /// Like `generation`, but kept by changes that only move cards: keys what is derived from
    /// the map's content (the analysis), so a drag does not recompute it every frame.
    content: u64,
}

/// Whether `edits` change only where cards are drawn.
fn only_moves(edits: &[Edit]) -> bool {
    edits.iter().all(|e| matches!(e, Edit::Move(_)))
}

impl History {
    /// A history starting at `map`, which counts as saved.
    pub fn new(map: Map) -> Self {
        Self {
            map,
            undo: Vec::new(),
            redo: Vec::new(),
            next_revision: 1,
            saved_revision: Some(0),
            sealed: true,
            generation: next_generation(),
            content: next_generation(),
        }
    }

    /// The map as it is now.
    pub fn map(&self) -> &Map {
        &self.map
    }

    /// Changes with every edit, undo and redo.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Changes with every edit, undo and redo that changes more than positions: what the map
    /// says, as opposed to where its cards are.
    pub fn content_revision(&self) -> u64 {
        self.content
    }

    /// Records a change made by `edits`.
    fn changed(&mut self, edits: &[Edit]) {
        self.generation = next_generation();
        if !only_moves(edits) {
            self.content = next_generation();
        }
    }

    fn revision(&self) -> u64 {
        self.undo.last().map_or(0, |t| t.revision)
    }

    /// Applies `edits` as one undo step. With a `merge` key equal to the last step's (and no
    /// [`seal`](Self::seal) in between), they join that step instead.
    pub fn apply(
        &mut self,
        label: impl Into<String>,
        merge: Option<MergeKey>,
        edits: Vec<Edit>,
    ) -> Result<(), EditError> {
        if edits.is_empty() {
            return Ok(());
        }
        let inverse = apply_all(&mut self.map, edits.clone())?;
        self.changed(&edits);
        self.redo.clear();
        let can_merge = !self.sealed
            && merge.is_some()
            && self.saved_revision != Some(self.revision())
            && self.undo.last().is_some_and(|t| t.merge == merge);
        if let (true, Some(last)) = (can_merge, self.undo.last_mut()) {
            merge_into(last, edits, inverse);
        } else {
            let revision = self.next_revision;
            self.next_revision += 1;
            self.undo.push(Transaction {
                label: label.into(),
                edits,
                inverse,
                revision,
                merge,
            });
        }
        self.sealed = false;
        Ok(())
    }

    /// Ends the current burst (a drag released, focus left a text field): the next edit starts a
    /// new undo step even with the same merge key.
    pub fn seal(&mut self) {
        self.sealed = true;
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// The label of the step [`undo`](Self::undo) would undo.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|t| t.label.as_str())
    }

    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|t| t.label.as_str())
    }

    /// Undoes the last step; false if there is none.
    pub fn undo(&mut self) -> bool {
        let Some(t) = self.undo.pop() else {
            return false;
        };
        // Inverses were computed against the very state they now undo, so they apply.
        if apply_all(&mut self.map, t.inverse.clone()).is_err() {
            self.undo.push(t);
            return false;
        }
        self.changed(&t.inverse);
        self.redo.push(t);
        self.sealed = true;
        true
    }

    /// Redoes the last undone step; false if there is none.
    pub fn redo(&mut self) -> bool {
        let Some(t) = self.redo.pop() else {
            return false;
        };
        if apply_all(&mut self.map, t.edits.clone()).is_err() {
            self.redo.push(t);
            return false;
        }
        self.changed(&t.edits);
        self.undo.push(t);
        self.sealed = true;
        true
    }

    /// Whether the map differs from what was last saved (or loaded).
    pub fn is_dirty(&self) -> bool {
        self.saved_revision != Some(self.revision())
    }

    /// Records that the map as it is now has been saved.
    pub fn mark_saved(&mut self) {
        self.saved_revision = Some(self.revision());
        self.sealed = true;
    }

    /// Records that nothing on disk matches any state (e.g. a restored recovery file).
    pub fn mark_unsaved(&mut self) {
        self.saved_revision = None;
    }
}

/// Folds a new burst of edits into the last transaction.
fn merge_into(last: &mut Transaction, edits: Vec<Edit>, mut inverse: Vec<Edit>) {
    // Repeated moves or replacements of the same things: keep the first inverse, the last edit.
    let same_target = match (last.edits.as_slice(), edits.as_slice()) {
        ([Edit::Move(a)], [Edit::Move(b)]) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.0 == y.0)
        }
        ([Edit::Replace(a)], [Edit::Replace(b)]) => a.id() == b.id(),
        _ => false,
    };
    if same_target {
        last.edits = edits;
    } else {
        last.edits.extend(edits);
        inverse.append(&mut last.inverse);
        last.inverse = inverse;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Item;
    use crate::model::{Claim, NodeId, Point};

    fn with_claim() -> History {
        let mut h = History::new(Map::new("t"));
        let claim = Claim {
            id: NodeId("c1".into()),
            text: "NATO is a relic".into(),
            pos: Point::new(0.0, 0.0),
            ..Claim::default()
        };
        let add = Edit::Insert {
            index: 0,
            item: Item::Claim(claim),
        };
        h.apply("Add claim", None, vec![add]).unwrap();
        h
    }

    #[test]
    fn moving_cards_keeps_the_content_revision() {
        let mut h = with_claim();
        let (generation, content) = (h.generation(), h.content_revision());
        let drag = |x| vec![Edit::Move(vec![(NodeId("c1".into()), Point::new(x, 5.0))])];
        for x in [1.0, 2.0, 3.0] {
            h.apply("Move", Some("move c1".into()), drag(x)).unwrap();
        }
        assert_ne!(
            h.generation(),
            generation,
            "views that draw positions must see the move"
        );
        assert_eq!(h.content_revision(), content);
        assert!(h.undo());
        assert_eq!(h.content_revision(), content);
        assert!(h.redo());
        assert_eq!(h.content_revision(), content);
    }

    #[test]
    fn every_other_change_moves_the_content_revision_on() {
        let mut h = with_claim();
        let before = h.content_revision();
        let mut claim = h.map().claims[0].clone();
        claim.text = "NATO is omnipotent".into();
        h.apply("Edit", None, vec![Edit::Replace(Item::Claim(claim))])
            .unwrap();
        let edited = h.content_revision();
        assert_ne!(edited, before);
        assert!(h.undo());
        assert_ne!(h.content_revision(), edited);
        assert_ne!(
            h.content_revision(),
            before,
            "an undo is a new state for the cache"
        );
        let other = History::new(Map::new("t"));
        assert_ne!(other.content_revision(), h.content_revision());
    }
}
