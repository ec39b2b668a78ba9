//! What the map shows and gives out, driven through the real app state by accessibility labels
//! (`egui_kittest`): the findings panel, Tidy and export, folded branches and focus mode.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use std::path::Path;
use warrant::model::{Map, Relation};
use warrant::ui::WarrantApp;

mod common;
use common::app::{app_on, harness, started};
use common::small_map;
use common::steps::{menu, type_path};
use common::tools::sample;

/// The sample map of the 2008 memo: a story of six steps, one contradiction.
const MEMO: &str = "memo-2008-russia-nato-mutually-exclusive-arguments.json";

#[test]
fn the_findings_panel_lists_the_memos_contradiction_and_shows_both_cards() {
    let dir = tempfile::tempdir().unwrap();
    let map = sample(MEMO);
    let mut h = started(map.clone(), Some(dir.path()));
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

/// The app on `map` as the window runs it: Tidy (and the analyses) on threads.
fn in_the_window(map: Map) -> Harness<'static, WarrantApp> {
    let mut app = app_on(map, None);
    app.analyse_in_background(true);
    let mut h = harness(app);
    h.run();
    h
}

/// Frames until Tidy's thread has answered (bounded in frames, not time).
fn until_tidied(h: &mut Harness<'static, WarrantApp>) {
    for _ in 0..20_000 {
        h.step();
        if !h.state().tidying() {
            h.run();
            return;
        }
        std::thread::yield_now();
    }
    panic!("Tidy never answered");
}

#[test]
fn in_the_window_tidy_works_on_a_thread_and_lands_as_one_undo_step() {
    let map = sample(MEMO);
    let mut scrambled = map.clone();
    for (i, c) in scrambled.claims.iter_mut().enumerate() {
        c.pos = warrant::model::Point::new((i % 6) as f32 * 400.0, (i / 6) as f32 * 300.0);
    }
    let mut h = in_the_window(scrambled.clone());
    h.get_by_label("Tidy").click();
    h.step();
    // The window keeps drawing while Tidy works, and Tidy cannot be pressed twice.
    assert!(h.state().tidying(), "Tidy runs on its thread");
    until_tidied(&mut h);
    assert_eq!(h.state().history().undo_label(), Some("Tidy"));
    let tidied = warrant::layout::tidy(&scrambled, &warrant::layout::LayoutSettings::default());
    for (id, p) in tidied {
        assert_eq!(
            h.state().map().node(&id).unwrap().pos(),
            p,
            "{id} as Tidy lays it"
        );
    }
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().map(), &scrambled, "one undo puts every card back");
}

#[test]
fn an_edit_made_while_tidy_works_is_kept_and_the_stale_layout_dropped() {
    // A map big enough that Tidy is still at work when the edit comes.
    let map = sample(MEMO);
    let mut h = in_the_window(map.clone());
    h.get_by_label("Tidy").click();
    h.step();
    // A card added before Tidy's answer arrives: the layout of the old map must not land.
    let ctx = h.ctx.clone();
    h.state_mut()
        .run_command(&ctx, warrant::ui::Command::NewClaim);
    until_tidied(&mut h);
    assert_ne!(h.state().history().undo_label(), Some("Tidy"));
    assert_eq!(
        h.state().map().claims.len(),
        map.claims.len() + 1,
        "the edit stays"
    );
    assert!(
        h.query_by_label_contains("changed while Tidy was working")
            .is_some(),
        "the user is told to press Tidy again"
    );
}

#[test]
fn tidy_lays_the_map_out_with_undo_and_export_writes_an_outline() {
    let dir = tempfile::tempdir().unwrap();
    let map = small_map();
    let mut h = started(map.clone(), Some(dir.path()));
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
    let map = small_map();
    let first = map.claims[0].clone();
    let mut h = started(map.clone(), Some(dir.path()));
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
    let mut map = small_map();
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

/// The app on `map` with the reader hidden: room for the whole map at a legible zoom (a bigger
/// one opens on its thesis).
fn started_without_reader(map: Map, dir: &Path) -> Harness<'static, WarrantApp> {
    let mut app = app_on(map, Some(dir));
    app.settings_mut().show_reader = false;
    let mut h = harness(app);
    h.run();
    h
}

#[test]
fn folding_a_branch_hides_its_reasons_and_quotes_without_touching_the_map() {
    let dir = tempfile::tempdir().unwrap();
    let map = map_with_branches();
    let mut h = started_without_reader(map.clone(), dir.path());
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
    let mut h = started_without_reader(map_with_branches(), dir.path());
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
