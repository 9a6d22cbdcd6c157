//! The page for any path the app does not know.

use crate::route::Route;
use yew::prelude::*;
use yew_router::prelude::*;

/// Says the page does not exist and links back to the statements.
#[component]
pub fn NotFound() -> Html {
    let path = use_location().map(|location| location.path().to_string());
    html! {
        <section class="not-found" aria-labelledby="not-found-title">
            <h1 id="not-found-title">{ "Page not found" }</h1>
            if let Some(path) = path {
                <p>{ "There is no page at " }<code>{ path }</code>{ "." }</p>
            }
            <p><Link<Route> to={Route::Home}>{ "See all statements" }</Link<Route>></p>
        </section>
    }
}
