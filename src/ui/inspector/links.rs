//! The links of the selected card, and a selected link with its relation, direction and
//! delete button.

use super::{comment, submit};
use crate::edit::ops;
use crate::model::{Link, Map, NodeId, Relation};
use crate::ui::app::Selection;
use crate::ui::command::Command;
use egui::RichText;

fn node_text(map: &Map, id: &NodeId) -> String {
    let s = match map.node(id) {
        Some(crate::model::NodeRef::Claim(c)) => c.text.clone(),
        Some(crate::model::NodeRef::Quote(q)) => format!("“{}”", q.anchor.exact),
        None => id.to_string(),
    };
    crate::text::ellipsize(&crate::text::flatten_ws(&s), 59).into_owned()
}

fn relation_arrow(r: Relation) -> &'static str {
    match r {
        Relation::Supports => "supports",
        Relation::Opposes => "opposes",
        Relation::Contradicts => "contradicts",
        Relation::Qualifies => "qualifies",
    }
}

/// The links in and out of a card; clicking one selects it.
pub(super) fn links_ui(ui: &mut egui::Ui, map: &Map, id: &NodeId, out: &mut Vec<Command>) {
    ui.add_space(8.0);
    ui.label(RichText::new("Links").strong());
    let links: Vec<&Link> = map.links_of(id).collect();
    if links.is_empty() {
        ui.label(
            RichText::new(
                "None yet: drag from the dot on the card's right edge onto another card.",
            )
            .weak(),
        );
    }
    for link in links {
        ui.horizontal_wrapped(|ui| {
            let text = if &link.from == id {
                format!(
                    "{} {}",
                    relation_arrow(link.relation),
                    node_text(map, &link.to)
                )
            } else {
                format!(
                    "{} {} this",
                    node_text(map, &link.from),
                    relation_arrow(link.relation)
                )
            };
            if ui.link(text).on_hover_text("Select the link").clicked() {
                out.push(Command::Select(Selection {
                    nodes: Vec::new(),
                    link: Some(link.id.clone()),
                }));
            }
        });
    }
}

pub(super) fn link_ui(ui: &mut egui::Ui, map: &Map, link: &Link, out: &mut Vec<Command>) {
    ui.heading("Link");
    ui.label(node_text(map, &link.from));
    ui.label(RichText::new(relation_arrow(link.relation)).strong());
    ui.label(node_text(map, &link.to));
    ui.add_space(8.0);
    ui.label("Relation");
    for r in Relation::ALL {
        if ui.radio(link.relation == r, r.as_str()).clicked() && link.relation != r {
            out.push(match ops::change_link(map, &link.id, r, false) {
                Ok(edits) => submit("Change relation", None, edits),
                Err(e) => Command::Error(format!("Cannot change the relation: {e}")),
            });
        }
    }
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        if !link.relation.is_symmetric() && ui.button("Reverse direction").clicked() {
            out.push(match ops::change_link(map, &link.id, link.relation, true) {
                Ok(edits) => submit("Reverse link", None, edits),
                Err(e) => Command::Error(format!("Cannot reverse this link: {e}")),
            });
        }
        if ui.button("Delete link").clicked() {
            // Its feedback comments go with it, in the same undo step.
            out.push(submit("Delete link", None, ops::delete_link(map, &link.id)));
            out.push(Command::Select(Selection::default()));
        }
    });
    comment::comment_ui(ui, map, &crate::model::Target::Link(link.id.clone()), out);
}
