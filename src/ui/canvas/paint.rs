//! Drawing cards and links (no interaction here).

use super::super::theme::{self, CARD_FONT, CARD_PAD, CARD_WIDTH, LINE_HEIGHT, Palette};
use crate::layout::card::{Face, ascent};
use crate::model::{Map, NodeRef, Relation};
use egui::{
    Align2, Color32, CornerRadius, FontId, Pos2, Rect, Shape, Stroke, StrokeKind, pos2, vec2,
};

/// What the screen reader says for a card (and what UI tests look cards up by).
pub fn card_label(node: NodeRef<'_>) -> String {
    match node {
        NodeRef::Claim(c) => format!("Claim: {}", c.text),
        NodeRef::Quote(q) => format!("Quote: {}", q.anchor.exact),
    }
}

/// What a screen reader says after a card's name: thesis, where a quote is from, what the card
/// bears on and what bears on it, and who holds it ("supports: NATO is a relic…, held by
/// Russian officials").
pub fn card_description(map: &Map, node: NodeRef<'_>) -> String {
    let mut parts = Vec::new();
    match node {
        NodeRef::Claim(c) if c.thesis => parts.push("thesis".to_owned()),
        NodeRef::Quote(q) => {
            if let Some(s) = map.source(&q.source) {
                parts.push(format!("from {}", s.short_name()));
            }
        }
        NodeRef::Claim(_) => {}
    }
    let id = node.id();
    for l in &map.links {
        let (verb, other) = if &l.from == id {
            (l.relation.as_str(), &l.to)
        } else if &l.to == id {
            (passive(l.relation), &l.from)
        } else {
            continue;
        };
        if let Some(other) = map.node(other) {
            parts.push(format!("{verb}: {}", gist(other)));
        }
    }
    if let NodeRef::Claim(c) = node {
        let holders: Vec<&str> = c
            .actors
            .iter()
            .filter_map(|a| map.actor(a))
            .map(|a| a.name.as_str())
            .collect();
        if !holders.is_empty() {
            parts.push(format!("held by {}", holders.join(", ")));
        }
    }
    parts.join(", ")
}

/// What a screen reader says for a link ("Quote: … supports Claim: …").
pub fn link_label(map: &Map, link: &crate::model::Link) -> String {
    let name = |id| map.node(id).map_or_else(|| "?".to_owned(), gist);
    format!(
        "{} {} {}",
        name(&link.from),
        link.relation.as_str(),
        name(&link.to)
    )
}

fn passive(relation: Relation) -> &'static str {
    match relation {
        Relation::Supports => "supported by",
        Relation::Opposes => "opposed by",
        Relation::Contradicts => "contradicted by",
        Relation::Qualifies => "qualified by",
    }
}

/// A card named briefly: its kind and the first words of its text.
fn gist(node: NodeRef<'_>) -> String {
    const WORDS: usize = 8;
    let label = card_label(node);
    let mut words = label.split_whitespace();
    let mut out: Vec<&str> = words.by_ref().take(WORDS).collect();
    if words.next().is_some() {
        out.push("…");
    }
    out.join(" ")
}

pub fn distance_to_segment(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let t = ((p - a).dot(ab) / ab.length_sq().max(1e-6)).clamp(0.0, 1.0);
    p.distance(a + ab * t)
}

/// Draws a link along its route (two or three points), the head on the last segment.
pub fn paint_route(
    painter: &egui::Painter,
    pts: &[Pos2],
    relation: Relation,
    color: Color32,
    width: f32,
) {
    let [body @ .., a, b] = pts else { return };
    if !body.is_empty() {
        let mut line = body.to_vec();
        line.push(*a);
        let stroke = Stroke::new(width, color);
        let dash = (width * 4.5).clamp(7.0, 18.0);
        if relation == Relation::Opposes {
            painter.add(Shape::dashed_line(&line, stroke, dash * 0.8, dash * 0.5));
        } else if relation == Relation::Qualifies {
            painter.add(Shape::dashed_line(&line, stroke, dash * 0.3, dash * 0.35));
        } else {
            painter.add(Shape::line(line, stroke));
        }
    }
    paint_link(painter, *a, *b, relation, color, width);
}

/// Draws one link; relation is told by shape as well as colour.
pub fn paint_link(
    painter: &egui::Painter,
    a: Pos2,
    b: Pos2,
    relation: Relation,
    color: Color32,
    width: f32,
) {
    let dir = (b - a).normalized();
    let normal = vec2(-dir.y, dir.x);
    let stroke = Stroke::new(width, color);
    let head = (width * 4.5).clamp(7.0, 18.0);
    match relation {
        Relation::Supports => {
            let tip = b;
            let base = b - dir * head;
            painter.line_segment([a, base], stroke);
            painter.add(Shape::convex_polygon(
                vec![tip, base + normal * head * 0.5, base - normal * head * 0.5],
                color,
                Stroke::NONE,
            ));
        }
        Relation::Opposes => {
            let end = b - dir * (width * 1.5);
            painter.add(Shape::dashed_line(
                &[a, end],
                stroke,
                head * 0.8,
                head * 0.5,
            ));
            // A bar across the end: "⊣".
            painter.line_segment(
                [end + normal * head * 0.7, end - normal * head * 0.7],
                Stroke::new(width * 1.4, color),
            );
        }
        Relation::Contradicts => {
            let off = normal * (width * 1.4).max(2.0);
            painter.line_segment([a + off, b + off], stroke);
            painter.line_segment([a - off, b - off], stroke);
        }
        Relation::Qualifies => {
            // Dotted, with an open head: it bears on the claim without being a reason for it
            // (the filled head) or against it (the bar).
            let end = b - dir * (width * 0.5);
            painter.add(Shape::dashed_line(
                &[a, end],
                stroke,
                head * 0.3,
                head * 0.35,
            ));
            let base = b - dir * head;
            let open = Stroke::new(width * 1.2, color);
            painter.line_segment([base + normal * head * 0.5, b], open);
            painter.line_segment([base - normal * head * 0.5, b], open);
        }
    }
}

/// The legend in the corner: each relation's line and name.
pub fn legend_ui(ui: &egui::Ui, rect: Rect, palette: &Palette) {
    let painter = ui.painter();
    let size = vec2(150.0, 98.0);
    let r = Rect::from_min_size(
        pos2(rect.left() + 10.0, rect.bottom() - size.y - 10.0),
        size,
    );
    painter.rect(
        r,
        CornerRadius::same(6),
        palette.claim_fill.gamma_multiply(0.92),
        Stroke::new(1.0, palette.claim_stroke),
        StrokeKind::Inside,
    );
    for (i, rel) in Relation::ALL.iter().enumerate() {
        let y = r.top() + 14.0 + i as f32 * 22.0;
        let a = pos2(r.left() + 10.0, y);
        let b = pos2(r.left() + 56.0, y);
        paint_link(painter, a, b, *rel, Palette::relation(*rel), 2.0);
        painter.text(
            pos2(r.left() + 66.0, y),
            Align2::LEFT_CENTER,
            rel.as_str(),
            FontId::proportional(13.0),
            palette.text,
        );
    }
}

#[allow(clippy::too_many_arguments, clippy::many_single_char_names)]
pub fn paint_card(
    painter: &egui::Painter,
    node: NodeRef<'_>,
    map: &Map,
    r: Rect,
    lines: &[String],
    selected: bool,
    show_text: bool,
    zoom: f32,
    palette: &Palette,
) {
    // Rounded corners only where they can be seen: they cost vertices.
    let radius = if show_text {
        CornerRadius::same((6.0 * zoom).clamp(1.0, 12.0) as u8)
    } else {
        CornerRadius::ZERO
    };
    let (fill, mut stroke) = match node {
        NodeRef::Claim(c) if c.thesis => (
            palette.claim_fill,
            Stroke::new((2.5 * zoom).clamp(1.0, 4.0), palette.thesis_stroke),
        ),
        NodeRef::Claim(_) => (palette.claim_fill, Stroke::new(1.0, palette.claim_stroke)),
        NodeRef::Quote(_) => (palette.quote_fill, Stroke::new(1.0, palette.quote_stroke)),
    };
    if selected {
        stroke = Stroke::new((3.0 * zoom).clamp(2.0, 4.0), palette.selection);
    }
    painter.rect(r, radius, fill, stroke, StrokeKind::Inside);
    if let NodeRef::Quote(_) = node {
        // A bar down the left edge: quotes read as excerpts, not claims.
        let bar = Rect::from_min_size(r.min, vec2((4.0 * zoom).clamp(2.0, 6.0), r.height()));
        painter.rect_filled(bar, radius, palette.quote_stroke);
    }
    let pad = CARD_PAD * zoom;
    if !show_text {
        paint_bars(painter, r, pad, zoom, palette);
        return;
    }
    let clip = painter.with_clip_rect(r.intersect(painter.clip_rect()));
    paint_lines(&clip, node, r, lines, pad, zoom, palette);
    // Footer: who holds a claim, or where a quote comes from.
    match node {
        NodeRef::Claim(c) => paint_holders(&clip, c, map, r, zoom, palette),
        NodeRef::Quote(q) => {
            let name = map
                .source(&q.source)
                .map_or_else(|| "?".to_owned(), crate::model::Source::short_name);
            // Cut to the card's width (the projector's larger footer would overflow it).
            let line = crate::export::frame_svg::fit_citation(
                &format!("— {name}"),
                Face::Regular,
                palette.footer_font,
                CARD_WIDTH - 2.0 * CARD_PAD - 4.0,
            );
            clip.text(
                pos2(r.right() - pad, footer_y(r, zoom)),
                Align2::RIGHT_CENTER,
                line,
                footer_font(zoom, palette),
                palette.weak_text,
            );
        }
    }
}

/// The middle of a card's footer line.
fn footer_y(r: Rect, zoom: f32) -> f32 {
    r.bottom() - CARD_PAD * zoom - 6.0 * zoom
}

fn footer_font(zoom: f32, palette: &Palette) -> FontId {
    theme::card_font((palette.footer_font * zoom).max(1.0), false)
}

/// Level of detail: two grey bars where the text would be (cheap to draw and tessellate).
fn paint_bars(painter: &egui::Painter, r: Rect, pad: f32, zoom: f32, palette: &Palette) {
    let bar = palette.weak_text.gamma_multiply(0.5);
    let w = r.width() - 2.0 * pad;
    let h = (8.0 * zoom).max(1.0);
    painter.rect_filled(
        Rect::from_min_size(pos2(r.left() + pad, r.top() + pad), vec2(w, h)),
        0.0,
        bar,
    );
    if r.height() > 4.0 * pad {
        painter.rect_filled(
            Rect::from_min_size(
                pos2(r.left() + pad, r.top() + pad + 2.0 * h),
                vec2(w * 0.6, h),
            ),
            0.0,
            bar,
        );
    }
}

/// The card's text, as the layout wrapped it (the exports draw the very same lines), each set
/// on the export's baseline: `LINE_HEIGHT` apart, the first a font size below the padding.
fn paint_lines(
    clip: &egui::Painter,
    node: NodeRef<'_>,
    r: Rect,
    lines: &[String],
    pad: f32,
    zoom: f32,
    palette: &Palette,
) {
    let empty = matches!(node, NodeRef::Claim(c) if c.text.trim().is_empty());
    let ink = if empty {
        palette.weak_text
    } else {
        palette.text
    };
    let oblique = matches!(node, NodeRef::Quote(_));
    let font = theme::card_font(CARD_FONT * zoom, oblique);
    let rise = ascent(if oblique {
        Face::Oblique
    } else {
        Face::Regular
    }) * CARD_FONT
        * zoom;
    for (i, line) in lines.iter().enumerate() {
        let baseline = r.top() + pad + (i as f32 * LINE_HEIGHT + CARD_FONT) * zoom;
        clip.text(
            pos2(r.left() + pad, baseline - rise),
            Align2::LEFT_TOP,
            line,
            font.clone(),
            ink,
        );
    }
}

/// A claim's footer: "THESIS" and a chip per actor holding it, as many as fit.
fn paint_holders(
    clip: &egui::Painter,
    c: &crate::model::Claim,
    map: &Map,
    r: Rect,
    zoom: f32,
    palette: &Palette,
) {
    let pad = CARD_PAD * zoom;
    let (y, small) = (footer_y(r, zoom), &footer_font(zoom, palette));
    let mut x = r.left() + pad;
    if c.thesis {
        let g = clip.layout_no_wrap("THESIS".into(), small.clone(), palette.thesis_stroke);
        let w = g.size().x;
        clip.galley(pos2(x, y - g.size().y / 2.0), g, palette.thesis_stroke);
        x += w + 8.0 * zoom;
    }
    for a in c.actors.iter().filter_map(|a| map.actor(a)) {
        let color = theme::color32(a.color);
        let ink = theme::ink_on(color);
        let g = clip.layout_no_wrap(a.name.clone(), small.clone(), ink);
        let chip = Rect::from_min_size(
            pos2(x, y - g.size().y / 2.0 - 2.0 * zoom),
            g.size() + vec2(10.0 * zoom, 4.0 * zoom),
        );
        if chip.right() > r.right() - pad {
            break;
        }
        clip.rect_filled(
            chip,
            CornerRadius::same((8.0 * zoom).min(255.0) as u8),
            color,
        );
        clip.galley(chip.min + vec2(5.0 * zoom, 2.0 * zoom), g, ink);
        x = chip.right() + 4.0 * zoom;
    }
}
