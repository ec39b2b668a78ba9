//! The teacher's comments on the canvas: a speech-bubble badge with a count on each card and
//! link that has some, and what a screen reader says of them.

use super::super::theme::Palette;
use crate::model::{LinkId, Map, NodeId, Target};
use egui::{Align2, CornerRadius, FontId, Pos2, Rect, Shape, Stroke, StrokeKind, pos2, vec2};
use std::collections::HashMap;

/// How many comments each card and each link has (those with none are left out): counted once
/// per frame, so drawing stays linear in the map however many comments a file holds.
#[derive(Default)]
pub(super) struct Counts<'a> {
    pub nodes: HashMap<&'a NodeId, usize>,
    pub links: HashMap<&'a LinkId, usize>,
}

impl<'a> Counts<'a> {
    pub fn of(map: &'a Map) -> Self {
        let mut counts = Self::default();
        for c in &map.comments {
            match &c.on {
                Target::Node(id) => *counts.nodes.entry(id).or_insert(0) += 1,
                Target::Link(id) => *counts.links.entry(id).or_insert(0) += 1,
            }
        }
        counts
    }
}

/// The badge's height on screen at `zoom`; none when the map is too small to read anyway.
fn badge_height(zoom: f32) -> Option<f32> {
    (zoom > 0.15).then(|| (18.0 * zoom).clamp(12.0, 24.0))
}

/// The badge of a card with `n` comments, on its top edge (left of the "!" badge's corner).
pub(super) fn card_badge(painter: &egui::Painter, r: Rect, zoom: f32, n: usize) {
    if let Some(h) = badge_height(zoom) {
        paint_comment_badge(painter, pos2(r.right() - 2.2 * h, r.top() - 0.2 * h), h, n);
    }
}

/// The badge of a link with `n` comments, halfway along its route.
pub(super) fn link_badge(painter: &egui::Painter, route: &[Pos2], zoom: f32, n: usize) {
    if let Some(h) = badge_height(zoom) {
        paint_comment_badge(painter, route_middle(route), h, n);
    }
}

/// The point halfway along a route (where a link's comment badge sits).
fn route_middle(pts: &[Pos2]) -> Pos2 {
    let total: f32 = pts.windows(2).map(|w| w[0].distance(w[1])).sum();
    let mut left = total / 2.0;
    for w in pts.windows(2) {
        let d = w[0].distance(w[1]);
        if d >= left && d > 0.0 {
            return w[0] + (w[1] - w[0]) * (left / d);
        }
        left -= d;
    }
    pts.first().copied().unwrap_or(Pos2::ZERO)
}

/// What a screen reader says of a comment badge ("1 comment from the teacher"); none for 0.
pub fn comments_phrase(n: usize) -> Option<String> {
    match n {
        0 => None,
        1 => Some("1 comment from the teacher".to_owned()),
        n => Some(format!("{n} comments from the teacher")),
    }
}

/// The teacher's comment badge: a speech bubble holding the number of comments, centred at
/// `c`, `h` points high. Told by its shape and count, not only its colour.
pub fn paint_comment_badge(painter: &egui::Painter, c: Pos2, h: f32, n: usize) {
    let (fill, ink) = Palette::comment_badge();
    let count = if n > 9 {
        "9+".to_owned()
    } else {
        n.to_string()
    };
    let w = h * if n > 9 { 1.7 } else { 1.4 };
    let body = Rect::from_center_size(c, vec2(w, h));
    let stroke = Stroke::new((h / 12.0).clamp(1.0, 2.0), ink);
    // The tail, down from the bubble's lower left: filled under the body, filled again over
    // the body's outline where they join, then outlined on its two free sides.
    let (left, right) = (body.left() + w * 0.22, body.left() + w * 0.5);
    let tip = pos2(body.left() + w * 0.12, body.bottom() + h * 0.35);
    let edge = body.bottom() - stroke.width;
    painter.add(Shape::convex_polygon(
        vec![pos2(left, edge), pos2(right, edge), tip],
        fill,
        Stroke::NONE,
    ));
    painter.rect(
        body,
        CornerRadius::same((h * 0.35) as u8),
        fill,
        stroke,
        StrokeKind::Inside,
    );
    painter.add(Shape::convex_polygon(
        vec![pos2(left, edge - 0.5), pos2(right, edge - 0.5), tip],
        fill,
        Stroke::NONE,
    ));
    painter.line_segment([pos2(left, edge), tip], stroke);
    painter.line_segment([pos2(right, edge), tip], stroke);
    painter.text(
        c,
        Align2::CENTER_CENTER,
        count,
        FontId::proportional(h * 0.72),
        ink,
    );
}
