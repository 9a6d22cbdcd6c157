//! The import page: paste a readout (with its title, publisher, URL and date, prefilled with
//! the parser's guesses after a first parse) or drop or choose files (`.txt` readouts, with the
//! optional header the CLI reads; corpus or readout JSON), with a progress bar for a batch;
//! the preview of each parsed readout as the readout page shows it, with the parser's
//! diagnostics and the reader's corrections (a statement's speaker reassigned to another
//! participant, a statement dropped, the event's date or place fixed: the core's `correct`,
//! which keeps each with the readout); save (one transaction: the whole batch or nothing) or discard; and the list of
//! readouts kept in this browser, each removable, or all at once.
//!
//! Everything read from files or pasted is rendered as text (Yew escapes it): no raw HTML.

use crate::batch::{kind_of, Records};
use crate::pace::{self, Pace};
use crate::store;
use crate::worker::{Answer, ParseWorker, Request};
use readouts_app::corpus_loader::SharedIndex;
use readouts_app::format::count;
use readouts_app::imports::CHANNEL;
use readouts_app::nav::Embedded;
use readouts_app::pages::readout::ReadoutPage;
use readouts_app::platform::save_file;
use readouts_app::route::Route;
use readouts_core::correct::{correct, parsed, Edit};
use readouts_core::{limits, Corpus, Correction, Level, Readout, Role};
use std::collections::{HashSet, VecDeque};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{BroadcastChannel, File, FileList, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;
use yew_router::prelude::BrowserRouter;
use yew_router::Routable;

#[derive(Properties, PartialEq)]
pub struct ImportProps {
    /// The ids of the bundled readouts, which an import never takes.
    pub bundled: Rc<HashSet<String>>,
}

/// Where saved readouts go.
#[derive(Clone, PartialEq)]
enum Keeping {
    /// Not known yet (the store is being opened).
    Unknown,
    /// The browser's store (IndexedDB).
    Stored,
    /// Nowhere lasting: the reason the store cannot be used.
    SessionOnly(String),
}

/// A message about the last action.
#[derive(Clone, PartialEq)]
enum Note {
    Done(String),
    Failed(String),
}

/// The fields of the paste form, in the worker's order.
const FIELDS: [(&str, &str); 4] = [
    ("title", "Title"),
    ("publisher", "Publisher"),
    ("url", "URL"),
    ("published", "Publication date (YYYY-MM-DD)"),
];

/// The most text one readout file may hold, as `readouts parse` reads.
const READOUT_BYTES: f64 = 8.0 * 1024.0 * 1024.0;

/// How many files may be with the parse worker at once: while it parses one, the page reads
/// the next file and takes in the last answer, so their round trips overlap.
const IN_FLIGHT: usize = 4;

/// How many readouts a list shows (the batch in preview, the imported ones), and how many
/// more each "Show more" adds: a list of 500 readouts drawn at once holds the page for
/// hundreds of milliseconds, and no one reads it whole.
const LIST_PAGE: usize = 50;

#[component]
pub fn ImportApp(props: &ImportProps) -> Html {
    html! {
        <BrowserRouter>
            <ImportPage bundled={props.bundled.clone()} />
        </BrowserRouter>
    }
}

#[component]
fn ImportPage(props: &ImportProps) -> Html {
    let worker = use_memo((), |_| ParseWorker::spawn().map(Rc::new));
    let text = use_state(String::new);
    let fields = use_state(|| [String::new(), String::new(), String::new(), String::new()]);
    let pending = use_state(|| Rc::new(Vec::<Readout>::new()));
    let selected = use_state(|| 0usize);
    let progress = use_state(|| None::<(usize, usize)>);
    let note = use_state(|| None::<Note>);
    let keeping = use_state(|| Keeping::Unknown);
    let stored = use_state(Vec::<(String, String)>::new);
    let choices_shown = use_state(|| LIST_PAGE);
    let stored_shown = use_state(|| LIST_PAGE);
    let session_ids = use_mut_ref(HashSet::<String>::new);
    let busy = progress.is_some();

    // The store: what it holds, or why it cannot be used; again whenever a page of the app
    // (another tab, or this one) announces a change.
    let refresh = {
        let (keeping, stored) = (keeping.clone(), stored.clone());
        Callback::from(move |()| {
            let (keeping, stored) = (keeping.clone(), stored.clone());
            spawn_local(async move {
                match store::titles(true).await {
                    Ok(titles) => {
                        stored.set(titles);
                        keeping.set(Keeping::Stored);
                    }
                    Err(failure) => keeping.set(Keeping::SessionOnly(store::reason(&failure))),
                }
            });
        })
    };
    {
        let refresh = refresh.clone();
        use_effect_with((), move |_| {
            refresh.emit(());
            let channel = BroadcastChannel::new(CHANNEL).ok();
            let listener = wasm_bindgen::closure::Closure::<dyn FnMut(JsValue)>::new(move |_| {
                refresh.emit(())
            });
            if let Some(channel) = &channel {
                channel.set_onmessage(Some(listener.as_ref().unchecked_ref()));
            }
            move || {
                if let Some(channel) = channel {
                    channel.close();
                }
                drop(listener);
            }
        });
    }

    let Ok(worker) = (*worker).clone() else {
        return html! {
            <p class="import-error" role="alert">{ "The parser could not be started in this browser, so nothing can be imported here." }</p>
        };
    };

    let on_text = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(area) = e.target_dyn_into::<web_sys::HtmlTextAreaElement>() {
                text.set(area.value());
            }
        })
    };
    let on_field = |i: usize| {
        let fields = fields.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                let mut next = (*fields).clone();
                next[i] = input.value();
                fields.set(next);
            }
        })
    };

    // Paste: parse the text with the fields; prefill the fields with what the parser found.
    let on_parse = {
        let (worker, text, fields) = (worker.clone(), text.clone(), fields.clone());
        let (pending, selected, note) = (pending.clone(), selected.clone(), note.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (worker, text, fields) = (worker.clone(), text.clone(), fields.clone());
            let (pending, selected, note) = (pending.clone(), selected.clone(), note.clone());
            if text.trim().is_empty() {
                note.set(Some(Note::Failed(
                    "Paste the text of a readout first.".into(),
                )));
                return;
            }
            spawn_local(async move {
                let f = &*fields;
                let request = Request {
                    name: "",
                    text: &text,
                    kind: "txt",
                    fields: [&f[0], &f[1], &f[2], &f[3]],
                };
                match worker
                    .parse(request)
                    .await
                    .and_then(|json| readouts_of(&json))
                {
                    Ok(readouts) => {
                        if let Some(r) = readouts.first() {
                            fields.set([
                                r.title.clone(),
                                r.source.publisher.clone().unwrap_or_default(),
                                r.source.url.clone().unwrap_or_default(),
                                r.published.clone().unwrap_or_default(),
                            ]);
                        }
                        selected.set(0);
                        pending.set(Rc::new(readouts));
                        note.set(None);
                    }
                    Err(error) => note.set(Some(Note::Failed(error))),
                }
            });
        })
    };

    // Files, chosen or dropped: each read and parsed in turn, the progress shown; the first
    // that fails stops the batch, which then holds nothing.
    let on_files = {
        let (worker, pending, selected) = (worker.clone(), pending.clone(), selected.clone());
        let (progress, note, shown) = (progress.clone(), note.clone(), choices_shown.clone());
        Callback::from(move |files: Vec<File>| {
            if files.is_empty() {
                return;
            }
            let (worker, pending, selected) = (worker.clone(), pending.clone(), selected.clone());
            let (progress, note, shown) = (progress.clone(), note.clone(), shown.clone());
            note.set(None);
            // The new batch replaces any batch in preview.
            pending.set(Rc::default());
            spawn_local(async move {
                let read = read_files(&worker, &files, &progress).await;
                progress.set(None);
                match read {
                    Ok(readouts) => {
                        selected.set(0);
                        shown.set(LIST_PAGE);
                        pending.set(Rc::new(readouts));
                    }
                    Err(error) => {
                        pending.set(Rc::default());
                        note.set(Some(Note::Failed(format!(
                            "Nothing of this batch was kept: {error}"
                        ))));
                    }
                }
            });
        })
    };
    let on_choose = {
        let on_files = on_files.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                on_files.emit(files_of(input.files()));
                input.set_value("");
            }
        })
    };
    let on_drop = {
        let on_files = on_files.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            on_files.emit(files_of(e.data_transfer().and_then(|d| d.files())));
        })
    };
    let on_drag_over = Callback::from(|e: DragEvent| e.prevent_default());

    let on_discard = {
        let (pending, note) = (pending.clone(), note.clone());
        Callback::from(move |_: MouseEvent| {
            pending.set(Rc::default());
            note.set(Some(Note::Done("Discarded: nothing was saved.".into())));
        })
    };
    // A correction of the readout `i` of the batch, applied and recorded by the core's
    // `correct` (a refused one changes nothing and says why).
    let on_edit = {
        let (pending, note) = (pending.clone(), note.clone());
        Callback::from(move |(i, edits): (usize, Vec<Edit>)| {
            let mut next = (**pending).clone();
            let Some(readout) = next.get_mut(i) else {
                return;
            };
            for edit in edits {
                if let Err(problem) = correct(readout, edit) {
                    note.set(Some(Note::Failed(format!(
                        "Not corrected: {}",
                        problem.message
                    ))));
                    return;
                }
            }
            pending.set(Rc::new(next));
            note.set(None);
        })
    };
    let on_undo = {
        let pending = pending.clone();
        Callback::from(move |i: usize| {
            let mut next = (**pending).clone();
            if let Some(readout) = next.get_mut(i) {
                *readout = parsed(readout);
                pending.set(Rc::new(next));
            }
        })
    };
    let on_export = {
        let (note, bundled) = (note.clone(), props.bundled.clone());
        Callback::from(move |_: MouseEvent| {
            let (note, bundled) = (note.clone(), bundled.clone());
            spawn_local(async move {
                let readouts = store::stored(&bundled).await;
                if readouts.is_empty() {
                    note.set(Some(Note::Failed("Nothing is imported to export.".into())));
                    return;
                }
                save_file(
                    "readouts-imported.json",
                    "application/json",
                    &pace::corpus_json(&readouts).await,
                );
            });
        })
    };
    let on_save = {
        let (pending, note, keeping) = (pending.clone(), note.clone(), keeping.clone());
        let bundled = props.bundled.clone();
        let (refresh, session_ids) = (refresh.clone(), session_ids.clone());
        Callback::from(move |_: MouseEvent| {
            let batch = (*pending).clone();
            let (pending, note, keeping) = (pending.clone(), note.clone(), keeping.clone());
            let bundled = bundled.clone();
            let (refresh, session_ids) = (refresh.clone(), session_ids.clone());
            spawn_local(async move {
                let n = batch.len();
                let saved = match &*keeping {
                    Keeping::Stored => save(&batch, &bundled).await,
                    _ => {
                        let mut taken = (*bundled).clone();
                        taken.extend(session_ids.borrow().iter().cloned());
                        let records = records(&batch, &taken).await;
                        session_ids
                            .borrow_mut()
                            .extend(records.iter().map(|(id, _)| id.clone()));
                        store::keep_for_session(records);
                        Ok(())
                    }
                };
                match saved {
                    Ok(()) => {
                        announce();
                        pending.set(Rc::default());
                        let kept = if matches!(*keeping, Keeping::Stored) {
                            "kept in this browser"
                        } else {
                            "kept for this session only"
                        };
                        note.set(Some(Note::Done(format!(
                            "Saved {}, {kept}: their statements are now among the others.",
                            count(n, "readout", "readouts")
                        ))));
                        refresh.emit(());
                    }
                    Err(error) => {
                        note.set(Some(Note::Failed(format!("Nothing was saved: {error}"))))
                    }
                }
            });
        })
    };
    let remove = |id: Option<String>| {
        let (note, refresh) = (note.clone(), refresh.clone());
        Callback::from(move |_: MouseEvent| {
            let (note, refresh, id) = (note.clone(), refresh.clone(), id.clone());
            spawn_local(async move {
                match store::remove(id.as_deref()).await {
                    Ok(()) => {
                        announce();
                        note.set(Some(Note::Done(match &id {
                            Some(id) => format!("Deleted {id}."),
                            None => "Deleted every imported readout.".into(),
                        })));
                    }
                    Err(failure) => note.set(Some(Note::Failed(format!(
                        "Nothing was deleted: {}",
                        store::reason(&failure)
                    )))),
                }
                refresh.emit(());
            });
        })
    };

    let keeping_note = match &*keeping {
        Keeping::SessionOnly(reason) => html! {
            <p class="import-session" role="status">
                { format!("This browser keeps no data for this site ({reason}): readouts you import are kept for this session only, until this tab is closed or reloaded.") }
            </p>
        },
        _ => html! {
            <p class="import-where">{ "Imported readouts are kept in this browser only (its IndexedDB storage for this site), never sent anywhere. Delete them below, or clear this site's data in the browser." }</p>
        },
    };
    let field_inputs = FIELDS.iter().enumerate().map(|(i, (key, label))| {
        let id = format!("import-field-{key}");
        html! {
            <p class="import-field">
                <label for={id.clone()}>{ *label }</label>
                <input id={id} name={*key} type="text" value={fields[i].clone()} oninput={on_field(i)} disabled={busy} />
            </p>
        }
    });
    html! {
        <div class="import">
            <p>{ "Paste a readout or drop files: they are parsed in this browser by the parser that built the bundled corpus, and their statements join the others." }</p>
            { keeping_note }
            <form class="import-paste panel" onsubmit={on_parse} aria-labelledby="import-paste-title">
                <h2 id="import-paste-title">{ "Paste a readout" }</h2>
                <label for="import-text">{ "Text of the readout" }</label>
                <textarea id="import-text" rows="10" value={(*text).clone()} oninput={on_text} disabled={busy} />
                { for field_inputs }
                <button type="submit" disabled={busy}>{ "Parse" }</button>
            </form>
            <section class="import-files panel" aria-labelledby="import-files-title" ondrop={on_drop} ondragover={on_drag_over}>
                <h2 id="import-files-title">{ "Or drop or choose files" }</h2>
                <p>{ "Readouts as .txt files (with the optional title:, url:, publisher: and published: header that readouts build reads), or a corpus or readout JSON exported from here or built by readouts build." }</p>
                <label for="import-file">{ "Choose files" }</label>
                <input id="import-file" type="file" multiple=true accept=".txt,.json,text/plain,application/json" onchange={on_choose} disabled={busy} />
                if let Some((done, total)) = *progress {
                    <p class="import-progress">
                        <label for="import-progress">{ format!("Reading file {} of {total}", (done + 1).min(total)) }</label>
                        <progress id="import-progress" max={total.to_string()} value={done.to_string()}></progress>
                    </p>
                }
            </section>
            if let Some(note) = &*note {
                { match note {
                    Note::Done(text) => html! { <p class="import-done" role="status">{ text.clone() }</p> },
                    Note::Failed(text) => html! { <p class="import-error" role="alert">{ text.clone() }</p> },
                } }
            }
            if !pending.is_empty() {
                { preview(&pending, &selected, &choices_shown, on_save, on_discard, &on_edit, &on_undo) }
            }
            { stored_list(&stored, &stored_shown, &keeping, &remove, on_export) }
        </div>
    }
}

/// The batch waiting to be saved: its readouts (one chosen for the preview), the preview as
/// the readout page shows it with the parser's diagnostics, and Save / Discard.
fn preview(
    pending: &Rc<Vec<Readout>>,
    selected: &UseStateHandle<usize>,
    shown: &UseStateHandle<usize>,
    on_save: Callback<MouseEvent>,
    on_discard: Callback<MouseEvent>,
    on_edit: &Callback<(usize, Vec<Edit>)>,
    on_undo: &Callback<usize>,
) -> Html {
    let chosen = (**selected).min(pending.len() - 1);
    let readout = &pending[chosen];
    let index = SharedIndex::new(Corpus::new(vec![readout.clone()]));
    let choices = pending.iter().enumerate().take(**shown).map(|(i, r)| {
        let selected = selected.clone();
        let onclick = Callback::from(move |_: MouseEvent| selected.set(i));
        html! {
            <li>
                <button type="button" class="link-button" aria-pressed={(i == chosen).to_string()} {onclick}>
                    { format!("{} ({})", r.title, count(r.statements.len(), "statement", "statements")) }
                </button>
            </li>
        }
    });
    let diagnostics = readout.diagnostics.iter().map(|d| {
        let level = match d.level {
            Level::Error => "error",
            Level::Warning => "warning",
        };
        html! { <li class={level}>{ format!("{level}: {}", d.message) }</li> }
    });
    html! {
        <section class="import-preview panel" aria-labelledby="import-preview-title">
            <h2 id="import-preview-title">{ format!("Preview: {} to save", count(pending.len(), "readout", "readouts")) }</h2>
            <p class="import-actions">
                <button type="button" class="primary" onclick={on_save}>{ format!("Save {}", count(pending.len(), "readout", "readouts")) }</button>
                <button type="button" onclick={on_discard}>{ "Discard" }</button>
            </p>
            if pending.len() > 1 {
                <p class="import-summary">{ summary(pending) }</p>
                <ul class="import-choices">{ for choices }</ul>
                { show_more(shown, pending.len(), "import-choices-more") }
            }
            <h3>{ "What the parser noted" }</h3>
            if readout.diagnostics.is_empty() {
                <p>{ "Nothing: every sentence was read without doubt." }</p>
            } else {
                <ul class="import-diagnostics">{ for diagnostics }</ul>
            }
            { corrections(chosen, readout, on_edit, on_undo) }
            <div class="import-readout">
                <ContextProvider<Embedded> context={Embedded::default()}>
                    <ContextProvider<SharedIndex> context={index}>
                        <ReadoutPage id={AttrValue::from(readout.id.clone())} />
                    </ContextProvider<SharedIndex>>
                </ContextProvider<Embedded>>
            </div>
        </section>
    }
}

/// What a batch holds, in one line: its statements, and how many readouts the parser noted
/// something about (their diagnostics are in each one's preview).
fn summary(pending: &[Readout]) -> String {
    let statements = pending.iter().map(|r| r.statements.len()).sum();
    let noted = pending.iter().filter(|r| !r.diagnostics.is_empty()).count();
    format!(
        "{} in all; the parser noted something about {} of them. Choose one to preview and correct it.",
        count(statements, "statement", "statements"),
        count(noted, "readout", "readouts")
    )
}

/// "Show more" under a list that shows the first `shown` of `total` items: it adds another
/// [`LIST_PAGE`] (nothing once all are shown).
fn show_more(shown: &UseStateHandle<usize>, total: usize, class: &'static str) -> Html {
    if **shown >= total {
        return Html::default();
    }
    let more = LIST_PAGE.min(total - **shown);
    let onclick = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + LIST_PAGE))
    };
    html! {
        <p class={class}>
            <button type="button" {onclick}>{ format!("Show {more} more (of {total})") }</button>
        </p>
    }
}

/// The corrections of the readout `i` of the batch: the event's date and place, and each
/// statement's speaker (any participant who is not an attendee) or Drop; Undo all.
fn corrections(
    i: usize,
    readout: &Readout,
    on_edit: &Callback<(usize, Vec<Edit>)>,
    on_undo: &Callback<usize>,
) -> Html {
    let date = readout.event.date.clone().unwrap_or_default();
    let place = readout.event.location.clone().unwrap_or_default();
    let on_event = {
        let on_edit = on_edit.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let value = |id: &str| {
                let input = web_sys::window()?
                    .document()?
                    .get_element_by_id(id)?
                    .dyn_into::<HtmlInputElement>()
                    .ok()?;
                Some(input.value().trim().to_string()).filter(|v| !v.is_empty())
            };
            on_edit.emit((
                i,
                vec![
                    Edit::EventDate(value("import-event-date")),
                    Edit::EventLocation(value("import-event-place")),
                ],
            ));
        })
    };
    let speakers: Vec<_> = readout
        .participants
        .iter()
        .filter(|p| p.role != Role::Attendee)
        .collect();
    let statements = readout.statements.iter().map(|statement| {
        let id = statement.id.clone();
        let select_id = format!("import-speaker-{id}");
        let joint = statement.speakers.len() > 1;
        let options = speakers.iter().map(|p| {
            let chosen = !joint && statement.speakers.first() == Some(&p.id);
            html! { <option value={p.id.clone()} selected={chosen}>{ p.name.clone() }</option> }
        });
        let on_change = {
            let (on_edit, id) = (on_edit.clone(), id.clone());
            Callback::from(move |e: Event| {
                if let Some(select) = e.target_dyn_into::<HtmlSelectElement>() {
                    if !select.value().is_empty() {
                        let speakers = vec![select.value()];
                        on_edit.emit((i, vec![Edit::Speakers { statement: id.clone(), speakers }]));
                    }
                }
            })
        };
        let on_drop = {
            let (on_edit, id) = (on_edit.clone(), id.clone());
            Callback::from(move |_: MouseEvent| {
                on_edit.emit((i, vec![Edit::Drop { statement: id.clone() }]))
            })
        };
        let names: Vec<&str> = statement
            .speakers
            .iter()
            .map(|s| readout.participant(s).map_or(s.as_str(), |p| p.name.as_str()))
            .collect();
        // Keyed by the speakers too: a list item made again when they change shows them chosen.
        let key = format!("{id} {}", statement.speakers.join(" "));
        html! {
            <li key={key} data-statement={id.clone()}>
                <q>{ readouts_app::format::short(&statement.text) }</q>
                <span class="import-statement-edit">
                    <label for={select_id.clone()}>{ "Said by" }</label>
                    <select id={select_id} onchange={on_change}>
                        if joint {
                            <option value="" selected=true>{ format!("jointly: {}", names.join(", ")) }</option>
                        }
                        { for options }
                    </select>
                    <button type="button" class="link-button" aria-label={format!("Drop the statement {id}")} onclick={on_drop}>{ "Drop" }</button>
                    if readout.is_corrected(&statement.id) {
                        <span class="corrected">{ "speaker corrected" }</span>
                    }
                </span>
            </li>
        }
    });
    let dropped = readout
        .corrections
        .iter()
        .filter(|c| matches!(c, Correction::Dropped { .. }))
        .count();
    let undo = {
        let on_undo = on_undo.clone();
        Callback::from(move |_: MouseEvent| on_undo.emit(i))
    };
    html! {
        <section class="import-corrections" aria-labelledby="import-corrections-title">
            <h3 id="import-corrections-title">{ "Corrections" }</h3>
            <p>{ "Where the parser got it wrong, correct it before saving: give a statement to the participant who said it, drop a sentence that is no statement, fix the event's date or place. Corrections are kept with the readout (with what the parser had), exported with it, and marked \"corrected\" wherever it appears." }</p>
            <form class="import-event" onsubmit={on_event} key={readout.id.clone()}>
                <label for="import-event-date">{ "Event date (YYYY-MM-DD)" }</label>
                <input id="import-event-date" type="text" value={date} />
                <label for="import-event-place">{ "Place" }</label>
                <input id="import-event-place" type="text" value={place} />
                <button type="submit">{ "Correct the date and place" }</button>
            </form>
            <ol class="import-statements">{ for statements }</ol>
            if dropped > 0 {
                <p>{ format!("{} dropped.", count(dropped, "statement", "statements")) }</p>
            }
            if !readout.corrections.is_empty() {
                <p><button type="button" onclick={undo}>{ "Undo every correction of this readout" }</button></p>
            }
        </section>
    }
}

/// The readouts kept in this browser, each with Delete, and Delete all; the download of all of
/// them as one corpus JSON (corrections included), which `readouts check` accepts.
fn stored_list(
    stored: &[(String, String)],
    shown: &UseStateHandle<usize>,
    keeping: &Keeping,
    remove: &dyn Fn(Option<String>) -> Callback<MouseEvent>,
    on_export: Callback<MouseEvent>,
) -> Html {
    if !matches!(keeping, Keeping::Stored) {
        return Html::default();
    }
    let items = stored.iter().take(**shown).map(|(id, title)| {
        // Relative to the document's base, so that a base path is kept.
        let path = Route::Readout { id: id.clone() }.to_path();
        let href = path.trim_start_matches('/').to_string();
        html! {
            <li>
                <a href={href}>{ title.clone() }</a>
                { " " }
                <button type="button" class="link-button" aria-label={format!("Delete {title}")} onclick={remove(Some(id.clone()))}>{ "Delete" }</button>
            </li>
        }
    });
    html! {
        <section class="import-stored panel" aria-labelledby="import-stored-title">
            <h2 id="import-stored-title">{ format!("Imported readouts ({})", stored.len()) }</h2>
            if stored.is_empty() {
                <p>{ "None yet." }</p>
            } else {
                <ul>{ for items }</ul>
                { show_more(shown, stored.len(), "import-stored-more") }
                <p class="import-stored-actions">
                    <button type="button" class="download" onclick={on_export}>{ "Download all as a corpus JSON" }</button>
                    <button type="button" onclick={remove(None)}>{ "Delete all imported readouts" }</button>
                </p>
            }
        </section>
    }
}

/// Reads and parses `files` in order, showing the progress (files parsed of all), a few on
/// their way to the worker at once ([`IN_FLIGHT`]); the first that fails ends the batch with
/// its name and why.
async fn read_files(
    worker: &ParseWorker,
    files: &[File],
    progress: &UseStateHandle<Option<(usize, usize)>>,
) -> Result<Vec<Readout>, String> {
    let mut readouts = Vec::new();
    let mut sent = VecDeque::new();
    let mut done = 0;
    progress.set(Some((done, files.len())));
    for file in files {
        let name = file.name();
        let kind = kind_of(&name);
        let text = match read_file(file, &name, kind).await {
            Ok(text) => text,
            Err(error) => {
                // An earlier file's failure comes first.
                while let Some(answer) = sent.pop_front() {
                    take(answer, &mut readouts).await?;
                }
                return Err(error);
            }
        };
        let request = Request {
            name: &name,
            text: &text,
            kind,
            fields: [""; 4],
        };
        sent.push_back((name.clone(), worker.send(request).await));
        if sent.len() >= IN_FLIGHT {
            if let Some(answer) = sent.pop_front() {
                take(answer, &mut readouts).await?;
                done += 1;
                progress.set(Some((done, files.len())));
            }
        }
    }
    while let Some(answer) = sent.pop_front() {
        take(answer, &mut readouts).await?;
        done += 1;
        progress.set(Some((done, files.len())));
    }
    Ok(readouts)
}

/// The text of `file` (of the `kind` the worker reads), or why it cannot be imported.
async fn read_file(file: &File, name: &str, kind: &str) -> Result<String, String> {
    let cap = if kind == "json" {
        limits::CORPUS_BYTES as f64
    } else {
        READOUT_BYTES
    };
    if file.size() > cap {
        return Err(format!(
            "{name}: the file is larger than the {} MiB readouts reads",
            cap / (1024.0 * 1024.0)
        ));
    }
    JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| format!("{name}: the file could not be read"))
}

/// Waits for the worker's answer about the file `name` and adds its readouts.
async fn take((name, answer): (String, Answer), readouts: &mut Vec<Readout>) -> Result<(), String> {
    let json = answer.json().await?;
    readouts.extend(readouts_of(&json).map_err(|e| format!("{name}: {e}"))?);
    Ok(())
}

/// Stores `batch` in one transaction under ids that no bundled or stored readout holds; asks
/// the browser to keep the store (`navigator.storage.persist()`) after the first import.
async fn save(batch: &[Readout], bundled: &HashSet<String>) -> Result<(), String> {
    let stored = store::ids().await.map_err(|f| store::reason(&f))?;
    let first = stored.is_empty();
    let mut taken = bundled.clone();
    taken.extend(stored);
    store::add_all(&records(batch, &taken).await)
        .await
        .map_err(|f| store::reason(&f))?;
    if first {
        if let Some(window) = web_sys::window() {
            let _ = window.navigator().storage().persist();
        }
    }
    Ok(())
}

/// The records of `batch` for the store (`batch::records`: each under an id no readout of
/// `taken` nor an earlier one of the batch holds), written a slice at a time.
async fn records(batch: &[Readout], taken: &HashSet<String>) -> Vec<(String, String)> {
    let mut records = Records::new(taken);
    let mut written = Vec::with_capacity(batch.len());
    let mut pace = Pace::new();
    for readout in batch {
        written.push(records.record(readout));
        pace.step().await;
    }
    written
}

/// Tells every page of the app (this tab's too) that the store changed.
fn announce() {
    if let Ok(channel) = BroadcastChannel::new(CHANNEL) {
        let _ = channel.post_message(&"changed".into());
        channel.close();
    }
}

/// The readouts of a corpus JSON the worker gave.
fn readouts_of(json: &str) -> Result<Vec<Readout>, String> {
    Corpus::from_json_bytes(json.as_bytes())
        .map(|corpus| corpus.readouts)
        .map_err(|e| e.to_string())
}

/// The files of a file list, in order.
fn files_of(list: Option<FileList>) -> Vec<File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}
