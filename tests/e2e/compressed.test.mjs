// Compressed transfer: the build's precompressed copies of the corpus and the hashed files
// (scripts/compress.mjs, run by scripts/gen-sw.mjs), the server's choice among them by
// Accept-Encoding (server.mjs: Content-Encoding, Vary, never a copy older than its file), and
// the app and its service worker through compressed responses: the first load, offline, and a
// compressed corpus update taken through the candidate protocol (scripts/sw-template.js).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, readdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { DIST, launchBrowser, serveDist, watch } from './helpers.mjs';
import { chooseEncoding, startServer } from './server.mjs';
import { compress, isCompressible, sourceOf } from '../../scripts/compress.mjs';

let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

const DECODE = { br: zlib.brotliDecompressSync, gzip: zlib.gunzipSync };
const SUFFIX = { br: '.br', gzip: '.gz' };

/**
 * A raw GET (or HEAD) of `pathname`, with `acceptEncoding` or no Accept-Encoding at all: the
 * status, headers and body bytes as sent, not decoded (Node's http client decodes nothing).
 */
function rawRequest(base, pathname, acceptEncoding, method = 'GET') {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding };
    const req = http.request(new URL(pathname, base), { method, headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** The compressible files of dist/ (corpus.json, the hashed .js, .wasm and .css). */
async function compressibleFiles() {
  return (await readdir(DIST)).filter(isCompressible).sort();
}

test('the build writes brotli and gzip copies of the corpus and the hashed files, each its file once decoded', async () => {
  const files = await compressibleFiles();
  assert.ok(files.includes('corpus.json'), files.join(', '));
  for (const ext of ['.js', '.wasm', '.css']) assert.ok(files.some((f) => f.endsWith(ext)), `a hashed ${ext} file: ${files}`);
  for (const file of files) {
    const plain = await readFile(path.join(DIST, file));
    const plainTime = (await stat(path.join(DIST, file), { bigint: true })).mtimeNs;
    for (const [encoding, suffix] of Object.entries(SUFFIX)) {
      const copyFile = path.join(DIST, file + suffix);
      const copy = await readFile(copyFile);
      assert.ok(copy.length < plain.length, `${file}${suffix} is smaller than ${file}`);
      assert.ok(DECODE[encoding](copy).equals(plain), `${file}${suffix} decodes to ${file}`);
      assert.ok((await stat(copyFile, { bigint: true })).mtimeNs >= plainTime, `${file}${suffix} is not older than ${file}`);
    }
  }
  // The copies are encodings, not files of the app: neither the worker nor _headers names one.
  const worker = await readFile(path.join(DIST, 'sw.js'), 'utf8');
  const headers = await readFile(path.join(DIST, '_headers'), 'utf8');
  for (const name of await readdir(DIST)) {
    if (sourceOf(name) === null) continue;
    assert.ok(!worker.includes(`"${name}"`), `sw.js does not list ${name}`);
    assert.ok(!headers.includes(`/${name}\n`), `_headers has no rule for ${name}`);
  }
  // The corpus is written compactly: one line, no indentation.
  const corpus = await readFile(path.join(DIST, 'corpus.json'), 'utf8');
  assert.equal(corpus.trimEnd().split('\n').length, 1, 'corpus.json is one line');
  assert.ok(!corpus.includes('": '), 'no space after a key');
});

test('chooseEncoding takes the coding the request weighs highest, brotli first on a tie', () => {
  const cases = [
    ['gzip, deflate, br, zstd', 'br'], // Chromium's
    ['gzip, deflate', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=0.5, br;q=0.4', 'gzip'],
    ['GZIP', 'gzip'],
    ['*', 'br'],
    ['*;q=0.5, br;q=0', 'gzip'],
    ['identity', null],
    ['br;q=0, gzip;q=0', null],
    ['', null],
    [undefined, null],
  ];
  for (const [header, expected] of cases) {
    assert.equal(chooseEncoding(header, ['br', 'gzip']), expected, `Accept-Encoding: ${header}`);
  }
  assert.equal(chooseEncoding('br', ['gzip']), null, 'only codings with a copy');
});

test('the server sends the copy the request accepts, with Content-Encoding, Vary and the file\'s type', async () => {
  const wasm = (await readdir(DIST)).find((f) => f.endsWith('.wasm'));
  const server = await serveDist();
  try {
    for (const [file, type] of [['corpus.json', 'application/json; charset=utf-8'], [wasm, 'application/wasm']]) {
      const plain = await readFile(path.join(DIST, file));
      for (const [accept, encoding] of [['br', 'br'], ['gzip, deflate, br, zstd', 'br'], ['gzip, deflate', 'gzip'], ['br;q=0, gzip', 'gzip'], [undefined, null], ['identity', null]]) {
        const what = `${file} with Accept-Encoding: ${accept ?? '(none)'}`;
        const response = await rawRequest(server.url, file, accept);
        assert.equal(response.status, 200, what);
        assert.equal(response.headers['content-type'], type, what);
        assert.equal(response.headers.vary, 'Accept-Encoding', what);
        assert.equal(response.headers['content-encoding'], encoding ?? undefined, what);
        assert.equal(Number(response.headers['content-length']), response.body.length, what);
        const decoded = encoding ? DECODE[encoding](response.body) : response.body;
        assert.ok(decoded.equals(plain), `${what}: the decoded body is the file`);
        if (encoding) assert.ok(response.body.length < plain.length, `${what}: fewer bytes than the file`);
      }
      const head = await rawRequest(server.url, file, 'br', 'HEAD');
      assert.equal(head.headers['content-encoding'], 'br', `HEAD ${file}`);
      assert.equal(Number(head.headers['content-length']), (await stat(path.join(DIST, `${file}.br`))).size, `HEAD ${file}: the copy's length`);
      assert.equal(head.body.length, 0);
    }
    // A file without copies (the app shell) and an app route: as they are, and no Vary.
    for (const pathname of ['index.html', 'r/x']) {
      const response = await rawRequest(server.url, pathname, 'br');
      assert.equal(response.headers['content-encoding'], undefined, pathname);
      assert.equal(response.headers.vary, undefined, pathname);
      assert.equal(response.headers['content-type'], 'text/html; charset=utf-8', pathname);
    }
  } finally {
    await server.close();
  }
});

test('the server never sends a copy older than its file', async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'readouts-compressed-'));
  const server = await startServer({ root });
  try {
    const file = path.join(root, 'data.json');
    const old = '{"old":true}\n'.repeat(20);
    await writeFile(file, old);
    await writeFile(`${file}.br`, await compress(Buffer.from(old), 'br'));
    const fresh = await rawRequest(server.url, 'data.json', 'br');
    assert.equal(fresh.headers['content-encoding'], 'br', 'a copy written after its file is sent');
    assert.equal(DECODE.br(fresh.body).toString(), old);

    // The file changes after its copy (an edit after the build): the plain file goes instead.
    const edited = '{"edited":true}\n';
    await writeFile(file, edited);
    const past = new Date(Date.now() - 60_000);
    await utimes(`${file}.br`, past, past);
    const stale = await rawRequest(server.url, 'data.json', 'br');
    assert.equal(stale.headers['content-encoding'], undefined, 'the stale copy is not sent');
    assert.equal(stale.headers.vary, 'Accept-Encoding', 'the answer still varies with the header');
    assert.equal(stale.body.toString(), edited);
  } finally {
    await server.close();
    await rm(root, { recursive: true, force: true });
  }
});

/**
 * Replaces `file` and its compressed copies with `text`, as a deploy would, so that a request
 * at any moment gets one whole version: each copy and the file written to a temporary name,
 * the copies moved in first (written after the file's new text, they are not older than it),
 * then the file.
 */
async function deploy(file, text) {
  const data = Buffer.from(text);
  await writeFile(`${file}.tmp`, data);
  for (const [encoding, suffix] of Object.entries(SUFFIX)) await writeFile(`${file}${suffix}.tmp`, await compress(data, encoding));
  for (const suffix of Object.values(SUFFIX)) await rename(`${file}${suffix}.tmp`, `${file}${suffix}`);
  await rename(`${file}.tmp`, file);
}

/** The statements of a corpus text. */
function statementCount(text) {
  return JSON.parse(text).readouts.reduce((n, r) => n + r.statements.length, 0);
}

/** The Content-Encoding and Content-Length of the worker's cached copy at `key`, and its body's bytes. */
function cachedHeaders(page, key) {
  return page.evaluate(async (k) => {
    const response = await caches.match(new URL(k, document.baseURI).href);
    const bytes = (await response.arrayBuffer()).byteLength;
    return { encoding: response.headers.get('content-encoding'), length: response.headers.get('content-length'), bytes };
  }, key);
}

/** The text of the worker's cached copy at `key` (relative to the page), or null. */
function cachedText(page, key) {
  return page.evaluate((k) => caches.match(new URL(k, document.baseURI).href).then((r) => (r ? r.text() : null)), key);
}

test('the app loads through brotli responses, offline too, and takes a compressed corpus update', async () => {
  // A copy of the build with its times kept, so that the copies stay fresh.
  const root = await mkdtemp(path.join(tmpdir(), 'readouts-compressed-app-'));
  await cp(DIST, root, { recursive: true, preserveTimestamps: true });
  const server = await startServer({ root });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const seen = watch(page);
    const responses = []; // of the corpus and the wasm: promises of { name, encoding, fromServiceWorker }
    page.on('response', (res) => {
      const name = path.basename(new URL(res.url()).pathname);
      if (name === 'corpus.json' || name.endsWith('.wasm')) {
        responses.push(res.allHeaders().then((headers) => ({ name, encoding: headers['content-encoding'] ?? null, fromServiceWorker: res.fromServiceWorker() })));
      }
    });
    const original = await readFile(path.join(root, 'corpus.json'), 'utf8');
    const total = statementCount(original);

    await page.goto(server.url);
    await page.locator('.summary').waitFor({ timeout: 15000 });
    assert.equal(await page.locator('article.card').count(), total, 'every statement as a card');
    const received = await Promise.all(responses);
    const network = received.filter((r) => !r.fromServiceWorker);
    assert.deepEqual(network.map((r) => r.encoding), network.map(() => 'br'), `the corpus and the wasm came brotli-encoded: ${JSON.stringify(received)}`);
    assert.deepEqual(network.map((r) => r.name.endsWith('.wasm') ? 'wasm' : r.name).sort(), ['corpus.json', 'wasm']);

    // The worker keeps what it received, decoded: the plain corpus.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    if (!await page.evaluate(() => Boolean(navigator.serviceWorker.controller))) await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
    assert.equal(await cachedText(page, 'corpus.json'), original, 'the cached corpus is the plain file');
    const precache = server.sent.filter((r) => /^\/(corpus\.json|[^/?]+\.wasm)$/.test(r.url));
    assert.ok(precache.length >= 4 && precache.every((r) => r.encoding === 'br'), `every copy sent brotli-encoded: ${JSON.stringify(precache)}`);

    await context.setOffline(true);
    await page.reload();
    await page.locator('.summary').waitFor({ timeout: 15000 });
    assert.equal(await page.locator('article.card').count(), total, 'offline: every statement as a card');
    await context.setOffline(false);

    // An update, sent compressed: the worker's candidate is its decoded text, the app reads
    // it on the next load, and the worker keeps it. (A refresh of an earlier load may still be
    // on its way and fetch the update first: then the first load after it is already served
    // the candidate.)
    const update = JSON.parse(original);
    update.readouts[0].title = `${update.readouts[0].title} (compressed update)`;
    const updateText = `${JSON.stringify(update)}\n`;
    const showsUpdate = () => page.evaluate(() => document.body.textContent.includes('(compressed update)'));
    const sentBefore = server.sent.length;
    await deploy(path.join(root, 'corpus.json'), updateText);
    await page.reload();
    await page.locator('.summary').waitFor({ timeout: 15000 });
    await page.waitForFunction(async (text) => {
      const at = (key) => caches.match(new URL(key, document.baseURI).href).then((r) => (r ? r.text() : null));
      return await at('corpus.json?readouts-corpus=candidate') === text || await at('corpus.json') === text;
    }, updateText, { timeout: 10000, polling: 100 });
    assert.ok(server.sent.slice(sentBefore).some((r) => r.url === '/corpus.json' && r.encoding === 'br'),
      `the update was sent brotli-encoded: ${JSON.stringify(server.sent.slice(sentBefore))}`);
    if (!await showsUpdate()) {
      await page.reload();
      await page.locator('.summary').waitFor({ timeout: 15000 });
    }
    assert.ok(await showsUpdate(), 'the load served the candidate shows the update');
    await page.waitForFunction(async (text) => {
      const at = (key) => caches.match(new URL(key, document.baseURI).href).then((r) => (r ? r.text() : null));
      return await at('corpus.json') === text && await at('corpus.json?readouts-corpus=candidate') === null;
    }, updateText, { timeout: 10000, polling: 100 });
    assert.equal(await page.locator('.corpus-notice').count(), 0, 'no notice: the update was read');
    const size = String(Buffer.byteLength(updateText));
    assert.deepEqual(await cachedHeaders(page, 'corpus.json'), { encoding: null, length: size, bytes: Number(size) },
      'the kept copy says what it holds: the decoded body, no Content-Encoding, its own length');

    await context.setOffline(true);
    await page.reload();
    await page.locator('.summary').waitFor({ timeout: 15000 });
    assert.ok(await page.evaluate(() => document.body.textContent.includes('(compressed update)')), 'offline, the kept update');
    assert.deepEqual([...seen.consoleErrors, ...seen.pageErrors], []);
  } finally {
    await context.close();
    await server.close();
    await rm(root, { recursive: true, force: true });
  }
});
