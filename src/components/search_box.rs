//! The search box: a search landmark with a labelled input and a one-line syntax hint.
//!
//! The text lives in the URL (`q`), which drops surrounding spaces; the box keeps what was
//! typed ("china ") and only takes the URL's value when it really changes (back, forward,
//! "clear all"). Every keystroke is reported at once (the results follow it); the browser
//! writes the URL once typing pauses, or when the box reports that the text is settled (the
//! box left, Enter): see [`crate::components::deferred_search`].

use yew::prelude::*;

/// The id of the search input, for labels and tests.
pub const SEARCH_INPUT_ID: &str = "search-input";

#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    /// The search text of the URL.
    pub value: AttrValue,
    /// What the input is labelled ("Search statements").
    #[prop_or(AttrValue::Static("Search statements"))]
    pub label: AttrValue,
    /// Called on every keystroke with the new text.
    pub on_change: Callback<String>,
    /// Called when the text is settled for now: the box lost focus, or Enter was pressed.
    #[prop_or_default]
    pub on_settle: Callback<()>,
}

#[component]
pub fn SearchBox(props: &SearchBoxProps) -> Html {
    let draft = use_state(|| props.value.to_string());
    {
        let draft = draft.clone();
        use_effect_with(props.value.clone(), move |value| {
            if draft.trim() != value.trim() {
                draft.set(value.to_string());
            }
        });
    }
    let oninput = {
        let draft = draft.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let text = input.value();
            draft.set(text.clone());
            on_change.emit(text);
        })
    };
    let onblur = props.on_settle.reform(|_: FocusEvent| ());
    let onsubmit = props.on_settle.reform(|e: SubmitEvent| e.prevent_default());
    html! {
        <form class="search" role="search" {onsubmit}>
            <label for={SEARCH_INPUT_ID}>{ props.label.clone() }</label>
            <input
                id={SEARCH_INPUT_ID}
                type="search"
                value={(*draft).clone()}
                autocomplete="off"
                spellcheck="false"
                aria-describedby="search-hint"
                {oninput}
                {onblur}
            />
            <p id="search-hint" class="hint">
                { "Words match text, speakers, countries and topics by their beginning · " }
                <kbd>{ "\"exact phrase\"" }</kbd>{ " · " }<kbd>{ "-word" }</kbd>{ " excludes · " }
                <kbd>{ "a OR b" }</kbd>{ " · " }<kbd>{ "speaker:" }</kbd>{ " " }<kbd>{ "topic:" }</kbd>
                { " " }<kbd>{ "country:" }</kbd>{ " " }<kbd>{ "verb:" }</kbd>{ " look in one field" }
            </p>
        </form>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::test_support::render;

    #[tokio::test]
    async fn a_labelled_search_landmark_with_a_hint() {
        let html = render::<SearchBox>(SearchBoxProps {
            value: "\"global south\" <x>".into(),
            label: "Search statements".into(),
            on_change: Callback::noop(),
            on_settle: Callback::noop(),
        })
        .await;
        assert!(
            html.contains(r#"<form role="search" class="search">"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<label for="search-input">Search statements</label>"#),
            "{html}"
        );
        assert!(html.contains(r#"aria-describedby="search-hint""#), "{html}");
        assert!(
            html.contains("&quot;global south&quot; &lt;x&gt;"),
            "{html}"
        );
        assert!(html.contains("<kbd>-word</kbd> excludes"), "{html}");
        assert!(html.contains("<kbd>speaker:</kbd>"), "{html}");
    }
}
