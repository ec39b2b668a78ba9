//! Every colour and size the UI draws with lives here.

use crate::export::style::{FramePalette, PROJECTOR_DARK, PROJECTOR_LIGHT, Rgb};
use crate::model::{Color, Relation};
use egui::Color32;

/// The model's colour as egui's.
pub fn color32(c: Color) -> Color32 {
    let [r, g, b] = c.0;
    Color32::from_rgb(r, g, b)
}

/// Card width, padding and type size: one definition for the canvas, the layout and exports.
pub use crate::layout::card::{CARD_FONT, CARD_PAD, CARD_WIDTH, LINE_HEIGHT};
/// The font family of card text: the bundled DejaVu Sans the exports and the layout measure
/// with, so a card wraps and measures the same on screen, after Tidy, and in an export.
pub const CARD_FAMILY: &str = "card";
/// Quotes: DejaVu Sans Oblique.
pub const CARD_FAMILY_OBLIQUE: &str = "card-oblique";

/// Card text at `size` points.
pub fn card_font(size: f32, oblique: bool) -> egui::FontId {
    let family = if oblique {
        CARD_FAMILY_OBLIQUE
    } else {
        CARD_FAMILY
    };
    egui::FontId::new(size, egui::FontFamily::Name(family.into()))
}

/// Adds the card fonts (egui's own stay for the rest of the window, and back up the card fonts
/// for any glyph DejaVu lacks). Takes effect at once when called before any text this pass.
pub fn install_fonts(ctx: &egui::Context) {
    use crate::layout::card::{FONT_OBLIQUE, FONT_REGULAR};
    use egui::{FontData, FontDefinitions, FontFamily};
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        "DejaVu Sans".into(),
        std::sync::Arc::new(FontData::from_static(FONT_REGULAR)),
    );
    fonts.font_data.insert(
        "DejaVu Sans Oblique".into(),
        std::sync::Arc::new(FontData::from_static(FONT_OBLIQUE)),
    );
    let fallback = fonts
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    for (family, first) in [
        (CARD_FAMILY, "DejaVu Sans"),
        (CARD_FAMILY_OBLIQUE, "DejaVu Sans Oblique"),
    ] {
        let mut list = vec![first.to_owned(), "DejaVu Sans".to_owned()];
        list.dedup();
        list.extend(fallback.iter().cloned());
        fonts.families.insert(FontFamily::Name(family.into()), list);
    }
    ctx.set_fonts(fonts);
}

/// Black or white, whichever reads on `bg` (an actor's chip: its colour is the user's).
pub fn ink_on(bg: Color32) -> Color32 {
    let [r, g, b] = crate::export::style::ink_on([bg.r(), bg.g(), bg.b()]);
    Color32::from_rgb(r, g, b)
}

/// Below this on-screen font size, text is drawn as grey bars (unreadable anyway, and costly).
pub const MIN_TEXT_PX: f32 = 5.0;

/// Colours of quoted passages in the article reader. Backgrounds are opaque so the contrast of
/// `text` on each is known (WCAG AA, at least 4.5:1: see the tests), and quoted text is also
/// underlined so it stands out without colour.
#[derive(Clone, Copy, Debug)]
pub struct ReaderColors {
    /// Text inside a quoted passage.
    pub text: Color32,
    /// A quoted passage.
    pub quoted: Color32,
    /// The passage of the selected quote card.
    pub selected: Color32,
    /// The passage blinking after its card was selected.
    pub flash: Color32,
    /// The outline around the text while it has the keyboard focus (3:1 on the panel).
    pub focus: Color32,
}

impl ReaderColors {
    pub fn new(dark: bool) -> Self {
        if dark {
            Self {
                text: Color32::from_rgb(0xf2, 0xf2, 0xf2),
                quoted: Color32::from_rgb(0x5c, 0x4a, 0x12),
                selected: Color32::from_rgb(0x8a, 0x4b, 0x00),
                flash: Color32::from_rgb(0xa3, 0x52, 0x00),
                focus: Color32::from_rgb(0x4d, 0xa3, 0xff),
            }
        } else {
            Self {
                text: Color32::from_rgb(0x1e, 0x22, 0x29),
                quoted: Color32::from_rgb(0xff, 0xe0, 0x8a),
                selected: Color32::from_rgb(0xff, 0xb7, 0x4d),
                flash: Color32::from_rgb(0xff, 0x9f, 0x1a),
                focus: Color32::from_rgb(0x1a, 0x73, 0xe8),
            }
        }
    }
}

/// Colours of the canvas, for light or dark mode.
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    pub canvas: Color32,
    pub claim_fill: Color32,
    pub claim_stroke: Color32,
    pub thesis_stroke: Color32,
    pub quote_fill: Color32,
    pub quote_stroke: Color32,
    pub text: Color32,
    pub weak_text: Color32,
    pub selection: Color32,
    pub highlight: Color32,
    /// The size of a card's footer line (actors, thesis mark, source), in canvas units.
    pub footer_font: f32,
}

impl Palette {
    pub fn new(dark: bool) -> Self {
        if dark {
            Self {
                canvas: Color32::from_rgb(0x1b, 0x1d, 0x22),
                claim_fill: Color32::from_rgb(0x2b, 0x30, 0x3a),
                claim_stroke: Color32::from_rgb(0x5a, 0x63, 0x75),
                thesis_stroke: Color32::from_rgb(0xe8, 0xb8, 0x4a),
                quote_fill: Color32::from_rgb(0x33, 0x2e, 0x24),
                quote_stroke: Color32::from_rgb(0x8a, 0x76, 0x4e),
                text: Color32::from_rgb(0xe6, 0xe6, 0xe6),
                weak_text: Color32::from_rgb(0xa0, 0xa4, 0xad),
                selection: Color32::from_rgb(0x4d, 0xa3, 0xff),
                highlight: Color32::from_rgba_unmultiplied(0xc9, 0xa2, 0x27, 0x60),
                footer_font: crate::layout::card::SMALL_FONT,
            }
        } else {
            Self {
                canvas: Color32::from_rgb(0xf4, 0xf5, 0xf7),
                claim_fill: Color32::WHITE,
                claim_stroke: Color32::from_rgb(0x9a, 0xa3, 0xb2),
                thesis_stroke: Color32::from_rgb(0xb8, 0x86, 0x0b),
                quote_fill: Color32::from_rgb(0xfd, 0xf8, 0xea),
                quote_stroke: Color32::from_rgb(0xc8, 0xb0, 0x7a),
                text: Color32::from_rgb(0x1e, 0x22, 0x29),
                weak_text: Color32::from_rgb(0x5f, 0x66, 0x73),
                selection: Color32::from_rgb(0x1a, 0x73, 0xe8),
                highlight: Color32::from_rgba_unmultiplied(0xff, 0xd5, 0x4f, 0x90),
                footer_font: crate::layout::card::SMALL_FONT,
            }
        }
    }

    /// A projector theme (see `export::style`, where its colours live for the exports too):
    /// light for lit classrooms, dark for dark rooms.
    pub fn projector(dark: bool) -> Self {
        let p = Self::frame_palette(dark);
        let c = |rgb: Rgb| Color32::from_rgb(rgb[0], rgb[1], rgb[2]);
        Self {
            canvas: c(p.canvas),
            claim_fill: c(p.claim_fill),
            claim_stroke: c(p.claim_stroke),
            thesis_stroke: c(p.thesis),
            quote_fill: c(p.quote_fill),
            quote_stroke: c(p.quote_stroke),
            text: c(p.text),
            weak_text: c(p.weak_text),
            selection: c(p.focus),
            highlight: c(p.highlight),
            footer_font: crate::frame::FOOTER_FONT,
        }
    }

    /// A projector theme's colours for cards shown in earlier steps: quieter, still legible.
    pub fn projector_earlier(dark: bool) -> Self {
        let p = Self::frame_palette(dark);
        let c = |rgb: Rgb| Color32::from_rgb(rgb[0], rgb[1], rgb[2]);
        Self {
            claim_fill: c(p.claim_fill_dim),
            claim_stroke: c(p.stroke_dim),
            quote_fill: c(p.quote_fill_dim),
            quote_stroke: c(p.stroke_dim),
            text: c(p.text_dim),
            weak_text: c(p.weak_text_dim),
            ..Self::projector(dark)
        }
    }

    fn frame_palette(dark: bool) -> FramePalette {
        if dark {
            PROJECTOR_DARK
        } else {
            PROJECTOR_LIGHT
        }
    }

    /// The badge on a claim whose actor also holds a claim against it.
    pub fn warning() -> Color32 {
        Color32::from_rgb(0xe6, 0x7e, 0x22)
    }

    /// The teacher's comment badge: its fill, and the ink of its outline and count.
    pub fn comment_badge() -> (Color32, Color32) {
        let [r, g, b] = crate::export::style::COMMENT_FILL;
        let [ir, ig, ib] = crate::export::style::COMMENT_INK;
        (Color32::from_rgb(r, g, b), Color32::from_rgb(ir, ig, ib))
    }

    /// The colour of a relation's line (shape tells relations apart too: see the canvas).
    pub fn relation(r: Relation) -> Color32 {
        match r {
            Relation::Supports => Color32::from_rgb(0x2e, 0x9e, 0x44),
            Relation::Opposes => Color32::from_rgb(0xd9, 0x4a, 0x38),
            Relation::Contradicts => Color32::from_rgb(0x8e, 0x44, 0xcf),
            Relation::Qualifies => Color32::from_rgb(0x2b, 0x6c, 0xb0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ReaderColors;
    use crate::export::style::contrast;

    fn rgb(c: egui::Color32) -> [u8; 3] {
        [c.r(), c.g(), c.b()]
    }

    /// Quotes are pasted from articles with typographic punctuation: every family text is drawn
    /// in on screen (egui's own, the card faces) must have these glyphs, not a stand-in.
    #[test]
    fn fonts_on_screen_cover_typographic_punctuation() {
        use egui::{FontFamily, FontId};
        let ctx = egui::Context::default();
        super::install_fonts(&ctx);
        // One frame loads the fonts; its texture upload is not needed here.
        let mut frame = ctx.run_ui(egui::RawInput::default(), |_| {});
        frame.textures_delta.clear();
        for family in [
            FontFamily::Proportional,
            FontFamily::Monospace,
            FontFamily::Name(super::CARD_FAMILY.into()),
            FontFamily::Name(super::CARD_FAMILY_OBLIQUE.into()),
        ] {
            let id = FontId::new(14.0, family.clone());
            for c in "’‘“”–—…«»".chars() {
                assert!(
                    ctx.fonts_mut(|f| f.has_glyph(&id, c)),
                    "{family:?} lacks {c} (U+{:04X})",
                    u32::from(c)
                );
            }
        }
    }

    /// WCAG 2.2 (1.4.11, 2.4.7): the focus outlines and the reader's caret stand out at 3:1 from
    /// what they are drawn on, in both themes.
    #[test]
    fn focus_outlines_and_the_caret_meet_3_to_1_in_both_themes() {
        for dark in [false, true] {
            let visuals = if dark {
                egui::Visuals::dark()
            } else {
                egui::Visuals::light()
            };
            let panel = rgb(visuals.panel_fill);
            let reader = ReaderColors::new(dark);
            let ratio = contrast(rgb(reader.focus), panel);
            assert!(ratio >= 3.0, "dark={dark} reader outline: {ratio:.2}:1");
            let canvas = super::Palette::new(dark);
            let ratio = contrast(rgb(canvas.selection), rgb(canvas.canvas));
            assert!(ratio >= 3.0, "dark={dark} card focus ring: {ratio:.2}:1");
            let caret = rgb(visuals.text_cursor.stroke.color);
            for (on, bg) in [
                ("panel", visuals.panel_fill),
                ("quoted", reader.quoted),
                ("selected", reader.selected),
                ("flash", reader.flash),
            ] {
                let ratio = contrast(caret, rgb(bg));
                assert!(ratio >= 3.0, "dark={dark} caret on {on}: {ratio:.2}:1");
            }
        }
    }

    #[test]
    fn quoted_passages_in_the_reader_are_readable_in_both_themes() {
        for dark in [false, true] {
            let c = ReaderColors::new(dark);
            for (what, bg) in [
                ("quoted", c.quoted),
                ("selected", c.selected),
                ("flash", c.flash),
            ] {
                assert!(bg.is_opaque(), "{what}: a known background");
                let ratio = contrast(rgb(c.text), rgb(bg));
                assert!(ratio >= 4.5, "dark={dark} {what}: {ratio:.2}:1");
            }
        }
    }
}
