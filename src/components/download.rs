//! Downloads: the statements of a view as CSV or JSON, a readout as JSON. The files are written
//! by the core's [`readouts_core::export`] only when a button is pressed (never while
//! rendering), then handed to the browser ([`save_file`]). Permalinks in them point into this
//! copy of the app ([`base_url`]). Functions, not components: they keep no state. Pages leave
//! them out in embeds.

use crate::corpus_loader::SharedIndex;
use crate::embed::base_url;
use crate::platform::save_file;
use readouts_core::export::{corpus_json, statements_csv, statements_json};
use readouts_core::query::Query;
use std::rc::Rc;
use yew::prelude::*;

/// The two formats of statements.
#[derive(Clone, Copy)]
enum Format {
    Csv,
    Json,
}

/// "Download CSV" and "Download JSON" of every statement `query` finds (all its pages, in its
/// order), `total` of them; disabled when there are none.
pub fn statements_download(index: &SharedIndex, query: &Rc<Query>, total: usize) -> Html {
    let save = |format: Format| {
        let (index, query) = (index.clone(), query.clone());
        Callback::from(move |_: MouseEvent| save_statements(&index, &query, format))
    };
    html! {
        <div class="downloads" role="group" aria-label="Download these statements">
            { button("Download CSV", total == 0, save(Format::Csv)) }
            { button("Download JSON", total == 0, save(Format::Json)) }
        </div>
    }
}

/// A download button (one function for every one, so the app has one copy of its markup).
fn button(label: &'static str, disabled: bool, onclick: Callback<MouseEvent>) -> Html {
    html! { <button type="button" class="download" {disabled} {onclick}>{ label }</button> }
}

fn save_statements(index: &SharedIndex, query: &Query, format: Format) {
    let docs = index.matching(query);
    let rows: Vec<_> = docs.iter().map(|&doc| index.statement(doc)).collect();
    let base = base_url();
    match format {
        Format::Csv => save_file(
            "readouts-statements.csv",
            "text/csv;charset=utf-8",
            &statements_csv(&rows, &base),
        ),
        Format::Json => save_file(
            "readouts-statements.json",
            "application/json",
            &statements_json(&rows, &base),
        ),
    }
}

/// "Download JSON" of the readout `id`: a corpus file of that one readout.
pub fn readout_download(index: &SharedIndex, id: &str) -> Html {
    let (index, id) = (index.clone(), id.to_string());
    let onclick = Callback::from(move |_: MouseEvent| {
        if let Some(readout) = index.readout(&id) {
            save_file(
                &file_name(&id),
                "application/json",
                &corpus_json(&[readout]),
            );
        }
    });
    button("Download JSON", false, onclick)
}

/// `readout-<id>.json`, the id's characters outside `[A-Za-z0-9._-]` as `_` and its length
/// capped, so that any id gives a plain file name.
fn file_name(id: &str) -> String {
    let safe: String = id
        .chars()
        .take(100)
        .map(|c| match c {
            'A'..='Z' | 'a'..='z' | '0'..='9' | '.' | '_' | '-' => c,
            _ => '_',
        })
        .collect();
    format!("readout-{safe}.json")
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::nav::Embedded;
    use crate::pages::home::Home;
    use crate::pages::readout::ReadoutPage;
    use crate::test_support::{render_at, sample_index};

    const CSV: &str = r#"<button type="button" class="download">Download CSV</button>"#;

    #[tokio::test]
    async fn the_cards_and_a_readout_offer_downloads() {
        let html = render_at("/", sample_index(), html! { <Home /> }).await;
        assert!(
            html.contains(
                r#"<div role="group" aria-label="Download these statements" class="downloads">"#
            ),
            "{html}"
        );
        assert!(html.contains(CSV), "{html}");
        assert!(
            html.contains(r#"class="download">Download JSON</button>"#),
            "{html}"
        );
        // A query that finds nothing: nothing to download.
        let html = render_at("/?q=zzzz", sample_index(), html! { <Home /> }).await;
        assert!(html.contains(r#"<button type="button" disabled="disabled" class="download">Download CSV</button>"#), "{html}");
        let html = render_at(
            "/r/astana",
            sample_index(),
            html! { <ReadoutPage id="astana" /> },
        )
        .await;
        assert!(
            html.contains(r#"<button type="button" class="download">Download JSON</button>"#),
            "{html}"
        );
    }

    #[tokio::test]
    async fn embeds_offer_none() {
        let embedded = |page: Html| html! { <ContextProvider<Embedded> context={Embedded::default()}>{ page }</ContextProvider<Embedded>> };
        let html = render_at("/embed/", sample_index(), embedded(html! { <Home /> })).await;
        assert!(html.contains(r#"class="card""#), "{html}");
        assert!(!html.contains("Download"), "{html}");
        let html = render_at(
            "/embed/r/astana",
            sample_index(),
            embedded(html! { <ReadoutPage id="astana" /> }),
        )
        .await;
        assert!(html.contains("readout-title"), "{html}");
        assert!(!html.contains("Download"), "{html}");
    }

    #[test]
    fn file_names_are_plain_whatever_the_id() {
        assert_eq!(file_name("2024-07-03-a-b"), "readout-2024-07-03-a-b.json");
        assert_eq!(file_name("../x y/é"), "readout-.._x_y__.json");
        assert_eq!(
            file_name(&"z".repeat(500)).len(),
            "readout-.json".len() + 100
        );
    }
}
