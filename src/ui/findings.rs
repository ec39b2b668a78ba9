//! The findings panel: what the analysis sees in the map — contradictions, actors who hold both
//! sides, evidence gaps, quotes that no longer match their article, what stands — and the
//! comparison with a teacher's reference map. Clicking a finding shows its cards.
//!
//! The panel reads a [`FindingsCtx`] (the map and the cached analysis) and pushes [`Command`]s.
//!
//! Here: the panel and its finding rows (contradictions, actors, gaps, what stands); the cached
//! analysis and its worker thread are in `cache.rs`, the quote findings in `quotes.rs`.

use super::app::Selection;
use super::command::Command;
use crate::analysis::{GapKind, Label};
use crate::model::{Map, NodeId};
pub use cache::Findings;
use egui::{CollapsingHeader, RichText};
use quotes::quotes_ui;

mod cache;
mod quotes;

/// What the findings panel reads of the app.
pub struct FindingsCtx<'a> {
    pub map: &'a Map,
    /// The map's content revision, to tell whether the analysis shown is of an earlier content.
    pub revision: u64,
    /// The analysis as last computed, and the reference map to compare with.
    pub findings: &'a Findings,
}

/// Selects the cards of a finding and brings them into view.
fn show(ids: Vec<NodeId>, acts: &mut Vec<Command>) {
    acts.push(Command::Select(Selection {
        nodes: ids.clone(),
        link: None,
    }));
    acts.push(Command::Frame(ids));
}

/// One finding as a link that shows its cards; `name` is what a screen reader reads of it.
fn finding(ui: &mut egui::Ui, text: &str, name: &str, ids: &[NodeId], acts: &mut Vec<Command>) {
    let r = ui.link(text).on_hover_text("Show these cards");
    named(&r, name);
    if r.clicked() {
        show(ids.to_vec(), acts);
    }
}

/// Names a finding's row for a screen reader (a link: it shows the finding's cards).
fn named(r: &egui::Response, name: &str) {
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Link, true, name));
}

/// A claim's text as findings quote it, or "" for a card that is gone.
fn claim_quoted(map: &Map, id: &NodeId) -> String {
    map.claim(id)
        .map_or_else(String::new, |c| crate::analysis::quoted(&c.text))
}

/// The names of the actors holding claim `id`.
fn holders<'a>(map: &'a Map, id: &NodeId) -> Vec<&'a str> {
    map.claim(id).map_or_else(Vec::new, |c| {
        c.actors
            .iter()
            .filter_map(|a| map.actor(a).map(|a| a.name.as_str()))
            .collect()
    })
}

/// "contradiction: “A” vs “B”, both held by Russian officials" (or who holds each).
fn contradiction_name(map: &Map, claims: &[NodeId; 2]) -> String {
    let [a, b] = claims;
    let (of_a, of_b) = (holders(map, a), holders(map, b));
    let both: Vec<&str> = of_a.iter().copied().filter(|x| of_b.contains(x)).collect();
    let held = if both.is_empty() {
        let mut parts = Vec::new();
        for (which, who) in [("the first", &of_a), ("the second", &of_b)] {
            if !who.is_empty() {
                parts.push(format!(", {which} held by {}", who.join(" and ")));
            }
        }
        parts.concat()
    } else {
        format!(", both held by {}", both.join(" and "))
    };
    format!(
        "contradiction: {} vs {}{held}",
        claim_quoted(map, a),
        claim_quoted(map, b)
    )
}

/// The findings panel.
pub fn findings_ui(ui: &mut egui::Ui, cx: &FindingsCtx<'_>, acts: &mut Vec<Command>) {
    let map = cx.map;
    let a = cx.findings.latest();
    let ready = cx.findings.is_ready();
    let stale = cx.findings.is_stale(cx.revision);
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        ui.heading("Findings");
        if stale {
            // The last findings stay readable while the worker catches up with the edits.
            ui.spinner();
            ui.label(RichText::new("analysing…").weak())
                .on_hover_text("These findings are of the map before its latest changes; the new ones are being computed");
        }
    });
    if !ready {
        return;
    }
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        super::feedback_panel::feedback_ui(ui, map, a, acts);
        let n: usize = a.contradictions.iter().map(|g| g.contradictions.len()).sum();
        CollapsingHeader::new(format!("Contradictions ({n})")).default_open(true).show(ui, |ui| {
            if n == 0 {
                ui.label(RichText::new("No claims are marked as contradicting each other.").weak());
            }
            for group in &a.contradictions {
                ui.label(RichText::new(&group.name).strong());
                for c in &group.contradictions {
                    finding(ui, &c.message, &contradiction_name(map, &c.claims), &c.claims, acts);
                }
            }
        });
        CollapsingHeader::new(format!("Inconsistent actors ({})", a.inconsistent_actors.len())).default_open(true).show(ui, |ui| {
            if a.inconsistent_actors.is_empty() {
                ui.label(RichText::new("Nobody holds both sides of a contradiction or an objection.").weak());
            }
            for f in &a.inconsistent_actors {
                let text = RichText::new(&f.message).color(ui.visuals().warn_fg_color);
                let r = ui.link(text).on_hover_text("Show both claims");
                named(&r, &format!("inconsistent actor: {}", f.message));
                if r.clicked() {
                    show(f.claims.to_vec(), acts);
                }
            }
        });
        CollapsingHeader::new(format!("Evidence gaps ({})", a.gaps.len())).show(ui, |ui| {
            for kind in [GapKind::UnsupportedClaim, GapKind::UnlinkedQuote, GapKind::ClaimWithoutActor, GapKind::UnopposedThesis] {
                for g in a.gaps.iter().filter(|g| g.kind == kind) {
                    finding(ui, &g.message, &format!("evidence gap: {}", g.message), std::slice::from_ref(&g.node), acts);
                }
            }
        });
        quotes_ui(ui, map, a, acts);
        CollapsingHeader::new("What stands").show(ui, |ui| {
            ui.label(RichText::new("A claim stands when every objection or contradiction to it is answered in the map (grounded semantics). A point granted (qualifies) is no objection. This tells what the map shows, not who is right.").weak());
            for s in &a.standing {
                let (word, color) = match s.label {
                    Label::Accepted => ("stands", egui::Color32::from_rgb(0x2e, 0x9e, 0x44)),
                    Label::Rejected => ("challenged", egui::Color32::from_rgb(0xd9, 0x4a, 0x38)),
                    Label::Undecided => ("open", ui.visuals().weak_text_color()),
                };
                let text = map.claim(&s.claim).map_or("", |c| c.text.as_str());
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(word).color(color).strong());
                    finding(ui, text, &format!("{word}: {} {}", claim_quoted(map, &s.claim), s.reason), std::slice::from_ref(&s.claim), acts);
                    ui.label(RichText::new(format!("{} ({} quotes for, {} against{})", s.reason, s.evidence.supporting, s.evidence.opposing, if s.evidence.qualifying > 0 { format!(", {} granting a point", s.evidence.qualifying) } else { String::new() })).weak());
                });
            }
        });
        CollapsingHeader::new("Coverage of the articles").show(ui, |ui| {
            for c in &a.coverage {
                let title = map.source(&c.source).map_or("", |s| s.title.as_str());
                ui.label(format!("{:.0} % quoted — {title}", c.percent));
            }
        });
        compare_ui(ui, acts);
    });
}

/// The comparison with a reference map has its own panel below the map: this opens it.
fn compare_ui(ui: &mut egui::Ui, acts: &mut Vec<Command>) {
    CollapsingHeader::new("Compare with a reference map").show(ui, |ui| {
        ui.label(RichText::new("A teacher's map of the same article(s): the comparison opens below the map, passages, claims and links side by side; a class folder compares every hand-in at once.").weak());
        if ui.button("Choose a reference map…").on_hover_text("A teacher's map of the same article(s)").clicked() {
            acts.push(Command::CompareWith);
        }
        if ui.button("Open class folder…").clicked() {
            acts.push(Command::OpenClassFolder);
        }
    });
}

#[cfg(test)]
mod tests;
