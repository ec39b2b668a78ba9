//! The inspector: what is selected, in full, and the controls to change it.
//!
//! It reads an [`InspectorCtx`] and pushes [`Command`]s for the app to run after drawing; it
//! owns only [`InspectorState`] (names being typed for a new actor or tag).

use super::app::Selection;
use super::command::Command;
use super::names::{Choice, NameField};
use crate::check::Problem;
use crate::edit::{Edit, Item, ops};
use crate::model::{Actor, ActorId, Claim, Color, Link, Map, NodeId, Quote, Relation, Tag, TagId};
use egui::{RichText, TextEdit};

mod comment;

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

fn node_text(map: &Map, id: &NodeId) -> String {
    let s = match map.node(id) {
        Some(crate::model::NodeRef::Claim(c)) => c.text.clone(),
        Some(crate::model::NodeRef::Quote(q)) => format!("“{}”", q.anchor.exact),
        None => id.to_string(),
    };
    crate::text::ellipsize(&crate::text::flatten_ws(&s), 59).into_owned()
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

/// The two kinds of label a claim carries (who holds it, what it is about), edited alike.
#[derive(Clone, Copy)]
enum Facet {
    Actor,
    Tag,
}

impl Facet {
    fn what(self) -> &'static str {
        match self {
            Facet::Actor => "actor",
            Facet::Tag => "tag",
        }
    }

    fn heading(self) -> &'static str {
        match self {
            Facet::Actor => "Held by",
            Facet::Tag => "Tags",
        }
    }

    /// Every actor (tag) of the map: id, name, colour.
    fn all(self, map: &Map) -> Vec<(&str, &str, Color)> {
        match self {
            Facet::Actor => map
                .actors
                .iter()
                .map(|a| (a.id.0.as_str(), a.name.as_str(), a.color))
                .collect(),
            Facet::Tag => map
                .tags
                .iter()
                .map(|t| (t.id.0.as_str(), t.name.as_str(), t.color))
                .collect(),
        }
    }

    /// The actors (tags) claim `c` carries, in its order.
    fn of(self, c: &Claim) -> Vec<&str> {
        match self {
            Facet::Actor => c.actors.iter().map(|a| a.0.as_str()).collect(),
            Facet::Tag => c.tags.iter().map(|t| t.0.as_str()).collect(),
        }
    }

    /// The edit that takes actor (tag) `id` off claim `c`.
    fn remove(self, c: &Claim, id: &str) -> Command {
        match self {
            Facet::Actor => replace_claim("Remove actor", None, c, |x| {
                x.actors.retain(|a| a.0 != id);
            }),
            Facet::Tag => replace_claim("Remove tag", None, c, |x| x.tags.retain(|t| t.0 != id)),
        }
    }

    /// The edits that give claim `c` the chosen actor (tag): one of the map's, or one of that
    /// name (case and accents aside), or else a new one with the next id and colour. `None`
    /// when the claim has it already.
    fn add(self, map: &Map, c: &Claim, choice: Choice) -> Option<Command> {
        let mut edits = Vec::new();
        let id = match choice {
            Choice::Existing(id) => id,
            Choice::New(name) => {
                let names: Vec<(&str, &str)> =
                    self.all(map).iter().map(|(id, n, _)| (*id, *n)).collect();
                if let Some(id) = super::names::same_name(&names, &name) {
                    id.to_owned()
                } else {
                    let (id, item) = self.create(map, name);
                    edits.push(Edit::Insert {
                        index: usize::MAX,
                        item,
                    });
                    id
                }
            }
        };
        if self.of(c).contains(&id.as_str()) {
            return None;
        }
        let mut c2 = c.clone();
        let label = match self {
            Facet::Actor => {
                c2.actors.push(ActorId(id));
                "Add actor"
            }
            Facet::Tag => {
                c2.tags.push(TagId(id));
                "Add tag"
            }
        };
        edits.push(Edit::Replace(Item::Claim(c2)));
        Some(submit(label, None, edits))
    }

    /// The edit that merges actor (tag) `gone` into `keep`: one undo step.
    fn merge(self, map: &Map, keep: &str, gone: &str) -> Command {
        match self {
            Facet::Actor => submit(
                "Merge actors",
                None,
                ops::merge_actors(map, &ActorId(keep.into()), &ActorId(gone.into())),
            ),
            Facet::Tag => submit(
                "Merge tags",
                None,
                ops::merge_tags(map, &TagId(keep.into()), &TagId(gone.into())),
            ),
        }
    }

    /// A new actor (tag) called `name`: its id, and the item to insert.
    fn create(self, map: &Map, name: String) -> (String, Item) {
        match self {
            Facet::Actor => {
                let id = map.new_actor_id();
                let color = Color::palette(map.actors.len());
                (id.0.clone(), Item::Actor(Actor { id, name, color }))
            }
            Facet::Tag => {
                let id = map.new_tag_id();
                let color = Color::palette(map.tags.len() + 3);
                (id.0.clone(), Item::Tag(Tag { id, name, color }))
            }
        }
    }
}

/// A claim's actors (or tags) as chips that remove them, a menu of the map's others, and a
/// field to add one by name.
fn facet_ui(
    ui: &mut egui::Ui,
    map: &Map,
    c: &Claim,
    facet: Facet,
    new_name: &mut NameField,
    out: &mut Vec<Command>,
) {
    ui.label(RichText::new(facet.heading()).strong());
    let all = facet.all(map);
    let held = facet.of(c);
    let chips: Vec<_> = held
        .iter()
        .filter_map(|id| all.iter().find(|(a, ..)| a == id).copied())
        .collect();
    if let Some(id) = chips_ui(ui, &chips) {
        out.push(facet.remove(c, id));
    }
    let others: Vec<(&str, &str)> = all
        .iter()
        .filter(|(id, ..)| !held.contains(id))
        .map(|(id, name, _)| (*id, *name))
        .collect();
    if let Some(choice) = pick_or_add_ui(ui, facet.what(), &others, new_name)
        && let Some(add) = facet.add(map, c, choice)
    {
        out.push(add);
    }
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

fn relation_arrow(r: Relation) -> &'static str {
    match r {
        Relation::Supports => "supports",
        Relation::Opposes => "opposes",
        Relation::Contradicts => "contradicts",
        Relation::Qualifies => "qualifies",
    }
}

/// The links in and out of a card; clicking one selects it.
fn links_ui(ui: &mut egui::Ui, map: &Map, id: &NodeId, out: &mut Vec<Command>) {
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

fn link_ui(ui: &mut egui::Ui, map: &Map, link: &Link, out: &mut Vec<Command>) {
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

/// Coloured chips (id, name, colour), each with a × to remove it; returns the id clicked.
fn chips_ui<'a>(ui: &mut egui::Ui, chips: &[(&'a str, &str, Color)]) -> Option<&'a str> {
    let mut removed = None;
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
                removed = Some(*id);
            }
        }
    });
    removed
}

/// A menu of existing (id, name)s, and a field to type a name in that suggests them.
fn pick_or_add_ui(
    ui: &mut egui::Ui,
    what: &str,
    existing: &[(&str, &str)],
    field: &mut NameField,
) -> Option<Choice> {
    super::names::name_field_ui(ui, what, existing, field, |ui| {
        let mut chosen = None;
        ui.menu_button(format!("Add {what}"), |ui| {
            if existing.is_empty() {
                ui.label(format!("No other {what}s yet: type a new one"));
            }
            for (id, label) in existing {
                if ui.button(*label).clicked() {
                    chosen = Some(Choice::Existing((*id).to_owned()));
                }
            }
        });
        chosen
    })
}

/// The map's actors and tags, each with how many claims carry it, and a "Merge actors…" menu
/// (a misspelt second "Russian officals" becomes the first, in one undoable step).
fn merge_names_ui(ui: &mut egui::Ui, map: &Map, out: &mut Vec<Command>) {
    for (facet, heading) in [(Facet::Actor, "Actors"), (Facet::Tag, "Tags")] {
        let all = facet.all(map);
        if all.is_empty() {
            continue;
        }
        ui.add_space(8.0);
        ui.label(RichText::new(heading).strong());
        let names: Vec<(&str, &str, usize)> = all
            .iter()
            .map(|&(id, name, _)| {
                let uses = map.claims.iter().filter(|c| facet.of(c).contains(&id));
                (id, name, uses.count())
            })
            .collect();
        super::names::merge_list_ui(ui, facet.what(), &names, out, |keep, gone| {
            facet.merge(map, keep, gone)
        });
    }
}

#[cfg(test)]
mod tests {
    use super::{InspectorCtx, InspectorState, inspector_ui};
    use crate::edit::{Edit, Item};
    use crate::ui::app::Selection;
    use crate::ui::command::Command;
    use crate::ui::panel_bench::{Bench, id, small_map};
    use egui::{Key, Modifiers};
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable as _;

    /// The inspector alone, on the small map, with `c1` selected.
    fn harness() -> Harness<'static, Bench<InspectorState>> {
        let mut bench = Bench::new(small_map(), InspectorState::default());
        bench.selection = Selection::one(id("c1"));
        Harness::builder()
            .with_size(egui::vec2(320.0, 700.0))
            .build_ui_state(
                |ui, b: &mut Bench<InspectorState>| {
                    let mut out = Vec::new();
                    let cx = InspectorCtx {
                        map: &b.map,
                        selection: &b.selection,
                        problems: &[],
                        checking: false,
                    };
                    inspector_ui(ui, &cx, &mut b.state, &mut out);
                    b.run(out);
                },
                bench,
            )
    }

    #[test]
    fn typing_a_claims_text_submits_one_mergeable_edit_and_leaving_ends_it() {
        let mut h = harness();
        h.run();
        h.get_by_label("Claim text").focus();
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND, Key::A);
        h.get_by_label("Claim text")
            .type_text("NATO has outlived its purpose");
        h.run();
        let edit = h.state().sent.iter().find_map(|c| match c {
            Command::Submit {
                label: "Edit text",
                merge,
                edits,
            } => Some((merge.clone(), edits.clone())),
            _ => None,
        });
        let (merge, edits) = edit.expect("typing sends the edit");
        assert_eq!(merge.as_deref(), Some("text c1"), "typing merges per field");
        let [Edit::Replace(Item::Claim(c))] = edits.as_slice() else {
            panic!("one claim replaced: {edits:?}");
        };
        assert_eq!(c.text, "NATO has outlived its purpose");
        assert_eq!(
            h.state().map.claim(&id("c1")).unwrap().text,
            "NATO has outlived its purpose"
        );
        assert!(!h.state().sent.contains(&Command::Seal));
        // Leaving the field ends the undo step.
        h.key_press(Key::Escape);
        h.run();
        assert_eq!(h.state().sent.last(), Some(&Command::Seal));
    }

    #[test]
    fn a_tag_typed_by_name_is_made_once_and_reused_by_its_name_in_any_case() {
        let mut h = harness();
        h.run();
        h.get_by_label("New tag name").focus();
        h.run();
        h.get_by_label("New tag name").type_text("Security");
        h.key_press(Key::Enter);
        h.run();
        assert_eq!(h.state().submitted(), ["Add tag"]);
        let map = &h.state().map;
        assert_eq!(map.tags.len(), 1, "a new tag");
        let tag = map.tags[0].id.clone();
        assert_eq!(
            map.claim(&id("c1")).unwrap().tags,
            std::slice::from_ref(&tag)
        );
        // The other claim gets the same tag when its name is typed again.
        h.state_mut().selection = Selection::one(id("c2"));
        h.run();
        h.get_by_label("New tag name").focus();
        h.run();
        h.get_by_label("New tag name").type_text("security");
        h.key_press(Key::Enter);
        h.run();
        let map = &h.state().map;
        assert_eq!(map.tags.len(), 1, "no second tag of the same name");
        assert_eq!(map.claim(&id("c2")).unwrap().tags, [tag]);
        // Its chip removes it.
        h.get_by_label("Security  ×").click();
        h.run();
        assert_eq!(h.state().submitted(), ["Add tag", "Add tag", "Remove tag"]);
        assert!(h.state().map.claim(&id("c2")).unwrap().tags.is_empty());
    }

    #[test]
    fn an_actor_from_the_menu_is_added_and_a_link_clicked_is_selected() {
        let mut map = small_map();
        map.claims[0].actors.clear();
        let mut h = harness();
        h.state_mut().map = map;
        h.run();
        assert!(h.query_by_label("Moscow  ×").is_none());
        h.get_by_label("Add actor").click();
        h.run();
        h.get_by_label("Moscow").click();
        h.run();
        assert_eq!(h.state().submitted(), ["Add actor"]);
        assert_eq!(
            h.state().map.claim(&id("c1")).unwrap().actors,
            [crate::model::ActorId("a1".into())]
        );
        assert!(h.query_by_label("Moscow  ×").is_some(), "shown as a chip");
        // The links list: "contradicts NATO is a threat" selects the link.
        h.get_by_label("contradicts NATO is a threat").click();
        h.run();
        assert_eq!(
            h.state().selection,
            Selection {
                nodes: Vec::new(),
                link: Some(crate::model::LinkId("l2".into())),
            }
        );
        assert!(h.query_by_label("Reverse direction").is_none());
        assert!(
            h.query_by_label("Delete link").is_some(),
            "the link is shown"
        );
    }

    /// The small map with a second, accented actor "Médecins du monde" holding nothing, and
    /// neither actor on `c1`.
    fn two_actors() -> crate::model::Map {
        let mut map = small_map();
        map.claims[0].actors.clear();
        map.actors.push(crate::model::Actor {
            id: crate::model::ActorId("a2".into()),
            name: "Médecins du monde".into(),
            color: crate::model::Color::palette(1),
        });
        map
    }

    fn actors_of(h: &Harness<'static, Bench<InspectorState>>, claim: &str) -> Vec<String> {
        let c = h.state().map.claim(&id(claim)).unwrap();
        c.actors.iter().map(|a| a.0.clone()).collect()
    }

    #[test]
    fn typing_part_of_a_name_suggests_it_and_the_arrows_and_enter_take_it() {
        let mut h = harness();
        h.state_mut().map = two_actors();
        h.run();
        h.get_by_label("New actor name").focus();
        h.run();
        // Accents aside, the word "monde" and "Moscow" both match "mo"; the one that starts
        // with it comes first.
        h.get_by_label("New actor name").type_text("mo");
        h.run();
        assert!(h.query_by_label("Moscow").is_some());
        assert!(h.query_by_label("Médecins du monde").is_some());
        h.key_press(Key::ArrowDown);
        h.key_press(Key::ArrowDown);
        h.run();
        h.key_press(Key::Enter);
        h.run();
        assert_eq!(h.state().submitted(), ["Add actor"]);
        assert_eq!(actors_of(&h, "c1"), ["a2"], "the second suggestion");
        assert_eq!(h.state().map.actors.len(), 2, "no new actor");
        // The field is empty again and keeps the focus for the next name.
        assert!(h.query_by_label("Moscow").is_none(), "no suggestions left");
        assert!(h.query_by_label("Médecins du monde  ×").is_some());
        h.get_by_label("New actor name").type_text("MOS");
        h.run();
        h.get_by_label("Moscow").click();
        h.run();
        assert_eq!(actors_of(&h, "c1"), ["a2", "a1"], "a click takes it too");
    }

    #[test]
    fn an_existing_name_typed_again_in_any_case_is_reused_and_never_added_twice() {
        let mut h = harness();
        h.state_mut().map = two_actors();
        h.run();
        h.get_by_label("New actor name").focus();
        h.run();
        h.get_by_label("New actor name")
            .type_text("medecins DU Monde");
        h.key_press(Key::Enter);
        h.run();
        assert_eq!(actors_of(&h, "c1"), ["a2"]);
        assert_eq!(h.state().map.actors.len(), 2);
        // Typed once more while the claim has it: nothing changes.
        h.get_by_label("New actor name")
            .type_text("Médecins du monde");
        h.key_press(Key::Enter);
        h.run();
        assert_eq!(actors_of(&h, "c1"), ["a2"], "not held twice");
        assert_eq!(h.state().submitted(), ["Add actor"]);
    }

    #[test]
    fn a_misspelt_actor_is_merged_into_the_right_one_in_one_step() {
        let mut map = small_map();
        map.actors.push(crate::model::Actor {
            id: crate::model::ActorId("a2".into()),
            name: "Moskow".into(),
            color: crate::model::Color::palette(1),
        });
        map.claims[1].actors = vec![crate::model::ActorId("a2".into())];
        let mut h = harness();
        h.state_mut().map = map;
        h.state_mut().selection = Selection::default();
        h.run();
        assert!(h.query_by_label("Moscow (1)").is_some(), "the map's actors");
        h.get_by_label("Merge actors…").click();
        h.run();
        h.get_by_label("Merge Moskow into…").click();
        h.run();
        h.get_by_label("Moscow").click();
        h.run();
        assert_eq!(h.state().submitted(), ["Merge actors"]);
        let map = &h.state().map;
        assert_eq!(map.actors.len(), 1);
        assert_eq!(actors_of(&h, "c1"), ["a1"]);
        assert_eq!(actors_of(&h, "c2"), ["a1"]);
    }
}
