//! A story step's page(s): its cards arranged to fit one readable page if they can (with the
//! earlier cards linked to them, laid out or flowed, landscape or portrait), else tiles or text.

use super::text::{self, Heading};
use super::{Book, Drawing, MARGIN, MIN_SCALE, PT_PER_UNIT, PdfError, arrange};
use crate::export::svg::{Scope, SvgSettings, map_to_svg};
use crate::model::{Map, NodeId};
use std::collections::HashSet;

impl Book {
    /// The page(s) of story step `i`. Returns false for a step that shows no cards (no page).
    pub(super) fn step(&mut self, map: &Map, i: usize) -> Result<bool, PdfError> {
        let Some(step) = map.story.get(i) else {
            return Ok(false);
        };
        let Some(cards) = arrange::step_cards(map, i) else {
            return Ok(false);
        };
        let Some(anchor) = step
            .focus
            .iter()
            .find(|id| cards.own.contains(id))
            .or_else(|| cards.own.first())
            .cloned()
        else {
            return Ok(false);
        };
        let heading = Heading {
            kicker: Some(if map.title.trim().is_empty() {
                "Untitled map".to_owned()
            } else {
                map.title.clone()
            }),
            title: format!(
                "Step {} of {}{}{}",
                i + 1,
                map.story.len(),
                if step.title.trim().is_empty() {
                    ""
                } else {
                    ": "
                },
                text::capped(step.title.trim(), 400)
            ),
            title_pt: text::STEP_TITLE_PT,
            note: Some(step.note.clone()),
            note_lines: 10,
        };
        // The step's cards (with the earlier ones linked to them), as focus mode lays them out
        // and packed, or flowed claim by claim, for a page `width_pt` wide.
        let drawing =
            |with_context: bool, flowed: bool, width_pt: f32| -> Result<Drawing, PdfError> {
                let context: &[NodeId] = if with_context { &cards.context } else { &[] };
                let ids: HashSet<NodeId> = cards.own.iter().chain(context).cloned().collect();
                let mut sub = arrange::sub_map(map, &ids, context, step);
                let width = width_pt / PT_PER_UNIT - 2.0 * crate::export::style::MARGIN;
                if flowed {
                    arrange::flow(&mut sub, width);
                } else {
                    arrange::arrange(&mut sub, &anchor);
                    arrange::pack(&mut sub, width);
                }
                let svg = map_to_svg(
                    &sub,
                    &SvgSettings {
                        scope: Scope::Step(1),
                        title: false,
                        legend: false,
                    },
                )?;
                Ok(Drawing::new(&sub, None, svg))
            };
        // The step with its context, else alone; laid out, else flowed; packed for a landscape
        // or a portrait page, at full size or the smallest readable one.
        let contexts: &[bool] = if cards.context.is_empty() {
            &[false]
        } else {
            &[true, false]
        };
        // So many cards cannot share a readable page: no need to try.
        let tries: &[bool] = if cards.own.len() > arrange::ARRANGE_MAX {
            &[]
        } else {
            &[false, true]
        };
        for &flowed in tries {
            for &with_context in contexts {
                for scale in [1.0, MIN_SCALE] {
                    for landscape in [true, false] {
                        let page = self.sheet(landscape);
                        let (_, head_h) = heading.lines(MARGIN, MARGIN, page.0 - 2.0 * MARGIN);
                        let [_, _, cw, _] = Self::content(page, head_h);
                        let d = drawing(with_context, flowed, cw / scale)?;
                        if self.single(&heading, &d) {
                            return Ok(true);
                        }
                    }
                }
            }
        }
        let page = self.sheet(true);
        let d = drawing(false, true, page.0 - 2.0 * MARGIN)?;
        let focus: HashSet<NodeId> = step.focus.iter().cloned().collect();
        let own = cards.own.clone();
        self.overflow(&heading, d, false, &|| {
            text::blocks_for_cards(map, &own, &focus)
        });
        Ok(true)
    }
}
