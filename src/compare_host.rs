//! The main app's half of the compare views (`/compare/r/<a>/<b>`, `/compare/p/<a>/<b>` and
//! their embeds) and of the lists (`/p/`, `/r/`: [`crate::pages::lists`]), which the compare
//! app draws (`crates/compare-app`, a lazy app: [`crate::lazy`]), so that their code costs the
//! first load nothing. The routes render
//! [`crate::lazy::container`]`(`[`APP`]`)`; the layout ([`crate::app::Shell`]) calls `show`
//! after each move.
//!
//! What crosses: the readouts the view reads, as a corpus file written by the core's export
//! ([`corpus_json`], the code of the app's JSON downloads, already in the first load): the two
//! accounts, or every readout either participant takes part in. Ids are the corpus's own, so
//! every link the compare app makes leads to the same card, readout or participant here;
//! nothing is fetched or read twice. The participant picker (`/compare/p/<a>`, "Compare
//! with…") also gets every speaker of the corpus, from the index's speaker facet: id, name and
//! statements, three array items each. The lists and the readout picker (`/compare/r/<a>`)
//! get every readout, as an outline ([`outline_json`]: no statements, no text; a fraction of
//! the corpus, with the participants and dates the picker pairs accounts by), the speakers as
//! the picker does (their statement counts) and each readout's statement count (one array item
//! each, in corpus order).
//!
//! A view is mounted once per path: another query of the same path (a sort), or Back and
//! Forward between two of them, only tells the mounted app that the address moved
//! ([`crate::lazy`]'s `moved`), and its view follows without being mounted or handed its
//! readouts again. The links inside the view move this app's router (the compare app turns a
//! plain click into a history entry and a `popstate` event), so no page is loaded.
//!
//! [`corpus_json`]: readouts_core::export::corpus_json
//! [`outline_json`]: readouts_core::export::outline_json

/// The lazy app of the compare views and the lists (`compare-app.js`, `compare-app_bg.wasm`).
pub const APP: &str = "compare-app";

#[cfg(target_arch = "wasm32")]
pub use browser::show;

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::APP;
    use crate::corpus_loader::SharedIndex;
    use crate::lazy;
    use crate::route::Route;
    use readouts_core::export::{corpus_json, outline_json};
    use readouts_core::query::Facet;
    use readouts_core::Readout;
    use std::cell::RefCell;

    thread_local! {
        /// The path of the last move seen once the corpus was read.
        static SHOWN: RefCell<Option<String>> = const { RefCell::new(None) };
    }

    /// After each move (the layout's effect), once the corpus is read (`index`): on a new
    /// path of a compare view or a list, mounts the compare app with the readouts of its view
    /// of `route`; on the same path (another query, Back or Forward within the view), tells it
    /// the address moved; on any other page, unmounts it. Decided by the route, not the page: the
    /// routed page may render after this effect (the lazy app is mounted after a promise).
    pub fn show(route: Option<&Route>, path: &str, index: Option<SharedIndex>) {
        let Some(index) = index else {
            return;
        };
        let before = SHOWN.with(|s| s.replace(Some(path.to_string())));
        match route.map(Route::full) {
            Some(route) if before.as_deref() == Some(path) && is_drawn(&route) => lazy::moved(APP),
            Some(Route::People | Route::Readouts | Route::ComparePickReadout { .. }) => {
                let readouts: Vec<&Readout> = index.corpus().readouts.iter().collect();
                let statements = js_sys::Array::new();
                for readout in &readouts {
                    statements.push(&(readout.statements.len() as u32).into());
                }
                let args = js_sys::Array::of3(
                    &outline_json(&readouts).into(),
                    &speakers(&index),
                    &statements,
                );
                lazy::show(APP, Some(args));
            }
            Some(route) if is_drawn(&route) => {
                let args = js_sys::Array::of1(&readouts_of(&route, &index).into());
                if let Route::ComparePick { .. } = route {
                    args.push(&speakers(&index));
                }
                lazy::show(APP, Some(args));
            }
            _ => lazy::show(APP, None),
        }
    }

    /// Whether the compare app draws `route`.
    fn is_drawn(route: &Route) -> bool {
        matches!(
            route,
            Route::CompareReadouts { .. }
                | Route::CompareParticipants { .. }
                | Route::ComparePick { .. }
                | Route::ComparePickReadout { .. }
                | Route::People
                | Route::Readouts
        )
    }

    /// The readouts the compare app's view of `route` reads, as a corpus file: the two
    /// accounts of `/compare/r/<a>/<b>`, every readout either participant of
    /// `/compare/p/<a>/<b>` takes part in, the first readout `a` of `/compare/p/<a>` takes part
    /// in (the picker needs only the name). An unknown id is left for the view to report.
    fn readouts_of(route: &Route, index: &SharedIndex) -> String {
        let (a, b, people, most) = match route {
            Route::CompareParticipants { a, b } => (a, b, true, usize::MAX),
            Route::ComparePick { a } => (a, a, true, 1),
            Route::CompareReadouts { a, b } => (a, b, false, usize::MAX),
            _ => return corpus_json(&[]),
        };
        let wanted = |r: &&Readout| {
            if people {
                r.participant(a).is_some() || r.participant(b).is_some()
            } else {
                r.id == *a || r.id == *b
            }
        };
        let readouts: Vec<&Readout> = index
            .corpus()
            .readouts
            .iter()
            .filter(wanted)
            .take(most)
            .collect();
        corpus_json(&readouts)
    }

    /// Every speaker of the corpus, for the picker and the list of people: id, name and
    /// statement count, three items
    /// each, in the speaker facet's order (by name).
    fn speakers(index: &SharedIndex) -> js_sys::Array {
        let list = js_sys::Array::new();
        for id in 0..index.value_count(Facet::Speaker) as u32 {
            list.push(&index.value(Facet::Speaker, id).into());
            list.push(&index.label(Facet::Speaker, id).into());
            list.push(&index.total(Facet::Speaker, id).into());
        }
        list
    }
}
