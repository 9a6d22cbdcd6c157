//! The app's routes. Paths are relative to the `<base href>` of `index.html`, so the app
//! works under any public URL. Later routes (statement, participant and readout permalinks,
//! `/embed/…`) are added here.

use yew_router::prelude::*;

#[derive(Debug, Clone, PartialEq, Eq, Routable)]
pub enum Route {
    /// Every statement of the corpus as a card.
    #[at("/")]
    Home,
    /// Any path the app does not know.
    #[not_found]
    #[at("/404")]
    NotFound,
}
