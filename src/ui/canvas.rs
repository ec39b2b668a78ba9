//! The map canvas: cards and links, pan and zoom, select, drag, link, edit in place.
//!
//! The camera maps canvas units to screen points (`screen = (p - center) * zoom + rect.center`).
//! Text is laid out at the on-screen size so it stays crisp at every zoom; below a legible size
//! it is drawn as grey bars. Cards and links outside the view are skipped before any layout.

use super::app::{Selection, WarrantApp};
use super::theme::{self, CARD_FONT, CARD_PAD, CARD_WIDTH, MIN_TEXT_PX, Palette};
use crate::edit::{Edit, Item};
use crate::model::{Map, NodeId, NodeRef, Point, Relation};
use egui::{
    Align2, Color32, CornerRadius, FontId, Pos2, Rect, Sense, Shape, Stroke, StrokeKind, Vec2,
    WidgetInfo, pos2, vec2,
};
use std::collections::HashMap;

const MIN_ZOOM: f32 = 0.02;
const MAX_ZOOM: f32 = 4.0;
/// The longest quote text shown on a card (the inspector and reader show all of it).
const QUOTE_CARD_CHARS: usize = 240;

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
    drag: Option<Drag>,
    /// The view's rectangle on screen, as of the last frame.
    pub view: Rect,
    /// Card heights in canvas units, by text: (hash of what was measured, height).
    heights: HashMap<NodeId, (u64, f32)>,
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
            drag: None,
            view: Rect::from_min_size(Pos2::ZERO, vec2(800.0, 600.0)),
            heights: HashMap::new(),
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

    pub fn start_editing(&mut self, id: NodeId, map: &Map) {
        self.edit_buffer = map.claim(&id).map(|c| c.text.clone()).unwrap_or_default();
        self.editing = Some(id.clone());
        self.edit_focus_pending = true;
        self.reveal = Some(id);
    }

    /// A card's size in canvas units.
    fn size(&mut self, ui: &egui::Ui, node: NodeRef<'_>, map: &Map) -> Vec2 {
        let (text, footer) = card_text(node, map);
        let key = hash_of(&text);
        let id = node.id();
        let h = match self.heights.get(id) {
            Some(&(k, h)) if k == key => h,
            _ => {
                let galley = ui.fonts_mut(|f| {
                    f.layout(
                        text,
                        FontId::proportional(CARD_FONT),
                        Color32::WHITE,
                        CARD_WIDTH - 2.0 * CARD_PAD,
                    )
                });
                let h = galley.size().y + 2.0 * CARD_PAD + if footer { 22.0 } else { 0.0 };
                self.heights.insert(id.clone(), (key, h));
                h
            }
        };
        vec2(CARD_WIDTH, h)
    }

    /// Canvas rectangles of every card.
    fn rects(&mut self, ui: &egui::Ui, map: &Map) -> Vec<(NodeId, Rect)> {
        map.nodes()
            .map(|n| {
                let size = self.size(ui, n, map);
                let p = n.pos();
                (n.id().clone(), Rect::from_min_size(pos2(p.x, p.y), size))
            })
            .collect()
    }

    fn fit(&mut self, rects: &[(NodeId, Rect)]) {
        let Some(bounds) = rects.iter().map(|r| r.1).reduce(egui::Rect::union) else {
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

    /// Where a new claim goes: the middle of the view, moved down past any card there.
    pub fn free_spot_near_center(&self, map: &Map) -> Point {
        let c = self.center;
        let mut p = pos2(c.x - CARD_WIDTH / 2.0, c.y - 30.0);
        for _ in 0..50 {
            let candidate = Rect::from_min_size(p, vec2(CARD_WIDTH, 80.0));
            let hit = map.nodes().any(|n| {
                let q = n.pos();
                candidate.intersects(Rect::from_min_size(pos2(q.x, q.y), vec2(CARD_WIDTH, 80.0)))
            });
            if !hit {
                break;
            }
            p.y += 100.0;
        }
        Point::new(p.x, p.y)
    }

    /// Where a new quote goes: under the claim it supports, else near the middle.
    pub fn spot_for_quote(&self, map: &Map, claim: Option<&NodeId>) -> Point {
        let Some(c) = claim.and_then(|id| map.claim(id)) else {
            return self.free_spot_near_center(map);
        };
        let h = self.heights.get(&c.id).map_or(100.0, |x| x.1);
        let mut p = pos2(c.pos.x, c.pos.y + h + 60.0);
        for _ in 0..50 {
            let candidate = Rect::from_min_size(p, vec2(CARD_WIDTH, 100.0));
            let hit = map.nodes().any(|n| {
                let q = n.pos();
                let size = vec2(CARD_WIDTH, self.heights.get(n.id()).map_or(100.0, |x| x.1));
                candidate.intersects(Rect::from_min_size(pos2(q.x, q.y), size))
            });
            if !hit {
                break;
            }
            p.x += CARD_WIDTH + 30.0;
        }
        Point::new(p.x, p.y)
    }
}

fn hash_of(s: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    s.hash(&mut h);
    h.finish()
}

/// The text a card shows, and whether it has a footer line (actors, or the quote's source).
fn card_text(node: NodeRef<'_>, map: &Map) -> (String, bool) {
    match node {
        NodeRef::Claim(c) => {
            let text = if c.text.trim().is_empty() {
                "(empty claim: double-click to write it)".to_owned()
            } else {
                c.text.clone()
            };
            (text, !c.actors.is_empty() || c.thesis)
        }
        NodeRef::Quote(q) => {
            let flat = q
                .anchor
                .exact
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let text = if flat.chars().count() > QUOTE_CARD_CHARS {
                format!(
                    "“{}…”",
                    flat.chars().take(QUOTE_CARD_CHARS).collect::<String>()
                )
            } else {
                format!("“{flat}”")
            };
            let _ = map;
            (text, true)
        }
    }
}

/// What the screen reader says for a card (and what UI tests look cards up by).
pub fn card_label(node: NodeRef<'_>) -> String {
    match node {
        NodeRef::Claim(c) => format!("Claim: {}", c.text),
        NodeRef::Quote(q) => format!("Quote: {}", q.anchor.exact),
    }
}

/// Where the segment from the centre of `r` towards `toward` leaves `r`.
fn border_point(r: Rect, toward: Pos2) -> Pos2 {
    let c = r.center();
    let d = toward - c;
    if d.length_sq() < 1e-6 {
        return c;
    }
    let tx = if d.x.abs() > 1e-6 {
        (r.width() / 2.0) / d.x.abs()
    } else {
        f32::INFINITY
    };
    let ty = if d.y.abs() > 1e-6 {
        (r.height() / 2.0) / d.y.abs()
    } else {
        f32::INFINITY
    };
    c + d * tx.min(ty).min(1.0)
}

fn distance_to_segment(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let t = ((p - a).dot(ab) / ab.length_sq().max(1e-6)).clamp(0.0, 1.0);
    p.distance(a + ab * t)
}

/// Draws one link; relation is told by shape as well as colour.
fn paint_link(
    painter: &egui::Painter,
    a: Pos2,
    b: Pos2,
    relation: Relation,
    color: Color32,
    width: f32,
) {
    let dir = (b - a).normalized();
    let normal = vec2(-dir.y, dir.x);
    let stroke = Stroke::new(width, color);
    let head = (width * 4.5).clamp(7.0, 18.0);
    match relation {
        Relation::Supports => {
            let tip = b;
            let base = b - dir * head;
            painter.line_segment([a, base], stroke);
            painter.add(Shape::convex_polygon(
                vec![tip, base + normal * head * 0.5, base - normal * head * 0.5],
                color,
                Stroke::NONE,
            ));
        }
        Relation::Opposes => {
            let end = b - dir * (width * 1.5);
            painter.add(Shape::dashed_line(
                &[a, end],
                stroke,
                head * 0.8,
                head * 0.5,
            ));
            // A bar across the end: "⊣".
            painter.line_segment(
                [end + normal * head * 0.7, end - normal * head * 0.7],
                Stroke::new(width * 1.4, color),
            );
        }
        Relation::Contradicts => {
            let off = normal * (width * 1.4).max(2.0);
            painter.line_segment([a + off, b + off], stroke);
            painter.line_segment([a - off, b - off], stroke);
        }
    }
}

/// The legend in the corner: each relation's line and name.
fn legend_ui(ui: &egui::Ui, rect: Rect, palette: &Palette) {
    let painter = ui.painter();
    let size = vec2(150.0, 76.0);
    let r = Rect::from_min_size(
        pos2(rect.left() + 10.0, rect.bottom() - size.y - 10.0),
        size,
    );
    painter.rect(
        r,
        CornerRadius::same(6),
        palette.claim_fill.gamma_multiply(0.92),
        Stroke::new(1.0, palette.claim_stroke),
        StrokeKind::Inside,
    );
    for (i, rel) in Relation::ALL.iter().enumerate() {
        let y = r.top() + 14.0 + i as f32 * 22.0;
        let a = pos2(r.left() + 10.0, y);
        let b = pos2(r.left() + 56.0, y);
        paint_link(painter, a, b, *rel, Palette::relation(*rel), 2.0);
        painter.text(
            pos2(r.left() + 66.0, y),
            Align2::LEFT_CENTER,
            rel.as_str(),
            FontId::proportional(13.0),
            palette.text,
        );
    }
}

/// The canvas, for one frame.
#[allow(clippy::too_many_lines)]
pub fn canvas_ui(app: &mut WarrantApp, ui: &mut egui::Ui) {
    let rect = ui.available_rect_before_wrap();
    let palette = Palette::new(ui.visuals().dark_mode);
    app.canvas.view = rect;
    let bg = ui.allocate_rect(rect, Sense::click_and_drag());
    bg.widget_info(|| WidgetInfo::labeled(egui::Role::Canvas, true, "Map canvas"));
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, palette.canvas);

    let map: &Map = app.history.map();
    let mut deferred: Vec<Deferred> = Vec::new();
    let rects = app.canvas.rects(ui, map);
    if app.canvas.fit_pending {
        app.canvas.fit(&rects);
        app.canvas.fit_pending = false;
        if std::mem::take(&mut app.canvas.opening) && app.canvas.zoom < 0.45 {
            // A big map fits only as an unreadable overview: open on its thesis instead.
            let thesis = map.claims.iter().find(|c| c.thesis).or(map.claims.first());
            if let Some((_, r)) = thesis.and_then(|t| rects.iter().find(|(id, _)| *id == t.id)) {
                app.canvas.zoom = 0.85;
                app.canvas.center = pos2(r.center().x, r.top() - 40.0 + rect.height() / 2.0 / 0.85);
            }
        }
    }
    if let Some(id) = app.canvas.reveal.take()
        && let Some((_, r)) = rects.iter().find(|(n, _)| *n == id)
    {
        let s = Rect::from_min_max(app.canvas.to_screen(r.min), app.canvas.to_screen(r.max));
        if !rect.shrink(20.0).contains_rect(s) {
            app.canvas.center = r.center();
        }
    }

    pan_and_zoom(&mut app.canvas, ui, &bg, rect);

    let cam = &app.canvas;
    let screen: HashMap<&NodeId, Rect> = rects
        .iter()
        .map(|(id, r)| {
            (
                id,
                Rect::from_min_max(cam.to_screen(r.min), cam.to_screen(r.max)),
            )
        })
        .collect();
    let visible = rect.expand(40.0);
    let zoom = cam.zoom;
    let width = (2.0 * zoom).clamp(1.0, 4.0);
    let pointer = ui.input(|i| i.pointer.hover_pos());

    // Links first, under the cards.
    let mut hovered_link = None;
    for link in &map.links {
        let (Some(&ra), Some(&rb)) = (screen.get(&link.from), screen.get(&link.to)) else {
            continue;
        };
        if !visible.intersects(ra.union(rb)) {
            continue;
        }
        let a = border_point(ra, rb.center());
        let b = border_point(rb, ra.center());
        let selected = app.selection.link.as_ref() == Some(&link.id);
        if selected {
            painter.line_segment(
                [a, b],
                Stroke::new(width + 6.0, palette.selection.gamma_multiply(0.5)),
            );
        }
        paint_link(
            &painter,
            a,
            b,
            link.relation,
            Palette::relation(link.relation),
            width,
        );
        if let Some(p) = pointer
            && bg.hovered()
            && distance_to_segment(p, a, b) < 6.0
        {
            hovered_link = Some(link.id.clone());
        }
    }

    // Cards.
    let show_text = CARD_FONT * zoom >= MIN_TEXT_PX;
    let mut clicked_card = None;
    let mut double_clicked = None;
    let mut drag_started_on = None;
    let mut link_drag_from = None;
    let mut any_card_dragged = false;
    let mut drag_delta = Vec2::ZERO;
    let mut drag_released = false;
    for node in map.nodes() {
        let id = node.id();
        let Some(&r) = screen.get(id) else { continue };
        if !visible.intersects(r) {
            continue;
        }
        let selected = app.selection.contains(id);
        paint_card(
            ui, &painter, node, map, r, selected, show_text, zoom, &palette,
        );
        if app.canvas.editing.as_ref() == Some(id) {
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
            clicked_card = Some(id.clone());
        }
        if resp.double_clicked() {
            double_clicked = Some(id.clone());
        }
        if resp.drag_started_by(egui::PointerButton::Primary) {
            drag_started_on = Some(id.clone());
        }
        if resp.dragged_by(egui::PointerButton::Primary) {
            any_card_dragged = true;
            drag_delta = resp.drag_delta();
        }
        if resp.drag_stopped() {
            drag_released = true;
        }
        // The link handle: a dot on the right edge, shown on hover and selection.
        if (resp.hovered() || selected) && zoom > 0.25 {
            let c = pos2(r.right(), r.center().y);
            let handle = Rect::from_center_size(c, vec2(14.0, 14.0));
            let h = ui.interact(
                handle,
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
                link_drag_from = Some(id.clone());
            }
        }
    }

    // The in-place editor.
    edit_in_place_ui(&mut app.canvas, map, ui, &screen, zoom, &mut deferred);

    let shift = ui.input(|i| i.modifiers.shift);
    let command = ui.input(|i| i.modifiers.command);
    if let Some(from) = link_drag_from {
        app.canvas.drag = Some(Drag::Link { from });
    } else if let Some(id) = drag_started_on {
        if !app.selection.contains(&id) {
            app.selection = Selection::one(id);
        }
        app.canvas.drag = Some(Drag::Move);
    } else if bg.drag_started_by(egui::PointerButton::Primary)
        && (shift || command)
        && let Some(p) = bg.interact_pointer_pos()
    {
        app.canvas.drag = Some(Drag::Band { start: p });
    }

    match app.canvas.drag.clone() {
        Some(Drag::Move) if any_card_dragged && drag_delta != Vec2::ZERO => {
            let d = drag_delta / zoom;
            let moves: Vec<(NodeId, Point)> = app
                .selection
                .nodes
                .iter()
                .filter_map(|id| {
                    map.node(id)
                        .map(|n| (id.clone(), Point::new(n.pos().x + d.x, n.pos().y + d.y)))
                })
                .collect();
            let key: Vec<&str> = app.selection.nodes.iter().map(NodeId::as_str).collect();
            deferred.push(Deferred::Submit(
                "Move",
                Some(format!("move {}", key.join(","))),
                vec![Edit::Move(moves)],
            ));
        }
        Some(Drag::Band { start }) => {
            if let Some(p) = pointer.or_else(|| bg.interact_pointer_pos()) {
                let band = Rect::from_two_pos(start, p);
                painter.rect(
                    band,
                    0.0,
                    palette.selection.gamma_multiply(0.12),
                    Stroke::new(1.0, palette.selection),
                    StrokeKind::Inside,
                );
                if bg.drag_stopped() || !ui.input(|i| i.pointer.primary_down()) {
                    let mut nodes: Vec<NodeId> = screen
                        .iter()
                        .filter(|(_, r)| band.intersects(**r))
                        .map(|(id, _)| (*id).clone())
                        .collect();
                    if shift {
                        for n in &app.selection.nodes {
                            if !nodes.contains(n) {
                                nodes.push(n.clone());
                            }
                        }
                    }
                    app.selection = Selection { nodes, link: None };
                    app.canvas.drag = None;
                }
            }
        }
        Some(Drag::Link { from }) => {
            if let (Some(p), Some(&ra)) = (pointer, screen.get(&from)) {
                paint_link(
                    &painter,
                    pos2(ra.right(), ra.center().y),
                    p,
                    Relation::Supports,
                    palette.selection,
                    width,
                );
            }
            if !ui.input(|i| i.pointer.primary_down()) {
                app.canvas.drag = None;
                let target = pointer.and_then(|p| {
                    screen
                        .iter()
                        .find(|(_, r)| r.contains(p))
                        .map(|(id, _)| (*id).clone())
                });
                if let Some(to) = target.filter(|t| *t != from) {
                    app.dialogs.relation = Some((from, to, None));
                }
            }
        }
        _ => {}
    }
    if drag_released
        || (matches!(app.canvas.drag, Some(Drag::Move)) && !ui.input(|i| i.pointer.primary_down()))
    {
        deferred.push(Deferred::Seal);
        if matches!(app.canvas.drag, Some(Drag::Move)) {
            app.canvas.drag = None;
        }
    }

    // Clicks.
    if let Some(id) = double_clicked {
        if map.claim(&id).is_some() {
            app.selection = Selection::one(id.clone());
            app.canvas.start_editing(id, map);
        } else if let Some(q) = map.quote(&id) {
            app.reader.show_quote(q);
        }
    } else if let Some(id) = clicked_card {
        if shift || command {
            app.selection.toggle(&id);
        } else {
            app.selection = Selection::one(id.clone());
        }
        if let Some(q) = map.quote(&id) {
            app.reader.show_quote(q);
        }
    } else if bg.double_clicked() {
        if let Some(p) = bg.interact_pointer_pos() {
            let c = app.canvas.to_canvas(p);
            deferred.push(Deferred::NewClaim(Point::new(
                c.x - CARD_WIDTH / 2.0,
                c.y - 20.0,
            )));
        }
    } else if bg.clicked() {
        app.canvas.editing = None;
        app.selection = match hovered_link {
            Some(link) => Selection {
                nodes: Vec::new(),
                link: Some(link),
            },
            None => Selection::default(),
        };
    }

    keyboard(&mut app.canvas, &mut app.selection, ui, map, &screen);
    legend_ui(ui, rect, &palette);
    if map.claims.is_empty() && map.quotes.is_empty() {
        painter.text(
            rect.center(),
            Align2::CENTER_CENTER,
            "Double-click to add a claim, or select a passage in the article and press “Quote selection”.",
            FontId::proportional(15.0),
            palette.weak_text,
        );
    }
    for d in deferred {
        match d {
            Deferred::Submit(label, merge, edits) => app.submit(label, merge, edits),
            Deferred::Seal => app.history.seal(),
            Deferred::NewClaim(p) => app.new_claim_at(p),
        }
    }
}

/// Changes found while drawing (the map is borrowed then), made once drawing is done.
enum Deferred {
    Submit(&'static str, Option<String>, Vec<Edit>),
    Seal,
    NewClaim(Point),
}

fn pan_and_zoom(canvas: &mut CanvasState, ui: &egui::Ui, bg: &egui::Response, rect: Rect) {
    let dragging_band = matches!(canvas.drag, Some(Drag::Band { .. }));
    let (shift, command) = ui.input(|i| (i.modifiers.shift, i.modifiers.command));
    if bg.dragged_by(egui::PointerButton::Middle)
        || (bg.dragged_by(egui::PointerButton::Primary) && !dragging_band && !shift && !command)
    {
        canvas.center -= bg.drag_delta() / canvas.zoom;
    }
    if bg.hovered() || ui.rect_contains_pointer(rect) {
        let (zoom_delta, scroll, hover) =
            ui.input(|i| (i.zoom_delta(), i.smooth_scroll_delta, i.pointer.hover_pos()));
        if let Some(p) = hover.filter(|p| rect.contains(*p)) {
            if (zoom_delta - 1.0).abs() > 1e-4 {
                // A wheel notch is a big step in egui; halve it (in log scale) for a smooth zoom.
                canvas.zoom_at(zoom_delta.sqrt(), p);
            } else if scroll != Vec2::ZERO {
                canvas.center -= scroll / canvas.zoom;
            }
        }
    }
}

/// Arrow keys move between cards (along links first), Esc clears. (Tab moves keyboard focus
/// through every control, cards included; a card that gets focus is selected.)
fn keyboard(
    canvas: &mut CanvasState,
    selection: &mut Selection,
    ui: &egui::Ui,
    map: &Map,
    screen: &HashMap<&NodeId, Rect>,
) {
    if ui.ctx().egui_wants_keyboard_input() || canvas.editing.is_some() {
        return;
    }
    let (esc, dir) = ui.input_mut(|i| {
        let esc = i.consume_key(egui::Modifiers::NONE, egui::Key::Escape);
        let mut dir = None;
        for (key, d) in [
            (egui::Key::ArrowLeft, vec2(-1.0, 0.0)),
            (egui::Key::ArrowRight, vec2(1.0, 0.0)),
            (egui::Key::ArrowUp, vec2(0.0, -1.0)),
            (egui::Key::ArrowDown, vec2(0.0, 1.0)),
        ] {
            if i.consume_key(egui::Modifiers::NONE, key) {
                dir = Some(d);
            }
        }
        (esc, dir)
    });
    if esc {
        *selection = Selection::default();
        return;
    }
    let ids: Vec<&NodeId> = map.nodes().map(|n| n.id()).collect();
    if ids.is_empty() {
        return;
    }
    let current = selection.nodes.last().cloned();
    let Some(d) = dir else { return };
    let Some(cur) = current else {
        *selection = Selection::one(ids[0].clone());
        canvas.reveal = Some(ids[0].clone());
        return;
    };
    let Some(&from) = screen.get(&cur) else {
        return;
    };
    // Prefer cards linked to this one; otherwise any card in that direction.
    let linked: Vec<&NodeId> = map
        .links_of(&cur)
        .map(|l| if l.from == cur { &l.to } else { &l.from })
        .collect();
    let best = |pool: &mut dyn Iterator<Item = &NodeId>| {
        pool.filter_map(|id| {
            let r = screen.get(id)?;
            let v = r.center() - from.center();
            let along = v.dot(d);
            (along > 1.0).then(|| (id.clone(), v.length() / (along / v.length()).max(0.2)))
        })
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|x| x.0)
    };
    let next = best(&mut linked.iter().copied())
        .or_else(|| best(&mut ids.iter().copied().filter(|x| **x != cur)));
    if let Some(n) = next {
        *selection = Selection::one(n.clone());
        canvas.reveal = Some(n);
    }
}

fn edit_in_place_ui(
    canvas: &mut CanvasState,
    map: &Map,
    ui: &mut egui::Ui,
    screen: &HashMap<&NodeId, Rect>,
    zoom: f32,
    deferred: &mut Vec<Deferred>,
) {
    let Some(id) = canvas.editing.clone() else {
        return;
    };
    let Some(&r) = screen.get(&id) else { return };
    let edit_id = egui::Id::unique(("edit in place", id.as_str()));
    // Enter finishes (Shift+Enter is a new line); Esc finishes too.
    let finish = ui.input_mut(|i| {
        i.consume_key(egui::Modifiers::NONE, egui::Key::Enter)
            || i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)
    }) && ui.memory(|m| m.has_focus(edit_id));
    let font = FontId::proportional((CARD_FONT * zoom).clamp(9.0, 40.0));
    let rect = Rect::from_min_size(r.min, vec2(r.width(), r.height().max(60.0)));
    let out = ui.put(
        rect,
        egui::TextEdit::multiline(&mut canvas.edit_buffer)
            .id(edit_id)
            .font(font)
            .hint_text("Write the claim in your own words")
            .desired_width(rect.width()),
    );
    out.widget_info(|| {
        WidgetInfo::labeled(
            egui::Role::MultilineTextInput,
            true,
            "Claim text on the card",
        )
    });
    if canvas.edit_focus_pending {
        out.request_focus();
        canvas.edit_focus_pending = false;
    }
    if out.changed()
        && let Some(mut claim) = map.claim(&id).cloned()
    {
        claim.text.clone_from(&canvas.edit_buffer);
        deferred.push(Deferred::Submit(
            "Edit text",
            Some(format!("text {id}")),
            vec![Edit::Replace(Item::Claim(claim))],
        ));
    }
    if finish || out.lost_focus() {
        canvas.editing = None;
        deferred.push(Deferred::Seal);
    }
}

#[allow(clippy::too_many_arguments, clippy::many_single_char_names)]
fn paint_card(
    ui: &egui::Ui,
    painter: &egui::Painter,
    node: NodeRef<'_>,
    map: &Map,
    r: Rect,
    selected: bool,
    show_text: bool,
    zoom: f32,
    palette: &Palette,
) {
    let radius = CornerRadius::same((6.0 * zoom).clamp(1.0, 12.0) as u8);
    let (fill, mut stroke) = match node {
        NodeRef::Claim(c) if c.thesis => (
            palette.claim_fill,
            Stroke::new((2.5 * zoom).clamp(1.0, 4.0), palette.thesis_stroke),
        ),
        NodeRef::Claim(_) => (palette.claim_fill, Stroke::new(1.0, palette.claim_stroke)),
        NodeRef::Quote(_) => (palette.quote_fill, Stroke::new(1.0, palette.quote_stroke)),
    };
    if selected {
        stroke = Stroke::new((3.0 * zoom).clamp(2.0, 4.0), palette.selection);
    }
    painter.rect(r, radius, fill, stroke, StrokeKind::Inside);
    if let NodeRef::Quote(_) = node {
        // A bar down the left edge: quotes read as excerpts, not claims.
        let bar = Rect::from_min_size(r.min, vec2((4.0 * zoom).clamp(2.0, 6.0), r.height()));
        painter.rect_filled(bar, radius, palette.quote_stroke);
    }
    let pad = CARD_PAD * zoom;
    if !show_text {
        // Level of detail: a few grey bars where the text would be.
        let lines = ((r.height() - 2.0 * pad) / (18.0 * zoom)).clamp(1.0, 4.0) as usize;
        for i in 0..lines {
            let y = r.top() + pad + i as f32 * 18.0 * zoom;
            let w = if i + 1 == lines { 0.6 } else { 1.0 } * (r.width() - 2.0 * pad);
            painter.rect_filled(
                Rect::from_min_size(pos2(r.left() + pad, y), vec2(w, 8.0 * zoom)),
                0.0,
                palette.weak_text.gamma_multiply(0.5),
            );
        }
        return;
    }
    let (text, _) = card_text(node, map);
    let italic = matches!(node, NodeRef::Quote(_));
    let empty = matches!(node, NodeRef::Claim(c) if c.text.trim().is_empty());
    let mut job = egui::text::LayoutJob::single_section(
        text,
        egui::TextFormat {
            font_id: FontId::proportional(CARD_FONT * zoom),
            color: if empty {
                palette.weak_text
            } else {
                palette.text
            },
            italics: italic,
            ..Default::default()
        },
    );
    job.wrap.max_width = (CARD_WIDTH - 2.0 * CARD_PAD) * zoom;
    let galley = ui.fonts_mut(|f| f.layout_job(job));
    let clip = painter.with_clip_rect(r.intersect(painter.clip_rect()));
    clip.galley(pos2(r.left() + pad, r.top() + pad), galley, palette.text);

    // Footer: who holds a claim, or where a quote comes from.
    let small = FontId::proportional((11.0 * zoom).max(1.0));
    let y = r.bottom() - pad - 6.0 * zoom;
    match node {
        NodeRef::Claim(c) => {
            let mut x = r.left() + pad;
            if c.thesis {
                let g = clip.layout_no_wrap("THESIS".into(), small.clone(), palette.thesis_stroke);
                let w = g.size().x;
                clip.galley(pos2(x, y - g.size().y / 2.0), g, palette.thesis_stroke);
                x += w + 8.0 * zoom;
            }
            for a in c.actors.iter().filter_map(|a| map.actor(a)) {
                let color = theme::color32(a.color);
                let g = clip.layout_no_wrap(a.name.clone(), small.clone(), Color32::WHITE);
                let chip = Rect::from_min_size(
                    pos2(x, y - g.size().y / 2.0 - 2.0 * zoom),
                    g.size() + vec2(10.0 * zoom, 4.0 * zoom),
                );
                if chip.right() > r.right() - pad {
                    break;
                }
                clip.rect_filled(
                    chip,
                    CornerRadius::same((8.0 * zoom).min(255.0) as u8),
                    color,
                );
                clip.galley(chip.min + vec2(5.0 * zoom, 2.0 * zoom), g, Color32::WHITE);
                x = chip.right() + 4.0 * zoom;
            }
        }
        NodeRef::Quote(q) => {
            let name = map
                .source(&q.source)
                .map_or_else(|| "?".to_owned(), crate::model::Source::short_name);
            clip.text(
                pos2(r.right() - pad, y),
                Align2::RIGHT_CENTER,
                format!("— {name}"),
                small,
                palette.weak_text,
            );
        }
    }
}
