//! Where the reader was on each page, so that Back and Forward return there.
//!
//! The browser's own scroll restoration cannot work here: the page is rendered after the
//! history moves, and cards may still change height in the frames after it. So the
//! app remembers, for each URL it leaves, the first card on screen and its offset (or the
//! scroll position when there is no card), and puts that card back in place after a Back or
//! Forward. Other moves to a new page start at its top, with focus on its heading.
//!
//! Native builds (component tests) get no-ops.

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::cell::{Cell, RefCell};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    /// A place on a page.
    #[derive(Clone)]
    enum Place {
        /// The card with this element id, this far (px) from the top of the view.
        Card(String, f64),
        /// A scroll position, when no card was on screen.
        Offset(f64),
    }

    /// Places kept, the oldest forgotten first.
    const KEPT: usize = 100;

    thread_local! {
        /// `(URL, place)`, most recent last; a list, not a map, to keep the wasm small.
        static PLACES: RefCell<Vec<(String, Place)>> = const { RefCell::new(Vec::new()) };
        /// The URL the document shows (the location changes before the page is rendered).
        static SHOWN: RefCell<String> = const { RefCell::new(String::new()) };
        /// Whether the current move is a Back or Forward.
        static TRAVERSAL: Cell<bool> = const { Cell::new(false) };
    }

    fn href() -> String {
        web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default()
    }

    /// The reader's place on the page as rendered now.
    fn place() -> Place {
        let Some(window) = web_sys::window() else {
            return Place::Offset(0.0);
        };
        let cards = window
            .document()
            .and_then(|d| d.query_selector_all("article.card").ok());
        if let Some(cards) = cards {
            for i in 0..cards.length() {
                let Some(card) = cards
                    .item(i)
                    .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                else {
                    continue;
                };
                let rect = card.get_bounding_client_rect();
                if rect.bottom() > 0.0 {
                    return Place::Card(card.id(), rect.top());
                }
            }
        }
        Place::Offset(window.scroll_y().unwrap_or(0.0))
    }

    /// Keeps the element `id` at `top` over the next `frames` frames (cards near the view get
    /// their real heights a frame or two after they come near it), unless the reader scrolls
    /// away from `y` meanwhile.
    fn settle(id: String, top: f64, y: f64, frames: u32) {
        let next = Closure::once_into_js(move || {
            let Some(window) = web_sys::window() else {
                return;
            };
            let scrolled = window.scroll_y().unwrap_or(y);
            if (scrolled - y).abs() >= 1.0 {
                return;
            }
            let moved = window
                .document()
                .and_then(|d| d.get_element_by_id(&id))
                .is_some_and(|card| (card.get_bounding_client_rect().top() - top).abs() >= 1.0);
            if moved {
                put_back(&window, &id, top);
            }
            if frames > 1 {
                settle(id, top, window.scroll_y().unwrap_or(y), frames - 1);
            }
        });
        if let Some(window) = web_sys::window() {
            let _ = window.request_animation_frame(next.unchecked_ref());
        }
    }

    /// Scrolls so that the element `id` is `top` px from the top of the view; false when there
    /// is no such element.
    fn put_back(window: &web_sys::Window, id: &str, top: f64) -> bool {
        match window.document().and_then(|d| d.get_element_by_id(id)) {
            Some(card) => {
                let now = card.get_bounding_client_rect().top();
                window.scroll_by_with_x_and_y(0.0, now - top);
                true
            }
            None => false,
        }
    }

    /// Remembers the reader's place on the page shown, before leaving it.
    pub fn remember() {
        let shown = SHOWN.with(|s| s.borrow().clone());
        if !shown.is_empty() {
            let here = place();
            PLACES.with(|p| {
                let mut places = p.borrow_mut();
                places.retain(|(url, _)| *url != shown);
                if places.len() == KEPT {
                    places.remove(0);
                }
                places.push((shown, here));
            });
        }
    }

    /// Takes over scroll restoration from the browser and listens for Back and Forward.
    pub fn install() {
        let Some(window) = web_sys::window() else {
            return;
        };
        if let Ok(history) = window.history() {
            let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
        }
        SHOWN.with(|s| *s.borrow_mut() = href());
        // Registered before the router's own listener, so it runs before the page changes.
        let on_popstate = Closure::<dyn Fn()>::new(|| {
            remember();
            TRAVERSAL.with(|t| t.set(true));
        });
        let _ = window
            .add_event_listener_with_callback("popstate", on_popstate.as_ref().unchecked_ref());
        on_popstate.forget();
    }

    /// Whether the page being rendered is that of a Back or Forward, whose remembered place is
    /// put back on one of its cards once it is rendered ([`arrived`]).
    pub fn restoring() -> bool {
        TRAVERSAL.with(Cell::get)
    }

    /// After the page for a new location is rendered: back to the remembered place after Back
    /// or Forward; to the top of a new page otherwise. Returns whether it was a Back or Forward.
    pub fn arrived(new_page: bool) -> bool {
        let here = href();
        SHOWN.with(|s| *s.borrow_mut() = here.clone());
        let traversal = TRAVERSAL.with(|t| t.replace(false));
        let Some(window) = web_sys::window() else {
            return traversal;
        };
        if traversal {
            let remembered = PLACES.with(|p| {
                let places = p.borrow();
                places
                    .iter()
                    .find(|(url, _)| *url == here)
                    .map(|(_, place)| place.clone())
            });
            match remembered {
                Some(Place::Card(id, top)) => {
                    if !put_back(&window, &id, top) {
                        window.scroll_to_with_x_and_y(0.0, 0.0);
                    }
                    // Cards coming near the view get their real heights over the next frames
                    // (far off screen they have estimated ones) and may move it.
                    settle(id, top, window.scroll_y().unwrap_or(0.0), 12);
                }
                Some(Place::Offset(y)) => window.scroll_to_with_x_and_y(0.0, y),
                None if new_page => window.scroll_to_with_x_and_y(0.0, 0.0),
                None => {}
            }
        } else if new_page {
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
        traversal
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::{arrived, install, remember, restoring};

#[cfg(not(target_arch = "wasm32"))]
pub fn install() {}

#[cfg(not(target_arch = "wasm32"))]
pub fn remember() {}

#[cfg(not(target_arch = "wasm32"))]
pub fn restoring() -> bool {
    false
}

#[cfg(not(target_arch = "wasm32"))]
pub fn arrived(_new_page: bool) -> bool {
    false
}
