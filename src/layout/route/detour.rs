//! A link drawn straight over a card it does not join reads as linked to that card. Such a
//! stretch of a route bends round the cards in its way instead: one or two bends just outside
//! them, through free space, where that adds no crossing. Cards and the routes' stretches are
//! kept in a grid so every check looks only at what is near, and the pass has a budget in
//! proportion to the map's links (a map file is untrusted): when it runs out, the remaining
//! routes stay as they are.

use super::grid::Grid;
use super::stack::Stack;
use super::{Bounds, CLEARANCE, Wire, segment_meets_rect};
use crate::model::Point;
use std::collections::{HashMap, HashSet};
use std::hash::Hash;

/// Work the pass may do per link: grid cells visited, cards and stretches tested.
const WORK_PER_LINK: usize = 4_000;
/// Detours one route may take.
const MAX_DETOURS: usize = 3;
/// Cards in a stretch's way it tries to go round one at a time (then round all of them).
const MAX_TARGETS: usize = 3;
/// How far into a card a stretch must reach to count as drawn over it (as `drawn` counts).
const INSET: f32 = 4.0;

/// What the pass knows about one link.
pub(super) struct Link<'a> {
    pub from: Bounds,
    pub to: Bounds,
    /// Whether the line may run over card `c` (an index into the cards): its own ends, and the
    /// quotes stacked with its own quote.
    pub may_cross: &'a dyn Fn(usize) -> bool,
}

/// The pass's budget is spent: the remaining routes stay as they are.
struct Spent;

struct Pass {
    grid: Grid,
    cards: Vec<Bounds>,
    card_cells: Vec<Vec<usize>>,
    /// Every stretch of every route: (start, end, route), `None` once replaced.
    segs: Vec<Option<(Point, Point, usize)>>,
    /// The stretches of each route (indices into `segs`).
    of_route: Vec<Vec<usize>>,
    seg_cells: Vec<Vec<usize>>,
    /// Marks against testing a card or stretch twice in one query.
    seen_card: Vec<u32>,
    seen_seg: Vec<u32>,
    epoch: u32,
    work: usize,
}

/// Bends the routes in `out` (whose links `link` describes; `None`: leave it alone)
/// round the `cards` they would be drawn over.
pub(super) fn go_round<'a>(
    cards: Vec<Bounds>,
    link: &dyn Fn(usize) -> Option<Link<'a>>,
    out: &mut [Option<Vec<Point>>],
) {
    let Some(mut pass) = Pass::new(cards, out) else {
        return;
    };
    pass.work = WORK_PER_LINK.saturating_mul(out.len().max(1));
    for (i, route) in out.iter_mut().enumerate() {
        let (Some(r), Some(l)) = (route.as_ref(), link(i)) else {
            continue;
        };
        match pass.reroute(i, r.clone(), &l) {
            Ok(Some(better)) => *route = Some(better),
            Ok(None) => {}
            Err(Spent) => return,
        }
    }
}

impl Pass {
    fn new(cards: Vec<Bounds>, routes: &[Option<Vec<Point>>]) -> Option<Self> {
        let grid = Grid::new(&cards)?;
        let mut card_cells = vec![Vec::new(); grid.len()];
        for (c, b) in cards.iter().enumerate() {
            grid.box_cells(*b, &mut |cell| card_cells[cell].push(c));
        }
        let mut pass = Self {
            seen_card: vec![0; cards.len()],
            grid,
            cards,
            card_cells,
            segs: Vec::new(),
            of_route: vec![Vec::new(); routes.len()],
            seg_cells: Vec::new(),
            seen_seg: Vec::new(),
            epoch: 0,
            work: usize::MAX,
        };
        pass.seg_cells = vec![Vec::new(); pass.grid.len()];
        for (i, r) in routes.iter().enumerate() {
            if let Some(r) = r {
                pass.add(i, r);
            }
        }
        Some(pass)
    }

    /// Files the stretches of route `i`.
    fn add(&mut self, i: usize, route: &[Point]) {
        for w in route.windows(2) {
            let id = self.segs.len();
            self.segs.push(Some((w[0], w[1], i)));
            self.of_route[i].push(id);
            self.seen_seg.push(0);
            let cells = &mut self.seg_cells;
            self.grid
                .segment_cells(w[0], w[1], &mut |cell| cells[cell].push(id));
        }
    }

    /// Takes `n` units of work, if the budget has them.
    fn spend(&mut self, n: usize) -> Result<(), Spent> {
        self.work = self.work.checked_sub(n).ok_or(Spent)?;
        Ok(())
    }

    fn cells(&mut self, p: Point, q: Point) -> Result<Vec<usize>, Spent> {
        let mut cells = Vec::new();
        self.grid.segment_cells(p, q, &mut |c| cells.push(c));
        self.spend(cells.len())?;
        Ok(cells)
    }

    /// The cards the stretch p–q is drawn over (reaching `grow` past their edges; negative:
    /// that far inside), nearest `p` first.
    fn hits(&mut self, p: Point, q: Point, grow: f32, l: &Link<'_>) -> Result<Vec<usize>, Spent> {
        self.epoch = self.epoch.wrapping_add(1);
        let mut found = Vec::new();
        for cell in self.cells(p, q)? {
            self.spend(self.card_cells[cell].len())?;
            for &c in &self.card_cells[cell] {
                if self.seen_card[c] == self.epoch || (l.may_cross)(c) {
                    continue;
                }
                self.seen_card[c] = self.epoch;
                let b = self.cards[c];
                let r = (b.x - grow, b.y - grow, b.right() + grow, b.bottom() + grow);
                if segment_meets_rect((p.x, p.y), (q.x, q.y), r) {
                    found.push(c);
                }
            }
        }
        let d = |c: usize| {
            let m = self.cards[c].centre();
            (m.x - p.x).powi(2) + (m.y - p.y).powi(2)
        };
        found.sort_by(|&a, &b| d(a).total_cmp(&d(b)));
        Ok(found)
    }

    /// Proper crossings of the stretch p–q with the routes' stretches, but for stretch `old`
    /// of route `own` (the one p–q is to replace).
    fn crossings(
        &mut self,
        p: Point,
        q: Point,
        (own, old): (usize, (Point, Point)),
    ) -> Result<usize, Spent> {
        self.epoch = self.epoch.wrapping_add(1);
        let mut n = 0;
        for cell in self.cells(p, q)? {
            self.spend(self.seg_cells[cell].len())?;
            for &s in &self.seg_cells[cell] {
                if self.seen_seg[s] == self.epoch {
                    continue;
                }
                self.seen_seg[s] = self.epoch;
                if let Some((a, b, r)) = self.segs[s]
                    && (r != own || (a, b) != old)
                    && crate::layout::crossings::cross(&(p, q), &(a, b))
                {
                    n += 1;
                }
            }
        }
        Ok(n)
    }

    /// Route `i` with its stretches over cards bent round them (`None`: no better route).
    fn reroute(
        &mut self,
        i: usize,
        mut route: Vec<Point>,
        l: &Link<'_>,
    ) -> Result<Option<Vec<Point>>, Spent> {
        let near = |a: Point, b: Point| (a.x - b.x).abs() < 0.5 && (a.y - b.y).abs() < 0.5;
        let n = route.len();
        let ends = Ends {
            start_free: n >= 2 && near(route[0], l.from.border_towards(l.to.centre())),
            tip_free: n >= 2 && near(route[n - 1], l.to.border_towards(l.from.centre())),
        };
        let (mut j, mut detours, mut changed) = (0, 0, false);
        while j + 1 < route.len() && detours < MAX_DETOURS {
            let hit = self.hits(route[j], route[j + 1], -INSET, l)?;
            if hit.is_empty() {
                j += 1;
                continue;
            }
            let before = self.crossings(route[j], route[j + 1], (i, (route[j], route[j + 1])))?;
            match self.best(i, &route, j, &hit, (before, &ends), l)? {
                Some(better) => {
                    self.replace(i, &better);
                    route = better;
                    detours += 1;
                    changed = true;
                }
                None => j += 1,
            }
        }
        Ok(changed.then_some(route))
    }

    fn replace(&mut self, i: usize, route: &[Point]) {
        for s in std::mem::take(&mut self.of_route[i]) {
            self.segs[s] = None;
        }
        self.add(i, route);
    }
}

/// Whether a route's first and last points are where a straight line would leave and reach its
/// cards (so a bend may move them to face the bend).
struct Ends {
    start_free: bool,
    tip_free: bool,
}

impl Pass {
    /// The best detour of stretch `j` of `route` round the cards `hit` in its way: fewer cards
    /// passed over, no more crossings than `before`, then shortest.
    fn best(
        &mut self,
        i: usize,
        route: &[Point],
        j: usize,
        hit: &[usize],
        (before, ends): (usize, &Ends),
        l: &Link<'_>,
    ) -> Result<Option<Vec<Point>>, Spent> {
        let mut best: Option<((usize, usize, f32), Vec<Point>)> = None;
        // Shortest first: the first way that is clear and crosses nothing is the best.
        let mut ways: Vec<(f32, usize, Vec<Point>)> = candidates(&self.cards, hit, route[j])
            .into_iter()
            .map(|bends| {
                let pts = with_bends(route, j, &bends, ends, l);
                let stretch = &pts[j..=j + bends.len() + 1];
                let length = stretch
                    .windows(2)
                    .map(|w| (w[1].x - w[0].x).hypot(w[1].y - w[0].y))
                    .sum();
                (length, bends.len(), pts)
            })
            .collect();
        ways.sort_by(|a, b| a.0.total_cmp(&b.0));
        for (length, bends, pts) in ways {
            if best.as_ref().is_some_and(|(s, _)| s.0 == 0 && s.1 == 0) {
                break;
            }
            let stretch = &pts[j..=j + bends + 1];
            if stretch
                .windows(2)
                .any(|w| enters(l.from, w) || enters(l.to, w))
            {
                continue;
            }
            let mut over = 0;
            for w in stretch.windows(2) {
                over += self.hits(w[0], w[1], 0.0, l)?.len();
            }
            // Crossings are dearer to count: only for a way that could win.
            if over >= hit.len() || best.as_ref().is_some_and(|(s, _)| over > s.0) {
                continue;
            }
            let mut crossings = 0;
            for w in stretch.windows(2) {
                crossings += self.crossings(w[0], w[1], (i, (route[j], route[j + 1])))?;
            }
            let score = (over, crossings, length);
            if crossings <= before
                && best.as_ref().is_none_or(|(s, _)| {
                    (score.0, score.1) < (s.0, s.1)
                        || ((score.0, score.1) == (s.0, s.1) && score.2 < s.2)
                })
            {
                best = Some((score, pts));
            }
        }
        Ok(best.map(|(_, pts)| pts))
    }
}

/// Whether the stretch runs into card `b` (its own end), not just from or to its edge.
fn enters(b: Bounds, w: &[Point]) -> bool {
    let r = (b.x + 2.0, b.y + 2.0, b.right() - 2.0, b.bottom() - 2.0);
    r.0 < r.2 && r.1 < r.3 && segment_meets_rect((w[0].x, w[0].y), (w[1].x, w[1].y), r)
}

/// Ways round the cards `hit` for a stretch starting at `p`: one bend at a corner just outside
/// a card, or two along one side of it; round each of the first few cards, and round them all.
fn candidates(cards: &[Bounds], hit: &[usize], p: Point) -> Vec<Vec<Point>> {
    let mut targets: Vec<Bounds> = hit.iter().take(MAX_TARGETS).map(|&c| cards[c]).collect();
    if hit.len() > 1 {
        let (l, t, r, b) = hit.iter().map(|&c| cards[c]).fold(
            (f32::INFINITY, f32::INFINITY, f32::MIN, f32::MIN),
            |(l, t, r, b), c| (l.min(c.x), t.min(c.y), r.max(c.right()), b.max(c.bottom())),
        );
        targets.push(Bounds {
            x: l,
            y: t,
            w: r - l,
            h: b - t,
        });
    }
    let d = |a: Point| (a.x - p.x).hypot(a.y - p.y);
    let mut out = Vec::new();
    for t in targets {
        let (l, r) = (t.x - CLEARANCE, t.right() + CLEARANCE);
        let (top, bottom) = (t.y - CLEARANCE, t.bottom() + CLEARANCE);
        let corners = [
            Point::new(l, top),
            Point::new(r, top),
            Point::new(r, bottom),
            Point::new(l, bottom),
        ];
        for k in 0..4 {
            out.push(vec![corners[k]]);
            let (a, b) = (corners[k], corners[(k + 1) % 4]);
            out.push(if d(a) <= d(b) { vec![a, b] } else { vec![b, a] });
        }
    }
    out
}

/// `route` with `bends` between points `j` and `j + 1`; a free start or tip turns to face the
/// bend next to it.
fn with_bends(route: &[Point], j: usize, bends: &[Point], ends: &Ends, l: &Link<'_>) -> Vec<Point> {
    let mut pts = Vec::with_capacity(route.len() + bends.len());
    pts.extend_from_slice(&route[..=j]);
    pts.extend_from_slice(bends);
    pts.extend_from_slice(&route[j + 1..]);
    if j == 0 && ends.start_free {
        pts[0] = l.from.border_towards(bends[0]);
    }
    let last = pts.len() - 1;
    if j + 1 == route.len() - 1 && ends.tip_free {
        pts[last] = l.to.border_towards(bends[bends.len() - 1]);
    }
    pts
}

/// [`go_round`] for the routes `out` of `wires` among `cards`: contradictions stay one straight
/// segment (drawn double) and a column's shared trunk stays shared.
pub(super) fn wires_round_cards<K: Copy + Eq + Hash>(
    wires: &[Wire<K>],
    bounds: &dyn Fn(K) -> Option<Bounds>,
    cards: &[K],
    stacks: &HashMap<K, Stack<K>>,
    in_columns: &HashSet<usize>,
    out: &mut [Option<Vec<Point>>],
) {
    let known: Vec<(K, Bounds)> = cards
        .iter()
        .filter_map(|&k| Some((k, bounds(k)?)))
        .collect();
    let boxes = known.iter().map(|&(_, b)| b).collect();
    let may_cross: Vec<Box<dyn Fn(usize) -> bool + '_>> = wires
        .iter()
        .map(|w| {
            let own = stacks.get(&w.to).filter(|s| s.members.contains(&w.from));
            let known = &known;
            let w = *w;
            Box::new(move |c: usize| {
                let k = known[c].0;
                k == w.from || k == w.to || own.is_some_and(|s| s.members.contains(&k))
            }) as Box<dyn Fn(usize) -> bool + '_>
        })
        .collect();
    let link = |i: usize| {
        let w = wires[i];
        if w.contradicts || in_columns.contains(&i) {
            return None;
        }
        Some(Link {
            from: bounds(w.from)?,
            to: bounds(w.to)?,
            may_cross: may_cross[i].as_ref(),
        })
    };
    go_round(boxes, &link, out);
}
