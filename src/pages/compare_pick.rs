//! The "Compare with…" pickers, drawn by the compare app, as the compare views are (compiled
//! into it only), so that they cost the first load nothing:
//!
//! - `/compare/p/<a>` ([`ComparePickPage`]): the way from a participant's page to two
//!   participants side by side. A find box over every participant who speaks in the corpus;
//!   each match links to `/compare/p/<a>/<b>`. The main app hands it a readout `a` takes part
//!   in (for the name) and the speakers ([`People`]).
//! - `/compare/r/<a>` ([`ComparePickReadoutPage`]): the way from a readout's page to two
//!   accounts side by side. A find box over every readout of the corpus (title, publisher,
//!   date); the other accounts of the same meeting ([`other_accounts`], the core's pairing)
//!   come first, then the others nearest in date; each match links to `/compare/r/<a>/<b>`.
//!   The main app hands it what it hands the lists: an outline of every readout (no statements,
//!   no text; participants and dates, which pair accounts) and their statement counts
//!   ([`StatementCounts`]), listed once as a [`Catalogue`].

use crate::components::statement_card::readout_title;
use crate::corpus_loader::SharedIndex;
use crate::format::{count, human_date};
use crate::nav::AppLink;
use crate::pages::lists::StatementCounts;
use crate::pages::not_found::{Kind, Missing};
use crate::platform::{use_render_measure, use_title};
use crate::route::Route;
use readouts_core::compare::other_accounts;
use readouts_core::date::Date;
use readouts_core::fold::fold;
use std::cell::OnceCell;
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
    use_render_measure("readouts:compare-view");
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

/// A readout of the corpus, as the readout picker lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct Listed {
    pub id: String,
    pub title: String,
    /// Empty when the readout names none.
    pub publisher: String,
    /// `YYYY-MM-DD` (the event's, else the publication's), or empty.
    pub date: String,
    pub statements: u32,
    /// `date` as a day number, read once (the list is sorted by it).
    day: Option<i64>,
}

impl Listed {
    pub fn new(
        id: String,
        title: String,
        publisher: String,
        date: String,
        statements: u32,
    ) -> Self {
        Listed {
            day: days(&date),
            id,
            title,
            publisher,
            date,
            statements,
        }
    }

    /// What the find box searches: title, publisher, id, the date as written (`2031-03-04`)
    /// and as shown (`4 March 2031`), folded (case, accents).
    fn words(&self) -> String {
        let shown = if self.date.is_empty() {
            String::new()
        } else {
            human_date(&self.date)
        };
        let (title, publisher, id, date) = (&self.title, &self.publisher, &self.id, &self.date);
        fold(&format!("{title}\n{publisher}\n{id}\n{date}\n{shown}"))
    }

    /// Days between this readout's date and `day` (none when either is undated).
    fn days_from(&self, day: Option<i64>) -> Option<i64> {
        Some((self.day? - day?).abs())
    }
}

/// Every readout of the corpus, in corpus order, as the readout picker lists them; what the
/// find box searches in each is made on the first search, not when the picker opens
/// (thousands of readouts).
#[derive(Debug, Clone)]
pub struct Catalogue {
    list: Rc<Vec<Listed>>,
    words: Rc<OnceCell<Vec<String>>>,
}

impl Catalogue {
    pub fn new(list: Vec<Listed>) -> Self {
        Catalogue {
            list: Rc::new(list),
            words: Rc::default(),
        }
    }

    /// Each readout's searched words ([`Listed::words`]), in the list's order.
    fn words(&self) -> &[String] {
        self.words
            .get_or_init(|| self.list.iter().map(Listed::words).collect())
    }
}

impl PartialEq for Catalogue {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.list, &other.list)
    }
}

/// A `YYYY-MM-DD` date as a day number.
fn days(date: &str) -> Option<i64> {
    Date::parse_iso(date).map(Date::days_since_epoch)
}

/// The readouts of `catalogue` whose title, publisher, id or date holds every word of `find`
/// (accents and case folded), other than `a` (dated `day`): the ids of `others` (its other
/// accounts) first, then the rest nearest to `day` first (undated ones last), each group in
/// the catalogue's order otherwise; all of them for an empty `find`.
pub fn readout_matches<'l>(
    catalogue: &'l Catalogue,
    a: &str,
    day: Option<i64>,
    others: &[&str],
    find: &str,
) -> Vec<&'l Listed> {
    let find: Vec<String> = fold(find).split_whitespace().map(String::from).collect();
    let words = if find.is_empty() {
        &[]
    } else {
        catalogue.words()
    };
    let mut found: Vec<&Listed> = catalogue
        .list
        .iter()
        .enumerate()
        .filter(|(i, r)| r.id != a && find.iter().all(|w| words[*i].contains(w.as_str())))
        .map(|(_, r)| r)
        .collect();
    // A stable sort: equal keys keep the given order.
    found.sort_by_key(|r| {
        let distance = r.days_from(day).unwrap_or(i64::MAX);
        (!others.contains(&r.id.as_str()), distance)
    });
    found
}

/// "Compare TITLE with…": the find box over the readouts and the readouts it matches, the
/// other accounts of the meeting first (see the module's documentation).
#[component]
pub fn ComparePickReadoutPage(props: &PickProps) -> Html {
    use_render_measure("readouts:compare-view");
    let index = use_context::<SharedIndex>();
    let counts = use_context::<StatementCounts>();
    let find = use_state(String::new);
    // Every readout of the outline the main app gave, with its statement count, listed once.
    let catalogue = use_memo((index.clone(), counts), |(index, counts)| {
        let Some(index) = index else {
            return Catalogue::new(Vec::new());
        };
        let counts = counts.as_ref().map(|c| c.0.as_slice()).unwrap_or_default();
        let list = index.corpus().readouts.iter().enumerate().map(|(i, r)| {
            let date = r.event.date.as_deref().or(r.published.as_deref());
            Listed::new(
                r.id.clone(),
                readout_title(r).to_string(),
                r.source.publisher.clone().unwrap_or_default(),
                date.unwrap_or_default().to_string(),
                counts.get(i).copied().unwrap_or_default(),
            )
        });
        Catalogue::new(list.collect())
    });
    // The readout and the ids of its other accounts.
    let this = use_memo((index.clone(), props.a.clone()), |(index, a)| {
        let index = index.as_ref()?;
        let this = index.readout(a)?;
        let others: Vec<String> = other_accounts(index.corpus(), this)
            .iter()
            .map(|r| r.id.clone())
            .collect();
        Some((
            readout_title(this).to_string(),
            this.event.date.clone(),
            others,
        ))
    });
    use_title(
        this.as_ref()
            .as_ref()
            .map(|(title, ..)| format!("Compare {title} with…")),
    );
    let Some((title, date, others)) = this.as_ref() else {
        return html! { <Missing kind={Kind::Readout} id={props.a.clone()} /> };
    };
    let oninput = {
        let find = find.clone();
        Callback::from(move |e: InputEvent| {
            find.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let others: Vec<&str> = others.iter().map(String::as_str).collect();
    let day = date.as_deref().and_then(days);
    let found = readout_matches(&catalogue, &props.a, day, &others, &find);
    let status = match (found.len(), find.trim().is_empty()) {
        (0, _) => format!("No readout matches “{}”.", find.trim()),
        (n, true) if n > SHOWN => format!(
            "{} in the corpus: the {SHOWN} nearest in date are listed; type a title, publisher or date to find the others.",
            count(n, "other readout", "other readouts")
        ),
        (n, _) if n > SHOWN => format!(
            "{} match: the first {SHOWN} are listed; type more of the title, publisher or date.",
            count(n, "readout", "readouts")
        ),
        (1, _) => "1 readout matches.".to_string(),
        (n, _) => format!("{n} readouts match."),
    };
    let a = props.a.to_string();
    let item = |r: &Listed| {
        let mut details: Vec<String> = Vec::new();
        if !r.publisher.is_empty() {
            details.push(r.publisher.clone());
        }
        if !r.date.is_empty() {
            details.push(human_date(&r.date));
        }
        details.push(count(r.statements as usize, "statement", "statements"));
        let other = others.contains(&r.id.as_str());
        html! {
            <li>
                <AppLink to={Route::CompareReadouts { a: a.clone(), b: r.id.clone() }}>{ r.title.clone() }</AppLink>
                if other {
                    { " · " }<strong>{ "Other account of this meeting" }</strong>
                }
                <span class="count-note">{ format!(" · {}", details.join(" · ")) }</span>
            </li>
        }
    };
    html! {
        <section class="compare-pick" aria-labelledby="compare-title">
            <h1 id="compare-title" tabindex="-1">
                { "Compare " }
                <AppLink to={Route::Readout { id: a.clone() }}>{ title.clone() }</AppLink>
                { " with…" }
            </h1>
            <p>{ "Find another readout to see the two side by side, topic by topic: what each attributes to each leader, and what each leaves out. Other accounts of this meeting come first." }</p>
            <label for="compare-find">{ "Find a readout" }</label>
            <input id="compare-find" type="search" autocomplete="off" spellcheck="false"
                aria-describedby="compare-found" value={(*find).clone()} {oninput} />
            <p id="compare-found" class="count-note" role="status">{ status }</p>
            <ul class="compare-picks">
                { for found.iter().take(SHOWN).map(|r| item(r)) }
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

    /// The readout picker of `a` over `list`, rendered at its path.
    /// The readout picker of `a` over `index` (an outline of it, as the main app hands it
    /// over, and its statement counts), rendered at its path.
    async fn readout_picker(a: String, index: SharedIndex) -> String {
        let path = Box::leak(format!("/compare/r/{a}").into_boxed_str());
        let readouts: Vec<&readouts_core::Readout> = index.corpus().readouts.iter().collect();
        let counts = StatementCounts(Rc::new(
            readouts.iter().map(|r| r.statements.len() as u32).collect(),
        ));
        let outline =
            readouts_core::Corpus::from_json(&readouts_core::export::outline_json(&readouts))
                .unwrap();
        render_at(
            path,
            SharedIndex::new(outline),
            html! {
                <ContextProvider<StatementCounts> context={counts}>
                    <ComparePickReadoutPage a={a} />
                </ContextProvider<StatementCounts>>
            },
        )
        .await
    }

    #[tokio::test]
    async fn the_other_account_comes_first_then_every_other_readout() {
        let (index, [a, b, seed]) = accounts_index();
        let html = readout_picker(a.clone(), index.clone()).await;
        let title = readout_title(index.readout(&a).unwrap()).to_string();
        assert!(html.contains(&format!(r#"<h1 id="compare-title" tabindex="-1">Compare <a href="/r/{a}">{title}</a> with…</h1>"#)), "{html}");
        assert!(
            html.contains(r#"<label for="compare-find">Find a readout</label>"#),
            "{html}"
        );
        assert!(
            html.contains(r#"class="count-note">2 readouts match.</p>"#),
            "{html}"
        );
        let items: Vec<&str> = html.split("<li>").skip(1).collect();
        assert_eq!(items.len(), 2, "{html}");
        assert!(
            items[0].starts_with(&format!(r#"<a href="/compare/r/{a}/{b}">"#)),
            "{html}"
        );
        assert!(items[0].contains("Other account of this meeting"), "{html}");
        assert!(
            items[0].contains("Office of the Prime Minister of Kestria · 5 March 2031 ·"),
            "{html}"
        );
        assert!(
            items[1].starts_with(&format!(r#"<a href="/compare/r/{a}/{seed}">"#)),
            "{html}"
        );
        assert!(!items[1].contains("Other account"), "{html}");
        // The seed has no other account: every other readout is offered all the same.
        let html = readout_picker(seed.clone(), index).await;
        assert!(
            html.contains(r#"class="count-note">2 readouts match.</p>"#),
            "{html}"
        );
        assert!(!html.contains("Other account of this meeting"), "{html}");
        assert!(
            html.contains(&format!(r#"href="/compare/r/{seed}/{a}""#)),
            "{html}"
        );
        assert!(
            html.contains(&format!(r#"href="/compare/r/{seed}/{b}""#)),
            "{html}"
        );
    }

    #[tokio::test]
    async fn an_unknown_readout_is_not_found() {
        let (index, _) = accounts_index();
        let html = readout_picker("nope".into(), index).await;
        assert!(!html.contains("compare-find"), "{html}");
        assert!(html.contains("No readout with this id"), "{html}");
    }

    fn listed(id: &str, title: &str, publisher: &str, date: &str, statements: u32) -> Listed {
        Listed::new(
            id.into(),
            title.into(),
            publisher.into(),
            date.into(),
            statements,
        )
    }

    #[test]
    fn readouts_are_found_by_title_publisher_or_date_other_accounts_then_nearest_first() {
        let list = Catalogue::new(vec![
            listed("a", "Call with Kestria", "Arvelia", "2031-03-04", 5),
            listed("far", "Summit in Örsund", "Arvelia", "2029-01-01", 9),
            listed("undated", "A statement", "", "", 1),
            listed("near", "Talks on grain", "Kestria", "2031-03-10", 2),
            listed("other", "Readout of the call", "Kestria", "2031-03-05", 4),
        ]);
        let day = days("2031-03-04");
        let ids = |found: Vec<&Listed>| found.iter().map(|r| r.id.clone()).collect::<Vec<_>>();
        // Empty: everyone but `a`, the other account first, then by distance, undated last.
        assert_eq!(
            ids(readout_matches(&list, "a", day, &["other"], " ")),
            ["other", "near", "far", "undated"]
        );
        // Without other accounts, nearest first.
        assert_eq!(
            ids(readout_matches(&list, "a", day, &[], "")),
            ["other", "near", "far", "undated"]
        );
        assert_eq!(
            ids(readout_matches(&list, "near", days("2029-01-02"), &[], "")),
            ["far", "a", "other", "undated"]
        );
        // Title words in any order, accents and case folded; the publisher; the date written
        // either way.
        assert_eq!(
            ids(readout_matches(&list, "a", day, &[], "orsund SUMMIT")),
            ["far"]
        );
        assert_eq!(
            ids(readout_matches(&list, "a", day, &[], "kestria")),
            ["other", "near"]
        );
        assert_eq!(
            ids(readout_matches(&list, "a", day, &[], "2031-03")),
            ["other", "near"]
        );
        assert_eq!(
            ids(readout_matches(&list, "a", day, &[], "10 march")),
            ["near"]
        );
        assert_eq!(
            ids(readout_matches(&list, "a", day, &[], "call")),
            ["other"]
        );
        assert_eq!(
            ids(readout_matches(&list, "a", day, &[], "nothing")),
            Vec::<String>::new()
        );
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
