//! A claim's actors and tags: the chips that remove them, the menu and the name field that
//! add one (reusing a name the map already has), and the map's list that merges two.

use super::{replace_claim, submit};
use crate::edit::{Edit, Item, ops};
use crate::model::{Actor, ActorId, Claim, Color, Map, Tag, TagId};
use crate::ui::command::Command;
use crate::ui::names::{Choice, NameField};
use egui::RichText;

/// The two kinds of label a claim carries (who holds it, what it is about), edited alike.
#[derive(Clone, Copy)]
pub(super) enum Facet {
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
                if let Some(id) = crate::ui::names::same_name(&names, &name) {
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
pub(super) fn facet_ui(
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
                .fill(crate::ui::theme::color32(*color))
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
    crate::ui::names::name_field_ui(ui, what, existing, field, |ui| {
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
pub(super) fn merge_names_ui(ui: &mut egui::Ui, map: &Map, out: &mut Vec<Command>) {
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
        crate::ui::names::merge_list_ui(ui, facet.what(), &names, out, |keep, gone| {
            facet.merge(map, keep, gone)
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::ui::app::Selection;
    use crate::ui::inspector::InspectorState;
    use crate::ui::inspector::tests::harness;
    use crate::ui::panel_bench::{Bench, id, small_map};
    use egui::Key;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable as _;

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
