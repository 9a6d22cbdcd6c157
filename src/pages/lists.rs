//! The corpus's lists: `/p/`, every participant (name, title, country, statements and
//! readouts; sortable, with a find box), and `/r/`, every readout by date (narrowed by kind,
//! publisher and country). The lists are the core's ([`people`], [`people_in`],
//! [`readout_list`]); their state is the URL's query string, so a list can be linked.
//!
//! Drawn by the compare app (`crates/compare-app`, a lazy app), never by the main app, whose
//! `switch` renders [`crate::lazy::container`] for these routes: so their code costs the first
//! load nothing. The main app hands over an outline of the corpus (every readout without its
//! statements and text: [`outline_json`]), read into the lazy app's [`SharedIndex`], with what
//! the outline drops as counts: each speaker's statements ([`People`]) and each readout's
//! ([`StatementCounts`]). See [`crate::compare_host`].
//!
//! Built with [`crate::dom`]'s out-of-line elements rather than `html!`, one component for both
//! lists, and one listener for every control: each control is named after its URL parameter,
//! and an input in any of them sets that parameter ([`with_param`]) in the address of the main
//! app (`lazy::guest::go`: replacing the entry while typing in the find box, a new entry for a
//! choice), which tells this app that the address moved.
//!
//! [`outline_json`]: readouts_core::export::outline_json

use crate::components::statement_card::{date_html, readout_title};
use crate::corpus_loader::SharedIndex;
use crate::dom::{bare, class, class_text, el, link, on_input, text, value};
use crate::format::{count, short, thousands};
use crate::nav::{href, use_links, Links};
use crate::pages::compare_pick::People;
use crate::platform::use_title;
use crate::route::Route;
use readouts_core::query::{
    people, people_in, readout_date, readout_list, with_param, PeopleSort, PeopleView, PersonRow,
    ReadoutView,
};
use readouts_core::Readout;
use std::collections::HashMap;
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::*;

#[cfg(target_arch = "wasm32")]
use crate::lazy::guest::go as go_main;

/// Moves the main app to `url` (in the browser: `lazy::guest::go`; natively, nothing).
#[cfg(not(target_arch = "wasm32"))]
fn go_main(_url: &str, _replace: bool) {}

/// Items shown at most: past this, the find box or the filters narrow the list.
pub const SHOWN: usize = 1000;

/// Each readout's statements, in the order of the corpus's readouts: the outline the lists
/// read has none, so the main app counts them.
#[derive(Debug, Clone, PartialEq)]
pub struct StatementCounts(pub Rc<Vec<u32>>);

#[derive(Properties, PartialEq)]
pub struct ListProps {
    /// The people (`/p/`), else the readouts (`/r/`).
    pub people: bool,
}

/// `/p/` or `/r/`.
#[component]
pub fn List(props: &ListProps) -> Html {
    let is_people = props.people;
    let title = if is_people { "People" } else { "Readouts" };
    use_title(Some(title.to_string()));
    let index = use_context::<SharedIndex>();
    let speakers = use_context::<People>();
    let counts = use_context::<StatementCounts>();
    let location = use_location();
    let navigator = use_navigator();
    let links = use_links();
    let Some(index) = index else {
        return Html::default();
    };
    let readouts = &index.corpus().readouts;
    let query = location.as_ref().map_or(String::new(), |l| {
        l.query_str().trim_start_matches('?').to_string()
    });
    let route = if is_people {
        Route::People
    } else {
        Route::Readouts
    };
    // An input in any control: its parameter in the main app's address.
    let changed = {
        let query = query.clone();
        let basename = navigator
            .as_ref()
            .and_then(|n| n.basename().map(str::to_string));
        Callback::from(move |e: InputEvent| {
            let control: web_sys::HtmlInputElement = e.target_unchecked_into();
            let next = with_param(&query, &control.name(), &control.value());
            let url = href(basename.as_deref(), &route, &next, None);
            go_main(&url, control.type_() == "search");
        })
    };
    let (controls, items, all) = if is_people {
        let view = PeopleView::from_query_string(&query);
        let spoken: HashMap<&str, u32> = speakers
            .as_ref()
            .map(|s| s.0.iter().map(|p| (p.id.as_str(), p.statements)).collect())
            .unwrap_or_default();
        let rows = people(readouts, |id| {
            spoken.get(id).copied().unwrap_or_default() as usize
        });
        let found = people_in(&rows, &view);
        let options = PeopleSort::ALL
            .iter()
            .map(|&sort| {
                option(
                    sort.key(),
                    sort.label().into(),
                    usize::MAX,
                    sort == view.sort,
                )
            })
            .collect();
        let controls = vec![
            control(
                "find",
                "Find a person",
                el(
                    "input",
                    &["id", "name", "type", "value", "autocomplete", "spellcheck"],
                    vec![
                        Some("list-find".into()),
                        Some("find".into()),
                        Some("search".into()),
                        value(view.find),
                        Some("off".into()),
                        Some("false".into()),
                    ],
                    Vec::new(),
                ),
            ),
            control("sort", "Sort by", select("sort", options)),
        ];
        let items: Vec<Html> = found
            .iter()
            .take(SHOWN)
            .map(|p| person_item(p, &links))
            .collect();
        (controls, (items, found.len()), rows.len())
    } else {
        let view = ReadoutView::from_query_string(&query);
        let list = readout_list(readouts, &view);
        // "Any" is marked selected too when nothing is chosen: Yew inserts a list's children
        // last first, and a select keeps the first option it was given (the last one).
        let any = |none: bool| option("", "Any".into(), usize::MAX, none);
        let mut kinds = vec![any(view.kind.is_none())];
        kinds.extend(
            list.kinds
                .iter()
                .map(|&(k, n)| option(k.as_str(), k.label().into(), n, view.kind == Some(k))),
        );
        let named = |values: &[(String, usize)], chosen: &Option<String>| {
            let mut options = vec![any(chosen.is_none())];
            options.extend(values.iter().map(|(v, n)| {
                let selected = chosen.as_deref() == Some(v.as_str());
                option_owned(v.clone(), short(v), *n, selected)
            }));
            options
        };
        let controls = vec![
            control("kind", "Kind", select("kind", kinds)),
            control(
                "publisher",
                "Publisher",
                select("publisher", named(&list.publishers, &view.publisher)),
            ),
            control(
                "country",
                "Country",
                select("country", named(&list.countries, &view.country)),
            ),
        ];
        let statements = |at: u32| {
            counts
                .as_ref()
                .and_then(|c| c.0.get(at as usize).copied())
                .unwrap_or_default()
        };
        let items: Vec<Html> = list
            .readouts
            .iter()
            .take(SHOWN)
            .map(|&i| readout_item(&readouts[i as usize], statements(i), &links))
            .collect();
        let shown = list.readouts.len();
        (controls, (items, shown), readouts.len())
    };
    let (items, shown) = items;
    let noun = if is_people {
        ("person", "people")
    } else {
        ("readout", "readouts")
    };
    let mut summary = count(all, noun.0, noun.1);
    if shown < all {
        summary = format!("{} of {summary}", thousands(shown));
    }
    if !is_people {
        summary.push_str(", newest first");
    }
    let page = vec![
        el(
            "h1",
            &["id", "tabindex"],
            vec![Some("list-title".into()), Some("-1".into())],
            vec![text(title)],
        ),
        on_input(class("div", "list-controls", controls), changed),
        el(
            "p",
            &["class", "role"],
            vec![Some("summary".into()), Some("status".into())],
            vec![text(summary)],
        ),
        if shown == 0 {
            class_text(
                "p",
                "empty",
                if is_people {
                    "Nobody matches: try fewer or shorter words."
                } else {
                    "No readout matches these filters: choose “Any” in one of them."
                },
            )
        } else {
            class("ul", "browse-list", items)
        },
        if shown > SHOWN {
            class_text(
                "p",
                "hint",
                "The first 1,000 are shown: narrow the list to see the others.",
            )
        } else {
            Html::default()
        },
    ];
    el(
        "section",
        &["class", "aria-labelledby"],
        vec![Some("list-page".into()), Some("list-title".into())],
        page,
    )
}

/// A label and its control, whose id is `list-NAME`.
fn control(name: &'static str, label: &'static str, input: Html) -> Html {
    class(
        "div",
        "list-control",
        vec![
            el(
                "label",
                &["for"],
                vec![value(format!("list-{name}"))],
                vec![text(label)],
            ),
            input,
        ],
    )
}

/// A `<select>` named `name` (its URL parameter), with id `list-NAME`.
fn select(name: &'static str, options: Vec<Html>) -> Html {
    el(
        "select",
        &["id", "name"],
        vec![value(format!("list-{name}")), Some(name.into())],
        options,
    )
}

fn option(value: &'static str, label: String, n: usize, selected: bool) -> Html {
    option_owned(value.to_string(), label, n, selected)
}

/// An option, its label followed by its count unless `n` is `usize::MAX`.
#[inline(never)]
fn option_owned(value_: String, mut label: String, n: usize, selected: bool) -> Html {
    if n != usize::MAX {
        label.push_str(" (");
        label.push_str(&thousands(n));
        label.push(')');
    }
    el(
        "option",
        &["value", "selected"],
        vec![value(value_), selected.then_some("selected".into())],
        vec![text(label)],
    )
}

/// A person: their name (linked to their page), title and country, and their counts; an
/// attendee who said nothing is marked so.
fn person_item(person: &PersonRow, links: &Links) -> Html {
    let to = links.to(
        Route::Participant {
            id: person.id.clone(),
        },
        AttrValue::default(),
        None,
    );
    let details: Vec<&str> = [person.title.as_deref(), person.country.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    let said = match person.statements {
        0 => "no statement".to_string(),
        n => count(n, "statement", "statements"),
    };
    bare(
        "li",
        vec![
            link(to, "browse-name", vec![text(short(&person.name))]),
            class_text("span", "browse-details", details.join(", ")),
            class(
                "span",
                "browse-counts",
                vec![
                    text(said),
                    text(" · "),
                    text(count(person.readouts, "readout", "readouts")),
                ],
            ),
        ],
    )
}

/// A readout: its date, title (linked to its page), kind and place, publisher and its
/// `statements`.
fn readout_item(readout: &Readout, statements: u32, links: &Links) -> Html {
    let to = links.to(
        Route::Readout {
            id: readout.id.clone(),
        },
        AttrValue::default(),
        None,
    );
    let mut meta = vec![text(readout.event.kind.label())];
    for (before, part) in [
        (", ", readout.event.location.as_ref()),
        (" · ", readout.source.publisher.as_ref()),
    ] {
        if let Some(part) = part {
            meta.push(text(before));
            meta.push(text(short(part)));
        }
    }
    meta.push(text(" · "));
    meta.push(text(count(statements as usize, "statement", "statements")));
    bare(
        "li",
        vec![
            class(
                "span",
                "browse-date",
                vec![readout_date(readout).map_or_else(|| text("undated"), date_html)],
            ),
            link(to, "browse-name", vec![text(short(readout_title(readout)))]),
            class("span", "browse-details", meta),
        ],
    )
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::pages::compare_pick::Person;
    use crate::test_support::{render_at, sample_index};
    use readouts_core::export::outline_json;
    use readouts_core::query::Facet;
    use readouts_core::Corpus;

    /// The list at `path` as the compare app draws it: on an outline of the sample corpus,
    /// with the counts the main app hands over.
    async fn list(path: &'static str, is_people: bool) -> String {
        let full = sample_index();
        let all: Vec<&Readout> = full.corpus().readouts.iter().collect();
        let outline = SharedIndex::new(Corpus::from_json(&outline_json(&all)).unwrap());
        let speakers = (0..full.value_count(Facet::Speaker) as u32)
            .map(|v| Person {
                id: full.value(Facet::Speaker, v).to_string(),
                name: full.label(Facet::Speaker, v).to_string(),
                statements: full.total(Facet::Speaker, v),
            })
            .collect();
        let counts = all.iter().map(|r| r.statements.len() as u32).collect();
        render_at(
            path,
            outline,
            html! {
                <ContextProvider<People> context={People(Rc::new(speakers))}>
                    <ContextProvider<StatementCounts> context={StatementCounts(Rc::new(counts))}>
                        <List people={is_people} />
                    </ContextProvider<StatementCounts>>
                </ContextProvider<People>>
            },
        )
        .await
    }

    #[tokio::test]
    async fn people_with_counts_sorted_and_found() {
        let html = list("/p/", true).await;
        assert!(
            html.contains(r#"<h1 id="list-title" tabindex="-1">People</h1>"#),
            "{html}"
        );
        assert!(html.contains(r#"<label for="list-find">Find a person</label><input id="list-find" name="find" type="search""#), "{html}");
        assert!(
            html.contains(r#"<li><a href="/p/xi-jinping" class="browse-name">Xi Jinping</a><span class="browse-details">President, China</span><span class="browse-counts">"#),
            "{html}"
        );
        // The counts the main app handed over (the outline has no statement).
        assert!(
            html.contains(r#"<span class="browse-counts">3 statements · 2 readouts</span>"#),
            "{html}"
        );
        let found = list("/p/?find=putin&sort=name", true).await;
        assert!(found.contains(">1 of 2 people<"), "{found}");
        assert!(found.contains(r#"href="/p/vladimir-putin""#), "{found}");
        assert!(!found.contains(r#"href="/p/xi-jinping""#), "{found}");
        assert!(
            found.contains(r#"<option value="name" selected="selected">Name</option>"#),
            "{found}"
        );
        let none = list("/p/?find=zzqx", true).await;
        assert!(none.contains("Nobody matches"), "{none}");
    }

    #[tokio::test]
    async fn readouts_newest_first_with_filters() {
        let html = list("/r/", false).await;
        assert!(
            html.contains(r#"<h1 id="list-title" tabindex="-1">Readouts</h1>"#),
            "{html}"
        );
        assert!(
            html.contains(
                r#"<label for="list-kind">Kind</label><select id="list-kind" name="kind">"#
            ),
            "{html}"
        );
        assert!(
            html.contains(r#"<option value="" selected="selected">Any</option>"#),
            "{html}"
        );
        assert!(
            html.contains(r#"href="/r/astana" class="browse-name""#),
            "{html}"
        );
        let calls = list("/r/?kind=phone_call", false).await;
        assert!(calls.contains(r#"href="/r/call""#), "{calls}");
        assert!(!calls.contains(r#"href="/r/astana""#), "{calls}");
        assert!(
            calls.contains(
                r#"<option value="phone_call" selected="selected">phone call (1)</option>"#
            ),
            "{calls}"
        );
        assert!(calls.contains(">1 of 2 readouts, newest first<"), "{calls}");
        assert!(calls.contains(" · 1 statement</span>"), "{calls}");
    }
}
