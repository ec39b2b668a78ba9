//! PNG for slides: the SVG rasterised by resvg at a chosen scale.

use super::svg::{SvgError, SvgSettings, map_to_svg};
use crate::model::Map;
use resvg::tiny_skia;
use thiserror::Error;

/// The largest image side we make, in pixels (a bigger one would not fit in memory on a laptop
/// or open in most viewers).
pub const MAX_SIDE: u32 = 16_384;

/// How to rasterise.
#[derive(Clone, Copy, Debug)]
pub struct PngSettings {
    /// Pixels per canvas unit: 1 is the canvas at 100 %, 2 for sharp slides.
    pub scale: f32,
}

impl Default for PngSettings {
    fn default() -> Self {
        Self { scale: 2.0 }
    }
}

/// The smallest scale worth offering: below it a card's text is a smudge of pixels.
pub const MIN_SCALE: f32 = 0.25;

/// Why there is no PNG.
#[derive(Debug, Error)]
pub enum PngError {
    #[error(transparent)]
    Svg(#[from] SvgError),
    #[error("the SVG cannot be read: {0}")]
    Parse(#[from] usvg::Error),
    #[error("the scale must be a positive number, not {0}")]
    BadScale(f32),
    #[error(
        "the image would be {width} × {height} px, more than {MAX_SIDE} px a side: choose a scale of at most {max_scale}"
    )]
    TooLarge {
        width: u32,
        height: u32,
        /// The largest scale that fits, rounded down to two decimals.
        max_scale: f32,
    },
    #[error(
        "the drawing is {width} × {height} units, too large for a readable PNG (over {MAX_SIDE} px a side even at scale {MIN_SCALE}): export it as SVG or PDF, or export a selection or a story step"
    )]
    TooLargeAtAnyScale { width: f32, height: f32 },
    #[error("there is not enough memory for a {width} × {height} px image: choose a smaller scale")]
    NoMemory { width: u32, height: u32 },
    #[error("the PNG cannot be encoded: {0}")]
    Encode(String),
}

/// The `width` and `height` of the root `<svg>` element, read without parsing the document
/// (plain numbers, as [`map_to_svg`] writes them; `None` for anything else).
pub(crate) fn declared_size(svg: &str) -> Option<(f32, f32)> {
    let start = svg.find("<svg")?;
    let tag = &svg[start..start + svg[start..].find('>')?];
    let attr = |name: &str| -> Option<f32> {
        let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        let value = &tag[at..at + tag[at..].find('"')?];
        value
            .parse::<f32>()
            .ok()
            .filter(|v| v.is_finite() && *v > 0.0)
    };
    Some((attr("width")?, attr("height")?))
}

/// Refuses a drawing of `width` × `height` canvas units that would exceed [`MAX_SIDE`] at
/// `scale`, saying which scale would fit, or that none readable would.
fn check_size(width: f32, height: f32, scale: f32) -> Result<(), PngError> {
    let side = |x: f32| (x * scale).ceil().max(1.0);
    let (w, h) = (side(width), side(height));
    if w <= MAX_SIDE as f32 && h <= MAX_SIDE as f32 {
        return Ok(());
    }
    let fits = MAX_SIDE as f32 / width.max(height);
    if fits < MIN_SCALE {
        return Err(PngError::TooLargeAtAnyScale { width, height });
    }
    Err(PngError::TooLarge {
        width: w.min(u32::MAX as f32) as u32,
        height: h.min(u32::MAX as f32) as u32,
        max_scale: (fits * 100.0).floor() / 100.0,
    })
}

/// Rasterises SVG text to PNG bytes.
pub fn svg_to_png(svg: &str, settings: &PngSettings) -> Result<Vec<u8>, PngError> {
    let scale = settings.scale;
    if !(scale.is_finite() && scale > 0.0) {
        return Err(PngError::BadScale(scale));
    }
    // Before parsing: a huge drawing is refused at once, not after seconds of work.
    if let Some((width, height)) = declared_size(svg) {
        check_size(width, height, scale)?;
    }
    let tree = super::parse_svg(svg)?;
    let size = tree.size();
    check_size(size.width(), size.height(), scale)?;
    let side = |x: f32| (x * scale).ceil().max(1.0) as u32;
    let (w, h) = (side(size.width()), side(size.height()));
    let mut pixmap = tiny_skia::Pixmap::new(w, h).ok_or(PngError::NoMemory {
        width: w,
        height: h,
    })?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| PngError::Encode(e.to_string()))
}

/// The map (or the part `svg` chooses) as PNG bytes.
pub fn map_to_png(
    map: &Map,
    svg: &SvgSettings,
    settings: &PngSettings,
) -> Result<Vec<u8>, PngError> {
    svg_to_png(&map_to_svg(map, svg)?, settings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_size_is_read_from_the_svg_tag_without_parsing() {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"1200\" \
                   height=\"80.5\" viewBox=\"0 0 1200 80.5\">";
        assert_eq!(declared_size(svg), Some((1200.0, 80.5)));
        assert_eq!(declared_size("<svg width=\"100%\" height=\"3\">"), None);
        assert_eq!(declared_size("<svg width=\"3\""), None, "no end of tag");
    }

    #[test]
    fn a_refusal_names_a_scale_that_fits_or_says_none_will() {
        let e = check_size(10_000.0, 500.0, 2.0).unwrap_err();
        assert!(e.to_string().contains("at most 1.63"), "{e}");
        assert!(check_size(10_000.0, 500.0, 1.63).is_ok());
        let e = check_size(100_000.0, 500.0, 2.0).unwrap_err();
        assert!(matches!(e, PngError::TooLargeAtAnyScale { .. }), "{e}");
        assert!(!e.to_string().contains("smaller scale"), "{e}");
    }
}
