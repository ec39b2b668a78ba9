//! The map as SVG: cards with their text as real `<text>` (searchable, selectable), links styled
//! as on the canvas, a title and a legend.

use super::style::{self as st, relation};
use crate::layout::card::{
    self, CARD_FONT, CARD_PAD, Face, LINE_HEIGHT, SMALL_FONT, card_lines, card_size, text_width,
};
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

    let heading = settings.title.then(|| heading(map, &settings.scope));
    let header_h = match &heading {
        Some((_, Some(_))) => 64.0,
        Some((_, None)) => 44.0,
        None => 0.0,
    };
    let legend_h = if settings.legend {
        LEGEND_H + 24.0
    } else {
        0.0
    };
    let title_w = heading.as_ref().map_or(0.0, |(t, sub)| {
        text_width(t, Face::Bold, 20.0).max(
            sub.as_ref()
                .map_or(0.0, |s| text_width(s, Face::Regular, CARD_FONT)),
        )
    });
    let width = ((max_x - min_x).max(title_w).max(150.0) + 2.0 * st::MARGIN).ceil();
    let height = (max_y - min_y + header_h + legend_h + 2.0 * st::MARGIN).ceil();
    let (dx, dy) = (st::MARGIN - min_x, st::MARGIN + header_h - min_y);

    let mut s = String::with_capacity(cards.len() * 900 + 2000);
    let _ = writeln!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{width}\" \
         height=\"{height}\" viewBox=\"0 0 {width} {height}\">"
    );
    let _ = writeln!(s, "<title>{}</title>", xml(&map.title));
    if !map.description.is_empty() {
        let _ = writeln!(s, "<desc>{}</desc>", xml(&map.description));
    }
    let _ = write!(
        s,
        "<style>\n\
         text {{ font-family: {font}; fill: {text}; }}\n\
         .card {{ font-size: {CARD_FONT}px; }}\n\
         .quote {{ font-style: italic; }}\n\
         .empty {{ fill: {weak}; }}\n\
         .small {{ font-size: {SMALL_FONT}px; }}\n\
         .source {{ fill: {weak}; }}\n\
         .thesis-mark {{ font-weight: bold; fill: {thesis}; letter-spacing: 0.5px; }}\n\
         .chip {{ fill: #ffffff; }}\n\
         .title {{ font-size: 20px; font-weight: bold; }}\n\
         .subtitle {{ font-size: {CARD_FONT}px; fill: {weak}; }}\n\
         .legend {{ font-size: 13px; }}\n\
         </style>\n",
        font = st::FONT_STACK,
        text = st::TEXT,
        weak = st::WEAK_TEXT,
        thesis = st::THESIS_STROKE,
    );
    let _ = writeln!(
        s,
        "<rect x=\"0\" y=\"0\" width=\"{width}\" height=\"{height}\" fill=\"{}\"/>",
        st::BACKGROUND
    );
    if let Some((title, sub)) = &heading {
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

    let _ = writeln!(s, "<g transform=\"translate({dx} {dy})\">");
    let look: HashMap<&NodeId, Look> = cards.iter().map(|(n, l)| (n.id(), *l)).collect();
    s.push_str("<g class=\"links\">\n");
    let routes = route::routes(map, &|id| rects.get(id).copied());
    for (link, path) in map.links.iter().zip(routes) {
        let Some(path) = path else { continue };
        let dimmed = [&link.from, &link.to]
            .iter()
            .any(|id| look.get(id) == Some(&Look::Dimmed));
        link_svg(&mut s, &path, link.relation, dimmed);
    }
    s.push_str("</g>\n<g class=\"cards\">\n");
    for (node, look) in &cards {
        if let Some(r) = rects.get(node.id()) {
            card_svg(&mut s, map, *node, *r, *look);
        }
    }
    s.push_str("</g>\n</g>\n");
    if settings.legend {
        legend_svg(&mut s, st::MARGIN, height - st::MARGIN - LEGEND_H);
    }
    s.push_str("</svg>\n");
    Ok(s)
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

fn p(x: f32) -> String {
    // One decimal is finer than a device pixel; whole numbers print bare.
    let r = (x * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
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

fn card_svg(s: &mut String, map: &Map, node: NodeRef<'_>, r: Rect, look: Look) {
    let (kind, fill, stroke, stroke_w) = match node {
        NodeRef::Claim(c) if c.thesis => ("claim thesis", st::CLAIM_FILL, st::THESIS_STROKE, 2.5),
        NodeRef::Claim(_) => ("claim", st::CLAIM_FILL, st::CLAIM_STROKE, 1.0),
        NodeRef::Quote(_) => ("quote", st::QUOTE_FILL, st::QUOTE_STROKE, 1.0),
    };
    let opacity = if look == Look::Dimmed {
        format!(" opacity=\"{}\"", st::DIMMED)
    } else {
        String::new()
    };
    let _ = writeln!(
        s,
        "<g class=\"card {kind}\" id=\"card-{}\"{opacity}>",
        xml(node.id().as_str())
    );
    // The stroke sits inside the card, as on the canvas.
    let inset = stroke_w / 2.0;
    let _ = writeln!(
        s,
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\" fill=\"{fill}\" \
         stroke=\"{stroke}\" stroke-width=\"{stroke_w}\"/>",
        p(r.x + inset),
        p(r.y + inset),
        p(r.w - 2.0 * inset),
        p(r.h - 2.0 * inset),
        st::RADIUS
    );
    // The focus ring after the card's own rectangle, which stays the group's first child.
    if look == Look::Focused {
        let _ = writeln!(
            s,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"10\" fill=\"none\" \
             stroke=\"{}\" stroke-width=\"4\"/>",
            p(r.x - 5.0),
            p(r.y - 5.0),
            p(r.w + 10.0),
            p(r.h + 10.0),
            st::FOCUS
        );
    }
    if let NodeRef::Quote(_) = node {
        // The bar down the left edge that marks an excerpt.
        let _ = writeln!(
            s,
            "<rect x=\"{}\" y=\"{}\" width=\"4\" height=\"{}\" rx=\"2\" fill=\"{}\"/>",
            p(r.x),
            p(r.y),
            p(r.h),
            st::QUOTE_STROKE
        );
    }
    let empty = matches!(node, NodeRef::Claim(c) if c.text.trim().is_empty());
    let class = match node {
        NodeRef::Quote(_) => "card quote",
        NodeRef::Claim(_) if empty => "card empty",
        NodeRef::Claim(_) => "card",
    };
    let x = p(r.x + CARD_PAD);
    let _ = write!(s, "<text class=\"{class}\">");
    for (i, line) in card_lines(node).iter().enumerate() {
        let y = r.y + CARD_PAD + i as f32 * LINE_HEIGHT + CARD_FONT;
        let _ = write!(s, "<tspan x=\"{x}\" y=\"{}\">{}</tspan>", p(y), xml(line));
    }
    s.push_str("</text>\n");
    footer_svg(s, map, node, r);
    s.push_str("</g>\n");
}

/// Who holds a claim (thesis mark and actor chips), or where a quote comes from.
fn footer_svg(s: &mut String, map: &Map, node: NodeRef<'_>, r: Rect) {
    let mid = r.y + r.h - CARD_PAD - 6.0;
    let baseline = p(mid + SMALL_FONT * 0.36);
    match node {
        NodeRef::Claim(c) => {
            let mut x = r.x + CARD_PAD;
            let right = r.x + r.w - CARD_PAD;
            if c.thesis {
                let _ = writeln!(
                    s,
                    "<text class=\"small thesis-mark\" x=\"{}\" y=\"{baseline}\">THESIS</text>",
                    p(x)
                );
                x += text_width("THESIS", Face::Bold, SMALL_FONT) + 3.0 + 8.0;
            }
            let actors: Vec<_> = c.actors.iter().filter_map(|a| map.actor(a)).collect();
            for (i, a) in actors.iter().enumerate() {
                let w = text_width(&a.name, Face::Regular, SMALL_FONT) + 10.0;
                // Keep room for a "+n" chip when more actors follow.
                let reserve = if i + 1 < actors.len() { 28.0 } else { 0.0 };
                if x + w + reserve > right {
                    let more = format!("+{}", actors.len() - i);
                    let _ = writeln!(
                        s,
                        "<text class=\"small source\" x=\"{}\" y=\"{baseline}\">{more}</text>",
                        p(x)
                    );
                    break;
                }
                let _ = writeln!(
                    s,
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"15\" rx=\"7.5\" fill=\"{}\"/>\
                     <text class=\"small chip\" x=\"{}\" y=\"{baseline}\">{}</text>",
                    p(x),
                    p(mid - 7.5),
                    p(w),
                    a.color.to_hex(),
                    p(x + 5.0),
                    xml(&a.name)
                );
                x += w + 4.0;
            }
        }
        NodeRef::Quote(_) => {
            if let Some(name) = card::quote_footer(map, node) {
                let _ = writeln!(
                    s,
                    "<text class=\"small source\" x=\"{}\" y=\"{baseline}\" \
                     text-anchor=\"end\">{}</text>",
                    p(r.x + r.w - CARD_PAD),
                    xml(&name)
                );
            }
        }
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
