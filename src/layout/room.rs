//! Room for a new link: two cards linked while they touch (or nearly) draw a stub too short to
//! show the link's shape (arrow head, bar, double line). The card that moves is nudged away from
//! the other, along the axis they face each other on, onto a spot no other card covers.

use super::card::card_size;
use super::route::Bounds;
use crate::model::{Map, NodeId, Point};

/// The shortest gap left between two linked cards: room for an arrow head and a bar.
pub const MIN_LINK_GAP: f32 = 70.0;

/// How far to look for a free spot, in steps of [`MIN_LINK_GAP`].
const TRIES: usize = 12;

/// Where `moving` should go so that its link with `fixed` is at least [`MIN_LINK_GAP`] long, or
/// `None` if it already is (or either card is missing).
pub fn room_for_link(map: &Map, moving: &NodeId, fixed: &NodeId) -> Option<Point> {
    let a = bounds(map, moving)?;
    let b = bounds(map, fixed)?;
    let (dx, dy) = (centre_x(&a) - centre_x(&b), centre_y(&a) - centre_y(&b));
    let gap_x = (a.x - (b.x + b.w)).max(b.x - (a.x + a.w));
    let gap_y = (a.y - (b.y + b.h)).max(b.y - (a.y + a.h));
    if gap_x.max(gap_y) >= MIN_LINK_GAP {
        return None;
    }
    // Move along the axis on which the cards are already apart (or mostly apart).
    let vertical = gap_y >= gap_x;
    let (step_x, step_y) = if vertical {
        (0.0, if dy < 0.0 { -1.0 } else { 1.0 })
    } else {
        (if dx < 0.0 { -1.0 } else { 1.0 }, 0.0)
    };
    let first = MIN_LINK_GAP - if vertical { gap_y } else { gap_x };
    let others: Vec<Bounds> = map
        .claims
        .iter()
        .map(|c| &c.id)
        .chain(map.quotes.iter().map(|q| &q.id))
        .filter(|id| *id != moving)
        .filter_map(|id| bounds(map, id))
        .collect();
    let mut spot = None;
    for k in 0..TRIES {
        let by = first + k as f32 * MIN_LINK_GAP;
        let c = Bounds {
            x: a.x + step_x * by,
            y: a.y + step_y * by,
            ..a
        };
        if !others.iter().any(|o| overlaps(&c, o)) {
            spot = Some(Point { x: c.x, y: c.y });
            break;
        }
    }
    // Crowded all the way: at least the link gets its length.
    spot.or(Some(Point {
        x: a.x + step_x * first,
        y: a.y + step_y * first,
    }))
}

fn bounds(map: &Map, id: &NodeId) -> Option<Bounds> {
    let node = map.node(id)?;
    let s = card_size(node);
    let p = node.pos();
    Some(Bounds {
        x: p.x,
        y: p.y,
        w: s.w,
        h: s.h,
    })
}

fn centre_x(b: &Bounds) -> f32 {
    b.x + b.w / 2.0
}

fn centre_y(b: &Bounds) -> f32 {
    b.y + b.h / 2.0
}

fn overlaps(a: &Bounds, b: &Bounds) -> bool {
    a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

#[cfg(test)]
mod tests {
    use super::{MIN_LINK_GAP, bounds, room_for_link};
    use crate::edit::{apply_all, ops};
    use crate::model::{Map, NodeId, Point};

    fn claim(map: &mut Map, x: f32, y: f32) -> NodeId {
        let (id, edits) = ops::add_claim(map, "NATO is a relic of the Cold War.", Point { x, y });
        apply_all(map, edits).unwrap();
        id
    }

    #[test]
    fn a_card_right_under_another_moves_down_until_the_link_shows_its_shape() {
        let mut map = Map::new("m");
        let top = claim(&mut map, 0.0, 0.0);
        let h = bounds(&map, &top).unwrap().h;
        let below = claim(&mut map, 10.0, h + 12.0);
        let to = room_for_link(&map, &below, &top).expect("12 px is a stub");
        assert!((to.y - (h + MIN_LINK_GAP)).abs() < 0.5, "{to:?}");
        assert!((to.x - 10.0).abs() < f32::EPSILON, "it only moves away");
        map.claims[1].pos = to;
        assert_eq!(room_for_link(&map, &below, &top), None, "now long enough");
    }

    #[test]
    fn the_nudged_card_skips_over_a_third_card_in_the_way() {
        let mut map = Map::new("m");
        let left = claim(&mut map, 0.0, 0.0);
        let w = bounds(&map, &left).unwrap().w;
        let right = claim(&mut map, w + 5.0, 0.0);
        // A card where the first free spot to the right would be.
        let blocker = claim(&mut map, 2.0 * w + 60.0, 0.0);
        let to = room_for_link(&map, &right, &left).unwrap();
        let moved = super::Bounds {
            x: to.x,
            y: to.y,
            ..bounds(&map, &right).unwrap()
        };
        assert!(to.x > w + 5.0, "moved away from the card it links to");
        assert!(!super::overlaps(&moved, &bounds(&map, &blocker).unwrap()));
    }

    #[test]
    fn cards_already_apart_stay() {
        let mut map = Map::new("m");
        let a = claim(&mut map, 0.0, 0.0);
        let b = claim(&mut map, 0.0, 400.0);
        assert_eq!(room_for_link(&map, &b, &a), None);
        assert_eq!(room_for_link(&map, &b, &NodeId("nope".into())), None);
    }
}
