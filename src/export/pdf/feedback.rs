//! The handout's feedback pages: the teacher's comments, each with the card or link it is on,
//! and the rubric with the teacher's verdicts and notes, set as text after the map's drawing.

use super::text::{self, Heading};
use super::{Book, MAX_PAGES};
use crate::model::Map;

impl Book {
    /// Pages of the teacher's feedback, when the map has some (comments or rubric marks).
    pub(super) fn feedback(&mut self, map: &Map) {
        if self.pages.len() >= MAX_PAGES {
            return;
        }
        let md = super::super::markdown::feedback_markdown(map).unwrap_or_default();
        if md.trim().is_empty() {
            return;
        }
        let heading = Heading {
            kicker: Some(if map.title.trim().is_empty() {
                "Untitled map".to_owned()
            } else {
                map.title.clone()
            }),
            title: "Feedback and rubric".to_owned(),
            title_pt: text::STEP_TITLE_PT,
            note: None,
            note_lines: 0,
        };
        self.text_pages(&heading, &text::blocks_from_markdown(&md));
    }
}

#[cfg(test)]
mod tests {
    use super::super::{PageMode, PdfSettings, plan};
    use crate::edit::{apply_all, ops};
    use crate::model::{LinkId, NodeId, Target};

    #[test]
    fn comments_and_the_rubric_follow_the_map_in_readable_type() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("maps/golz-1996-why-not-join-nato.json");
        let mut map = crate::io::load(&path).unwrap();
        let plain = plan(&map, &PdfSettings::default()).unwrap().pages.len();
        for (on, text) in [
            (
                Target::Node(NodeId::from("c3")),
                "Which quote shows the cost?",
            ),
            (Target::Link(LinkId::from("l9")), "Yes: the contradiction."),
        ] {
            let edits = ops::set_comment(&map, &on, text);
            apply_all(&mut map, edits).unwrap();
        }
        let edits = ops::set_rubric_mark(&map, "coverage", Some(false), "Quote the end too.");
        apply_all(&mut map, edits).unwrap();
        for pages in [PageMode::Tile, PageMode::Outline] {
            let settings = PdfSettings {
                pages,
                ..PdfSettings::default()
            };
            let book = plan(&map, &settings).unwrap();
            let all: String = book.pages.iter().map(|p| p.over.as_str()).collect();
            // Once each, in the outline too (it leaves the feedback to its own pages).
            assert_eq!(all.matches("Which quote shows the cost?").count(), 1);
            assert_eq!(all.matches("Feedback and rubric").count(), 1);
            assert!(all.contains("Not met:") && all.contains("Quote the end too."));
            for part in all.split("font-size=\"").skip(1) {
                let size: f32 = part[..part.find('"').unwrap()].parse().unwrap();
                assert!(size >= super::super::MIN_PT, "{size}");
            }
            if pages == PageMode::Tile {
                assert_eq!(book.pages.len(), plain + 1, "one page of feedback");
                // The drawing carries the badges.
                let badges: usize = book
                    .drawings
                    .iter()
                    .map(|d| d.matches("class=\"comment-badge\"").count())
                    .sum();
                assert!(badges >= 2, "{badges}");
            }
        }
    }
}
