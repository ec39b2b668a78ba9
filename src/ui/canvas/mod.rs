//! The map canvas: cards and links, pan and zoom, select, drag, link, edit in place.
//!
//! The camera maps canvas units to screen points (`screen = (p - center) * zoom + view.center`).
//! Text is laid out at its on-screen size so it stays crisp at every zoom; below a legible size a
//! card shows grey bars instead. Card geometry is cached per map change ([`layout::Layout`]);
//! cards and links outside the view are skipped before any drawing.

pub(super) mod folds;
mod gestures;
mod keys;
pub(super) mod layout;
mod overview;
pub(super) mod paint;

use super::app::WarrantApp;
use super::theme::{CARD_FONT, CARD_WIDTH, MIN_TEXT_PX, Palette};
use crate::edit::Edit;
use crate::model::{Map, NodeId, Point};
use egui::{Align2, FontId, Pos2, Rect, Sense, Stroke, Vec2, WidgetInfo, pos2, vec2};
use gestures::{app_parts, clicks, drags, hit_test_by_hand, pan_and_zoom};
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
    Move,
    Band { start: Pos2 },
    Link { from: NodeId },
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

/// Changes found while drawing (the map is borrowed then), made once drawing is done.
enum Deferred {
    Submit(&'static str, Option<String>, Vec<Edit>),
    Seal,
    NewClaim(Point),
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
}

/// The canvas, for one frame.
pub fn canvas_ui(app: &mut WarrantApp, ui: &mut egui::Ui) {
    let rect = ui.available_rect_before_wrap();
    let palette = Palette::new(ui.visuals().dark_mode);
    app.canvas.view = rect;
    let bg = ui.allocate_rect(rect, Sense::click_and_drag());
    bg.widget_info(|| WidgetInfo::labeled(egui::Role::Canvas, true, "Map canvas"));
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, palette.canvas);

    let generation = app.history.generation();
    app.canvas.layout.update(app.history.map(), generation);
    folds::sync(app, ui);
    let map: &Map = app.history.map();
    let canvas = &mut app.canvas;
    if canvas.fit_pending {
        canvas.fit_pending = false;
        canvas.opening = false;
        canvas.fit_legibly(map);
    }
    if let Some(id) = canvas.reveal.take()
        && let Some(r) = canvas.layout.rect_of(&id)
        && !rect.shrink(20.0).contains_rect(canvas.rect_to_screen(r))
    {
        canvas.center = r.center();
    }
    if let Some(ids) = canvas.frame.take() {
        let rects: Vec<Rect> = ids
            .iter()
            .filter_map(|id| canvas.layout.rect_of(id))
            .collect();
        if let Some(b) = rects.into_iter().reduce(Rect::union) {
            let b = b.expand(80.0);
            canvas.zoom = (rect.width() / b.width())
                .min(rect.height() / b.height())
                .clamp(MIN_ZOOM, 1.2);
            canvas.center = b.center();
        }
    }
    pan_and_zoom(canvas, ui, &bg, rect);

    let canvas = &app.canvas;
    let zoom = canvas.zoom;
    let visible = Rect::from_min_max(canvas.to_canvas(rect.min), canvas.to_canvas(rect.max))
        .expand(40.0 / zoom);
    let shown: Vec<usize> = (0..canvas.layout.rects.len())
        .filter(|&i| !canvas.layout.is_hidden(i) && canvas.layout.rects[i].intersects(visible))
        .collect();
    let screen = |i: usize| canvas.rect_to_screen(canvas.layout.rects[i]);
    let width = (2.0 * zoom).clamp(1.0, 4.0);
    let pointer = ui.input(|i| i.pointer.hover_pos());

    // Links, under the cards.
    let mut hovered_link = None;
    for &(a, b, relation, li) in &canvas.layout.links {
        if canvas.layout.is_hidden(a) || canvas.layout.is_hidden(b) {
            continue;
        }
        let (ra, rb) = (canvas.layout.rects[a], canvas.layout.rects[b]);
        if !visible.intersects(ra.union(rb)) {
            continue;
        }
        // The route (at most three points: straight, or round a quote stack) on screen.
        let Some(route) = canvas.layout.routes.get(li).and_then(Option::as_ref) else {
            continue;
        };
        let mut pts = [Pos2::ZERO; 3];
        let n = route.len().min(3);
        for (slot, p) in pts.iter_mut().zip(route) {
            *slot = canvas.to_screen(*p);
        }
        let pts = &pts[..n];
        let link = &map.links[li];
        if app.selection.link.as_ref() == Some(&link.id) {
            painter.line(
                pts.to_vec(),
                Stroke::new(width + 6.0, palette.selection.gamma_multiply(0.5)),
            );
        }
        paint_route(&painter, pts, relation, Palette::relation(relation), width);
        if let Some(p) = pointer.filter(|_| bg.hovered())
            && pts
                .windows(2)
                .any(|w| distance_to_segment(p, w[0], w[1]) < 6.0)
        {
            hovered_link = Some(link.id.clone());
        }
    }

    // Cards.
    let show_text = CARD_FONT * zoom >= MIN_TEXT_PX;
    let widgets = shown.len() <= MAX_CARD_WIDGETS;
    // Claims held by an actor who also holds a claim against them get a badge.
    let flagged: std::collections::HashSet<&NodeId> = app
        .findings
        .of(map, app.history.content_revision())
        .inconsistent_actors
        .iter()
        .flat_map(|f| f.claims.iter())
        .collect();
    let mut g = Gestures::default();
    for &i in &shown {
        let Some(node) = Layout::node(map, i) else {
            continue;
        };
        let id = node.id();
        let r = screen(i);
        let selected = app.selection.contains(id);
        paint_card(
            &painter,
            node,
            map,
            r,
            &canvas.layout.lines[i],
            selected,
            show_text,
            zoom,
            &palette,
        );
        if flagged.contains(id) && zoom > 0.2 {
            let c = pos2(r.right() - 2.0, r.top() + 2.0);
            let radius = (9.0 * zoom).clamp(5.0, 12.0);
            painter.circle(
                c,
                radius,
                Palette::warning(),
                Stroke::new(1.5, palette.claim_fill),
            );
            painter.text(
                c,
                Align2::CENTER_CENTER,
                "!",
                FontId::proportional(radius * 1.5),
                egui::Color32::WHITE,
            );
        }
        let folded = canvas.layout.folded.get(id).copied();
        if let Some(n) = folded
            && !widgets
            && zoom > 0.1
        {
            painter.text(
                pos2(r.center().x, r.bottom() + 4.0),
                Align2::CENTER_TOP,
                format!("+{n}"),
                FontId::proportional(11.0),
                palette.selection,
            );
        }
        if !widgets || canvas.editing.as_ref() == Some(id) {
            continue;
        }
        let resp = ui.interact(
            r,
            egui::Id::unique(("card", id.as_str())),
            Sense::click_and_drag(),
        );
        let label = card_label(node);
        resp.widget_info(|| WidgetInfo::selected(egui::Role::Button, true, selected, &label));
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
        let near = pointer.is_some_and(|p| r.expand2(vec2(0.0, 22.0)).contains(p));
        if canvas.layout.has_branch.get(i).copied().unwrap_or(false)
            && zoom > 0.25
            && (folded.is_some() || selected || near)
            && folds::fold_button(ui, &painter, r, id, &label, folded, &palette)
        {
            g.fold = Some(id.clone());
        }
        // The link handle: a dot on the right edge, shown on hover and selection.
        if (resp.hovered() || selected) && zoom > 0.25 {
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
            painter.circle(
                c,
                if h.hovered() { 7.0 } else { 5.0 },
                palette.selection,
                Stroke::new(1.5, palette.claim_fill),
            );
            if h.drag_started() {
                g.link_from = Some(id.clone());
            }
        }
    }
    if !widgets {
        hit_test_by_hand(&bg, canvas, &shown, map, &mut g);
    }

    let mut deferred = Vec::new();
    keys::edit_in_place_ui(&mut app.canvas, map, ui, zoom, &mut deferred);
    drags(
        app_parts(&mut app.canvas, &mut app.selection, &mut app.dialogs),
        ui,
        &bg,
        map,
        &shown,
        &g,
        &palette,
        width,
        &mut deferred,
    );
    let fold = g.fold.take();
    clicks(app, ui, &bg, g, hovered_link, &mut deferred);
    if let Some(id) = fold {
        app.canvas.toggle_folds(app.history.map(), &[id]);
    }

    let map: &Map = app.history.map();
    keys::keyboard(&mut app.canvas, &mut app.selection, ui, map);
    legend_ui(ui, rect, &palette);
    overview::overview_ui(&mut app.canvas, ui, &palette);
    if map.claims.is_empty() && map.quotes.is_empty() {
        painter.text(
            rect.center(),
            Align2::CENTER_CENTER,
            "Double-click to add a claim, or select a passage in the article and press “Quote selection”.",
            FontId::proportional(15.0),
            palette.weak_text,
        );
    }
    folds::bar_ui(app, ui, rect);
    for d in deferred {
        match d {
            Deferred::Submit(label, merge, edits) => app.submit(label, merge, edits),
            Deferred::Seal => app.history.seal(),
            Deferred::NewClaim(p) => app.new_claim_at(p),
        }
    }
}
