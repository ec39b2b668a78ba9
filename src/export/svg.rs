//! The map as SVG: cards with their text as real `<text>` (searchable, selectable), links styled
//! as on the canvas, a title and a legend.

use super::cards::{CardStyle, card_svg, n as p};
use super::style::{self as st, relation};
use crate::layout::card::{CARD_FONT, Face, SMALL_FONT, card_size, text_width};
use crate::layout::route;
use crate::model::{Map, NodeId, NodeRef, Point, Relation};
use std::collections::{HashMap, HashSet};
use std::fmt::Write;
use thiserror::Error;

/// Which part of the map to draw.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Scope {
    /// Every card.
    #[default]
    Map,
    /// These cards (and the links among them).
    Selection(HashSet<NodeId>),
    /// Story step `i` (counting from 0): the cards revealed up to it, earlier ones dimmed, its
    /// focused cards ringed.
    Step(usize),
}

/// How to draw the SVG.
#[derive(Clone, Debug)]
pub struct SvgSettings {
    pub scope: Scope,
    /// The map's title (and the step's) above the drawing.
    pub title: bool,
    /// The relation legend under the drawing.
    pub legend: bool,
}

impl Default for SvgSettings {
    fn default() -> Self {
        Self {
            scope: Scope::Map,
            title: true,
            legend: true,
        }
    }
}

/// Why there is no SVG.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum SvgError {
    #[error("the map has no story step {step} (its story has {count} steps)")]
    NoSuchStep { step: usize, count: usize },
    #[error("nothing to draw: {0}")]
    Empty(&'static str),
}

/// How a card is drawn.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Look {
    Normal,
    Dimmed,
    Focused,
}

/// The cards to draw, with their look, in map order.
fn visible<'a>(map: &'a Map, scope: &Scope) -> Result<Vec<(NodeRef<'a>, Look)>, SvgError> {
    let looks: HashMap<&NodeId, Look> = match scope {
        Scope::Map => map.nodes().map(|n| (n.id(), Look::Normal)).collect(),
        Scope::Selection(ids) => ids.iter().map(|id| (id, Look::Normal)).collect(),
        Scope::Step(i) => {
            let Some(step) = map.story.get(*i) else {
                return Err(SvgError::NoSuchStep {
                    step: i + 1,
                    count: map.story.len(),
                });
            };
            let mut looks = HashMap::new();
            for earlier in &map.story[..*i] {
                for id in earlier.show.iter().chain(&earlier.focus) {
                    looks.insert(id, Look::Dimmed);
                }
            }
            for id in &step.show {
                looks.insert(id, Look::Normal);
            }
            for id in &step.focus {
                looks.insert(id, Look::Focused);
            }
            looks
        }
    };
    let cards: Vec<_> = map
        .nodes()
        .filter_map(|n| looks.get(n.id()).map(|&l| (n, l)))
        .collect();
    if cards.is_empty() {
        return Err(SvgError::Empty(match scope {
            Scope::Map => "the map has no cards",
            Scope::Selection(_) => "the selection has no cards of this map",
            Scope::Step(_) => "this story step shows no cards",
        }));
    }
    Ok(cards)
}

/// Escapes text for XML content and attributes.
pub(super) fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters and the non-characters U+FFFE/U+FFFF are not allowed in XML 1.0.
            c if c.is_control() && c != '\n' && c != '\t' => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// A card's box.
type Rect = route::Bounds;

/// The SVG of (part of) the map.
pub fn map_to_svg(map: &Map, settings: &SvgSettings) -> Result<String, SvgError> {
    let cards = visible(map, &settings.scope)?;
    let rects: HashMap<&NodeId, Rect> = cards
        .iter()
        .map(|(n, _)| {
            let s = card_size(*n);
            let p = n.pos();
            (
                n.id(),
                Rect {
                    x: p.x,
                    y: p.y,
                    w: s.w,
                    h: s.h,
                },
            )
        })
        .collect();
    let heading = settings.title.then(|| heading(map, &settings.scope));
    let page = Page::new(&rects, heading.as_ref(), settings.legend);
    let mut s = String::with_capacity(cards.len() * 900 + 2000);
    let (width, height) = (page.width, page.height);
    let _ = writeln!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{width}\" \
         height=\"{height}\" viewBox=\"0 0 {width} {height}\">"
    );
    let _ = writeln!(s, "<title>{}</title>", xml(&map.title));
    if !map.description.is_empty() {
        let _ = writeln!(s, "<desc>{}</desc>", xml(&map.description));
    }
    style_svg(&mut s);
    let _ = writeln!(
        s,
        "<rect x=\"0\" y=\"0\" width=\"{width}\" height=\"{height}\" fill=\"{}\"/>",
        st::BACKGROUND
    );
    if let Some(heading) = &heading {
        heading_svg(&mut s, heading);
    }
    let _ = writeln!(s, "<g transform=\"translate({} {})\">", page.dx, page.dy);
    drawing_svg(&mut s, map, &cards, &rects);
    s.push_str("</g>\n");
    if settings.legend {
        legend_svg(&mut s, st::MARGIN, height - st::MARGIN - LEGEND_H);
    }
    s.push_str("</svg>\n");
    Ok(s)
}

/// The drawing's size and where the cards' canvas origin goes on it.
struct Page {
    width: f32,
    height: f32,
    dx: f32,
    dy: f32,
}

impl Page {
    fn new(
        rects: &HashMap<&NodeId, Rect>,
        heading: Option<&(String, Option<String>)>,
        legend: bool,
    ) -> Self {
        let (mut min_x, mut min_y, mut max_x, mut max_y) = (
            f32::INFINITY,
            f32::INFINITY,
            f32::NEG_INFINITY,
            f32::NEG_INFINITY,
        );
        for r in rects.values() {
            min_x = min_x.min(r.x);
            min_y = min_y.min(r.y);
            max_x = max_x.max(r.x + r.w);
            max_y = max_y.max(r.y + r.h);
        }
        let header_h = match heading {
            Some((_, Some(_))) => 64.0,
            Some((_, None)) => 44.0,
            None => 0.0,
        };
        let legend_h = if legend { LEGEND_H + 24.0 } else { 0.0 };
        let title_w = heading.map_or(0.0, |(t, sub)| {
            text_width(t, Face::Bold, 20.0).max(
                sub.as_ref()
                    .map_or(0.0, |s| text_width(s, Face::Regular, CARD_FONT)),
            )
        });
        Self {
            width: ((max_x - min_x).max(title_w).max(150.0) + 2.0 * st::MARGIN).ceil(),
            height: (max_y - min_y + header_h + legend_h + 2.0 * st::MARGIN).ceil(),
            dx: st::MARGIN - min_x,
            dy: st::MARGIN + header_h - min_y,
        }
    }
}

/// Fonts and sizes; colours are on each element (a stylesheet's `fill` would override them).
fn style_svg(s: &mut String) {
    let _ = write!(
        s,
        "<style>\n\
         text {{ font-family: {font}; }}\n\
         .card {{ font-size: {CARD_FONT}px; }}\n\
         .quote {{ font-style: italic; }}\n\
         .small {{ font-size: {SMALL_FONT}px; }}\n\
         .thesis-mark {{ font-weight: bold; letter-spacing: 0.5px; }}\n\
         .title {{ font-size: 20px; font-weight: bold; fill: {text}; }}\n\
         .subtitle {{ font-size: {CARD_FONT}px; fill: {weak}; }}\n\
         .legend {{ font-size: 13px; fill: {text}; }}\n\
         </style>\n",
        font = st::FONT_STACK,
        text = st::TEXT,
        weak = st::WEAK_TEXT,
    );
}

/// The map's title and, for a step, the line under it.
fn heading_svg(s: &mut String, (title, sub): &(String, Option<String>)) {
    let _ = writeln!(
        s,
        "<text class=\"title\" x=\"{m}\" y=\"{y}\">{}</text>",
        xml(title),
        m = st::MARGIN,
        y = st::MARGIN + 16.0
    );
    if let Some(sub) = sub {
        let _ = writeln!(
            s,
            "<text class=\"subtitle\" x=\"{m}\" y=\"{y}\">{}</text>",
            xml(sub),
            m = st::MARGIN,
            y = st::MARGIN + 40.0
        );
    }
}

/// The links, then the cards, in canvas units.
fn drawing_svg(
    s: &mut String,
    map: &Map,
    cards: &[(NodeRef<'_>, Look)],
    rects: &HashMap<&NodeId, Rect>,
) {
    let look: HashMap<&NodeId, Look> = cards.iter().map(|(n, l)| (n.id(), *l)).collect();
    s.push_str("<g class=\"links\">\n");
    let routes = route::routes(map, &|id| rects.get(id).copied());
    let mut middles = Vec::new();
    for (link, path) in map.links.iter().zip(routes) {
        let Some(path) = path else { continue };
        if !map.comments.is_empty() {
            middles.push((&link.id, route_middle(&path)));
        }
        let dimmed = [&link.from, &link.to]
            .iter()
            .any(|id| look.get(id) == Some(&Look::Dimmed));
        link_svg(s, &path, link.relation, dimmed);
    }
    s.push_str("</g>\n<g class=\"cards\">\n");
    for (node, look) in cards {
        if let Some(r) = rects.get(node.id()) {
            card_svg(s, map, *node, *r, &style_of(*node, *look));
        }
    }
    s.push_str("</g>\n");
    super::cards::comment_badges_svg(s, map, rects, &middles);
}

/// The point halfway along a route.
fn route_middle(route: &[Point]) -> Point {
    let total: f32 = route
        .windows(2)
        .map(|w| (w[1].x - w[0].x).hypot(w[1].y - w[0].y))
        .sum();
    let mut left = total / 2.0;
    for w in route.windows(2) {
        let d = (w[1].x - w[0].x).hypot(w[1].y - w[0].y);
        if d >= left && d > 0.0 {
            let t = left / d;
            return Point::new(
                w[0].x + (w[1].x - w[0].x) * t,
                w[0].y + (w[1].y - w[0].y) * t,
            );
        }
        left -= d;
    }
    route.first().copied().unwrap_or_default()
}

/// The title line and, for a step, the line under it.
fn heading(map: &Map, scope: &Scope) -> (String, Option<String>) {
    let title = if map.title.trim().is_empty() {
        "Untitled map".to_owned()
    } else {
        map.title.clone()
    };
    let sub = match scope {
        Scope::Step(i) => map.story.get(*i).map(|step| {
            format!(
                "Step {} of {}{}{}",
                i + 1,
                map.story.len(),
                if step.title.is_empty() { "" } else { ": " },
                step.title
            )
        }),
        _ => None,
    };
    (title, sub)
}

/// Points as an SVG `points` list.
fn points(pts: &[Point]) -> String {
    pts.iter()
        .map(|q| format!("{},{}", p(q.x), p(q.y)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// One link along its route, told apart by shape as on the canvas: supports a solid arrow,
/// opposes a dashed line ending in a bar, contradicts a double line.
pub(super) fn link_svg(s: &mut String, route: &[Point], relation_: Relation, dimmed: bool) {
    let [.., a, b] = route else { return };
    let (a, b) = (*a, *b);
    let (ddx, ddy) = (b.x - a.x, b.y - a.y);
    let len = (ddx * ddx + ddy * ddy).sqrt();
    if len < 1.0 {
        return;
    }
    let (ux, uy) = (ddx / len, ddy / len);
    let (nx, ny) = (-uy, ux);
    let color = relation(relation_);
    let w = st::LINK_WIDTH;
    let head = st::HEAD;
    let opacity = if dimmed {
        format!(" opacity=\"{}\"", st::DIMMED)
    } else {
        String::new()
    };
    // The line up to `end`, through every bend.
    let body = |end: Point| {
        let mut pts = route[..route.len() - 1].to_vec();
        pts.push(end);
        points(&pts)
    };
    let _ = write!(s, "<g class=\"link {}\"{opacity}>", relation_.as_str());
    match relation_ {
        Relation::Supports => {
            let base = Point::new(b.x - ux * head, b.y - uy * head);
            let _ = write!(
                s,
                "<polyline points=\"{}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"{w}\"/>\
                 <polygon points=\"{},{} {},{} {},{}\" fill=\"{color}\"/>",
                body(base),
                p(b.x),
                p(b.y),
                p(base.x + nx * head * 0.5),
                p(base.y + ny * head * 0.5),
                p(base.x - nx * head * 0.5),
                p(base.y - ny * head * 0.5),
            );
        }
        Relation::Opposes => {
            let end = Point::new(b.x - ux * w * 1.5, b.y - uy * w * 1.5);
            let _ = write!(
                s,
                "<polyline points=\"{}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"{w}\" \
                 stroke-dasharray=\"{} {}\"/>\
                 <line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{color}\" stroke-width=\"{}\"/>",
                body(end),
                p(head * 0.8),
                p(head * 0.5),
                p(end.x + nx * head * 0.7),
                p(end.y + ny * head * 0.7),
                p(end.x - nx * head * 0.7),
                p(end.y - ny * head * 0.7),
                p(w * 1.4),
            );
        }
        Relation::Qualifies => {
            // Dotted, with an open head (as on the canvas).
            let end = Point::new(b.x - ux * w * 0.5, b.y - uy * w * 0.5);
            let base = Point::new(b.x - ux * head, b.y - uy * head);
            let _ = write!(
                s,
                "<polyline points=\"{}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"{w}\" \
                 stroke-dasharray=\"{} {}\"/>\
                 <polyline points=\"{},{} {},{} {},{}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"{}\"/>",
                body(end),
                p(head * 0.3),
                p(head * 0.35),
                p(base.x + nx * head * 0.5),
                p(base.y + ny * head * 0.5),
                p(b.x),
                p(b.y),
                p(base.x - nx * head * 0.5),
                p(base.y - ny * head * 0.5),
                p(w * 1.2),
            );
        }
        Relation::Contradicts => {
            // Contradictions are never routed round stacks: one segment, drawn double.
            let off = (w * 1.4).max(2.0);
            for sign in [1.0, -1.0] {
                let (ox, oy) = (nx * off * sign, ny * off * sign);
                let _ = write!(
                    s,
                    "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{color}\" stroke-width=\"{w}\"/>",
                    p(a.x + ox),
                    p(a.y + oy),
                    p(b.x + ox),
                    p(b.y + oy),
                );
            }
        }
    }
    s.push_str("</g>\n");
}

/// How a card of the map looks: the canvas's light colours, earlier steps' cards faded,
/// focused ones ringed.
fn style_of(node: NodeRef<'_>, look: Look) -> CardStyle {
    let (fill, stroke, stroke_width) = match node {
        NodeRef::Claim(c) if c.thesis => (st::CLAIM_FILL, st::THESIS_STROKE, 2.5),
        NodeRef::Claim(_) => (st::CLAIM_FILL, st::CLAIM_STROKE, 1.0),
        NodeRef::Quote(_) => (st::QUOTE_FILL, st::QUOTE_STROKE, 1.0),
    };
    CardStyle {
        fill: fill.to_owned(),
        stroke: stroke.to_owned(),
        stroke_width,
        text: st::TEXT.to_owned(),
        weak: st::WEAK_TEXT.to_owned(),
        thesis: st::THESIS_STROKE.to_owned(),
        small: SMALL_FONT,
        ring: (look == Look::Focused).then(|| (st::FOCUS.to_owned(), 5.0, 4.0)),
        class: "",
        opacity: (look == Look::Dimmed).then_some(st::DIMMED),
    }
}

/// The legend box's height: a row of 22 px per relation.
const LEGEND_H: f32 = 98.0;

/// The legend box: each relation's line and name, as in the canvas's corner.
fn legend_svg(s: &mut String, x: f32, y: f32) {
    let _ = writeln!(
        s,
        "<g class=\"legend\"><rect x=\"{}\" y=\"{}\" width=\"150\" height=\"{}\" rx=\"6\" \
         fill=\"{}\" stroke=\"{}\"/>",
        p(x + 0.5),
        p(y + 0.5),
        p(LEGEND_H),
        st::CLAIM_FILL,
        st::CLAIM_STROKE
    );
    for (i, rel) in Relation::ALL.iter().enumerate() {
        let ly = y + 14.0 + i as f32 * 22.0 + 2.0;
        link_svg(
            s,
            &[Point::new(x + 10.0, ly), Point::new(x + 56.0, ly)],
            *rel,
            false,
        );
        let _ = writeln!(
            s,
            "<text class=\"legend\" x=\"{}\" y=\"{}\">{}</text>",
            p(x + 66.0),
            p(ly + 4.5),
            rel.as_str()
        );
    }
    s.push_str("</g>\n");
}
