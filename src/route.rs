//! The app's routes. Paths are relative to the `<base href>` of `index.html`, so the app
//! works under any public URL. Views of statements keep their filters, search, sort and page
//! in the query string (see [`readouts_core::query::Query`]).
//!
//! Every view has an embed under `/embed/` (the same page in the embed layout, for other
//! sites' iframes: see [`crate::embed`]): [`Route::full`] and [`Route::embedded`] go from one
//! to the other.
//!
//! [`Routable`] is written out here rather than derived: the derived `recognize` builds a
//! general route matcher (an NFA, `route_recognizer`) that cost the wasm about 16 KB for these
//! twenty fixed patterns. The tests check that both read every kind of path the same way.

use std::collections::HashMap;
use yew_router::Routable;

/// The app's routes; each variant's path pattern is in its `at` comment (`:id` is one path
/// segment, percent-decoded; `*rest` is the rest of the path, one segment or more).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// Every statement of the corpus as a card, with filters and search. At `/`.
    Home,
    /// One statement, by id, with its context. At `/s/:id`.
    Statement { id: String },
    /// One participant across the corpus, by id. At `/p/:id`.
    Participant { id: String },
    /// One readout: its event, participants and source text, by id. At `/r/:id`.
    Readout { id: String },
    /// Two readouts (accounts of one meeting) side by side. At `/compare/r/:a/:b`.
    CompareReadouts { a: String, b: String },
    /// Two participants side by side. At `/compare/p/:a/:b`.
    CompareParticipants { a: String, b: String },
    /// "Compare with…": the participant to compare `a` with, found in a find box (never
    /// embedded). At `/compare/p/:a`.
    ComparePick { a: String },
    /// "Compare with…" on a readout: the readout to compare `a` with, its other accounts
    /// first (never embedded). At `/compare/r/:a`.
    ComparePickReadout { a: String },
    /// The statements (the query of the main view) in an embed. At `/embed/` (and `/embed`).
    EmbedHome,
    /// At `/embed/s/:id`.
    EmbedStatement { id: String },
    /// At `/embed/p/:id`.
    EmbedParticipant { id: String },
    /// At `/embed/r/:id`.
    EmbedReadout { id: String },
    /// At `/embed/compare/r/:a/:b`.
    EmbedCompareReadouts { a: String, b: String },
    /// At `/embed/compare/p/:a/:b`.
    EmbedCompareParticipants { a: String, b: String },
    /// Any other path below `/embed/`: not found, in the embed layout. At `/embed/*rest`.
    EmbedNotFound { rest: String },
    /// Any path the app does not know (the not-found route). At `/404`.
    NotFound,
    /// Importing readouts into this browser (never embedded). At `/import`.
    Import,
    /// `/s/` without an id: the statements (the home page's list). At `/s/`.
    Statements,
    /// Every participant, sortable, with a find box. At `/p/`.
    People,
    /// Every readout by date, with filters. At `/r/`.
    Readouts,
}

/// The path patterns, in the order of [`Route`]'s variants.
const PATTERNS: [&str; 20] = [
    "/",
    "/s/:id",
    "/p/:id",
    "/r/:id",
    "/compare/r/:a/:b",
    "/compare/p/:a/:b",
    "/compare/p/:a",
    "/compare/r/:a",
    "/embed/",
    "/embed/s/:id",
    "/embed/p/:id",
    "/embed/r/:id",
    "/embed/compare/r/:a/:b",
    "/embed/compare/p/:a/:b",
    "/embed/*rest",
    "/404",
    "/import",
    "/s/",
    "/p/",
    "/r/",
];

impl Routable for Route {
    fn from_path(path: &str, params: &HashMap<&str, &str>) -> Option<Self> {
        let param = |name: &str| decode(params.get(name)?);
        Some(match path {
            "/" => Route::Home,
            "/s/:id" => Route::Statement { id: param("id")? },
            "/p/:id" => Route::Participant { id: param("id")? },
            "/r/:id" => Route::Readout { id: param("id")? },
            "/compare/r/:a/:b" => Route::CompareReadouts {
                a: param("a")?,
                b: param("b")?,
            },
            "/compare/p/:a/:b" => Route::CompareParticipants {
                a: param("a")?,
                b: param("b")?,
            },
            "/compare/p/:a" => Route::ComparePick { a: param("a")? },
            "/compare/r/:a" => Route::ComparePickReadout { a: param("a")? },
            "/embed/" => Route::EmbedHome,
            "/embed/s/:id" => Route::EmbedStatement { id: param("id")? },
            "/embed/p/:id" => Route::EmbedParticipant { id: param("id")? },
            "/embed/r/:id" => Route::EmbedReadout { id: param("id")? },
            "/embed/compare/r/:a/:b" => Route::EmbedCompareReadouts {
                a: param("a")?,
                b: param("b")?,
            },
            "/embed/compare/p/:a/:b" => Route::EmbedCompareParticipants {
                a: param("a")?,
                b: param("b")?,
            },
            "/embed/*rest" => Route::EmbedNotFound {
                rest: param("rest")?,
            },
            "/404" => Route::NotFound,
            "/import" => Route::Import,
            "/s/" => Route::Statements,
            "/p/" => Route::People,
            "/r/" => Route::Readouts,
            _ => return None,
        })
    }

    /// The path, each id percent-encoded (the rest of an unknown embed path segment by
    /// segment), as yew-router's derived `to_path` writes it.
    fn to_path(&self) -> String {
        let (prefix, id) = match self {
            Route::Home => return "/".to_string(),
            Route::EmbedHome => return "/embed/".to_string(),
            Route::NotFound => return "/404".to_string(),
            Route::Import => return "/import".to_string(),
            Route::Statements => return "/s/".to_string(),
            Route::People => return "/p/".to_string(),
            Route::Readouts => return "/r/".to_string(),
            Route::EmbedNotFound { rest } => {
                let segments: Vec<_> = rest.split('/').map(urlencoding::encode).collect();
                return format!("/embed/{}", segments.join("/"));
            }
            Route::CompareReadouts { a, b } => return compare_path("/compare/r/", a, b),
            Route::CompareParticipants { a, b } => return compare_path("/compare/p/", a, b),
            Route::EmbedCompareReadouts { a, b } => return compare_path("/embed/compare/r/", a, b),
            Route::EmbedCompareParticipants { a, b } => {
                return compare_path("/embed/compare/p/", a, b)
            }
            Route::ComparePick { a } => ("/compare/p/", a),
            Route::ComparePickReadout { a } => ("/compare/r/", a),
            Route::Statement { id } => ("/s/", id),
            Route::Participant { id } => ("/p/", id),
            Route::Readout { id } => ("/r/", id),
            Route::EmbedStatement { id } => ("/embed/s/", id),
            Route::EmbedParticipant { id } => ("/embed/p/", id),
            Route::EmbedReadout { id } => ("/embed/r/", id),
        };
        format!("{prefix}{}", urlencoding::encode(id))
    }

    fn routes() -> Vec<&'static str> {
        PATTERNS.to_vec()
    }

    fn not_found_route() -> Option<Self> {
        Some(Route::NotFound)
    }

    /// The route of `pathname`, as the derived matcher reads it: one trailing `/` and then one
    /// leading `/` are ignored; a fixed pattern wins over `:id`, which wins over `*rest`; a
    /// parameter that does not percent-decode to UTF-8, and any path that matches no pattern,
    /// is [`Route::NotFound`].
    fn recognize(pathname: &str) -> Option<Self> {
        let path = pathname.strip_suffix('/').unwrap_or(pathname);
        let path = path.strip_prefix('/').unwrap_or(path);
        Some(match_path(path).unwrap_or(Route::NotFound))
    }
}

/// `prefix`, then ids `a` and `b` percent-encoded, separated by `/`.
fn compare_path(prefix: &str, a: &str, b: &str) -> String {
    format!(
        "{prefix}{}/{}",
        urlencoding::encode(a),
        urlencoding::encode(b)
    )
}

/// The route of `compare/x/:a/:b` without its `compare/`: `x` a one-letter view (`r` or `p`)
/// and two non-empty segments, or `x/:a` (a picker, never embedded); `None` for anything
/// else (or an undecodable id).
fn match_compare(path: &str, embedded: bool) -> Option<Route> {
    let mut segments = path.split('/');
    let (view, a) = (segments.next()?, segments.next()?);
    if a.is_empty() {
        return None;
    }
    let Some(b) = segments.next() else {
        let a = decode(a)?;
        return match (view, embedded) {
            ("p", false) => Some(Route::ComparePick { a }),
            ("r", false) => Some(Route::ComparePickReadout { a }),
            _ => None,
        };
    };
    if segments.next().is_some() || b.is_empty() {
        return None;
    }
    let (a, b) = (decode(a)?, decode(b)?);
    Some(match (view, embedded) {
        ("r", false) => Route::CompareReadouts { a, b },
        ("p", false) => Route::CompareParticipants { a, b },
        ("r", true) => Route::EmbedCompareReadouts { a, b },
        ("p", true) => Route::EmbedCompareParticipants { a, b },
        _ => return None,
    })
}

/// The route of a path without its leading `/`; `None` for no route (or an undecodable id).
fn match_path(path: &str) -> Option<Route> {
    match path {
        "" => return Some(Route::Home),
        "embed" => return Some(Route::EmbedHome),
        "404" => return Some(Route::NotFound),
        "import" => return Some(Route::Import),
        "s" => return Some(Route::Statements),
        "p" => return Some(Route::People),
        "r" => return Some(Route::Readouts),
        _ => {}
    }
    let (embedded, path) = match path.strip_prefix("embed/") {
        Some(rest) => (true, rest),
        None => (false, path),
    };
    // `x/:id`: a one-letter view and one non-empty segment.
    let id = path
        .get(2..)
        .filter(|id| path.as_bytes().get(1) == Some(&b'/') && !id.is_empty() && !id.contains('/'));
    let route = match (path.as_bytes().first(), id) {
        _ if path.starts_with("compare/") => match_compare(&path[8..], embedded),
        (Some(view), Some(id)) if b"spr".contains(view) => {
            let id = decode(id)?;
            Some(match (*view, embedded) {
                (b's', false) => Route::Statement { id },
                (b'p', false) => Route::Participant { id },
                (b'r', false) => Route::Readout { id },
                (b's', true) => Route::EmbedStatement { id },
                (b'p', true) => Route::EmbedParticipant { id },
                _ => Route::EmbedReadout { id },
            })
        }
        _ => None,
    };
    match route {
        Some(route) => Some(route),
        None if embedded && !path.is_empty() => Some(Route::EmbedNotFound {
            rest: decode(path)?,
        }),
        None => None,
    }
}

/// A path parameter, percent-decoded; `None` when that is not UTF-8.
fn decode(param: &str) -> Option<String> {
    urlencoding::decode(param).ok().map(|id| id.into_owned())
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
                | Route::EmbedCompareReadouts { .. }
                | Route::EmbedCompareParticipants { .. }
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
            Route::EmbedCompareReadouts { a, b } => Route::CompareReadouts {
                a: a.clone(),
                b: b.clone(),
            },
            Route::EmbedCompareParticipants { a, b } => Route::CompareParticipants {
                a: a.clone(),
                b: b.clone(),
            },
            Route::EmbedNotFound { .. } => Route::NotFound,
            other => other.clone(),
        }
    }

    /// The embed of a view (an embed itself); none for the not-found page, the import page and
    /// the compare pickers.
    pub fn embedded(&self) -> Option<Route> {
        match self {
            Route::Home => Some(Route::EmbedHome),
            Route::Statement { id } => Some(Route::EmbedStatement { id: id.clone() }),
            Route::Participant { id } => Some(Route::EmbedParticipant { id: id.clone() }),
            Route::Readout { id } => Some(Route::EmbedReadout { id: id.clone() }),
            Route::CompareReadouts { a, b } => Some(Route::EmbedCompareReadouts {
                a: a.clone(),
                b: b.clone(),
            }),
            Route::CompareParticipants { a, b } => Some(Route::EmbedCompareParticipants {
                a: a.clone(),
                b: b.clone(),
            }),
            Route::NotFound
            | Route::Import
            | Route::Statements
            | Route::People
            | Route::Readouts
            | Route::ComparePick { .. }
            | Route::ComparePickReadout { .. } => None,
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
            (
                Route::CompareReadouts {
                    a: "a".into(),
                    b: "b c".into(),
                },
                Route::EmbedCompareReadouts {
                    a: "a".into(),
                    b: "b c".into(),
                },
                "/embed/compare/r/a/b%20c",
            ),
            (
                Route::CompareParticipants {
                    a: "x".into(),
                    b: "y".into(),
                },
                Route::EmbedCompareParticipants {
                    a: "x".into(),
                    b: "y".into(),
                },
                "/embed/compare/p/x/y",
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
        let pick = Route::ComparePick { a: "x y".into() };
        assert_eq!(pick.embedded(), None);
        assert_eq!(pick.to_path(), "/compare/p/x%20y");
        assert_eq!(Route::recognize("/compare/p/x%20y/"), Some(pick));
        let pick = Route::ComparePickReadout { a: "x y".into() };
        assert_eq!(pick.embedded(), None);
        assert_eq!(pick.to_path(), "/compare/r/x%20y");
        assert_eq!(Route::recognize("/compare/r/x%20y/"), Some(pick));
        assert_eq!(
            Route::recognize("/embed/compare/r/x").map(|r| r.full()),
            Some(Route::NotFound)
        );
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

    /// yew-router's derived implementation of the same patterns: the reference that the
    /// written-out [`Routable`] must agree with.
    #[derive(Debug, Clone, PartialEq, Routable)]
    enum Derived {
        #[at("/")]
        Home,
        #[at("/s/:id")]
        Statement { id: String },
        #[at("/p/:id")]
        Participant { id: String },
        #[at("/r/:id")]
        Readout { id: String },
        #[at("/compare/r/:a/:b")]
        CompareReadouts { a: String, b: String },
        #[at("/compare/p/:a/:b")]
        CompareParticipants { a: String, b: String },
        #[at("/compare/p/:a")]
        ComparePick { a: String },
        #[at("/compare/r/:a")]
        ComparePickReadout { a: String },
        #[at("/embed/")]
        EmbedHome,
        #[at("/embed/s/:id")]
        EmbedStatement { id: String },
        #[at("/embed/p/:id")]
        EmbedParticipant { id: String },
        #[at("/embed/r/:id")]
        EmbedReadout { id: String },
        #[at("/embed/compare/r/:a/:b")]
        EmbedCompareReadouts { a: String, b: String },
        #[at("/embed/compare/p/:a/:b")]
        EmbedCompareParticipants { a: String, b: String },
        #[at("/embed/*rest")]
        EmbedNotFound { rest: String },
        #[not_found]
        #[at("/404")]
        NotFound,
        #[at("/import")]
        Import,
        #[at("/s/")]
        Statements,
        #[at("/p/")]
        People,
        #[at("/r/")]
        Readouts,
    }

    impl From<Derived> for Route {
        fn from(route: Derived) -> Route {
            match route {
                Derived::Home => Route::Home,
                Derived::Statement { id } => Route::Statement { id },
                Derived::Participant { id } => Route::Participant { id },
                Derived::Readout { id } => Route::Readout { id },
                Derived::CompareReadouts { a, b } => Route::CompareReadouts { a, b },
                Derived::CompareParticipants { a, b } => Route::CompareParticipants { a, b },
                Derived::ComparePick { a } => Route::ComparePick { a },
                Derived::ComparePickReadout { a } => Route::ComparePickReadout { a },
                Derived::EmbedCompareReadouts { a, b } => Route::EmbedCompareReadouts { a, b },
                Derived::EmbedCompareParticipants { a, b } => {
                    Route::EmbedCompareParticipants { a, b }
                }
                Derived::EmbedHome => Route::EmbedHome,
                Derived::EmbedStatement { id } => Route::EmbedStatement { id },
                Derived::EmbedParticipant { id } => Route::EmbedParticipant { id },
                Derived::EmbedReadout { id } => Route::EmbedReadout { id },
                Derived::EmbedNotFound { rest } => Route::EmbedNotFound { rest },
                Derived::NotFound => Route::NotFound,
                Derived::Import => Route::Import,
                Derived::Statements => Route::Statements,
                Derived::People => Route::People,
                Derived::Readouts => Route::Readouts,
            }
        }
    }

    #[test]
    fn paths_are_read_as_the_derived_router_reads_them() {
        assert_eq!(Route::routes(), Derived::routes());
        let views = [
            "s",
            "p",
            "r",
            "x",
            "S",
            "sp",
            "404",
            "embed",
            "import",
            "",
            "compare",
            "compare/r",
            "compare/p",
            "compare/x",
            "compare/r/a",
            "compare/p/%20",
        ];
        let ids = [
            "", "a", "a-s1", "a.b", "a%20b", "a%2Fb", "%ff", "%", "é", "%C3%A9", "a/b", "a//b",
        ];
        let mut paths = vec![
            String::new(),
            "/".into(),
            "//".into(),
            "///".into(),
            "s/a".into(),
            "/embedded".into(),
            "/embeds/s/a".into(),
        ];
        for prefix in ["", "/embed", "/embed/embed"] {
            paths.push(prefix.to_string());
            for view in views {
                for id in ids {
                    for end in ["", "/", "//"] {
                        paths.push(format!("{prefix}/{view}/{id}{end}"));
                        paths.push(format!("{prefix}/{view}{id}{end}"));
                    }
                }
            }
        }
        for path in &paths {
            assert_eq!(
                Route::recognize(path),
                Derived::recognize(path).map(Route::from),
                "{path:?}"
            );
        }
        for path in &paths {
            let (Some(route), Some(derived)) = (Route::recognize(path), Derived::recognize(path))
            else {
                continue;
            };
            assert_eq!(route.to_path(), derived.to_path(), "{path:?}");
            let params: HashMap<&str, &str> = [
                ("id", "a%20b"),
                ("rest", "x/%C3%A9"),
                ("a", "%C3%A9"),
                ("b", "c%2Fd"),
            ]
            .into();
            for pattern in PATTERNS {
                assert_eq!(
                    Route::from_path(pattern, &params),
                    Derived::from_path(pattern, &params).map(Route::from),
                    "{pattern}"
                );
            }
        }
        for id in ["a b/c%d é#?", "", "x/y", "%ff", "a.b"] {
            let pairs = [
                (
                    Route::Statement { id: id.into() },
                    Derived::Statement { id: id.into() },
                ),
                (
                    Route::EmbedReadout { id: id.into() },
                    Derived::EmbedReadout { id: id.into() },
                ),
                (
                    Route::EmbedNotFound { rest: id.into() },
                    Derived::EmbedNotFound { rest: id.into() },
                ),
                (
                    Route::CompareReadouts {
                        a: id.into(),
                        b: "b".into(),
                    },
                    Derived::CompareReadouts {
                        a: id.into(),
                        b: "b".into(),
                    },
                ),
                (
                    Route::ComparePick { a: id.into() },
                    Derived::ComparePick { a: id.into() },
                ),
                (
                    Route::EmbedCompareParticipants {
                        a: "a".into(),
                        b: id.into(),
                    },
                    Derived::EmbedCompareParticipants {
                        a: "a".into(),
                        b: id.into(),
                    },
                ),
            ];
            for (route, derived) in pairs {
                assert_eq!(route.to_path(), derived.to_path(), "{id:?}");
            }
        }
    }
}
