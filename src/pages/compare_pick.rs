//! `/compare/p/<a>` ([`ComparePickPage`]): "Compare with…", the way from a participant's page
//! to two participants side by side. A find box over every participant who speaks in the
//! corpus; each match links to `/compare/p/<a>/<b>`. Drawn by the compare app, as the compare
//! views are (compiled into it only), so that it costs the first load nothing: the main app
//! hands it a readout `a` takes part in (for the name) and the speakers ([`People`]).

use crate::corpus_loader::SharedIndex;
use crate::format::count;
use crate::nav::AppLink;
use crate::pages::not_found::{Kind, Missing};
use crate::platform::use_title;
use crate::route::Route;
use readouts_core::fold::fold;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// How many participants are listed at most; more matches ask for more of the name.
pub const SHOWN: usize = 20;

/// A participant who speaks in the corpus, as the picker lists them.
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    pub id: String,
    pub name: String,
    /// Their statements across the corpus.
    pub statements: u32,
}

/// Every participant who speaks in the corpus, given to the picker as a context.
#[derive(Debug, Clone, PartialEq)]
pub struct People(pub Rc<Vec<Person>>);

/// The participants whose name or id holds every word of `find` (accents and case folded),
/// other than `a`, those with the most statements first (then by name, as given); all of them
/// for an empty `find`.
pub fn matches<'p>(people: &'p [Person], a: &str, find: &str) -> Vec<&'p Person> {
    let words: Vec<String> = fold(find).split_whitespace().map(String::from).collect();
    let mut found: Vec<&Person> = people
        .iter()
        .filter(|p| p.id != a)
        .filter(|p| {
            let name = fold(&p.name);
            words
                .iter()
                .all(|w| name.contains(w.as_str()) || p.id.contains(w.as_str()))
        })
        .collect();
    // A stable sort: the same count keeps the given (name) order.
    found.sort_by_key(|p| std::cmp::Reverse(p.statements));
    found
}

/// The participant `a`'s id.
#[derive(Properties, PartialEq)]
pub struct PickProps {
    pub a: AttrValue,
}

/// "Compare NAME with…": the find box and the participants it matches (see the module's
/// documentation).
#[component]
pub fn ComparePickPage(props: &PickProps) -> Html {
    let index = use_context::<SharedIndex>();
    let people = use_context::<People>();
    let find = use_state(String::new);
    let name = use_memo((index.clone(), props.a.clone()), |(index, a)| {
        index
            .as_ref()?
            .corpus()
            .readouts
            .iter()
            .find_map(|r| r.participant(a))
            .map(|p| p.name.clone())
    });
    use_title(name.as_ref().as_ref().map(|n| format!("Compare {n} with…")));
    let Some(name) = name.as_ref() else {
        return html! { <Missing kind={Kind::Participant} id={props.a.clone()} /> };
    };
    let oninput = {
        let find = find.clone();
        Callback::from(move |e: InputEvent| {
            find.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let all = people.as_ref().map(|p| p.0.as_slice()).unwrap_or_default();
    let found = matches(all, &props.a, &find);
    let status = match (found.len(), find.trim().is_empty()) {
        (0, _) => format!("No participant matches “{}”.", find.trim()),
        (n, true) if n > SHOWN => format!(
            "{} speak in the corpus: the {SHOWN} with the most statements are listed; type a name to find the others.",
            count(n, "other participant", "other participants")
        ),
        (n, _) if n > SHOWN => format!(
            "{} match: the first {SHOWN} are listed; type more of the name.",
            count(n, "participant", "participants")
        ),
        (1, _) => "1 participant matches.".to_string(),
        (n, _) => format!("{n} participants match."),
    };
    let a = props.a.to_string();
    html! {
        <section class="compare-pick" aria-labelledby="compare-title">
            <h1 id="compare-title" tabindex="-1">
                { "Compare " }
                <AppLink to={Route::Participant { id: a.clone() }}>{ name.clone() }</AppLink>
                { " with…" }
            </h1>
            <p>{ format!("Find another participant to see their statements side by side with {name}'s: topics raised by each, readouts they share, statements per month.") }</p>
            <label for="compare-find">{ "Find a participant" }</label>
            <input id="compare-find" type="search" autocomplete="off" spellcheck="false"
                aria-describedby="compare-found" value={(*find).clone()} {oninput} />
            <p id="compare-found" class="count-note" role="status">{ status }</p>
            <ul class="compare-picks">
                { for found.iter().take(SHOWN).map(|p| html! {
                    <li>
                        <AppLink to={Route::CompareParticipants { a: a.clone(), b: p.id.clone() }}>{ p.name.clone() }</AppLink>
                        <span class="count-note">{ format!(" {}", count(p.statements as usize, "statement", "statements")) }</span>
                    </li>
                }) }
            </ul>
        </section>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::test_support::{accounts_index, render_at};

    /// The picker of `a` over `people`, rendered at its path.
    async fn picker(a: &'static str, people: Vec<Person>) -> String {
        let path = Box::leak(format!("/compare/p/{a}").into_boxed_str());
        let people = People(Rc::new(people));
        render_at(
            path,
            accounts_index().0,
            html! {
                <ContextProvider<People> context={people}>
                    <ComparePickPage a={a} />
                </ContextProvider<People>>
            },
        )
        .await
    }

    #[tokio::test]
    async fn every_other_speaker_links_to_the_two_side_by_side() {
        let html = picker(
            "tomas-brenn",
            vec![
                person("ilse-varo", "Ilse Varo", 2),
                person("tomas-brenn", "Tomas Brenn", 3),
            ],
        )
        .await;
        assert!(html.contains(r#"<h1 id="compare-title" tabindex="-1">Compare <a href="/p/tomas-brenn">Tomas Brenn</a> with…</h1>"#), "{html}");
        assert!(
            html.contains(r#"<label for="compare-find">Find a participant</label>"#),
            "{html}"
        );
        assert!(
            html.contains(r#"class="count-note">1 participant matches.</p>"#),
            "{html}"
        );
        assert!(html.contains(r#"<a href="/compare/p/tomas-brenn/ilse-varo">Ilse Varo</a><span class="count-note"> 2 statements</span>"#), "{html}");
        assert!(
            !html.contains("/compare/p/tomas-brenn/tomas-brenn"),
            "{html}"
        );
    }

    #[tokio::test]
    async fn an_unknown_participant_is_not_found() {
        let html = picker("nobody", vec![person("ilse-varo", "Ilse Varo", 3)]).await;
        assert!(!html.contains("compare-find"), "{html}");
        assert!(html.contains("nobody"), "{html}");
    }

    fn person(id: &str, name: &str, statements: u32) -> Person {
        Person {
            id: id.into(),
            name: name.into(),
            statements,
        }
    }

    #[test]
    fn finds_by_every_word_accents_and_case_folded_most_statements_first() {
        let people = [
            person("ilse-varo", "Ilse Varo", 3),
            person("olafur-ranz", "Ólafur Ranz", 9),
            person("tomas-brenn", "Tomas Brenn", 5),
            person("vera-olsen", "Vera Olsen", 9),
        ];
        let ids = |found: Vec<&Person>| found.iter().map(|p| p.id.clone()).collect::<Vec<_>>();
        // Empty: everyone but `a`, most statements first, ties in the given order.
        assert_eq!(
            ids(matches(&people, "tomas-brenn", "  ")),
            ["olafur-ranz", "vera-olsen", "ilse-varo"]
        );
        assert_eq!(ids(matches(&people, "x", "OLAF")), ["olafur-ranz"]);
        assert_eq!(
            ids(matches(&people, "x", "ol")),
            ["olafur-ranz", "vera-olsen"]
        );
        assert_eq!(ids(matches(&people, "x", "ranz ólaf")), ["olafur-ranz"]);
        assert_eq!(ids(matches(&people, "x", "brenn-")), Vec::<String>::new());
        assert_eq!(ids(matches(&people, "x", "tomas-b")), ["tomas-brenn"]);
        // `a` is never offered.
        assert_eq!(
            ids(matches(&people, "ilse-varo", "varo")),
            Vec::<String>::new()
        );
    }
}
