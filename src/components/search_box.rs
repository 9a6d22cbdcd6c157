//! The search box: a search landmark with a labelled input, a one-line syntax hint, and
//! suggestions for the word being typed as an ARIA combobox (the APG "list autocomplete"
//! pattern): the input is the `combobox`, the suggestions a `listbox` of `option`s it
//! controls. Down and Up move through them (the active one named by
//! `aria-activedescendant`, so focus stays in the input), Enter or a click chooses one,
//! Escape closes the list; typing opens it again.
//!
//! The text lives in the URL (`q`), which drops surrounding spaces; the box keeps what was
//! typed ("china ") and only takes the URL's value when it really changes (back, forward,
//! "clear all"). Every keystroke is reported at once (the results follow it); the browser
//! writes the URL once typing pauses, or when the box reports that the text is settled (the
//! box left, Enter): see [`crate::components::deferred_search`]. A chosen suggestion is the
//! query it applies ([`Suggestion::apply`]: the word typed becomes a facet filter).

use crate::format::short;
use readouts_core::query::{Query, Suggestion};
use std::rc::Rc;
use yew::prelude::*;

/// The id of the search input, for labels and tests.
pub const SEARCH_INPUT_ID: &str = "search-input";
/// The id of the suggestions' listbox.
const LIST_ID: &str = "search-suggestions";

#[derive(Properties)]
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
    /// The query shown (the text as typed) and the suggestions for its last word.
    #[prop_or_default]
    pub query: Rc<Query>,
    #[prop_or_default]
    pub suggestions: Rc<Vec<Suggestion>>,
    /// Called with the query a chosen suggestion gives.
    #[prop_or_default]
    pub on_choose: Callback<Query>,
}

/// The query and the suggestions are made once per text, in memos: compared by identity.
impl PartialEq for SearchBoxProps {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
            && self.label == other.label
            && Rc::ptr_eq(&self.query, &other.query)
            && Rc::ptr_eq(&self.suggestions, &other.suggestions)
            && self.on_change == other.on_change
            && self.on_settle == other.on_settle
            && self.on_choose == other.on_choose
    }
}

#[component]
pub fn SearchBox(props: &SearchBoxProps) -> Html {
    let draft = use_state(|| props.value.to_string());
    // The list is open (typing opens it) and which option is active.
    let open = use_state(|| false);
    let active = use_state(|| None::<usize>);
    {
        let draft = draft.clone();
        use_effect_with(props.value.clone(), move |value| {
            if draft.trim() != value.trim() {
                draft.set(value.to_string());
            }
        });
    }
    let shown = if *open { props.suggestions.len() } else { 0 };
    let choose = {
        let (draft, open, query) = (draft.clone(), open.clone(), props.query.clone());
        let (suggestions, on_choose) = (props.suggestions.clone(), props.on_choose.clone());
        move |i: usize| {
            if let Some(s) = suggestions.get(i) {
                let next = s.apply(&query);
                draft.set(next.text.clone());
                open.set(false);
                on_choose.emit(next);
            }
        }
    };
    let oninput = {
        let (draft, open, active) = (draft.clone(), open.clone(), active.clone());
        let on_change = props.on_change.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let text = input.value();
            draft.set(text.clone());
            open.set(true);
            active.set(None);
            on_change.emit(text);
        })
    };
    let onkeydown = {
        let (open, active, choose) = (open.clone(), active.clone(), choose.clone());
        let n = props.suggestions.len();
        Callback::from(move |e: KeyboardEvent| {
            let step = match e.key().as_str() {
                "ArrowDown" => 1,
                "ArrowUp" => n.saturating_sub(1),
                "Enter" => match (*open, *active) {
                    (true, Some(i)) => {
                        e.prevent_default();
                        return choose(i);
                    }
                    _ => return,
                },
                "Escape" if *open && n > 0 => {
                    e.prevent_default();
                    open.set(false);
                    return active.set(None);
                }
                _ => return,
            };
            if n == 0 {
                return;
            }
            e.prevent_default();
            // From no active option, Down goes to the first and Up to the last.
            let next = match (*open, *active) {
                (true, Some(i)) => (i + step) % n,
                _ if step == 1 => 0,
                _ => n - 1,
            };
            open.set(true);
            active.set(Some(next));
        })
    };
    let onblur = {
        let (open, settle) = (open.clone(), props.on_settle.clone());
        Callback::from(move |_: FocusEvent| {
            open.set(false);
            settle.emit(())
        })
    };
    let onsubmit = props.on_settle.reform(|e: SubmitEvent| e.prevent_default());
    let option_id = |i: usize| format!("suggestion-{i}");
    let active_id = active.filter(|&i| i < shown).map(option_id);
    let options = props
        .suggestions
        .iter()
        .take(shown)
        .enumerate()
        .map(|(i, s)| {
            let choose = choose.clone();
            html! {
                <li
                    role="option"
                    id={option_id(i)}
                    aria-selected={(Some(i) == *active).to_string()}
                    // Keep focus in the input: the click chooses.
                    onmousedown={|e: MouseEvent| e.prevent_default()}
                    onclick={move |_| choose(i)}
                >
                    { format!("{}: {} ({})", s.facet.label(), short(&s.label), s.count) }
                </li>
            }
        });
    html! {
        <form class="search" role="search" {onsubmit}>
            <label for={SEARCH_INPUT_ID}>{ props.label.clone() }</label>
            <div class="combo">
                <input
                    id={SEARCH_INPUT_ID}
                    type="search"
                    role="combobox"
                    aria-autocomplete="list"
                    aria-expanded={(shown > 0).to_string()}
                    aria-controls={LIST_ID}
                    aria-activedescendant={active_id}
                    value={(*draft).clone()}
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby="search-hint"
                    {oninput}
                    {onkeydown}
                    {onblur}
                />
                <ul id={LIST_ID} role="listbox" aria-label="Suggestions" hidden={shown == 0}>{ for options }</ul>
            </div>
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
            query: Rc::default(),
            suggestions: Rc::default(),
            on_choose: Callback::noop(),
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
        // A combobox controlling a listbox, closed until typing opens it.
        assert!(html.contains(r#"role="combobox""#), "{html}");
        assert!(html.contains(r#"aria-expanded="false""#), "{html}");
        assert!(
            html.contains(r#"aria-controls="search-suggestions""#),
            "{html}"
        );
        assert!(
            html.contains(r#"<ul id="search-suggestions" role="listbox" aria-label="Suggestions" hidden="hidden"></ul>"#),
            "{html}"
        );
        assert!(
            html.contains("&quot;global south&quot; &lt;x&gt;"),
            "{html}"
        );
        assert!(html.contains("<kbd>-word</kbd> excludes"), "{html}");
        assert!(html.contains("<kbd>speaker:</kbd>"), "{html}");
    }
}
