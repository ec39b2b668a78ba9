//! Presentation mode: full screen, large type, the map's story step by step, each quote in its
//! article's context. Leaving it returns the editor exactly as it was.

use super::app::{Selection, WarrantApp};
use super::canvas::layout::Layout;
use super::canvas::paint::{paint_card, paint_route};
use super::theme::{CARD_FONT, MIN_TEXT_PX, Palette};
use crate::model::{Map, NodeId, Quote, Step};
use crate::story;
use egui::{Align2, Color32, FontId, Key, Pos2, Rect, RichText, Sense, Stroke, pos2};
use std::collections::HashSet;

/// The state of a presentation; the editor's state is kept aside to be restored.
pub struct Presentation {
    /// The step shown (index into `steps`).
    pub step: usize,
    pub steps: Vec<Step>,
    /// Type and zoom, adjusted live with + and −.
    pub scale: f32,
    /// The high-contrast light theme for projectors (else dark).
    pub projector: bool,
    pub show_notes: bool,
    /// The presenter view (notes, next step, time) is open in a second window.
    pub presenter_window: bool,
    /// When the presentation started (egui time, seconds), for the presenter's clock.
    pub started: Option<f64>,
    /// A card clicked during the presentation: its quote shown in context.
    pub context: Option<NodeId>,
    saved: Saved,
}

struct Saved {
    center: Pos2,
    zoom: f32,
    selection: Selection,
}

impl Presentation {
    /// Starts presenting `map`, remembering where the editor was.
    pub fn start(app: &WarrantApp) -> Self {
        Self {
            step: 0,
            steps: story::steps(app.map()),
            scale: 1.0,
            projector: true,
            show_notes: false,
            presenter_window: false,
            started: None,
            context: None,
            saved: Saved {
                center: app.canvas.center,
                zoom: app.canvas.zoom,
                selection: app.selection.clone(),
            },
        }
    }

    /// Right, Space or Page Down next; Left or Page Up back; Home, End. (The presenter view
    /// steps with these keys too.)
    pub(super) fn step_keys(&mut self, input: &mut egui::InputState) {
        let last = self.steps.len().saturating_sub(1);
        let mut pressed = |k: Key| input.consume_key(egui::Modifiers::NONE, k);
        if pressed(Key::ArrowRight) || pressed(Key::Space) || pressed(Key::PageDown) {
            self.go(self.step + 1);
        }
        if pressed(Key::ArrowLeft) || pressed(Key::PageUp) {
            self.go(self.step.saturating_sub(1));
        }
        if pressed(Key::Home) {
            self.go(0);
        }
        if pressed(Key::End) {
            self.go(last);
        }
    }

    pub(super) fn go(&mut self, step: usize) {
        self.step = step.min(self.steps.len().saturating_sub(1));
        self.context = None;
    }
}

/// Leaves the presentation: the editor's camera and selection as they were.
pub fn stop(app: &mut WarrantApp, ctx: &egui::Context) {
    if let Some(p) = app.presenting.take() {
        app.canvas.center = p.saved.center;
        app.canvas.zoom = p.saved.zoom;
        app.selection = p.saved.selection;
        // To the main window, even when Esc was pressed in the presenter view.
        ctx.send_viewport_cmd_to(
            egui::ViewportId::ROOT,
            egui::ViewportCommand::Fullscreen(false),
        );
    }
}

/// Keys: Right, Space or Page Down next; Left or Page Up back; Home, End; 1–9 jump; + and −
/// size; T theme; N notes; P the presenter view in a second window.
/// Esc closes a quote shown in context, then leaves.
fn keys(app: &mut WarrantApp, ctx: &egui::Context) {
    let Some(p) = app.presenting.as_mut() else {
        return;
    };
    let mut leave = false;
    ctx.input_mut(|i| {
        p.step_keys(i);
        let mut pressed = |k: Key| i.consume_key(egui::Modifiers::NONE, k);
        for (n, k) in [
            Key::Num1,
            Key::Num2,
            Key::Num3,
            Key::Num4,
            Key::Num5,
            Key::Num6,
            Key::Num7,
            Key::Num8,
            Key::Num9,
        ]
        .into_iter()
        .enumerate()
        {
            if pressed(k) {
                p.go(n);
            }
        }
        if pressed(Key::Plus) || pressed(Key::Equals) {
            p.scale = (p.scale * 1.15).min(3.0);
        }
        if pressed(Key::Minus) {
            p.scale = (p.scale / 1.15).max(0.4);
        }
        if pressed(Key::T) {
            p.projector = !p.projector;
        }
        if pressed(Key::N) {
            p.show_notes = !p.show_notes;
        }
        if pressed(Key::P) {
            p.presenter_window = !p.presenter_window;
        }
        if pressed(Key::Escape) {
            if p.context.is_some() {
                p.context = None;
            } else {
                leave = true;
            }
        }
    });
    if leave {
        stop(app, ctx);
    }
}

/// The paragraph of `text` around chars `start..end`, on one line, and where the quote is in it.
fn paragraph_around(text: &str, start: usize, end: usize) -> (String, usize, usize) {
    let chars: Vec<char> = text.chars().collect();
    let std::ops::Range { start, end } = crate::anchor::clamp_range(start, end, chars.len());
    let is_break = |i: usize| i + 1 < chars.len() && chars[i] == '\n' && chars[i + 1] == '\n';
    let mut a = start;
    while a > 0 && !is_break(a - 1) {
        a -= 1;
    }
    let mut b = end;
    while b < chars.len() && !is_break(b) {
        b += 1;
    }
    // Join the paragraph's lines; keep the quote's position in the joined text.
    let flat = |s: &[char]| {
        s.iter()
            .map(|&c| if c == '\n' || c == '\r' { ' ' } else { c })
            .collect::<String>()
    };
    let before = flat(&chars[a..start]);
    let quote = flat(&chars[start..end]);
    let after = flat(&chars[end..b]);
    let (qs, qe) = (
        before.chars().count(),
        before.chars().count() + quote.chars().count(),
    );
    (
        format!("{before}{quote}{after}").trim_end().to_owned(),
        qs,
        qe,
    )
}

/// The quote large, with its source and the paragraph it comes from, quoted words highlighted.
fn quote_in_context_ui(ui: &mut egui::Ui, map: &Map, q: &Quote, palette: &Palette, scale: f32) {
    let size = 22.0 * scale;
    let flat = q
        .anchor
        .exact
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    ui.label(
        RichText::new(format!("“{flat}”"))
            .size(size * 1.15)
            .italics()
            .color(palette.text),
    );
    if let Some(s) = map.source(&q.source) {
        let cite: Vec<&str> = [s.author.as_str(), s.outlet.as_str(), s.date.as_str()]
            .into_iter()
            .filter(|x| !x.is_empty())
            .collect();
        ui.add_space(8.0);
        ui.label(
            RichText::new(format!("— {}", s.title))
                .size(size * 0.75)
                .color(palette.weak_text),
        );
        if !cite.is_empty() {
            ui.label(
                RichText::new(cite.join(" · "))
                    .size(size * 0.7)
                    .color(palette.weak_text),
            );
        }
        ui.add_space(16.0);
        ui.label(
            RichText::new("In context")
                .size(size * 0.7)
                .strong()
                .color(palette.weak_text),
        );
        let (para, qs, qe) = paragraph_around(&s.text, q.anchor.start, q.anchor.end);
        let mut job = egui::text::LayoutJob::default();
        let font = FontId::proportional(size * 0.8);
        for (i, part) in [
            para.chars().take(qs).collect::<String>(),
            para.chars().skip(qs).take(qe - qs).collect(),
            para.chars().skip(qe).collect(),
        ]
        .iter()
        .enumerate()
        {
            job.append(
                part,
                0.0,
                egui::TextFormat {
                    font_id: font.clone(),
                    color: palette.text,
                    background: if i == 1 {
                        palette.highlight
                    } else {
                        Color32::TRANSPARENT
                    },
                    line_height: Some(font.size * 1.4),
                    ..Default::default()
                },
            );
        }
        job.wrap.max_width = ui.available_width();
        ui.label(job);
    }
}

/// The presentation, for one frame.
pub fn present_ui(app: &mut WarrantApp, ui: &mut egui::Ui) {
    let ctx = ui.ctx().clone();
    keys(app, &ctx);
    let Some(p) = app.presenting.as_ref() else {
        return;
    };
    let palette = if p.projector {
        Palette::projector()
    } else {
        Palette::new(true)
    };
    let (step, scale, show_notes) = (p.step, p.scale, p.show_notes);
    let steps = p.steps.clone();
    let context = p.context.clone();
    let screen = ui.max_rect();
    let painter = ui.painter_at(screen);
    painter.rect_filled(screen, 0.0, palette.canvas);

    let map: &Map = app.history.map();
    let shown = story::revealed(&steps, step);
    let focus: HashSet<NodeId> = story::focus(&steps, step).into_iter().collect();
    // A focused quote (or a clicked card's first quote) is shown in its article's context.
    let context_quote = context
        .as_ref()
        .and_then(|id| {
            map.quote(id).or_else(|| {
                map.links
                    .iter()
                    .filter(|l| &l.to == id)
                    .find_map(|l| map.quote(&l.from))
            })
        })
        .or_else(|| map.quotes.iter().find(|q| focus.contains(&q.id)));
    let header = 70.0 * scale.max(0.8);
    let footer = if show_notes { 140.0 } else { 40.0 };
    let mut view = Rect::from_min_max(
        pos2(screen.left(), screen.top() + header),
        pos2(screen.right(), screen.bottom() - footer),
    );
    let side = context_quote.map(|_| {
        Rect::from_min_max(
            pos2(screen.left() + screen.width() * 0.58, view.top()),
            view.max,
        )
    });
    if let Some(side) = side {
        view.max.x = side.left() - 10.0;
    }

    // Frame the focused cards (or all shown ones), gliding there.
    let generation = app.history.generation();
    let layout: &Layout = app.canvas.layout(map, generation);
    let framed: Vec<Rect> = layout
        .ids
        .iter()
        .zip(&layout.map_rects)
        .filter(|(id, _)| {
            if focus.is_empty() {
                shown.contains(*id)
            } else {
                focus.contains(*id)
            }
        })
        .map(|(_, r)| *r)
        .collect();
    let rects = layout.map_rects.clone();
    let ids = layout.ids.clone();
    let links = layout.links.clone();
    let routes = layout.map_routes.clone();
    let lines = layout.lines.clone();
    if let Some(bounds) = framed.into_iter().reduce(Rect::union) {
        let bounds = bounds.expand(60.0);
        let goal_zoom = ((view.width() / bounds.width()).min(view.height() / bounds.height())
            * scale)
            .clamp(0.1, 2.5 * scale);
        let goal_center = bounds.center();
        let canvas = &mut app.canvas;
        let dt = ctx.input(|i| i.stable_dt).min(0.1);
        let t = (dt * 6.0).min(1.0);
        let zoom = (canvas.zoom.ln() + (goal_zoom.ln() - canvas.zoom.ln()) * t).exp();
        let center = canvas.center + (goal_center - canvas.center) * t;
        if (zoom - goal_zoom).abs() > 1e-3 || center.distance(goal_center) > 0.5 {
            ctx.request_repaint();
        }
        canvas.zoom = zoom;
        canvas.center = center;
    }
    let (zoom, center) = (app.canvas.zoom, app.canvas.center);
    let to_screen = |r: Rect| {
        Rect::from_min_max(
            view.center() + (r.min - center) * zoom,
            view.center() + (r.max - center) * zoom,
        )
    };
    let map_painter = ui.painter_at(view);

    // Links between shown cards; cards: focused bright, earlier ones dimmed.
    let width = (2.5 * zoom).clamp(1.5, 6.0);
    for &(a, b, relation, li) in &links {
        if !(shown.contains(&ids[a]) && shown.contains(&ids[b])) {
            continue;
        }
        let Some(route) = routes.get(li).and_then(Option::as_ref) else {
            continue;
        };
        let pts: Vec<Pos2> = route
            .iter()
            .map(|p| view.center() + (*p - center) * zoom)
            .collect();
        let lit = focus.contains(&ids[a]) || focus.contains(&ids[b]);
        let color = Palette::relation(relation).gamma_multiply(if lit { 1.0 } else { 0.35 });
        paint_route(&map_painter, &pts, relation, color, width);
    }
    let mut clicked = None;
    for (i, id) in ids.iter().enumerate() {
        if !shown.contains(id) {
            continue;
        }
        let Some(node) = Layout::node(map, i) else {
            continue;
        };
        let r = to_screen(rects[i]);
        if !view.intersects(r) {
            continue;
        }
        let lit = focus.contains(id);
        paint_card(
            &map_painter,
            node,
            map,
            r,
            &lines[i],
            false,
            CARD_FONT * zoom >= MIN_TEXT_PX,
            zoom,
            &palette,
        );
        if lit {
            map_painter.rect_stroke(
                r.expand(3.0),
                6.0,
                Stroke::new(3.0, palette.selection),
                egui::StrokeKind::Outside,
            );
        } else {
            map_painter.rect_filled(r, 0.0, palette.canvas.gamma_multiply(0.6));
        }
        let resp = ui.interact(
            r.intersect(view),
            egui::Id::unique(("present card", id.as_str())),
            Sense::click(),
        );
        if resp.clicked() {
            clicked = Some(id.clone());
        }
    }

    // Title, counter, notes, quote in context.
    let title = steps
        .get(step)
        .map_or("(this map has nothing to present yet)", |s| {
            s.title.as_str()
        });
    // A label, not painted text: screen readers announce the step.
    let title_rect = Rect::from_min_max(
        pos2(screen.left() + 30.0, screen.top()),
        pos2(screen.right() - 30.0, screen.top() + header),
    );
    ui.put(
        title_rect,
        egui::Label::new(RichText::new(title).size(30.0 * scale).color(palette.text)).truncate(),
    );
    painter.text(
        pos2(screen.right() - 20.0, screen.bottom() - 20.0),
        Align2::RIGHT_BOTTOM,
        format!(
            "{} / {}   Left/Right: step · +/-: size · T: theme · N: notes · P: presenter view · Esc: leave",
            step + 1,
            steps.len().max(1)
        ),
        FontId::proportional(14.0),
        palette.weak_text,
    );
    if show_notes {
        let note = steps.get(step).map_or("", |s| s.note.as_str());
        let rect = Rect::from_min_max(
            pos2(screen.left() + 30.0, screen.bottom() - footer + 10.0),
            pos2(screen.right() - 30.0, screen.bottom() - 40.0),
        );
        let text = if note.is_empty() {
            "(no note for this step)"
        } else {
            note
        };
        ui.put(
            rect,
            egui::Label::new(
                RichText::new(format!("Note: {text}"))
                    .size(18.0 * scale)
                    .color(palette.weak_text),
            )
            .wrap(),
        );
    }
    if let (Some(side), Some(q)) = (side, context_quote) {
        let q = q.clone();
        let map = app.history.map();
        ui.painter().rect_filled(side, 8.0, palette.claim_fill);
        ui.scope_builder(egui::UiBuilder::new().max_rect(side.shrink(24.0)), |ui| {
            egui::ScrollArea::vertical()
                .show(ui, |ui| quote_in_context_ui(ui, map, &q, &palette, scale));
        });
    }
    if let (Some(id), Some(p)) = (clicked, app.presenting.as_mut()) {
        p.context = Some(id);
    }
}
