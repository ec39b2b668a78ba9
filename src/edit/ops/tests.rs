use super::*;
use crate::analysis::{QuoteStatus, locate_quote, quote_integrity};
use crate::edit::History;

const TEXT: &str = "Russian officials portray NATO as a dangerously strong (even omnipotent) and \
unfriendly military bloc, and at the same time as a relic of the Cold War, incapable of providing \
security. The memo argues that both views cannot be held at once.";

/// A map of `TEXT` with quotes of these passages, ids q1, q2, …
fn map_with_quotes(passages: &[&str]) -> Map {
    let mut map = Map::new("m");
    let (source, edits) = add_source(&map, Source::new("Memo", TEXT));
    super::super::apply_all(&mut map, edits).unwrap();
    for p in passages {
        let start = TEXT[..TEXT.find(p).unwrap()].chars().count();
        let end = start + p.chars().count();
        let (_, edits) = add_quote(&map, &source, start, end, Point::default(), None).unwrap();
        super::super::apply_all(&mut map, edits).unwrap();
    }
    map
}

fn statuses(map: &Map) -> Vec<&'static str> {
    quote_integrity(map)
        .iter()
        .map(|c| c.status.name())
        .collect()
}

#[test]
fn reanchor_moves_anchors_to_the_text_and_undo_moves_them_back() {
    let map = map_with_quotes(&["a relic of the Cold War", "unfriendly military bloc"]);
    let mut history = History::new(map);
    // The article gains a sentence at the start (as if edited outside the app).
    let mut s = history.map().sources[0].clone();
    s.text = format!("An introduction. {}", s.text);
    history
        .apply("Edit article", None, vec![Edit::Replace(Item::Source(s))])
        .unwrap();
    assert_eq!(statuses(history.map()), ["moved", "moved"]);
    let before = history.map().quotes.clone();
    let ids = ["q1".into()];
    let edits = reanchor(history.map(), &ids);
    assert_eq!(edits.len(), 1);
    history.apply("Re-anchor quote", None, edits).unwrap();
    assert_eq!(statuses(history.map()), ["ok", "moved"]); // only the one asked for
    assert_eq!(
        history.map().quotes[0].anchor.start,
        before[0].anchor.start + 17
    );
    assert!(history.undo());
    assert_eq!(history.map().quotes, before);
    // A quote that has not moved needs no edit.
    assert!(reanchor(&map_with_quotes(&["a relic"]), &["q1".into()]).is_empty());
}

#[test]
fn accept_changed_takes_the_wording_the_article_has_now() {
    let map = map_with_quotes(&["portray NATO as a dangerously strong (even omnipotent)"]);
    let mut history = History::new(map);
    let mut s = history.map().sources[0].clone();
    s.text = s.text.replace("dangerously strong", "dangerously powerful");
    history
        .apply("Edit article", None, vec![Edit::Replace(Item::Source(s))])
        .unwrap();
    assert!(reanchor(history.map(), &["q1".into()]).is_empty()); // changed, not moved
    let edits = accept_changed(history.map(), &["q1".into()]);
    history.apply("Accept changed quote", None, edits).unwrap();
    assert_eq!(
        history.map().quotes[0].anchor.exact,
        "portray NATO as a dangerously powerful (even omnipotent)"
    );
    assert_eq!(statuses(history.map()), ["ok"]);
}

#[test]
fn replacing_the_text_reanchors_every_quote_and_reports_the_lost_ones() {
    let map = map_with_quotes(&[
        "Russian officials portray NATO", // the text after it is edited: still there
        "a relic of the Cold War",        // moves
        "as a dangerously strong (even omnipotent) and unfriendly military bloc", // edited inside
        "both views cannot be held at once", // deleted
    ]);
    let corrected = TEXT
        .replace("dangerously strong", "dangerously powerful")
        .replace(
            " The memo argues that both views cannot be held at once.",
            "",
        );
    let mut history = History::new(map.clone());
    let r = replace_source_text(history.map(), &"s1".into(), &corrected).unwrap();
    assert_eq!(r.lost, [NodeId::from("q4")]);
    history
        .apply("Replace article text", None, r.edits)
        .unwrap();
    let m = history.map();
    assert_eq!(m.sources[0].text, corrected);
    assert_eq!(m.sources[0].sha256, text_sha256(&corrected));
    let q = &m.quotes;
    assert_eq!(q[1].anchor.exact, "a relic of the Cold War");
    assert_eq!(q[0].anchor.start, 0);
    assert_eq!(
        q[2].anchor.exact,
        "as a dangerously powerful (even omnipotent) and unfriendly military bloc"
    );
    for quote in &q[..3] {
        assert_eq!(locate_quote(&corrected, &quote.anchor), QuoteStatus::Ok);
    }
    assert_eq!(q[3], map.quotes[3]); // left as it was
    assert_eq!(statuses(m), ["ok", "ok", "ok", "orphaned"]);
    // One undo step restores the text, the hash and every anchor.
    assert!(history.undo());
    assert_eq!(history.map(), &map);
}

#[test]
fn replacing_the_text_of_no_source_or_with_nothing_is_refused() {
    let map = map_with_quotes(&[]);
    assert_eq!(
        replace_source_text(&map, &"s9".into(), "text"),
        Err(SourceTextError::Missing("s9".into()))
    );
    assert_eq!(
        replace_source_text(&map, &"s1".into(), " \n"),
        Err(SourceTextError::Blank)
    );
}

#[test]
fn article_details_change_in_one_undoable_step() {
    let map = map_with_quotes(&["a relic of the Cold War"]);
    let id = map.sources[0].id.clone();
    let text = map.sources[0].text.clone();
    let mut history = History::new(map);
    let details = SourceDetails {
        title: "Russia and NATO".into(),
        author: "D. Trenin".into(),
        outlet: "Carnegie".into(),
        date: "2011".into(),
        url: " https://example.org/memo ".into(),
    };
    let edits = set_source_details(history.map(), &id, details);
    history.apply("Edit article details", None, edits).unwrap();
    let s = history.map().source(&id).unwrap();
    assert_eq!(
        (
            s.title.as_str(),
            s.author.as_str(),
            s.outlet.as_str(),
            s.date.as_str()
        ),
        ("Russia and NATO", "D. Trenin", "Carnegie", "2011")
    );
    assert_eq!(s.url.as_deref(), Some("https://example.org/memo"));
    assert_eq!(s.text, text, "the text quotes anchor to is untouched");
    assert_eq!(statuses(history.map()), ["ok"]);
    // A blank title or no change is no edit.
    let blank = SourceDetails {
        title: "  ".into(),
        ..SourceDetails::of(s)
    };
    assert!(set_source_details(history.map(), &id, blank).is_empty());
    assert!(set_source_details(history.map(), &id, SourceDetails::of(s)).is_empty());
    assert!(history.undo());
    let s = history.map().source(&id).unwrap();
    assert_eq!(
        (s.title.as_str(), s.author.as_str(), s.url.as_deref()),
        ("Memo", "", None)
    );
}

#[test]
fn merging_a_misspelt_actor_moves_its_claims_to_the_right_one_in_one_undoable_step() {
    use crate::model::{Actor, Color};
    let mut map = Map::new("m");
    let mut actors = Vec::new();
    for name in ["Russian officials", "Russian officals"] {
        let actor = Actor {
            id: map.new_actor_id(),
            name: name.into(),
            color: Color::palette(map.actors.len()),
        };
        actors.push(actor.id.clone());
        map.actors.push(actor);
    }
    let (keep, gone) = (actors[0].clone(), actors[1].clone());
    let mut claims = Vec::new();
    for holders in [vec![gone.clone()], vec![keep.clone(), gone.clone()], vec![]] {
        let (id, edits) = add_claim(&map, "a claim", Point::default());
        super::super::apply_all(&mut map, edits).unwrap();
        map.claims.last_mut().unwrap().actors = holders;
        claims.push(id);
    }
    let before = map.clone();
    let mut history = History::new(map);
    let edits = merge_actors(history.map(), &keep, &gone);
    history.apply("Merge actors", None, edits).unwrap();
    let m = history.map();
    assert_eq!(m.actors.len(), 1);
    assert_eq!(m.actors[0].name, "Russian officials");
    let holders: Vec<Vec<_>> = m.claims.iter().map(|c| c.actors.clone()).collect();
    assert_eq!(
        holders,
        [vec![keep.clone()], vec![keep.clone()], vec![]],
        "each claim held once by the kept actor"
    );
    history.undo();
    assert_eq!(history.map(), &before, "one undo restores both actors");
    assert!(
        merge_actors(&before, &keep, &keep).is_empty(),
        "not with itself"
    );
}

#[test]
fn linking_two_touching_cards_moves_one_so_the_link_shows_and_one_undo_takes_both_back() {
    let mut map = Map::new("m");
    let (top, edits) = add_claim(&map, "NATO is a relic.", Point { x: 0.0, y: 0.0 });
    crate::edit::apply_all(&mut map, edits).unwrap();
    let (below, edits) = add_claim(&map, "It cannot secure Europe.", Point { x: 0.0, y: 60.0 });
    crate::edit::apply_all(&mut map, edits).unwrap();
    let before = map.clone();
    let mut history = History::new(map);
    let (_, edits) = add_link_with_room(history.map(), &below, &top, Relation::Supports).unwrap();
    history.apply("Link", None, edits).unwrap();
    let moved = history.map().node(&below).unwrap().pos();
    assert!(moved.y > 60.0, "the supporting card moved down: {moved:?}");
    assert_eq!(history.map().links.len(), 1);
    history.undo();
    assert_eq!(history.map(), &before);
}

#[test]
fn a_teachers_comment_is_set_changed_cleared_and_undone_through_the_history() {
    let mut map = map_with_quotes(&["a relic of the Cold War"]);
    let (claim, edits) = add_claim(&map, "NATO is obsolete", Point::default());
    super::super::apply_all(&mut map, edits).unwrap();
    let on = Target::Node(claim.clone());
    let mut history = History::new(map);
    let edits = set_comment(history.map(), &on, "  Where is your evidence?  ");
    history.apply("Comment", None, edits).unwrap();
    let texts = |m: &Map| -> Vec<String> { m.comments_on(&on).map(|c| c.text.clone()).collect() };
    assert_eq!(texts(history.map()), ["Where is your evidence?"]);
    assert_eq!(history.map().comments[0].id.as_str(), "f1");
    assert!(set_comment(history.map(), &on, "Where is your evidence?").is_empty());
    let edits = set_comment(history.map(), &on, "Good, now link q1.");
    history.apply("Comment", None, edits).unwrap();
    assert_eq!(texts(history.map()), ["Good, now link q1."]);
    let edits = set_comment(history.map(), &on, " ");
    history.apply("Comment", None, edits).unwrap();
    assert!(history.map().comments.is_empty());
    history.undo();
    history.undo();
    assert_eq!(texts(history.map()), ["Where is your evidence?"]);
}

#[test]
fn deleting_a_card_or_link_takes_its_feedback_and_undo_brings_it_back() {
    let mut map = map_with_quotes(&["a relic of the Cold War"]);
    let (claim, edits) = add_claim(&map, "NATO is obsolete", Point::default());
    super::super::apply_all(&mut map, edits).unwrap();
    let (_, edits) = add_link(&map, &NodeId::from("q1"), &claim, Relation::Supports).unwrap();
    super::super::apply_all(&mut map, edits).unwrap();
    let link = map.links[0].id.clone();
    for on in [Target::Node(claim.clone()), Target::Link(link.clone())] {
        let edits = set_comment(&map, &on, "see me");
        super::super::apply_all(&mut map, edits).unwrap();
    }
    let mut history = History::new(map);
    let edits = delete_link(history.map(), &link);
    history.apply("Delete link", None, edits).unwrap();
    assert_eq!(history.map().comments.len(), 1);
    let edits = delete_nodes(history.map(), std::slice::from_ref(&claim));
    history.apply("Delete", None, edits).unwrap();
    assert!(history.map().comments.is_empty());
    assert!(history.map().integrity_errors().is_empty());
    history.undo();
    history.undo();
    assert_eq!(history.map().comments.len(), 2);
    assert!(history.map().integrity_errors().is_empty());
}

#[test]
fn a_rubric_mark_is_set_kept_in_place_cleared_and_undone() {
    let mut history = History::new(map_with_quotes(&["a relic of the Cold War"]));
    let marks = |h: &History| -> Vec<(String, Option<bool>, String)> {
        h.map()
            .rubric
            .iter()
            .map(|m| (m.criterion.clone(), m.met, m.note.clone()))
            .collect()
    };
    let edits = set_rubric_mark(history.map(), "evidence", Some(true), " fair enough ");
    history.apply("Rubric", None, edits).unwrap();
    let edits = set_rubric_mark(history.map(), "coverage", Some(false), "");
    history.apply("Rubric", None, edits).unwrap();
    assert!(set_rubric_mark(history.map(), "coverage", Some(false), "").is_empty());
    // Changing the first keeps it first.
    let edits = set_rubric_mark(history.map(), "evidence", None, "fair enough");
    history.apply("Rubric", None, edits).unwrap();
    assert_eq!(
        marks(&history),
        [
            ("evidence".into(), None, "fair enough".into()),
            ("coverage".into(), Some(false), String::new())
        ]
    );
    // A mark that says nothing goes.
    let edits = set_rubric_mark(history.map(), "evidence", None, "  ");
    history.apply("Rubric", None, edits).unwrap();
    assert_eq!(
        marks(&history),
        [("coverage".into(), Some(false), String::new())]
    );
    history.undo();
    history.undo();
    assert_eq!(
        marks(&history),
        [
            ("evidence".into(), Some(true), "fair enough".into()),
            ("coverage".into(), Some(false), String::new())
        ]
    );
}
