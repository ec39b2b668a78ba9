//! The map canvas: cards and links, pan and zoom, select, drag, link, edit in place.
//!
//! The camera maps canvas units to screen points (`screen = (p - center) * zoom + view.center`).
//! Text is laid out at its on-screen size so it stays crisp at every zoom; below a legible size a
//! card shows grey bars instead. Card geometry is cached per map change ([`layout::Layout`]);
//! cards and links outside the view are skipped before any drawing.
//!
//! The canvas reads a narrow [`CanvasCtx`] and sends [`Command`]s (select, submit edits, show a
//! quote…), which the app runs after the frame; it owns only its [`CanvasState`].

mod comments;
mod focus;
pub(super) mod folds;
mod gestures;
mod keys;
pub(super) mod layout;
mod overview;
pub(super) mod paint;

use super::app::Selection;
use super::command::Command;
use super::theme::{CARD_FONT, CARD_WIDTH, MIN_TEXT_PX, Palette};
use crate::analysis::Analysis;
use crate::model::{Map, NodeId, Point};
use egui::{Align2, FontId, Pos2, Rect, Sense, Stroke, Vec2, WidgetInfo, pos2, vec2};
use gestures::{clicks, drags, hit_test_by_hand, pan_and_zoom};
use layout::Layout;
use paint::{card_label, distance_to_segment, legend_ui, paint_card, paint_route};

const MIN_ZOOM: f32 = 0.02;
const MAX_ZOOM: f32 = 4.0;
/// With more cards than this on screen, cards are hit-tested by hand instead of each being a
/// widget: they are specks then, and thousands of widgets would cost more than the drawing.
const MAX_CARD_WIDGETS: usize = 300;

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
            drag: None,
            view: Rect::from_min_size(Pos2::ZERO, vec2(800.0, 600.0)),
            layout: Layout::default(),
            visibility: crate::view::Visibility::default(),
        }
    }

    pub fn zoom_by(&mut self, factor: f32) {
        self.zoom = (self.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
    }

    /// Zooms keeping the canvas point under `screen` fixed.
    fn zoom_at(&mut self, factor: f32, screen: Pos2) {
        let before = self.to_canvas(screen);
        self.zoom_by(factor);
        let after = self.to_canvas(screen);
        self.center += before - after;
    }

    pub fn to_screen(&self, p: Pos2) -> Pos2 {
        self.view.center() + (p - self.center) * self.zoom
    }

    pub fn to_canvas(&self, s: Pos2) -> Pos2 {
        self.center + (s - self.view.center()) / self.zoom
    }

    /// Card geometry, brought up to date with the map.
    pub(super) fn layout(&mut self, map: &Map, generation: u64) -> &Layout {
        self.layout.update(map, generation);
        &self.layout
    }

    pub(super) fn rect_to_screen(&self, r: Rect) -> Rect {
        Rect::from_min_max(self.to_screen(r.min), self.to_screen(r.max))
    }

    /// A card's rectangle on screen.
    pub fn screen_rect_of(&self, id: &NodeId) -> Option<Rect> {
        self.layout.rect_of(id).map(|r| self.rect_to_screen(r))
    }

    pub fn start_editing(&mut self, id: NodeId, map: &Map) {
        self.edit_buffer = map.claim(&id).map(|c| c.text.clone()).unwrap_or_default();
        self.editing = Some(id.clone());
        self.edit_focus_pending = true;
        self.reveal = Some(id);
    }

    fn fit(&mut self) {
        let layout = &self.layout;
        let shown = (0..layout.rects.len()).filter(|&i| !layout.is_hidden(i));
        let Some(bounds) = shown.map(|i| layout.rects[i]).reduce(Rect::union) else {
            self.center = Pos2::ZERO;
            self.zoom = 1.0;
            return;
        };
        let bounds = bounds.expand(40.0);
        let zx = self.view.width() / bounds.width().max(1.0);
        let zy = self.view.height() / bounds.height().max(1.0);
        self.zoom = zx.min(zy).clamp(MIN_ZOOM, 1.5);
        self.center = bounds.center();
    }

    /// Fit, but no further out than text reads: a bigger map is framed on its thesis with its
    /// direct reasons and objections (so it also opens), and the overview in the corner shows
    /// the rest.
    fn fit_legibly(&mut self, map: &Map) {
        self.fit();
        if self.zoom < overview::FIT_MIN_ZOOM && map.claims.len() + map.quotes.len() > 0 {
            self.frame_thesis(map);
        }
    }

    /// Whether a card-sized box at `p` is free of cards.
    fn is_free(&self, p: Pos2, height: f32) -> bool {
        let candidate = Rect::from_min_size(p, vec2(CARD_WIDTH, height)).expand(10.0);
        !self.layout.rects.iter().any(|r| r.intersects(candidate))
    }

    /// Where a new claim goes: the middle of the view, moved down past any card there.
    pub fn free_spot_near_center(&self) -> Point {
        let mut p = pos2(self.center.x - CARD_WIDTH / 2.0, self.center.y - 30.0);
        for _ in 0..50 {
            if self.is_free(p, 80.0) {
                break;
            }
            p.y += 60.0;
        }
        Point::new(p.x, p.y)
    }

    /// Where a new quote goes: under the claim it supports, else near the middle.
    pub fn spot_for_quote(&self, map: &Map, claim: Option<&NodeId>) -> Point {
        let Some(c) = claim.and_then(|id| map.claim(id)) else {
            return self.free_spot_near_center();
        };
        let mut p = pos2(c.pos.x, c.pos.y + self.layout.height_of(&c.id) + 50.0);
        for _ in 0..50 {
            if self.is_free(p, 100.0) {
                break;
            }
            p.x += CARD_WIDTH + 30.0;
        }
        Point::new(p.x, p.y)
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

    canvas.layout.update(cx.map, cx.generation);
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

impl CanvasState {
    /// Moves the camera where it was asked to go: fit the map, bring a card into view, frame
    /// some cards.
    fn place_camera(&mut self, map: &Map) {
        let rect = self.view;
        if self.fit_pending {
            self.fit_pending = false;
            self.opening = false;
            self.fit_legibly(map);
        }
        if let Some(id) = self.reveal.take()
            && let Some(r) = self.layout.rect_of(&id)
            && !rect.shrink(20.0).contains_rect(self.rect_to_screen(r))
        {
            self.center = r.center();
        }
        if let Some(ids) = self.frame.take() {
            let rects: Vec<Rect> = ids
                .iter()
                .filter_map(|id| self.layout.rect_of(id))
                .collect();
            if let Some(b) = rects.into_iter().reduce(Rect::union) {
                let b = b.expand(80.0);
                self.zoom = (rect.width() / b.width())
                    .min(rect.height() / b.height())
                    .clamp(MIN_ZOOM, 1.2);
                self.center = b.center();
            }
        }
    }
}

/// Draws the links under the cards; returns the one under the pointer.
fn links_ui(
    ui: &egui::Ui,
    canvas: &CanvasState,
    cx: &CanvasCtx<'_>,
    pass: &Pass,
    counts: &comments::Counts<'_>,
) -> Option<crate::model::LinkId> {
    let layout = &canvas.layout;
    let mut hovered = None;
    for &(a, b, relation, li) in &layout.links {
        if layout.is_hidden(a) || layout.is_hidden(b) {
            continue;
        }
        if !pass
            .visible
            .intersects(layout.rects[a].union(layout.rects[b]))
        {
            continue;
        }
        // The route (at most three points: straight, or round a quote stack) on screen.
        let Some(route) = layout.routes.get(li).and_then(Option::as_ref) else {
            continue;
        };
        let Some(link) = cx.map.links.get(li) else {
            continue;
        };
        let mut pts = [Pos2::ZERO; 3];
        let n = route.len().min(3);
        for (slot, p) in pts.iter_mut().zip(route) {
            *slot = canvas.to_screen(*p);
        }
        let pts = &pts[..n];
        if cx.selection.link.as_ref() == Some(&link.id) {
            pass.painter.line(
                pts.to_vec(),
                Stroke::new(pass.width + 6.0, pass.palette.selection.gamma_multiply(0.5)),
            );
        }
        let comments = counts.links.get(&link.id).copied().unwrap_or(0);
        link_node(ui, cx.map, link, pts, comments);
        paint_route(
            &pass.painter,
            pts,
            relation,
            Palette::relation(relation),
            pass.width,
        );
        if comments > 0 {
            comments::link_badge(&pass.painter, pts, pass.zoom, comments);
        }
        if let Some(p) = pass.pointer.filter(|_| pass.bg.hovered())
            && pts
                .windows(2)
                .any(|w| distance_to_segment(p, w[0], w[1]) < 6.0)
        {
            hovered = Some(link.id.clone());
        }
    }
    hovered
}

/// A link in the accessibility tree: not a widget (clicks on it go to the background), but
/// named and placed, so a screen reader can read the map's links as well as its cards.
fn link_node(ui: &egui::Ui, map: &Map, link: &crate::model::Link, pts: &[Pos2], comments: usize) {
    let id = egui::Id::unique(("link", link.id.as_str()));
    ui.ctx().accesskit_node_builder(id, |n| {
        n.set_role(egui::accesskit::Role::Link);
        n.set_label(paint::link_label(map, link));
        if let Some(said) = comments::comments_phrase(comments) {
            n.set_description(said);
        }
        if let Some(b) = pts
            .iter()
            .map(|p| Rect::from_center_size(*p, Vec2::ZERO))
            .reduce(Rect::union)
        {
            n.set_bounds(egui::accesskit::Rect {
                x0: b.min.x.into(),
                y0: b.min.y.into(),
                x1: b.max.x.into(),
                y1: b.max.y.into(),
            });
        }
    });
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
