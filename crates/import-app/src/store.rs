//! The browser's store of imported readouts: the IndexedDB database [`DATABASE`], object store
//! [`STORE`], one record per readout keyed by its id, whose value is a corpus JSON of that one
//! readout (read back with the bundled corpus's reader: [`readouts_of`]).
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

/// The readouts of stored corpus JSON values; a value that cannot be read is skipped and named
/// in the returned problems, never fatal.
pub fn readouts_of(values: impl IntoIterator<Item = String>) -> (Vec<Readout>, Vec<String>) {
    let mut readouts = Vec::new();
    let mut problems = Vec::new();
    for value in values {
        match Corpus::from_json_bytes(value.as_bytes()) {
            Ok(corpus) => readouts.extend(corpus.readouts),
            Err(err) => problems.push(err.to_string()),
        }
    }
    (readouts, problems)
}

#[cfg(target_arch = "wasm32")]
pub use browser::*;

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::{pending, readouts_of, version, Migration, DATABASE, STORE};
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

    /// Keeps a batch (a corpus JSON) for this session.
    pub fn keep_for_session(json: String) {
        SESSION.with(|s| s.borrow_mut().push(json));
    }

    /// Every imported readout, for the main app's index: the store's (none when the browser
    /// keeps no store; never creating one), then the session's, under ids no bundled readout
    /// (`bundled`) nor an earlier one holds ([`crate::batch::merged`]). An empty store clears
    /// the flag, so that the next start-up does not load this app for nothing.
    pub async fn stored(bundled: &std::collections::HashSet<String>) -> Vec<Readout> {
        let mut values = match values(false).await {
            Ok(values) => {
                if values.is_empty() {
                    let _ = local_storage().map(|s| s.remove_item(FLAG));
                }
                values
            }
            Err(_) => Vec::new(),
        };
        values.extend(SESSION.with(|s| s.borrow().clone()));
        crate::batch::merged(readouts_of(values).0, bundled)
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
        let promise = Promise::new(&mut |resolve, reject| {
            tx.set_oncomplete(Some(&resolve));
            tx.set_onerror(Some(&reject));
            tx.set_onabort(Some(&reject));
        });
        JsFuture::from(promise)
            .await
            .map(|_| ())
            .map_err(|_| tx.error().map_or(JsValue::NULL, JsValue::from))
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

    /// Every stored record's value (a corpus JSON), in the order of their ids. `create`: as
    /// [`open`].
    async fn values(create: bool) -> Result<Vec<String>, Failure> {
        let db = open(create).await?;
        let read = async {
            let (_, store) = store(&db, IdbTransactionMode::Readonly)?;
            let values: Array = finished(&store.get_all()?, false).await?.unchecked_into();
            Ok(values.iter().filter_map(|v| v.as_string()).collect())
        };
        let result = read.await;
        db.close();
        result
    }

    /// Every imported readout, in the order of their ids (a record that cannot be read is
    /// left out). `create`: as [`open`].
    pub async fn read_all(create: bool) -> Result<Vec<Readout>, Failure> {
        Ok(readouts_of(values(create).await?).0)
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

    /// Adds every `(id, corpus JSON)` record in one transaction: all of them, or, if any fails
    /// (an id already stored, the quota), none. The flag that tells the main app's start-up to
    /// read the store is set first: a store that holds readouts is never left unread.
    pub async fn add_all(records: &[(String, String)]) -> Result<(), Failure> {
        local_storage().ok_or(JsValue::NULL)?.set_item(FLAG, "1")?;
        let db = open(true).await?;
        let result = async {
            let (tx, store) = store(&db, IdbTransactionMode::Readwrite)?;
            for (id, json) in records {
                if let Err(e) = store.add_with_key(&JsValue::from_str(json), &JsValue::from_str(id))
                {
                    let _ = tx.abort();
                    return Err(e);
                }
            }
            committed(&tx).await
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
    fn unreadable_records_are_skipped_and_named() {
        let good = Corpus::new(vec![readouts_core::parse(
            "President Ilse Marrow of Caldoria said that grain exports would resume.",
        )])
        .to_json();
        let (readouts, problems) = readouts_of([good, "{".to_string()]);
        assert_eq!(readouts.len(), 1);
        assert_eq!(problems.len(), 1);
    }
}
