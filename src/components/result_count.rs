//! How many statements match: shown at once, and announced to screen readers politely once
//! the count has stopped changing for a moment (not on every keystroke).

use crate::format::count;
use gloo_timers::callback::Timeout;
use yew::prelude::*;

/// How long the count must stay the same before it is announced.
const SETTLE_MS: u32 = 800;

#[derive(Properties, PartialEq)]
pub struct ResultCountProps {
    pub total: usize,
    /// The whole corpus' statement count, said when it differs ("12 of 14 statements").
    pub of: usize,
}

#[component]
pub fn ResultCount(props: &ResultCountProps) -> Html {
    let text = if props.total == props.of {
        count(props.total, "statement", "statements")
    } else {
        format!(
            "{} of {}",
            crate::format::thousands(props.total),
            count(props.of, "statement", "statements")
        )
    };
    let announced = use_state(String::new);
    {
        let announced = announced.clone();
        use_effect_with(text.clone(), move |text| {
            let text = text.clone();
            let timeout = Timeout::new(SETTLE_MS, move || announced.set(text));
            move || drop(timeout)
        });
    }
    html! {
        <>
            <p class="result-count" aria-hidden="true">{ text }</p>
            <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" id="result-announcement">
                { (*announced).clone() }
            </p>
        </>
    }
}
