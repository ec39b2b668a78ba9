//! What a card shows and how big it is: the one place both the layout and the exporters measure
//! cards. Text is measured with the glyph advances of the bundled font (DejaVu Sans, the font the
//! exports are drawn in), so a wrapped line here is a wrapped line in the SVG.

use crate::model::{Map, NodeRef, Source};
use std::sync::OnceLock;

/// DejaVu Sans (regular), bundled so exports look the same on every machine.
pub const FONT_REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
/// DejaVu Sans Oblique: quote text is set in italics, as on the canvas.
pub const FONT_OBLIQUE: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Oblique.ttf");
/// DejaVu Sans Bold: titles and the thesis mark.
pub const FONT_BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");
/// The family name the bundled fonts register under.
pub const FONT_FAMILY: &str = "DejaVu Sans";

/// Card width in canvas units (the canvas's `CARD_WIDTH`).
pub const CARD_WIDTH: f32 = 240.0;
/// Padding inside a card.
pub const CARD_PAD: f32 = 10.0;
/// Card text size.
pub const CARD_FONT: f32 = 14.0;
/// Distance between baselines of card text.
pub const LINE_HEIGHT: f32 = 18.0;
/// Height of the footer line (actors, thesis mark, source).
pub const FOOTER: f32 = 22.0;
/// Footer text size.
pub const SMALL_FONT: f32 = 11.0;
/// The longest quote text shown on a card (the reader shows all of it).
const QUOTE_CARD_CHARS: usize = 240;

/// A card's size in canvas units.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Size {
    pub w: f32,
    pub h: f32,
}

/// Which face of the bundled font a text is set in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Face {
    Regular,
    Oblique,
    Bold,
}

/// Advance widths per em for one face: ASCII in a table, the rest looked up in the font.
struct Metrics {
    face: Option<ttf_parser::Face<'static>>,
    ascii: [f32; 128],
    fallback: f32,
}

impl Metrics {
    fn new(data: &'static [u8]) -> Self {
        let face = ttf_parser::Face::parse(data, 0).ok();
        // Should the font fail to parse, a typical sans advance keeps wrapping sane.
        let fallback = 0.55;
        let mut ascii = [fallback; 128];
        if let Some(f) = &face {
            for (c, slot) in (0u8..128).zip(ascii.iter_mut()) {
                if let Some(w) = advance(f, char::from(c)) {
                    *slot = w;
                }
            }
        }
        Self {
            face,
            ascii,
            fallback,
        }
    }

    fn em(&self, c: char) -> f32 {
        if let Some(w) = self.ascii.get(c as usize) {
            return *w;
        }
        self.face
            .as_ref()
            .and_then(|f| advance(f, c))
            .unwrap_or(self.fallback)
    }
}

fn advance(f: &ttf_parser::Face<'_>, c: char) -> Option<f32> {
    let gid = f.glyph_index(c)?;
    let adv = f.glyph_hor_advance(gid)?;
    Some(f32::from(adv) / f32::from(f.units_per_em()))
}

fn metrics(face: Face) -> &'static Metrics {
    static REGULAR: OnceLock<Metrics> = OnceLock::new();
    static OBLIQUE: OnceLock<Metrics> = OnceLock::new();
    static BOLD: OnceLock<Metrics> = OnceLock::new();
    match face {
        Face::Regular => REGULAR.get_or_init(|| Metrics::new(FONT_REGULAR)),
        Face::Oblique => OBLIQUE.get_or_init(|| Metrics::new(FONT_OBLIQUE)),
        Face::Bold => BOLD.get_or_init(|| Metrics::new(FONT_BOLD)),
    }
}

/// How far the baseline lies below the top of a line, per em (the font's ascender): to set a
/// line whose top is known on the same baseline as the SVG's.
pub fn ascent(face: Face) -> f32 {
    metrics(face).face.as_ref().map_or(0.93, |f| {
        f32::from(f.ascender()) / f32::from(f.units_per_em())
    })
}

/// How far a line's lowest glyphs reach below the baseline, per em (the font's descender):
/// ascent plus descent is the height of a word's box in a PDF or on screen.
pub fn descent(face: Face) -> f32 {
    metrics(face).face.as_ref().map_or(0.24, |f| {
        -f32::from(f.descender()) / f32::from(f.units_per_em())
    })
}

/// The width of `text` set on one line at `size` px.
pub fn text_width(text: &str, face: Face, size: f32) -> f32 {
    let m = metrics(face);
    text.chars().map(|c| m.em(c)).sum::<f32>() * size
}

/// Greedy word wrap of `text` into lines no wider than `width` (a word longer than a line is
/// broken between characters). Line breaks in the text are kept.
pub fn wrap(text: &str, face: Face, size: f32, width: f32) -> Vec<String> {
    let m = metrics(face);
    let space = m.em(' ') * size;
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        let mut line_w = 0.0;
        for word in para.split_whitespace() {
            let word_w = text_width(word, face, size);
            if !line.is_empty() && line_w + space + word_w <= width {
                line.push(' ');
                line.push_str(word);
                line_w += space + word_w;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            line_w = 0.0;
            for c in word.chars() {
                let w = m.em(c) * size;
                if !line.is_empty() && line_w + w > width {
                    lines.push(std::mem::take(&mut line));
                    line_w = 0.0;
                }
                line.push(c);
                line_w += w;
            }
        }
        lines.push(line);
    }
    lines
}

/// The text a card shows (a quote's flattened, shortened, in curly quotes), and whether the card
/// has a footer line (actors or the thesis mark; a quote's source).
pub fn card_text(node: NodeRef<'_>) -> (String, bool) {
    match node {
        NodeRef::Claim(c) => {
            let text = if c.text.trim().is_empty() {
                "(empty claim: double-click to write it)".to_owned()
            } else {
                c.text.clone()
            };
            (text, !c.actors.is_empty() || c.thesis)
        }
        NodeRef::Quote(q) => {
            let flat = crate::text::flatten_ws(&q.anchor.exact);
            let text = format!("“{}”", crate::text::ellipsize(&flat, QUOTE_CARD_CHARS));
            (text, true)
        }
    }
}

/// The face a card's text is set in: quotes in italics.
pub fn card_face(node: NodeRef<'_>) -> Face {
    match node {
        NodeRef::Claim(_) => Face::Regular,
        NodeRef::Quote(_) => Face::Oblique,
    }
}

/// A card's text wrapped into lines as the exporters draw it.
pub fn card_lines(node: NodeRef<'_>) -> Vec<String> {
    let (text, _) = card_text(node);
    wrap(
        &text,
        card_face(node),
        CARD_FONT,
        CARD_WIDTH - 2.0 * CARD_PAD,
    )
}

/// A card's size: its wrapped text, padding, and footer. The canvas, Tidy and the exports all
/// use it, and draw the lines of [`card_lines`] in the same font, so a card is the same
/// everywhere.
pub fn card_size(node: NodeRef<'_>) -> Size {
    let (_, footer) = card_text(node);
    let lines = card_lines(node).len().max(1);
    Size {
        w: CARD_WIDTH,
        h: lines as f32 * LINE_HEIGHT + 2.0 * CARD_PAD + if footer { FOOTER } else { 0.0 },
    }
}

/// The short source name under a quote card ("— Golz 1996").
pub fn quote_footer(map: &Map, node: NodeRef<'_>) -> Option<String> {
    match node {
        NodeRef::Quote(q) => Some(format!(
            "— {}",
            map.source(&q.source)
                .map_or_else(|| "?".to_owned(), Source::short_name)
        )),
        NodeRef::Claim(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_every_word_and_respects_the_width() {
        let text = "NATO is a relic of the Cold War, incapable of providing security in today’s \
                    completely altered international environment";
        let lines = wrap(text, Face::Regular, 14.0, 220.0);
        assert!(lines.len() >= 3, "{lines:?}");
        for l in &lines {
            assert!(text_width(l, Face::Regular, 14.0) <= 220.0, "{l}");
        }
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn a_word_longer_than_a_line_is_broken() {
        let lines = wrap(&"x".repeat(100), Face::Regular, 14.0, 100.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.concat().len(), 100);
    }

    #[test]
    fn the_bundled_font_is_measured() {
        // "W" is far wider than "i" in any real sans.
        assert!(text_width("W", Face::Regular, 14.0) > 2.0 * text_width("i", Face::Regular, 14.0));
    }
}
