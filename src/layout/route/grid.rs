//! A uniform grid over the cards' boxes, so a route's stretch is checked only against the cards
//! and other stretches near it. Its size follows the number of cards (never more than about a
//! dozen cells per card), whatever the coordinates in the map file.

use super::Bounds;
use crate::model::Point;

/// Cells are never smaller than this (about a card's height), so a card spans few of them.
const MIN_CELL: f32 = 120.0;

pub(super) struct Grid {
    x0: f32,
    y0: f32,
    cell: f32,
    cols: usize,
    rows: usize,
}

impl Grid {
    /// A grid covering `boxes`; `None` when there is none or their extent is not finite.
    pub(super) fn new(boxes: &[Bounds]) -> Option<Self> {
        let (mut l, mut t, mut r, mut b) = (f32::INFINITY, f32::INFINITY, f32::MIN, f32::MIN);
        for bx in boxes {
            l = l.min(bx.x);
            t = t.min(bx.y);
            r = r.max(bx.right());
            b = b.max(bx.bottom());
        }
        let (w, h) = ((r - l).max(1.0), (b - t).max(1.0));
        if !(l.is_finite() && t.is_finite() && w.is_finite() && h.is_finite()) {
            return None;
        }
        let n = 4.0 * boxes.len().max(1) as f32;
        let cell = (w * h / n).sqrt().max(w / n).max(h / n).max(MIN_CELL);
        Some(Self {
            x0: l,
            y0: t,
            cell,
            cols: (w / cell).ceil() as usize + 1,
            rows: (h / cell).ceil() as usize + 1,
        })
    }

    /// How many cells there are (cell indices run below this).
    pub(super) fn len(&self) -> usize {
        self.cols * self.rows
    }

    fn col(&self, x: f32) -> usize {
        let c = ((x - self.x0) / self.cell).floor();
        // NaN and anything off the grid fall into the edge cells.
        if c > 0.0 {
            (c as usize).min(self.cols - 1)
        } else {
            0
        }
    }

    fn row(&self, y: f32) -> usize {
        let r = ((y - self.y0) / self.cell).floor();
        if r > 0.0 {
            (r as usize).min(self.rows - 1)
        } else {
            0
        }
    }

    /// Calls `f` with every cell `b` covers.
    pub(super) fn box_cells(&self, b: Bounds, f: &mut dyn FnMut(usize)) {
        for r in self.row(b.y)..=self.row(b.bottom()) {
            for c in self.col(b.x)..=self.col(b.right()) {
                f(r * self.cols + c);
            }
        }
    }

    /// Calls `f` with every cell the segment from `p` to `q` passes through (and a few beside,
    /// at column edges), column by column: work in proportion to its length in cells.
    pub(super) fn segment_cells(&self, p: Point, q: Point, f: &mut dyn FnMut(usize)) {
        let (a, b) = if p.x <= q.x { (p, q) } else { (q, p) };
        let dx = b.x - a.x;
        let y_at = |x: f32| {
            if dx > 1e-6 {
                a.y + (b.y - a.y) * ((x - a.x) / dx).clamp(0.0, 1.0)
            } else {
                a.y
            }
        };
        let (c0, c1) = (self.col(a.x), self.col(b.x));
        for c in c0..=c1 {
            let left = if c == c0 {
                a.x
            } else {
                self.x0 + c as f32 * self.cell
            };
            let right = if c == c1 {
                b.x
            } else {
                self.x0 + (c + 1) as f32 * self.cell
            };
            let (ya, yb) = if dx > 1e-6 {
                (y_at(left), y_at(right))
            } else {
                (a.y, b.y)
            };
            let (r0, r1) = (self.row(ya.min(yb)), self.row(ya.max(yb)));
            for r in r0..=r1 {
                f(r * self.cols + c);
            }
        }
    }
}

/// The cards near a route, found through a grid: a superset of those it passes over, in the
/// order of `boxes`. Cards with a position that is not a number are always near.
pub(super) struct Near {
    grid: Option<Grid>,
    cells: Vec<Vec<usize>>,
    always: Vec<usize>,
    n: usize,
    seen: Vec<u32>,
    epoch: u32,
}

impl Near {
    pub(super) fn new(boxes: &[Bounds]) -> Self {
        let finite = |b: &Bounds| [b.x, b.y, b.w, b.h].iter().all(|v| v.is_finite());
        let kept: Vec<Bounds> = boxes.iter().copied().filter(finite).collect();
        let grid = Grid::new(&kept);
        let mut cells = vec![Vec::new(); grid.as_ref().map_or(0, Grid::len)];
        let mut always = Vec::new();
        for (c, b) in boxes.iter().enumerate() {
            match &grid {
                Some(g) if finite(b) => g.box_cells(*b, &mut |cell| cells[cell].push(c)),
                _ => always.push(c),
            }
        }
        Self {
            grid,
            cells,
            always,
            n: boxes.len(),
            seen: vec![0; boxes.len()],
            epoch: 0,
        }
    }

    /// The cards near any stretch of `route`.
    pub(super) fn route(&mut self, route: &[Point]) -> Vec<usize> {
        let Some(grid) = &self.grid else {
            return (0..self.n).collect();
        };
        self.epoch = self.epoch.wrapping_add(1);
        let mut out = self.always.clone();
        let (cells, seen, epoch) = (&self.cells, &mut self.seen, self.epoch);
        for w in route.windows(2) {
            grid.segment_cells(w[0], w[1], &mut |cell| {
                for &c in &cells[cell] {
                    if seen[c] != epoch {
                        seen[c] = epoch;
                        out.push(c);
                    }
                }
            });
        }
        out.sort_unstable();
        out
    }
}
