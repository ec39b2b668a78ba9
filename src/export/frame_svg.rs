//! A presentation frame as SVG: what the presentation shows for one story step on a screen of
//! a given size ([`crate::frame::frame`]), in a projector theme, without the window's controls.
//! For slides, and for checking headless that every step reads from the back row.

use super::style::{self as st, FramePalette, Rgb, hex, ink_on};
use super::svg::{SvgError, link_svg, xml};
use crate::frame::{FOOTER_FONT as SMALL_FONT, Frame, FrameSettings, Look, frame};
use crate::layout::card::{self, CARD_FONT, CARD_PAD, Face, LINE_HEIGHT, card_lines, text_width};
use crate::layout::route::Bounds;
use crate::model::{Map, NodeRef, Step};
use std::fmt::Write;

/// The step title's size at 1080 px.
const TITLE_FONT: f32 = 36.0;

/// Coordinates to one decimal, whole numbers bare.
fn n(x: f32) -> String {
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

/// The SVG of step `k` (from 0) of `steps` on a `settings.width × settings.height` screen.
pub fn frame_to_svg(
    map: &Map,
    steps: &[Step],
    k: usize,
    settings: &FrameSettings,
    palette: &FramePalette,
) -> Result<String, SvgError> {
    let Some(step) = steps.get(k) else {
        return Err(SvgError::NoSuchStep {
            step: k + 1,
            count: steps.len(),
        });
    };
    let f = frame(map, steps, k, settings);
    let (w, h) = (n(settings.width), n(settings.height));
    let mut s = String::with_capacity(f.cards.len() * 1000 + 2000);
    let _ = writeln!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{w}\" \
         height=\"{h}\" viewBox=\"0 0 {w} {h}\">"
    );
    let _ = writeln!(s, "<title>{}</title>", xml(&map.title));
    let _ = write!(
        s,
        "<style>\n\
         text {{ font-family: {font}; }}\n\
         .card {{ font-size: {CARD_FONT}px; }}\n\
         text.quote {{ font-style: italic; }}\n\
         .small {{ font-size: {SMALL_FONT}px; }}\n\
         .thesis-mark {{ font-weight: bold; letter-spacing: 0.5px; }}\n\
         .title {{ font-weight: bold; }}\n\
         </style>\n",
        font = st::FONT_STACK,
    );
    let _ = writeln!(
        s,
        "<rect x=\"0\" y=\"0\" width=\"{w}\" height=\"{h}\" fill=\"{}\"/>",
        hex(palette.canvas)
    );
    let size = TITLE_FONT * f.unit;
    let pad = 30.0 * f.unit;
    let title = fit_text(&step.title, Face::Bold, size, settings.width - 2.0 * pad);
    let _ = writeln!(
        s,
        "<text class=\"title\" fill=\"{}\" x=\"{}\" y=\"{}\" font-size=\"{}\">{}</text>",
        hex(palette.text),
        n(pad),
        n(f.title.y + f.title.h / 2.0 + size * 0.35),
        n(size),
        xml(&title)
    );
    let origin = f.to_screen(crate::model::Point::new(0.0, 0.0));
    let _ = writeln!(
        s,
        "<g transform=\"translate({} {}) scale({})\">",
        origin.x, origin.y, f.zoom
    );
    cards_svg(&mut s, map, &f, palette);
    s.push_str("</g>\n</svg>\n");
    Ok(s)
}

/// The links, then the cards, in canvas units.
fn cards_svg(s: &mut String, map: &Map, f: &Frame, palette: &FramePalette) {
    let earlier = |id: &crate::model::NodeId| {
        f.cards
            .iter()
            .any(|c| &c.id == id && c.look == Look::Earlier)
    };
    s.push_str("<g class=\"links\">\n");
    for (link, route) in map.links.iter().zip(&f.routes) {
        if let Some(route) = route {
            link_svg(
                s,
                route,
                link.relation,
                earlier(&link.from) || earlier(&link.to),
            );
        }
    }
    s.push_str("</g>\n<g class=\"cards\">\n");
    for c in &f.cards {
        if let Some(node) = map.node(&c.id) {
            card_svg(s, map, node, c.rect, c.look, palette);
        }
    }
    s.push_str("</g>\n");
}

/// One card: its `<rect>` first (exports keep each card as `<g id="card-ID">` so).
fn card_svg(s: &mut String, map: &Map, node: NodeRef<'_>, r: Bounds, look: Look, p: &FramePalette) {
    let dim = look == Look::Earlier;
    let pick = |bright: Rgb, quiet: Rgb| hex(if dim { quiet } else { bright });
    let (kind, fill, stroke, stroke_w) = match node {
        NodeRef::Claim(c) if c.thesis => (
            "claim thesis",
            pick(p.claim_fill, p.claim_fill_dim),
            hex(p.thesis),
            3.0,
        ),
        NodeRef::Claim(_) => (
            "claim",
            pick(p.claim_fill, p.claim_fill_dim),
            pick(p.claim_stroke, p.stroke_dim),
            1.5,
        ),
        NodeRef::Quote(_) => (
            "quote",
            pick(p.quote_fill, p.quote_fill_dim),
            pick(p.quote_stroke, p.stroke_dim),
            1.5,
        ),
    };
    let look_class = match look {
        Look::Earlier => "earlier",
        Look::New => "new",
        Look::Focused => "focused",
    };
    let _ = writeln!(
        s,
        "<g class=\"card {kind} {look_class}\" id=\"card-{}\">",
        xml(node.id().as_str())
    );
    let inset = stroke_w / 2.0;
    let _ = writeln!(
        s,
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"6\" fill=\"{fill}\" \
         stroke=\"{stroke}\" stroke-width=\"{stroke_w}\"/>",
        n(r.x + inset),
        n(r.y + inset),
        n(r.w - 2.0 * inset),
        n(r.h - 2.0 * inset),
    );
    if look == Look::Focused {
        let _ = writeln!(
            s,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"9\" fill=\"none\" \
             stroke=\"{}\" stroke-width=\"3\"/>",
            n(r.x - 4.0),
            n(r.y - 4.0),
            n(r.w + 8.0),
            n(r.h + 8.0),
            hex(p.focus)
        );
    }
    if let NodeRef::Quote(_) = node {
        let _ = writeln!(
            s,
            "<rect x=\"{}\" y=\"{}\" width=\"4\" height=\"{}\" rx=\"2\" fill=\"{stroke}\"/>",
            n(r.x),
            n(r.y),
            n(r.h),
        );
    }
    let ink = pick(p.text, p.text_dim);
    let weak = pick(p.weak_text, p.weak_text_dim);
    let class = if matches!(node, NodeRef::Quote(_)) {
        "card quote"
    } else {
        "card"
    };
    let _ = write!(s, "<text class=\"{class}\" fill=\"{ink}\">");
    for (i, line) in card_lines(node).iter().enumerate() {
        let y = r.y + CARD_PAD + i as f32 * LINE_HEIGHT + CARD_FONT;
        let _ = write!(
            s,
            "<tspan x=\"{}\" y=\"{}\">{}</tspan>",
            n(r.x + CARD_PAD),
            n(y),
            xml(line)
        );
    }
    s.push_str("</text>\n");
    let mid = r.bottom() - CARD_PAD - 6.0;
    let baseline = n(mid + SMALL_FONT * 0.36);
    match node {
        NodeRef::Claim(c) => {
            let mut x = r.x + CARD_PAD;
            let right = r.right() - CARD_PAD;
            if c.thesis {
                let _ = writeln!(
                    s,
                    "<text class=\"small thesis-mark\" fill=\"{}\" x=\"{}\" y=\"{baseline}\">THESIS</text>",
                    hex(p.thesis),
                    n(x)
                );
                x += text_width("THESIS", Face::Bold, SMALL_FONT) + 11.0;
            }
            let actors: Vec<_> = c.actors.iter().filter_map(|a| map.actor(a)).collect();
            for (i, a) in actors.iter().enumerate() {
                let w = text_width(&a.name, Face::Regular, SMALL_FONT) + 10.0;
                let reserve = if i + 1 < actors.len() { 28.0 } else { 0.0 };
                if x + w + reserve > right {
                    let _ = writeln!(
                        s,
                        "<text class=\"small\" fill=\"{weak}\" x=\"{}\" y=\"{baseline}\">+{}</text>",
                        n(x),
                        actors.len() - i
                    );
                    break;
                }
                let _ = writeln!(
                    s,
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"17\" rx=\"8.5\" fill=\"{}\"/>\
                     <text class=\"small\" fill=\"{}\" x=\"{}\" y=\"{baseline}\">{}</text>",
                    n(x),
                    n(mid - 8.5),
                    n(w),
                    a.color.to_hex(),
                    hex(ink_on(a.color.0)),
                    n(x + 5.0),
                    xml(&a.name)
                );
                x += w + 4.0;
            }
        }
        NodeRef::Quote(_) => {
            if let Some(name) = card::quote_footer(map, node) {
                let name = fit_text(&name, Face::Regular, SMALL_FONT, r.w - 2.0 * CARD_PAD - 4.0);
                let _ = writeln!(
                    s,
                    "<text class=\"small\" fill=\"{weak}\" x=\"{}\" y=\"{baseline}\" \
                     text-anchor=\"end\">{}</text>",
                    n(r.right() - CARD_PAD),
                    xml(&name)
                );
            }
        }
    }
    s.push_str("</g>\n");
}
