//! The Feedback section of the findings panel: every comment of the teacher's, each clickable to
//! select and frame what it is on, and the rubric, each criterion computed from the analysis and
//! open to the teacher's verdict (met, not met) and note, as undoable edits.

use super::app::Selection;
use super::command::Command;
use crate::analysis::{Analysis, RubricItem, rubric};
use crate::edit::ops;
use crate::model::{Link, LinkId, Map, NodeId, NodeIndex, NodeRef, Target};
use egui::{CollapsingHeader, RichText, TextEdit};
use std::collections::HashMap;

/// The Feedback and Rubric sections.
pub fn feedback_ui(ui: &mut egui::Ui, map: &Map, a: &Analysis, acts: &mut Vec<Command>) {
    let n = map.comments.len();
    CollapsingHeader::new(format!("Feedback ({n})"))
        .id_salt("feedback")
        .default_open(n > 0)
        .show(ui, |ui| {
            if n == 0 {
                ui.label(
                    RichText::new("No comments yet: select a card or link and write one under “Teacher's comment” in the inspector.")
                        .weak(),
                );
            }
            let index = Index::new(map);
            for c in map.comments.iter().take(MAX_ROWS) {
                comment_row_ui(ui, &index, &c.on, &c.text, acts);
            }
            if n > MAX_ROWS {
                ui.label(RichText::new(format!("… and {} more", n - MAX_ROWS)).weak());
            }
        });
    let items = rubric(map, a);
    let met = items.iter().filter(|i| i.met).count();
    CollapsingHeader::new(format!("Rubric ({met} of {} met)", items.len()))
        .id_salt("rubric")
        .default_open(!map.rubric.is_empty())
        .show(ui, |ui| {
            ui.label(
                RichText::new("Computed from the analysis; your verdict and note override it and go into the handouts.")
                    .weak(),
            );
            for item in &items {
                ui.add_space(6.0);
                rubric_item_ui(ui, map, item, acts);
            }
        });
}

/// The most comments listed (a file may hold any number; a teacher writes a few dozen).
const MAX_ROWS: usize = 300;

/// Cards and links by id, built once a frame so listing comments stays linear in the map.
struct Index<'a> {
    nodes: NodeIndex<'a>,
    links: HashMap<&'a LinkId, &'a Link>,
}

impl<'a> Index<'a> {
    fn new(map: &'a Map) -> Self {
        Self {
            nodes: NodeIndex::new(map),
            links: map.links.iter().map(|l| (&l.id, l)).collect(),
        }
    }
}

/// What a comment is on, in a few words, and the cards to frame.
fn target_text(index: &Index<'_>, on: &Target) -> (String, Vec<NodeId>) {
    let gist = |id: &NodeId| match index.nodes.node(id) {
        Some(NodeRef::Claim(c)) => {
            crate::text::ellipsize(&crate::text::flatten_ws(&c.text), 60).into_owned()
        }
        Some(NodeRef::Quote(q)) => format!(
            "“{}”",
            crate::text::ellipsize(&crate::text::flatten_ws(&q.anchor.exact), 60)
        ),
        None => "a deleted card".to_owned(),
    };
    match on {
        Target::Node(id) => (gist(id), vec![id.clone()]),
        Target::Link(id) => match index.links.get(id) {
            Some(l) => (
                format!("{} {} {}", gist(&l.from), l.relation.as_str(), gist(&l.to)),
                vec![l.from.clone(), l.to.clone()],
            ),
            None => ("a deleted link".to_owned(), Vec::new()),
        },
    }
}

/// One comment: what it is on (a link that selects and frames it), then the comment.
fn comment_row_ui(
    ui: &mut egui::Ui,
    index: &Index<'_>,
    on: &Target,
    text: &str,
    acts: &mut Vec<Command>,
) {
    let (what, ids) = target_text(index, on);
    ui.add_space(4.0);
    let r = ui
        .add_enabled(!ids.is_empty(), egui::Link::new(format!("On {what}")))
        .on_hover_text("Select it and bring it into view");
    if r.clicked() {
        let selection = match on {
            Target::Node(id) => Selection::one(id.clone()),
            Target::Link(id) => Selection {
                nodes: Vec::new(),
                link: Some(id.clone()),
            },
        };
        acts.push(Command::Select(selection));
        acts.push(Command::Frame(ids));
    }
    ui.add(
        egui::Label::new(crate::text::ellipsize(
            &crate::text::flatten_ws(text),
            2_000,
        ))
        .wrap(),
    );
}

/// One criterion: met or not and why, the teacher's verdict, and a note.
fn rubric_item_ui(ui: &mut egui::Ui, map: &Map, item: &RubricItem, acts: &mut Vec<Command>) {
    let word = if item.met { "met" } else { "not met" };
    let color = if item.met {
        egui::Color32::from_rgb(0x2e, 0x9e, 0x44)
    } else {
        ui.visuals().warn_fg_color
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(word).strong().color(color));
        ui.label(RichText::new(item.criterion).strong());
    });
    ui.label(RichText::new(&item.detail).weak());
    let mark = map.rubric_mark(item.key);
    let verdict = mark.and_then(|m| m.met);
    let note = mark.map_or("", |m| m.note.as_str());
    let computed = if item.computed { "met" } else { "not met" };
    ui.horizontal_wrapped(|ui| {
        for (choice, label) in [
            (None, format!("As computed ({computed})")),
            (Some(true), "Met".to_owned()),
            (Some(false), "Not met".to_owned()),
        ] {
            let r = ui.selectable_label(verdict == choice, label);
            r.widget_info(|| {
                egui::WidgetInfo::selected(
                    egui::Role::RadioButton,
                    true,
                    verdict == choice,
                    format!("{}: {}", item.criterion, verdict_name(choice)),
                )
            });
            if r.clicked() && verdict != choice {
                acts.push(Command::Submit {
                    label: "Rubric verdict",
                    merge: None,
                    edits: ops::set_rubric_mark(map, item.key, choice, note),
                });
            }
        }
    });
    note_ui(ui, map, item, verdict, note, acts);
}

fn verdict_name(v: Option<bool>) -> &'static str {
    match v {
        None => "as computed",
        Some(true) => "met",
        Some(false) => "not met",
    }
}

/// The teacher's note on a criterion, on as many lines as it takes; typing is one undo step per
/// burst.
fn note_ui(
    ui: &mut egui::Ui,
    map: &Map,
    item: &RubricItem,
    verdict: Option<bool>,
    stored: &str,
    acts: &mut Vec<Command>,
) {
    let (r, changed) = super::draft::trimmed_field(
        ui,
        ui.make_persistent_id(("rubric note", item.key)),
        stored,
        |t| {
            // Several rows, growing with the note: a teacher writes a few sentences here.
            TextEdit::multiline(t)
                .hint_text("Note for the student")
                .desired_rows(3)
                .desired_width(f32::INFINITY)
        },
    );
    let label = format!("Note on {}", item.criterion);
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, &label));
    if let Some(text) = changed {
        let edits = ops::set_rubric_mark(map, item.key, verdict, &text);
        if !edits.is_empty() {
            acts.push(Command::Submit {
                label: "Rubric note",
                merge: Some(format!("rubric note {}", item.key)),
                edits,
            });
        }
    }
    if r.lost_focus() {
        acts.push(Command::Seal);
    }
}

#[cfg(test)]
mod tests {
    use crate::ui::findings::{Findings, FindingsCtx, findings_ui};
    use crate::ui::panel_bench::{Bench, small_map};
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable as _;

    /// The findings panel (where the Feedback and Rubric sections are) on the small map.
    fn harness() -> Harness<'static, Bench<Findings>> {
        let map = small_map();
        let mut findings = Findings::default();
        findings.of(&map, 0);
        Harness::builder()
            .with_size(egui::vec2(360.0, 1400.0))
            .build_ui_state(
                |ui, b: &mut Bench<Findings>| {
                    let mut out = Vec::new();
                    let cx = FindingsCtx {
                        map: &b.map,
                        revision: 0,
                        findings: &b.state,
                    };
                    findings_ui(ui, &cx, &mut out);
                    b.run(out);
                },
                Bench::new(map, findings),
            )
    }

    #[test]
    fn the_teacher_overrides_a_criterion_and_writes_a_note_as_edits() {
        let mut h = harness();
        h.run();
        // One of the small map's claims has no evidence: the first criterion is not met.
        h.get_by_label("Rubric (3 of 4 met)").click();
        h.run();
        h.get_by_label("Every claim has evidence: met").click();
        h.run();
        assert_eq!(h.state().submitted(), ["Rubric verdict"]);
        let mark = h.state().map.rubric_mark("evidence").cloned().unwrap();
        assert_eq!(mark.met, Some(true));
        assert!(h.query_by_label("Rubric (4 of 4 met)").is_some());
        h.get_by_label("Note on Every claim has evidence").focus();
        h.run();
        for c in "c2 is the thesis, fine".chars() {
            h.get_by_label("Note on Every claim has evidence")
                .type_text(&c.to_string());
            h.run();
        }
        let mark = h.state().map.rubric_mark("evidence").cloned().unwrap();
        assert_eq!(
            (mark.met, mark.note.as_str()),
            (Some(true), "c2 is the thesis, fine")
        );
        // Back to what the analysis says: the note stays.
        h.get_by_label("Every claim has evidence: as computed")
            .click();
        h.run();
        let mark = h.state().map.rubric_mark("evidence").cloned().unwrap();
        assert_eq!(mark.met, None);
        assert!(h.query_by_label("Rubric (3 of 4 met)").is_some());
    }
}
