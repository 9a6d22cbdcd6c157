//! The browser's store of imported readouts: the IndexedDB database [`DATABASE`], object store
//! [`STORE`], one record per readout keyed by its id, whose value is a corpus JSON of that one
//! readout (read back with the bundled corpus's reader: [`read_into`]).
//! Only this app (the import page's) opens it: the main app asks it for the stored readouts at
//! start-up (its `stored` export) when `localStorage` holds `readouts_app::imports::FLAG`.
//!
//! The schema is versioned by an explicit list of [`MIGRATIONS`]: the database's version is
//! their count, and opening it runs those it has not had yet, in order, inside the upgrade
//! transaction. Every opener runs them, so whichever opens the database first after a new
//! build (the start-up's read or the import page) brings it up to date.
//!
//! Writes: a batch in one transaction (`add_all`: every record or none, and `add`, which
//! refuses a key that exists, never `put`), the flag set first; one readout or all removed.
//! After each change the page posts on the `readouts_app::imports::CHANNEL`
//! `BroadcastChannel`, which every page of the app (this tab's included) listens to, so that
//! every view and every tab shows the change. Batches kept for this session only (where the
//! browser keeps no store) are kept in this module's memory.

use readouts_core::{Corpus, Readout};

/// The database's name.
pub const DATABASE: &str = "readouts";
/// The object store of imported readouts (keys: readout ids; values: one-readout corpus JSON).
pub const STORE: &str = "imported";

/// One step of the schema. Never change one that has shipped: add another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Migration {
    /// Creates an object store with out-of-line keys.
    CreateStore(&'static str),
}

/// The schema's migrations, in order: `MIGRATIONS[n]` takes the database from version `n` to
/// `n + 1`.
pub const MIGRATIONS: &[Migration] = &[Migration::CreateStore(STORE)];

/// The database's version: how many migrations it has had.
pub fn version() -> u32 {
    MIGRATIONS.len() as u32
}

/// The migrations a database at version `old` still needs.
pub fn pending(old: u32) -> &'static [Migration] {
    MIGRATIONS.get(old as usize..).unwrap_or(&[])
}

/// The readouts of one stored corpus JSON value added to `readouts`; a value that cannot be
/// read is skipped and named in `problems`, never fatal.
pub fn read_into(value: &str, readouts: &mut Vec<Readout>, problems: &mut Vec<String>) {
    match Corpus::from_json_bytes(value.as_bytes()) {
        Ok(corpus) => readouts.extend(corpus.readouts),
        Err(err) => problems.push(err.to_string()),
    }
}

/// The id and title of each readout of a stored value (all the list of imported readouts
/// shows), read without building the rest of the readout, which serde skips: several times
/// faster than [`read_into`]. A value that cannot be read gives none.
pub fn titles_of(value: &str) -> Vec<(String, String)> {
    #[derive(serde::Deserialize)]
    struct Titles {
        readouts: Vec<Title>,
    }
    #[derive(serde::Deserialize)]
    struct Title {
        id: String,
        title: String,
    }
    serde_json::from_str::<Titles>(value).map_or_else(
        |_| Vec::new(),
        |t| t.readouts.into_iter().map(|r| (r.id, r.title)).collect(),
    )
}

#[cfg(target_arch = "wasm32")]
pub use browser::*;

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::{pending, read_into, titles_of, version, Migration, DATABASE, STORE};
    use crate::pace::Pace;
    use js_sys::{Array, Promise};
    use readouts_app::imports::FLAG;
    use readouts_core::Readout;
    use std::cell::RefCell;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{
        IdbDatabase, IdbObjectStore, IdbOpenDbRequest, IdbRequest, IdbTransaction,
        IdbTransactionMode, IdbVersionChangeEvent,
    };

    /// The browser's error (an exception, a `DOMException`), or `null` where there is no
    /// IndexedDB or another tab blocks an upgrade: [`reason`] words it. Kept raw so that the
    /// app's start-up, which only skips a store it cannot read, carries no messages.
    pub type Failure = JsValue;

    thread_local! {
        /// Batches (corpus JSON) kept for this session only, where the browser keeps no store.
        static SESSION: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    }

    /// Keeps a batch's records (one corpus JSON per readout) for this session.
    pub fn keep_for_session(records: Vec<(String, String)>) {
        SESSION.with(|s| {
            s.borrow_mut()
                .extend(records.into_iter().map(|(_, json)| json))
        });
    }

    /// Every imported readout, for the main app's index: the store's (none when the browser
    /// keeps no store; never creating one), then the session's, under ids no bundled readout
    /// (`bundled`) nor an earlier one holds ([`crate::batch::merged`]), read a slice at a time
    /// ([`Pace`]). An empty store clears the flag, so that the next start-up does not load
    /// this app for nothing.
    pub async fn stored(bundled: &std::collections::HashSet<String>) -> Vec<Readout> {
        let values = match values(false).await {
            Ok(values) => {
                if values.length() == 0 {
                    let _ = local_storage().map(|s| s.remove_item(FLAG));
                }
                values
            }
            Err(_) => Array::new(),
        };
        let session = SESSION.with(|s| s.borrow().clone());
        let (mut readouts, mut problems) = (Vec::new(), Vec::new());
        let mut pace = Pace::new();
        for value in strings(&values).chain(session) {
            read_into(&value, &mut readouts, &mut problems);
            pace.step().await;
        }
        crate::batch::merged(readouts, bundled)
    }

    /// The strings of `values`, each copied into this app's memory only when asked for: the
    /// copies of hundreds of records are spread over the slices that read them.
    fn strings(values: &Array) -> impl Iterator<Item = String> + '_ {
        values.iter().filter_map(|v| v.as_string())
    }

    /// The site's `localStorage`, where the flag is kept.
    fn local_storage() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok().flatten()
    }

    /// A failure in plain words, for the import page.
    pub fn reason(failure: &Failure) -> String {
        match failure.dyn_ref::<js_sys::Error>() {
            Some(e) => format!("{}: {}", String::from(e.name()), String::from(e.message())),
            None => "this browser keeps no IndexedDB for this site (storage blocked or unavailable), or another tab of this app holds an older version of it open".into(),
        }
    }

    /// Opens the database, running the migrations it has not had. Without `create`, a
    /// database that does not exist yet is not created (the app's start-up reads the store of
    /// every visitor, and only an import should make one): that is then a failure.
    pub async fn open(create: bool) -> Result<IdbDatabase, Failure> {
        let factory = web_sys::window()
            .and_then(|w| w.indexed_db().ok().flatten())
            .ok_or(JsValue::NULL)?;
        let request: IdbOpenDbRequest = factory.open_with_u32(DATABASE, version())?;
        let upgrade = Closure::<dyn FnMut(IdbVersionChangeEvent)>::new(
            move |event: IdbVersionChangeEvent| {
                let Some(request) = event
                    .target()
                    .and_then(|t| t.dyn_into::<IdbOpenDbRequest>().ok())
                else {
                    return;
                };
                if !create && event.old_version() == 0.0 {
                    if let Some(tx) = request.transaction() {
                        let _ = tx.abort();
                    }
                    return;
                }
                let Ok(db) = request.result().map(IdbDatabase::from) else {
                    return;
                };
                for migration in pending(event.old_version() as u32) {
                    match migration {
                        Migration::CreateStore(name) => {
                            let _ = db.create_object_store(name);
                        }
                    }
                }
            },
        );
        request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
        let opened = finished(&request, true).await;
        request.set_onupgradeneeded(None);
        opened.map(IdbDatabase::from)
    }

    /// The value of `request` once it succeeds; its error otherwise (`null` for an open
    /// request with `blocking`, when another tab keeps an older version open).
    async fn finished(request: &IdbRequest, blocking: bool) -> Result<JsValue, Failure> {
        let promise = Promise::new(&mut |resolve, reject| {
            request.set_onsuccess(Some(&resolve));
            request.set_onerror(Some(&reject));
            if blocking {
                if let Some(open) = request.dyn_ref::<IdbOpenDbRequest>() {
                    open.set_onblocked(Some(&reject));
                }
            }
        });
        let outcome = JsFuture::from(promise).await;
        request.set_onsuccess(None);
        request.set_onerror(None);
        match outcome {
            Ok(_) => request.result(),
            Err(_) => Err(request
                .error()
                .ok()
                .flatten()
                .map_or(JsValue::NULL, JsValue::from)),
        }
    }

    /// Waits until `tx` commits; why it was aborted otherwise.
    async fn committed(tx: &IdbTransaction) -> Result<(), Failure> {
        let outcome = completion(tx).await;
        outcome
            .map(|_| ())
            .map_err(|_| tx.error().map_or(JsValue::NULL, JsValue::from))
    }

    /// The end of `tx`, watched from now on (its handlers set at once, so that no event of
    /// it can come before them): resolves when it commits, fails when it is aborted.
    fn completion(tx: &IdbTransaction) -> JsFuture {
        JsFuture::from(Promise::new(&mut |resolve, reject| {
            tx.set_oncomplete(Some(&resolve));
            tx.set_onerror(Some(&reject));
            tx.set_onabort(Some(&reject));
        }))
    }

    /// The store in a new transaction of `db`.
    fn store(
        db: &IdbDatabase,
        mode: IdbTransactionMode,
    ) -> Result<(IdbTransaction, IdbObjectStore), Failure> {
        let tx = db.transaction_with_str_and_mode(STORE, mode)?;
        let store = tx.object_store(STORE)?;
        Ok((tx, store))
    }

    /// Every stored record's value (a corpus JSON string), in the order of their ids.
    /// `create`: as [`open`].
    async fn values(create: bool) -> Result<Array, Failure> {
        let db = open(create).await?;
        let read = async {
            let (_, store) = store(&db, IdbTransactionMode::Readonly)?;
            Ok(finished(&store.get_all()?, false).await?.unchecked_into())
        };
        let result = read.await;
        db.close();
        result
    }

    /// The id and title of every imported readout, in the order of their ids (a record that
    /// cannot be read is left out: [`titles_of`]), read a slice at a time. `create`: as
    /// [`open`].
    pub async fn titles(create: bool) -> Result<Vec<(String, String)>, Failure> {
        let mut titles = Vec::new();
        let mut pace = Pace::new();
        for value in strings(&values(create).await?) {
            titles.extend(titles_of(&value));
            pace.step().await;
        }
        Ok(titles)
    }

    /// The ids of every stored readout.
    pub async fn ids() -> Result<Vec<String>, Failure> {
        let db = open(true).await?;
        let read = async {
            let (_, store) = store(&db, IdbTransactionMode::Readonly)?;
            let keys: Array = finished(&store.get_all_keys()?, false)
                .await?
                .unchecked_into();
            Ok(keys.iter().filter_map(|k| k.as_string()).collect())
        };
        let result = read.await;
        db.close();
        result
    }

    /// How many records [`add_all`] adds in one task.
    const ADDS_A_TASK: usize = 100;

    /// Adds every `(id, corpus JSON)` record in one transaction: all of them, or, if any fails
    /// (an id already stored, the quota), none. The flag that tells the main app's start-up to
    /// read the store is set first: a store that holds readouts is never left unread. The
    /// records go [`ADDS_A_TASK`] at a time, each lot once the last one is stored (in its
    /// request's success event, where the transaction is still open for more), so that
    /// hundreds of them are not all handed to the browser in one task.
    pub async fn add_all(records: &[(String, String)]) -> Result<(), Failure> {
        local_storage().ok_or(JsValue::NULL)?.set_item(FLAG, "1")?;
        let db = open(true).await?;
        let result = async {
            let (tx, store) = store(&db, IdbTransactionMode::Readwrite)?;
            let done = completion(&tx);
            for lot in records.chunks(ADDS_A_TASK) {
                let mut last = None;
                for (id, json) in lot {
                    match store.add_with_key(&JsValue::from_str(json), &JsValue::from_str(id)) {
                        Ok(request) => last = Some(request),
                        Err(e) => {
                            let _ = tx.abort();
                            return Err(e);
                        }
                    }
                }
                // A failed request aborts the transaction: `done` says why.
                if let Some(last) = last {
                    if finished(&last, false).await.is_err() {
                        break;
                    }
                }
            }
            done.await
                .map(|_| ())
                .map_err(|_| tx.error().map_or(JsValue::NULL, JsValue::from))
        }
        .await;
        db.close();
        result
    }

    /// Removes the readout `id`, or every readout (`None`).
    pub async fn remove(id: Option<&str>) -> Result<(), Failure> {
        let db = open(true).await?;
        let result = async {
            let (tx, store) = store(&db, IdbTransactionMode::Readwrite)?;
            match id {
                Some(id) => store.delete(&JsValue::from_str(id)),
                None => store.clear(),
            }?;
            committed(&tx).await
        }
        .await;
        db.close();
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_is_the_count_of_migrations() {
        assert_eq!(version() as usize, MIGRATIONS.len());
        assert_eq!(pending(0), MIGRATIONS);
        assert!(pending(version()).is_empty());
        // A database from a newer build (opened by an older page) needs nothing from it.
        assert!(pending(version() + 3).is_empty());
        assert_eq!(MIGRATIONS[0], Migration::CreateStore(STORE));
    }

    #[test]
    fn titles_are_read_without_the_rest() {
        let readout = readouts_core::parse(
            "President Ilse Marrow of Caldoria said that grain exports would resume.",
        );
        let value = Corpus::new(vec![readout.clone()]).to_json();
        assert_eq!(titles_of(&value), [(readout.id, readout.title)]);
        assert!(titles_of("{").is_empty());
        assert!(titles_of("{\"schema_version\":1}").is_empty());
    }

    #[test]
    fn unreadable_records_are_skipped_and_named() {
        let good = Corpus::new(vec![readouts_core::parse(
            "President Ilse Marrow of Caldoria said that grain exports would resume.",
        )])
        .to_json();
        let (mut readouts, mut problems) = (Vec::new(), Vec::new());
        for value in [good, "{".to_string()] {
            read_into(&value, &mut readouts, &mut problems);
        }
        assert_eq!(readouts.len(), 1);
        assert_eq!(problems.len(), 1);
    }
}
