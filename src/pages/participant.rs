//! A participant's page (`/p/<id>`): who they are (names, titles, countries, roles), how
//! much they said, the topics they raise most (a bar chart), the readouts they appear in, the
//! people they met, their statements per month (a timeline, with its table), and all their
//! statements with filters and search scoped to them.

use crate::components::bar_chart::bar_chart;
use crate::components::embed_code::embed_button;
use crate::components::statement_browser::StatementBrowser;
use crate::components::timeline::timeline;
use crate::corpus_loader::SharedIndex;
use crate::embed::{frame_title, narrowed_by};
use crate::format::{count, human_date, is_iso_date};
use crate::nav::{use_embedded, use_query, AppLink};
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
    let embedded = use_embedded();
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
    html! {
        <div class="participant-page">
            <section class="person" aria-labelledby="person-title">
                <div class="page-head">
                    <h1 id="person-title" tabindex="-1">{ &person.name }</h1>
                    if let (Some(index), false) = (&index, embedded) {
                        { embed_button(&Route::Participant { id: person.id.clone() }, &query, &frame_title(&person.name, &narrowed_by(index, &query))) }
                    }
                </div>
                { about(person) }
                <ul class="stats">
                    <li><strong>{ count(person.statements, "statement", "statements") }</strong></li>
                    <li><strong>{ count(readouts, "readout", "readouts") }</strong></li>
                    <li><strong>{ count(person.met.len(), "person met", "people met") }</strong></li>
                </ul>
            </section>
            <div class="person-grid">
                <section class="panel" aria-labelledby="topics-title">
                    <h2 id="topics-title">{ "Topics raised most" }</h2>
                    if topics.is_empty() {
                        <p class="empty">{ "No topic was found in their statements." }</p>
                    } else {
                        { bar_chart("topics-chart", &format!("Topics {} raised, by number of statements", person.name), &topics, ("statement", "statements")) }
                    }
                </section>
                <section class="panel" aria-labelledby="timeline-title">
                    <h2 id="timeline-title">{ "Readouts" }<span class="heading-note">{ " newest first" }</span></h2>
                    { short_list("readouts", person.timeline.iter().rev().map(|(id, title, date, role)| html! {
                            <li class="timeline-item">
                                { date_html(date.as_deref()) }
                                <span>
                                    <AppLink to={Route::Readout { id: id.clone() }}>{ title }</AppLink>
                                    if *role == Role::Attendee {
                                        <span class="role-note">{ " (attending)" }</span>
                                    }
                                </span>
                            </li>
                        })) }
                </section>
                <section class="panel" aria-labelledby="met-title">
                    <h2 id="met-title">{ "Met with" }</h2>
                    if person.met.is_empty() {
                        <p class="empty">{ "Nobody else is named in their readouts." }</p>
                    } else {
                        { short_list("people", person.met.iter().map(|(id, name, n)| html! {
                                <li>
                                    <AppLink to={Route::Participant { id: id.clone() }}>{ name }</AppLink>
                                    <span class="count-note">{ format!(" {}", count(*n, "readout", "readouts")) }</span>
                                </li>
                            })) }
                    }
                </section>
            </div>
            <section class="panel" aria-labelledby="months-title">
                <h2 id="months-title">{ "Statements per month" }</h2>
                if let (Some(first), Some(last)) = (months.first(), months.last()) {
                    { timeline("month-chart", &format!("Statements by {} per month", person.name), &months, (first.month, last.month)) }
                } else {
                    <p class="empty">{ "None of their readouts is dated." }</p>
                }
            </section>
            <StatementBrowser
                route={Route::Participant { id: person.id.clone() }}
                scope={(Facet::Speaker, AttrValue::from(person.id.clone()))}
                of={person.statements}
                title={format!("Statements by {}", person.name)}
                search_label={format!("Search {}’s statements", person.name)}
            />
        </div>
    }
}

/// Titles, countries, roles and other names, as a description list.
fn about(person: &PersonSummary) -> Html {
    let row = |term: &'static str, values: Vec<String>| {
        (!values.is_empty()).then(|| {
            html! { <><dt>{ term }</dt><dd>{ values.join(", ") }</dd></> }
        })
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
    html! {
        <dl class="about">
            { for row(if person.titles.len() == 1 { "Title" } else { "Titles" }, person.titles.clone()) }
            { for row(if person.countries.len() == 1 { "Country" } else { "Countries" }, person.countries.clone()) }
            { for row("Roles", roles) }
            { for row("Also named", person.aliases.clone()) }
        </dl>
    }
}

fn date_html(date: Option<&str>) -> Html {
    match date {
        Some(d) if is_iso_date(d) => {
            html! { <time class="timeline-date" datetime={d.to_string()}>{ human_date(d) }</time> }
        }
        Some(d) => html! { <span class="timeline-date">{ d }</span> },
        None => html! { <span class="timeline-date">{ "undated" }</span> },
    }
}

/// The first [`SHORT_LIST`] items as a list, the others behind a "… more" disclosure.
fn short_list(noun: &str, items: impl Iterator<Item = Html>) -> Html {
    let mut items = items;
    let first: Vec<Html> = items.by_ref().take(SHORT_LIST).collect();
    let rest: Vec<Html> = items.collect();
    html! {
        <>
            <ul class="short-list">{ for first }</ul>
            if !rest.is_empty() {
                <details class="more">
                    <summary>{ format!("{} more {noun}", rest.len()) }</summary>
                    <ul class="short-list">{ for rest }</ul>
                </details>
            }
        </>
    }
}
