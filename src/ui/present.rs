//! Presentation mode: full screen, large type, the map's story step by step, each quote in its
//! article's context. Leaving it returns the editor exactly as it was.
//!
//! What a step shows (which cards, arranged where, the camera) is [`crate::frame::frame`], the
//! same pure function `warrant export --step N --size WxH` draws, so the projector and the
//! exported slide agree. The panel reads a narrow [`PresentCtx`] and sends [`Command`]s; it owns
//! only its own state (the step, the camera as it glides, the cached frame).

use super::canvas::paint::{card_label, paint_card, paint_route};
use super::command::Command;
use super::theme::{CARD_FONT, MIN_TEXT_PX, Palette};
use crate::frame::{
    Arrangement, Frame, FrameSettings, Look, MAX_TEXT_SCALE, MIN_TEXT_SCALE, frame,
};
use crate::layout::card::card_lines;
use crate::model::{Map, NodeId, Quote, Step};
use crate::story;
use egui::{Align2, Color32, FontId, Key, Pos2, Rect, RichText, Sense, Stroke, pos2, vec2};
use serde::{Deserialize, Serialize};

/// What a presentation remembers between runs (kept in the app's settings).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PresentPrefs {
    /// The dark projector theme (else the light one).
    pub dark: bool,
    /// The presenter's `+` and `−`.
    pub text_scale: f32,
}

impl Default for PresentPrefs {
    fn default() -> Self {
        Self {
            dark: false,
            text_scale: 1.0,
        }
    }
}

/// What the presentation reads of the app.
pub struct PresentCtx<'a> {
    pub map: &'a Map,
    /// The map's history generation: the cached frame is recomputed when it changes.
    pub generation: u64,
}

/// The camera as drawn: it glides to each frame's while the cards stay where the map has them.
#[derive(Clone, Copy, Debug)]
struct Camera {
    zoom: f32,
    center: Pos2,
    arrangement: Arrangement,
    step: usize,
}

/// The state of a presentation. The editor's own state is not touched while it runs.
pub struct Presentation {
    /// The step shown (index into `steps`).
    pub step: usize,
    pub steps: Vec<Step>,
    /// Theme and type size, adjusted live with T, + and −.
    pub prefs: PresentPrefs,
    pub show_notes: bool,
    /// The presenter view (notes, next step, time) is open in a second window.
    pub presenter_window: bool,
    /// When the presentation started (egui time, seconds), for the presenter's clock.
    pub started: Option<f64>,
    /// A card clicked during the presentation: its quote shown in context.
    pub context: Option<NodeId>,
    camera: Option<Camera>,
    /// The frame shown, with the generation, step and screen it was computed for.
    cached: Option<(u64, usize, FrameSettings, Frame)>,
}

impl Presentation {
    /// Starts presenting `map` in the remembered theme and size.
    pub fn start(map: &Map, prefs: PresentPrefs) -> Self {
        Self {
            step: 0,
            steps: story::steps(map),
            prefs,
            show_notes: false,
            presenter_window: false,
            started: None,
            context: None,
            camera: None,
            cached: None,
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

    /// The frame of the step shown on a screen `settings` describes (cached).
    pub fn frame(&mut self, map: &Map, generation: u64, settings: FrameSettings) -> &Frame {
        let fresh = self
            .cached
            .as_ref()
            .is_some_and(|(g, k, s, _)| *g == generation && *k == self.step && *s == settings);
        if !fresh {
            self.cached = None;
        }
        let (steps, step) = (&self.steps, self.step);
        let (.., f) = self.cached.get_or_insert_with(|| {
            (
                generation,
                step,
                settings,
                frame(map, steps, step, &settings),
            )
        });
        f
    }

    /// The camera, moved towards `f`'s: gliding while the cards stay where the map has them,
    /// at once when they are arranged afresh. Returns whether it is still moving.
    fn follow(&mut self, f: &Frame, dt: f32) -> bool {
        let goal = Camera {
            zoom: f.zoom,
            center: pos2(f.center.x, f.center.y),
            arrangement: f.arrangement,
            step: self.step,
        };
        let glide = self.camera.is_some_and(|c| {
            c.arrangement == Arrangement::Map && goal.arrangement == Arrangement::Map
                || c.arrangement == goal.arrangement && c.step == goal.step
        });
        let Some(cam) = self.camera.as_mut().filter(|_| glide) else {
            self.camera = Some(goal);
            return false;
        };
        let t = (dt * 8.0).min(1.0);
        cam.zoom = (cam.zoom.ln() + (goal.zoom.ln() - cam.zoom.ln()) * t).exp();
        cam.center += (goal.center - cam.center) * t;
        cam.arrangement = goal.arrangement;
        cam.step = goal.step;
        let moving =
            (cam.zoom / goal.zoom - 1.0).abs() > 1e-3 || cam.center.distance(goal.center) > 0.5;
        if !moving {
            *cam = goal;
        }
        moving
    }
}

/// The two palettes of a projector theme: for this step's cards, and for earlier ones.
fn palettes(dark: bool) -> (Palette, Palette) {
    (Palette::projector(dark), Palette::projector_earlier(dark))
}

/// Keys: Right, Space or Page Down next; Left or Page Up back; Home, End; 1–9 jump; + and −
/// size; T theme; N notes; P the presenter view in a second window.
/// Esc closes a quote shown in context, then leaves.
fn keys(p: &mut Presentation, ui: &egui::Ui, commands: &mut Vec<Command>) {
    let before = p.prefs;
    ui.input_mut(|i| {
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
        let scale = &mut p.prefs.text_scale;
        if pressed(Key::Plus) || pressed(Key::Equals) {
            *scale = (*scale * 1.15).min(MAX_TEXT_SCALE);
        }
        if pressed(Key::Minus) {
            *scale = (*scale / 1.15).max(MIN_TEXT_SCALE);
        }
        if pressed(Key::T) {
            p.prefs.dark = !p.prefs.dark;
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
                commands.push(Command::StopPresenting);
            }
        }
    });
    if p.prefs != before {
        commands.push(Command::RememberPresentation(p.prefs));
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
fn quote_in_context_ui(ui: &mut egui::Ui, map: &Map, q: &Quote, palette: &Palette, size: f32) {
    let flat = crate::text::flatten_ws(&q.anchor.exact);
    ui.label(
        RichText::new(format!("“{flat}”"))
            .size(size * 1.15)
            .italics()
            .color(palette.text),
    );
    if let Some(s) = map.source(&q.source) {
        let cite = s.byline();
        ui.add_space(8.0);
        ui.label(
            RichText::new(format!("— {}", s.title))
                .size(size * 0.8)
                .color(palette.weak_text),
        );
        if !cite.is_empty() {
            ui.label(
                RichText::new(cite)
                    .size(size * 0.8)
                    .color(palette.weak_text),
            );
        }
        ui.add_space(16.0);
        ui.label(
            RichText::new("In context")
                .size(size * 0.8)
                .strong()
                .color(palette.weak_text),
        );
        let (para, qs, qe) = paragraph_around(&s.text, q.anchor.start, q.anchor.end);
        let mut job = egui::text::LayoutJob::default();
        let font = FontId::proportional(size * 0.85);
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

/// The quote to show in its article: the clicked card's (or the first quote of a clicked
/// claim), else a quote the step highlights.
fn context_quote<'m>(map: &'m Map, p: &Presentation) -> Option<&'m Quote> {
    let focus = story::focus(&p.steps, p.step);
    p.context
        .as_ref()
        .and_then(|id| {
            map.quote(id).or_else(|| {
                map.links
                    .iter()
                    .filter(|l| &l.to == id)
                    .find_map(|l| map.quote(&l.from))
            })
        })
        .or_else(|| map.quotes.iter().find(|q| focus.contains(&q.id)))
}

/// The presentation, for one frame: reads `cx`, changes only `p`, asks the app for the rest.
pub fn present_ui(
    ui: &mut egui::Ui,
    cx: &PresentCtx<'_>,
    p: &mut Presentation,
    commands: &mut Vec<Command>,
) {
    keys(p, ui, commands);
    let screen = ui.max_rect();
    let (palette, earlier) = palettes(p.prefs.dark);
    ui.painter_at(screen)
        .rect_filled(screen, 0.0, palette.canvas);
    let unit = screen.height() / crate::frame::REFERENCE_HEIGHT;
    let quote = context_quote(cx.map, p);
    let notes = if p.show_notes { 130.0 * unit } else { 0.0 };
    let settings = FrameSettings {
        width: screen.width(),
        height: screen.height(),
        text_scale: p.prefs.text_scale,
        right: if quote.is_some() {
            screen.width() * 0.42
        } else {
            0.0
        },
        bottom: notes,
    };
    let f = p.frame(cx.map, cx.generation, settings).clone();
    let dt = ui.input(|i| i.stable_dt).min(0.1);
    if p.follow(&f, dt) {
        ui.ctx().request_repaint();
    }
    let clicked = cards_ui(ui, cx.map, p, &f, screen.min, (&palette, &earlier));
    chrome_ui(ui, p, &f, screen, notes, &palette);
    if let Some(q) = quote {
        let side = Rect::from_min_max(
            pos2(
                screen.left() + settings.width - settings.right,
                screen.top() + f.view.y,
            ),
            pos2(screen.right(), screen.top() + f.view.bottom()),
        )
        .shrink(8.0);
        ui.painter().rect_filled(side, 8.0, palette.claim_fill);
        ui.painter().rect_stroke(
            side,
            8.0,
            Stroke::new(1.5, palette.claim_stroke),
            egui::StrokeKind::Inside,
        );
        let size = 26.0 * unit * p.prefs.text_scale.sqrt();
        ui.scope_builder(egui::UiBuilder::new().max_rect(side.shrink(24.0)), |ui| {
            egui::ScrollArea::vertical()
                .show(ui, |ui| quote_in_context_ui(ui, cx.map, q, &palette, size));
        });
    }
    if let Some(id) = clicked {
        p.context = Some(id);
    }
}

/// The frame's links and cards under the presentation's camera; returns a card clicked.
fn cards_ui(
    ui: &mut egui::Ui,
    map: &Map,
    p: &Presentation,
    f: &Frame,
    origin: Pos2,
    (palette, earlier): (&Palette, &Palette),
) -> Option<NodeId> {
    let cam = p.camera?;
    let view = Rect::from_min_size(origin + vec2(f.view.x, f.view.y), vec2(f.view.w, f.view.h));
    let to_screen = |x: f32, y: f32| view.center() + (pos2(x, y) - cam.center) * cam.zoom;
    let painter = ui.painter_at(view.expand(8.0));
    let is_earlier = |id: &NodeId| {
        f.cards
            .iter()
            .any(|c| &c.id == id && c.look == Look::Earlier)
    };
    let width = (2.5 * cam.zoom).clamp(1.5, 6.0);
    for (link, route) in map.links.iter().zip(&f.routes) {
        let Some(route) = route else { continue };
        let pts: Vec<Pos2> = route.iter().map(|q| to_screen(q.x, q.y)).collect();
        let quiet = is_earlier(&link.from) || is_earlier(&link.to);
        let color = Palette::relation(link.relation).gamma_multiply(if quiet { 0.45 } else { 1.0 });
        paint_route(&painter, &pts, link.relation, color, width);
    }
    let mut clicked = None;
    for c in &f.cards {
        let Some(node) = map.node(&c.id) else {
            continue;
        };
        let min = to_screen(c.rect.x, c.rect.y);
        let r = Rect::from_min_size(min, vec2(c.rect.w, c.rect.h) * cam.zoom);
        let colours = if c.look == Look::Earlier {
            earlier
        } else {
            palette
        };
        let lines = card_lines(node);
        paint_card(
            &painter,
            node,
            map,
            r,
            &lines,
            false,
            CARD_FONT * cam.zoom >= MIN_TEXT_PX,
            cam.zoom,
            colours,
        );
        if c.look == Look::Focused {
            painter.rect_stroke(
                r.expand(4.0 * cam.zoom),
                (9.0 * cam.zoom).min(20.0),
                Stroke::new(3.0 * cam.zoom, palette.selection),
                egui::StrokeKind::Middle,
            );
        }
        // The whole card (a frame never cuts one off), so tests see where it is.
        let resp = ui.interact(
            r,
            egui::Id::unique(("present card", c.id.as_str())),
            Sense::click(),
        );
        let label = card_label(node);
        resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
        if resp.clicked() {
            clicked = Some(c.id.clone());
        }
    }
    clicked
}

/// The step's title, the counter and keys, and the notes.
fn chrome_ui(
    ui: &mut egui::Ui,
    p: &Presentation,
    f: &Frame,
    screen: Rect,
    notes: f32,
    palette: &Palette,
) {
    let unit = f.unit;
    let title = p
        .steps
        .get(p.step)
        .map_or("(this map has nothing to present yet)", |s| {
            s.title.as_str()
        });
    // A label, not painted text: screen readers announce the step.
    let title_rect = Rect::from_min_size(
        screen.min + vec2(30.0 * unit, f.title.y),
        vec2(screen.width() - 60.0 * unit, f.title.h),
    );
    // Left-aligned, as in the exported frame.
    let layout = egui::Layout::left_to_right(egui::Align::Center);
    ui.scope_builder(
        egui::UiBuilder::new().max_rect(title_rect).layout(layout),
        |ui| {
            ui.add(
                egui::Label::new(
                    RichText::new(title)
                        .size(36.0 * unit)
                        .strong()
                        .color(palette.text),
                )
                .truncate(),
            );
        },
    );
    let hint = crate::frame::HINT_BAND * unit;
    ui.painter().text(
        pos2(screen.right() - 20.0 * unit, screen.bottom() - hint / 2.0),
        Align2::RIGHT_CENTER,
        format!(
            "{} / {}   Left/Right: step · +/-: size · T: theme · N: notes · P: presenter view · Esc: leave",
            p.step + 1,
            p.steps.len().max(1)
        ),
        FontId::proportional(18.0 * unit),
        palette.weak_text,
    );
    if notes > 0.0 {
        let note = p.steps.get(p.step).map_or("", |s| s.note.as_str());
        let rect = Rect::from_min_max(
            pos2(screen.left() + 30.0 * unit, screen.bottom() - hint - notes),
            pos2(screen.right() - 30.0 * unit, screen.bottom() - hint),
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
                    .size(24.0 * unit)
                    .color(palette.text),
            )
            .wrap(),
        );
    }
}
