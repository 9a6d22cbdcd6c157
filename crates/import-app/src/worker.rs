//! The parse worker (`crates/parse-worker`) seen from the import page: spawned once, from
//! `parse-worker_loader.js` next to the app (resolved against the document's base, so that
//! every route and a base path find it), as a module worker. Requests wait for its `ready`
//! message; each answer is matched to its request by `seq`.

use js_sys::{Function, Object, Promise, Reflect};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

/// What to parse: the worker's request without its `seq`.
pub struct Request<'a> {
    pub name: &'a str,
    pub text: &'a str,
    pub kind: &'a str,
    /// `[title, publisher, url, published]`, empty to keep what the text gave.
    pub fields: [&'a str; 4],
}

/// A running parse worker.
pub struct ParseWorker {
    worker: Worker,
    ready: Promise,
    next: RefCell<u32>,
    /// The `resolve` of each request waiting for its answer, by `seq`.
    waiting: Rc<RefCell<HashMap<u32, Function>>>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(JsValue)>,
}

impl ParseWorker {
    /// Spawns the worker.
    pub fn spawn() -> Result<ParseWorker, String> {
        let base = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.base_uri().ok().flatten())
            .unwrap_or_default();
        let url = web_sys::Url::new_with_base("parse-worker_loader.js", &base)
            .map(|u| u.href())
            .map_err(|_| "the parser's address could not be made".to_string())?;
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = Worker::new_with_options(&url, &options)
            .map_err(|_| "the browser refused to start the parser".to_string())?;
        let waiting: Rc<RefCell<HashMap<u32, Function>>> = Rc::default();
        let ready_resolve: Rc<RefCell<Option<Function>>> = Rc::default();
        let ready = {
            let ready_resolve = ready_resolve.clone();
            Promise::new(&mut |resolve, _| *ready_resolve.borrow_mut() = Some(resolve))
        };
        let on_message = {
            let waiting = waiting.clone();
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                let data = event.data();
                if Reflect::get(&data, &"ready".into()).is_ok_and(|v| v.is_truthy()) {
                    if let Some(resolve) = ready_resolve.borrow_mut().take() {
                        let _ = resolve.call0(&JsValue::NULL);
                    }
                    return;
                }
                let seq = Reflect::get(&data, &"seq".into())
                    .ok()
                    .and_then(|s| s.as_f64())
                    .map(|s| s as u32);
                if let Some(resolve) = seq.and_then(|s| waiting.borrow_mut().remove(&s)) {
                    let _ = resolve.call1(&JsValue::NULL, &data);
                }
            })
        };
        // A worker that fails (its files missing, a crash) answers nothing more: every waiting
        // request gets an error, so that the page never waits forever.
        let on_error = {
            let waiting = waiting.clone();
            Closure::<dyn FnMut(JsValue)>::new(move |_| {
                for (_, resolve) in waiting.borrow_mut().drain() {
                    let answer = Object::new();
                    let _ = Reflect::set(
                        &answer,
                        &"error".into(),
                        &"the parser stopped unexpectedly: reload the page and try again".into(),
                    );
                    let _ = resolve.call1(&JsValue::NULL, &answer);
                }
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(ParseWorker {
            worker,
            ready,
            next: RefCell::new(0),
            waiting,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// Parses one file or pasted text: the corpus JSON, or why not in plain words.
    pub async fn parse(&self, request: Request<'_>) -> Result<String, String> {
        self.send(request).await.json().await
    }

    /// Posts a request (once the worker is ready) without waiting for its answer, so that
    /// several can be on their way at once (the worker parses the next file while the page
    /// takes in the last answer): [`Answer::json`] waits for it.
    pub async fn send(&self, request: Request<'_>) -> Answer {
        let _ = JsFuture::from(self.ready.clone()).await;
        let seq = {
            let mut next = self.next.borrow_mut();
            *next += 1;
            *next
        };
        let message = Object::new();
        let set = |key: &str, value: &JsValue| {
            let _ = Reflect::set(&message, &key.into(), value);
        };
        set("seq", &seq.into());
        set("name", &request.name.into());
        set("text", &request.text.into());
        set("kind", &request.kind.into());
        for (key, value) in ["title", "publisher", "url", "published"]
            .into_iter()
            .zip(request.fields)
        {
            set(key, &value.into());
        }
        let answer = Promise::new(&mut |resolve, _| {
            self.waiting.borrow_mut().insert(seq, resolve);
        });
        if self.worker.post_message(&message).is_err() {
            self.waiting.borrow_mut().remove(&seq);
            return Answer(Err(format!(
                "{}: the parser could not be reached",
                request.name
            )));
        }
        Answer(Ok(answer))
    }
}

/// The worker's answer to a request on its way ([`ParseWorker::send`]).
pub struct Answer(Result<Promise, String>);

impl Answer {
    /// The corpus JSON, or why not in plain words.
    pub async fn json(self) -> Result<String, String> {
        let answer = JsFuture::from(self.0?).await.unwrap_or(JsValue::NULL);
        let text = |key: &str| Reflect::get(&answer, &key.into()).ok()?.as_string();
        match (text("json"), text("error")) {
            (Some(json), _) => Ok(json),
            (None, Some(error)) => Err(error),
            (None, None) => Err("the parser gave no answer".into()),
        }
    }
}

impl Drop for ParseWorker {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}
