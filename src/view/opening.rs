//! Where a map opens: its thesis with the reasons and objections that bear on it directly,
//! framed at a zoom where text reads.

use crate::layout::route::Bounds;
use crate::model::{Map, NodeId, Point};

/// The thesis (or, with none marked, the claim most bear on) and the claims linked to it
/// directly, the thesis first.
pub fn thesis_neighbourhood(map: &Map) -> Vec<NodeId> {
    let bearing = |id: &NodeId| map.links.iter().filter(|l| &l.to == id).count();
    let thesis = map
        .claims
        .iter()
        .find(|c| c.thesis)
        .or_else(|| map.claims.iter().max_by_key(|c| bearing(&c.id)))
        .map(|c| c.id.clone());
    let Some(thesis) = thesis else {
        return Vec::new();
    };
    let mut out = vec![thesis.clone()];
    for l in &map.links {
        let other = if l.to == thesis {
            &l.from
        } else if l.from == thesis {
            &l.to
        } else {
            continue;
        };
        if map.claim(other).is_some() && !out.contains(other) {
            out.push(other.clone());
        }
    }
    out
}

/// Where a map too big to read whole opens: the canvas point at the middle of a `view`-sized
/// window (`width`, `height` in screen points) and the zoom that frame the thesis with its
/// direct reasons and objections, as large as fits with `margin` canvas units around, between
/// `min_zoom` (text still reads) and `max_zoom`. When they cannot all be framed at `min_zoom`,
/// the thesis and as many of them as fit with it, nearest first; a thesis on top of them sits
/// at the top of the view. `rect` gives a shown card's box (`None` for a card folded away);
/// `None` when the thesis is not shown.
pub fn opening_camera(
    map: &Map,
    rect: impl Fn(&NodeId) -> Option<Bounds>,
    view: (f32, f32),
    (min_zoom, max_zoom): (f32, f32),
    margin: f32,
) -> Option<(Point, f32)> {
    let mut rects = thesis_neighbourhood(map).into_iter().map(|id| rect(&id));
    let thesis = rects.next()??;
    let mut near: Vec<Bounds> = rects.flatten().collect();
    let fits = |b: Bounds| {
        let (w, h) = (b.w + 2.0 * margin, b.h + 2.0 * margin);
        (view.0 / w.max(1.0)).min(view.1 / h.max(1.0))
    };
    let at = thesis.centre();
    let distance = |b: &Bounds| {
        let c = b.centre();
        (c.x - at.x).hypot(c.y - at.y)
    };
    near.sort_by(|a, b| distance(a).total_cmp(&distance(b)));
    let mut framed = thesis;
    for r in near {
        let with = framed.union(r);
        if fits(with) >= min_zoom {
            framed = with;
        }
    }
    let zoom = fits(framed).clamp(min_zoom, max_zoom);
    let mut centre = framed.centre();
    // A thesis above all it is framed with (as Tidy draws it) goes to the top of the view, so
    // the room left shows what bears on its reasons, not empty canvas above it.
    let room = view.1 / zoom - (framed.h + 2.0 * margin);
    if room > 0.0 && thesis.y <= framed.y + 0.5 {
        centre.y += room / 2.0;
    }
    Some((centre, zoom))
}
