//! The cards page: every statement of the corpus, filtered and searched through the URL. In
//! an embed, the statements of the URL's query without the search box and filter panel, and
//! what narrows them in a line under the heading.

use crate::components::embed_code::embed_button;
use crate::components::statement_browser::StatementBrowser;
use crate::corpus_loader::SharedIndex;
use crate::dom::{class, class_text, el, text};
use crate::embed::{frame_title, narrowed_by};
use crate::format::count;
use crate::nav::{use_embedded, use_query};
use crate::platform::use_title;
use crate::route::Route;
use yew::prelude::*;

/// The corpus in numbers, then the statement browser. Needs the index in context (see
/// [`crate::app::Shell`]).
#[component]
pub fn Home() -> Html {
    let index = use_context::<SharedIndex>();
    let embedded = use_embedded();
    let query = use_query();
    use_title(Some("Statements".to_string()));
    let Some(index) = index else {
        return Html::default();
    };
    let statements = index.statement_count();
    let readouts = index.corpus().readouts.len();
    let narrowed = narrowed_by(&index, &query);
    // Built with dom.rs's out-of-line elements (html! only for the browser component).
    let mut head = vec![el(
        "h1",
        &["id", "tabindex"],
        vec![Some("statements-title".into()), Some("-1".into())],
        vec![text("Statements")],
    )];
    if !embedded {
        head.push(embed_button(
            &Route::Home,
            &query,
            &frame_title("Statements", &narrowed),
        ));
    }
    let mut page = vec![class("div", "page-head", head)];
    if !embedded {
        page.push(class_text(
            "p",
            "summary",
            format!(
                "{} from {}",
                count(statements, "statement", "statements"),
                count(readouts, "readout", "readouts")
            ),
        ));
    } else if !narrowed.is_empty() {
        let what: Vec<String> = narrowed
            .iter()
            .map(|(what, value)| format!("{what}: {value}"))
            .collect();
        page.push(class_text("p", "summary narrowed", what.join(" · ")));
    }
    page.push(if statements == 0 {
        class_text(
            "p",
            "empty",
            "The corpus has no statements yet. Add readouts to the corpus folder and rebuild the app.",
        )
    } else {
        html! { <StatementBrowser route={Route::Home} of={statements} /> }
    });
    el(
        "section",
        &["class", "aria-labelledby"],
        vec![Some("statements".into()), Some("statements-title".into())],
        page,
    )
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::corpus_loader::read_corpus;
    use crate::test_support::{render_at, sample_index};

    #[tokio::test]
    async fn lists_every_statement_as_a_card_with_filters() {
        let html = render_at("/", sample_index(), html! { <Home /> }).await;
        assert!(
            html.contains("<h1 id=\"statements-title\" tabindex=\"-1\">Statements</h1>"),
            "{html}"
        );
        assert!(html.contains("4 statements from 2 readouts"), "{html}");
        assert_eq!(html.matches("<article ").count(), 4, "{html}");
        assert!(html.contains(r#"<form role="search""#), "{html}");
        assert!(
            html.contains(r#"aria-labelledby="filters-title""#),
            "{html}"
        );
        assert!(html.contains("<legend>Speaker</legend>"), "{html}");
    }

    #[tokio::test]
    async fn the_url_query_filters_and_marks_the_cards() {
        let html = render_at("/?q=cooperation", sample_index(), html! { <Home /> }).await;
        assert_eq!(html.matches("<article ").count(), 1, "{html}");
        assert!(html.contains("deepen <mark>cooperation</mark>."), "{html}");
        assert!(html.contains("1 of 4 statements"), "{html}");
        assert!(html.contains("Remove search: cooperation"), "{html}");
    }

    #[tokio::test]
    async fn an_embed_counts_without_the_corpus_size_unless_asked() {
        use crate::nav::Embedded;
        let embedded = |total| {
            html! {
                <ContextProvider<Embedded> context={Embedded { total }}><Home /></ContextProvider<Embedded>>
            }
        };
        let count = |n: &str| format!(r#"<p aria-hidden="true" class="result-count">{n}</p>"#);
        let html = render_at("/embed/?q=cooperation", sample_index(), embedded(false)).await;
        assert!(html.contains(&count("1 statement")), "{html}");
        assert!(!html.contains(" of 4"), "{html}");
        let html = render_at(
            "/embed/?q=cooperation&total=1",
            sample_index(),
            embedded(true),
        )
        .await;
        assert!(html.contains(&count("1 of 4 statements")), "{html}");
        let html = render_at("/embed/", sample_index(), embedded(false)).await;
        assert!(html.contains(&count("4 statements")), "{html}");
    }

    #[tokio::test]
    async fn an_empty_corpus_says_so() {
        let index = read_corpus(br#"{"schema_version": 1, "readouts": []}"#).unwrap();
        let html = render_at("/", index, html! { <Home /> }).await;
        assert!(html.contains("0 statements from 0 readouts"), "{html}");
        assert!(html.contains("The corpus has no statements yet"), "{html}");
        assert!(!html.contains("<article"), "{html}");
    }
}
