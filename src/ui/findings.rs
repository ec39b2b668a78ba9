//! The findings panel: what the analysis sees in the map — contradictions, actors who hold both
//! sides, evidence gaps, quotes that no longer match their article, what stands — and the
//! comparison with a teacher's reference map. Clicking a finding shows its cards.
//!
//! The panel reads a [`FindingsCtx`] (the map and the cached analysis) and pushes [`Command`]s.

use super::app::Selection;
use super::command::Command;
use crate::analysis::{Analysis, GapKind, Label, QuoteCheck, QuoteStatus, SearchLimit, analyse};
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

/// One finding as a link that shows its cards; `name` is what a screen reader reads of it.
fn finding(ui: &mut egui::Ui, text: &str, name: &str, ids: &[NodeId], acts: &mut Vec<Command>) {
    let r = ui.link(text).on_hover_text("Show these cards");
    named(&r, name);
    if r.clicked() {
        show(ids.to_vec(), acts);
    }
}

/// Names a finding's row for a screen reader (a link: it shows the finding's cards).
fn named(r: &egui::Response, name: &str) {
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Link, true, name));
}

/// A claim's text as findings quote it, or "" for a card that is gone.
fn claim_quoted(map: &Map, id: &NodeId) -> String {
    map.claim(id)
        .map_or_else(String::new, |c| crate::analysis::quoted(&c.text))
}

/// The names of the actors holding claim `id`.
fn holders<'a>(map: &'a Map, id: &NodeId) -> Vec<&'a str> {
    map.claim(id).map_or_else(Vec::new, |c| {
        c.actors
            .iter()
            .filter_map(|a| map.actor(a).map(|a| a.name.as_str()))
            .collect()
    })
}

/// "contradiction: “A” vs “B”, both held by Russian officials" (or who holds each).
fn contradiction_name(map: &Map, claims: &[NodeId; 2]) -> String {
    let [a, b] = claims;
    let (of_a, of_b) = (holders(map, a), holders(map, b));
    let both: Vec<&str> = of_a.iter().copied().filter(|x| of_b.contains(x)).collect();
    let held = if both.is_empty() {
        let mut parts = Vec::new();
        for (which, who) in [("the first", &of_a), ("the second", &of_b)] {
            if !who.is_empty() {
                parts.push(format!(", {which} held by {}", who.join(" and ")));
            }
        }
        parts.concat()
    } else {
        format!(", both held by {}", both.join(" and "))
    };
    format!(
        "contradiction: {} vs {}{held}",
        claim_quoted(map, a),
        claim_quoted(map, b)
    )
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
        super::feedback_panel::feedback_ui(ui, map, a, acts);
        let n: usize = a.contradictions.iter().map(|g| g.contradictions.len()).sum();
        CollapsingHeader::new(format!("Contradictions ({n})")).default_open(true).show(ui, |ui| {
            if n == 0 {
                ui.label(RichText::new("No claims are marked as contradicting each other.").weak());
            }
            for group in &a.contradictions {
                ui.label(RichText::new(&group.name).strong());
                for c in &group.contradictions {
                    finding(ui, &c.message, &contradiction_name(map, &c.claims), &c.claims, acts);
                }
            }
        });
        CollapsingHeader::new(format!("Inconsistent actors ({})", a.inconsistent_actors.len())).default_open(true).show(ui, |ui| {
            if a.inconsistent_actors.is_empty() {
                ui.label(RichText::new("Nobody holds both sides of a contradiction or an objection.").weak());
            }
            for f in &a.inconsistent_actors {
                let text = RichText::new(&f.message).color(ui.visuals().warn_fg_color);
                let r = ui.link(text).on_hover_text("Show both claims");
                named(&r, &format!("inconsistent actor: {}", f.message));
                if r.clicked() {
                    show(f.claims.to_vec(), acts);
                }
            }
        });
        CollapsingHeader::new(format!("Evidence gaps ({})", a.gaps.len())).show(ui, |ui| {
            for kind in [GapKind::UnsupportedClaim, GapKind::UnlinkedQuote, GapKind::ClaimWithoutActor, GapKind::UnopposedThesis] {
                for g in a.gaps.iter().filter(|g| g.kind == kind) {
                    finding(ui, &g.message, &format!("evidence gap: {}", g.message), std::slice::from_ref(&g.node), acts);
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
                    finding(ui, text, &format!("{word}: {} {}", claim_quoted(map, &s.claim), s.reason), std::slice::from_ref(&s.claim), acts);
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
        compare_ui(ui, acts);
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

/// The comparison with a reference map has its own panel below the map: this opens it.
fn compare_ui(ui: &mut egui::Ui, acts: &mut Vec<Command>) {
    CollapsingHeader::new("Compare with a reference map").show(ui, |ui| {
        ui.label(RichText::new("A teacher's map of the same article(s): the comparison opens below the map, passages, claims and links side by side; a class folder compares every hand-in at once.").weak());
        if ui.button("Choose a reference map…").on_hover_text("A teacher's map of the same article(s)").clicked() {
            acts.push(Command::CompareWith);
        }
        if ui.button("Open class folder…").clicked() {
            acts.push(Command::OpenClassFolder);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::{Findings, FindingsCtx, findings_ui};
    use crate::ui::app::Selection;
    use crate::ui::command::Command;
    use crate::ui::panel_bench::{Bench, id, small_map};
    use egui_kittest::Harness;
    use egui_kittest::kittest::{NodeT as _, Queryable as _};

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

    /// The name a screen reader reads for the small map's contradiction.
    const CONTRADICTION: &str =
        "contradiction: “NATO is obsolete” vs “NATO is a threat”, both held by Moscow";

    #[test]
    fn clicking_a_contradiction_selects_and_frames_both_claims() {
        let map = small_map();
        let mut h = harness(map, 0);
        h.run();
        assert!(h.query_by_label("analysing…").is_none());
        h.get_by_role_and_label(egui::Role::Link, CONTRADICTION)
            .click();
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
        let mut h = harness(small_map(), 1);
        h.run_steps(2);
        assert!(h.query_by_label("analysing…").is_some());
        assert!(h.query_by_label(CONTRADICTION).is_some());
    }

    #[test]
    fn every_finding_row_is_a_link_a_screen_reader_can_read() {
        let mut map = small_map();
        // Two holders apart: each claim's is named.
        map.actors.push(crate::model::Actor {
            id: crate::model::ActorId("a2".into()),
            name: "Russian officials".into(),
            color: crate::model::Color::palette(1),
        });
        map.claims[1].actors = vec![crate::model::ActorId("a2".into())];
        let mut h = harness(map, 0);
        h.run();
        // Evidence gaps and what stands are folded: open them.
        h.get_by_label_contains("Evidence gaps").click();
        h.run();
        h.get_by_label("What stands").click();
        h.run();
        for name in [
            "contradiction: “NATO is obsolete” vs “NATO is a threat”, the first held by Moscow, \
             the second held by Russian officials",
            "evidence gap: claim “NATO is a threat” has no supporting quote",
            "open: “NATO is obsolete” and “NATO is a threat” cannot both be true, and nothing in \
             the map settles which: which would you keep, and why?",
        ] {
            let links: Vec<String> = h
                .get_all_by_role(egui::Role::Link)
                .filter_map(|n| n.accesskit_node().label())
                .collect();
            assert!(
                h.query_by_role_and_label(egui::Role::Link, name).is_some(),
                "no link named {name}: {links:#?}"
            );
        }
    }

    #[test]
    fn an_actor_holding_both_sides_is_named_as_such() {
        let mut h = harness(small_map(), 0);
        h.run();
        assert!(
            h.query_by_role_and_label(
                egui::Role::Link,
                "inconsistent actor: Moscow holds both “NATO is obsolete” and “NATO is a threat”"
            )
            .is_some()
        );
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
