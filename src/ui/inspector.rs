//! The inspector: what is selected, in full, and the controls to change it.

use super::app::{Selection, WarrantApp};
use crate::edit::{Edit, Item, ItemId, ops};
use crate::model::{Actor, ActorId, Claim, Color, Link, Map, NodeId, Quote, Relation, Tag, TagId};
use egui::{RichText, TextEdit};

/// Edits the inspector asks for, made after it is drawn.
#[derive(Default)]
struct Out {
    submits: Vec<(&'static str, Option<String>, Vec<Edit>)>,
    seal: bool,
    select: Option<Selection>,
    relation_dialog: Option<(NodeId, NodeId, Option<crate::model::LinkId>)>,
    show_quote: Option<Quote>,
    error: Option<String>,
}

impl Out {
    fn submit(&mut self, label: &'static str, merge: Option<String>, edits: Vec<Edit>) {
        self.submits.push((label, merge, edits));
    }
}

/// The inspector panel.
pub fn inspector_ui(app: &mut WarrantApp, ui: &mut egui::Ui) {
    let mut out = Out::default();
    let problems = app.problems().to_vec();
    let map = app.history.map();
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        ui.add_space(4.0);
        match (app.selection.nodes.as_slice(), &app.selection.link) {
            (_, Some(link)) => {
                if let Some(link) = map.link(link) {
                    link_ui(ui, map, link, &mut out);
                }
            }
            ([id], None) => {
                if let Some(c) = map.claim(id) {
                    claim_ui(ui, map, c, &mut out);
                } else if let Some(q) = map.quote(id) {
                    quote_ui(ui, map, q, &problems, &mut out);
                }
            }
            ([], None) => map_ui(ui, map, &problems, &mut out),
            (many, None) => {
                ui.heading(format!("{} cards selected", many.len()));
                ui.label("Drag one of them to move them all; Delete removes them; with two selected, “Link selected” links them.");
            }
        }
    });
    for (label, merge, edits) in out.submits {
        app.submit(label, merge, edits);
    }
    if out.seal {
        app.history.seal();
    }
    if let Some(s) = out.select {
        app.selection = s;
    }
    if let Some(r) = out.relation_dialog {
        app.dialogs.relation = Some(r);
    }
    if let Some(q) = out.show_quote {
        app.reader.show_quote(&q);
    }
    if let Some(e) = out.error {
        app.dialogs.error = Some(e);
    }
}

/// A multi-line text field that submits each change, merged into one undo step per field.
fn text_field(
    ui: &mut egui::Ui,
    value: &str,
    hint: &str,
    rows: usize,
    out: &mut Out,
) -> Option<String> {
    let mut text = value.to_owned();
    let r = ui.add(
        TextEdit::multiline(&mut text)
            .hint_text(hint)
            .desired_rows(rows)
            .desired_width(f32::INFINITY),
    );
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, hint));
    if r.lost_focus() {
        out.seal = true;
    }
    (r.changed() && text != value).then_some(text)
}

fn node_text(map: &Map, id: &NodeId) -> String {
    let s = match map.node(id) {
        Some(crate::model::NodeRef::Claim(c)) => c.text.clone(),
        Some(crate::model::NodeRef::Quote(q)) => format!("“{}”", q.anchor.exact),
        None => id.to_string(),
    };
    crate::text::ellipsize(&crate::text::flatten_ws(&s), 59).into_owned()
}

fn claim_ui(ui: &mut egui::Ui, map: &Map, c: &Claim, out: &mut Out) {
    ui.heading("Claim");
    let replace = |out: &mut Out, label, merge: Option<String>, f: &dyn Fn(&mut Claim)| {
        let mut c2 = c.clone();
        f(&mut c2);
        out.submit(label, merge, vec![Edit::Replace(Item::Claim(c2))]);
    };
    if let Some(t) = text_field(ui, &c.text, "Claim text", 3, out) {
        replace(out, "Edit text", Some(format!("text {}", c.id)), &|x| {
            x.text.clone_from(&t);
        });
    }
    let mut thesis = c.thesis;
    if ui.checkbox(&mut thesis, "Main thesis of the map").changed() {
        replace(out, "Thesis", None, &|x| x.thesis = thesis);
    }
    ui.add_space(6.0);
    ui.label(RichText::new("Held by").strong());
    chips_ui(
        ui,
        &c.actors
            .iter()
            .filter_map(|a| map.actor(a))
            .map(|a| (a.id.0.clone(), a.name.clone(), a.color))
            .collect::<Vec<_>>(),
        |id| {
            replace(out, "Remove actor", None, &|x| {
                x.actors.retain(|a| a.0 != id);
            });
        },
    );
    pick_or_add_ui(
        ui,
        "actor",
        &map.actors
            .iter()
            .filter(|a| !c.actors.contains(&a.id))
            .map(|a| (a.id.0.clone(), a.name.clone()))
            .collect::<Vec<_>>(),
        |choice| match choice {
            Choice::Existing(id) => replace(out, "Add actor", None, &|x| {
                x.actors.push(ActorId(id.clone()));
            }),
            Choice::New(name) => {
                if let Some(a) = map
                    .actors
                    .iter()
                    .find(|a| a.name.eq_ignore_ascii_case(&name))
                {
                    let id = a.id.clone();
                    replace(out, "Add actor", None, &|x| x.actors.push(id.clone()));
                    return;
                }
                let id = map.new_actor_id();
                let actor = Actor {
                    id: id.clone(),
                    name,
                    color: Color::palette(map.actors.len()),
                };
                let mut c2 = c.clone();
                c2.actors.push(id);
                out.submit(
                    "Add actor",
                    None,
                    vec![
                        Edit::Insert {
                            index: usize::MAX,
                            item: Item::Actor(actor),
                        },
                        Edit::Replace(Item::Claim(c2)),
                    ],
                );
            }
        },
    );
    ui.add_space(6.0);
    ui.label(RichText::new("Tags").strong());
    chips_ui(
        ui,
        &c.tags
            .iter()
            .filter_map(|t| map.tag(t))
            .map(|t| (t.id.0.clone(), t.name.clone(), t.color))
            .collect::<Vec<_>>(),
        |id| replace(out, "Remove tag", None, &|x| x.tags.retain(|t| t.0 != id)),
    );
    pick_or_add_ui(
        ui,
        "tag",
        &map.tags
            .iter()
            .filter(|t| !c.tags.contains(&t.id))
            .map(|t| (t.id.0.clone(), t.name.clone()))
            .collect::<Vec<_>>(),
        |choice| match choice {
            Choice::Existing(id) => {
                replace(out, "Add tag", None, &|x| x.tags.push(TagId(id.clone())));
            }
            Choice::New(name) => {
                if let Some(t) = map.tags.iter().find(|t| t.name.eq_ignore_ascii_case(&name)) {
                    let id = t.id.clone();
                    replace(out, "Add tag", None, &|x| x.tags.push(id.clone()));
                    return;
                }
                let id = map.new_tag_id();
                let tag = Tag {
                    id: id.clone(),
                    name,
                    color: Color::palette(map.tags.len() + 3),
                };
                let mut c2 = c.clone();
                c2.tags.push(id);
                out.submit(
                    "Add tag",
                    None,
                    vec![
                        Edit::Insert {
                            index: usize::MAX,
                            item: Item::Tag(tag),
                        },
                        Edit::Replace(Item::Claim(c2)),
                    ],
                );
            }
        },
    );
    ui.add_space(6.0);
    ui.label(RichText::new("Note").strong());
    if let Some(t) = text_field(ui, &c.note, "Note", 2, out) {
        replace(out, "Edit note", Some(format!("note {}", c.id)), &|x| {
            x.note.clone_from(&t);
        });
    }
    links_ui(ui, map, &c.id, out);
}

fn quote_ui(
    ui: &mut egui::Ui,
    map: &Map,
    q: &Quote,
    problems: &[crate::check::Problem],
    out: &mut Out,
) {
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
        out.show_quote = Some(q.clone());
    }
    ui.add_space(6.0);
    ui.label(RichText::new("Note").strong());
    if let Some(t) = text_field(ui, &q.note, "Note", 2, out) {
        let mut q2 = q.clone();
        q2.note = t;
        out.submit(
            "Edit note",
            Some(format!("note {}", q.id)),
            vec![Edit::Replace(Item::Quote(q2))],
        );
    }
    links_ui(ui, map, &q.id, out);
}

fn relation_arrow(r: Relation) -> &'static str {
    match r {
        Relation::Supports => "supports",
        Relation::Opposes => "opposes",
        Relation::Contradicts => "contradicts",
        Relation::Qualifies => "qualifies",
    }
}

/// The links in and out of a card, each with its relation and a way to change it.
fn links_ui(ui: &mut egui::Ui, map: &Map, id: &NodeId, out: &mut Out) {
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
            let (other, text) = if &link.from == id {
                (
                    &link.to,
                    format!(
                        "{} {}",
                        relation_arrow(link.relation),
                        node_text(map, &link.to)
                    ),
                )
            } else {
                (
                    &link.from,
                    format!(
                        "{} {} this",
                        node_text(map, &link.from),
                        relation_arrow(link.relation)
                    ),
                )
            };
            if ui.link(text).on_hover_text("Select the link").clicked() {
                out.select = Some(Selection {
                    nodes: Vec::new(),
                    link: Some(link.id.clone()),
                });
            }
            let _ = other;
        });
    }
}

fn link_ui(ui: &mut egui::Ui, map: &Map, link: &Link, out: &mut Out) {
    ui.heading("Link");
    ui.label(node_text(map, &link.from));
    ui.label(RichText::new(relation_arrow(link.relation)).strong());
    ui.label(node_text(map, &link.to));
    ui.add_space(8.0);
    ui.label("Relation");
    for r in Relation::ALL {
        if ui.radio(link.relation == r, r.as_str()).clicked() && link.relation != r {
            match ops::change_link(map, &link.id, r, false) {
                Ok(edits) => out.submit("Change relation", None, edits),
                Err(e) => out.error = Some(format!("Cannot change the relation: {e}")),
            }
        }
    }
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        if !link.relation.is_symmetric() && ui.button("Reverse direction").clicked() {
            match ops::change_link(map, &link.id, link.relation, true) {
                Ok(edits) => out.submit("Reverse link", None, edits),
                Err(e) => out.error = Some(format!("Cannot reverse this link: {e}")),
            }
        }
        if ui.button("Delete link").clicked() {
            out.submit(
                "Delete link",
                None,
                vec![Edit::Remove(ItemId::Link(link.id.clone()))],
            );
            out.select = Some(Selection::default());
        }
    });
    let _ = &mut out.relation_dialog;
}

fn map_ui(ui: &mut egui::Ui, map: &Map, problems: &[crate::check::Problem], out: &mut Out) {
    ui.heading("Map");
    ui.label("Title");
    let mut title = map.title.clone();
    let r = ui.add(TextEdit::singleline(&mut title).desired_width(f32::INFINITY));
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Map title"));
    if r.changed() {
        out.submit(
            "Edit title",
            Some("map title".into()),
            vec![Edit::SetInfo {
                title,
                description: map.description.clone(),
            }],
        );
    }
    if r.lost_focus() {
        out.seal = true;
    }
    ui.label("Description");
    if let Some(d) = text_field(ui, &map.description, "Map description", 3, out) {
        out.submit(
            "Edit description",
            Some("map description".into()),
            vec![Edit::SetInfo {
                title: map.title.clone(),
                description: d,
            }],
        );
    }
    ui.add_space(8.0);
    let (s, o, c, q) = map.link_counts();
    ui.label(format!(
        "{} claims, {} quotes, {} articles\n{} links: {s} supports, {o} opposes, {c} contradicts, {q} qualifies",
        map.claims.len(),
        map.quotes.len(),
        map.sources.len(),
        map.links.len()
    ));
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
                out.select = Some(Selection::one(q.id.clone()));
                out.show_quote = Some(q.clone());
            }
        }
    }
    ui.add_space(8.0);
    ui.label(
        RichText::new(
            "Select a card to see and edit it here. Double-click the canvas to add a claim.",
        )
        .weak(),
    );
}

fn chips_ui(ui: &mut egui::Ui, chips: &[(String, String, Color)], mut remove: impl FnMut(String)) {
    ui.horizontal_wrapped(|ui| {
        if chips.is_empty() {
            ui.label(RichText::new("none").weak());
        }
        for (id, name, color) in chips {
            let text = RichText::new(format!("{name}  ×")).color(egui::Color32::WHITE);
            let b = egui::Button::new(text)
                .fill(super::theme::color32(*color))
                .corner_radius(10);
            if ui.add(b).on_hover_text(format!("Remove {name}")).clicked() {
                remove(id.clone());
            }
        }
    });
}

enum Choice {
    Existing(String),
    New(String),
}

/// A menu of existing names, and a field to add a new one.
fn pick_or_add_ui(
    ui: &mut egui::Ui,
    what: &str,
    existing: &[(String, String)],
    mut chosen: impl FnMut(Choice),
) {
    ui.horizontal(|ui| {
        ui.menu_button(format!("Add {what}"), |ui| {
            if existing.is_empty() {
                ui.label(format!("No other {what}s yet: type a new one"));
            }
            for (id, name) in existing {
                if ui.button(name).clicked() {
                    chosen(Choice::Existing(id.clone()));
                }
            }
        });
        let field = egui::Id::unique(("new", what));
        let mut name = ui.data_mut(|d| d.get_temp::<String>(field).unwrap_or_default());
        let r = ui.add(
            TextEdit::singleline(&mut name)
                .hint_text(format!("new {what}"))
                .desired_width(120.0),
        );
        r.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::TextInput, true, format!("New {what} name"))
        });
        let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if enter && !name.trim().is_empty() {
            chosen(Choice::New(name.trim().to_owned()));
            name.clear();
        }
        ui.data_mut(|d| d.insert_temp(field, name));
    });
}
