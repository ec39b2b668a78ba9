//! The student's loop, driven through the real app state by accessibility labels (`egui_kittest`).

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use std::path::Path;
use warrant::model::{Map, Relation};
use warrant::ui::WarrantApp;

mod common;
use common::app::{app_on, harness};

const ARTICLE: &str = "Russia and NATO\n\nRussian officials call NATO a dangerously strong (even omnipotent)\nand unfriendly military bloc, and at the same time a relic of the Cold\nWar, incapable of providing security. These two views cannot both hold.\n\nThe memo ends with practical suggestions for both sides, to be taken in turn.\n";

/// Answers the typed-path prompt (no native dialogs in tests).
#[track_caller]
fn type_path(h: &mut Harness<'static, WarrantApp>, path: &Path) {
    h.run();
    let field = h.get_by_label("File path");
    field.focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("File path")
        .type_text(&path.display().to_string());
    h.run();
    h.get_by_label("OK").click();
    h.run();
}

#[track_caller]
fn menu(h: &mut Harness<'static, WarrantApp>, menu: &str, item: &str) {
    h.get_by_label(menu).click();
    h.run();
    // The menu is drawn last, over anything else with the same label.
    h.get_all_by_label_contains(item)
        .last()
        .expect("menu item")
        .click();
    h.run();
}

#[test]
fn the_students_loop_claim_article_quote_link_undo_save_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("memo.txt");
    std::fs::write(&article, ARTICLE).unwrap();
    let mut h = harness(app_on(Map::new("Homework"), Some(dir.path())));
    h.run();

    // A claim, typed in place.
    h.get_by_label("New claim").click();
    h.run();
    h.get_by_label("Claim text on the card")
        .type_text("NATO is a Cold War relic");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().map().claims.len(), 1);
    assert_eq!(h.state().map().claims[0].text, "NATO is a Cold War relic");
    let claim = h.state().map().claims[0].id.clone();

    // An article, through File → Add article… and the path prompt.
    menu(&mut h, "File", "Add article");
    type_path(&mut h, &article);
    assert_eq!(h.state().map().sources.len(), 1);
    assert_eq!(
        h.state().map().sources[0].text,
        ARTICLE,
        "kept byte for byte"
    );
    assert!(
        h.query_by_label_contains("Article text: Russia and NATO")
            .is_some()
    );

    // Select a passage across a line break (as a drag would) and quote it, with nothing selected.
    h.key_press(Key::Escape);
    h.run();
    h.state_mut().select(warrant::ui::Selection::default());
    let text = &h.state().map().sources[0].text;
    let start = text.find("a relic of the Cold").unwrap();
    let end = text.find(", incapable").unwrap();
    let (start, end) = (text[..start].chars().count(), text[..end].chars().count());
    h.state_mut().reader_mut().select_source_range(start, end);
    h.run();
    h.run();
    h.get_all_by_label("Quote selection")
        .next()
        .unwrap()
        .click();
    h.run();
    let map = h.state().map();
    assert_eq!(map.quotes.len(), 1);
    assert_eq!(map.quotes[0].anchor.exact, "a relic of the Cold\nWar");
    assert_eq!(
        (map.quotes[0].anchor.start, map.quotes[0].anchor.end),
        (start, end)
    );
    assert!(
        map.links.is_empty(),
        "no claim was selected, so no link yet"
    );
    let quote = map.quotes[0].id.clone();

    // Link quote → claim: select both, "Link selected", choose "supports".
    h.get_by_label("Quote: a relic of the Cold\nWar").click();
    h.run();
    h.get_by_label("Claim: NATO is a Cold War relic")
        .click_modifiers(Modifiers::SHIFT);
    h.run();
    assert_eq!(
        h.state().selection().nodes,
        vec![quote.clone(), claim.clone()]
    );
    h.get_by_label("Link selected").click();
    h.run();
    h.get_by_label("supports (is a reason for)").click();
    h.run();
    let links = &h.state().map().links;
    assert_eq!(links.len(), 1);
    assert_eq!(
        (&links[0].from, &links[0].to, links[0].relation),
        (&quote, &claim, Relation::Supports)
    );

    // The new link is selected; the inspector changes it to "opposes".
    h.get_by_label("opposes").click();
    h.run();
    assert_eq!(h.state().map().links[0].relation, Relation::Opposes);

    let after = h.state().map().clone();
    undo_three_and_redo(&mut h, &after);
    save_as_and_reopen(&mut h, dir.path(), &after);
}

/// Undo three times: opposes → supports, link gone, quote gone. Redo all three.
fn undo_three_and_redo(h: &mut Harness<'static, WarrantApp>, after: &Map) {
    for _ in 0..3 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
    }
    assert!(h.state().map().links.is_empty());
    assert!(h.state().map().quotes.is_empty());
    assert_eq!(h.state().map().sources.len(), 1);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert_eq!(h.state().map(), after);
}

/// Save as, then open it again: the same map.
fn save_as_and_reopen(h: &mut Harness<'static, WarrantApp>, dir: &Path, after: &Map) {
    let saved = dir.join("homework.json");
    menu(h, "File", "Save as");
    type_path(h, &saved);
    assert!(!h.state().is_dirty());
    assert_eq!(
        &warrant::io::load(&saved).expect("the saved map loads"),
        after
    );
    assert!(h.state().window_title().starts_with("homework.json"));
    *h.state_mut() = app_on(Map::new("something else"), Some(dir));
    menu(h, "File", "Open…");
    type_path(h, &saved);
    assert_eq!(h.state().map(), after);
}

#[test]
fn a_broken_file_shows_an_error_and_leaves_the_map_alone() {
    let dir = tempfile::tempdir().unwrap();
    let broken = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad/truncated.json");
    let map =
        warrant::io::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/good-small.json"))
            .unwrap();
    let mut h = harness(app_on(map.clone(), Some(dir.path())));
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    // Typed into the prompt and confirmed with Enter, as a keyboard user would.
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("File path")
        .type_text(&broken.display().to_string());
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert!(h.query_by_label("Something went wrong").is_some());
    assert!(
        h.query_by_label_contains("truncated.json:").is_some(),
        "the message names the file and line"
    );
    assert_eq!(h.state().map(), &map);
    h.get_by_label("OK").click();
    h.run();
    assert!(h.query_by_label("Something went wrong").is_none());
}

#[test]
fn new_with_unsaved_changes_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let map =
        warrant::io::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/good-small.json"))
            .unwrap();
    let mut h = harness(app_on(map.clone(), Some(dir.path())));
    h.run();
    h.get_by_label("Claim: NATO is obsolete").click();
    h.run();
    h.key_press(Key::Delete);
    h.run();
    assert_eq!(h.state().map().claims.len(), 1);
    assert!(h.state().is_dirty());
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    assert!(h.query_by_label("Save changes?").is_some());
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(h.state().map().claims.len(), 1, "Cancel keeps the map");
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_label("Don't save").click();
    h.run();
    assert!(h.state().map().claims.is_empty(), "a new, empty map");
    assert!(!h.state().is_dirty());
}

#[test]
fn keyboard_alone_moves_between_linked_cards_and_edits() {
    let dir = tempfile::tempdir().unwrap();
    let map =
        warrant::io::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/good-small.json"))
            .unwrap();
    let mut h = harness(app_on(map, Some(dir.path())));
    h.run();
    h.key_press(Key::ArrowRight);
    h.run();
    assert_eq!(
        h.state().selection().nodes.len(),
        1,
        "an arrow key selects a first card"
    );
    let first = h.state().selection().nodes[0].clone();
    h.key_press(Key::ArrowRight);
    h.run();
    let second = h.state().selection().nodes[0].clone();
    assert_ne!(
        first, second,
        "the arrow key moved to the linked card on the right"
    );
    // Enter edits the selected claim; typing replaces nothing until typed; Esc leaves.
    let claim = if h.state().map().claim(&second).is_some() {
        second
    } else {
        first
    };
    h.state_mut()
        .select(warrant::ui::Selection::one(claim.clone()));
    h.key_press(Key::Enter);
    h.run();
    h.run();
    h.get_by_label("Claim text on the card")
        .type_text(" (edited)");
    h.run();
    h.key_press(Key::Escape);
    h.run();
    assert!(
        h.state()
            .map()
            .claim(&claim)
            .unwrap()
            .text
            .ends_with(" (edited)")
    );
    assert!(h.state().canvas().editing.is_none());
}

#[test]
fn presenting_steps_through_the_story_and_esc_restores_the_editor() {
    let dir = tempfile::tempdir().unwrap();
    let memo = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("maps/memo-2008-russia-nato-mutually-exclusive-arguments.json");
    let map = warrant::io::load(&memo).unwrap();
    let steps = map.story.len();
    assert!(steps >= 6);
    let mut h = harness(app_on(map.clone(), Some(dir.path())));
    h.run();
    let first = map.claims[3].id.clone();
    h.state_mut()
        .select(warrant::ui::Selection::one(first.clone()));
    h.run();
    let camera = (h.state().canvas().center, h.state().canvas().zoom);

    h.get_all_by_label_contains("Present")
        .next()
        .expect("a Present button")
        .click();
    h.run_ok();
    assert!(h.state().presentation().is_some());
    assert!(
        h.query_by_label("Inspector").is_none(),
        "panels and toolbars are hidden"
    );
    assert!(h.query_by_label_contains(&map.story[0].title).is_some());
    for _ in 0..3 {
        h.key_press(Key::ArrowRight);
        h.run_ok();
    }
    h.key_press(Key::ArrowLeft);
    h.run_ok();
    assert_eq!(h.state().presentation().unwrap().step, 2);
    assert!(h.query_by_label_contains(&map.story[2].title).is_some());
    h.key_press(Key::End);
    h.run_ok();
    assert_eq!(h.state().presentation().unwrap().step, steps - 1);

    h.key_press(Key::Escape);
    h.run_ok();
    assert!(h.state().presentation().is_none());
    assert_eq!(h.state().selection().nodes, vec![first]);
    assert_eq!((h.state().canvas().center, h.state().canvas().zoom), camera);
    assert_eq!(h.state().map(), &map, "presenting changes nothing");
}

fn story_titles(h: &Harness<'static, WarrantApp>) -> Vec<String> {
    h.state()
        .map()
        .story
        .iter()
        .map(|s| s.title.clone())
        .collect()
}

#[test]
fn the_story_editor_adds_renames_reorders_and_undoes_steps() {
    let dir = tempfile::tempdir().unwrap();
    let map =
        warrant::io::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/good-small.json"))
            .unwrap();
    assert!(map.story.is_empty());
    let mut h = harness(app_on(map, Some(dir.path())));
    h.run();
    h.get_by_label("Story").click();
    h.run();
    // Step 1: the first claim; step 2: the quote.
    h.get_by_label("Claim: NATO is obsolete").click();
    h.run();
    h.get_by_label("Add step from selection").click();
    h.run();
    h.get_by_label("Quote: a relic of the Cold War").click();
    h.run_ok();
    h.get_by_label("Add step from selection").click();
    h.run();
    let story = &h.state().map().story;
    assert_eq!(story.len(), 2);
    assert_eq!(story[1].show, vec![warrant::model::NodeId("q1".into())]);
    // Rename the open (second) step, then move it up.
    h.get_by_label("Step title").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Step title").type_text("The evidence");
    h.run();
    h.get_by_label("Move up").click();
    h.run();
    let titles = story_titles(&h);
    assert_eq!(titles, ["The evidence", "Step 1"]);
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let titles = story_titles(&h);
    assert_eq!(
        titles,
        ["Step 1", "The evidence"],
        "undo puts the step back"
    );
    // Alt+Down moves the open step down.
    h.get_by_label("1. Step 1").click();
    h.run();
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowDown);
    h.run();
    let titles = story_titles(&h);
    assert_eq!(titles, ["The evidence", "Step 1"], "Alt+Down moved it");
}

#[test]
fn the_findings_panel_lists_the_memos_contradiction_and_shows_both_cards() {
    let dir = tempfile::tempdir().unwrap();
    let memo = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("maps/memo-2008-russia-nato-mutually-exclusive-arguments.json");
    let map = warrant::io::load(&memo).unwrap();
    let mut h = harness(app_on(map.clone(), Some(dir.path())));
    h.run();
    h.get_by_label("Findings").click();
    h.run();
    // The memo's central point: one contradiction between "omnipotent" and "relic".
    let omnipotent = map
        .claims
        .iter()
        .find(|c| c.text.contains("omnipotent"))
        .unwrap()
        .id
        .clone();
    let relic = map
        .claims
        .iter()
        .find(|c| c.text.contains("relic of the Cold War"))
        .unwrap()
        .id
        .clone();
    let claims = warrant::analysis::contradictions(&map)
        .into_iter()
        .flat_map(|g| g.contradictions)
        .find(|c| c.claims.contains(&omnipotent) && c.claims.contains(&relic))
        .expect("the analysis finds the memo's contradiction")
        .claims;
    // The row is named for a screen reader: both claims, and who holds them.
    let quoted = |id| warrant::analysis::quoted(&map.claim(id).unwrap().text);
    let name = format!(
        "contradiction: {} vs {}, both held by",
        quoted(&claims[0]),
        quoted(&claims[1])
    );
    h.get_by_label_contains(&name).click();
    h.run();
    let mut selected = h.state().selection().nodes.clone();
    selected.sort();
    let mut expected = vec![omnipotent.clone(), relic.clone()];
    expected.sort();
    assert_eq!(
        selected, expected,
        "clicking the contradiction selects both cards"
    );
    // And the same actor holding both is flagged (the memo's Russia holds other pairs too).
    let both = warrant::analysis::inconsistent_actors(&map)
        .into_iter()
        .find(|f| f.claims.contains(&omnipotent) && f.claims.contains(&relic))
        .expect("Russian officials hold both")
        .message;
    assert!(both.starts_with("Russian officials"), "{both}");
    assert!(
        h.query_by_label(&format!("inconsistent actor: {both}"))
            .is_some()
    );
}

#[test]
fn tidy_lays_the_map_out_with_undo_and_export_writes_an_outline() {
    let dir = tempfile::tempdir().unwrap();
    let map =
        warrant::io::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/good-small.json"))
            .unwrap();
    let mut h = harness(app_on(map.clone(), Some(dir.path())));
    h.run();
    h.get_by_label("Tidy").click();
    h.run();
    assert_ne!(h.state().map(), &map, "Tidy moved the cards");
    assert_eq!(h.state().history().undo_label(), Some("Tidy"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().map(), &map, "one undo puts every card back");

    let out = dir.path().join("outline.md");
    menu(&mut h, "File", "Export…");
    h.get_by_label("Markdown outline").click();
    h.run();
    h.get_by_label("Choose file and export…").click();
    type_path(&mut h, &out);
    let md = std::fs::read_to_string(&out).unwrap();
    assert!(md.contains("NATO is obsolete"), "{md}");
}

#[test]
fn export_dialog_draws_the_selection_and_remembers_format_and_folder() {
    let dir = tempfile::tempdir().unwrap();
    let map =
        warrant::io::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/good-small.json"))
            .unwrap();
    let first = map.claims[0].clone();
    let mut h = harness(app_on(map.clone(), Some(dir.path())));
    h.run();
    h.state_mut()
        .select(warrant::ui::Selection::one(first.id.clone()));
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::E);
    h.run();
    h.get_by_label("SVG drawing").click();
    h.run();
    h.get_by_label("The selection (1 card)").click();
    h.run();
    h.get_by_label("Choose file and export…").click();
    let out = dir.path().join("slides").join("one-card.svg");
    std::fs::create_dir(out.parent().unwrap()).unwrap();
    type_path(&mut h, &out);
    let svg = std::fs::read_to_string(&out).expect("the SVG was written");
    assert!(svg.contains("<svg"), "{svg}");
    let other = map.claims.iter().find(|c| c.id != first.id).unwrap();
    let words = |t: &str| t.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
    assert!(
        svg.contains(&words(&first.text)),
        "the selected card is drawn"
    );
    assert!(!svg.contains(&words(&other.text)), "other cards are not");

    // Next time: SVG again, suggested in the folder used last.
    menu(&mut h, "File", "Export…");
    h.get_by_label("Choose file and export…").click();
    h.run();
    let suggested = h.get_by_label("File path").value().unwrap_or_default();
    assert!(
        suggested.starts_with(&out.parent().unwrap().display().to_string())
            && Path::new(&suggested).extension() == Some("svg".as_ref()),
        "{suggested}"
    );
    assert_eq!(
        h.state().settings().export.kind,
        warrant::export::Format::Svg
    );
}

/// good-small.json with a thesis on top and one more reason under "NATO is obsolete".
fn map_with_branches() -> Map {
    use warrant::model::{Claim, Link, LinkId, NodeId, Point};
    let mut map =
        warrant::io::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/good-small.json"))
            .expect("the small test map loads");
    let claim = |id: &str, text: &str, x: f32, y: f32| Claim {
        id: NodeId::from(id),
        text: text.into(),
        pos: Point::new(x, y),
        ..Claim::default()
    };
    map.claims.push(Claim {
        thesis: true,
        ..claim("c0", "Russia's stance is inconsistent", 0.0, -300.0)
    });
    map.claims
        .push(claim("c3", "Its members are too familiar", -600.0, 300.0));
    for (id, from, to) in [("l3", "c1", "c0"), ("l4", "c2", "c0"), ("l5", "c3", "c1")] {
        map.links.push(Link {
            id: LinkId::from(id),
            from: NodeId::from(from),
            to: NodeId::from(to),
            relation: Relation::Supports,
        });
    }
    assert!(map.integrity_errors().is_empty());
    map
}

#[test]
fn folding_a_branch_hides_its_reasons_and_quotes_without_touching_the_map() {
    let dir = tempfile::tempdir().unwrap();
    let map = map_with_branches();
    let mut app = app_on(map.clone(), Some(dir.path()));
    // Room for the whole map at a legible zoom (a bigger one opens on its thesis).
    app.settings_mut().show_reader = false;
    let mut h = harness(app);
    h.run();
    let reason = "Claim: Its members are too familiar";
    let quote = "Quote: a relic of the Cold War";
    assert!(h.query_by_label(reason).is_some() && h.query_by_label(quote).is_some());

    h.get_by_label("Claim: NATO is obsolete").click();
    h.run();
    h.get_by_label("Fold the branch under Claim: NATO is obsolete")
        .click();
    h.run();
    assert!(
        h.query_by_label(reason).is_none(),
        "the reason is folded away"
    );
    assert!(h.query_by_label(quote).is_none(), "so is the quote");
    assert!(h.query_by_label("Claim: NATO is a threat").is_some());
    assert!(h.query_by_label_contains("Showing 3 of 5 cards").is_some());
    assert_eq!(h.state().map(), &map, "folding is not an edit");
    assert_eq!(h.state().history().undo_label(), None);

    h.get_by_label("Unfold 2 cards under Claim: NATO is obsolete")
        .click();
    h.run();
    assert!(h.query_by_label(reason).is_some() && h.query_by_label(quote).is_some());

    // B folds the selected card's branch; the thesis holds everything else.
    h.get_by_label("Claim: Russia's stance is inconsistent")
        .click();
    h.run();
    h.key_press(Key::B);
    h.run();
    assert!(h.query_by_label("Claim: NATO is a threat").is_none());
    assert!(
        h.query_by_label("Unfold 4 cards under Claim: Russia's stance is inconsistent")
            .is_some()
    );
    // Selecting a folded-away card (here from the Findings or the reader) unfolds it.
    let c3 = warrant::model::NodeId::from("c3");
    h.state_mut().select(warrant::ui::Selection::one(c3));
    h.run();
    h.run();
    assert!(
        h.query_by_label(reason).is_some(),
        "unfolded to show the selection"
    );
}

#[test]
fn focus_mode_shows_the_neighbourhood_and_esc_brings_everything_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on(map_with_branches(), Some(dir.path()));
    // Room for the whole map at a legible zoom (a bigger one opens on its thesis).
    app.settings_mut().show_reader = false;
    let mut h = harness(app);
    h.run();
    h.get_by_label("Claim: Its members are too familiar")
        .click();
    h.run();
    h.key_press_modifiers(Modifiers::SHIFT, Key::F);
    h.run();
    // The reason, the claim it supports, and that claim's quote.
    assert!(h.query_by_label("Claim: NATO is obsolete").is_some());
    assert!(h.query_by_label("Quote: a relic of the Cold War").is_some());
    assert!(h.query_by_label("Claim: NATO is a threat").is_none());
    assert!(
        h.query_by_label("Claim: Russia's stance is inconsistent")
            .is_none()
    );
    assert!(h.query_by_label_contains("Showing 3 of 5 cards").is_some());

    // What the canvas shows can be exported as it is.
    menu(&mut h, "File", "Export…");
    h.get_by_label("SVG drawing").click();
    h.run();
    h.get_by_label("What the canvas shows (3 cards)").click();
    h.run();
    h.get_by_label("Choose file and export…").click();
    let out = dir.path().join("focus.svg");
    type_path(&mut h, &out);
    let svg = std::fs::read_to_string(&out).expect("the SVG was written");
    assert!(svg.contains("too familiar") && svg.contains("NATO is obsolete"));
    assert!(
        !svg.contains("NATO is a threat"),
        "hidden cards are not drawn"
    );

    // Arranged (the default): laid out compactly, the map's own positions untouched.
    let map_before = h.state().map().clone();
    let reason = warrant::model::NodeId::from("c3");
    let obsolete = warrant::model::NodeId::from("c1");
    // Distance between two cards on the canvas, in canvas units.
    let apart = |h: &Harness<'static, WarrantApp>| {
        let c = h.state().canvas();
        let (r, o) = (
            c.screen_rect_of(&reason).unwrap(),
            c.screen_rect_of(&obsolete).unwrap(),
        );
        r.center().distance(o.center()) / c.zoom
    };
    let arranged = apart(&h);
    h.get_by_label("Arrange").click();
    h.run();
    let in_map = apart(&h);
    assert!(
        arranged < 0.6 * in_map,
        "arranged, the reason sits near its claim ({arranged} vs {in_map} in the map)"
    );
    h.get_by_label("Arrange").click();
    h.run();
    assert_eq!(
        h.state().map(),
        &map_before,
        "arranging moved nothing in the map"
    );

    // Two links out reaches the thesis and the contradiction.
    h.get_by_label("2").click();
    h.run();
    assert!(
        h.query_by_label("Claim: Russia's stance is inconsistent")
            .is_some()
    );
    assert!(h.query_by_label("Claim: NATO is a threat").is_some());
    h.get_by_label("1").click();
    h.run();

    // The focus follows the selection.
    h.get_by_label("Claim: NATO is obsolete").click();
    h.run();
    h.run();
    assert!(
        h.query_by_label("Claim: Russia's stance is inconsistent")
            .is_some()
    );
    assert!(h.query_by_label("Claim: NATO is a threat").is_some());

    // Esc clears the selection, Esc again leaves focus mode.
    h.key_press(Key::Escape);
    h.run();
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label_contains("Showing").is_none());
    for label in [
        "Claim: Its members are too familiar",
        "Claim: NATO is a threat",
        "Claim: Russia's stance is inconsistent",
    ] {
        assert!(h.query_by_label(label).is_some(), "{label} is back");
    }
}

#[test]
fn the_presenter_view_shows_the_note_and_the_next_step_and_can_step() {
    let dir = tempfile::tempdir().unwrap();
    let memo = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("maps/memo-2008-russia-nato-mutually-exclusive-arguments.json");
    let map = warrant::io::load(&memo).unwrap();
    let (first, second) = (&map.story[0], &map.story[1]);
    assert!(!first.note.is_empty() && !second.note.is_empty());
    let mut h = harness(app_on(map.clone(), Some(dir.path())));
    h.run();
    h.key_press(Key::F5);
    h.run_ok();
    assert!(h.query_by_label("Presenter view — Warrant").is_none());
    h.key_press(Key::P);
    h.run_ok();
    // No second native window in the test harness: it opens inside the main one.
    assert!(h.query_by_label_contains("Presenter view").is_some());
    assert!(
        h.query_by_label(&first.note).is_some(),
        "the note of step 1"
    );
    assert!(
        h.query_by_label(&format!("Next: {}", second.title))
            .is_some()
    );
    let counter = format!("Step 1 of {}", map.story.len());
    assert!(h.query_by_label(&counter).is_some(), "{counter}");

    h.get_by_label("Next step").click();
    h.run_ok();
    assert_eq!(h.state().presentation().map(|p| p.step), Some(1));
    assert!(
        h.query_by_label(&second.note).is_some(),
        "the note of step 2"
    );

    h.get_by_label("Close presenter view").click();
    h.run_ok();
    assert!(h.query_by_label(&second.note).is_none());
    assert!(h.state().presentation().is_some(), "still presenting");
}
