//! The map canvas: cards and links, pan and zoom, select, drag, link, edit in place.
//!
//! The camera maps canvas units to screen points (`screen = (p - center) * zoom + view.center`).
//! Text is laid out at its on-screen size so it stays crisp at every zoom; below a legible size a
//! card shows grey bars instead. Card geometry is cached per map change ([`layout::Layout`]);
//! cards and links outside the view are skipped before any drawing.
//!
//! The canvas reads a narrow [`CanvasCtx`] and sends [`Command`]s (select, submit edits, show a
//! quote…), which the app runs after the frame; it owns only its [`CanvasState`].
//!
//! Here: the canvas state, one frame's pass and the cards as widgets; the camera is in
//! `camera.rs`, where new cards go in `spots.rs`, the links in `links.rs`.

mod camera;
mod comments;
mod focus;
pub(super) mod folds;
mod gestures;
mod keys;
pub(super) mod layout;
mod links;
mod overview;
pub(super) mod paint;
mod spots;

use super::app::Selection;
use super::command::Command;
use super::theme::{CARD_FONT, MIN_TEXT_PX, Palette};
use crate::analysis::Analysis;
use crate::model::{Map, NodeId};
use egui::{Align2, FontId, Pos2, Rect, Sense, Stroke, Vec2, WidgetInfo, pos2, vec2};
use gestures::{clicks, drags, hit_test_by_hand, pan_and_zoom};
use layout::Layout;
use links::links_ui;
use paint::{card_label, legend_ui, paint_card};

const MIN_ZOOM: f32 = 0.02;
const MAX_ZOOM: f32 = 4.0;
/// With more cards than this on screen, cards are hit-tested by hand instead of each being a
/// widget: they are specks then, and thousands of widgets would cost more than the drawing.
const MAX_CARD_WIDGETS: usize = 300;
/// Maps with more links than this are routed straight while they change every frame (see
/// [`layout::Layout::update`]); smaller ones bend round cards every frame (a few ms).
const DIRECT_ABOVE: usize = 300;

/// What a mouse drag is doing.
#[derive(Clone, Debug)]
enum Drag {
    /// Moving these cards (the selection when the drag began).
    Move {
        ids: Vec<NodeId>,
    },
    Band {
        start: Pos2,
    },
    Link {
        from: NodeId,
    },
}

/// Camera, in-place editing and drag state of the canvas.
pub struct CanvasState {
    pub zoom: f32,
    /// The canvas point at the middle of the view.
    pub center: Pos2,
    /// Frame the whole map on the next frame.
    pub fit_pending: bool,
    /// The map was just opened: a map too big to read when fitted opens on its thesis.
    pub opening: bool,
    /// The claim whose text is being edited in place.
    pub editing: Option<NodeId>,
    pub edit_buffer: String,
    edit_focus_pending: bool,
    /// Bring this card into view on the next frame.
    pub reveal: Option<NodeId>,
    /// Frame these cards on the next frame (a finding clicked in the panel).
    pub frame: Option<Vec<NodeId>>,
    /// Give this card the keyboard focus on the next frame: a link was just made from it (a
    /// screen reader then reads the card with its links, and the arrow keys go on from it).
    pub focus: Option<NodeId>,
    drag: Option<Drag>,
    /// The view's rectangle on screen, as of the last frame.
    pub view: Rect,
    layout: Layout,
    /// Folded branches and focus mode.
    pub visibility: crate::view::Visibility,
}

impl CanvasState {
    pub fn new(zoom: f32) -> Self {
        Self {
            zoom: zoom.clamp(MIN_ZOOM, MAX_ZOOM),
            center: Pos2::ZERO,
            fit_pending: true,
            opening: true,
            editing: None,
            edit_buffer: String::new(),
            edit_focus_pending: false,
            reveal: None,
            frame: None,
            focus: None,
            drag: None,
            view: Rect::from_min_size(Pos2::ZERO, vec2(800.0, 600.0)),
            layout: Layout::default(),
            visibility: crate::view::Visibility::default(),
        }
    }

    /// Card geometry, brought up to date with the map.
    pub(super) fn layout(&mut self, map: &Map, generation: u64) -> &Layout {
        self.layout.update(map, generation, false);
        &self.layout
    }
    pub fn start_editing(&mut self, id: NodeId, map: &Map) {
        self.edit_buffer = map.claim(&id).map(|c| c.text.clone()).unwrap_or_default();
        self.editing = Some(id.clone());
        self.edit_focus_pending = true;
        self.reveal = Some(id);
    }
}

/// What the canvas reads of the app.
pub struct CanvasCtx<'a> {
    pub map: &'a Map,
    /// The map's history generation: card geometry is recomputed when it changes.
    pub generation: u64,
    pub selection: &'a Selection,
    /// The analysis of the map (claims of an actor who holds both sides get a badge).
    pub findings: &'a Analysis,
}

/// What the mouse did to the cards this frame.
#[derive(Default)]
struct Gestures {
    clicked: Option<NodeId>,
    double_clicked: Option<NodeId>,
    drag_started: Option<NodeId>,
    link_from: Option<NodeId>,
    dragged: Option<Vec2>,
    released: bool,
    /// A card's fold button.
    fold: Option<NodeId>,
    /// The link under the pointer.
    hovered_link: Option<crate::model::LinkId>,
}

/// What this frame draws with: the painter, the zoom, and the cards in view.
struct Pass {
    painter: egui::Painter,
    palette: Palette,
    /// The canvas background's response (clicks and drags off the cards).
    bg: egui::Response,
    zoom: f32,
    /// The width of a link's line.
    width: f32,
    /// The view in canvas units, with a margin.
    visible: Rect,
    /// The cards in view (indices into the layout).
    shown: Vec<usize>,
    pointer: Option<Pos2>,
    /// Whether the cards are widgets (else they are hit-tested by hand).
    widgets: bool,
}

impl Pass {
    fn new(ui: &egui::Ui, canvas: &CanvasState, bg: egui::Response, palette: Palette) -> Self {
        let rect = canvas.view;
        let zoom = canvas.zoom;
        let visible = Rect::from_min_max(canvas.to_canvas(rect.min), canvas.to_canvas(rect.max))
            .expand(40.0 / zoom);
        let layout = &canvas.layout;
        let shown: Vec<usize> = (0..layout.rects.len())
            .filter(|&i| !layout.is_hidden(i) && layout.rects[i].intersects(visible))
            .collect();
        Self {
            painter: ui.painter_at(rect),
            palette,
            bg,
            zoom,
            width: (2.0 * zoom).clamp(1.0, 4.0),
            visible,
            widgets: shown.len() <= MAX_CARD_WIDGETS,
            shown,
            pointer: ui.input(|i| i.pointer.hover_pos()),
        }
    }
}

/// The canvas, for one frame: reads `cx`, changes only `canvas`, sends the rest as commands.
pub fn canvas_ui(
    ui: &mut egui::Ui,
    cx: &CanvasCtx<'_>,
    canvas: &mut CanvasState,
    commands: &mut Vec<Command>,
) {
    let rect = ui.available_rect_before_wrap();
    let palette = Palette::new(ui.visuals().dark_mode);
    canvas.view = rect;
    let bg = ui.allocate_rect(rect, Sense::click_and_drag());
    bg.widget_info(|| WidgetInfo::labeled(egui::Role::Canvas, true, "Map canvas"));
    ui.painter_at(rect).rect_filled(rect, 0.0, palette.canvas);

    // A big map changing every frame (cards dragged, a card's text typed) is routed without
    // the bends round cards until it settles: they cost ~48 ms on 2,000 cards.
    let changing = matches!(canvas.drag, Some(Drag::Move { .. })) || ui.ctx().text_edit_focused();
    let direct = changing && cx.map.links.len() > DIRECT_ABOVE;
    canvas.layout.update(cx.map, cx.generation, direct);
    if canvas.layout.is_direct() {
        // The frame that bends them comes even if no input does.
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(200));
    }
    folds::sync(canvas, cx, ui);
    canvas.place_camera(cx.map);
    pan_and_zoom(canvas, ui, &bg, rect);

    let pass = Pass::new(ui, canvas, bg, palette);
    let counts = comments::Counts::of(cx.map);
    let mut g = Gestures {
        hovered_link: links_ui(ui, canvas, cx, &pass, &counts),
        ..Gestures::default()
    };
    cards_ui(ui, canvas, cx, &pass, &counts, &mut g);
    if let Some(id) = canvas.focus.take() {
        ui.memory_mut(|m| m.request_focus(card_widget_id(&id)));
    }
    if !pass.widgets {
        hit_test_by_hand(canvas, cx.map, &pass, &mut g);
    }
    keys::edit_in_place_ui(canvas, cx.map, ui, pass.zoom, commands);
    drags(canvas, cx, ui, &pass, &g, commands);
    if let Some(id) = g.fold.take() {
        canvas.toggle_folds(cx.map, &[id]);
    }
    clicks(canvas, cx, ui, &pass.bg, g, commands);

    keys::keyboard(canvas, cx, ui, commands);
    legend_ui(ui, rect, &palette);
    overview::overview_ui(canvas, ui, &palette);
    if cx.map.claims.is_empty() && cx.map.quotes.is_empty() {
        pass.painter.text(
            rect.center(),
            Align2::CENTER_CENTER,
            "Double-click to add a claim, or select a passage in the article and press “Quote selection”.",
            FontId::proportional(15.0),
            palette.weak_text,
        );
    }
    folds::bar_ui(canvas, cx.map, ui, rect);
}

/// Draws the cards in view and, when they are widgets, gathers what the mouse did to them.
fn cards_ui(
    ui: &egui::Ui,
    canvas: &CanvasState,
    cx: &CanvasCtx<'_>,
    pass: &Pass,
    counts: &comments::Counts<'_>,
    g: &mut Gestures,
) {
    let show_text = CARD_FONT * pass.zoom >= MIN_TEXT_PX;
    // Claims held by an actor who also holds a claim against them get a badge.
    let flagged: std::collections::HashSet<&NodeId> = cx
        .findings
        .inconsistent_actors
        .iter()
        .flat_map(|f| f.claims.iter())
        .collect();
    for &i in &pass.shown {
        let Some(node) = Layout::node(cx.map, i) else {
            continue;
        };
        let id = node.id();
        let r = canvas.rect_to_screen(canvas.layout.rects[i]);
        let selected = cx.selection.contains(id);
        paint_card(
            &pass.painter,
            node,
            cx.map,
            r,
            &canvas.layout.lines[i],
            selected,
            show_text,
            pass.zoom,
            &pass.palette,
        );
        if flagged.contains(id) && pass.zoom > 0.2 {
            paint_badge(pass, r);
        }
        let comments = counts.nodes.get(id).copied().unwrap_or(0);
        if comments > 0 {
            comments::card_badge(&pass.painter, r, pass.zoom, comments);
        }
        let folded = canvas.layout.folded.get(id).copied();
        if let Some(n) = folded
            && !pass.widgets
            && pass.zoom > 0.1
        {
            pass.painter.text(
                pos2(r.center().x, r.bottom() + 4.0),
                Align2::CENTER_TOP,
                format!("+{n}"),
                FontId::proportional(11.0),
                pass.palette.selection,
            );
        }
        if pass.widgets && canvas.editing.as_ref() != Some(id) {
            card_widget_ui(
                ui,
                canvas,
                pass,
                &CardAt {
                    map: cx.map,
                    i,
                    node,
                    r,
                    selected,
                    comments,
                },
                g,
            );
        }
    }
}

/// The "!" badge in a card's corner.
fn paint_badge(pass: &Pass, r: Rect) {
    let c = pos2(r.right() - 2.0, r.top() + 2.0);
    let radius = (9.0 * pass.zoom).clamp(5.0, 12.0);
    pass.painter.circle(
        c,
        radius,
        Palette::warning(),
        Stroke::new(1.5, pass.palette.claim_fill),
    );
    pass.painter.text(
        c,
        Align2::CENTER_CENTER,
        "!",
        FontId::proportional(radius * 1.5),
        egui::Color32::WHITE,
    );
}

/// A card drawn this frame: its layout index, what it shows, where on screen.
struct CardAt<'a> {
    map: &'a Map,
    i: usize,
    node: crate::model::NodeRef<'a>,
    r: Rect,
    selected: bool,
    /// How many comments of the teacher's it has.
    comments: usize,
}

/// The widget id of a card (F6 focuses the selected one).
pub fn card_widget_id(id: &NodeId) -> egui::Id {
    egui::Id::unique(("card", id.as_str()))
}

/// A card as a widget: clicks, drags, its fold button and its link handle.
fn card_widget_ui(
    ui: &egui::Ui,
    canvas: &CanvasState,
    pass: &Pass,
    card: &CardAt<'_>,
    g: &mut Gestures,
) {
    let &CardAt {
        map,
        i,
        node,
        r,
        selected,
        comments,
    } = card;
    let id = node.id();
    let resp = ui.interact(r, card_widget_id(id), Sense::click_and_drag());
    let label = card_label(node);
    resp.widget_info(|| WidgetInfo::selected(egui::Role::Button, true, selected, &label));
    // Only built when a screen reader (or a test) asks for the accessibility tree.
    ui.ctx().accesskit_node_builder(resp.id, |n| {
        let mut said = paint::card_description(map, node);
        if let Some(c) = comments::comments_phrase(comments) {
            said = if said.is_empty() {
                c
            } else {
                format!("{said}, {c}")
            };
        }
        n.set_description(said);
    });
    if resp.has_focus() {
        focus::paint_focus_ring(&pass.painter, r, &pass.palette);
    }
    if resp.clicked() || (resp.gained_focus() && !selected) {
        g.clicked = Some(id.clone());
    }
    if resp.double_clicked() {
        g.double_clicked = Some(id.clone());
    }
    if resp.drag_started_by(egui::PointerButton::Primary) {
        g.drag_started = Some(id.clone());
    }
    if resp.dragged_by(egui::PointerButton::Primary) {
        g.dragged = Some(resp.drag_delta());
    }
    g.released |= resp.drag_stopped();
    let folded = canvas.layout.folded.get(id).copied();
    let near = pass
        .pointer
        .is_some_and(|p| r.expand2(vec2(0.0, 22.0)).contains(p));
    if canvas.layout.has_branch.get(i).copied().unwrap_or(false)
        && pass.zoom > 0.25
        && (folded.is_some() || selected || near)
        && folds::fold_button(ui, &pass.painter, r, id, &label, folded, &pass.palette)
    {
        g.fold = Some(id.clone());
    }
    // The link handle: a dot on the right edge, shown on hover and selection.
    if (resp.hovered() || selected) && pass.zoom > 0.25 {
        // Outside the card, so a drag that starts on it is never taken for moving the card.
        let c = pos2(r.right() + 10.0, r.center().y);
        let h = ui.interact(
            Rect::from_center_size(c, vec2(14.0, 14.0)),
            egui::Id::unique(("handle", id.as_str())),
            Sense::drag(),
        );
        h.widget_info(|| {
            WidgetInfo::labeled(egui::Role::Button, true, format!("Link from {label}"))
        });
        pass.painter.circle(
            c,
            if h.hovered() { 7.0 } else { 5.0 },
            pass.palette.selection,
            Stroke::new(1.5, pass.palette.claim_fill),
        );
        if h.drag_started() {
            g.link_from = Some(id.clone());
        }
    }
}

#[cfg(test)]
mod tests;
