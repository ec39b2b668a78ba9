//! Where a new card goes on the canvas: a free spot near the middle of the view, or under the
//! claim a new quote supports.

use super::CanvasState;
use crate::model::{Map, NodeId, Point};
use crate::ui::theme::CARD_WIDTH;
use egui::{Pos2, Rect, pos2, vec2};

impl CanvasState {
    /// Whether a card-sized box at `p` is free of cards.
    fn is_free(&self, p: Pos2, height: f32) -> bool {
        let candidate = Rect::from_min_size(p, vec2(CARD_WIDTH, height)).expand(10.0);
        !self.layout.rects.iter().any(|r| r.intersects(candidate))
    }

    /// Where a new claim goes: the middle of the view, moved down past any card there.
    pub fn free_spot_near_center(&self) -> Point {
        let mut p = pos2(self.center.x - CARD_WIDTH / 2.0, self.center.y - 30.0);
        for _ in 0..50 {
            if self.is_free(p, 80.0) {
                break;
            }
            p.y += 60.0;
        }
        Point::new(p.x, p.y)
    }

    /// Where a new quote goes: under the claim it supports, else near the middle.
    pub fn spot_for_quote(&self, map: &Map, claim: Option<&NodeId>) -> Point {
        let Some(c) = claim.and_then(|id| map.claim(id)) else {
            return self.free_spot_near_center();
        };
        let mut p = pos2(c.pos.x, c.pos.y + self.layout.height_of(&c.id) + 50.0);
        for _ in 0..50 {
            if self.is_free(p, 100.0) {
                break;
            }
            p.x += CARD_WIDTH + 30.0;
        }
        Point::new(p.x, p.y)
    }
}
