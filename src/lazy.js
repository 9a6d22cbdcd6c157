// The main app's half of its lazily loaded wasm apps (src/lazy.rs says what they are): the
// browser calls it needs, here rather than as wasm-bindgen bindings because a few lines of
// script cost the first load less than the glue and wasm of the same calls.
//
// A lazy app NAME is `NAME.js` and `NAME_bg.wasm` next to the main app (Trunk builds them from
// index.html's `data-type="worker"` links), exporting `default` (wasm-bindgen's set-up),
// `mount(root, ...args)` and `unmount()` (and `moved()` if the main app calls `moved`). Its
// page renders `#NAME-status` (a status line) and `#NAME-root` (an empty container): see
// `lazy::container`.

/** Each lazy app's module, as a promise: loaded and set up once per page. */
const apps = new Map();
/** The lazy apps whose page is shown, with the arguments they are to be mounted with once loaded. */
const wanted = new Map();

/** The module of the lazy app `name`, loaded and set up (once; a failed load is tried again). */
export function load(name) {
  let app = apps.get(name);
  if (!app) {
    app = import(new URL(`${name}.js`, document.baseURI).href).then(async (module) => {
      await module.default();
      return module;
    });
    app.catch(() => apps.delete(name));
    apps.set(name, app);
  }
  return app;
}

/**
 * Mounts the lazy app `name` in `#NAME-root` with `args` after the root (an array), loading
 * it first, and hides `#NAME-status`; or says in the status line, as an alert, that it could
 * not be loaded (the reason in the console). Without `args` (undefined), unmounts it (the
 * reader left its page). A page left before the app has loaded is never mounted, and of two
 * calls made while it loads, only the last one's arguments are.
 */
export function show(name, args) {
  if (args === undefined) {
    wanted.delete(name);
    apps.get(name)?.then((module) => module.unmount(), () => {});
    return;
  }
  wanted.set(name, args);
  load(name)
    .then((module) => {
      const root = document.getElementById(`${name}-root`);
      if (wanted.get(name) !== args || !root) return;
      module.mount(root, ...args);
      document.getElementById(`${name}-status`)?.setAttribute('hidden', '');
    })
    .catch((error) => {
      console.error(`readouts: ${name} could not be loaded:`, error);
      const status = document.getElementById(`${name}-status`);
      status?.setAttribute('role', 'alert');
      if (status) status.textContent = 'This page could not be loaded. Check the connection and reload the page.';
    });
}

/**
 * Tells the lazy app `name`, if its page is shown, that the address moved within that page
 * (another query, Back or Forward there): its `moved` export follows, once it is mounted.
 */
export function moved(name) {
  if (wanted.has(name)) apps.get(name)?.then((module) => module.moved(), () => {});
}

/**
 * Asks the export `fn` of the lazy app `name` for something it keeps, when the main app needs
 * it: returns at once a function of `fn`'s argument that resolves to what `fn` resolves to.
 * The app is loaded at once (while the main app gets the argument ready), but only if it is
 * loaded already or the browser's localStorage holds `key` (which the app sets while it keeps
 * something), so that readers who never used it never load it; null then instead, and when it
 * cannot be loaded.
 */
export function ask(name, key, fn) {
  let flagged = false;
  try {
    flagged = localStorage.getItem(key) !== null;
  } catch {
    // Storage blocked: the app cannot have kept anything across pages.
  }
  const app = flagged || apps.has(name) ? load(name) : null;
  return (arg) => (app ? app.then((module) => module[fn](arg)).catch(() => null) : Promise.resolve(null));
}

/** The channels listened to, kept for as long as the page runs. */
const channels = [];

/** Calls `f` on every message of the BroadcastChannel `channel` (a lazy app's announcements, from any tab). */
export function listen(channel, f) {
  try {
    const listener = new BroadcastChannel(channel);
    listener.onmessage = () => f();
    channels.push(listener);
  } catch {
    // No BroadcastChannel: this tab still sees its own changes when it reloads.
  }
}
