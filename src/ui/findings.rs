//! The findings panel: what the analysis sees in the map — contradictions, actors who hold both
//! sides, evidence gaps, quotes that no longer match their article, what stands — and the
//! comparison with a teacher's reference map. Clicking a finding shows its cards.
//!
//! The panel reads a [`FindingsCtx`] (the map and the cached analysis) and pushes [`Command`]s.

use super::app::Selection;
use super::command::Command;
use crate::analysis::{
    Analysis, Comparison, GapKind, Label, QuoteCheck, QuoteStatus, SearchLimit, analyse,
};
use crate::check::{Problem, problems_from};
use crate::edit::ops;
use crate::model::{Map, NodeId};
use egui::{CollapsingHeader, RichText};
use std::sync::mpsc::{self, Receiver, Sender};

/// The analysis of the map as it is now, its problems, and the last comparison made.
///
/// The analysis grows with the map's content (quote search, grounded semantics, coverage), and
/// so do the problems (every article hashed, every quote located), so
/// the window computes them on a worker thread and keeps showing the last result, marked as stale,
/// until the one for the current content arrives. Tests may compute it on the UI thread instead.
#[derive(Default)]
pub struct Findings {
    /// The last analysis received and the content revision it describes.
    cache: Option<(u64, Analysis)>,
    /// The problems of the same content (quotes that moved, altered articles).
    problems: Vec<Problem>,
    /// How many times the analysis has run (it is the costly part of this panel).
    runs: usize,
    /// How many of those results came from the worker thread.
    from_worker: usize,
    /// The worker thread, when the analysis runs in the background.
    worker: Option<Worker>,
    /// Whether to analyse on a worker thread (the window) or right away (tests).
    background: bool,
    /// A reference map and the comparison of this map with it.
    pub reference: Option<(String, Map)>,
}

/// The analysis of a map and its problems, computed together (they share the quote search).
type Checked = (Analysis, Vec<Problem>);

fn check(map: &Map) -> Checked {
    let analysis = analyse(map);
    let problems = problems_from(map, &analysis.quotes);
    (analysis, problems)
}

/// A thread that analyses maps sent to it, newest first.
struct Worker {
    jobs: Sender<(u64, Map, egui::Context)>,
    results: Receiver<(u64, Checked)>,
    /// The revision last sent, whose result is awaited.
    awaited: Option<u64>,
}

impl Worker {
    fn spawn() -> Option<Self> {
        let (jobs, job_rx) = mpsc::channel::<(u64, Map, egui::Context)>();
        let (result_tx, results) = mpsc::channel();
        std::thread::Builder::new()
            .name("findings".into())
            .spawn(move || {
                while let Ok(mut job) = job_rx.recv() {
                    // Only the newest map matters: older ones queued meanwhile are skipped.
                    while let Ok(newer) = job_rx.try_recv() {
                        job = newer;
                    }
                    let (revision, map, ctx) = job;
                    if result_tx.send((revision, check(&map))).is_err() {
                        break;
                    }
                    ctx.request_repaint();
                }
            })
            .ok()?;
        Some(Self {
            jobs,
            results,
            awaited: None,
        })
    }
}

impl Findings {
    /// Analyse on a worker thread (`true`, the window) or on the UI thread when asked (`false`).
    pub fn set_background(&mut self, background: bool) {
        self.background = background;
        if !background {
            self.worker = None;
        }
    }

    /// Brings the analysis towards `map` at content `revision`: takes any result the worker
    /// finished and sends it the map if its content changed. Without a worker it computes the
    /// analysis right away. Called every frame; cheap when nothing changed.
    pub fn update(&mut self, ctx: &egui::Context, map: &Map, revision: u64) {
        if self.current(revision) {
            return;
        }
        if !self.background {
            self.store(revision, check(map));
            self.runs += 1;
            return;
        }
        if let Some(w) = &self.worker {
            let mut arrived = None;
            while let Ok((r, checked)) = w.results.try_recv() {
                self.runs += 1;
                self.from_worker += 1;
                // A result for a content that has changed since is dropped.
                if Some(r) == w.awaited {
                    arrived = Some((r, checked));
                }
            }
            if let Some((r, checked)) = arrived {
                self.store(r, checked);
            }
        }
        if self.current(revision) {
            return;
        }
        if self
            .worker
            .as_ref()
            .is_some_and(|w| w.awaited == Some(revision))
        {
            return;
        }
        let mut job = (revision, map.clone(), ctx.clone());
        for _ in 0..2 {
            if self.worker.is_none() {
                self.worker = Worker::spawn();
            }
            let Some(w) = &mut self.worker else { break };
            match w.jobs.send(job) {
                Ok(()) => {
                    w.awaited = Some(revision);
                    return;
                }
                // The thread ended (it cannot panic on a map by design, but a new one is cheap).
                Err(mpsc::SendError(back)) => {
                    job = back;
                    self.worker = None;
                }
            }
        }
        // No thread could be started: analyse here rather than never.
        self.store(revision, check(map));
        self.runs += 1;
    }

    fn store(&mut self, revision: u64, (analysis, problems): Checked) {
        self.cache = Some((revision, analysis));
        self.problems = problems;
    }

    /// Drops what was found in the previous map (another map was opened): nothing of it is
    /// shown on the new one while the new one is checked.
    pub fn forget(&mut self) {
        self.cache = None;
        self.problems.clear();
    }

    /// The problems found with the analysis shown by [`Findings::latest`] (possibly of an
    /// earlier content of the map, see [`Findings::is_stale`]); empty before the first result.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    fn current(&self, revision: u64) -> bool {
        self.cache.as_ref().is_some_and(|(r, _)| *r == revision)
    }

    /// The analysis as last computed (possibly of an earlier content of the map, see
    /// [`Findings::is_stale`]); empty before the first result arrives.
    pub fn latest(&self) -> &Analysis {
        self.cache.as_ref().map_or(&EMPTY, |(_, a)| a)
    }

    /// The analysis of `map` at history content `revision`; computed on the UI thread when no
    /// worker is used, else the latest result (recomputed only when what the map says changed:
    /// moving cards keeps the revision, see [`History::content_revision`]).
    ///
    /// [`History::content_revision`]: crate::edit::History::content_revision
    pub fn of(&mut self, map: &Map, revision: u64) -> &Analysis {
        if !self.background && !self.current(revision) {
            self.store(revision, check(map));
            self.runs += 1;
        }
        self.latest()
    }

    /// Whether the analysis shown is not (yet) the one of the map at content `revision`.
    pub fn is_stale(&self, revision: u64) -> bool {
        !self.current(revision)
    }

    /// Whether any analysis has arrived yet.
    pub fn is_ready(&self) -> bool {
        self.cache.is_some()
    }

    /// How many times the analysis has been computed since the app started.
    pub fn runs(&self) -> usize {
        self.runs
    }

    /// How many of the analyses were computed on the worker thread.
    pub fn runs_on_worker(&self) -> usize {
        self.from_worker
    }
}

/// What is shown before the first analysis arrives.
static EMPTY: Analysis = Analysis {
    contradictions: Vec::new(),
    inconsistent_actors: Vec::new(),
    gaps: Vec::new(),
    quotes: Vec::new(),
    standing: Vec::new(),
    coverage: Vec::new(),
};

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

fn finding(ui: &mut egui::Ui, text: &str, ids: &[NodeId], acts: &mut Vec<Command>) {
    if ui.link(text).on_hover_text("Show these cards").clicked() {
        show(ids.to_vec(), acts);
    }
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
        let n: usize = a.contradictions.iter().map(|g| g.contradictions.len()).sum();
        CollapsingHeader::new(format!("Contradictions ({n})")).default_open(true).show(ui, |ui| {
            if n == 0 {
                ui.label(RichText::new("No claims are marked as contradicting each other.").weak());
            }
            for group in &a.contradictions {
                ui.label(RichText::new(&group.name).strong());
                for c in &group.contradictions {
                    finding(ui, &c.message, &c.claims, acts);
                }
            }
        });
        CollapsingHeader::new(format!("Inconsistent actors ({})", a.inconsistent_actors.len())).default_open(true).show(ui, |ui| {
            if a.inconsistent_actors.is_empty() {
                ui.label(RichText::new("Nobody holds both sides of a contradiction or an objection.").weak());
            }
            for f in &a.inconsistent_actors {
                let text = RichText::new(&f.message).color(ui.visuals().warn_fg_color);
                if ui.link(text).on_hover_text("Show both claims").clicked() {
                    show(f.claims.to_vec(), acts);
                }
            }
        });
        CollapsingHeader::new(format!("Evidence gaps ({})", a.gaps.len())).show(ui, |ui| {
            for kind in [GapKind::UnsupportedClaim, GapKind::UnlinkedQuote, GapKind::ClaimWithoutActor, GapKind::UnopposedThesis] {
                for g in a.gaps.iter().filter(|g| g.kind == kind) {
                    finding(ui, &g.message, std::slice::from_ref(&g.node), acts);
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
                    finding(ui, text, std::slice::from_ref(&s.claim), acts);
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
        compare_ui(ui, cx.findings.reference.as_ref(), map, acts);
    });
}

/// Why a quote was not searched for approximately, for the panel.
fn unsearched_reason(limit: SearchLimit) -> &'static str {
    match limit {
        SearchLimit::QuoteTooLong => "too long to search for approximately",
        SearchLimit::TooMuchWork => "the map is too large to search for every changed quote",
    }
}

fn quotes_ui(ui: &mut egui::Ui, map: &Map, a: &Analysis, acts: &mut Vec<Command>) {
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
    match &q.status {
        QuoteStatus::Moved { start, end } => {
            finding(
                ui,
                &format!("moved: {short} is now at {start}–{end}"),
                std::slice::from_ref(&q.quote),
                acts,
            );
        }
        QuoteStatus::Changed {
            found, similarity, ..
        } => {
            finding(
                ui,
                &format!("changed ({:.0} % alike): {short}", similarity * 100.0),
                std::slice::from_ref(&q.quote),
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
                std::slice::from_ref(&q.quote),
                acts,
            );
        }
        QuoteStatus::Unsearched { limit } => {
            finding(
                ui,
                &format!("not found exactly: {short}; {}", unsearched_reason(*limit)),
                std::slice::from_ref(&q.quote),
                acts,
            );
        }
        QuoteStatus::Orphaned => {
            let text = RichText::new(format!("orphaned: {short} is no longer in its article"))
                .color(ui.visuals().error_fg_color);
            if ui.link(text).clicked() {
                show(vec![q.quote.clone()], acts);
            }
        }
        QuoteStatus::Ok => {}
    }
}

fn compare_ui(
    ui: &mut egui::Ui,
    reference: Option<&(String, Map)>,
    map: &Map,
    acts: &mut Vec<Command>,
) {
    CollapsingHeader::new("Compare with a reference map").show(ui, |ui| {
        if ui.button("Choose a reference map…").on_hover_text("A teacher's map of the same article(s)").clicked() {
            acts.push(Command::CompareWith);
        }
        let Some((name, reference)) = reference else {
            ui.label(RichText::new("Passages are matched by overlapping spans of the same article; claims through their quotes.").weak());
            return;
        };
        let c: Comparison = crate::analysis::compare(reference, map);
        ui.label(format!("Against {name}"));
        for art in &c.articles {
            let score = art.score.map_or_else(|| "—".to_owned(), |s| format!("{:.0} %", s * 100.0));
            ui.label(RichText::new(format!("{}: {score} of the reference passages found", art.title)).strong());
            ui.label(format!("found {}, missed {}, added {}", art.found.len(), art.missed.len(), art.added.len()));
            for m in &art.missed {
                ui.label(RichText::new(format!("missed: {}", crate::analysis::quoted(&m.text))).weak());
            }
        }
        ui.label(format!(
            "Claims: {} matched, {} missed, {} added",
            c.claims.matched.len(),
            c.claims.missed.len(),
            c.claims.added.len()
        ));
    });
}

#[cfg(test)]
mod tests {
    use super::{Findings, FindingsCtx, findings_ui};
    use crate::ui::app::Selection;
    use crate::ui::command::Command;
    use crate::ui::panel_bench::{Bench, id, small_map};
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable as _;

    /// The findings panel alone, on `map`; the analysis cached is of revision 0 and the map is
    /// at `revision`.
    fn harness(map: crate::model::Map, revision: u64) -> Harness<'static, Bench<Findings>> {
        let mut findings = Findings::default();
        findings.of(&map, 0);
        Harness::builder()
            .with_size(egui::vec2(320.0, 900.0))
            .build_ui_state(
                move |ui, b: &mut Bench<Findings>| {
                    let mut out = Vec::new();
                    let cx = FindingsCtx {
                        map: &b.map,
                        revision,
                        findings: &b.state,
                    };
                    findings_ui(ui, &cx, &mut out);
                    b.run(out);
                },
                Bench::new(map, findings),
            )
    }

    #[test]
    fn clicking_a_contradiction_selects_and_frames_both_claims() {
        let map = small_map();
        let message = crate::analysis::contradictions(&map)[0].contradictions[0]
            .message
            .clone();
        let mut h = harness(map, 0);
        h.run();
        assert!(h.query_by_label("analysing…").is_none());
        h.get_by_label(&message).click();
        h.run();
        let both = vec![id("c1"), id("c2")];
        assert_eq!(
            h.state().sent,
            [
                Command::Select(Selection {
                    nodes: both.clone(),
                    link: None
                }),
                Command::Frame(both)
            ]
        );
    }

    #[test]
    fn a_stale_analysis_stays_readable_while_the_new_one_is_computed() {
        let map = small_map();
        let message = crate::analysis::contradictions(&map)[0].contradictions[0]
            .message
            .clone();
        let mut h = harness(map, 1);
        h.run_steps(2);
        assert!(h.query_by_label("analysing…").is_some());
        assert!(h.query_by_label(&message).is_some());
    }

    #[test]
    fn moved_quotes_get_their_offsets_updated_in_one_edit() {
        let mut map = small_map();
        // The article gained a first line: the quote's passage is further on now.
        let text = format!("Opinion.\n{}", map.sources[0].text);
        map.sources[0].text = text;
        let start = map.quotes[0].anchor.start;
        let mut h = harness(map, 0);
        h.run();
        h.get_by_label("Update the offsets of 1 moved quotes")
            .click();
        h.run();
        assert_eq!(h.state().submitted(), ["Update quote offsets"]);
        assert_eq!(h.state().map.quotes[0].anchor.start, start + 9);
    }
}
