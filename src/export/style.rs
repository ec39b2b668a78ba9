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
