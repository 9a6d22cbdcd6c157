//! The "Embed" button of a view: a disclosure (`<details>`) revealing the embed code of the
//! view as shown (an `<iframe>` of its `/embed/` URL with the current query, titled,
//! lazy-loaded, and the host script; see [`embed_code`]) as text in a read-only text area,
//! with a "Copy" button (the clipboard, else the text selected for the reader to copy) and a
//! polite status message. A function, not a component: it keeps no state (the browser keeps
//! the disclosure's, [`copy_embed_code`] writes the status).

use crate::embed::{base_url, copy_embed_code, embed_code};
use crate::route::Route;
use readouts_core::query::Query;
use yew::prelude::*;

const TEXT_ID: &str = "embed-code-text";
const STATUS_ID: &str = "embed-code-status";

/// The Embed button of the view at `route` showing `query`, whose iframe is titled `title`
/// (see [`crate::embed::frame_title`]). Pages leave it out in embeds.
pub fn embed_button(route: &Route, query: &Query, title: &str) -> Html {
    let Some(code) = embed_code(&base_url(), route, query, title) else {
        return Html::default();
    };
    let copy = Callback::from(|_: MouseEvent| {
        yew::platform::spawn_local(copy_embed_code(TEXT_ID, STATUS_ID));
    });
    html! {
        <details class="embed-code">
            <summary class="embed-toggle">{ "Embed" }</summary>
            <div class="embed-panel">
                <label for={TEXT_ID}>{ "Embed this view on your site" }</label>
                <p class="hint" id="embed-code-hint">
                    { "Paste this code into your page: the iframe shows this view as it is now, and the script sizes it to its content." }
                </p>
                <textarea id={TEXT_ID} class="embed-text" readonly=true rows="5" spellcheck="false" aria-describedby="embed-code-hint" value={code} />
                <div class="embed-actions">
                    <button type="button" class="embed-copy" onclick={copy}>{ "Copy" }</button>
                    <p class="embed-status" id={STATUS_ID} role="status"></p>
                </div>
            </div>
        </details>
    }
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
}
