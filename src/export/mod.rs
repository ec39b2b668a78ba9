//! Exports for slides and handouts: SVG, PNG and PDF of the map (or a selection, or one story
//! step), and a Markdown outline.
//!
//! Each exporter is a pure function with a settings struct and its own error type. PNG and PDF
//! are drawn from the SVG, so all three look alike; they use the bundled DejaVu Sans (registered
//! with usvg here, since resvg draws no text in a family it cannot find).

pub mod markdown;
pub mod pdf;
pub mod png;
mod style;
pub mod svg;

pub use markdown::{MarkdownError, MarkdownSettings, map_to_markdown};
pub use pdf::{Paper, PdfError, PdfSettings, map_to_pdf};
pub use png::{PngError, PngSettings, map_to_png, svg_to_png};
pub use svg::{Scope, SvgError, SvgSettings, map_to_svg};

use crate::layout::card::{FONT_BOLD, FONT_FAMILY, FONT_OBLIQUE, FONT_REGULAR};
use std::sync::{Arc, OnceLock};

/// The bundled fonts, loaded once; also the fallback for every generic family.
fn fontdb() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        for data in [FONT_REGULAR, FONT_OBLIQUE, FONT_BOLD] {
            db.load_font_data(data.to_vec());
        }
        db.set_sans_serif_family(FONT_FAMILY);
        db.set_serif_family(FONT_FAMILY);
        db.set_monospace_family(FONT_FAMILY);
        db.set_cursive_family(FONT_FAMILY);
        db.set_fantasy_family(FONT_FAMILY);
        Arc::new(db)
    })
    .clone()
}

/// Parses SVG text with the bundled fonts.
pub fn parse_svg(svg: &str) -> Result<usvg::Tree, usvg::Error> {
    let options = usvg::Options {
        font_family: FONT_FAMILY.to_owned(),
        fontdb: fontdb(),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &options)
}
