//! `/import` (in the site navigation, never in embeds): the page's heading and the container
//! of the import page's own wasm app (`crates/import-app`, a lazy app: [`crate::lazy`]), so
//! that its code is downloaded only by readers who open it. A plain function, not a component:
//! the layout ([`crate::app::Shell`]) mounts and unmounts the import page's app as the route
//! comes and goes.

use crate::lazy::container;
use yew::prelude::*;

/// The lazy app of the import page (`import-app.js`, `import-app_bg.wasm`).
pub const APP: &str = "import-app";

/// The page around the import page's app.
pub fn import_page() -> Html {
    html! {
        <section class="import-page" aria-labelledby="import-title">
            <h1 id="import-title" tabindex="-1">{ "Import readouts" }</h1>
            { container(APP) }
        </section>
    }
}
