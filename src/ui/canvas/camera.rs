//! The canvas camera: zoom, the mapping between canvas units and screen points, fitting the
//! map, and moving to where it was asked to go (a card revealed, cards framed).

use super::{CanvasState, MAX_ZOOM, MIN_ZOOM, overview};
use crate::model::{Map, NodeId};
use egui::{Pos2, Rect};

impl CanvasState {
    pub fn zoom_by(&mut self, factor: f32) {
        self.zoom = (self.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
    }

    /// Zooms keeping the canvas point under `screen` fixed.
    pub(super) fn zoom_at(&mut self, factor: f32, screen: Pos2) {
        let before = self.to_canvas(screen);
        self.zoom_by(factor);
        let after = self.to_canvas(screen);
        self.center += before - after;
    }

    pub fn to_screen(&self, p: Pos2) -> Pos2 {
        self.view.center() + (p - self.center) * self.zoom
    }

    pub fn to_canvas(&self, s: Pos2) -> Pos2 {
        self.center + (s - self.view.center()) / self.zoom
    }

    pub(in crate::ui) fn rect_to_screen(&self, r: Rect) -> Rect {
        Rect::from_min_max(self.to_screen(r.min), self.to_screen(r.max))
    }

    /// A card's rectangle on screen.
    pub fn screen_rect_of(&self, id: &NodeId) -> Option<Rect> {
        self.layout.rect_of(id).map(|r| self.rect_to_screen(r))
    }

    pub(super) fn fit(&mut self) {
        let layout = &self.layout;
        let shown = (0..layout.rects.len()).filter(|&i| !layout.is_hidden(i));
        let Some(bounds) = shown.map(|i| layout.rects[i]).reduce(Rect::union) else {
            self.center = Pos2::ZERO;
            self.zoom = 1.0;
            return;
        };
        let bounds = bounds.expand(40.0);
        let zx = self.view.width() / bounds.width().max(1.0);
        let zy = self.view.height() / bounds.height().max(1.0);
        self.zoom = zx.min(zy).clamp(MIN_ZOOM, 1.5);
        self.center = bounds.center();
    }

    /// Fit, but no further out than text reads: a bigger map is framed on its thesis with its
    /// direct reasons and objections (so it also opens), and the overview in the corner shows
    /// the rest.
    pub(super) fn fit_legibly(&mut self, map: &Map) {
        self.fit();
        if self.zoom < overview::FIT_MIN_ZOOM && map.claims.len() + map.quotes.len() > 0 {
            self.frame_thesis(map);
        }
    }

    /// Moves the camera where it was asked to go: fit the map, bring a card into view, frame
    /// some cards.
    pub(super) fn place_camera(&mut self, map: &Map) {
        let rect = self.view;
        if self.fit_pending {
            self.fit_pending = false;
            self.opening = false;
            self.fit_legibly(map);
        }
        if let Some(id) = self.reveal.take()
            && let Some(r) = self.layout.rect_of(&id)
            && !rect.shrink(20.0).contains_rect(self.rect_to_screen(r))
        {
            self.center = r.center();
        }
        if let Some(ids) = self.frame.take() {
            let rects: Vec<Rect> = ids
                .iter()
                .filter_map(|id| self.layout.rect_of(id))
                .collect();
            if let Some(b) = rects.into_iter().reduce(Rect::union) {
                let b = b.expand(80.0);
                self.zoom = (rect.width() / b.width())
                    .min(rect.height() / b.height())
                    .clamp(MIN_ZOOM, 1.2);
                self.center = b.center();
            }
        }
    }
}
