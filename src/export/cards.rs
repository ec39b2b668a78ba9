//! One card as SVG, drawn the same way by the map export and the presentation frame: a group
//! `<g class="card KIND" id="card-ID">` whose first child is the card's `<rect>`, then its
//! focus ring, a quote's bar, its text and its footer (who holds a claim, where a quote is from).
//! Only the colours and sizes differ, in a [`CardStyle`].

use super::style::{Rgb, hex, ink_on};
use super::svg::xml;
use crate::layout::card::{self, CARD_FONT, CARD_PAD, Face, LINE_HEIGHT, card_lines, text_width};
use crate::layout::route::Bounds;
use crate::model::{Map, NodeRef};
use std::fmt::Write;

/// How one card is drawn. Colours are `#rrggbb`.
pub(super) struct CardStyle {
    pub fill: String,
    pub stroke: String,
    pub stroke_width: f32,
    pub text: String,
    /// Citations and the "+n" of actors left out.
    pub weak: String,
    /// The THESIS mark.
    pub thesis: String,
    /// The footer line's font size.
    pub small: f32,
    /// The ring round a focused card: colour, gap to the card and line width.
    pub ring: Option<(String, f32, f32)>,
    /// Classes after `card KIND` (the frame's look of the card), or empty.
    pub class: &'static str,
    /// The group's opacity (the map export's cards from earlier steps).
    pub opacity: Option<f32>,
}

/// Coordinates to one decimal, whole numbers bare.
pub(super) fn n(x: f32) -> String {
    let r = (x * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

/// `text` cut with an ellipsis to fit `width` at `size` in `face`.
pub fn fit_text(text: &str, face: Face, size: f32, width: f32) -> String {
    if text_width(text, face, size) <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    for c in text.chars() {
        out.push(c);
        if text_width(&out, face, size) + text_width("…", face, size) > width {
            out.pop();
            break;
        }
    }
    format!("{}…", out.trim_end())
}

/// A citation ("— Author, Title 2022") cut to fit `width`, keeping the year it ends with: the
/// name is shortened, not the date ("— Russia, Medvedev… (2008)").
pub fn fit_citation(text: &str, face: Face, size: f32, width: f32) -> String {
    if text_width(text, face, size) <= width {
        return text.to_owned();
    }
    let Some(year) = trailing_year(text) else {
        return fit_text(text, face, size, width);
    };
    let head = text[..text.len() - year.len()].trim_end();
    let room = width - text_width(&format!(" {year}"), face, size);
    if head.is_empty() || room <= text_width("— …", face, size) {
        return fit_text(text, face, size, width);
    }
    format!("{} {year}", fit_text(head, face, size, room))
}

/// The year a citation ends with, as written: `2008` or `(2008)`.
fn trailing_year(text: &str) -> Option<&str> {
    let bare = text.strip_suffix(')').unwrap_or(text);
    let digits = bare.len() - bare.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits != 4 {
        return None;
    }
    let start = bare.len() - 4;
    let start = if bare.len() < text.len() {
        // The year in parentheses: take the opening one too.
        bare[..start].strip_suffix('(').map_or(start, str::len)
    } else {
        start
    };
    (start == 0 || text[..start].ends_with(' ')).then(|| &text[start..])
}

/// One card at `r` (canvas units).
pub(super) fn card_svg(s: &mut String, map: &Map, node: NodeRef<'_>, r: Bounds, style: &CardStyle) {
    let kind = match node {
        NodeRef::Claim(c) if c.thesis => "claim thesis",
        NodeRef::Claim(_) => "claim",
        NodeRef::Quote(_) => "quote",
    };
    let more = if style.class.is_empty() {
        String::new()
    } else {
        format!(" {}", style.class)
    };
    let opacity = style
        .opacity
        .map_or_else(String::new, |o| format!(" opacity=\"{o}\""));
    let _ = writeln!(
        s,
        "<g class=\"card {kind}{more}\" id=\"card-{}\"{opacity}>",
        xml(node.id().as_str())
    );
    // The stroke sits inside the card, as on the canvas.
    let inset = style.stroke_width / 2.0;
    let _ = writeln!(
        s,
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\" fill=\"{}\" \
         stroke=\"{}\" stroke-width=\"{}\"/>",
        n(r.x + inset),
        n(r.y + inset),
        n(r.w - 2.0 * inset),
        n(r.h - 2.0 * inset),
        super::style::RADIUS,
        style.fill,
        style.stroke,
        style.stroke_width,
    );
    // The focus ring after the card's own rectangle, which stays the group's first child.
    if let Some((colour, gap, width)) = &style.ring {
        let _ = writeln!(
            s,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\" fill=\"none\" \
             stroke=\"{colour}\" stroke-width=\"{width}\"/>",
            n(r.x - gap),
            n(r.y - gap),
            n(r.w + 2.0 * gap),
            n(r.h + 2.0 * gap),
            n(super::style::RADIUS + gap),
        );
    }
    if let NodeRef::Quote(_) = node {
        // The bar down the left edge that marks an excerpt.
        let _ = writeln!(
            s,
            "<rect x=\"{}\" y=\"{}\" width=\"4\" height=\"{}\" rx=\"2\" fill=\"{}\"/>",
            n(r.x),
            n(r.y),
            n(r.h),
            style.stroke
        );
    }
    text_svg(s, node, r, style);
    footer_svg(s, map, node, r, style);
    s.push_str("</g>\n");
}

/// The card's lines of text.
fn text_svg(s: &mut String, node: NodeRef<'_>, r: Bounds, style: &CardStyle) {
    let empty = matches!(node, NodeRef::Claim(c) if c.text.trim().is_empty());
    let (class, ink) = match node {
        NodeRef::Quote(_) => ("card quote", &style.text),
        NodeRef::Claim(_) if empty => ("card empty", &style.weak),
        NodeRef::Claim(_) => ("card", &style.text),
    };
    let x = n(r.x + CARD_PAD);
    let _ = write!(s, "<text class=\"{class}\" fill=\"{ink}\">");
    for (i, line) in card_lines(node).iter().enumerate() {
        let y = r.y + CARD_PAD + i as f32 * LINE_HEIGHT + CARD_FONT;
        let _ = write!(s, "<tspan x=\"{x}\" y=\"{}\">{}</tspan>", n(y), xml(line));
    }
    s.push_str("</text>\n");
}

/// Who holds a claim (thesis mark and actor chips), or where a quote comes from.
fn footer_svg(s: &mut String, map: &Map, node: NodeRef<'_>, r: Bounds, style: &CardStyle) {
    let small = style.small;
    let mid = r.bottom() - CARD_PAD - 6.0;
    let baseline = n(mid + small * 0.36);
    match node {
        NodeRef::Claim(c) => {
            let mut x = r.x + CARD_PAD;
            let right = r.right() - CARD_PAD;
            if c.thesis {
                let _ = writeln!(
                    s,
                    "<text class=\"small thesis-mark\" fill=\"{}\" x=\"{}\" y=\"{baseline}\">THESIS</text>",
                    style.thesis,
                    n(x)
                );
                x += text_width("THESIS", Face::Bold, small) + 11.0;
            }
            let actors: Vec<_> = c.actors.iter().filter_map(|a| map.actor(a)).collect();
            let chip_h = small + 4.0;
            for (i, a) in actors.iter().enumerate() {
                let w = text_width(&a.name, Face::Regular, small) + 10.0;
                // Keep room for a "+n" when more actors follow.
                let reserve = if i + 1 < actors.len() { 28.0 } else { 0.0 };
                if x + w + reserve > right {
                    let _ = writeln!(
                        s,
                        "<text class=\"small source\" fill=\"{}\" x=\"{}\" y=\"{baseline}\">+{}</text>",
                        style.weak,
                        n(x),
                        actors.len() - i
                    );
                    break;
                }
                let ink: Rgb = ink_on(a.color.0);
                let _ = writeln!(
                    s,
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\" fill=\"{}\"/>\
                     <text class=\"small chip\" fill=\"{}\" x=\"{}\" y=\"{baseline}\">{}</text>",
                    n(x),
                    n(mid - chip_h / 2.0),
                    n(w),
                    n(chip_h),
                    n(chip_h / 2.0),
                    a.color.to_hex(),
                    hex(ink),
                    n(x + 5.0),
                    xml(&a.name)
                );
                x += w + 4.0;
            }
        }
        NodeRef::Quote(_) => {
            if let Some(name) = card::quote_footer(map, node) {
                let name = fit_citation(&name, Face::Regular, small, r.w - 2.0 * CARD_PAD - 4.0);
                let _ = writeln!(
                    s,
                    "<text class=\"small source\" fill=\"{}\" x=\"{}\" y=\"{baseline}\" \
                     text-anchor=\"end\">{}</text>",
                    style.weak,
                    n(r.right() - CARD_PAD),
                    xml(&name)
                );
            }
        }
    }
}

/// The teacher's comment badges, over the cards and links: a speech bubble holding the number of
/// comments on each card (on its top edge, as on the canvas) and each link (`links`: where its
/// route is halfway), with the count spelled out as its tooltip.
pub(super) fn comment_badges_svg(
    s: &mut String,
    map: &Map,
    rects: &std::collections::HashMap<&crate::model::NodeId, Bounds>,
    links: &[(&crate::model::LinkId, crate::model::Point)],
) {
    use crate::model::Target;
    if map.comments.is_empty() {
        return;
    }
    let mut cards: std::collections::HashMap<&crate::model::NodeId, usize> =
        std::collections::HashMap::new();
    let mut on_links: std::collections::HashMap<&crate::model::LinkId, usize> =
        std::collections::HashMap::new();
    for c in &map.comments {
        match &c.on {
            Target::Node(id) => *cards.entry(id).or_insert(0) += 1,
            Target::Link(id) => *on_links.entry(id).or_insert(0) += 1,
        }
    }
    s.push_str("<g class=\"comments\">\n");
    // In the map's order, so the file is the same every time.
    for node in map.nodes() {
        if let (Some(&count), Some(r)) = (cards.get(node.id()), rects.get(node.id())) {
            badge_svg(s, r.right() - 2.2 * BADGE_H, r.y - 0.2 * BADGE_H, count);
        }
    }
    for (id, at) in links {
        if let Some(&count) = on_links.get(id) {
            badge_svg(s, at.x, at.y, count);
        }
    }
    s.push_str("</g>\n");
}

/// A comment badge's height, canvas units (its count is set in the footer's small type).
const BADGE_H: f32 = 18.0;

/// One speech bubble centred at (`cx`, `cy`) with `count` in it.
fn badge_svg(s: &mut String, cx: f32, cy: f32, count: usize) {
    let text = if count > 9 {
        "9+".to_owned()
    } else {
        count.to_string()
    };
    let h = BADGE_H;
    let w = h * if count > 9 { 1.7 } else { 1.4 };
    let (x, y) = (cx - w / 2.0, cy - h / 2.0);
    let r = h * 0.35;
    let said = if count == 1 {
        "1 comment from the teacher".to_owned()
    } else {
        format!("{count} comments from the teacher")
    };
    let _ = writeln!(
        s,
        "<g class=\"comment-badge\"><title>{said}</title><path d=\"M{} {} H{} Q{} {} {} {} V{} \
         Q{} {} {} {} H{} L{} {} L{} {} H{} Q{} {} {} {} V{} Q{} {} {} {} Z\" fill=\"{}\" \
         stroke=\"{}\" stroke-width=\"1.5\" stroke-linejoin=\"round\"/>\
         <text class=\"small\" fill=\"{}\" x=\"{}\" y=\"{}\" text-anchor=\"middle\" \
         font-weight=\"bold\">{text}</text></g>",
        n(x + r),
        n(y),
        n(x + w - r),
        n(x + w),
        n(y),
        n(x + w),
        n(y + r),
        n(y + h - r),
        n(x + w),
        n(y + h),
        n(x + w - r),
        n(y + h),
        n(x + w * 0.45),
        n(x + w * 0.12),
        n(y + h * 1.3),
        n(x + w * 0.2),
        n(y + h),
        n(x + r),
        n(x),
        n(y + h),
        n(x),
        n(y + h - r),
        n(y + r),
        n(x),
        n(y),
        n(x + r),
        n(y),
        hex(super::style::COMMENT_FILL),
        hex(super::style::COMMENT_INK),
        hex(super::style::COMMENT_INK),
        n(cx),
        n(cy + card::SMALL_FONT * 0.36),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_citation_keeps_its_year() {
        let size = 12.5;
        for (text, year) in [
            ("— Russia, Medvedev and NATO… (2008)", "(2008)"),
            (
                "— Golz, Why Not Join NATO? A long title indeed 1996",
                "1996",
            ),
        ] {
            let full = text_width(text, Face::Regular, size);
            let cut = fit_citation(text, Face::Regular, size, full * 0.6);
            assert!(cut.ends_with(&format!("… {year}")), "{cut}");
            assert!(cut.starts_with("— "), "{cut}");
            assert!(text_width(&cut, Face::Regular, size) <= full * 0.6, "{cut}");
        }
        // What fits is left alone; without a year the end is cut as any text.
        assert_eq!(
            fit_citation("— Golz 1996", Face::Regular, size, 500.0),
            "— Golz 1996"
        );
        let plain = "— A source with no date at all, but a long name";
        let cut = fit_citation(plain, Face::Regular, size, 120.0);
        assert!(cut.ends_with('…') && cut.starts_with("— A"), "{cut}");
        // A number glued to a word is not a year.
        assert_eq!(trailing_year("— Report A1996"), None);
        assert_eq!(trailing_year("— Golz (1996)"), Some("(1996)"));
    }
}
