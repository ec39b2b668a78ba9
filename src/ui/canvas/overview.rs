//! Framing a map too big to read whole: its thesis with the reasons and objections that bear
//! on it directly, at a zoom where text reads, and a small overview of the whole map in the
//! corner (click or drag in it to look elsewhere).

use super::super::theme::Palette;
use super::CanvasState;
use crate::model::{Map, NodeId};
use egui::{Rect, Sense, Stroke, StrokeKind, vec2};

/// Fit zooms out no further than this: card text is about 8 px, the first line still reads.
pub const FIT_MIN_ZOOM: f32 = 0.6;
/// The largest zoom a framing picks on its own.
const FRAME_MAX_ZOOM: f32 = 1.0;

impl CanvasState {
    /// Frames the thesis and its direct reasons and objections, as large as fits between
    /// [`FIT_MIN_ZOOM`] and 100 %; the thesis stays in view.
    pub(super) fn frame_thesis(&mut self, map: &Map) {
        let rect = |id: &NodeId| {
            let r = self
                .layout
                .rect_of(id)
                .filter(|_| self.layout.is_shown(id))?;
            Some(crate::layout::route::Bounds {
                x: r.min.x,
                y: r.min.y,
                w: r.width(),
                h: r.height(),
            })
        };
        let view = (self.view.width(), self.view.height());
        match crate::view::opening_camera(map, rect, view, (FIT_MIN_ZOOM, FRAME_MAX_ZOOM), 40.0) {
            Some((c, zoom)) => {
                self.center = egui::pos2(c.x, c.y);
                self.zoom = zoom;
            }
            // The thesis is folded away or outside the focus: stay where the fit is, legibly.
            None => self.zoom = self.zoom.max(FIT_MIN_ZOOM),
        }
    }

    /// Whether some shown card lies outside the view.
    fn map_exceeds_view(&self) -> bool {
        let visible =
            Rect::from_min_max(self.to_canvas(self.view.min), self.to_canvas(self.view.max));
        (0..self.layout.rects.len())
            .filter(|&i| !self.layout.is_hidden(i))
            .any(|i| !visible.contains_rect(self.layout.rects[i]))
    }
}

/// The overview in the bottom-right corner while part of the map is off screen: every shown
/// card as a speck, the view as a frame. Clicking or dragging in it moves the view there.
pub fn overview_ui(canvas: &mut CanvasState, ui: &egui::Ui, palette: &Palette) {
    if !canvas.map_exceeds_view() {
        return;
    }
    let layout = &canvas.layout;
    let shown: Vec<Rect> = (0..layout.rects.len())
        .filter(|&i| !layout.is_hidden(i))
        .map(|i| layout.rects[i])
        .collect();
    let Some(bounds) = shown.iter().copied().reduce(Rect::union) else {
        return;
    };
    let bounds = bounds.expand(40.0);
    let max = vec2(220.0, 150.0);
    let scale = (max.x / bounds.width()).min(max.y / bounds.height());
    let size = bounds.size() * scale;
    let area = Rect::from_min_size(canvas.view.max - size - vec2(12.0, 12.0), size);
    let to_mini = |p: egui::Pos2| area.min + (p - bounds.min) * scale;
    let painter = ui.painter_at(area.expand(2.0));
    painter.rect(
        area,
        4.0,
        palette.claim_fill.gamma_multiply(0.95),
        Stroke::new(1.0, palette.claim_stroke),
        StrokeKind::Outside,
    );
    for r in &shown {
        let m = Rect::from_min_max(to_mini(r.min), to_mini(r.max));
        painter.rect_filled(m, 0.0, palette.weak_text.gamma_multiply(0.6));
    }
    let visible = Rect::from_min_max(
        canvas.to_canvas(canvas.view.min),
        canvas.to_canvas(canvas.view.max),
    );
    let frame = Rect::from_min_max(to_mini(visible.min), to_mini(visible.max)).intersect(area);
    painter.rect_stroke(
        frame,
        2.0,
        Stroke::new(2.0, palette.selection),
        StrokeKind::Middle,
    );
    let resp = ui.interact(
        area,
        egui::Id::unique("map overview"),
        Sense::click_and_drag(),
    );
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, "Map overview"));
    if (resp.clicked() || resp.dragged())
        && let Some(p) = resp.interact_pointer_pos()
    {
        canvas.center = bounds.min + (p - area.min) / scale;
    }
}
