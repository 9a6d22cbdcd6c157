//! `/import` (in the site navigation, never in embeds): the page's heading, a status line and
//! an empty container in which the import page's own wasm app (`crates/import-app`) is mounted
//! once loaded, so that its code is downloaded only by readers who open it. A plain function,
//! not a component: the layout ([`crate::app::Shell`]) mounts and unmounts the import page's
//! app as the route comes and goes ([`crate::imports`]).

use yew::prelude::*;

/// The id of the container of the import page's app.
pub const ROOT_ID: &str = "import-root";
/// The id of the status line ("Loading…", hidden once the import page is there, or why it is
/// not).
pub const STATUS_ID: &str = "import-status";

/// The page around the import page's app.
pub fn import_page() -> Html {
    html! {
        <section class="import-page" aria-labelledby="import-title">
            <h1 id="import-title" tabindex="-1">{ "Import readouts" }</h1>
            <p>{ "Paste a readout or drop files: they are parsed in this browser by the parser that built the bundled corpus, and their statements join the others." }</p>
            <p id={STATUS_ID} class="status" role="status">{ "Loading the import page…" }</p>
            // The import page's own app renders here: nothing of this app's goes inside.
            <div id={ROOT_ID} class="import-root"></div>
        </section>
    }
}
