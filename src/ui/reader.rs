//! The article reader: the map's sources as readable paragraphs, quotes highlighted, a passage
//! selected with the mouse becomes a quote.
//!
//! The text is a read-only `TextEdit` over the reflowed display text (see `anchor::Reflow`):
//! its cursor gives the selection as display char offsets, which the reflow maps back to offsets
//! in the stored source text.
//!
//! The panel reads a narrow [`ReaderCtx`] and sends [`Command`]s (quote this passage, select
//! that card…); it owns only its [`ReaderState`].
//!
//! Here: the reader's state, the article tabs, the header (byline, details, coverage) and the
//! quote button; the article's text itself (highlights, selection, caret) is in `text.rs`.

use super::app::Selection;
use super::command::Command;
use crate::analysis::Analysis;
use crate::anchor::Reflow;
use crate::edit::Edit;
use crate::edit::ops::{self, SourceDetails};
use crate::model::{Map, NodeId, Quote, Source, SourceId};
use egui::RichText;
use std::ops::Range;
use text::article_ui;
pub use text::text_id;

mod text;

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
    /// A passage that is no quote of this map, highlighted (a reference passage the map missed).
    passage: Option<(SourceId, usize, usize)>,
}

impl ReaderState {
    /// Shows a quote's passage: switches to its article, scrolls to it, flashes it.
    pub fn show_quote(&mut self, quote: &Quote) {
        self.current = Some(quote.source.clone());
        self.scroll_to = Some((quote.anchor.start, quote.anchor.end));
        self.flash = Some((quote.id.clone(), f64::NAN));
        self.passage = None;
    }

    /// Shows chars `start..end` of an article's stored text: switches to it, scrolls to the
    /// passage and keeps it highlighted until another quote or passage is shown.
    pub fn show_passage(&mut self, source: SourceId, start: usize, end: usize) {
        self.current = Some(source.clone());
        self.scroll_to = Some((start, end));
        self.passage = Some((source, start, end));
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
/// What the reader reads of the app.
pub struct ReaderCtx<'a> {
    pub map: &'a Map,
    /// The selected cards (their passages are highlighted more strongly).
    pub selection: &'a Selection,
    /// The analysis of the map (how much of each article is quoted).
    pub findings: &'a Analysis,
}

/// The reader panel: reads `cx`, changes only `reader`, sends the rest as commands.
pub fn reader_ui(
    ui: &mut egui::Ui,
    cx: &ReaderCtx<'_>,
    reader: &mut ReaderState,
    commands: &mut Vec<Command>,
) {
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        ui.heading("Articles");
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("Add article…").clicked() {
                commands.push(Command::AddArticle);
            }
        });
    });
    let map = cx.map;
    if map.sources.is_empty() {
        ui.add_space(20.0);
        ui.label("This map has no articles yet. Add one (a .txt or .md file) with the button above, or drop the file on the window.");
        return;
    }
    if reader
        .current
        .as_ref()
        .is_none_or(|c| map.source(c).is_none())
    {
        reader.current = Some(map.sources[0].id.clone());
    }
    ui.horizontal_wrapped(|ui| {
        for s in &map.sources {
            let selected = reader.current.as_ref() == Some(&s.id);
            if ui
                .selectable_label(selected, s.short_name())
                .on_hover_text(&s.title)
                .clicked()
            {
                reader.current = Some(s.id.clone());
            }
        }
    });
    let Some(source) = reader.current.as_ref().and_then(|c| map.source(c)) else {
        return;
    };
    ui.separator();
    source_header_ui(ui, cx, source, commands);
    quote_bar_ui(ui, map, reader, source, commands);
    ui.separator();
    article_ui(ui, cx, reader, source, commands);
}

/// The article's title and byline, its details, and how much of it the map quotes.
fn source_header_ui(
    ui: &mut egui::Ui,
    cx: &ReaderCtx<'_>,
    source: &Source,
    commands: &mut Vec<Command>,
) {
    ui.label(RichText::new(&source.title).strong().size(15.0));
    let byline = source.byline();
    if !byline.is_empty() {
        ui.label(RichText::new(byline).weak());
    }
    let details_edits = details_ui(ui, cx.map, source);
    if !details_edits.is_empty() {
        commands.push(Command::Submit {
            label: "Edit article details",
            merge: Some(format!("source details {}", source.id)),
            edits: details_edits,
        });
    }
    // Coverage: which parts of the article the map quotes, as a strip, and how much.
    let Some(c) = cx.findings.coverage.iter().find(|c| c.source == source.id) else {
        return;
    };
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
    resp.on_hover_text("The article from start to end; the coloured parts are quoted in the map");
    ui.label(RichText::new(format!("{:.0} % of this article is quoted", c.percent)).weak());
}

/// The "Quote selection" button and the article's number of quotes.
fn quote_bar_ui(
    ui: &mut egui::Ui,
    map: &Map,
    reader: &ReaderState,
    source: &Source,
    commands: &mut Vec<Command>,
) {
    let has_selection = reader
        .selection
        .as_ref()
        .is_some_and(|(s, r)| *s == source.id && !r.is_empty());
    ui.horizontal(|ui| {
        let quote = ui
            .add_enabled(has_selection, egui::Button::new("Quote selection"))
            .on_hover_text("Make a quote card of the selected passage (Ctrl+E); it supports the selected claim, if one is selected")
            .on_disabled_hover_text("Select a passage in the text first");
        if quote.clicked() {
            commands.push(match reader.selection_in_source(map) {
                Some((source, start, end)) => Command::QuotePassage { source, start, end },
                // Nothing quotable (only spaces): the app says what to do.
                None => Command::QuoteSelection,
            });
        }
        let n = map.quotes.iter().filter(|q| q.source == source.id).count();
        ui.label(RichText::new(format!("{n} quotes")).weak());
    });
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

#[cfg(test)]
mod tests;
