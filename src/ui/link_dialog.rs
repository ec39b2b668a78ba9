//! Link to…: with one card selected, Link (L) asks which card to link it to. The cards are
//! listed by their text — the nearest on the map first, or those matching what is typed — so a
//! student with the keyboard alone, or with a screen reader, picks the other end by name rather
//! than by where it sits. Down/Up and Enter (or a click) choose; the relation question follows.

use super::command::Command;
use super::names::fold;
use crate::model::{Map, NodeId, NodeRef};
use egui::{Key, Modifiers, RichText};

/// How many cards the list shows at most: typing narrows it.
const MAX_SHOWN: usize = 8;

/// The field's label, for screen readers and tests.
pub const FIND_LABEL: &str = "Find the card to link to";

/// The dialog's state while it is open.
#[derive(Debug)]
pub struct LinkTo {
    /// The card the link starts from.
    pub from: NodeId,
    query: String,
    /// Which of the cards listed Enter takes.
    highlight: usize,
    /// The field is still to get the focus.
    focus_field: bool,
    /// The cards listed, and the text they were found for: worked out again only when the
    /// text changes (a map can hold thousands of cards).
    found: Vec<(NodeId, String)>,
    found_for: Option<String>,
}

impl LinkTo {
    /// The dialog for a link from `from`.
    pub fn new(from: NodeId) -> Self {
        Self {
            from,
            query: String::new(),
            highlight: 0,
            focus_field: true,
            found: Vec::new(),
            found_for: None,
        }
    }
}

/// A card's whole text, as it is searched.
fn card_text(node: NodeRef<'_>) -> String {
    match node {
        NodeRef::Claim(c) => c.text.clone(),
        NodeRef::Quote(q) => format!("“{}”", q.anchor.exact),
    }
}

/// A card's text on one line, cut short, as the list shows it.
fn card_line(node: NodeRef<'_>) -> String {
    crate::text::ellipsize(&crate::text::flatten_ws(&card_text(node)), 90).into_owned()
}

/// The cards `from` could be linked to, best first: with nothing typed the nearest on the map;
/// else those whose text starts with the typed words, then has a word that does, then contains
/// them (the nearest first within each).
pub fn candidates(map: &Map, from: &NodeId, typed: &str) -> Vec<(NodeId, String)> {
    let Some(at) = map.node(from).map(|n| n.pos()) else {
        return Vec::new();
    };
    let typed = fold(typed);
    let mut ranked: Vec<(u8, f32, NodeId, String)> = map
        .nodes()
        .filter(|n| n.id() != from)
        .filter_map(|n| {
            let folded = fold(&card_text(n));
            let rank = if typed.is_empty() || folded.starts_with(&typed) {
                0
            } else if folded.split(' ').any(|w| w.starts_with(&typed)) {
                1
            } else if folded.contains(&typed) {
                2
            } else {
                return None;
            };
            let p = n.pos();
            let distance = (p.x - at.x).hypot(p.y - at.y);
            Some((rank, distance, n.id().clone(), card_line(n)))
        })
        .collect();
    ranked.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    ranked
        .into_iter()
        .take(MAX_SHOWN)
        .map(|(_, _, id, text)| (id, text))
        .collect()
}

/// Draws the dialog while `state` holds one. Choosing a card sends [`Command::LinkCards`] (which
/// asks for the relation); Esc, Cancel or a click beside it closes it and changes nothing.
pub fn link_to_ui(
    ctx: &egui::Context,
    state: &mut Option<LinkTo>,
    map: &Map,
    out: &mut Vec<Command>,
) {
    let Some(dialog) = state.as_mut() else {
        return;
    };
    let Some(from) = map.node(&dialog.from) else {
        *state = None;
        return;
    };
    if dialog.found_for.as_ref() != Some(&dialog.query) {
        dialog.found = candidates(map, &dialog.from, &dialog.query);
        dialog.found_for = Some(dialog.query.clone());
    }
    let found = std::mem::take(&mut dialog.found);
    let mut chosen = None;
    let mut cancel = false;
    let r = egui::Modal::new(egui::Id::unique("link to")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading("Link to which card?");
        ui.label(RichText::new(card_line(from)).strong());
        ui.label(
            RichText::new("Type part of the other card's text; Down, Up and Enter choose.").weak(),
        );
        chosen = field_ui(ui, dialog, &found);
        if found.is_empty() {
            ui.label(RichText::new("No card has that text").weak());
        }
        // One line a card, cut short: the list keeps its shape as it narrows.
        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
        for (i, (id, text)) in found.iter().enumerate() {
            let row = super::names::pointed_row(ui, i == dialog.highlight, text);
            if row.clicked() {
                chosen = Some(id.clone());
            }
        }
        ui.add_space(6.0);
        cancel = ui.button("Cancel").clicked();
    });
    dialog.found = found;
    if let Some(to) = chosen {
        out.push(Command::LinkCards(dialog.from.clone(), to));
        *state = None;
    } else if cancel || r.should_close() {
        *state = None;
    }
}

/// The search field: Down and Up move the pointer through the `found` cards, Enter takes the one
/// pointed at (the first, until the arrows move it).
fn field_ui(ui: &mut egui::Ui, dialog: &mut LinkTo, found: &[(NodeId, String)]) -> Option<NodeId> {
    let id = egui::Id::unique("link to field");
    let mut enter = false;
    if ui.memory(|m| m.has_focus(id)) {
        let (down, up, ent) = ui.input_mut(|i| {
            (
                i.consume_key(Modifiers::NONE, Key::ArrowDown),
                i.consume_key(Modifiers::NONE, Key::ArrowUp),
                i.consume_key(Modifiers::NONE, Key::Enter),
            )
        });
        let last = found.len().saturating_sub(1);
        if down {
            dialog.highlight = (dialog.highlight + 1).min(last);
        }
        if up {
            dialog.highlight = dialog.highlight.saturating_sub(1);
        }
        enter = ent;
    }
    let r = ui.add(
        egui::TextEdit::singleline(&mut dialog.query)
            .id(id)
            .hint_text("part of its text")
            .desired_width(f32::INFINITY),
    );
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::SearchInput, true, FIND_LABEL));
    if dialog.focus_field {
        r.request_focus();
        dialog.focus_field = false;
    }
    if r.changed() {
        dialog.highlight = 0;
        // The list drawn this frame is for the text before the key: show the new one.
        ui.ctx().request_repaint();
    }
    dialog.highlight = dialog.highlight.min(found.len().saturating_sub(1));
    enter
        .then(|| found.get(dialog.highlight).map(|(id, _)| id.clone()))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::candidates;
    use crate::model::{Map, NodeId, Point};

    fn map() -> Map {
        let mut map = Map::new("m");
        for (text, x) in [
            ("NATO is a relic", 0.0),
            ("NATO is a threat to Russia", 900.0),
            ("Enlargement is a threat", 300.0),
            ("Moscow wants a say", 600.0),
        ] {
            let (_, edits) = crate::edit::ops::add_claim(&map, text, Point::new(x, 0.0));
            crate::edit::apply_all(&mut map, edits).unwrap();
        }
        map
    }

    fn texts(map: &Map, typed: &str) -> Vec<String> {
        let from = map.claims[0].id.clone();
        candidates(map, &from, typed)
            .into_iter()
            .map(|(_, t)| t)
            .collect()
    }

    #[test]
    fn the_nearest_cards_come_first_and_typing_narrows_them_by_their_text() {
        let map = map();
        assert_eq!(
            texts(&map, ""),
            [
                "Enlargement is a threat",
                "Moscow wants a say",
                "NATO is a threat to Russia"
            ],
            "nearest first, never the card itself"
        );
        // Starts with it, then a word starting with it (nearest first within each).
        assert_eq!(
            texts(&map, "threat"),
            ["Enlargement is a threat", "NATO is a threat to Russia"]
        );
        assert_eq!(texts(&map, "nato"), ["NATO is a threat to Russia"]);
        assert_eq!(texts(&map, "MOSC"), ["Moscow wants a say"], "case aside");
        assert!(texts(&map, "Kyiv").is_empty());
        // The whole text is searched, not only the part the list shows.
        let mut map = map;
        map.claims[3].text = format!("Moscow wants {} a say in Europe", "very much ".repeat(20));
        assert_eq!(texts(&map, "europe").len(), 1);
        assert!(candidates(&map, &NodeId("gone".into()), "").is_empty());
    }
}
