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
        "the image would be {width} × {height} px, more than {MAX_SIDE} px a side: choose a smaller scale"
    )]
    TooLarge { width: u32, height: u32 },
    #[error("the PNG cannot be encoded: {0}")]
    Encode(String),
}

/// Rasterises SVG text to PNG bytes.
pub fn svg_to_png(svg: &str, settings: &PngSettings) -> Result<Vec<u8>, PngError> {
    let scale = settings.scale;
    if !(scale.is_finite() && scale > 0.0) {
        return Err(PngError::BadScale(scale));
    }
    let tree = super::parse_svg(svg)?;
    let size = tree.size();
    let side = |x: f32| (x * scale).ceil().max(1.0);
    let (w, h) = (side(size.width()), side(size.height()));
    if w > MAX_SIDE as f32 || h > MAX_SIDE as f32 {
        return Err(PngError::TooLarge {
            width: w as u32,
            height: h as u32,
        });
    }
    let (w, h) = (w as u32, h as u32);
    let mut pixmap = tiny_skia::Pixmap::new(w, h).ok_or(PngError::TooLarge {
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
