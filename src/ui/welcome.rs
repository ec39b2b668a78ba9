//! The welcome: on first run (and from Help) it says what Warrant is for and offers the ways in —
//! a new map from an article, a sample to explore, a recent map — plus how a map is built.
//! It reads a narrow context and sends commands; the app decides when it shows.

use super::command::{Command, shortcut_text};
use crate::samples;
use egui::{Modal, RichText};
use std::path::PathBuf;

/// What the welcome reads.
pub struct WelcomeCtx<'a> {
    /// Recently opened maps, newest first.
    pub recent: &'a [PathBuf],
}

/// How many recent maps the welcome lists.
const RECENT_SHOWN: usize = 5;

/// Draws the welcome. Returns `false` once it should close (a choice was made, Close or Esc).
pub fn welcome_ui(ctx: &egui::Context, w: &WelcomeCtx<'_>, out: &mut Vec<Command>) -> bool {
    let before = out.len();
    let modal = Modal::new(egui::Id::unique("welcome")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading("Welcome to Warrant");
        ui.label(
            "Warrant maps the arguments in an article: you quote what it says, write the claim \
             each passage makes in your own words, link the claims that support, oppose or \
             contradict each other, and say who holds them.",
        );
        ui.add_space(8.0);
        start_section(ui, out);
        ui.add_space(8.0);
        samples_section(ui, out);
        recent_section(ui, w.recent, out);
        ui.add_space(8.0);
        egui::CollapsingHeader::new("How a map is built")
            .default_open(false)
            .show(ui, how_a_map_is_built);
        ui.add_space(8.0);
        ui.button("Close").clicked()
    });
    out.len() == before && !modal.inner && !modal.should_close()
}

fn start_section(ui: &mut egui::Ui, out: &mut Vec<Command>) {
    ui.label(RichText::new("Start your own map").strong());
    ui.horizontal_wrapped(|ui| {
        if ui
            .button("New map from an article…")
            .on_hover_text("A new, empty map; then choose the article to read in it")
            .clicked()
        {
            out.push(Command::NewMap);
            out.push(Command::AddArticle);
        }
        if ui.button("Open a map…").clicked() {
            out.push(Command::Open);
        }
    });
}

fn samples_section(ui: &mut egui::Ui, out: &mut Vec<Command>) {
    ui.label(RichText::new("Or explore a sample map").strong());
    for (i, sample) in samples::ALL.iter().enumerate() {
        if ui
            .link(sample.label)
            .on_hover_text("Open this sample map (a copy: save it under a name of yours)")
            .clicked()
        {
            out.push(Command::OpenSample(i));
        }
    }
}

fn recent_section(ui: &mut egui::Ui, recent: &[PathBuf], out: &mut Vec<Command>) {
    if recent.is_empty() {
        return;
    }
    ui.add_space(8.0);
    ui.label(RichText::new("Recent maps").strong());
    for path in recent.iter().take(RECENT_SHOWN) {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        if ui
            .link(name)
            .on_hover_text(path.display().to_string())
            .clicked()
        {
            out.push(Command::OpenPath(path.clone()));
        }
    }
}

/// The steps of the loop, with the keys the command table gives them.
fn how_a_map_is_built(ui: &mut egui::Ui) {
    let ctx = ui.ctx().clone();
    let key = |c: Command| {
        c.entry()
            .and_then(|e| e.shortcuts().next())
            .map(|s| format!(" ({})", shortcut_text(&ctx, s)))
            .unwrap_or_default()
    };
    let steps = [
        format!(
            "Add the article{}: it opens in the reader beside the map.",
            key(Command::AddArticle)
        ),
        format!(
            "Write a claim the article makes, in your own words{}.",
            key(Command::NewClaim)
        ),
        format!(
            "With the claim selected, select the passage that says it in the reader and quote \
             it{}: the quote card, anchored to the exact words, supports the claim.",
            key(Command::QuoteSelection)
        ),
        format!(
            "Link a claim to another{}: with one selected, type part of the other's text; or \
             Shift-click both first. Then say how: supports, opposes, qualifies or contradicts.",
            key(Command::LinkSelected)
        ),
        "Say who holds each claim (an actor: a person, a government, a side) in the inspector; \
         Findings then shows contradictions held by the same side."
            .to_owned(),
        format!(
            "Save{} and hand in the one file: the article travels inside it.",
            key(Command::Save)
        ),
    ];
    for (n, step) in steps.iter().enumerate() {
        ui.label(format!("{}. {step}", n + 1));
    }
}

#[cfg(test)]
mod tests {
    use super::{WelcomeCtx, welcome_ui};
    use crate::ui::command::Command;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable as _;
    use std::path::PathBuf;

    /// The welcome alone: what it sends, and that it closes on a choice.
    struct State {
        recent: Vec<PathBuf>,
        out: Vec<Command>,
        open: bool,
    }

    fn harness(recent: Vec<PathBuf>) -> Harness<'static, State> {
        Harness::new_ui_state(
            |ui, s: &mut State| {
                if s.open {
                    let w = WelcomeCtx { recent: &s.recent };
                    s.open = welcome_ui(ui.ctx(), &w, &mut s.out);
                }
            },
            State {
                recent,
                out: Vec::new(),
                open: true,
            },
        )
    }

    #[test]
    fn a_new_map_from_an_article_asks_for_the_article_in_the_new_map() {
        let mut h = harness(Vec::new());
        h.run();
        assert!(h.query_by_label("Recent maps").is_none(), "none yet");
        h.get_by_label("New map from an article…").click();
        h.run();
        assert_eq!(h.state().out, vec![Command::NewMap, Command::AddArticle]);
        assert!(!h.state().open);
    }

    #[test]
    fn a_recent_map_is_listed_by_name_and_opens() {
        let path = PathBuf::from("/home/student/maps/golz-homework.warrant");
        let mut h = harness(vec![path.clone()]);
        h.run();
        h.get_by_label("golz-homework.warrant").click();
        h.run();
        assert_eq!(h.state().out, vec![Command::OpenPath(path)]);
        assert!(!h.state().open);
    }
}
