//! F6 / Shift+F6: the keyboard focus jumps between the window's main regions (map, inspector,
//! reader) instead of Tabbing through every control in between. Each region's place is recorded
//! while it is drawn; the focused widget's place tells which region the user is in.

use egui::{Id, LayerId, Rect};

/// A main region of the window, in F6 order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Region {
    Canvas,
    Inspector,
    Reader,
}

impl Region {
    const ORDER: [Region; 3] = [Region::Canvas, Region::Inspector, Region::Reader];

    fn index(self) -> usize {
        match self {
            Region::Canvas => 0,
            Region::Inspector => 1,
            Region::Reader => 2,
        }
    }
}

/// Where a region was drawn: all of it (to tell where the focus is) and the part whose first
/// control takes the focus (the inspector's fields, not its tabs).
#[derive(Clone, Copy, Debug)]
struct Place {
    area: Rect,
    content: Rect,
    layer: LayerId,
}

/// The regions drawn this frame (a hidden panel has none).
#[derive(Debug, Default)]
pub struct FocusRegions {
    places: [Option<Place>; 3],
}

impl FocusRegions {
    /// Forgets last frame's places (call before drawing the panels).
    pub fn clear(&mut self) {
        self.places = [None; 3];
    }

    /// Records where `region` is drawn by `ui`: `content` is the part after its own controls.
    pub fn record(&mut self, region: Region, ui: &egui::Ui, content: Rect) {
        self.places[region.index()] = Some(Place {
            area: ui.max_rect(),
            content,
            layer: ui.layer_id(),
        });
    }

    /// The region holding the focused widget, if any does.
    pub fn focused(&self, ctx: &egui::Context) -> Option<Region> {
        let id = ctx.memory(egui::Memory::focused)?;
        let rect = widget_rect(ctx, id)?;
        Region::ORDER
            .into_iter()
            .find(|r| self.places[r.index()].is_some_and(|p| p.area.contains(rect.center())))
    }

    /// The shown regions after the focused one (`forward`) or before it, round the window;
    /// with no region focused, from the first (or the last).
    pub fn after_focused(&self, ctx: &egui::Context, forward: bool) -> Vec<Region> {
        let n = Region::ORDER.len();
        // Positions round the ring; with none focused, one before the first.
        let (from, steps) = match self.focused(ctx) {
            Some(r) => (r.index() + n, n - 1),
            None if forward => (n - 1, n),
            None => (n, n),
        };
        (1..=steps)
            .map(|k| {
                let i = if forward { from + k } else { from + n - k };
                Region::ORDER[i % n]
            })
            .filter(|r| self.places[r.index()].is_some())
            .collect()
    }

    /// The first control that can take the focus in `region`'s content, in drawing order.
    pub fn first_widget(&self, ctx: &egui::Context, region: Region) -> Option<Id> {
        let place = self.places[region.index()]?;
        ctx.viewport(|v| first_in(&v.this_pass.widgets, place))
    }

    /// The same as [`Self::first_widget`] as of the last frame: before this frame draws (when
    /// keys are read), the places recorded and the widgets are last frame's.
    pub fn first_widget_last_frame(&self, ctx: &egui::Context, region: Region) -> Option<Id> {
        let place = self.places[region.index()]?;
        ctx.viewport(|v| first_in(&v.prev_pass.widgets, place))
    }
}

fn first_in(widgets: &egui::WidgetRects, place: Place) -> Option<Id> {
    widgets
        .get_layer(place.layer)
        .find(|w| {
            w.sense.is_focusable()
                && w.interact_rect.is_positive()
                && place.content.contains(w.interact_rect.center())
        })
        .map(|w| w.id)
}

/// Where widget `id` was drawn this frame (clipped to what shows), if it was.
pub fn widget_rect(ctx: &egui::Context, id: Id) -> Option<Rect> {
    ctx.viewport(|v| v.this_pass.widgets.get(id).map(|w| w.interact_rect))
        .filter(Rect::is_positive)
}
