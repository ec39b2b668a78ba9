//! The findings about quotes: passages that moved or changed in their article, or that were
//! not searched for, with a way to update the offsets or accept the article's text.

use super::{finding, named, show};
use crate::analysis::{Analysis, QuoteCheck, QuoteStatus, SearchLimit};
use crate::edit::ops;
use crate::model::{Map, NodeId};
use crate::ui::command::Command;
use egui::{CollapsingHeader, RichText};

/// Why a quote was not searched for approximately, for the panel.
fn unsearched_reason(limit: SearchLimit) -> &'static str {
    match limit {
        SearchLimit::QuoteTooLong => "too long to search for approximately",
        SearchLimit::TooMuchWork => "the map is too large to search for every changed quote",
    }
}

pub(super) fn quotes_ui(ui: &mut egui::Ui, map: &Map, a: &Analysis, acts: &mut Vec<Command>) {
    let bad: Vec<_> = a
        .quotes
        .iter()
        .filter(|q| q.status != QuoteStatus::Ok)
        .collect();
    CollapsingHeader::new(format!(
        "Quote integrity ({} of {} need attention)",
        bad.len(),
        a.quotes.len()
    ))
    .default_open(!bad.is_empty())
    .show(ui, |ui| {
        if bad.is_empty() {
            ui.label(RichText::new("Every quote matches its article exactly.").weak());
        }
        let moved: Vec<NodeId> = bad
            .iter()
            .filter(|q| matches!(q.status, QuoteStatus::Moved { .. }))
            .map(|q| q.quote.clone())
            .collect();
        if !moved.is_empty()
            && ui
                .button(format!(
                    "Update the offsets of {} moved quotes",
                    moved.len()
                ))
                .clicked()
        {
            acts.push(Command::Submit {
                label: "Update quote offsets",
                merge: None,
                edits: ops::reanchor(map, &moved),
            });
        }
        for q in bad {
            quote_finding_ui(ui, map, q, acts);
        }
    });
}

/// One quote that needs attention: what happened to it, and for a changed one, both texts and
/// a way to accept the article's.
fn quote_finding_ui(ui: &mut egui::Ui, map: &Map, q: &QuoteCheck, acts: &mut Vec<Command>) {
    let exact = map.quote(&q.quote).map_or("", |x| x.anchor.exact.as_str());
    let short = crate::analysis::quoted(exact);
    let finding = |ui: &mut egui::Ui, text: &str, acts: &mut Vec<Command>| {
        let name = format!("quote integrity, {text}");
        finding(ui, text, &name, std::slice::from_ref(&q.quote), acts);
    };
    match &q.status {
        QuoteStatus::Moved { start, end } => {
            finding(ui, &format!("moved: {short} is now at {start}–{end}"), acts);
        }
        QuoteStatus::Changed {
            found, similarity, ..
        } => {
            finding(
                ui,
                &format!("changed ({:.0} % alike): {short}", similarity * 100.0),
                acts,
            );
            egui::Grid::new(("changed", q.quote.as_str()))
                .num_columns(2)
                .striped(true)
                .show(ui, |ui| {
                    ui.label(RichText::new("In the map").strong());
                    ui.label(RichText::new("In the article now").strong());
                    ui.end_row();
                    ui.add(egui::Label::new(exact).wrap());
                    ui.add(egui::Label::new(found.as_str()).wrap());
                    ui.end_row();
                });
            if ui.button("Accept the article's text").clicked() {
                acts.push(Command::Submit {
                    label: "Accept the article's text",
                    merge: None,
                    edits: ops::accept_changed(map, std::slice::from_ref(&q.quote)),
                });
            }
        }
        QuoteStatus::Ambiguous { count } => {
            finding(
                ui,
                &format!("ambiguous: {short} occurs {count} times"),
                acts,
            );
        }
        QuoteStatus::Unsearched { limit } => {
            finding(
                ui,
                &format!("not found exactly: {short}; {}", unsearched_reason(*limit)),
                acts,
            );
        }
        QuoteStatus::Orphaned => {
            let message = format!("orphaned: {short} is no longer in its article");
            let text = RichText::new(&message).color(ui.visuals().error_fg_color);
            let r = ui.link(text);
            named(&r, &format!("quote integrity, {message}"));
            if r.clicked() {
                show(vec![q.quote.clone()], acts);
            }
        }
        QuoteStatus::Ok => {}
    }
}
