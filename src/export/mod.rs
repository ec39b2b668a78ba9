//! Exports for slides and handouts: SVG, PNG and PDF of the map (or a selection, or one story
//! step), a Markdown outline, and the map as a graph for other tools (Graphviz DOT,
//! an Argdown document, AIF JSON).
//!
//! Each exporter is a pure function with a settings struct and its own error type. PNG and PDF
//! are drawn from the SVG, so all three look alike; they use the bundled DejaVu Sans (registered
//! with usvg here, since resvg draws no text in a family it cannot find).

pub mod aif;
pub mod argdown;
mod cards;
pub mod dot;
pub mod frame_svg;
pub mod markdown;
pub mod pdf;
pub mod png;
pub mod style;
pub mod svg;

pub use aif::{AifError, AifSettings, map_to_aif};
pub use argdown::{ArgdownError, ArgdownSettings, map_to_argdown};
pub use dot::{DotError, DotSettings, map_to_dot};
pub use markdown::{MarkdownError, MarkdownSettings, map_to_markdown};
pub use pdf::{PageMode, Paper, PdfError, PdfSettings, map_to_pdf};
pub use png::{PngError, PngSettings, map_to_png, svg_to_png};
pub use svg::{Scope, SvgError, SvgSettings, map_to_svg};

use crate::layout::card::{FONT_BOLD, FONT_FAMILY, FONT_OBLIQUE, FONT_REGULAR};
use crate::model::Map;
use std::sync::{Arc, OnceLock};
use thiserror::Error;

/// What a file is exported as: one list for `warrant export --format` and File → Export.
/// The doc text of each variant is the CLI's help; the settings file stores the variant's name.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    serde::Serialize,
    serde::Deserialize,
    clap::ValueEnum,
)]
pub enum Format {
    /// Vector drawing with real text.
    Svg,
    /// Image for slides.
    #[default]
    Png,
    /// Handout.
    Pdf,
    /// Outline of the argument.
    #[value(name = "md")]
    Markdown,
    /// Graphviz DOT graph.
    Dot,
    /// Argdown document.
    Argdown,
    /// AIF JSON.
    Aif,
}

impl Format {
    /// The formats File → Export offers, in its order.
    pub const IN_DIALOG: [Format; 7] = [
        Format::Svg,
        Format::Png,
        Format::Pdf,
        Format::Markdown,
        Format::Argdown,
        Format::Dot,
        Format::Aif,
    ];

    /// How the export dialog names the format.
    pub fn label(self) -> &'static str {
        match self {
            Format::Svg => "SVG drawing",
            Format::Png => "PNG image (for slides)",
            Format::Pdf => "PDF handout",
            Format::Markdown => "Markdown outline",
            Format::Dot => "Graphviz graph",
            Format::Argdown => "Argdown document",
            Format::Aif => "AIF JSON (for argument research tools)",
        }
    }

    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Svg => "svg",
            Format::Png => "png",
            Format::Pdf => "pdf",
            Format::Markdown => "md",
            Format::Dot => "dot",
            Format::Argdown => "argdown",
            Format::Aif => "json",
        }
    }

    /// Whether the file holds the whole map whatever part is chosen (outlines and graphs).
    pub fn whole_map_only(self) -> bool {
        matches!(
            self,
            Format::Markdown | Format::Dot | Format::Argdown | Format::Aif
        )
    }
}

/// One export: the format, the part of the map drawn (ignored by the outline), the PNG scale and
/// the PDF's story pages. The CLI and File → Export both go through [`render`].
#[derive(Clone, Debug)]
pub struct Render {
    pub format: Format,
    pub scope: Scope,
    /// PNG pixels per canvas unit.
    pub scale: f32,
    /// PDF: one page per story step after the drawing.
    pub story_pages: bool,
    /// PDF: a map too big for a readable page, tiled or as its outline.
    pub pages: PageMode,
}

/// Why an export failed.
#[derive(Debug, Error)]
pub enum ExportError {
    #[error(transparent)]
    Svg(#[from] SvgError),
    #[error(transparent)]
    Png(#[from] PngError),
    #[error(transparent)]
    Pdf(#[from] PdfError),
    #[error(transparent)]
    Markdown(#[from] MarkdownError),
    #[error(transparent)]
    Dot(#[from] DotError),
    #[error(transparent)]
    Argdown(#[from] ArgdownError),
    #[error(transparent)]
    Aif(#[from] AifError),
}

/// The bytes of the exported file.
pub fn render(map: &Map, r: &Render) -> Result<Vec<u8>, ExportError> {
    let svg = SvgSettings {
        scope: r.scope.clone(),
        ..SvgSettings::default()
    };
    Ok(match r.format {
        Format::Svg => map_to_svg(map, &svg)?.into_bytes(),
        Format::Png => map_to_png(map, &svg, &PngSettings { scale: r.scale })?,
        Format::Pdf => map_to_pdf(
            map,
            &PdfSettings {
                svg,
                story_pages: r.story_pages,
                pages: r.pages,
                ..PdfSettings::default()
            },
        )?,
        Format::Markdown => map_to_markdown(map, &MarkdownSettings::default())?.into_bytes(),
        Format::Dot => map_to_dot(map, &DotSettings::default())?.into_bytes(),
        Format::Argdown => map_to_argdown(map, &ArgdownSettings::default())?.into_bytes(),
        Format::Aif => map_to_aif(map, &AifSettings::default())?.into_bytes(),
    })
}

/// The frame the presentation shows for story step `step` (from 0; the map's story, or the
/// automatic walk when it has none) on a `width × height` screen, in the light or the dark
/// projector theme: SVG, or PNG of exactly that many pixels.
pub fn render_frame(
    map: &Map,
    format: Format,
    step: usize,
    (width, height): (f32, f32),
    dark: bool,
) -> Result<Vec<u8>, ExportError> {
    let steps = crate::story::steps(map);
    let settings = crate::frame::FrameSettings::screen(width, height);
    let palette = if dark {
        &style::PROJECTOR_DARK
    } else {
        &style::PROJECTOR_LIGHT
    };
    let svg = frame_svg::frame_to_svg(map, &steps, step, &settings, palette)?;
    Ok(match format {
        Format::Png => svg_to_png(&svg, &PngSettings { scale: 1.0 })?,
        _ => svg.into_bytes(),
    })
}

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
