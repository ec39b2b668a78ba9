//! The article's text in the reader: the quoted passages highlighted (the selected or flashing
//! one on top), a passage selected with the mouse or Shift+arrows, the caret and the focus
//! outline, and a click on a highlight that selects its card.

use super::{ReaderCtx, ReaderState};
use crate::anchor::Reflow;
use crate::model::{NodeId, Source, SourceId};
use crate::ui::app::Selection;
use crate::ui::command::Command;
use egui::text::{CCursor, CCursorRange, LayoutJob};
use egui::{Color32, TextFormat};
use std::ops::Range;

/// How long a quote's passage flashes after its card is selected, in seconds.
const FLASH_SECONDS: f64 = 1.6;

/// Byte ranges of `text` with the colour each is highlighted in (char ranges in, sorted).
fn segments(text: &str, marks: &[(Range<usize>, Color32)]) -> Vec<(Range<usize>, Color32)> {
    let mut bounds: Vec<usize> = vec![0, text.chars().count()];
    for (r, _) in marks {
        bounds.push(r.start);
        bounds.push(r.end);
    }
    bounds.sort_unstable();
    bounds.dedup();
    let byte_of: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain([text.len()])
        .collect();
    bounds
        .windows(2)
        .filter_map(|w| {
            let (a, b) = (w[0], w[1].min(byte_of.len() - 1));
            if a >= b {
                return None;
            }
            // The last mark wins: the selected or flashing quote is added last.
            let color = marks
                .iter()
                .rev()
                .find(|(r, _)| r.start <= a && b <= r.end)
                .map_or(Color32::TRANSPARENT, |m| m.1);
            Some((byte_of[a]..byte_of[b], color))
        })
        .collect()
}

/// How a run of the article is drawn: quoted runs in the reader's quoted text colour on their
/// highlight and underlined (seen without colour too), the rest plain.
fn segment_format(
    font: &egui::FontId,
    plain: Color32,
    background: Color32,
    colors: &crate::ui::theme::ReaderColors,
) -> TextFormat {
    let quoted = background != Color32::TRANSPARENT;
    TextFormat {
        font_id: font.clone(),
        color: if quoted { colors.text } else { plain },
        background,
        underline: if quoted {
            egui::Stroke::new(1.0, colors.text)
        } else {
            egui::Stroke::NONE
        },
        line_height: Some(font.size * 1.45),
        ..Default::default()
    }
}

/// The highlights of the article's quoted passages (display char ranges, the selected or
/// flashing quote last, so it is drawn on top).
fn marks(
    ui: &egui::Ui,
    reader: &mut ReaderState,
    selection: &Selection,
    quotes: &[(NodeId, usize, usize)],
    reflow: &Reflow,
    colors: &crate::ui::theme::ReaderColors,
) -> Vec<(Range<usize>, Color32)> {
    let now = ui.input(|i| i.time);
    if let Some((_, t)) = &mut reader.flash
        && t.is_nan()
    {
        *t = now;
    }
    let flashing = reader
        .flash
        .as_ref()
        .filter(|(_, t)| now - *t < FLASH_SECONDS);
    let mut marks: Vec<(Range<usize>, Color32)> = Vec::new();
    for (id, s, e) in quotes {
        let (a, b) = reflow.range_to_display(*s, *e);
        let color = if flashing.is_some_and(|(f, t)| f == id && ((now - t) * 4.0) as i64 % 2 == 0) {
            colors.flash
        } else if selection.contains(id) {
            colors.selected
        } else {
            colors.quoted
        };
        marks.push((a..b, color));
    }
    marks.sort_by_key(|(_, c)| *c != colors.quoted);
    if flashing.is_some() {
        ui.ctx().request_repaint();
    }
    marks
}

/// The article's text: select a passage, click a highlighted one to select its card.
pub(super) fn article_ui(
    ui: &mut egui::Ui,
    cx: &ReaderCtx<'_>,
    reader: &mut ReaderState,
    source: &Source,
    commands: &mut Vec<Command>,
) {
    let palette = crate::ui::theme::ReaderColors::new(ui.visuals().dark_mode);
    let quotes: Vec<(NodeId, usize, usize)> = cx
        .map
        .quotes
        .iter()
        .filter(|q| q.source == source.id)
        .map(|q| (q.id.clone(), q.anchor.start, q.anchor.end))
        .collect();
    let reflow = reader.reflow_for(source).clone();
    let mut marks = marks(ui, reader, cx.selection, &quotes, &reflow, &palette);
    if let Some((_, s, e)) = reader.passage.as_ref().filter(|p| p.0 == source.id) {
        let (a, b) = reflow.range_to_display(*s, *e);
        marks.push((a..b, palette.flash));
    }

    let text_id = text_id(&source.id);
    select_next(ui, reader, &reflow, source, text_id);
    let scroll_to = reader
        .scroll_to
        .take()
        .map(|(s, e)| reflow.range_to_display(s, e));
    let body = egui::TextStyle::Body.resolve(ui.style());
    let font = egui::FontId::proportional(body.size + 1.0);
    let text_color = ui.visuals().text_color();
    let mut clicked_at = None;
    let mut focused = false;
    let scroll = egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            let mut layouter = |ui: &egui::Ui, buf: &dyn egui::TextBuffer, wrap: f32| {
                let mut job = LayoutJob::default();
                for (range, background) in segments(buf.as_str(), &marks) {
                    job.append(
                        &buf.as_str()[range],
                        0.0,
                        segment_format(&font, text_color, background, &palette),
                    );
                }
                job.wrap.max_width = wrap;
                ui.fonts_mut(|f| f.layout_job(job))
            };
            let mut view: &str = &reflow.display;
            let out = egui::TextEdit::multiline(&mut view)
                .id(text_id)
                // Reached with Tab, the caret starts where reading does.
                .cursor_at_end(false)
                .desired_width(f32::INFINITY)
                // Room for the focus outline, which must not touch the text.
                .frame(egui::Frame::NONE.inner_margin(egui::Margin::symmetric(8, 6)))
                .layouter(&mut layouter)
                .show(ui);
            out.response.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::TextInput,
                    true,
                    format!("Article text: {}", source.title),
                )
            });
            focused = out.response.has_focus();
            if focused && let Some(r) = out.state.cursor.char_range() {
                if r.is_empty() {
                    paint_caret(ui, &out, r.primary);
                }
                let r = r.as_sorted_char_range();
                if r.start.0 != r.end.0 {
                    reader.selection = Some((source.id.clone(), r.start.0..r.end.0));
                } else if out.response.clicked() {
                    clicked_at = Some(r.start.0);
                }
            }
            if let Some((a, b)) = scroll_to {
                let rect = out
                    .galley
                    .pos_from_cursor(CCursor::new(a))
                    .union(out.galley.pos_from_cursor(CCursor::new(b)))
                    .translate(out.galley_pos.to_vec2());
                ui.scroll_to_rect(rect, Some(egui::Align::Center));
            }
        });
    if focused {
        paint_focus_ring(ui, scroll.inner_rect, palette.focus);
    }

    // Clicking a highlighted passage selects its card.
    if let Some(at) = clicked_at {
        let s = reflow.to_source(at);
        if let Some((id, _, _)) = quotes.iter().find(|(_, a, b)| *a <= s && s < *b) {
            commands.push(Command::select_nodes(vec![id.clone()]));
            commands.push(Command::Reveal(id.clone()));
        }
    }
}

/// The widget id of an article's text (F6 focuses it).
pub fn text_id(source: &SourceId) -> egui::Id {
    egui::Id::unique(("reader text", source.as_str()))
}

/// Sets the selection asked for by [`ReaderState::select_source_range`] and focuses the text.
fn select_next(
    ui: &egui::Ui,
    reader: &mut ReaderState,
    reflow: &Reflow,
    source: &Source,
    text_id: egui::Id,
) {
    let Some((s, e)) = reader.select_next.take() else {
        return;
    };
    let (a, b) = reflow.range_to_display(s, e);
    let mut state = egui::text_edit::TextEditState::load(ui.ctx(), text_id).unwrap_or_default();
    state
        .cursor
        .set_char_range(Some(CCursorRange::two(CCursor::new(a), CCursor::new(b))));
    state.store(ui.ctx(), text_id);
    ui.memory_mut(|m| m.request_focus(text_id));
    reader.selection = Some((source.id.clone(), a..b));
}

/// The width of the outline around the article text while it has the keyboard focus.
pub const FOCUS_RING_WIDTH: f32 = 2.0;

/// The outline around the article text while it has the keyboard focus: the keys (Shift+arrows,
/// Ctrl+E) act here. Drawn inside the text's area so the panel never clips it.
fn paint_focus_ring(ui: &egui::Ui, rect: egui::Rect, color: Color32) {
    ui.painter().rect_stroke(
        rect,
        3.0,
        egui::Stroke::new(FOCUS_RING_WIDTH, color),
        egui::StrokeKind::Inside,
    );
}

/// The caret, where a read-only text draws none: a passage is selected from it with
/// Shift+arrows, so the keyboard user must see where it is.
fn paint_caret(ui: &egui::Ui, out: &egui::text_edit::TextEditOutput, at: CCursor) {
    let r = out
        .galley
        .pos_from_cursor(at)
        .translate(out.galley_pos.to_vec2());
    let stroke = ui.visuals().text_cursor.stroke;
    ui.painter()
        .line_segment([r.center_top(), r.center_bottom()], stroke);
}
