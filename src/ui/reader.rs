//! The article reader: the map's sources as readable paragraphs, quotes highlighted, a passage
//! selected with the mouse becomes a quote.
//!
//! The text is a read-only `TextEdit` over the reflowed display text (see `anchor::Reflow`):
//! its cursor gives the selection as display char offsets, which the reflow maps back to offsets
//! in the stored source text.
//!
//! The panel reads a narrow [`ReaderCtx`] and sends [`Command`]s (quote this passage, select
//! that card…); it owns only its [`ReaderState`].

use super::app::Selection;
use super::command::Command;
use crate::analysis::Analysis;
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

/// The highlights of the article's quoted passages (display char ranges, the selected or
/// flashing quote last, so it is drawn on top).
fn marks(
    ui: &egui::Ui,
    reader: &mut ReaderState,
    selection: &Selection,
    quotes: &[(NodeId, usize, usize)],
    reflow: &Reflow,
    colors: &super::theme::ReaderColors,
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
fn article_ui(
    ui: &mut egui::Ui,
    cx: &ReaderCtx<'_>,
    reader: &mut ReaderState,
    source: &Source,
    commands: &mut Vec<Command>,
) {
    let palette = super::theme::ReaderColors::new(ui.visuals().dark_mode);
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
mod tests {
    use super::{ReaderCtx, ReaderState, reader_ui};
    use crate::analysis::{Analysis, analyse};
    use crate::model::{Map, NodeId, Point, Quote, Source, SourceId};
    use crate::ui::app::Selection;
    use crate::ui::command::Command;
    use egui::{Key, Modifiers, vec2};
    use egui_kittest::Harness;
    use egui_kittest::kittest::{NodeT as _, Queryable as _};

    const TEXT: &str = "NATO is a relic of the Cold War, say officials. It is also too strong.";

    struct Desk {
        map: Map,
        selection: Selection,
        findings: Analysis,
        reader: ReaderState,
        sent: Vec<Command>,
    }

    /// One article with its first sentence quoted.
    fn desk() -> Harness<'static, Desk> {
        let mut map = Map::new("Test");
        let mut s = Source::new("Memo", TEXT);
        s.id = SourceId("s1".into());
        let end = TEXT.find('.').unwrap() + 1;
        map.quotes = vec![Quote {
            id: NodeId("q1".into()),
            source: s.id.clone(),
            anchor: crate::anchor::anchor_from_range(TEXT, 0, end).unwrap(),
            note: String::new(),
            pos: Point::default(),
        }];
        map.sources = vec![s];
        let desk = Desk {
            findings: analyse(&map),
            map,
            selection: Selection::default(),
            reader: ReaderState::default(),
            sent: Vec::new(),
        };
        Harness::builder()
            .with_size(vec2(440.0, 700.0))
            .build_ui_state(
                |ui, d: &mut Desk| {
                    let cx = ReaderCtx {
                        map: &d.map,
                        selection: &d.selection,
                        findings: &d.findings,
                    };
                    reader_ui(ui, &cx, &mut d.reader, &mut d.sent);
                },
                desk,
            )
    }

    fn quoted(h: &Harness<'static, Desk>) -> Vec<(usize, usize)> {
        h.state()
            .sent
            .iter()
            .filter_map(|c| match c {
                Command::QuotePassage { source, start, end } if source.0 == "s1" => {
                    Some((*start, *end))
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_selected_passage_is_sent_to_be_quoted() {
        let mut h = desk();
        h.run();
        let start = TEXT.find("say officials").unwrap();
        h.state_mut().reader.select_source_range(start, start + 13);
        h.run();
        h.get_by_label("Quote selection").click();
        h.run();
        assert_eq!(quoted(&h), vec![(start, start + 13)]);
    }

    #[test]
    fn a_passage_is_selected_with_shift_and_the_arrows_and_quoted() {
        let mut h = desk();
        h.run();
        h.get_by_label("Article text: Memo").focus();
        h.run();
        // From the caret at the start: Shift+Right four times selects "NATO".
        for _ in 0..4 {
            h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowRight);
            h.run();
        }
        h.get_by_label("Quote selection").click();
        h.run();
        assert_eq!(quoted(&h), vec![(0, 4)]);
    }

    #[test]
    fn clicking_a_quoted_passage_selects_its_card() {
        let mut h = desk();
        h.run();
        let text = h.get_by_label("Article text: Memo").rect();
        h.get_by_label("Article text: Memo").hover();
        h.event(egui::Event::PointerMoved(text.left_top() + vec2(8.0, 8.0)));
        h.run();
        for pressed in [true, false] {
            h.event(egui::Event::PointerButton {
                pos: text.left_top() + vec2(8.0, 8.0),
                button: egui::PointerButton::Primary,
                pressed,
                modifiers: Modifiers::NONE,
            });
        }
        h.run();
        let q1 = NodeId("q1".into());
        assert!(
            h.state()
                .sent
                .contains(&Command::select_nodes(vec![q1.clone()]))
        );
        assert!(h.state().sent.contains(&Command::Reveal(q1)));
    }

    /// The outlines of the given colour painted this frame (rectangles stroked in it).
    fn outlines(h: &Harness<'static, Desk>, color: egui::Color32) -> Vec<egui::Rect> {
        h.output()
            .shapes
            .iter()
            .filter_map(|s| match &s.shape {
                egui::Shape::Rect(r) if r.stroke.color == color && r.stroke.width > 0.0 => {
                    Some(r.rect)
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn the_article_text_is_outlined_while_it_has_the_keyboard_focus() {
        let mut h = desk();
        h.run();
        let focus =
            crate::ui::theme::ReaderColors::new(h.ctx.global_style().visuals.dark_mode).focus;
        assert!(outlines(&h, focus).is_empty(), "no outline without focus");
        // Tab from the tab strip and the Details header reaches the text.
        for _ in 0..6 {
            h.key_press(Key::Tab);
            h.run();
            if h.get_by_label("Article text: Memo")
                .accesskit_node()
                .is_focused()
            {
                break;
            }
        }
        assert!(
            h.get_by_label("Article text: Memo")
                .accesskit_node()
                .is_focused()
        );
        let text = h.get_by_label("Article text: Memo").rect();
        let rings = outlines(&h, focus);
        assert!(
            rings
                .iter()
                .any(|r| r.contains_rect(text.shrink(super::FOCUS_RING_WIDTH + 1.0))),
            "an outline around the text: {rings:?}, text at {text:?}"
        );
        h.key_press(Key::Escape);
        h.run();
        assert!(outlines(&h, focus).is_empty(), "gone with the focus");
    }
}
