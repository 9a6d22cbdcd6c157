//! The "Embed" button of a view: a disclosure (`<details>`) revealing the embed code of the
//! view as shown (an `<iframe>` of its `/embed/` URL with the current query, titled,
//! lazy-loaded, and the host script; see [`embed_code`]) as text in a read-only text area,
//! the embed's own options (its colours, and for lists whether the count says the total:
//! [`own_parameters`]), a "Copy" button (the clipboard, else the text selected for the reader
//! to copy) and a polite status message. A function, not a component: it keeps no state (the
//! browser keeps the disclosure's and the options' controls, [`copy_embed_code`] writes the
//! status, and a change of option writes the text area's code).

use crate::embed::{base_url, copy_embed_code, embed_code, own_parameters};
use crate::route::Route;
use readouts_core::query::Query;
use yew::prelude::*;

const TEXT_ID: &str = "embed-code-text";
const STATUS_ID: &str = "embed-code-status";
const THEME_ID: &str = "embed-theme";
const TOTAL_ID: &str = "embed-total";

/// The Embed button of the view at `route` showing `query`, whose iframe is titled `title`
/// (see [`crate::embed::frame_title`]). Pages leave it out in embeds.
pub fn embed_button(route: &Route, query: &Query, title: &str) -> Html {
    let Some(code) = embed_code(&base_url(), route, query, title, &chosen()) else {
        return Html::default();
    };
    let copy = Callback::from(|_: MouseEvent| {
        yew::platform::spawn_local(copy_embed_code(TEXT_ID, STATUS_ID));
    });
    let on_option = {
        let (route, query, title) = (route.clone(), query.clone(), title.to_string());
        Callback::from(move |_: Event| {
            if let Some(code) = embed_code(&base_url(), &route, &query, &title, &chosen()) {
                show_code(&code);
            }
        })
    };
    let list = matches!(route.full(), Route::Home | Route::Participant { .. });
    html! {
        <details class="embed-code">
            <summary class="embed-toggle">{ "Embed" }</summary>
            <div class="embed-panel">
                <label for={TEXT_ID}>{ "Embed this view on your site" }</label>
                <p class="hint" id="embed-code-hint">
                    { "Paste this code into your page: the iframe shows this view as it is now, and the script sizes it to its content." }
                </p>
                <textarea id={TEXT_ID} class="embed-text" readonly=true rows="5" spellcheck="false" aria-describedby="embed-code-hint" value={code} />
                <div class="embed-options">
                    <label for={THEME_ID}>{ "Colours" }</label>
                    <select id={THEME_ID} onchange={on_option.clone()}>
                        // Marked: Yew inserts a new element's children last first, and a
                        // select picks the first option it gets (here "Dark") unless one is.
                        <option value="auto" selected=true>{ "The reader's system setting" }</option>
                        <option value="light">{ "Light" }</option>
                        <option value="dark">{ "Dark" }</option>
                    </select>
                    if list {
                        <label class="embed-total">
                            <input type="checkbox" id={TOTAL_ID} onchange={on_option} />
                            { "Count of all statements (\u{201c}3 of 14\u{201d})" }
                        </label>
                    }
                </div>
                <div class="embed-actions">
                    <button type="button" class="embed-copy" onclick={copy}>{ "Copy" }</button>
                    <p class="embed-status" id={STATUS_ID} role="status"></p>
                </div>
            </div>
        </details>
    }
}

/// The embed's own parameters as chosen in the panel's controls (none before they exist:
/// the first render, and natively). Read from the page, so that the code written when the
/// view changes under an open panel keeps the reader's choice.
fn chosen() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let document = web_sys::window().and_then(|w| w.document());
        let element = |id: &str| document.as_ref().and_then(|d| d.get_element_by_id(id));
        let theme = element(THEME_ID)
            .and_then(|e| e.dyn_into::<web_sys::HtmlSelectElement>().ok())
            .map(|select| select.value())
            .unwrap_or_default();
        let total = element(TOTAL_ID)
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
            .is_some_and(|input| input.checked());
        own_parameters(&theme, total)
    }
    #[cfg(not(target_arch = "wasm32"))]
    own_parameters("auto", false)
}

/// Writes `code` into the text area (a change of option).
fn show_code(code: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        if let Some(area) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(TEXT_ID))
            .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        {
            area.set_value(code);
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = code;
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::test_support::render;

    #[derive(Properties, PartialEq)]
    struct Props {
        query: &'static str,
        title: &'static str,
    }

    #[component]
    fn Button(props: &Props) -> Html {
        embed_button(
            &Route::Home,
            &Query::from_query_string(props.query),
            props.title,
        )
    }

    #[tokio::test]
    async fn a_disclosure_with_the_code_as_text() {
        let html = render::<Button>(Props {
            query: "q=%22deepen+cooperation%22&topic=SCO",
            title: "Statements (search: \"deepen cooperation\") · readouts",
        })
        .await;
        assert!(
            html.starts_with(
                r#"<details class="embed-code"><summary class="embed-toggle">Embed</summary>"#
            ),
            "{html}"
        );
        // The snippet is the text area's text, escaped once more as HTML text: no element.
        assert!(!html.contains("<iframe"), "{html}");
        assert!(
            html.contains(r#"&lt;iframe src="/embed/?q=%22deepen+cooperation%22&amp;amp;topic=SCO" title="Statements (search: &amp;quot;deepen cooperation&amp;quot;) · readouts" loading="lazy""#),
            "{html}"
        );
        assert!(
            html.contains(r#"&lt;script src="/embed-host.js" async&gt;&lt;/script&gt;</textarea>"#),
            "{html}"
        );
        assert!(html.contains(r#"readonly="readonly""#), "{html}");
        assert!(html.contains(r#"role="status""#), "{html}");
    }

    #[component]
    fn StatementButton() -> Html {
        embed_button(
            &Route::Statement { id: "a-s1".into() },
            &Query::default(),
            "Statement by A · readouts",
        )
    }

    #[tokio::test]
    async fn the_options_colours_and_for_lists_the_total() {
        let list = render::<Button>(Props {
            query: "topic=SCO",
            title: "Statements · readouts",
        })
        .await;
        assert!(
            list.contains(r#"<label for="embed-theme">Colours</label><select id="embed-theme"><option value="auto" selected="selected">The reader's system setting</option><option value="light">Light</option><option value="dark">Dark</option></select>"#),
            "{list}"
        );
        assert!(
            list.contains(r#"<input type="checkbox" id="embed-total">"#),
            "{list}"
        );
        // Before a choice, the code has neither parameter.
        assert!(
            !list.contains("theme=") && !list.contains("total="),
            "{list}"
        );
        let single = render::<StatementButton>(()).await;
        assert!(single.contains(r#"id="embed-theme""#), "{single}");
        assert!(!single.contains("embed-total"), "{single}");
    }
}
