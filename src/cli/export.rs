//! `warrant export MAP --format F -o OUT`: the map, a part of it, or a presentation frame, in
//! any export format.

use super::{exit, load_map};
use crate::edit::ops;
use crate::io;
use crate::model::Map;
use crate::output::{say, warn};
use std::path::PathBuf;

/// `--theme`: the projector theme of an exported presentation frame.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum FrameTheme {
    /// Black on white, for lit rooms.
    #[default]
    Light,
    /// White on near-black, for dark rooms.
    Dark,
}

/// What `warrant export` was asked to do.
#[derive(Clone, Debug)]
pub struct ExportRequest {
    pub map: PathBuf,
    pub format: crate::export::Format,
    /// Story step, counting from 1.
    pub step: Option<usize>,
    /// PNG pixels per canvas unit.
    pub scale: Option<f32>,
    pub out: PathBuf,
    /// Lay the map out (as Tidy does) before drawing it; the map file is not changed.
    pub tidy: bool,
    /// PDF: one page per story step after the map.
    pub story: bool,
    /// PDF: a map too big for one page, tiled or as its outline.
    pub pages: Option<crate::export::PageMode>,
    /// `WxH`: the presentation's frame of `step` on a screen this size.
    pub size: Option<String>,
    /// With `size`: the frame's projector theme.
    pub theme: Option<FrameTheme>,
}

/// `1920x1080` as (1920, 1080); sides from 16 to 8192 pixels.
fn parse_size(s: &str) -> Result<(f32, f32), String> {
    let bad = || format!("--size must be WIDTHxHEIGHT in pixels, like 1920x1080, not {s:?}");
    let (w, h) = s.split_once(['x', 'X', '×']).ok_or_else(bad)?;
    let side = |t: &str| {
        t.trim()
            .parse::<u32>()
            .ok()
            .filter(|v| (16..=8192).contains(v))
            .ok_or_else(bad)
    };
    Ok((side(w)? as f32, side(h)? as f32))
}

/// Checks `--size` and writes the presentation frame it asks for.
fn export_frame(req: &ExportRequest, map: &Map, size: &str) -> Result<Vec<u8>, String> {
    use crate::export::{self as ex, Format};
    let (w, h) = parse_size(size)?;
    let (Format::Svg | Format::Png) = req.format else {
        return Err("--size applies to SVG and PNG (a presentation frame)".into());
    };
    let format = req.format;
    if req.scale.is_some() || req.story {
        return Err("--size sets the frame's pixels: leave out --scale and --story".into());
    }
    let count = crate::story::steps(map).len();
    let step = match req.step {
        Some(n) if n >= 1 && n <= count => n - 1,
        Some(n) => {
            return Err(format!(
                "--step: this map's presentation has steps 1 to {count}, not {n}"
            ));
        }
        None => return Err("--size needs --step N (the step whose frame to draw)".into()),
    };
    let dark = req.theme == Some(FrameTheme::Dark);
    ex::render_frame(map, format, step, (w, h), dark).map_err(|e| e.to_string())
}

/// Refuses option combinations that mean nothing, with the reason.
fn export_usage(req: &ExportRequest, map: &Map) -> Result<(), String> {
    use crate::export::Format::{Aif, Argdown, Dot, Markdown, Pdf, Png};
    if req.scale.is_some() && req.format != Png {
        return Err("--scale applies to PNG only (SVG and PDF are vector drawings)".into());
    }
    if let Some(s) = req.scale
        && !(s.is_finite() && s > 0.0)
    {
        return Err(format!("--scale must be a positive number, not {s}"));
    }
    if req.story && req.format != Pdf {
        return Err("--story applies to PDF only".into());
    }
    if req.pages.is_some() && req.format != Pdf {
        return Err("--pages applies to PDF only".into());
    }
    if let Some(step) = req.step {
        if req.format == Markdown {
            return Err("--step does not apply to the Markdown outline".into());
        }
        if matches!(req.format, Dot | Argdown | Aif) {
            return Err(
                "--step does not apply to DOT, Argdown or AIF (they hold the whole map)".into(),
            );
        }
        if step == 0 || step > map.story.len() {
            return Err(if map.story.is_empty() {
                "--step: this map has no story".to_owned()
            } else {
                format!(
                    "--step: this map's story has steps 1 to {}, not {step}",
                    map.story.len()
                )
            });
        }
    }
    Ok(())
}

/// `warrant export MAP --format F -o OUT`: writes the map as SVG, PNG, PDF, Markdown, DOT,
/// Argdown or AIF.
pub fn export(req: &ExportRequest) -> i32 {
    use crate::export::{self as ex, Scope};
    let mut map = match load_map(&req.map) {
        Ok(map) => map,
        Err(code) => return code,
    };
    if let Err(why) = io::refuse_export_over_map(&req.out, Some(&req.map)) {
        warn(&format!("warrant export: {why}"));
        return exit::UNREADABLE;
    }
    if req.size.is_none() && req.theme.is_some() {
        warn("warrant export: --theme applies to a presentation frame (--step N --size WxH)");
        return exit::UNREADABLE;
    }
    if req.size.is_none()
        && let Err(why) = export_usage(req, &map)
    {
        warn(&format!("warrant export: {why}"));
        return exit::UNREADABLE;
    }
    if req.tidy {
        let edits = ops::tidy(
            &map,
            &crate::layout::LayoutSettings::default(),
            &crate::layout::card::card_size,
        );
        if let Err(e) = crate::edit::apply_all(&mut map, edits) {
            warn(&format!("warrant: cannot lay the map out: {e}"));
            return exit::UNREADABLE;
        }
    }
    let framed = req
        .size
        .as_deref()
        .map(|size| export_frame(req, &map, size));
    let render = ex::Render {
        format: req.format,
        scope: req.step.map_or(Scope::Map, |s| Scope::Step(s - 1)),
        scale: req.scale.unwrap_or(ex::PngSettings::default().scale),
        story_pages: req.story,
        pages: req.pages.unwrap_or_default(),
    };
    let bytes = match framed.unwrap_or_else(|| ex::render(&map, &render).map_err(|e| e.to_string()))
    {
        Ok(b) => b,
        Err(e) => {
            warn(&format!("warrant export: {e}"));
            return exit::UNREADABLE;
        }
    };
    match io::write_atomic(&req.out, &bytes, false) {
        Ok(()) => {
            say(&format!("{}: {} bytes", req.out.display(), bytes.len()));
            exit::CLEAN
        }
        Err(e) => {
            warn(&format!("warrant: {e}"));
            exit::UNREADABLE
        }
    }
}
