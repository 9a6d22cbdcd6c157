// The readouts service worker. scripts/gen-sw.mjs writes it to dist/sw.js after every build,
// with BUILD below replaced by that build's files and version: never edit dist/sw.js.
//
// - install: precaches exactly the build's files (each checked against its hash, so a
//   half-finished deploy fails the install instead of mixing builds) into a cache named
//   after this worker's scope and build version;
// - activate: deletes the caches of older builds of the same scope, then controls open pages;
// - fetch (same-origin GET requests only; everything else goes to the network untouched):
//   build files cache-first; corpus.json from the cache, refreshed in the background for the
//   next load; navigations to any route get the cached app shell (index.html), offline too;
// - a new worker waits until a page posts { type: 'readouts:skip-waiting' } (the user
//   accepted the update notice of static/sw-register.js); { type: 'readouts:version' } is
//   answered with { type: 'readouts:version', version } on the given port or to the sender.
'use strict';

/* BUILD */
const BUILD = {
  version: 'template',
  corpusSchema: null,
  files: [],
};
/* END BUILD */

const SCOPE = self.registration.scope;
const CACHE_PREFIX = `readouts ${SCOPE} `;
const CACHE = CACHE_PREFIX + BUILD.version;
// Build files by absolute URL (resolved against this script, which sits at the build root).
const FILES = new Map(BUILD.files.map((file) => [new URL(file.path, self.location.href).href, file.integrity]));
const SHELL = new URL('index.html', self.location.href).href;
const CORPUS = new URL('corpus.json', self.location.href).href;

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

async function precache() {
  const cache = await caches.open(CACHE);
  try {
    await Promise.all([...FILES].map(async ([url, integrity]) => {
      // no-cache: revalidate with the server rather than trust the HTTP cache.
      const response = await fetch(url, { cache: 'no-cache', credentials: 'same-origin', integrity });
      if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
      await cache.put(url, await storable(response));
    }));
  } catch (err) {
    // Leave nothing half-filled behind; the browser tries again on its next update check.
    await caches.delete(CACHE);
    throw err;
  }
}

// A response served for a navigation must not be marked as redirected (hosts that redirect
// /index.html to / would otherwise break every offline navigation): copy such responses.
async function storable(response) {
  if (!response.redirected) return response;
  return new Response(await response.blob(), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith(CACHE_PREFIX) && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  const type = event.data && event.data.type;
  if (type === 'readouts:skip-waiting') {
    self.skipWaiting();
  } else if (type === 'readouts:version') {
    const reply = { type: 'readouts:version', version: BUILD.version };
    if (event.ports && event.ports[0]) event.ports[0].postMessage(reply);
    else if (event.source) event.source.postMessage(reply);
  }
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    if (!url.href.startsWith(SCOPE)) return;
    // A build file opened directly is itself; every other path is an app route.
    const file = url.origin + url.pathname;
    event.respondWith(fromCache(request, FILES.has(file) ? file : SHELL));
    return;
  }
  if (url.search !== '' || !FILES.has(url.href)) return;
  event.respondWith(url.href === CORPUS ? corpus(event) : fromCache(request, url.href));
});

// Cache-first: the build's copy; the network only if the cache was evicted.
async function fromCache(request, key) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(key);
  return cached || fetch(request);
}

// Stale-while-revalidate: the cached corpus now; a fresh copy for the next load, kept only if
// it is JSON with the schema version this build reads (an old app never gets a corpus it
// cannot read). The page never waits for the refresh. A copy with the cached one's ETag or
// Last-Modified is the same file: it is not read again.
async function corpus(event) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(CORPUS);
  const refresh = fetch(CORPUS, { cache: 'no-cache', credentials: 'same-origin' }).then(async (response) => {
    if (response.ok && !sameFile(cached, response)) {
      const copy = await storable(response.clone());
      try {
        const json = JSON.parse(await response.clone().text());
        if (json && json.schema_version === BUILD.corpusSchema) await cache.put(CORPUS, copy);
      } catch {
        // Not JSON: keep the cached corpus.
      }
    }
    return response;
  });
  event.waitUntil(refresh.catch(() => {}));
  return cached || refresh;
}

function sameFile(a, b) {
  if (!a) return false;
  for (const header of ['etag', 'last-modified']) {
    const value = a.headers.get(header);
    if (value && value === b.headers.get(header)) return true;
  }
  return false;
}
