//! The date-range control: "from" and "to" date inputs, bounded by the corpus' dates.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DateRangeProps {
    pub from: Option<AttrValue>,
    pub to: Option<AttrValue>,
    /// The earliest and latest dates of the corpus, `YYYY-MM-DD`.
    pub extent: Option<(AttrValue, AttrValue)>,
    /// Called with the new bounds (an empty input clears its bound).
    pub on_change: Callback<(Option<String>, Option<String>)>,
}

#[component]
pub fn DateRange(props: &DateRangeProps) -> Html {
    let (min, max) = match &props.extent {
        Some((min, max)) => (Some(min.clone()), Some(max.clone())),
        None => (None, None),
    };
    let changed = |which: &'static str| {
        let on_change = props.on_change.clone();
        let (from, to) = (props.from.clone(), props.to.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let value = Some(input.value()).filter(|v| !v.is_empty());
            let keep = |v: &Option<AttrValue>| v.as_ref().map(|v| v.to_string());
            on_change.emit(match which {
                "from" => (value, keep(&to)),
                _ => (keep(&from), value),
            });
        })
    };
    html! {
        <fieldset class="facet dates" id="facet-date">
            <legend>{ "Date" }</legend>
            <div class="date-inputs">
                <label for="date-from">{ "From" }</label>
                <input id="date-from" type="date" value={props.from.clone().unwrap_or_default()}
                    min={min.clone()} max={max.clone()} onchange={changed("from")} />
                <label for="date-to">{ "To" }</label>
                <input id="date-to" type="date" value={props.to.clone().unwrap_or_default()}
                    {min} {max} onchange={changed("to")} />
            </div>
        </fieldset>
    }
}
