// Registers the service worker (sw.js, generated for every build by scripts/gen-sw.mjs) and
// offers a new build when one is waiting. Plain JavaScript, outside the app: the app never
// depends on it, and where service workers or storage are unavailable (blocked storage,
// sandboxed or third-party frames, plain http) it does nothing and the app runs as usual.
// Only top-level pages register the worker; frames (embeds) never do.
//
// Updates: a new build's worker installs in the background and waits. In a top-level page
// controlled by the old build, a notice (role="status") offers "Reload to update"; accepting
// tells the waiting worker to take over, and the page reloads once when it does. Pages never
// run a mix of builds: every page that an old worker controlled reloads once the new one takes
// over. Checks for a new build happen on each navigation (the browser's) and when the page
// becomes visible again after 10 minutes or more.
(() => {
  'use strict';

  const CHECK_EVERY_MS = 10 * 60 * 1000;

  let topLevel = true;
  try {
    topLevel = window.top === window.self;
  } catch (err) {
    topLevel = false;
  }

  // Why the app runs without offline support, said once in the console of a top-level page
  // (frames never register the worker: nothing is missing there).
  function unavailable(reason) {
    if (topLevel) console.warn(`readouts: offline support is unavailable: ${reason}. The app works online as usual.`);
  }

  function describe(err) {
    return err && err.name && err.message ? `${err.name}: ${err.message}` : String(err);
  }

  let container;
  try {
    // Reading the property itself throws a SecurityError in some browsers when storage is blocked.
    container = navigator.serviceWorker;
  } catch (err) {
    unavailable(`service workers are blocked here (${describe(err)})`);
    return;
  }
  if (!window.isSecureContext) {
    unavailable('service workers need a secure context (HTTPS, or localhost)');
    return;
  }
  if (!container) {
    unavailable('this browser offers no service workers here');
    return;
  }

  // Whether this page was controlled before the current controller change: the first worker
  // claiming a fresh page is not an update and needs no reload.
  let controlled = Boolean(container.controller);
  let accepted = false;
  let reloading = false;
  container.addEventListener('controllerchange', () => {
    if ((controlled || accepted) && !reloading) {
      reloading = true;
      window.location.reload();
    }
    controlled = true;
  });

  let offered = null;
  let dismissed = null;

  function region() {
    let el = document.getElementById('update-notice');
    if (!el) {
      el = document.createElement('div');
      el.id = 'update-notice';
      el.className = 'update-notice';
      el.setAttribute('role', 'status');
      document.body.appendChild(el);
    }
    return el;
  }

  function hide() {
    region().replaceChildren();
  }

  function offer(worker) {
    if (!topLevel || !container.controller || worker === dismissed || reloading) return;
    offered = worker;
    const box = document.createElement('div');
    box.className = 'update-box';
    const text = document.createElement('p');
    text.textContent = 'A new version of readouts is ready.';
    const actions = document.createElement('div');
    actions.className = 'update-actions';
    const reload = document.createElement('button');
    reload.type = 'button';
    reload.className = 'update-reload';
    reload.textContent = 'Reload to update';
    const dismiss = document.createElement('button');
    dismiss.type = 'button';
    dismiss.className = 'update-dismiss';
    dismiss.textContent = 'Dismiss';
    actions.append(reload, dismiss);
    box.append(text, actions);
    region().replaceChildren(box);

    reload.addEventListener('click', () => {
      accepted = true;
      reload.disabled = true;
      reload.textContent = 'Updating…';
      if (offered.state === 'redundant') {
        // Replaced meanwhile (or already active through another tab): load whatever is current.
        reloading = true;
        window.location.reload();
        return;
      }
      offered.postMessage({ type: 'readouts:skip-waiting' });
    });
    dismiss.addEventListener('click', () => {
      dismissed = offered;
      hide();
    });
    box.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') dismiss.click();
    });
  }

  function watch(registration) {
    if (registration.waiting) offer(registration.waiting);
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      if (!worker) return;
      worker.addEventListener('statechange', () => {
        if (worker.state === 'installed' && registration.waiting === worker) offer(worker);
      });
    });
    let lastCheck = Date.now();
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState !== 'visible' || Date.now() - lastCheck < CHECK_EVERY_MS) return;
      lastCheck = Date.now();
      registration.update().catch(() => {});
    });
  }

  function register() {
    // Frames (embeds on other sites) do not install the app: a third-party frame's storage is
    // partitioned per host site, so each host would get a copy of the whole build. A frame
    // that a worker already controls (the app framing itself) still reloads on a new build.
    if (!topLevel) return;
    try {
      const base = document.baseURI;
      container
        .register(new URL('sw.js', base).href, { scope: new URL('./', base).href, updateViaCache: 'none' })
        .then((registration) => {
          // Blocked registrations may resolve to nothing rather than fail.
          if (registration) watch(registration);
          else unavailable('the browser blocked the service worker (its registration gave no worker)');
        }, (err) => unavailable(`the browser refused to register the service worker (${describe(err)})`));
    } catch (err) {
      unavailable(`the browser refused to register the service worker (${describe(err)})`);
    }
  }

  // After the page has loaded: the app's own files come first.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
})();
