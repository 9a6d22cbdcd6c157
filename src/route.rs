//! The app's routes. Paths are relative to the `<base href>` of `index.html`, so the app
//! works under any public URL. Views of statements keep their filters, search, sort and page
//! in the query string (see [`readouts_core::query::Query`]).
//!
//! Every view has an embed under `/embed/` (the same page in the embed layout, for other
//! sites' iframes: see [`crate::embed`]): [`Route::full`] and [`Route::embedded`] go from one
//! to the other.

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
    /// The statements (the query of the main view) in an embed; `/embed` too.
    #[at("/embed/")]
    EmbedHome,
    #[at("/embed/s/:id")]
    EmbedStatement { id: String },
    #[at("/embed/p/:id")]
    EmbedParticipant { id: String },
    #[at("/embed/r/:id")]
    EmbedReadout { id: String },
    /// Any other path below `/embed/`: not found, in the embed layout.
    #[at("/embed/*rest")]
    EmbedNotFound { rest: String },
    /// Any path the app does not know.
    #[not_found]
    #[at("/404")]
    NotFound,
}

impl Route {
    /// Whether this is an embed (a path below `/embed/`).
    pub fn is_embed(&self) -> bool {
        matches!(
            self,
            Route::EmbedHome
                | Route::EmbedStatement { .. }
                | Route::EmbedParticipant { .. }
                | Route::EmbedReadout { .. }
                | Route::EmbedNotFound { .. }
        )
    }

    /// The full view of an embed (the same path without `/embed`); a full view itself.
    pub fn full(&self) -> Route {
        match self {
            Route::EmbedHome => Route::Home,
            Route::EmbedStatement { id } => Route::Statement { id: id.clone() },
            Route::EmbedParticipant { id } => Route::Participant { id: id.clone() },
            Route::EmbedReadout { id } => Route::Readout { id: id.clone() },
            Route::EmbedNotFound { .. } => Route::NotFound,
            other => other.clone(),
        }
    }

    /// The embed of a view (an embed itself); none for the not-found page.
    pub fn embedded(&self) -> Option<Route> {
        match self {
            Route::Home => Some(Route::EmbedHome),
            Route::Statement { id } => Some(Route::EmbedStatement { id: id.clone() }),
            Route::Participant { id } => Some(Route::EmbedParticipant { id: id.clone() }),
            Route::Readout { id } => Some(Route::EmbedReadout { id: id.clone() }),
            Route::NotFound => None,
            embed => Some(embed.clone()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embeds_mirror_the_views() {
        for (view, embed, path) in [
            (Route::Home, Route::EmbedHome, "/embed/"),
            (
                Route::Statement { id: "a-s1".into() },
                Route::EmbedStatement { id: "a-s1".into() },
                "/embed/s/a-s1",
            ),
            (
                Route::Participant { id: "xi".into() },
                Route::EmbedParticipant { id: "xi".into() },
                "/embed/p/xi",
            ),
            (
                Route::Readout { id: "a".into() },
                Route::EmbedReadout { id: "a".into() },
                "/embed/r/a",
            ),
        ] {
            assert_eq!(view.embedded(), Some(embed.clone()));
            assert_eq!(embed.full(), view);
            assert!(embed.is_embed() && !view.is_embed());
            assert_eq!(embed.to_path(), path);
            assert_eq!(Route::recognize(path), Some(embed.clone()));
            assert_eq!(view.to_path(), path.trim_start_matches("/embed"));
        }
        assert_eq!(Route::recognize("/embed"), Some(Route::EmbedHome));
        assert_eq!(Route::NotFound.embedded(), None);
    }

    #[test]
    fn unknown_embed_paths_stay_in_the_embed_layout() {
        for path in ["/embed/x", "/embed/s", "/embed/s/a/b", "/embed/p/"] {
            let route = Route::recognize(path).unwrap();
            assert!(route.is_embed(), "{path}: {route:?}");
            assert!(matches!(route, Route::EmbedNotFound { .. }), "{path}");
            assert_eq!(route.full(), Route::NotFound);
        }
        assert_eq!(Route::recognize("/nope"), Some(Route::NotFound));
    }
}
