//! The compare panel, below the map: the open map against a teacher's reference map, side by
//! side — passages found, missed and added; claims matched (and how), missed and added; the
//! reference's links between claims, right or not — each row a way to its card or its passage;
//! and a whole class at once (see [`class`]).
//!
//! It reads a [`CompareCtx`] and pushes [`Command`]s; it owns the reference, the comparison
//! (computed once per reference and content revision of the map, on a worker thread in the
//! window, see [`worker`]) and the class table.

mod class;
mod worker;

pub use class::ClassTable;

use super::app::Selection;
use super::command::Command;
use crate::analysis::{
    ArticleComparison, Comparison, MatchBasis, RelationVerdict, compare, quoted,
};
use crate::model::{Map, NodeId};
use egui::{Color32, RichText};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A teacher's reference map.
struct Reference {
    /// The file name, as the panel shows it.
    name: String,
    path: Option<PathBuf>,
    /// Shared with the worker thread, so a comparison does not copy it.
    map: Arc<Map>,
    /// Counts the references loaded, so a comparison with an earlier one is never reused.
    number: u64,
}

/// What the panel shows: the open map's comparison, or the class table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CompareView {
    #[default]
    ThisMap,
    Class,
}

/// The panel's state: the reference, the cached comparison, the class.
#[derive(Default)]
pub struct ComparePanel {
    reference: Option<Reference>,
    /// The last comparison made, with the reference number and the map's content revision it is
    /// of: shown (marked as being redone) until the one of the map as it is now arrives.
    cache: Option<(worker::Key, Comparison)>,
    /// How many times the comparison was computed (it is the costly part of this panel).
    runs: usize,
    loaded: u64,
    /// Compare on a worker thread (the window) or right away (tests).
    background: bool,
    worker: Option<worker::Worker>,
    /// Whether the panel is shown.
    pub open: bool,
    pub view: CompareView,
    /// The missed reference claim whose whole text is shown.
    shown_claim: Option<NodeId>,
    /// The class folder's maps, compared.
    pub class: ClassTable,
}

impl ComparePanel {
    /// Compares with `map` from now on (read from `path`), and shows the panel.
    pub fn set_reference(&mut self, name: String, path: Option<PathBuf>, map: Map) {
        self.loaded += 1;
        self.reference = Some(Reference {
            name,
            path,
            map: Arc::new(map),
            number: self.loaded,
        });
        self.cache = None;
        self.shown_claim = None;
        self.class.clear();
        self.open = true;
    }

    /// The reference map, if one is loaded.
    pub fn reference(&self) -> Option<&Map> {
        self.reference.as_ref().map(|r| r.map.as_ref())
    }

    /// The reference map's file, if it was read from one.
    pub fn reference_path(&self) -> Option<&Path> {
        self.reference.as_ref().and_then(|r| r.path.as_deref())
    }

    /// Compare on a worker thread (`true`, the window) or on the UI thread (`false`, tests).
    pub fn set_background(&mut self, background: bool) {
        self.background = background;
        if !background {
            self.worker = None;
        }
    }

    /// Drops the comparison of the map shown before (another map was opened): none of it is
    /// shown while the new map is compared.
    pub fn forget(&mut self) {
        self.cache = None;
        // Nor what the worker was comparing: its thread ends after the job in hand.
        self.worker = None;
    }

    /// The key of the comparison `map` at content `revision` needs, if there is a reference.
    fn key(&self, revision: u64) -> Option<worker::Key> {
        self.reference.as_ref().map(|r| (r.number, revision))
    }

    /// Brings the comparison towards `map` at content `revision`: takes what the worker finished
    /// and sends it the map when its content changed; without a worker, compares right away.
    /// Called every frame the panel is shown; cheap when nothing changed.
    pub fn update(&mut self, ctx: &egui::Context, map: &Map, revision: u64) {
        let Some(key) = self.key(revision) else {
            return;
        };
        if let Some(arrived) = self.worker.as_mut().and_then(|w| w.take(key.0)) {
            self.cache = Some(arrived);
            self.runs += 1;
        }
        if self.is_current(revision) || self.worker.as_ref().is_some_and(|w| w.is_awaiting(key)) {
            return;
        }
        let Some(r) = &self.reference else { return };
        if !self.background || !worker::send(&mut self.worker, key, &r.map, map, ctx) {
            // Tests, or no thread could be started: compare here rather than never.
            self.cache = Some((key, compare(&r.map, map)));
            self.runs += 1;
        }
    }

    /// Whether the comparison held is the one of the map at content `revision`.
    pub fn is_current(&self, revision: u64) -> bool {
        self.key(revision)
            .is_some_and(|k| self.cache.as_ref().is_some_and(|(c, _)| *c == k))
    }

    /// The last comparison with the reference loaded now (possibly of an earlier content of the
    /// map, see [`ComparePanel::is_current`]).
    pub fn latest(&self) -> Option<&Comparison> {
        let number = self.reference.as_ref()?.number;
        self.cache
            .as_ref()
            .filter(|((n, _), _)| *n == number)
            .map(|(_, c)| c)
    }

    /// How many times the comparison has been computed.
    #[cfg(test)]
    pub fn runs(&self) -> usize {
        self.runs
    }
}

/// What the compare panel reads of the app.
pub struct CompareCtx<'a> {
    pub map: &'a Map,
    /// The map's content revision (moving cards keeps it): the comparison is cached by it.
    pub revision: u64,
    /// The open map's file, to mark its row in the class table.
    pub path: Option<&'a Path>,
}

/// Selects a student card, brings it into view, and for a quote shows its passage.
fn show_card(id: &NodeId, quote: bool, acts: &mut Vec<Command>) {
    acts.push(Command::Select(Selection::one(id.clone())));
    acts.push(Command::Frame(vec![id.clone()]));
    if quote {
        acts.push(Command::ShowQuote(id.clone()));
    }
}

/// A clickable row of one line (the whole text on hover); `true` when clicked.
fn row(ui: &mut egui::Ui, text: &str, color: Option<Color32>, hover: &str) -> bool {
    let mut rich = RichText::new(text);
    if let Some(c) = color {
        rich = rich.color(c);
    }
    ui.add(
        egui::Label::new(rich)
            .truncate()
            .sense(egui::Sense::click()),
    )
    .on_hover_cursor(egui::CursorIcon::PointingHand)
    .on_hover_text(hover)
    .clicked()
}

/// Rows a list shows at first, and how many more each "Show more" adds: a class map compared
/// with a big reference must not lay out thousands of rows every frame.
const ROWS: usize = 100;

/// The first rows of `items` (more on request, remembered per list `key`), each drawn by `each`.
fn capped_rows<T>(
    ui: &mut egui::Ui,
    key: impl std::hash::Hash + std::fmt::Debug,
    items: &[T],
    mut each: impl FnMut(&mut egui::Ui, &T),
) {
    let id = egui::Id::unique(("compare rows", key));
    let limit = ui.data(|d| d.get_temp::<usize>(id)).unwrap_or(ROWS);
    for item in items.iter().take(limit) {
        each(ui, item);
    }
    let left = items.len().saturating_sub(limit);
    if left > 0
        && ui
            .button(format!("Show {} more (of {left})", left.min(ROWS)))
            .clicked()
    {
        ui.data_mut(|d| d.insert_temp(id, limit + ROWS));
    }
}

/// The colours of "right", "wrong" and "not there".
fn good() -> Color32 {
    Color32::from_rgb(0x2e, 0x9e, 0x44)
}

/// The compare panel.
pub fn compare_panel_ui(
    ui: &mut egui::Ui,
    cx: &CompareCtx<'_>,
    state: &mut ComparePanel,
    acts: &mut Vec<Command>,
) {
    state.class.poll();
    // The panel keeps its height while there is little to show (the first comparison still being
    // made): a panel remembers the height its first frame took.
    ui.set_min_height(ui.available_height());
    header_ui(ui, state, acts);
    ui.separator();
    if state.view == CompareView::Class {
        class::class_ui(ui, cx, state, acts);
        return;
    }
    let shown = state.shown_claim.clone();
    state.update(ui.ctx(), cx.map, cx.revision);
    if state.reference.is_none() {
        ui.label("Choose a reference map to compare this map with.");
        return;
    }
    if !state.is_current(cx.revision) {
        // The last comparison stays readable while the worker catches up with the edits.
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(RichText::new("comparing…").weak());
        });
    }
    let Some(c) = state.latest() else {
        return;
    };
    let mut toggled = None;
    ui.columns(3, |cols| {
        if let [passages, claims, links] = cols {
            column_ui(passages, "passages", |ui| passages_ui(ui, c, acts));
            column_ui(claims, "claims", |ui| {
                toggled = claims_ui(ui, c, shown.as_ref(), acts);
            });
            column_ui(links, "relations", |ui| relations_ui(ui, c, acts));
        }
    });
    if let Some(id) = toggled {
        state.shown_claim = (state.shown_claim.as_ref() != Some(&id)).then_some(id);
    }
}

/// The reference's name, the view tabs and the panel's buttons.
fn header_ui(ui: &mut egui::Ui, state: &mut ComparePanel, acts: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        ui.heading("Compare");
        match &state.reference {
            Some(r) => ui.label(format!("with the reference {}", r.name)),
            None => ui.label(RichText::new("no reference map chosen").weak()),
        };
        ui.separator();
        ui.selectable_value(&mut state.view, CompareView::ThisMap, "This map");
        let class = match state.class.len() {
            0 => "Class".to_owned(),
            n => format!("Class ({n})"),
        };
        ui.selectable_value(&mut state.view, CompareView::Class, class);
        ui.separator();
        if ui
            .button("Reference…")
            .on_hover_text("Choose the teacher's reference map")
            .clicked()
        {
            acts.push(Command::CompareWith);
        }
        if ui
            .button("Class folder…")
            .on_hover_text("Compare every map in a folder of hand-ins with the reference")
            .clicked()
        {
            acts.push(Command::OpenClassFolder);
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button("Close")
                .on_hover_text("Hide the comparison (View → Comparison panel shows it again)")
                .clicked()
            {
                state.open = false;
            }
        });
    });
}

/// One of the three columns: a title and its own scrolling.
fn column_ui(ui: &mut egui::Ui, salt: &str, add: impl FnOnce(&mut egui::Ui)) {
    egui::ScrollArea::vertical()
        .id_salt(("compare column", salt))
        .auto_shrink(false)
        .show(ui, add);
}

/// Passages, article by article: found, missed (open), added.
fn passages_ui(ui: &mut egui::Ui, c: &Comparison, acts: &mut Vec<Command>) {
    ui.label(RichText::new("Passages").strong());
    if c.articles.is_empty() {
        ui.label(RichText::new("The reference map has no articles.").weak());
    }
    for art in &c.articles {
        article_ui(ui, art, acts);
    }
}

fn article_ui(ui: &mut egui::Ui, art: &ArticleComparison, acts: &mut Vec<Command>) {
    let score = art
        .score
        .map_or_else(|| "—".to_owned(), |s| format!("{:.0} %", s * 100.0));
    ui.label(format!("{} — {score} found", art.title));
    let source = art.student_source.as_ref();
    if source.is_none() {
        ui.label(
            RichText::new("This map does not hold this article (or holds an altered copy).")
                .color(ui.visuals().warn_fg_color),
        );
    }
    let hint = "Show the student's quote card and its passage";
    egui::CollapsingHeader::new(format!("Found ({})", art.found.len()))
        .id_salt(("found", art.reference_source.as_str()))
        .show(ui, |ui| {
            capped_rows(ui, ("found", &art.reference_source), &art.found, |ui, m| {
                if row(ui, &quoted(&m.student.text), Some(good()), hint) {
                    show_card(&m.student.quote, true, acts);
                }
            });
        });
    egui::CollapsingHeader::new(format!("Missed ({})", art.missed.len()))
        .id_salt(("missed", art.reference_source.as_str()))
        .default_open(true)
        .show(ui, |ui| {
            let warn = ui.visuals().warn_fg_color;
            capped_rows(
                ui,
                ("missed", &art.reference_source),
                &art.missed,
                |ui, m| {
                    let hover = if source.is_some() {
                        "Show this passage in the article"
                    } else {
                        "This map does not hold the article"
                    };
                    if row(ui, &quoted(&m.text), Some(warn), hover) {
                        acts.push(match source {
                        Some(s) => Command::ShowPassage {
                            source: s.clone(),
                            start: m.start,
                            end: m.end,
                        },
                        None => Command::Notice(format!(
                            "This map does not hold the article “{}”. The missed passage:\n\n{}",
                            art.title, m.text
                        )),
                    });
                    }
                },
            );
        });
    egui::CollapsingHeader::new(format!("Added ({})", art.added.len()))
        .id_salt(("added", art.reference_source.as_str()))
        .default_open(true)
        .show(ui, |ui| {
            capped_rows(ui, ("added", &art.reference_source), &art.added, |ui, p| {
                if row(ui, &quoted(&p.text), None, hint) {
                    show_card(&p.quote, true, acts);
                }
            });
        });
}

/// How a match reads, short.
fn basis_word(b: MatchBasis) -> &'static str {
    match b {
        MatchBasis::Wording => "by wording",
        MatchBasis::Evidence => "by evidence",
        MatchBasis::Both => "both",
    }
}

/// Claims: missed (click: the whole text), added, and matched with how. Returns the missed claim
/// whose text was clicked.
fn claims_ui(
    ui: &mut egui::Ui,
    c: &Comparison,
    shown: Option<&NodeId>,
    acts: &mut Vec<Command>,
) -> Option<NodeId> {
    let cl = &c.claims;
    ui.label(RichText::new("Claims").strong());
    ui.label(format!(
        "{} matched, {} missed, {} added",
        cl.matched.len(),
        cl.missed.len(),
        cl.added.len()
    ));
    let mut toggled = None;
    egui::CollapsingHeader::new(format!("Missed ({})", cl.missed.len()))
        .default_open(true)
        .show(ui, |ui| {
            let warn = ui.visuals().warn_fg_color;
            capped_rows(ui, "claims missed", &cl.missed, |ui, m| {
                if row(
                    ui,
                    &m.text,
                    Some(warn),
                    "The reference's claim: click to read it whole",
                ) {
                    toggled = Some(m.id.clone());
                }
                if shown == Some(&m.id) {
                    ui.add(egui::Label::new(RichText::new(&m.text).italics()).wrap());
                }
            });
        });
    egui::CollapsingHeader::new(format!("Added ({})", cl.added.len()))
        .default_open(true)
        .show(ui, |ui| {
            capped_rows(ui, "claims added", &cl.added, |ui, a| {
                if row(
                    ui,
                    &a.text,
                    None,
                    "A claim of this map the reference does not have: show its card",
                ) {
                    show_card(&a.id, false, acts);
                }
            });
        });
    egui::CollapsingHeader::new(format!("Matched ({})", cl.matched.len()))
        .default_open(true)
        .show(ui, |ui| {
            capped_rows(ui, "claims matched", &cl.matched, |ui, m| {
                ui.horizontal(|ui| {
                    ui.label(RichText::new(basis_word(m.basis)).weak().small())
                        .on_hover_text(m.basis.describe());
                    let hover = format!(
                        "{} ({:.0} % alike in wording, {} piece(s) of evidence shared)\nReference: {}",
                        m.basis.describe(),
                        m.wording * 100.0,
                        m.shared_evidence,
                        m.reference.text
                    );
                    if row(ui, &m.student.text, Some(good()), &hover) {
                        show_card(&m.student.id, false, acts);
                    }
                });
            });
        });
    toggled
}

/// The reference's links between claims: has the student the same, the wrong way round…?
fn relations_ui(ui: &mut egui::Ui, c: &Comparison, acts: &mut Vec<Command>) {
    ui.label(RichText::new("Links between claims").strong());
    let right = c
        .relations
        .iter()
        .filter(|r| r.verdict == RelationVerdict::Same)
        .count();
    ui.label(format!(
        "{right} of {} as in the reference",
        c.relations.len()
    ));
    let contradictions: Vec<_> = c
        .relations
        .iter()
        .filter(|r| r.relation == crate::model::Relation::Contradicts)
        .collect();
    if !contradictions.is_empty() {
        let found = contradictions
            .iter()
            .filter(|r| r.verdict == RelationVerdict::Same)
            .count();
        ui.label(format!(
            "Contradictions found: {found} of {}",
            contradictions.len()
        ));
    }
    // What the student got wrong first, then what is missing, then what is right.
    let mut rows: Vec<_> = c.relations.iter().collect();
    rows.sort_by_key(|r| match r.verdict {
        RelationVerdict::Reversed | RelationVerdict::Different(_) => 0,
        RelationVerdict::Missing => 1,
        RelationVerdict::ClaimsMissed => 2,
        RelationVerdict::Same => 3,
    });
    capped_rows(ui, "relations", &rows, |ui, r| {
        let color = match r.verdict {
            RelationVerdict::Same => good(),
            RelationVerdict::Reversed | RelationVerdict::Different(_) => ui.visuals().warn_fg_color,
            RelationVerdict::Missing | RelationVerdict::ClaimsMissed => {
                ui.visuals().weak_text_color()
            }
        };
        let text = format!(
            "{}: {} {} {}",
            r.verdict.describe(),
            short(&r.from.text),
            r.relation.as_str(),
            short(&r.to.text)
        );
        let ends: Vec<NodeId> = [&r.from.id, &r.to.id]
            .into_iter()
            .filter_map(|id| c.claims.student_of(id).cloned())
            .collect();
        let hover = format!(
            "Reference: “{}” {} “{}”",
            r.from.text,
            r.relation.as_str(),
            r.to.text
        );
        if row(ui, &text, Some(color), &hover) && !ends.is_empty() {
            acts.push(Command::Select(Selection {
                nodes: ends.clone(),
                link: None,
            }));
            acts.push(Command::Frame(ends));
        }
    });
}

/// A claim's text, short enough for a row naming two.
fn short(text: &str) -> String {
    quoted(text)
}

#[cfg(test)]
mod tests;
