//! The few browser calls the app makes outside Yew's rendering: performance measures, the
//! document title, focus and scrolling, file downloads. Native builds (the component tests, rendered with
//! Yew's server renderer) get no-ops, so components call these without `cfg` of their own.

/// Runs `f` and records how long it took as a performance measure called `name`
/// (`readouts:query`, `readouts:index`, …), which the browser tests and benchmarks read with
/// `performance.getEntriesByName(name)`.
pub fn measure<T>(name: &str, f: impl FnOnce() -> T) -> T {
    #[cfg(target_arch = "wasm32")]
    {
        let performance = web_sys::window().and_then(|w| w.performance());
        let start = format!("{name}:start");
        if let Some(p) = &performance {
            let _ = p.mark(&start);
        }
        let out = f();
        if let Some(p) = &performance {
            let _ = p.measure_with_start_mark(name, &start);
            p.clear_marks_with_mark_name(&start);
        }
        out
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = name;
        f()
    }
}

/// Records the time from this render of the calling component to its effect, which runs once
/// the render is in the page (its view computed, its elements and its children's made and
/// inserted), as the performance measure `name`, on every render. The compare views' render
/// time is read by `bench/compare-views.bench.mjs` this way.
#[yew::hook]
pub fn use_render_measure(name: &'static str) {
    #[cfg(target_arch = "wasm32")]
    {
        let start = format!("{name}:start");
        if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
            let _ = p.mark(&start);
        }
        yew::use_effect(move || {
            if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
                let _ = p.measure_with_start_mark(name, &start);
                p.clear_marks_with_mark_name(&start);
            }
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = name;
}

/// Sets the document title to `page` (see [`set_title`]) whenever it changes; `None` leaves
/// the title to another component (a page that found nothing leaves it to its not-found page,
/// whose effect runs first).
#[yew::hook]
pub fn use_title(page: Option<String>) {
    yew::use_effect_with(page, |page| {
        if let Some(page) = page {
            set_title(page);
        }
    });
}

/// Sets the document title: "`page` · readouts", or "readouts" for an empty `page`, and the
/// meta description: the title, then what the site is.
pub fn set_title(page: &str) {
    let title = if page.is_empty() {
        "readouts".to_string()
    } else {
        format!("{} · readouts", crate::format::short(page))
    };
    #[cfg(target_arch = "wasm32")]
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(&title);
        // The page's own description, for link previews and search results.
        if let Ok(Some(meta)) = document.query_selector("meta[name=description]") {
            let what = "who said what in leaders' meeting readouts, with the readout each statement comes from.";
            let _ = meta.set_attribute("content", &format!("{title}: {what}"));
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = title;
}

/// Sets the meta description (after [`set_title`], which sets one of its own): a page
/// describes itself with what it shows (a statement page, its citation).
pub fn set_description(description: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        if let Ok(Some(meta)) = document.query_selector("meta[name=description]") {
            let _ = meta.set_attribute("content", description);
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = description;
}

/// Whether the asynchronous clipboard API took `text` (false where the browser has none, or
/// refused: no permission, not a secure context).
#[cfg(target_arch = "wasm32")]
pub async fn write_clipboard(text: &str) -> bool {
    use wasm_bindgen::{JsCast, JsValue};
    let Some(window) = web_sys::window() else {
        return false;
    };
    let clipboard = js_sys::Reflect::get(&window.navigator(), &JsValue::from_str("clipboard"))
        .ok()
        .filter(JsValue::is_object);
    match clipboard {
        Some(clipboard) => {
            let clipboard: web_sys::Clipboard = clipboard.unchecked_into();
            wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
                .await
                .is_ok()
        }
        None => false,
    }
}

/// Opens the browser's share sheet (`navigator.share`, the Web Share API) with `text` and
/// `url`; nothing where the browser has none. The reader may cancel: that is no error.
#[cfg(target_arch = "wasm32")]
pub fn share_sheet(text: &str, url: &str) {
    use wasm_bindgen::{JsCast, JsValue};
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    let Ok(share) = js_sys::Reflect::get(&navigator, &JsValue::from_str("share")) else {
        return;
    };
    let Some(share) = share.dyn_ref::<js_sys::Function>() else {
        return;
    };
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"text".into(), &text.into());
    let _ = js_sys::Reflect::set(&data, &"url".into(), &url.into());
    if let Ok(promise) = share.call1(&navigator, &data) {
        if let Ok(promise) = promise.dyn_into::<js_sys::Promise>() {
            // A cancelled share rejects; the rejection is handled here, not left unhandled.
            wasm_bindgen_futures::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            });
        }
    }
}

/// Where [`focus_id`] scrolls the element to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scroll {
    /// Nowhere: the view stays put.
    No,
    /// The top of the view.
    Start,
    /// The middle of the view.
    Center,
}

/// Focuses the element with id `id` unless it has focus already, and scrolls as asked. False
/// when there is no such element.
pub fn focus_id(id: &str, scroll: Scroll) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let document = web_sys::window().and_then(|w| w.document());
        let element = document
            .as_ref()
            .and_then(|d| d.get_element_by_id(id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        let Some(element) = element else {
            return false;
        };
        let active = document.and_then(|d| d.active_element());
        if active.as_ref() != Some(element.as_ref()) {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = element.focus_with_options(&options);
        }
        let block = match scroll {
            Scroll::No => None,
            Scroll::Start => Some(web_sys::ScrollLogicalPosition::Start),
            Scroll::Center => Some(web_sys::ScrollLogicalPosition::Center),
        };
        if let Some(block) = block {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(block);
            element.scroll_into_view_with_scroll_into_view_options(&options);
        }
        true
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (id, scroll);
        false
    }
}

/// Whether the element with id `id` has focus.
pub fn has_focus(id: &str) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element())
            .is_some_and(|e| e.id() == id)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = id;
        false
    }
}

/// After a move to another page: focuses the page's `h1` (which has `tabindex="-1"`) without
/// scrolling, so that screen readers announce the new page.
pub fn focus_page_heading() {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let heading = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("main h1").ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(heading) = heading {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = heading.focus_with_options(&options);
        }
    }
}

/// Offers `contents` to the reader as a file download named `name`: a `Blob` of type `mime`,
/// an object URL for it, and a click on an `<a download>` (never added to the page); the URL
/// is revoked a moment later, once the browser has taken the download. Natively, nothing.
pub fn save_file(name: &str, mime: &str, contents: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        // The bytes as they are: no UTF-16 JavaScript string in between.
        let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(contents.as_bytes()));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        else {
            return;
        };
        let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
            return;
        };
        let link = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.create_element("a").ok())
            .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok());
        if let Some(link) = link {
            link.set_href(&url);
            link.set_download(name);
            link.click();
        }
        // Revoked later, not at once: a browser may still be reading the blob after the click.
        gloo_timers::callback::Timeout::new(10_000, move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        })
        .forget();
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (name, mime, contents);
}

/// Resolves in a task of its own (`setTimeout(0)`), after which the browser may paint.
#[cfg(target_arch = "wasm32")]
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Runs `f` after the browser's next paint: in a task of its own queued by the next frame's
/// callback, so that work done then does not delay that frame. Natively (component tests), at
/// once.
pub fn after_paint_then(f: impl FnOnce() + 'static) {
    #[cfg(target_arch = "wasm32")]
    after_paint_boxed(Box::new(f));
    #[cfg(not(target_arch = "wasm32"))]
    f();
}

/// [`after_paint_then`] for one closure type (each type adds its own code to the wasm): a
/// frame callback, then a task of its own ([`next_task`]).
#[cfg(target_arch = "wasm32")]
fn after_paint_boxed(f: Box<dyn FnOnce()>) {
    wasm_bindgen_futures::spawn_local(async move {
        let frame = js_sys::Promise::new(&mut |resolve, _| {
            if let Some(window) = web_sys::window() {
                let _ = window.request_animation_frame(&resolve);
            }
        });
        let _ = wasm_bindgen_futures::JsFuture::from(frame).await;
        next_task().await;
        f();
    });
}
