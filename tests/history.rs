//! Every edit can be undone exactly and redone; bursts merge into one step; the saved marker.

mod common;

use proptest::prelude::*;
use warrant::edit::{Edit, History, Item, ops};
use warrant::model::{Map, NodeId, Point, Relation};

/// A user action, chosen by index into whatever the map holds at that moment.
#[derive(Clone, Debug)]
enum Action {
    AddClaim(String),
    AddQuote(u16, u16, u16),
    Link(u16, u16, u8),
    EditText(u16, String),
    Move(u16, f32, f32),
    Delete(u16),
    RemoveSource(u16),
    Retitle(String),
    /// A drag: several moves of one card, merged into one undo step (with an earlier drag of the
    /// same card too, unless something came between).
    Drag(u16, Vec<(f32, f32)>),
    /// Typing into one claim, a char at a time, merged like a drag.
    Type(u16, String),
    /// The mouse released or focus left the field: the next burst is a new step.
    Seal,
    Undo,
    Redo,
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        "[a-z ]{1,20}".prop_map(Action::AddClaim),
        (any::<u16>(), any::<u16>(), any::<u16>()).prop_map(|(a, b, c)| Action::AddQuote(a, b, c)),
        (any::<u16>(), any::<u16>(), 0u8..3).prop_map(|(a, b, r)| Action::Link(a, b, r)),
        (any::<u16>(), "[a-z]{0,10}").prop_map(|(a, t)| Action::EditText(a, t)),
        (any::<u16>(), -500f32..500.0, -500f32..500.0).prop_map(|(a, x, y)| Action::Move(a, x, y)),
        any::<u16>().prop_map(Action::Delete),
        any::<u16>().prop_map(Action::RemoveSource),
        "[a-z]{0,8}".prop_map(Action::Retitle),
        (
            any::<u16>(),
            proptest::collection::vec((-500f32..500.0, -500f32..500.0), 1..5)
        )
            .prop_map(|(a, steps)| Action::Drag(a, steps)),
        (any::<u16>(), "[a-z]{1,6}").prop_map(|(a, t)| Action::Type(a, t)),
        Just(Action::Seal),
        Just(Action::Undo),
        Just(Action::Redo),
    ]
}

fn nth_node(map: &Map, i: u16) -> Option<NodeId> {
    let ids: Vec<NodeId> = map.nodes().map(|n| n.id().clone()).collect();
    (!ids.is_empty()).then(|| ids[i as usize % ids.len()].clone())
}

/// The edits for an action (empty when it does not apply to this map).
fn edits_for(map: &Map, action: &Action) -> Vec<Edit> {
    match action {
        Action::AddClaim(t) => ops::add_claim(map, t, Point::new(1.0, 2.0)).1,
        Action::AddQuote(s, a, b) => {
            let Some(src) = map.sources.get(*s as usize % map.sources.len().max(1)) else {
                return Vec::new();
            };
            let len = src.text.chars().count();
            let start = *a as usize % len;
            let end = start + 1 + *b as usize % (len - start);
            let claim = map.claims.first().map(|c| c.id.clone());
            ops::add_quote(map, &src.id, start, end, Point::default(), claim.as_ref())
                .map(|(_, e)| e)
                .unwrap_or_default()
        }
        Action::Link(a, b, r) => match (nth_node(map, *a), nth_node(map, *b)) {
            (Some(x), Some(y)) => ops::add_link(map, &x, &y, Relation::ALL[*r as usize])
                .map(|(_, e)| e)
                .unwrap_or_default(),
            _ => Vec::new(),
        },
        Action::EditText(i, t) => {
            if map.claims.is_empty() {
                return Vec::new();
            }
            let mut c = map.claims[*i as usize % map.claims.len()].clone();
            c.text.clone_from(t);
            vec![Edit::Replace(Item::Claim(c))]
        }
        Action::Move(i, x, y) => nth_node(map, *i)
            .map(|id| vec![Edit::Move(vec![(id, Point::new(*x, *y))])])
            .unwrap_or_default(),
        Action::Delete(i) => nth_node(map, *i)
            .map(|id| ops::delete_nodes(map, &[id]))
            .unwrap_or_default(),
        Action::RemoveSource(i) => {
            if *i % 4 != 0 || map.sources.is_empty() {
                return Vec::new(); // rarely: it wipes out most of the map
            }
            let id = map.sources[*i as usize % map.sources.len()].id.clone();
            ops::remove_source(map, &id)
        }
        Action::Retitle(t) => vec![Edit::SetInfo {
            title: t.clone(),
            description: map.description.clone(),
        }],
        Action::Drag(..) | Action::Type(..) | Action::Seal | Action::Undo | Action::Redo => {
            Vec::new()
        }
    }
}

/// The merged edits of a burst, each with its merge key, as the canvas and the inspector make
/// them (empty when the action is not a burst or does not apply to this map).
fn burst_for(map: &Map, action: &Action) -> Vec<(String, Edit)> {
    match action {
        Action::Drag(i, steps) => nth_node(map, *i)
            .map(|id| {
                steps
                    .iter()
                    .map(|&(x, y)| {
                        let key = format!("move {id}");
                        (key, Edit::Move(vec![(id.clone(), Point::new(x, y))]))
                    })
                    .collect()
            })
            .unwrap_or_default(),
        Action::Type(i, typed) => {
            if map.claims.is_empty() {
                return Vec::new();
            }
            let mut c = map.claims[*i as usize % map.claims.len()].clone();
            typed
                .chars()
                .map(|ch| {
                    c.text.push(ch);
                    (
                        format!("text {}", c.id),
                        Edit::Replace(Item::Claim(c.clone())),
                    )
                })
                .collect()
        }
        _ => Vec::new(),
    }
}

/// What the history should hold: the state after each undo step with the step's merge key, the
/// steps that can be redone, and whether the next burst must start a new step.
struct Model {
    states: Vec<(Map, Option<String>)>,
    redo: Vec<(Map, Option<String>)>,
    sealed: bool,
}

impl Model {
    fn applied(&mut self, map: &Map, key: Option<String>) {
        let merges = !self.sealed
            && key.is_some()
            && self.states.len() > 1
            && self.states.last().is_some_and(|(_, k)| *k == key);
        match self.states.last_mut() {
            Some(last) if merges => last.0 = map.clone(),
            _ => self.states.push((map.clone(), key)),
        }
        self.redo.clear();
        self.sealed = false;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Undo walks back through exactly the states the map went through, a burst of merged edits
    /// being one step; redo walks forward again, at any point and at the end.
    #[test]
    fn undo_restores_every_state_and_redo_reapplies(start in common::arb_map(), actions in proptest::collection::vec(action(), 1..40)) {
        let mut h = History::new(start.clone());
        let mut model = Model { states: vec![(start, None)], redo: Vec::new(), sealed: true };
        for a in &actions {
            match a {
                Action::Undo => {
                    let can = model.states.len() > 1;
                    prop_assert_eq!(h.undo(), can);
                    if can {
                        let step = model.states.pop().unwrap();
                        model.redo.push(step);
                        model.sealed = true;
                    }
                }
                Action::Redo => {
                    let step = model.redo.pop();
                    prop_assert_eq!(h.redo(), step.is_some());
                    if let Some(step) = step {
                        model.states.push(step);
                        model.sealed = true;
                    }
                }
                Action::Seal => {
                    h.seal();
                    model.sealed = true;
                }
                Action::Drag(..) | Action::Type(..) => {
                    for (key, edit) in burst_for(h.map(), a) {
                        h.apply("burst", Some(key.clone()), vec![edit]).unwrap();
                        model.applied(h.map(), Some(key));
                    }
                }
                _ => {
                    let edits = edits_for(h.map(), a);
                    if edits.is_empty() { continue; }
                    h.apply("action", None, edits).unwrap();
                    prop_assert!(h.map().integrity_errors().is_empty(), "{:?} broke integrity: {:?}", a, h.map().integrity_errors());
                    model.applied(h.map(), None);
                }
            }
            prop_assert_eq!(h.map(), &model.states.last().unwrap().0, "after {:?}", a);
            prop_assert_eq!(h.can_redo(), !model.redo.is_empty());
        }
        let states: Vec<Map> = model.states.into_iter().map(|(m, _)| m).collect();
        let mut n = 0;
        while h.undo() {
            n += 1;
            prop_assert_eq!(h.map(), &states[states.len() - 1 - n]);
        }
        prop_assert_eq!(n, states.len() - 1);
        prop_assert!(!h.is_dirty());
        for state in &states[1..] {
            prop_assert!(h.redo());
            prop_assert_eq!(h.map(), state);
        }
    }
}

#[test]
fn a_drag_is_one_undo_step_and_typing_is_one_more() {
    let map = common::hand_made();
    let before = map.clone();
    let mut h = History::new(map);
    let id = NodeId("c1".into());
    for i in 1..=20 {
        let key = Some("move c1".to_owned());
        h.apply(
            "Move",
            key,
            vec![Edit::Move(vec![(id.clone(), Point::new(i as f32, 0.0))])],
        )
        .unwrap();
    }
    h.seal(); // mouse released
    let mut claim = h.map().claim(&id).unwrap().clone();
    for word in ["N", "NA", "NAT", "NATO"] {
        claim.text = word.into();
        h.apply(
            "Edit text",
            Some("text c1".into()),
            vec![Edit::Replace(Item::Claim(claim.clone()))],
        )
        .unwrap();
    }
    assert_eq!(h.map().claim(&id).unwrap().text, "NATO");
    assert_eq!(h.map().claim(&id).unwrap().pos, Point::new(20.0, 0.0));
    assert_eq!(h.undo_label(), Some("Edit text"));
    assert!(h.undo());
    assert_eq!(h.map().claim(&id).unwrap().text, "NATO is omnipotent");
    assert_eq!(h.map().claim(&id).unwrap().pos, Point::new(20.0, 0.0));
    assert!(h.undo());
    assert_eq!(h.map(), &before);
    assert!(!h.undo());
}

#[test]
fn the_unsaved_flag_follows_undo_and_redo() {
    let mut h = History::new(common::hand_made());
    assert!(!h.is_dirty());
    let (_, edits) = ops::add_claim(h.map(), "new", Point::default());
    h.apply("Add claim", None, edits).unwrap();
    assert!(h.is_dirty());
    h.mark_saved();
    assert!(!h.is_dirty());
    h.undo();
    assert!(
        h.is_dirty(),
        "the saved file has the claim; the map now does not"
    );
    h.redo();
    assert!(!h.is_dirty());
    // A merge-able edit right after saving starts a new step, so undo returns to the saved state.
    let mut c = h.map().claims[0].clone();
    c.text = "typed".into();
    h.apply(
        "Edit text",
        Some("t".into()),
        vec![Edit::Replace(Item::Claim(c))],
    )
    .unwrap();
    assert!(h.is_dirty());
    h.undo();
    assert!(!h.is_dirty());
}

#[test]
fn a_failing_edit_changes_nothing() {
    let mut h = History::new(common::hand_made());
    let before = h.map().clone();
    let (_, mut edits) = ops::add_claim(h.map(), "ok", Point::default());
    edits.push(Edit::Remove(warrant::edit::ItemId::Claim(NodeId(
        "nope".into(),
    ))));
    assert!(h.apply("bad", None, edits).is_err());
    assert_eq!(h.map(), &before);
    assert!(!h.can_undo());
}

#[test]
fn links_obey_the_rules() {
    let map = common::hand_made();
    let q = NodeId("q1".into());
    let c1 = NodeId("c1".into());
    assert!(matches!(
        ops::add_link(&map, &c1, &q, Relation::Supports),
        Err(ops::LinkError::Illegal(_))
    ));
    assert!(matches!(
        ops::add_link(&map, &q, &c1, Relation::Contradicts),
        Err(ops::LinkError::Illegal(_))
    ));
    assert!(matches!(
        ops::add_link(&map, &c1, &c1, Relation::Supports),
        Err(ops::LinkError::SelfLink)
    ));
    // c1–c2 already contradict: a second link either way round is refused.
    assert!(matches!(
        ops::add_link(&map, &NodeId("c2".into()), &c1, Relation::Opposes),
        Err(ops::LinkError::Duplicate(_))
    ));
    assert!(ops::add_link(&map, &q, &c1, Relation::Opposes).is_ok());
}

#[test]
fn a_new_history_never_reuses_a_generation() {
    // Views cache by generation: opening another map must never look like "no change".
    let a = History::new(common::hand_made());
    let b = History::new(Map::new("other"));
    assert_ne!(a.generation(), b.generation());
}
