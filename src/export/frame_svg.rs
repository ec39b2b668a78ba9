//! A presentation frame as SVG: what the presentation shows for one story step on a screen of
//! a given size ([`crate::frame::frame`]), in a projector theme, without the window's controls.
//! For slides, and for checking headless that every step reads from the back row.

use super::cards::{CardStyle, card_svg, n};
pub use super::cards::{fit_citation, fit_text};
use super::style::{self as st, FramePalette, Rgb, hex};
use super::svg::{SvgError, link_svg, xml};
use crate::frame::{FOOTER_FONT as SMALL_FONT, Frame, FrameSettings, Look, frame};
use crate::layout::card::{CARD_FONT, Face};
use crate::model::{Map, NodeRef, Step};
use std::fmt::Write;

/// The step title's size at 1080 px.
const TITLE_FONT: f32 = 36.0;

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
            card_svg(s, map, node, c.rect, &style_of(node, c.look, palette));
        }
    }
    s.push_str("</g>\n");
}

/// How a card of the frame looks in `p`: earlier cards in the quieter colours, focused ones
/// ringed.
fn style_of(node: NodeRef<'_>, look: Look, p: &FramePalette) -> CardStyle {
    let dim = look == Look::Earlier;
    let pick = |bright: Rgb, quiet: Rgb| hex(if dim { quiet } else { bright });
    let (fill, stroke, stroke_width) = match node {
        NodeRef::Claim(c) if c.thesis => (pick(p.claim_fill, p.claim_fill_dim), hex(p.thesis), 3.0),
        NodeRef::Claim(_) => (
            pick(p.claim_fill, p.claim_fill_dim),
            pick(p.claim_stroke, p.stroke_dim),
            1.5,
        ),
        NodeRef::Quote(_) => (
            pick(p.quote_fill, p.quote_fill_dim),
            pick(p.quote_stroke, p.stroke_dim),
            1.5,
        ),
    };
    CardStyle {
        fill,
        stroke,
        stroke_width,
        text: pick(p.text, p.text_dim),
        weak: pick(p.weak_text, p.weak_text_dim),
        thesis: hex(p.thesis),
        small: SMALL_FONT,
        ring: (look == Look::Focused).then(|| (hex(p.focus), 4.0, 3.0)),
        class: match look {
            Look::Earlier => "earlier",
            Look::New => "new",
            Look::Focused => "focused",
        },
        opacity: None,
    }
}
