//! The compare views; the core does the lining up ([`compare_accounts`], [`compare_people`]),
//! these pages only render it.
//!
//! - `/compare/r/<a>/<b>` ([`CompareReadoutsPage`]): two accounts of one meeting side by side.
//!   A header per account (publisher, title, date, length, each leader's statements and
//!   share), then one table row per topic raised in either account with what each attributes
//!   to each leader on it, "Not mentioned" where it is silent. Rows sort by "only in A", "only
//!   in B" or "in both" (the `sort` query parameter: the sort is in the URL).
//! - `/compare/p/<a>/<b>` ([`ComparePeoplePage`]): two participants side by side: topics
//!   raised by each (a diverging bar chart that is a table), readouts they share, their
//!   statements on topics both raised, and both timelines on one axis.
//!
//! Every statement links to its card and to its place in its readout's source. The views are
//! built with [`crate::dom`]'s out-of-line elements: they lay out many elements, which
//! `html!` would expand in place (see that module for the cost).

use crate::components::embed_code::embed_button;
use crate::components::highlighted_text::breakable;
use crate::components::statement_card::readout_title;
use crate::components::timeline::{span_of, timeline};
use crate::corpus_loader::SharedIndex;
use crate::dom::{bare, class, el, link, link_current, text, th, value};
use crate::embed::frame_title;
use crate::format::{count, human_date, join_names};
use crate::nav::{use_embedded, use_links, Links};
use crate::pages::not_found::{Kind, Missing};
use crate::platform::{measure, use_render_measure, use_title};
use crate::route::Route;
use readouts_core::compare::{
    account_name, compare_accounts, compare_people, AccountSide, Attributed, Comparison, Presence,
    Row, Said,
};
use readouts_core::query::{Facet, Query};
use readouts_core::{Readout, Statement};
use yew::prelude::*;
use yew_router::prelude::*;

/// The two ids of a compare view.
#[derive(Properties, PartialEq)]
pub struct PairProps {
    pub a: AttrValue,
    pub b: AttrValue,
}

/// The sorts of the rows: the `sort` parameter's value, the presence it puts first, the label.
const SORTS: [(&str, Presence, &str); 3] = [
    ("only-a", Presence::OnlyA, "Only in A first"),
    ("only-b", Presence::OnlyB, "Only in B first"),
    ("both", Presence::Both, "In both first"),
];

/// The sort named by a query string (`sort=only-a`), if any.
fn sort_of(query: &str) -> Option<usize> {
    let query = query.trim_start_matches('?');
    SORTS.iter().position(|(key, ..)| {
        query
            .split('&')
            .any(|pair| pair.strip_prefix("sort=") == Some(key))
    })
}

/// The page's head: its title as the `h1`, and the Embed button of `route` (not in an embed).
fn head(title: Html, route: &Route, frame: &str, embedded: bool) -> Html {
    class(
        "div",
        "page-head",
        vec![
            el(
                "h1",
                &["id", "tabindex"],
                vec![Some("compare-title".into()), Some("-1".into())],
                vec![title],
            ),
            if embedded {
                Html::default()
            } else {
                embed_button(route, &Query::default(), &frame_title(frame, &[]))
            },
        ],
    )
}

/// A section titled by an `h2` (`id` names it for the landmark).
fn section(id: &'static str, title: String, mut children: Vec<Html>) -> Html {
    children.insert(
        0,
        el("h2", &["id"], vec![Some(id.into())], vec![text(title)]),
    );
    el(
        "section",
        &["aria-labelledby"],
        vec![Some(id.into())],
        children,
    )
}

/// A table's column header.
fn col(name: String) -> Html {
    th("col", vec![text(name)])
}

/// Two accounts of one meeting side by side (see the module's documentation).
#[component]
pub fn CompareReadoutsPage(props: &PairProps) -> Html {
    use_render_measure("readouts:compare-view");
    let index = use_context::<SharedIndex>();
    let embedded = use_embedded();
    let links = use_links();
    let query = use_location()
        .map(|l| l.query_str().to_string())
        .unwrap_or_default();
    let pair = index
        .as_ref()
        .map(|index| (index.readout(&props.a), index.readout(&props.b)));
    use_title(match pair {
        Some((Some(a), Some(b))) => Some(format!("{} / {}", account_name(a), account_name(b))),
        _ => None,
    });
    let (a, b) = match pair {
        Some((Some(a), Some(b))) => (a, b),
        Some((None, _)) => return html! { <Missing kind={Kind::Readout} id={props.a.clone()} /> },
        Some((_, None)) => return html! { <Missing kind={Kind::Readout} id={props.b.clone()} /> },
        None => return Html::default(),
    };
    let c = measure("readouts:compare-accounts", || compare_accounts(a, b));
    let sort = sort_of(&query);
    let rows: Vec<&Row> = match sort {
        Some(i) => c.sorted(SORTS[i].1),
        None => c.rows.iter().collect(),
    };
    let route = Route::CompareReadouts {
        a: a.id.clone(),
        b: b.id.clone(),
    };
    let names = [account_name(a), account_name(b)];
    let sorts = SORTS.iter().enumerate().map(|(i, &(key, _, label))| {
        let to = links.within(route.clone(), AttrValue::from(format!("sort={key}")), None);
        link_current(to, "sort-button", sort == Some(i), vec![text(label)])
    });
    let rows = rows.into_iter().map(|row| topic_row(&c, row, &links));
    el(
        "article",
        &["class", "aria-labelledby"],
        vec![Some("compare-page".into()), Some("compare-title".into())],
        vec![
            head(
                text("Two accounts side by side"),
                &route,
                &format!("{} / {}", names[0], names[1]),
                embedded,
            ),
            class(
                "div",
                "compare-heads",
                vec![
                    account_head(&c, &c.sides[0], "A", &links),
                    account_head(&c, &c.sides[1], "B", &links),
                ],
            ),
            el(
                "div",
                &["class", "role", "aria-label"],
                vec![
                    Some("row-sorts".into()),
                    Some("group".into()),
                    Some("Sort the topics".into()),
                ],
                sorts.collect(),
            ),
            class(
                "table",
                "compare-table",
                vec![
                    bare(
                        "caption",
                        vec![text(count(
                            c.rows.iter().filter(|r| r.topic.is_some()).count(),
                            "topic raised in either account",
                            "topics raised in either account",
                        ))],
                    ),
                    bare(
                        "thead",
                        vec![bare(
                            "tr",
                            vec![
                                col("Topic".into()),
                                col(format!("A: {}", names[0])),
                                col(format!("B: {}", names[1])),
                            ],
                        )],
                    ),
                    bare("tbody", rows.collect()),
                ],
            ),
        ],
    )
}

/// One account's header: side letter and name, its title (a link to its page), date, length,
/// and each leader's statements and share.
fn account_head(c: &Comparison, side: &AccountSide, letter: &'static str, links: &Links) -> Html {
    let readout = side.readout;
    let id = format!("account-{letter}");
    let to = links.to(
        Route::Readout {
            id: readout.id.clone(),
        },
        AttrValue::default(),
        None,
    );
    let date = readout
        .event
        .date
        .as_deref()
        .map_or_else(|| "date unknown".to_string(), human_date);
    let shares = c
        .leaders
        .iter()
        .zip(&side.per_leader)
        .map(|(leader, (n, share))| {
            bare(
                "li",
                vec![text(format!(
                    "{}: {} ({share}%)",
                    leader.name(),
                    count(*n, "statement", "statements")
                ))],
            )
        });
    el(
        "section",
        &["class", "aria-labelledby"],
        vec![Some("panel account".into()), value(id.clone())],
        vec![
            el(
                "h2",
                &["id"],
                vec![value(id)],
                vec![text(format!("{letter}: {}", account_name(readout)))],
            ),
            bare(
                "p",
                vec![link(to, "", vec![text(readout_title(readout).to_string())])],
            ),
            bare(
                "p",
                vec![text(format!(
                    "{date} · {} · {}",
                    count(side.statements, "statement", "statements"),
                    count(side.words, "word", "words")
                ))],
            ),
            class("ul", "shares", shares.collect()),
        ],
    )
}

/// A topic's row: the topic and where it stands, then each account's statements on it.
fn topic_row(c: &Comparison, row: &Row, links: &Links) -> Html {
    let presence = match row.presence() {
        Presence::OnlyA => "only in A",
        Presence::OnlyB => "only in B",
        Presence::Both => "in both",
    };
    let cell = |side: usize| {
        let cell = &row.cells[side];
        if cell.is_empty() {
            return class("td", "not-mentioned", vec![text("Not mentioned")]);
        }
        let readout = c.sides[side].readout;
        let items = cell.iter().map(|s| statement_html(c, readout, s, links));
        bare("td", vec![class("ul", "compared", items.collect())])
    };
    bare(
        "tr",
        vec![
            th(
                "row",
                vec![
                    text(
                        row.topic
                            .clone()
                            .unwrap_or_else(|| "Without a topic".into()),
                    ),
                    class("span", "presence", vec![text(presence)]),
                ],
            ),
            cell(0),
            cell(1),
        ],
    )
}

/// A statement of account `readout` with its leaders (marked when joint).
fn statement_html(c: &Comparison, readout: &Readout, s: &Attributed, links: &Links) -> Html {
    let names: Vec<&str> = s.leaders.iter().map(|&l| c.leaders[l].name()).collect();
    let who = if names.is_empty() {
        "Unattributed".to_string()
    } else {
        join_names(&names)
    };
    let who = if s.joint {
        format!("{who} (joint)")
    } else {
        who
    };
    said_html(who, readout, s.statement, links)
}

/// A statement: who said it, verb and text, a link to its card and one to its place in the
/// source (the readout page's anchor).
fn said_html(who: String, readout: &Readout, statement: &Statement, links: &Links) -> Html {
    let card = links.to(
        Route::Statement {
            id: statement.id.clone(),
        },
        AttrValue::default(),
        None,
    );
    let source = links.to(
        Route::Readout {
            id: readout.id.clone(),
        },
        AttrValue::default(),
        Some(AttrValue::from(statement.id.clone())),
    );
    bare(
        "li",
        vec![
            bare("strong", vec![text(who)]),
            text(format!(" {}: ", statement.verb)),
            breakable(&statement.text),
            text(" "),
            link(card, "", vec![text("Card")]),
            text(" · "),
            link(source, "", vec![text("In the source")]),
        ],
    )
}

/// Topics in the diverging chart.
const TOPICS: usize = 15;
/// Shared topics shown with statements, and statements shown per participant on each.
const SHARED_TOPICS: usize = 10;
const PER_TOPIC: usize = 3;
/// Shared readouts listed.
const READOUTS: usize = 20;

/// Two participants side by side (see the module's documentation).
#[component]
pub fn ComparePeoplePage(props: &PairProps) -> Html {
    use_render_measure("readouts:compare-view");
    let index = use_context::<SharedIndex>();
    let embedded = use_embedded();
    let links = use_links();
    let names = use_memo(
        (index.clone(), props.a.clone(), props.b.clone()),
        |(index, a, b)| {
            let name = |id: &str| {
                index
                    .as_ref()?
                    .corpus()
                    .readouts
                    .iter()
                    .find_map(|r| r.participant(id))
                    .map(|p| p.name.clone())
            };
            (name(a), name(b))
        },
    );
    use_title(match &*names {
        (Some(a), Some(b)) => Some(format!("{a} / {b}")),
        _ => None,
    });
    let (Some(index), (Some(a), Some(b))) = (index, &*names) else {
        let missing = if names.0.is_none() {
            &props.a
        } else {
            &props.b
        };
        return html! { <Missing kind={Kind::Participant} id={missing.clone()} /> };
    };
    let c = measure("readouts:compare-people", || {
        compare_people(index.corpus(), &props.a, &props.b)
    });
    let route = Route::CompareParticipants {
        a: props.a.to_string(),
        b: props.b.to_string(),
    };
    let person = |id: &AttrValue, name: &str| {
        let to = links.to(
            Route::Participant { id: id.to_string() },
            AttrValue::default(),
            None,
        );
        link(to, "", vec![text(name.to_string())])
    };
    let topics = &c.topics[..c.topics.len().min(TOPICS)];
    let max = topics
        .iter()
        .flat_map(|t| t.counts)
        .max()
        .unwrap_or(1)
        .max(1);
    let topic_rows = topics.iter().map(|t| {
        bare(
            "tr",
            vec![
                class(
                    "td",
                    "num",
                    vec![bar(t.counts[0], max, true), text(t.counts[0].to_string())],
                ),
                th("row", vec![text(t.topic.clone())]),
                bare(
                    "td",
                    vec![text(t.counts[1].to_string()), bar(t.counts[1], max, false)],
                ),
            ],
        )
    });
    let readouts = c.shared_readouts.iter().take(READOUTS).map(|r| {
        let to = links.to(
            Route::Readout { id: r.id.clone() },
            AttrValue::default(),
            None,
        );
        bare(
            "li",
            vec![link(to, "", vec![text(readout_title(r).to_string())])],
        )
    });
    let shared = c
        .shared_topics
        .iter()
        .take(SHARED_TOPICS)
        .map(|(topic, lists)| {
            class(
                "div",
                "shared-topic",
                vec![
                    bare("h3", vec![text(topic.clone())]),
                    class(
                        "div",
                        "compare-heads",
                        vec![
                            said_list(a, &props.a, topic, &lists[0], &links),
                            said_list(b, &props.b, topic, &lists[1], &links),
                        ],
                    ),
                ],
            )
        });
    let timelines = match span_of(&[&c.timelines[0], &c.timelines[1]]) {
        Some(span) => class(
            "div",
            "compare-heads",
            vec![
                timeline(
                    "timeline-a",
                    &format!("Statements by {a} per month"),
                    &c.timelines[0],
                    span,
                ),
                timeline(
                    "timeline-b",
                    &format!("Statements by {b} per month"),
                    &c.timelines[1],
                    span,
                ),
            ],
        ),
        None => class("p", "empty", vec![text("No dated statement.")]),
    };
    el(
        "article",
        &["class", "aria-labelledby"],
        vec![Some("compare-page".into()), Some("compare-title".into())],
        vec![
            head(
                bare(
                    "span",
                    vec![person(&props.a, a), text(" and "), person(&props.b, b)],
                ),
                &route,
                &format!("{a} / {b}"),
                embedded,
            ),
            section(
                "topics-title",
                "Topics raised".into(),
                vec![class(
                    "table",
                    "diverging",
                    vec![
                        bare(
                            "caption",
                            vec![text(format!(
                                "Statements on each topic, most raised first (at most {TOPICS})"
                            ))],
                        ),
                        bare(
                            "thead",
                            vec![bare(
                                "tr",
                                vec![col(a.clone()), col("Topic".into()), col(b.clone())],
                            )],
                        ),
                        bare("tbody", topic_rows.collect()),
                    ],
                )],
            ),
            section(
                "shared-readouts-title",
                format!("Readouts they share ({})", c.shared_readouts.len()),
                vec![class("ul", "short-list", readouts.collect())],
            ),
            section(
                "shared-topics-title",
                "On the topics both raised".into(),
                shared.collect(),
            ),
            section(
                "timelines-title",
                "Statements per month".into(),
                vec![timelines],
            ),
        ],
    )
}

/// A bar of `n` out of `max` for a table cell, growing leftwards (`left`) or rightwards; its
/// figure is the cell's text.
fn bar(n: usize, max: usize, left: bool) -> Html {
    let width = n * 100 / max;
    let x = if left { 100 - width } else { 0 };
    el(
        "svg",
        &["class", "aria-hidden", "viewBox", "preserveAspectRatio"],
        vec![
            Some("cell-bar".into()),
            Some("true".into()),
            Some("0 0 100 10".into()),
            Some("none".into()),
        ],
        vec![el(
            "rect",
            &["x", "width", "height"],
            vec![
                value(x.to_string()),
                value(width.to_string()),
                Some("10".into()),
            ],
            vec![],
        )],
    )
}

/// The first statements of one participant on a topic, with a link to all of them.
fn said_list(name: &str, id: &str, topic: &str, said: &[Said], links: &Links) -> Html {
    let all = Query::default()
        .toggled(Facet::Speaker, id)
        .toggled(Facet::Topic, topic);
    let all = links.to(Route::Home, AttrValue::from(all.to_query_string()), None);
    let items = said
        .iter()
        .take(PER_TOPIC)
        .map(|(readout, statement)| said_html(name.to_string(), readout, statement, links));
    bare(
        "div",
        vec![
            class("ul", "compared", items.collect()),
            link(
                all,
                "",
                vec![text(format!(
                    "All {} by {name}",
                    count(said.len(), "statement", "statements")
                ))],
            ),
        ],
    )
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::test_support::{accounts_index, render_at, sample_index};

    fn leak(path: String) -> &'static str {
        Box::leak(path.into_boxed_str())
    }

    #[tokio::test]
    async fn two_accounts_side_by_side_with_what_each_leaves_out() {
        let (index, [a, b, _]) = accounts_index();
        let html = render_at(
            leak(format!("/compare/r/{a}/{b}")),
            index.clone(),
            html! { <CompareReadoutsPage a={a.clone()} b={b.clone()} /> },
        )
        .await;
        assert!(
            html.contains(r#"<h2 id="account-A">A: Ministry of Foreign Affairs of Arvelia</h2>"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<h2 id="account-B">B: Office of the Prime Minister of Kestria</h2>"#),
            "{html}"
        );
        assert!(html.contains("Tomas Brenn: 4 statements (80%)"), "{html}");
        assert!(html.contains("Ilse Varo: 3 statements (100%)"), "{html}");
        // Sanctions: only Arvelia's account; Kestria's cell says so.
        assert!(
            html.contains(r#"<th scope="row">unilateral sanctions<span class="presence">only in A</span></th>"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<td class="not-mentioned">Not mentioned</td>"#),
            "{html}"
        );
        assert!(html.contains("(joint)"), "{html}");
        // Each statement links to its card and its place in the source.
        let first = &index.readout(&a).unwrap().statements[0].id;
        assert!(html.contains(&format!(r#"href="/s/{first}""#)), "{html}");
        assert!(
            html.contains(&format!(r#"href="/r/{a}#{first}""#)),
            "{html}"
        );
        assert_eq!(html.matches(r#"class="sort-button""#).count(), 3, "{html}");
        assert!(!html.contains("aria-current"), "no sort chosen: {html}");
    }

    #[tokio::test]
    async fn the_sort_is_in_the_url() {
        let (index, [a, b, _]) = accounts_index();
        let html = render_at(
            leak(format!("/compare/r/{a}/{b}?sort=only-a")),
            index,
            html! { <CompareReadoutsPage a={a.clone()} b={b.clone()} /> },
        )
        .await;
        assert!(
            html.contains(&format!(r#"<a href="/compare/r/{a}/{b}?sort=only-a" class="sort-button" aria-current="true">Only in A first</a>"#)),
            "{html}"
        );
        let rows: Vec<&str> = html.split("<th scope=\"row\">").skip(1).collect();
        assert!(rows[0].starts_with("unilateral sanctions"), "{}", rows[0]);
        assert!(
            rows.last().unwrap().starts_with("Without a topic"),
            "{html}"
        );
    }

    #[tokio::test]
    async fn unknown_ids_are_not_found() {
        let (index, [a, _, _]) = accounts_index();
        let html = render_at(
            "/compare/r/x/y",
            index,
            html! { <CompareReadoutsPage a={a.clone()} b="nope" /> },
        )
        .await;
        assert!(html.contains("No readout with this id"), "{html}");
        assert!(html.contains("<code>nope</code>"), "{html}");
        let html = render_at(
            "/compare/p/x/y",
            sample_index(),
            html! { <ComparePeoplePage a="nobody" b="xi-jinping" /> },
        )
        .await;
        assert!(html.contains("No participant with this id"), "{html}");
    }

    #[tokio::test]
    async fn two_participants_side_by_side() {
        let html = render_at(
            "/compare/p/xi-jinping/vladimir-putin",
            sample_index(),
            html! { <ComparePeoplePage a="xi-jinping" b="vladimir-putin" /> },
        )
        .await;
        assert!(
            html.contains(r#"<a href="/p/xi-jinping">Xi Jinping</a> and <a href="/p/vladimir-putin">Vladimir Putin</a>"#),
            "{html}"
        );
        // Xi raised SCO once, Putin never: the table row, with its bars hidden from readers.
        assert!(
            html.contains(
                r#"<th scope="row">SCO</th><td>0<svg class="cell-bar" aria-hidden="true""#
            ),
            "{html}"
        );
        assert!(html.contains("Readouts they share (1)"), "{html}");
        assert!(html.contains(r#"href="/r/astana""#), "{html}");
        assert!(
            html.contains("Statements by Xi Jinping per month"),
            "{html}"
        );
        assert!(
            html.contains("Statements by Vladimir Putin per month"),
            "{html}"
        );
    }
}
