//! The map's links on the canvas: drawn under the cards, the one under the pointer found, and
//! each named for a screen reader.

use super::paint::{distance_to_segment, paint_route};
use super::{CanvasCtx, CanvasState, Pass, comments, paint};
use crate::model::Map;
use crate::ui::theme::Palette;
use egui::{Pos2, Rect, Stroke, Vec2};

/// Draws the links under the cards; returns the one under the pointer.
pub(super) fn links_ui(
    ui: &egui::Ui,
    canvas: &CanvasState,
    cx: &CanvasCtx<'_>,
    pass: &Pass,
    counts: &comments::Counts<'_>,
) -> Option<crate::model::LinkId> {
    let layout = &canvas.layout;
    let mut hovered = None;
    for &(a, b, relation, li) in &layout.links {
        if layout.is_hidden(a) || layout.is_hidden(b) {
            continue;
        }
        if !pass
            .visible
            .intersects(layout.rects[a].union(layout.rects[b]))
        {
            continue;
        }
        // The route (at most three points: straight, or round a quote stack) on screen.
        let Some(route) = layout.routes.get(li).and_then(Option::as_ref) else {
            continue;
        };
        let Some(link) = cx.map.links.get(li) else {
            continue;
        };
        let mut pts = [Pos2::ZERO; 3];
        let n = route.len().min(3);
        for (slot, p) in pts.iter_mut().zip(route) {
            *slot = canvas.to_screen(*p);
        }
        let pts = &pts[..n];
        if cx.selection.link.as_ref() == Some(&link.id) {
            pass.painter.line(
                pts.to_vec(),
                Stroke::new(pass.width + 6.0, pass.palette.selection.gamma_multiply(0.5)),
            );
        }
        let comments = counts.links.get(&link.id).copied().unwrap_or(0);
        link_node(ui, cx.map, link, pts, comments);
        paint_route(
            &pass.painter,
            pts,
            relation,
            Palette::relation(relation),
            pass.width,
        );
        if comments > 0 {
            comments::link_badge(&pass.painter, pts, pass.zoom, comments);
        }
        if let Some(p) = pass.pointer.filter(|_| pass.bg.hovered())
            && pts
                .windows(2)
                .any(|w| distance_to_segment(p, w[0], w[1]) < 6.0)
        {
            hovered = Some(link.id.clone());
        }
    }
    hovered
}

/// A link in the accessibility tree: not a widget (clicks on it go to the background), but
/// named and placed, so a screen reader can read the map's links as well as its cards.
fn link_node(ui: &egui::Ui, map: &Map, link: &crate::model::Link, pts: &[Pos2], comments: usize) {
    let id = egui::Id::unique(("link", link.id.as_str()));
    ui.ctx().accesskit_node_builder(id, |n| {
        n.set_role(egui::accesskit::Role::Link);
        n.set_label(paint::link_label(map, link));
        if let Some(said) = comments::comments_phrase(comments) {
            n.set_description(said);
        }
        if let Some(b) = pts
            .iter()
            .map(|p| Rect::from_center_size(*p, Vec2::ZERO))
            .reduce(Rect::union)
        {
            n.set_bounds(egui::accesskit::Rect {
                x0: b.min.x.into(),
                y0: b.min.y.into(),
                x1: b.max.x.into(),
                y1: b.max.y.into(),
            });
        }
    });
}
