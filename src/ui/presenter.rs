//! The presenter view: a second window for the teacher's eyes (on the laptop while the class
//! sees the projector) with the step's note, what comes next, the time, and step buttons.
//! Where the platform cannot open a second window it appears inside the main one.

use super::canvas::layout::Layout;
use super::present::Presentation;
use egui::{RichText, ViewportBuilder, ViewportClass, ViewportId};

/// What the presenter view reads besides the presentation it steers: where each card sits in
/// the map, for the sketch of the next step.
#[derive(Clone, Copy)]
pub struct PresenterCtx<'a> {
    pub layout: &'a Layout,
}

/// Shows the presenter view while the presentation asks for it.
pub fn presenter_window(ctx: &egui::Context, cx: PresenterCtx<'_>, p: &mut Presentation) {
    if !p.presenter_window {
        return;
    }
    let now = ctx.input(|i| i.time);
    let started = *p.started.get_or_insert(now);
    let builder = ViewportBuilder::default()
        .with_title("Presenter view — Warrant")
        .with_inner_size([520.0, 420.0]);
    ctx.show_viewport_immediate(
        ViewportId::from_hash_of("presenter view"),
        builder,
        |ui, class| {
            if class == ViewportClass::EmbeddedWindow {
                // Drawn inside the main window, in an egui window of its own.
                ui.set_max_width(420.0);
                presenter_ui(ui, cx, p, now - started);
            } else {
                egui::CentralPanel::default().show(ui, |ui| presenter_ui(ui, cx, p, now - started));
            }
            if ui.input(|i| i.viewport().close_requested()) {
                p.presenter_window = false;
            }
        },
    );
    // The clock moves on.
    ctx.request_repaint_after(std::time::Duration::from_secs(1));
}

/// Minutes and seconds: "12:05".
fn clock(seconds: f64) -> String {
    let s = seconds.max(0.0) as u64;
    format!("{}:{:02}", s / 60, s % 60)
}

/// A sketch of the next step: the cards on screen by then, the new ones filled, the ones it
/// highlights outlined.
fn next_step_sketch(ui: &mut egui::Ui, layout: &Layout, p: &Presentation) {
    let next = p.step + 1;
    if next >= p.steps.len() {
        return;
    }
    let now = crate::story::revealed(&p.steps, p.step);
    let then = crate::story::revealed(&p.steps, next);
    let focus: std::collections::HashSet<_> =
        crate::story::focus(&p.steps, next).into_iter().collect();
    let cards: Vec<(egui::Rect, bool, bool)> = layout
        .ids
        .iter()
        .zip(&layout.map_rects)
        .filter(|(id, _)| then.contains(*id))
        .map(|(id, r)| (*r, !now.contains(id), focus.contains(id)))
        .collect();
    let Some(bounds) = cards.iter().map(|c| c.0).reduce(egui::Rect::union) else {
        return;
    };
    let (area, response) = ui.allocate_exact_size(
        egui::vec2(ui.available_width(), 110.0),
        egui::Sense::hover(),
    );
    response.on_hover_text("The next step: new cards filled, highlighted ones outlined");
    let painter = ui.painter_at(area);
    let visuals = ui.visuals();
    painter.rect_filled(area, 4.0, visuals.extreme_bg_color);
    let inner = area.shrink(8.0);
    let scale = (inner.width() / bounds.width()).min(inner.height() / bounds.height());
    let offset = inner.center() - bounds.center() * scale;
    let accent = visuals.selection.stroke.color;
    for (r, new, lit) in cards {
        let r = egui::Rect::from_min_max(
            (r.min.to_vec2() * scale + offset).to_pos2(),
            (r.max.to_vec2() * scale + offset).to_pos2(),
        );
        let fill = if new {
            accent
        } else {
            visuals.weak_text_color().gamma_multiply(0.5)
        };
        painter.rect_filled(r, 1.0, fill);
        if lit {
            painter.rect_stroke(
                r.expand(1.5),
                1.0,
                egui::Stroke::new(1.5, visuals.strong_text_color()),
                egui::StrokeKind::Outside,
            );
        }
    }
}

/// The presenter view's content: the step, its note, what comes next, the clock (`elapsed`
/// seconds), and step buttons that move the presentation.
pub fn presenter_ui(ui: &mut egui::Ui, cx: PresenterCtx<'_>, p: &mut Presentation, elapsed: f64) {
    // Room for the sketch of the next step under the note.
    let sketch_height = 116.0;
    // Step keys work here too, so the teacher can drive from this window.
    ui.input_mut(|i| p.step_keys(i));
    {
        let count = p.steps.len();
        let title = p.steps.get(p.step).map_or("", |s| s.title.as_str());
        ui.horizontal(|ui| {
            ui.label(RichText::new(format!("Step {} of {}", p.step + 1, count.max(1))).strong());
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(RichText::new(clock(elapsed)).monospace().size(18.0))
                    .on_hover_text("Time since the presentation started");
            });
        });
        ui.label(RichText::new(title).size(22.0).strong());
        ui.separator();
        let note = p.steps.get(p.step).map_or("", |s| s.note.as_str());
        egui::ScrollArea::vertical()
            .max_height((ui.available_height() - 90.0 - sketch_height).max(80.0))
            .show(ui, |ui| {
                if note.is_empty() {
                    ui.label(RichText::new("No note for this step.").italics().weak());
                } else {
                    let ink = ui.visuals().strong_text_color();
                    ui.label(RichText::new(note).size(20.0).color(ink));
                }
            });
        ui.separator();
        match p.steps.get(p.step + 1) {
            Some(next) => ui.label(format!("Next: {}", next.title)),
            None => ui.label(RichText::new("This is the last step.").weak()),
        };
    }
    next_step_sketch(ui, cx.layout, p);
    let last = p.steps.len().saturating_sub(1);
    {
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if ui
                .add_enabled(p.step > 0, egui::Button::new("Previous step"))
                .clicked()
            {
                p.go(p.step.saturating_sub(1));
            }
            if ui
                .add_enabled(p.step < last, egui::Button::new("Next step"))
                .clicked()
            {
                p.go(p.step + 1);
            }
            if ui.button("Close presenter view").clicked() {
                p.presenter_window = false;
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::{PresenterCtx, presenter_ui};
    use crate::ui::canvas::layout::Layout;
    use crate::ui::present::{PresentPrefs, Presentation};
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable as _;

    #[test]
    fn the_clock_reads_minutes_and_seconds() {
        assert_eq!(super::clock(0.4), "0:00");
        assert_eq!(super::clock(65.0), "1:05");
        assert_eq!(super::clock(3725.0), "62:05");
    }

    /// The presenter view alone, steering a presentation of a sample map.
    struct State {
        p: Presentation,
        layout: Layout,
    }

    fn harness() -> Harness<'static, State> {
        let sample = crate::samples::ALL[1];
        let map = crate::io::map_from_json(sample.bytes, std::path::Path::new(sample.file))
            .expect("a shipped sample");
        let mut p = Presentation::start(&map, PresentPrefs::default());
        p.presenter_window = true;
        let mut layout = Layout::default();
        layout.update(&map, 1, false);
        Harness::builder()
            .with_size(egui::vec2(520.0, 420.0))
            .build_ui_state(
                |ui, s: &mut State| {
                    let cx = PresenterCtx { layout: &s.layout };
                    presenter_ui(ui, cx, &mut s.p, 125.0);
                },
                State { p, layout },
            )
    }

    #[test]
    fn the_step_buttons_move_the_presentation_and_the_view_shows_where_it_is() {
        let mut h = harness();
        h.run();
        let steps = h.state().p.steps.len();
        assert!(steps > 2, "the sample has a story to step through");
        h.get_by_label(&format!("Step 1 of {steps}"));
        h.get_by_label("2:05");
        h.get_by_label(&format!("Next: {}", h.state().p.steps[1].title));
        h.get_by_label("Previous step").click();
        h.run();
        assert_eq!(h.state().p.step, 0, "nothing before the first step");
        h.get_by_label("Next step").click();
        h.run();
        assert_eq!(h.state().p.step, 1);
        h.get_by_label(&format!("Step 2 of {steps}"));
        h.get_by_label("Previous step").click();
        h.run();
        assert_eq!(h.state().p.step, 0);
    }

    #[test]
    fn the_last_step_says_so_and_the_view_closes_itself() {
        let mut h = harness();
        let last = h.state().p.steps.len() - 1;
        h.state_mut().p.go(last);
        h.run();
        h.get_by_label("This is the last step.");
        h.get_by_label("Next step").click();
        h.run();
        assert_eq!(h.state().p.step, last, "nothing after the last step");
        h.get_by_label("Close presenter view").click();
        h.run();
        assert!(!h.state().p.presenter_window);
    }
}
