//! A participant's page (`/p/<id>`): who they are (names, titles, countries, roles), how
//! much they said, the topics they raise most (a bar chart), the readouts they appear in, the
//! people they met, their statements per month (a timeline, with its table), and all their
//! statements with filters and search scoped to them.

use crate::components::bar_chart::bar_chart;
use crate::components::embed_code::embed_button;
use crate::components::statement_browser::StatementBrowser;
use crate::components::timeline::timeline;
use crate::corpus_loader::SharedIndex;
use crate::dom::{bare, class, class_text, el, link, text, value};
use crate::embed::{frame_title, narrowed_by};
use crate::format::{count, human_date, is_iso_date};
use crate::nav::{use_links, use_query, Links};
use crate::pages::not_found::{Kind, Missing};
use crate::platform::use_title;
use crate::route::Route;
use readouts_core::compare::months;
use readouts_core::query::{Facet, PersonSummary};
use readouts_core::Role;
use yew::prelude::*;

/// Topics in the chart.
const TOPICS: usize = 10;
/// Readouts and people listed before "… more".
const SHORT_LIST: usize = 10;

#[derive(Properties, PartialEq)]
pub struct ParticipantPageProps {
    pub id: AttrValue,
}

#[component]
pub fn ParticipantPage(props: &ParticipantPageProps) -> Html {
    let index = use_context::<SharedIndex>();
    let query = use_query();
    let links = use_links();
    let embedded = links.is_embedded();
    let person = use_memo((index.clone(), props.id.clone()), |(index, id)| {
        index.as_ref().and_then(|index| index.person(id))
    });
    // Worked out once per participant, not on every query of their statements.
    let months = use_memo((index.clone(), props.id.clone()), |(index, id)| {
        index
            .as_ref()
            .map(|index| months(index.corpus(), id))
            .unwrap_or_default()
    });
    use_title(person.as_ref().as_ref().map(|p| p.name.clone()));
    let Some(person) = person.as_ref() else {
        return html! { <Missing kind={Kind::Participant} id={props.id.clone()} /> };
    };
    let readouts = person.timeline.len();
    let topics: Vec<(String, usize)> = person.topics.iter().take(TOPICS).cloned().collect();
    // Built with dom.rs's out-of-line elements (html! only for components).
    let mut head = vec![el(
        "h1",
        &["id", "tabindex"],
        vec![Some("person-title".into()), Some("-1".into())],
        vec![text(person.name.clone())],
    )];
    if let (Some(index), false) = (&index, embedded) {
        // The picker of the other participant (`/compare/p/<a>`), drawn by the compare app.
        let pick = links.to(
            Route::ComparePick {
                a: person.id.clone(),
            },
            AttrValue::default(),
            None,
        );
        head.push(link(pick, "compare-with", vec![text("Compare with…")]));
        head.push(embed_button(
            &Route::Participant {
                id: person.id.clone(),
            },
            &query,
            &frame_title(&person.name, &narrowed_by(index, &query)),
        ));
    }
    let stats = [
        count(person.statements, "statement", "statements"),
        count(readouts, "readout", "readouts"),
        count(person.met.len(), "person met", "people met"),
    ]
    .into_iter()
    .map(|n| bare("li", vec![bare("strong", vec![text(n)])]))
    .collect();
    let topics_chart = if topics.is_empty() {
        empty("No topic was found in their statements.")
    } else {
        bar_chart(
            "topics-chart",
            &format!("Topics {} raised, by number of statements", person.name),
            &topics,
            ("statement", "statements"),
        )
    };
    let readout_items = person
        .timeline
        .iter()
        .rev()
        .map(|(id, title, date, role)| readout_item(&links, id, title, date.as_deref(), *role));
    let met = if person.met.is_empty() {
        empty("Nobody else is named in their readouts.")
    } else {
        short_list(
            "people",
            person
                .met
                .iter()
                .map(|(id, name, n)| met_item(&links, person, id, name, *n)),
        )
    };
    let month_chart = if let (Some(first), Some(last)) = (months.first(), months.last()) {
        timeline(
            "month-chart",
            &format!("Statements by {} per month", person.name),
            &months,
            (first.month, last.month),
        )
    } else {
        empty("None of their readouts is dated.")
    };
    let readouts_heading = vec![
        text("Readouts"),
        class_text("span", "heading-note", " newest first"),
    ];
    let browser = html! {
        <StatementBrowser
            route={Route::Participant { id: person.id.clone() }}
            scope={(Facet::Speaker, AttrValue::from(person.id.clone()))}
            of={person.statements}
            title={format!("Statements by {}", person.name)}
            search_label={format!("Search {}’s statements", person.name)}
        />
    };
    let person_section = el(
        "section",
        &["class", "aria-labelledby"],
        vec![Some("person".into()), Some("person-title".into())],
        vec![
            class("div", "page-head", head),
            about(person),
            class("ul", "stats", stats),
        ],
    );
    let readouts_panel = panel(
        "timeline-title",
        readouts_heading,
        short_list("readouts", readout_items),
    );
    let met_panel = panel("met-title", vec![text("Met with")], met);
    if person.statements == 0 {
        // Named only as attending: a plain page (who, their readouts, whom they met), not
        // empty charts and an empty search.
        let said_nothing = format!(
            "No statement in the corpus is attributed to {}: they are named in {}.",
            person.name,
            count(readouts, "readout", "readouts")
        );
        return class(
            "div",
            "participant-page",
            vec![
                person_section,
                class_text("p", "summary", said_nothing),
                class("div", "person-grid", vec![readouts_panel, met_panel]),
            ],
        );
    }
    class(
        "div",
        "participant-page",
        vec![
            person_section,
            class(
                "div",
                "person-grid",
                vec![
                    panel(
                        "topics-title",
                        vec![text("Topics raised most")],
                        topics_chart,
                    ),
                    readouts_panel,
                    met_panel,
                ],
            ),
            panel(
                "months-title",
                vec![text("Statements per month")],
                month_chart,
            ),
            browser,
        ],
    )
}

/// `<section class="panel">` headed by an `h2` with id `id` and `heading` as its content.
fn panel(id: &'static str, heading: Vec<Html>, content: Html) -> Html {
    el(
        "section",
        &["class", "aria-labelledby"],
        vec![Some("panel".into()), Some(id.into())],
        vec![el("h2", &["id"], vec![Some(id.into())], heading), content],
    )
}

/// `<p class="empty">` saying there is nothing to show.
fn empty(message: &'static str) -> Html {
    class_text("p", "empty", message)
}

/// One readout of the timeline: its date, its title linked, and whether they only attended.
fn readout_item(links: &Links, id: &str, title: &str, date: Option<&str>, role: Role) -> Html {
    let to = links.to(
        Route::Readout { id: id.to_string() },
        AttrValue::default(),
        None,
    );
    let mut what = vec![link(to, "", vec![text(title.to_string())])];
    if role == Role::Attendee {
        what.push(class_text("span", "role-note", " (attending)"));
    }
    class(
        "li",
        "timeline-item",
        vec![date_html(date), bare("span", what)],
    )
}

/// One person they met, linked, with the number of readouts they share and a link to the two
/// side by side.
fn met_item(links: &Links, person: &PersonSummary, id: &str, name: &str, readouts: usize) -> Html {
    let to = links.to(
        Route::Participant { id: id.to_string() },
        AttrValue::default(),
        None,
    );
    let compare = links.to(
        Route::CompareParticipants {
            a: person.id.clone(),
            b: id.to_string(),
        },
        AttrValue::default(),
        None,
    );
    bare(
        "li",
        vec![
            link(to, "", vec![text(name.to_string())]),
            class_text(
                "span",
                "count-note",
                format!(" {} ", count(readouts, "readout", "readouts")),
            ),
            // Its accessible name says whom with whom.
            link(
                compare,
                "compare-link",
                vec![
                    text("compare"),
                    class_text(
                        "span",
                        "visually-hidden",
                        format!(" {} with {name}", person.name),
                    ),
                ],
            ),
        ],
    )
}

/// Titles, countries, roles and other names, as a description list.
fn about(person: &PersonSummary) -> Html {
    let mut rows = Vec::new();
    let mut row = |term: &'static str, values: Vec<String>| {
        if !values.is_empty() {
            rows.push(bare("dt", vec![text(term)]));
            rows.push(bare("dd", vec![text(values.join(", "))]));
        }
    };
    let roles = person
        .roles
        .iter()
        .map(|r| match r {
            Role::Principal => "principal (the publishing side)".to_string(),
            Role::Counterpart => "counterpart".to_string(),
            Role::Attendee => "attendee".to_string(),
        })
        .collect();
    let plural = |values: &[String], one: &'static str, more: &'static str| {
        if values.len() == 1 {
            one
        } else {
            more
        }
    };
    row(
        plural(&person.titles, "Title", "Titles"),
        person.titles.clone(),
    );
    row(
        plural(&person.countries, "Country", "Countries"),
        person.countries.clone(),
    );
    row("Roles", roles);
    row("Also named", person.aliases.clone());
    class("dl", "about", rows)
}

fn date_html(date: Option<&str>) -> Html {
    match date {
        Some(d) if is_iso_date(d) => el(
            "time",
            &["class", "datetime"],
            vec![Some("timeline-date".into()), value(d.to_string())],
            vec![text(human_date(d))],
        ),
        Some(d) => class_text("span", "timeline-date", d.to_string()),
        None => class_text("span", "timeline-date", "undated"),
    }
}

/// The first [`SHORT_LIST`] items as a list, the others behind a "… more" disclosure.
fn short_list(noun: &str, items: impl Iterator<Item = Html>) -> Html {
    let mut items = items;
    let first: Vec<Html> = items.by_ref().take(SHORT_LIST).collect();
    let rest: Vec<Html> = items.collect();
    let mut list = vec![class("ul", "short-list", first)];
    if !rest.is_empty() {
        list.push(class(
            "details",
            "more",
            vec![
                bare("summary", vec![text(format!("{} more {noun}", rest.len()))]),
                class("ul", "short-list", rest),
            ],
        ));
    }
    Html::from_iter(list)
}
