//! An article's details (title, author, …) edited in the reader, undone as one step
//! (`egui_kittest`, through accessibility labels on the real app state).

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use warrant::edit::{apply_all, ops};
use warrant::model::{Map, Source};
mod common;
use common::app::started;
use common::steps::type_over;

#[test]
fn article_details_are_edited_in_the_reader_and_undone_in_one_step() {
    let mut map = Map::new("m");
    let (_, edits) = ops::add_source(
        &map,
        Source::new(
            "Get the latest updates as we post them",
            "Russia and NATO\n\nOfficials call NATO a relic of the Cold War.\n",
        ),
    );
    apply_all(&mut map, edits).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut h = started(map, Some(dir.path()));

    h.get_by_label("Details").click();
    h.run();
    // Replace the boilerplate title: select it all, type over it.
    type_over(&mut h, "Article title", "Russia and NATO");
    h.get_by_label("Article author").focus();
    h.run();
    // Typed in two goes: the author line that appears above the fields after the first must not
    // take the focus away from the field.
    h.get_by_label("Article author").type_text("D.");
    h.run();
    h.get_by_label("Article author").type_text(" Trenin");
    h.run();
    let s = &h.state().map().sources[0];
    assert_eq!(s.title, "Russia and NATO");
    assert_eq!(s.author, "D. Trenin");
    assert!(
        h.query_by_label_contains("Article text: Russia and NATO")
            .is_some(),
        "the reader shows the new title"
    );

    // One undo step takes back all the typing in the details.
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let s = &h.state().map().sources[0];
    assert_eq!(s.title, "Get the latest updates as we post them");
    assert_eq!(s.author, "");
}

#[test]
fn a_web_page_and_a_pdf_dropped_on_the_window_become_articles_with_their_titles() {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/articles");
    let dir = tempfile::tempdir().unwrap();
    let mut h = started(Map::new("m"), Some(dir.path()));
    for name in ["news-page.html", "two-columns.pdf"] {
        let file: egui::DroppedFileHandle = std::sync::Arc::new(Dropped(fixtures.join(name)));
        h.input_mut().dropped_files.push(file);
        h.run();
    }
    let sources = &h.state().map().sources;
    let titles: Vec<&str> = sources.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Harbour towns split over new ferry link",
            "The Crossing Question"
        ]
    );
    assert_eq!(sources[0].outlet, "The Coastal Ledger");
    // The notice says what the import did with the PDF.
    assert!(
        h.query_by_label_contains("2 columns; running header, page numbers dropped")
            .is_some()
    );
}

/// A file dropped on the window, as the windowing layer hands it over.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}
