//! What a presentation shows for one story step on a screen of a given size: which cards,
//! arranged where, and the camera. One pure function, [`frame`], serves the presentation on
//! screen and `warrant export --step N --size WxH`, so every frame can be checked headless.
//!
//! Sizes are screen pixels (egui points) and scale with the screen's height against
//! [`REFERENCE_HEIGHT`]: a frame is the same picture on a 720p and on a 1080p projector, and the
//! back row reads the same physical size of type.
//!
//! A step's own cards (what it shows and focuses) are framed where they sit in the map when
//! that leaves their text readable; otherwise they are arranged compactly for the step, as
//! focus mode does (Tidy on the subset), and failing that packed in rows. Cards from earlier
//! steps stay as context only where they fit whole: nothing is ever cut off at the edge.

mod place;

use crate::layout::card::{self, Face};
use crate::layout::route::{self, Bounds};
use crate::model::{Map, NodeId, Point, Step};
use place::{StepCards, Zooms, at_map, choose, inside};
use std::collections::HashMap;

/// The screen height the pixel sizes below are given for.
pub const REFERENCE_HEIGHT: f32 = 1080.0;
/// The smallest word box (ascent to descent) of any card text, footers included, at 1080 px:
/// about 20 px type, what the back of a classroom still reads.
pub const MIN_TEXT_BOX: f32 = 24.0;
/// The size of a card's footer line (actors, thesis mark, a quote's source) in a frame, in
/// canvas units: larger than the editor's, so that it too reads from the back row (it still
/// fits the card's footer band).
pub const FOOTER_FONT: f32 = 12.5;
/// The word box of the cards' main text a frame aims at, at 1080 px: what the back row reads
/// comfortably. A step whose cards cannot all be this large is arranged for the step, and only
/// if even that fails is it drawn smaller (never below [`MIN_TEXT_BOX`]).
pub const GOOD_TEXT_BOX: f32 = 30.0;
/// The largest zoom at 1080 px (card text about 36 px), so one card does not fill the wall.
const MAX_ZOOM: f32 = 2.6;
/// The band for the step's title, the band kept for the step counter, and the space around
/// the cards, at 1080 px.
pub const TITLE_BAND: f32 = 80.0;
pub const HINT_BAND: f32 = 32.0;
/// Wide enough for the ring round a focused card at the largest zoom.
const MARGIN: f32 = 16.0;
/// Gaps between packed cards, in canvas units: room for a link's arrowhead, no more (a wider
/// gap would cost the card text its size on a 16:9 screen four cards wide).
const GAP_X: f32 = 20.0;
const GAP_Y: f32 = 26.0;
/// The range of the presenter's `+` and `−`.
pub const MIN_TEXT_SCALE: f32 = 0.5;
pub const MAX_TEXT_SCALE: f32 = 2.0;

/// The screen and what the presenter has chosen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FrameSettings {
    pub width: f32,
    pub height: f32,
    /// The presenter's `+` and `−`: 1 is the size the back row reads.
    pub text_scale: f32,
    /// Pixels kept free on the right (a quote shown in its article) and at the bottom (notes).
    pub right: f32,
    pub bottom: f32,
}

impl FrameSettings {
    /// A whole screen, at the default size.
    pub fn screen(width: f32, height: f32) -> Self {
        Self {
            width,
            height,
            text_scale: 1.0,
            right: 0.0,
            bottom: 0.0,
        }
    }
}

/// How a card looks in the frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Look {
    /// Shown in an earlier step: kept for context, quieter.
    Earlier,
    /// Shown by this step.
    New,
    /// Highlighted by this step.
    Focused,
}

/// Where the step's cards are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arrangement {
    /// Where they are in the map.
    Map,
    /// Laid out for the step, as focus mode does.
    Arranged,
    /// In rows, when even that is too big to read.
    Packed,
}

/// One card of a frame: its box in canvas units.
#[derive(Clone, Debug, PartialEq)]
pub struct FrameCard {
    pub id: NodeId,
    pub rect: Bounds,
    pub look: Look,
}

/// What one step shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Frame {
    pub cards: Vec<FrameCard>,
    /// The route of each of `map.links` (same order) between cards of the frame, canvas units.
    pub routes: Vec<Option<Vec<Point>>>,
    /// Screen pixels per canvas unit.
    pub zoom: f32,
    /// The canvas point at the middle of `view`.
    pub center: Point,
    /// Where the cards are drawn on the screen.
    pub view: Bounds,
    /// Where the step's title is.
    pub title: Bounds,
    pub arrangement: Arrangement,
    /// Screen pixels per pixel at [`REFERENCE_HEIGHT`].
    pub unit: f32,
}

impl Frame {
    /// A canvas point on the screen.
    pub fn to_screen(&self, p: Point) -> Point {
        let (cx, cy) = (
            self.view.x + self.view.w / 2.0,
            self.view.y + self.view.h / 2.0,
        );
        Point::new(
            cx + (p.x - self.center.x) * self.zoom,
            cy + (p.y - self.center.y) * self.zoom,
        )
    }

    /// A card's box on the screen.
    pub fn screen_rect(&self, r: Bounds) -> Bounds {
        let p = self.to_screen(Point::new(r.x, r.y));
        Bounds {
            x: p.x,
            y: p.y,
            w: r.w * self.zoom,
            h: r.h * self.zoom,
        }
    }

    /// The height of the smallest word box of card text on the screen (the footer line's).
    pub fn smallest_text_box(&self) -> f32 {
        FOOTER_FONT * self.zoom * text_box_em()
    }

    /// The height of a word box of the cards' main text on the screen.
    pub fn body_text_box(&self) -> f32 {
        card::CARD_FONT * self.zoom * text_box_em()
    }

    /// Whether every card lies whole inside the view.
    pub fn all_inside(&self) -> bool {
        self.cards
            .iter()
            .all(|c| inside(self.screen_rect(c.rect), self.view))
    }
}

/// A word box's height per em of card type.
pub fn text_box_em() -> f32 {
    card::ascent(Face::Regular) + card::descent(Face::Regular)
}

/// The zoom at which the smallest card text fills [`MIN_TEXT_BOX`] on a screen `height` tall.
pub fn readable_zoom(height: f32) -> f32 {
    MIN_TEXT_BOX * unit(height) / (FOOTER_FONT * text_box_em())
}

/// The zoom at which the cards' main text fills [`GOOD_TEXT_BOX`] on a screen `height` tall.
pub fn good_zoom(height: f32) -> f32 {
    (GOOD_TEXT_BOX * unit(height) / (card::CARD_FONT * text_box_em())).max(readable_zoom(height))
}

fn unit(height: f32) -> f32 {
    (height / REFERENCE_HEIGHT).max(0.05)
}

/// The title band and the view the cards are drawn in.
fn bands(settings: &FrameSettings) -> (Bounds, Bounds) {
    let u = unit(settings.height);
    let title = Bounds {
        x: 0.0,
        y: 0.0,
        w: settings.width,
        h: TITLE_BAND * u,
    };
    let view = Bounds {
        x: 0.0,
        y: title.h,
        w: (settings.width - settings.right).max(1.0),
        h: (settings.height - title.h - settings.bottom - HINT_BAND * u).max(1.0),
    };
    (title, view)
}

/// The frame of step `k` of `steps` (see the module's doc).
pub fn frame(map: &Map, steps: &[Step], k: usize, settings: &FrameSettings) -> Frame {
    let u = unit(settings.height);
    let scale = settings.text_scale.clamp(MIN_TEXT_SCALE, MAX_TEXT_SCALE);
    let margin = MARGIN * u;
    let (title, view) = bands(settings);
    let z = Zooms {
        cap: MAX_ZOOM * u * scale,
        least: readable_zoom(settings.height) * scale,
        good: good_zoom(settings.height) * scale,
    };
    let mut out = Frame {
        cards: Vec::new(),
        routes: Vec::new(),
        zoom: z.least,
        center: Point::new(0.0, 0.0),
        view,
        title,
        arrangement: Arrangement::Map,
        unit: u,
    };
    let Some(cards) = StepCards::new(map, steps, k) else {
        return out;
    };
    let c = choose(map, &cards, view, margin, z);
    out.zoom = c.zoom;
    out.center = c.center;
    out.arrangement = c.arrangement;
    out.cards = c
        .placed
        .into_iter()
        .map(|(id, rect)| FrameCard {
            look: cards.look(&id),
            id,
            rect,
        })
        .collect();
    if out.arrangement == Arrangement::Map {
        // Earlier cards where they are, if they are whole on the screen.
        for (id, rect) in at_map(map, &cards.earlier) {
            if inside(out.screen_rect(rect), view) {
                out.cards.push(FrameCard {
                    id,
                    rect,
                    look: Look::Earlier,
                });
            }
        }
    }
    let rects: HashMap<&NodeId, Bounds> = out.cards.iter().map(|c| (&c.id, c.rect)).collect();
    out.routes = route::routes(map, &|id| rects.get(id).copied());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, Link, LinkId, Quote, Relation, StepId};
    use std::collections::HashSet;

    /// A thesis with `n` reasons spread far apart in the map, each with a long quote.
    fn wide_map(n: usize) -> Map {
        let mut m = Map::new("t");
        m.claims.push(Claim {
            id: NodeId::from("t"),
            text: "The thesis".into(),
            thesis: true,
            ..Claim::default()
        });
        for i in 0..n {
            let id = format!("r{i}");
            m.claims.push(Claim {
                id: NodeId::from(id.as_str()),
                text: format!("Reason number {i}, which takes a few words to say"),
                pos: Point::new(i as f32 * 900.0, 600.0),
                ..Claim::default()
            });
            m.links.push(Link {
                id: LinkId(format!("l{i}")),
                from: NodeId::from(id.as_str()),
                to: NodeId::from("t"),
                relation: Relation::Supports,
            });
            let q = format!("q{i}");
            let mut quote = Quote {
                id: NodeId::from(q.as_str()),
                pos: Point::new(i as f32 * 900.0, 900.0),
                ..Quote::default()
            };
            quote.anchor.exact = "a long passage quoted from the article ".repeat(6);
            m.quotes.push(quote);
            m.links.push(Link {
                id: LinkId(format!("m{i}")),
                from: NodeId::from(q.as_str()),
                to: NodeId::from(id.as_str()),
                relation: Relation::Supports,
            });
        }
        m
    }

    fn step(show: &[&str], focus: &[&str]) -> Step {
        Step {
            id: StepId("s".into()),
            title: "A step".into(),
            show: show.iter().map(|s| NodeId::from(*s)).collect(),
            focus: focus.iter().map(|s| NodeId::from(*s)).collect(),
            note: String::new(),
        }
    }

    #[test]
    fn a_small_step_is_framed_where_it_is_and_large() {
        let m = wide_map(3);
        let steps = vec![step(&["t"], &["t"])];
        let f = frame(&m, &steps, 0, &FrameSettings::screen(1920.0, 1080.0));
        assert_eq!(f.arrangement, Arrangement::Map);
        assert_eq!(f.cards.len(), 1);
        assert_eq!(f.cards[0].look, Look::Focused);
        assert!(f.smallest_text_box() >= MIN_TEXT_BOX);
        assert!(f.all_inside());
    }

    #[test]
    fn a_spread_out_step_is_arranged_readable_with_nothing_cut_off() {
        // Six new cards, three of them long quotes: what a story step reveals at most, nearly.
        let m = wide_map(3);
        let ids: Vec<String> = (0..3)
            .flat_map(|i| [format!("r{i}"), format!("q{i}")])
            .collect();
        let show: Vec<&str> = ids.iter().map(String::as_str).collect();
        let steps = vec![step(&["t"], &[]), step(&show, &["r0", "r1"])];
        for (w, h) in [(1920.0, 1080.0), (1280.0, 720.0), (2560.0, 1440.0)] {
            let f = frame(&m, &steps, 1, &FrameSettings::screen(w, h));
            assert_ne!(
                f.arrangement,
                Arrangement::Map,
                "the map spreads them over 4000 units"
            );
            assert!(f.all_inside(), "{w}×{h}: a card is cut off");
            assert!(
                f.smallest_text_box() >= MIN_TEXT_BOX * h / REFERENCE_HEIGHT - 1e-3,
                "{w}×{h}: text {} px",
                f.smallest_text_box()
            );
            let shown: HashSet<&str> = f.cards.iter().map(|c| c.id.as_str()).collect();
            for id in &show {
                assert!(shown.contains(id), "{id} missing");
            }
            assert_eq!(
                f.cards
                    .iter()
                    .find(|c| c.id.as_str() == "r0")
                    .map(|c| c.look),
                Some(Look::Focused)
            );
        }
    }

    #[test]
    fn a_bigger_text_scale_refits_instead_of_running_off_the_screen() {
        let m = wide_map(2);
        let steps = vec![step(&["t", "r0", "q0", "r1", "q1"], &["t"])];
        let mut settings = FrameSettings::screen(1920.0, 1080.0);
        let normal = frame(&m, &steps, 0, &settings);
        settings.text_scale = 1.5;
        let big = frame(&m, &steps, 0, &settings);
        assert!(big.zoom > normal.zoom);
        assert!(normal.all_inside() && big.all_inside());
        settings.text_scale = MAX_TEXT_SCALE;
        assert!(frame(&m, &steps, 0, &settings).all_inside());
    }

    #[test]
    fn too_many_cards_to_read_are_packed_smaller_but_never_cut_off() {
        let m = wide_map(8);
        let ids: Vec<String> = (0..8)
            .flat_map(|i| [format!("r{i}"), format!("q{i}")])
            .collect();
        let show: Vec<&str> = ids.iter().map(String::as_str).collect();
        let f = frame(
            &m,
            &[step(&show, &[])],
            0,
            &FrameSettings::screen(1920.0, 1080.0),
        );
        assert_eq!(f.arrangement, Arrangement::Packed);
        assert_eq!(f.cards.len(), 16);
        assert!(f.all_inside());
    }

    #[test]
    fn earlier_cards_stay_only_where_they_fit_whole() {
        let m = wide_map(3);
        let steps = vec![step(&["r0", "r1", "r2"], &[]), step(&["t"], &["t"])];
        let f = frame(&m, &steps, 1, &FrameSettings::screen(1920.0, 1080.0));
        assert!(f.all_inside());
        assert!(f.cards.iter().any(|c| c.look == Look::Focused));
    }

    #[test]
    fn no_step_no_cards() {
        let m = wide_map(1);
        let f = frame(&m, &[], 0, &FrameSettings::screen(800.0, 600.0));
        assert!(f.cards.is_empty());
    }
}
