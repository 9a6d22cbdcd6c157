// The readouts service worker. scripts/gen-sw.mjs writes it to dist/sw.js after every build,
// with BUILD below replaced by that build's files and version: never edit dist/sw.js.
//
// - install: precaches exactly the build's files (each checked against its hash, so a
//   half-finished deploy fails the install instead of mixing builds) into a cache named
//   after this worker's scope and build version;
// - activate: deletes the caches of older builds of the same scope, then controls open pages;
// - fetch (same-origin GET requests only; everything else goes to the network untouched):
//   build files cache-first; corpus.json from the cache, refreshed in the background for the
//   next load, a new copy kept only once the app has read it (see "The corpus" below);
//   navigations to any route get the cached app shell (index.html), offline too;
// - a new worker waits until a page posts { type: 'readouts:skip-waiting' } (the user
//   accepted the update notice of static/sw-register.js); { type: 'readouts:version' } is
//   answered with { type: 'readouts:version', version } on the given port or to the sender.
//
// The corpus: the cache holds a confirmed copy (the build's, then each one the app has read)
// and at most one candidate (a newer copy from the background refresh). A request for
// corpus.json gets the candidate if there is one, marked with the response header
// `X-Readouts-Corpus: candidate/<id>` (<id>: the SHA-256 of its body, in hex), else the
// confirmed copy. Whoever reads a candidate (the app, with Corpus::from_json; a page or a
// worker, anything this worker controls) reports how it went with a GET request for
// `corpus.json?readouts-corpus=ok/<id>` or `…=bad/<id>`, answered here without the network
// (offline too): "ok" (answered 204) makes the candidate the confirmed copy; "bad" drops it
// and remembers its id, so that the same body is not taken again, and is answered with the
// confirmed copy for the reader to use instead. A candidate served once without a report (the reader was
// closed, or froze on it) is dropped like a bad one the next time it would be served. So a
// corpus the app cannot read never replaces one it can, online or offline.
'use strict';

/* BUILD */
const BUILD = {
  version: 'template',
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
// Cache keys of the corpus's other copies (requests with a query are never build files).
const CANDIDATE = `${CORPUS}?readouts-corpus=candidate`;
const REJECTED = `${CORPUS}?readouts-corpus=rejected`;
const VERDICT = 'readouts-corpus';
const MARK = 'X-Readouts-Corpus';
// The id of the build's own corpus, from its integrity string (base64 SHA-256) in hex.
const BUILD_CORPUS_ID = hexOfBase64((FILES.get(CORPUS) || '').replace(/^sha256-/, ''));

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

async function precache() {
  const cache = await caches.open(CACHE);
  try {
    await Promise.all([...FILES].map(async ([url, integrity]) => {
      if (url === CORPUS) return precacheStreamed(cache, url, integrity);
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

// The corpus is not fetched with `integrity`: for that, the browser holds the whole body in
// this worker's memory until a garbage collection, and the worker runs in the page's renderer
// process (46 MB more of the renderer's memory at 100,000 statements, for as long as the worker
// lives). It streams into the cache, then is hashed as it is read back into one reused buffer
// (a BYOB reader: chunks read plainly would be as many buffers waiting for a collection).
async function precacheStreamed(cache, url, integrity) {
  const response = await fetch(url, { cache: 'no-cache', credentials: 'same-origin' });
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
  await cache.put(url, await storable(response));
  const hash = sha256();
  const body = (await cache.match(url)).body;
  if (body) {
    // Browsers whose response bodies are not byte streams get the chunks as they come.
    let byob = null;
    try {
      byob = body.getReader({ mode: 'byob' });
    } catch {
      // Not a byte stream.
    }
    const reader = byob || body.getReader();
    let buffer = new ArrayBuffer(1 << 20);
    const next = () => (byob ? byob.read(new Uint8Array(buffer)) : reader.read());
    for (let chunk = await next(); !chunk.done; chunk = await next()) {
      hash.add(chunk.value);
      buffer = chunk.value.buffer;
    }
  }
  if (`sha256-${btoa(String.fromCharCode(...hash.end()))}` !== integrity) {
    throw new Error(`${url} does not match its hash in this worker`);
  }
}

// SHA-256 a chunk at a time (WebCrypto digests whole buffers only): add(bytes), then end()
// gives the digest's 32 bytes.
function sha256() {
  const fraction = (x) => (x - Math.floor(x)) * 2 ** 32 >>> 0;
  const primes = [];
  for (let n = 2; primes.length < 64; n += 1) {
    if (primes.every((p) => n % p)) primes.push(n);
  }
  const k = Int32Array.from(primes, (p) => fraction(Math.cbrt(p)));
  const h = Int32Array.from(primes.slice(0, 8), (p) => fraction(Math.sqrt(p)));
  const w = new Int32Array(64);
  const block = (bytes, at) => {
    for (let i = 0; i < 16; i += 1) w[i] = bytes.getInt32(at + 4 * i);
    for (let i = 16; i < 64; i += 1) {
      const u = w[i - 15];
      const v = w[i - 2];
      const s0 = ((u >>> 7) | (u << 25)) ^ ((u >>> 18) | (u << 14)) ^ (u >>> 3);
      const s1 = ((v >>> 17) | (v << 15)) ^ ((v >>> 19) | (v << 13)) ^ (v >>> 10);
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
    }
    let a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], x = h[7];
    for (let i = 0; i < 64; i += 1) {
      const t1 = (x + (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7)))
        + ((e & f) ^ (~e & g)) + k[i] + w[i]) | 0;
      const t2 = ((((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10)))
        + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      x = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += x;
  };
  // Bytes short of a whole 64-byte block wait in `rest`.
  const rest = new Uint8Array(64);
  const restView = new DataView(rest.buffer);
  let held = 0;
  let length = 0;
  const add = (bytes) => {
    let at = 0;
    if (held > 0) {
      at = Math.min(64 - held, bytes.length);
      rest.set(bytes.subarray(0, at), held);
      held += at;
      if (held < 64) return;
      block(restView, 0);
      held = 0;
    }
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (; at + 64 <= bytes.length; at += 64) block(view, at);
    rest.set(bytes.subarray(at));
    held = bytes.length - at;
  };
  return {
    add(bytes) {
      length += bytes.length;
      add(bytes);
    },
    end() {
      // A 1 bit, zeros, then the length in bits as 64 bits, to a whole block.
      const tail = new Uint8Array((held < 56 ? 64 : 128) - held);
      tail[0] = 0x80;
      const view = new DataView(tail.buffer);
      view.setUint32(tail.length - 8, Math.floor(length / 2 ** 29));
      view.setUint32(tail.length - 4, (length * 8) >>> 0);
      add(tail);
      return Uint8Array.from({ length: 32 }, (_, i) => h[i >> 2] >>> (24 - 8 * (i & 3)));
    },
  };
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
  if (url.origin + url.pathname === CORPUS && url.searchParams.has(VERDICT)) {
    event.respondWith(verdict(url.searchParams.get(VERDICT)));
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

// Stale-while-revalidate, with the app as the judge of a new copy: the candidate if there is
// one (served once), else the confirmed copy; a fresh copy becomes the candidate for the next
// load unless it is the confirmed copy, the candidate or a rejected one. The page never waits
// for the refresh.
async function corpus(event) {
  const cache = await caches.open(CACHE);
  const served = await candidateToServe(cache) || await cache.match(CORPUS);
  const refresh = fetch(CORPUS, { cache: 'no-cache', credentials: 'same-origin' }).then(async (response) => {
    if (response.ok) await offer(cache, response.clone());
    return response;
  });
  event.waitUntil(refresh.catch(() => {}));
  return served || refresh;
}

// The candidate, marked, if it has not been served yet; one served before without a verdict
// is dropped as bad (its reader never said it could read it).
async function candidateToServe(cache) {
  const candidate = await cache.match(CANDIDATE);
  if (!candidate) return null;
  const id = candidate.headers.get(MARK);
  if (candidate.headers.get('X-Readouts-Served')) {
    await reject(cache, id);
    return null;
  }
  const body = await candidate.arrayBuffer();
  await cache.put(CANDIDATE, copyOf(candidate, body, { 'X-Readouts-Served': '1' }));
  return copyOf(candidate, body, { [MARK]: `candidate/${id}` });
}

// Keeps `response` as the candidate, unless its body is a copy already known.
async function offer(cache, response) {
  const body = await response.arrayBuffer();
  const id = await digest(body);
  // The candidate first: a verdict writes where it goes (kept or rejected) before it deletes
  // the candidate, so a copy moving meanwhile is found in one place or the other.
  for (const key of [CANDIDATE, REJECTED, CORPUS]) {
    const known = await cache.match(key);
    const knownId = known && (known.headers.get(MARK) || (key === CORPUS ? BUILD_CORPUS_ID : null));
    if (knownId === id) return;
  }
  await cache.put(CANDIDATE, copyOf(response, body, { [MARK]: id }));
}

// `ok/<id>`: the candidate <id> becomes the confirmed copy (or, if a second reader dropped it
// meanwhile, stops being rejected, to be offered again); `bad/<id>`: it is dropped, and the
// answer is the confirmed copy.
async function verdict(value) {
  const [outcome, id] = String(value).split('/');
  const cache = await caches.open(CACHE);
  const candidate = await cache.match(CANDIDATE);
  const isCandidate = candidate && candidate.headers.get(MARK) === id;
  if (outcome === 'ok' && isCandidate) {
    const body = await candidate.arrayBuffer();
    await cache.put(CORPUS, copyOf(candidate, body, { [MARK]: id, 'X-Readouts-Served': null }));
    await cache.delete(CANDIDATE);
  } else if (outcome === 'ok') {
    const rejected = await cache.match(REJECTED);
    if (rejected && rejected.headers.get(MARK) === id) await cache.delete(REJECTED);
  } else if (outcome === 'bad') {
    if (isCandidate) await reject(cache, id);
    const confirmed = await cache.match(CORPUS);
    if (confirmed) return confirmed;
  }
  return new Response(null, { status: 204 });
}

async function reject(cache, id) {
  await cache.put(REJECTED, new Response(null, { status: 204, headers: { [MARK]: id } }));
  await cache.delete(CANDIDATE);
}

// A stored response with `body` and its headers changed as `changes` says (null: removed).
// `body` is what the browser decoded: the copy says so (no Content-Encoding, its own length),
// whatever encoding the server sent (a precompressed copy: tests/e2e/server.mjs).
function copyOf(response, body, changes) {
  const headers = new Headers(response.headers);
  headers.delete('Content-Encoding');
  headers.set('Content-Length', String(body.byteLength));
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) headers.delete(name);
    else headers.set(name, value);
  }
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

async function digest(body) {
  return hex(new Uint8Array(await crypto.subtle.digest('SHA-256', body)));
}

function hex(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function hexOfBase64(text) {
  try {
    return hex(Uint8Array.from(atob(text), (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}
