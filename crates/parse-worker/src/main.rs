//! The parse worker: the readout parser in a Web Worker, so that the app's import parses off
//! the main thread and the parser's code is not part of the app's first load (Trunk builds it
//! from `index.html`'s `data-type="worker"` link; the import page spawns it).
//!
//! Messages are plain objects. Once it listens, the worker posts `{ready: true}`: a message
//! sent before that may be lost (a module worker's script runs its wasm set-up after its first
//! messages may already have been dispatched), so the page waits for it. A request: `{seq, name, text, kind, title, publisher, url,
//! published}` (`kind` `"json"` for a corpus or readout JSON, else readout text; the last four
//! replace what the text gave, empty strings keep it). Its answer: `{seq, json}` (a corpus:
//! what `readouts parse` prints for readout text, a compact checked corpus for JSON) or
//! `{seq, error}` (in plain words, naming the file). `seq` is the request's, so that the page
//! matches answers to requests.

// Natively only the tests call it.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod protocol;

#[cfg(target_arch = "wasm32")]
fn main() {
    browser::listen();
}

/// Natively there is no page to listen to: the crate's logic is tested by `cargo test`.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("parse-worker runs in a browser's Web Worker (see index.html)");
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use crate::protocol::{answer, Request};
    use js_sys::{Object, Reflect};
    use readouts_core::header::Header;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    /// Answers every message the page sends, for as long as the worker lives.
    pub fn listen() {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let reply_to = scope.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let data = event.data();
            let seq = Reflect::get(&data, &"seq".into()).unwrap_or(JsValue::NULL);
            let reply = Object::new();
            let _ = Reflect::set(&reply, &"seq".into(), &seq);
            let (key, value) = match answer(&request(&data)) {
                Ok(json) => ("json", json),
                Err(error) => ("error", error),
            };
            let _ = Reflect::set(&reply, &key.into(), &value.into());
            let _ = reply_to.post_message(&reply);
        });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        let ready = Object::new();
        let _ = Reflect::set(&ready, &"ready".into(), &JsValue::TRUE);
        let _ = scope.post_message(&ready);
    }

    /// The request in a message; a missing or non-string field is empty.
    fn request(data: &JsValue) -> Request {
        let text = |key: &str| {
            Reflect::get(data, &key.into())
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default()
        };
        let field = |key: &str| Some(text(key)).filter(|v| !v.trim().is_empty());
        Request {
            name: text("name"),
            text: text("text"),
            kind: text("kind"),
            fields: Header {
                title: field("title"),
                url: field("url"),
                publisher: field("publisher"),
                published: field("published").map(|d| d.trim().to_string()),
            },
        }
    }
}
