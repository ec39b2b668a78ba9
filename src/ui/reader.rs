//! The article reader: the map's sources as readable paragraphs, quotes highlighted, a passage
//! selected with the mouse becomes a quote.
//!
//! The text is a read-only `TextEdit` over the reflowed display text (see `anchor::Reflow`):
//! its cursor gives the selection as display char offsets, which the reflow maps back to offsets
//! in the stored source text.

use super::app::{Selection, WarrantApp};
use super::command::Command;
use crate::anchor::Reflow;
use crate::edit::Edit;
use crate::edit::ops::{self, SourceDetails};
use crate::model::{Map, NodeId, Quote, Source, SourceId};
use egui::text::{CCursor, CCursorRange, LayoutJob};
use egui::{Color32, RichText, TextFormat};
use std::ops::Range;

/// How long a quote's passage flashes after its card is selected, in seconds.
const FLASH_SECONDS: f64 = 1.6;

/// What the reader shows and what is selected in it.
#[derive(Default)]
pub struct ReaderState {
    /// The article shown.
    pub current: Option<SourceId>,
    /// The display text of `current`, and the source hash it was made from.
    reflow: Option<(SourceId, String, Reflow)>,
    /// The last non-empty selection in the text (display char offsets), kept when focus leaves.
    pub selection: Option<(SourceId, Range<usize>)>,
    /// Scroll to this source char range on the next frame.
    scroll_to: Option<(usize, usize)>,
    /// The quote whose passage flashes, and since when.
    flash: Option<(NodeId, f64)>,
    /// A selection to set in the text on the next frame (source char range).
    select_next: Option<(usize, usize)>,
}

impl ReaderState {
    /// Shows a quote's passage: switches to its article, scrolls to it, flashes it.
    pub fn show_quote(&mut self, quote: &Quote) {
        self.current = Some(quote.source.clone());
        self.scroll_to = Some((quote.anchor.start, quote.anchor.end));
        self.flash = Some((quote.id.clone(), f64::NAN));
    }

    /// Selects chars `start..end` of the current article's stored text (as a mouse drag would).
    pub fn select_source_range(&mut self, start: usize, end: usize) {
        self.select_next = Some((start, end));
    }

    /// The selected passage as a range of the stored source text.
    pub fn selection_in_source(&self, map: &Map) -> Option<(SourceId, usize, usize)> {
        let (source, range) = self.selection.as_ref()?;
        map.source(source)?;
        let (rid, _, reflow) = self.reflow.as_ref()?;
        if rid != source {
            return None;
        }
        let (s, e) = reflow.range_to_source(range.start, range.end);
        let (s, e) = crate::anchor::snap_to_words(&map.source(source)?.text, s, e);
        (s < e).then(|| (source.clone(), s, e))
    }

    fn reflow_for(&mut self, source: &Source) -> &Reflow {
        let stale = self
            .reflow
            .as_ref()
            .is_none_or(|(id, hash, _)| *id != source.id || *hash != source.sha256);
        if stale {
            self.reflow = Some((
                source.id.clone(),
                source.sha256.clone(),
                Reflow::new(&source.text),
            ));
        }
        &self.reflow.as_ref().expect("just set").2
    }
}

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
    colors: &super::theme::ReaderColors,
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

/// The reader panel.
#[allow(clippy::too_many_lines)]
pub fn reader_ui(app: &mut WarrantApp, ui: &mut egui::Ui) {
    let mut commands = Vec::new();
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        ui.heading("Articles");
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("Add article…").clicked() {
                commands.push(Command::AddArticle);
            }
        });
    });
    let map = app.history.map();
    if map.sources.is_empty() {
        ui.add_space(20.0);
        ui.label("This map has no articles yet. Add one (a .txt or .md file) with the button above, or drop the file on the window.");
        for c in commands {
            app.push(c);
        }
        return;
    }
    if app
        .reader
        .current
        .as_ref()
        .is_none_or(|c| map.source(c).is_none())
    {
        app.reader.current = Some(map.sources[0].id.clone());
    }
    ui.horizontal_wrapped(|ui| {
        for s in &map.sources {
            let selected = app.reader.current.as_ref() == Some(&s.id);
            if ui
                .selectable_label(selected, s.short_name())
                .on_hover_text(&s.title)
                .clicked()
            {
                app.reader.current = Some(s.id.clone());
            }
        }
    });
    let Some(source) = app.reader.current.as_ref().and_then(|c| map.source(c)) else {
        return;
    };
    ui.separator();
    ui.label(RichText::new(&source.title).strong().size(15.0));
    let byline = source.byline();
    if !byline.is_empty() {
        ui.label(RichText::new(byline).weak());
    }
    let details_edits = details_ui(ui, map, source);
    // Coverage: which parts of the article the map quotes, as a strip, and how much.
    let revision = app.history.content_revision();
    if let Some(c) = app
        .findings
        .of(map, revision)
        .coverage
        .iter()
        .find(|c| c.source == source.id)
    {
        let (rect, resp) =
            ui.allocate_exact_size(egui::vec2(ui.available_width(), 8.0), egui::Sense::hover());
        let painter = ui.painter();
        painter.rect_filled(rect, 2.0, ui.visuals().faint_bg_color);
        let len = source.text.chars().count().max(1) as f32;
        for &(a, b) in &c.ranges {
            let x0 = rect.left() + rect.width() * a as f32 / len;
            let x1 = rect.left() + rect.width() * b as f32 / len;
            painter.rect_filled(
                egui::Rect::from_x_y_ranges(x0..=x1.max(x0 + 1.0), rect.y_range()),
                0.0,
                super::theme::Palette::warning(),
            );
        }
        resp.on_hover_text(
            "The article from start to end; the coloured parts are quoted in the map",
        );
        ui.label(RichText::new(format!("{:.0} % of this article is quoted", c.percent)).weak());
    }
    let has_selection = app
        .reader
        .selection
        .as_ref()
        .is_some_and(|(s, r)| *s == source.id && !r.is_empty());
    ui.horizontal(|ui| {
        let quote = ui
            .add_enabled(has_selection, egui::Button::new("Quote selection"))
            .on_hover_text("Make a quote card of the selected passage (Ctrl+E); it supports the selected claim, if one is selected")
            .on_disabled_hover_text("Select a passage in the text first");
        if quote.clicked() {
            commands.push(Command::QuoteSelection);
        }
        let n = map.quotes.iter().filter(|q| q.source == source.id).count();
        ui.label(RichText::new(format!("{n} quotes")).weak());
    });
    ui.separator();

    let now = ui.input(|i| i.time);
    let dark = ui.visuals().dark_mode;
    let palette = super::theme::ReaderColors::new(dark);
    let source_id = source.id.clone();
    let quotes: Vec<(NodeId, usize, usize)> = map
        .quotes
        .iter()
        .filter(|q| q.source == source_id)
        .map(|q| (q.id.clone(), q.anchor.start, q.anchor.end))
        .collect();
    let reflow = app.reader.reflow_for(source).clone();
    let selected_nodes = app.selection.nodes.clone();
    if let Some((_, t)) = &mut app.reader.flash
        && t.is_nan()
    {
        *t = now;
    }
    let flashing = app
        .reader
        .flash
        .as_ref()
        .filter(|(_, t)| now - *t < FLASH_SECONDS)
        .map(|(id, t)| (id.clone(), *t));
    let mut marks: Vec<(Range<usize>, Color32)> = Vec::new();
    for (id, s, e) in &quotes {
        let (a, b) = reflow.range_to_display(*s, *e);
        let color = if flashing
            .as_ref()
            .is_some_and(|(f, t)| f == id && ((now - t) * 4.0) as i64 % 2 == 0)
        {
            palette.flash
        } else if selected_nodes.contains(id) {
            palette.selected
        } else {
            palette.quoted
        };
        marks.push((a..b, color));
    }
    // The selected or flashing quote on top.
    marks.sort_by_key(|(_, c)| *c != palette.quoted);
    if flashing.is_some() {
        ui.ctx().request_repaint();
    }

    let text_id = egui::Id::unique(("reader text", source_id.as_str()));
    if let Some((s, e)) = app.reader.select_next.take() {
        let (a, b) = reflow.range_to_display(s, e);
        let mut state = egui::text_edit::TextEditState::load(ui.ctx(), text_id).unwrap_or_default();
        state
            .cursor
            .set_char_range(Some(CCursorRange::two(CCursor::new(a), CCursor::new(b))));
        state.store(ui.ctx(), text_id);
        ui.memory_mut(|m| m.request_focus(text_id));
        app.reader.selection = Some((source_id.clone(), a..b));
    }

    let body = egui::TextStyle::Body.resolve(ui.style());
    let font = egui::FontId::proportional(body.size + 1.0);
    let text_color = ui.visuals().text_color();
    let scroll_to = app
        .reader
        .scroll_to
        .take()
        .map(|(s, e)| reflow.range_to_display(s, e));
    let mut clicked_at = None;
    egui::ScrollArea::vertical()
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
                .desired_width(f32::INFINITY)
                .frame(egui::Frame::NONE)
                .layouter(&mut layouter)
                .show(ui);
            out.response.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::TextInput,
                    true,
                    format!("Article text: {}", source.title),
                )
            });
            if out.response.has_focus()
                && let Some(r) = out.state.cursor.char_range()
            {
                let r = r.as_sorted_char_range();
                if r.start.0 != r.end.0 {
                    app.reader.selection = Some((source_id.clone(), r.start.0..r.end.0));
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

    // Clicking a highlighted passage selects its card.
    if let Some(at) = clicked_at {
        let s = reflow.to_source(at);
        if let Some((id, _, _)) = quotes.iter().find(|(_, a, b)| *a <= s && s < *b) {
            app.selection = Selection::one(id.clone());
            app.canvas.reveal = Some(id.clone());
        }
    }
    if !details_edits.is_empty() {
        let merge = format!("source details {source_id}");
        app.submit("Edit article details", Some(merge), details_edits);
    }
    for c in commands {
        app.push(c);
    }
}

/// The article's title, author, outlet, date and URL as fields, folded away until wanted; each
/// change is an edit (typing in a row merges into one undo step).
fn details_ui(ui: &mut egui::Ui, map: &Map, source: &Source) -> Vec<Edit> {
    let mut details = SourceDetails::of(source);
    egui::CollapsingHeader::new("Details")
        .id_salt(("article details", source.id.as_str()))
        .show(ui, |ui| {
            egui::Grid::new(("article details grid", source.id.as_str()))
                .num_columns(2)
                .show(ui, |ui| {
                    for (name, value) in [
                        ("Title", &mut details.title),
                        ("Author", &mut details.author),
                        ("Outlet", &mut details.outlet),
                        ("Date", &mut details.date),
                        ("URL", &mut details.url),
                    ] {
                        ui.label(name);
                        // A fixed id: the author line above appears as one is typed, and an
                        // id from the layout would change under the cursor and drop the focus.
                        let r = ui.add(
                            egui::TextEdit::singleline(value)
                                .id(egui::Id::unique((
                                    "article detail",
                                    source.id.as_str(),
                                    name,
                                )))
                                .desired_width(f32::INFINITY),
                        );
                        let label = format!("Article {}", name.to_lowercase());
                        r.widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::TextInput, true, &label)
                        });
                        ui.end_row();
                    }
                });
        });
    ops::set_source_details(map, &source.id, details)
}
