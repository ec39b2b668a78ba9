//! A drawing to lay out over pages: the SVG of (part of) the map with its size in points, and
//! for an overview, its cards' boxes and links.

use super::{Drawing, PT_PER_UNIT};
use crate::layout::card::card_size;
use crate::model::{Map, NodeId};
use std::collections::HashSet;

impl Drawing {
    pub(super) fn new(map: &Map, ids: Option<&HashSet<NodeId>>, svg: String) -> Self {
        let size = crate::export::png::declared_size(&svg).unwrap_or((300.0, 300.0));
        let mut boxes = Vec::new();
        let mut index = std::collections::HashMap::new();
        let (mut min_x, mut min_y) = (f32::INFINITY, f32::INFINITY);
        for n in map.nodes() {
            if ids.is_some_and(|ids| !ids.contains(n.id())) {
                continue;
            }
            let s = card_size(n);
            let p = n.pos();
            min_x = min_x.min(p.x);
            min_y = min_y.min(p.y);
            index.insert(n.id(), boxes.len());
            boxes.push([p.x, p.y, s.w, s.h]);
        }
        // Where the SVG exporter puts the cards: its margin from their top-left.
        let m = crate::export::style::MARGIN;
        for b in &mut boxes {
            b[0] = (b[0] - min_x + m) * PT_PER_UNIT;
            b[1] = (b[1] - min_y + m) * PT_PER_UNIT;
            b[2] *= PT_PER_UNIT;
            b[3] *= PT_PER_UNIT;
        }
        let links = map
            .links
            .iter()
            .filter_map(|l| Some((*index.get(&l.from)?, *index.get(&l.to)?)))
            .collect();
        Drawing {
            svg,
            w: size.0 * PT_PER_UNIT,
            h: size.1 * PT_PER_UNIT,
            boxes,
            links,
        }
    }
}
