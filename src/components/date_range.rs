//! The date-range control: "from" and "to" date inputs, bounded by the corpus' dates.

use yew::prelude::*;

/// The two labelled date inputs in a group. `on_change` gets the new bounds (an empty input
/// clears its bound). A function, not a component: it needs no state of its own.
pub fn date_range(
    from: Option<&str>,
    to: Option<&str>,
    extent: Option<&(String, String)>,
    on_change: &Callback<(Option<String>, Option<String>)>,
) -> Html {
    let (min, max) = match extent {
        Some((min, max)) => (Some(min.clone()), Some(max.clone())),
        None => (None, None),
    };
    let changed = |which: &'static str| {
        let on_change = on_change.clone();
        let (from, to) = (from.map(str::to_string), to.map(str::to_string));
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let value = Some(input.value()).filter(|v| !v.is_empty());
            on_change.emit(match which {
                "from" => (value, to.clone()),
                _ => (from.clone(), value),
            });
        })
    };
    html! {
        <fieldset class="facet dates" id="facet-date">
            <legend>{ "Date" }</legend>
            <div class="date-inputs">
                <label for="date-from">{ "From" }</label>
                <input id="date-from" type="date" value={from.unwrap_or_default().to_string()}
                    min={min.clone()} max={max.clone()} onchange={changed("from")} />
                <label for="date-to">{ "To" }</label>
                <input id="date-to" type="date" value={to.unwrap_or_default().to_string()}
                    {min} {max} onchange={changed("to")} />
            </div>
        </fieldset>
    }
}
