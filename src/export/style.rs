//! The colours and sizes of exported maps: the canvas's light palette (see `ui::theme`), kept
//! here so the exporters need no UI code.

use crate::model::Relation;

pub const BACKGROUND: &str = "#f4f5f7";
pub const CLAIM_FILL: &str = "#ffffff";
pub const CLAIM_STROKE: &str = "#9aa3b2";
pub const THESIS_STROKE: &str = "#b8860b";
pub const QUOTE_FILL: &str = "#fdf8ea";
pub const QUOTE_STROKE: &str = "#c8b07a";
pub const TEXT: &str = "#1e2229";
pub const WEAK_TEXT: &str = "#5f6673";
/// The ring around a story step's focused cards.
pub const FOCUS: &str = "#f2a900";

/// A relation's line colour (shape tells relations apart too).
pub fn relation(r: Relation) -> &'static str {
    match r {
        Relation::Supports => "#2e9e44",
        Relation::Opposes => "#d94a38",
        Relation::Contradicts => "#8e44cf",
        Relation::Qualifies => "#2b6cb0",
    }
}

/// The teacher's comment badge (a speech bubble with a count): a pale yellow note with a dark
/// outline and count, so it reads on light and dark canvases alike.
pub const COMMENT_FILL: Rgb = [0xff, 0xe0, 0x66];
pub const COMMENT_INK: Rgb = [0x1e, 0x22, 0x29];

/// Link line width.
pub const LINK_WIDTH: f32 = 2.0;
/// Arrowhead / bar size for [`LINK_WIDTH`], as the canvas computes it.
pub const HEAD: f32 = 9.0;
/// Margin around the drawing.
pub const MARGIN: f32 = 32.0;
/// Corner radius of cards.
pub const RADIUS: f32 = 6.0;
/// Opacity of cards revealed in earlier story steps.
pub const DIMMED: f32 = 0.45;

/// Fonts: the bundled family first, then what a viewer without it most likely has.
pub const FONT_STACK: &str =
    "'DejaVu Sans', 'Bitstream Vera Sans', Verdana, 'Helvetica Neue', Arial, sans-serif";

/// A colour as red, green and blue.
pub type Rgb = [u8; 3];

/// The colours of a presentation frame (projector themes), shared by the presentation on screen
/// and `warrant export --step N --size WxH`. Cards shown in earlier steps are set in the `*_dim`
/// colours: quieter, yet still well above WCAG's contrast minimum (see the tests).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FramePalette {
    pub canvas: Rgb,
    pub claim_fill: Rgb,
    pub claim_stroke: Rgb,
    /// The thesis's border and its THESIS mark.
    pub thesis: Rgb,
    pub quote_fill: Rgb,
    pub quote_stroke: Rgb,
    pub text: Rgb,
    /// Citations, the step counter, notes.
    pub weak_text: Rgb,
    /// The ring around a step's focused cards.
    pub focus: Rgb,
    /// Behind the quoted words in their paragraph.
    pub highlight: Rgb,
    pub claim_fill_dim: Rgb,
    pub quote_fill_dim: Rgb,
    pub stroke_dim: Rgb,
    pub text_dim: Rgb,
    pub weak_text_dim: Rgb,
}

/// Black on white, for projectors in lit classrooms (the default).
pub const PROJECTOR_LIGHT: FramePalette = FramePalette {
    canvas: [0xff, 0xff, 0xff],
    claim_fill: [0xff, 0xff, 0xff],
    claim_stroke: [0x30, 0x30, 0x30],
    thesis: [0x6b, 0x4a, 0x00],
    quote_fill: [0xff, 0xf6, 0xd8],
    quote_stroke: [0x8a, 0x6d, 0x1f],
    text: [0x00, 0x00, 0x00],
    weak_text: [0x33, 0x33, 0x33],
    focus: [0x00, 0x5f, 0xcc],
    highlight: [0xff, 0xe0, 0x66],
    claim_fill_dim: [0xf0, 0xf0, 0xf0],
    quote_fill_dim: [0xf5, 0xf0, 0xe0],
    stroke_dim: [0xa8, 0xa8, 0xa8],
    text_dim: [0x40, 0x40, 0x40],
    weak_text_dim: [0x4a, 0x4a, 0x4a],
};

/// White on near-black, for dark rooms.
pub const PROJECTOR_DARK: FramePalette = FramePalette {
    canvas: [0x0d, 0x0f, 0x12],
    claim_fill: [0x1c, 0x20, 0x27],
    claim_stroke: [0x9a, 0xa3, 0xb2],
    thesis: [0xf2, 0xc1, 0x4e],
    quote_fill: [0x2a, 0x24, 0x18],
    quote_stroke: [0xc9, 0xa5, 0x4e],
    text: [0xff, 0xff, 0xff],
    weak_text: [0xd4, 0xd4, 0xd4],
    focus: [0x5a, 0xa9, 0xff],
    highlight: [0x6b, 0x52, 0x00],
    claim_fill_dim: [0x14, 0x17, 0x1c],
    quote_fill_dim: [0x1c, 0x19, 0x11],
    stroke_dim: [0x4a, 0x50, 0x5a],
    text_dim: [0xc4, 0xc4, 0xc4],
    weak_text_dim: [0xb4, 0xb4, 0xb4],
};

/// `#rrggbb`.
pub fn hex(c: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])
}

/// WCAG 2 relative luminance.
pub fn luminance(c: Rgb) -> f32 {
    let lin = |v: u8| {
        let v = f32::from(v) / 255.0;
        if v <= 0.040_45 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2])
}

/// WCAG 2 contrast ratio of two colours (1 to 21).
pub fn contrast(a: Rgb, b: Rgb) -> f32 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Black or white, whichever reads better on `bg` (an actor's chip: its colour is the user's).
pub fn ink_on(bg: Rgb) -> Rgb {
    let (black, white) = ([0, 0, 0], [0xff, 0xff, 0xff]);
    if contrast(black, bg) >= contrast(white, bg) {
        black
    } else {
        white
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wcag_contrast_matches_known_values() {
        assert!((contrast([0, 0, 0], [0xff, 0xff, 0xff]) - 21.0).abs() < 0.01);
        // #767676 on white is the classic 4.54:1.
        assert!((contrast([0x76, 0x76, 0x76], [0xff, 0xff, 0xff]) - 4.54).abs() < 0.02);
        assert!((contrast([0x12, 0x34, 0x56], [0x12, 0x34, 0x56]) - 1.0).abs() < 1e-6);
    }

    /// Every text colour of a projector frame against every background it is drawn on.
    fn text_pairs(p: &FramePalette) -> Vec<(&'static str, Rgb, Rgb)> {
        vec![
            ("claim text", p.text, p.claim_fill),
            ("quote text", p.text, p.quote_fill),
            ("title and notes", p.text, p.canvas),
            ("quote citation", p.weak_text, p.quote_fill),
            ("step counter", p.weak_text, p.canvas),
            (
                "source line in the context panel",
                p.weak_text,
                p.claim_fill,
            ),
            ("thesis mark", p.thesis, p.claim_fill),
            ("quoted words in context", p.text, p.highlight),
            ("earlier claim", p.text_dim, p.claim_fill_dim),
            ("earlier quote", p.text_dim, p.quote_fill_dim),
            ("earlier citation", p.weak_text_dim, p.quote_fill_dim),
            ("earlier thesis mark", p.thesis, p.claim_fill_dim),
        ]
    }

    #[test]
    fn projector_text_is_at_least_aa_everywhere_and_mostly_aaa() {
        for (theme, p) in [("light", PROJECTOR_LIGHT), ("dark", PROJECTOR_DARK)] {
            let pairs = text_pairs(&p);
            let mut aaa = 0;
            for (what, fg, bg) in &pairs {
                let c = contrast(*fg, *bg);
                assert!(c >= 4.5, "{theme}: {what} is {c:.2}:1");
                if c >= 7.0 {
                    aaa += 1;
                }
            }
            // Card text (claims and quotes, now and earlier) is all AAA.
            for (what, fg, bg) in &pairs[..2] {
                assert!(contrast(*fg, *bg) >= 7.0, "{theme}: {what}");
            }
            for (what, fg, bg) in &pairs[8..10] {
                assert!(contrast(*fg, *bg) >= 7.0, "{theme}: {what}");
            }
            assert!(aaa * 4 >= pairs.len() * 3, "{theme}: only {aaa} AAA pairs");
        }
    }

    #[test]
    fn chip_ink_reads_on_any_actor_colour() {
        for r in (0..=255u8).step_by(17) {
            for g in (0..=255u8).step_by(17) {
                for b in (0..=255u8).step_by(17) {
                    let bg = [r, g, b];
                    assert!(contrast(ink_on(bg), bg) >= 4.5, "{}", hex(bg));
                }
            }
        }
    }
}
