//! The inspector: what is selected, in full, and the controls to change it.
//!
//! It reads an [`InspectorCtx`] and pushes [`Command`]s for the app to run after drawing; it
//! owns only [`InspectorState`] (names being typed for a new actor or tag).
//!
//! Here: which view the selection gets (a claim, a quote, the map, several cards) and the
//! claim, quote and map views; a claim's actors and tags are in `facet.rs`, the links in
//! `links.rs`, the teacher's comment in `comment.rs`.

use super::app::Selection;
use super::command::Command;
use super::names::NameField;
use crate::check::Problem;
use crate::edit::{Edit, Item};
use crate::model::{Claim, Map, NodeId, Quote};
use egui::{RichText, TextEdit};
use facet::{Facet, facet_ui, merge_names_ui};
use links::{link_ui, links_ui};

mod comment;
mod facet;
mod links;

/// What the inspector reads of the app.
pub struct InspectorCtx<'a> {
    pub map: &'a Map,
    pub selection: &'a Selection,
    /// The map's problems (quotes that moved, altered articles).
    pub problems: &'a [Problem],
    /// Whether the problems are being checked again (they are of the map before its latest
    /// change, or none yet for a map just opened).
    pub checking: bool,
}

/// What the inspector keeps between frames.
#[derive(Default)]
pub struct InspectorState {
    /// The name typed in the "new actor" field.
    new_actor: NameField,
    /// The name typed in the "new tag" field.
    new_tag: NameField,
}

fn submit(label: &'static str, merge: Option<String>, edits: Vec<Edit>) -> Command {
    Command::Submit {
        label,
        merge,
        edits,
    }
}

/// The inspector panel.
pub fn inspector_ui(
    ui: &mut egui::Ui,
    cx: &InspectorCtx<'_>,
    state: &mut InspectorState,
    out: &mut Vec<Command>,
) {
    let map = cx.map;
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        ui.add_space(4.0);
        match (cx.selection.nodes.as_slice(), &cx.selection.link) {
            (_, Some(link)) => {
                if let Some(link) = map.link(link) {
                    link_ui(ui, map, link, out);
                }
            }
            ([id], None) => {
                if let Some(c) = map.claim(id) {
                    claim_ui(ui, map, c, state, out);
                } else if let Some(q) = map.quote(id) {
                    quote_ui(ui, map, q, cx.problems, out);
                }
            }
            ([], None) => map_ui(ui, map, cx.problems, cx.checking, out),
            (many, None) => {
                ui.heading(format!("{} cards selected", many.len()));
                ui.label("Drag one of them to move them all; Delete removes them; with two selected, “Link selected” links them.");
            }
        }
    });
}

/// A multi-line text field showing `value`. Each change is pushed as `edit(new text)` (merged
/// into one undo step per field by its merge key); leaving the field ends that step.
fn text_field(
    ui: &mut egui::Ui,
    value: &str,
    hint: &str,
    rows: usize,
    out: &mut Vec<Command>,
    edit: impl FnOnce(String) -> Command,
) {
    let mut text = value.to_owned();
    let r = ui.add(
        TextEdit::multiline(&mut text)
            .hint_text(hint)
            .desired_rows(rows)
            .desired_width(f32::INFINITY),
    );
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, hint));
    if r.changed() && text != value {
        out.push(edit(text));
    }
    if r.lost_focus() {
        out.push(Command::Seal);
    }
}

/// The edit that replaces claim `c` by a copy changed by `f`.
fn replace_claim(
    label: &'static str,
    merge: Option<String>,
    c: &Claim,
    f: impl FnOnce(&mut Claim),
) -> Command {
    let mut c2 = c.clone();
    f(&mut c2);
    submit(label, merge, vec![Edit::Replace(Item::Claim(c2))])
}

fn claim_ui(
    ui: &mut egui::Ui,
    map: &Map,
    c: &Claim,
    state: &mut InspectorState,
    out: &mut Vec<Command>,
) {
    ui.heading("Claim");
    text_field(ui, &c.text, "Claim text", 3, out, |t| {
        replace_claim("Edit text", Some(format!("text {}", c.id)), c, |x| {
            x.text = t;
        })
    });
    let mut thesis = c.thesis;
    if ui.checkbox(&mut thesis, "Main thesis of the map").changed() {
        out.push(replace_claim("Thesis", None, c, |x| x.thesis = thesis));
    }
    ui.add_space(6.0);
    facet_ui(ui, map, c, Facet::Actor, &mut state.new_actor, out);
    ui.add_space(6.0);
    facet_ui(ui, map, c, Facet::Tag, &mut state.new_tag, out);
    ui.add_space(6.0);
    ui.label(RichText::new("Note").strong());
    text_field(ui, &c.note, "Note", 2, out, |t| {
        replace_claim("Edit note", Some(format!("note {}", c.id)), c, |x| {
            x.note = t;
        })
    });
    comment::comment_ui(ui, map, &crate::model::Target::Node(c.id.clone()), out);
    links_ui(ui, map, &c.id, out);
}

fn quote_ui(ui: &mut egui::Ui, map: &Map, q: &Quote, problems: &[Problem], out: &mut Vec<Command>) {
    ui.heading("Quote");
    let source = map.source(&q.source);
    let flat = crate::text::flatten_ws(&q.anchor.exact);
    ui.label(RichText::new(format!("“{flat}”")).italics());
    ui.add_space(4.0);
    if let Some(s) = source {
        ui.label(RichText::new(format!("— {}", s.title)).weak());
        let byline = s.byline();
        if !byline.is_empty() {
            ui.label(RichText::new(byline).weak());
        }
    }
    ui.label(
        RichText::new(format!(
            "Characters {}–{} of the article",
            q.anchor.start, q.anchor.end
        ))
        .weak(),
    );
    for p in problems.iter().filter(|p| p.item == q.id.0) {
        ui.colored_label(ui.visuals().warn_fg_color, &p.message);
    }
    if ui.button("Show in article").clicked() {
        out.push(Command::ShowQuote(q.id.clone()));
    }
    ui.add_space(6.0);
    ui.label(RichText::new("Note").strong());
    text_field(ui, &q.note, "Note", 2, out, |t| {
        let mut q2 = q.clone();
        q2.note = t;
        submit(
            "Edit note",
            Some(format!("note {}", q.id)),
            vec![Edit::Replace(Item::Quote(q2))],
        )
    });
    comment::comment_ui(ui, map, &crate::model::Target::Node(q.id.clone()), out);
    links_ui(ui, map, &q.id, out);
}

fn map_ui(
    ui: &mut egui::Ui,
    map: &Map,
    problems: &[Problem],
    checking: bool,
    out: &mut Vec<Command>,
) {
    ui.heading("Map");
    ui.label("Title");
    let mut title = map.title.clone();
    let r = ui.add(TextEdit::singleline(&mut title).desired_width(f32::INFINITY));
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Map title"));
    if r.changed() {
        out.push(submit(
            "Edit title",
            Some("map title".into()),
            vec![Edit::SetInfo {
                title,
                description: map.description.clone(),
            }],
        ));
    }
    if r.lost_focus() {
        out.push(Command::Seal);
    }
    ui.label("Description");
    text_field(ui, &map.description, "Map description", 3, out, |d| {
        submit(
            "Edit description",
            Some("map description".into()),
            vec![Edit::SetInfo {
                title: map.title.clone(),
                description: d,
            }],
        )
    });
    ui.add_space(8.0);
    let (s, o, c, q) = map.link_counts();
    ui.label(format!(
        "{} claims, {} quotes, {} articles\n{} links: {s} supports, {o} opposes, {c} contradicts, {q} qualifies",
        map.claims.len(),
        map.quotes.len(),
        map.sources.len(),
        map.links.len()
    ));
    if checking {
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(RichText::new("checking the quotes…").weak())
                .on_hover_text(
                    "Every quote is being looked for in its article, off the window's thread",
                );
        });
    }
    if !problems.is_empty() {
        ui.add_space(8.0);
        ui.label(
            RichText::new(format!("{} problems", problems.len()))
                .strong()
                .color(ui.visuals().warn_fg_color),
        );
        for p in problems {
            let r = ui.link(&p.message);
            if r.clicked()
                && let Some(q) = map.quote(&NodeId(p.item.clone()))
            {
                out.push(Command::Select(Selection::one(q.id.clone())));
                out.push(Command::ShowQuote(q.id.clone()));
            }
        }
    }
    merge_names_ui(ui, map, out);
    ui.add_space(8.0);
    ui.label(
        RichText::new(
            "Select a card to see and edit it here. Double-click the canvas to add a claim.",
        )
        .weak(),
    );
}

#[cfg(test)]
mod tests;
