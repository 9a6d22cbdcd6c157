//! A new page of results drawn in steps: the cards a screen shows first in the task that
//! answers the reader's input, the rest a few at a time in tasks after it, each after the
//! browser has painted the step before.
//!
//! Why: drawing fifty new cards (creating some 1,800 elements and text nodes, each a call out
//! of wasm) takes Yew and the DOM 20–30 ms at 100k statements, and laying them out and painting
//! them as much again; done at once, it holds the frame that should show the answer to a
//! keystroke, a facet or a page of the pager. The count, the filters and the first cards come
//! first; the cards below the fold follow within a few frames, while the cards' container is
//! `aria-busy`.
//!
//! Drawn whole, in one step: a page of at most [`AT_ONCE`] cards, the first page a view draws,
//! and the page of a Back or Forward, whose place is put back on one of its cards once it is
//! drawn ([`crate::scroll_memory::restoring`]).

use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// A page of up to this many cards is drawn in one step.
pub const AT_ONCE: usize = 20;
/// Cards of a longer page drawn in its first step: more than a screen holds.
pub const FIRST: usize = 10;
/// Cards added by each later step.
pub const STEP: usize = 20;

/// The page last drawn and how many of its cards are drawn.
#[derive(Default)]
struct Drawn {
    page: Vec<u32>,
    count: usize,
    /// Counts the pages drawn (0: none yet, the view's first page is drawn whole); a step
    /// scheduled for one page does nothing to the next.
    generation: u32,
    /// Whether the next step is scheduled.
    scheduled: bool,
}

/// How many of `page`'s cards to draw now (the statement numbers of a page of results); when
/// fewer than all, the next step is scheduled after the browser paints.
#[hook]
pub fn use_drawn_cards(page: &[u32]) -> usize {
    let drawn = use_mut_ref(Drawn::default);
    let redraw = use_force_update();
    let whole = crate::scroll_memory::restoring();
    let (count, generation) = drawn_now(&mut drawn.borrow_mut(), page, whole);
    if count < page.len() && !std::mem::replace(&mut drawn.borrow_mut().scheduled, true) {
        next_step(drawn, redraw, generation);
    }
    count
}

/// The count for `page` and its generation, starting a new page's steps when it is not the
/// one drawn; `whole`: the page is drawn whole whatever its length.
fn drawn_now(drawn: &mut Drawn, page: &[u32], whole: bool) -> (usize, u32) {
    if drawn.page != page {
        let whole = whole || drawn.generation == 0 || page.len() <= AT_ONCE;
        drawn.page = page.to_vec();
        drawn.count = if whole { page.len() } else { FIRST };
        // Never 0 again once a page is drawn.
        drawn.generation = drawn.generation.checked_add(1).unwrap_or(1);
    } else if whole {
        drawn.count = page.len();
    }
    (drawn.count, drawn.generation)
}

/// After the next paint, draws [`STEP`] more cards of the page of `generation`, if it is
/// still the one shown.
fn next_step(drawn: Rc<RefCell<Drawn>>, redraw: UseForceUpdateHandle, generation: u32) {
    crate::platform::after_paint_then(move || {
        let mut state = drawn.borrow_mut();
        state.scheduled = false;
        // A step of a page replaced meanwhile draws nothing: the render it asks for schedules
        // the current page's.
        if state.generation == generation {
            state.count = (state.count + STEP).min(state.page.len());
        }
        drop(state);
        redraw.force_update();
    });
}
