//! The app's routes. Paths are relative to the `<base href>` of `index.html`, so the app
//! works under any public URL. Views of statements keep their filters, search, sort and page
//! in the query string (see [`readouts_core::query::Query`]); `/embed/…` routes come here.

use yew_router::prelude::*;

#[derive(Debug, Clone, PartialEq, Eq, Routable)]
pub enum Route {
    /// Every statement of the corpus as a card, with filters and search.
    #[at("/")]
    Home,
    /// One statement, by id, with its context.
    #[at("/s/:id")]
    Statement { id: String },
    /// One participant across the corpus, by id.
    #[at("/p/:id")]
    Participant { id: String },
    /// One readout: its event, participants and source text, by id.
    #[at("/r/:id")]
    Readout { id: String },
    /// Any path the app does not know.
    #[not_found]
    #[at("/404")]
    NotFound,
}
