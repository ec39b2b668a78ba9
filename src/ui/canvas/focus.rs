//! The keyboard focus on a card: a ring a little outside it, apart from the selection outline,
//! so a student moving with Tab always sees which card the keys act on.

use crate::ui::theme::Palette;
use egui::{Painter, Rect, Stroke, StrokeKind};

/// The gap between a card and its focus ring, and the ring's width, in screen points.
pub(super) const RING_GAP: f32 = 4.0;
pub(super) const RING_WIDTH: f32 = 2.5;

/// Draws the focus ring around the card at `r` (on screen).
pub(super) fn paint_focus_ring(painter: &Painter, r: Rect, palette: &Palette) {
    painter.rect_stroke(
        r.expand(RING_GAP),
        8.0,
        Stroke::new(RING_WIDTH, palette.selection),
        StrokeKind::Outside,
    );
}
