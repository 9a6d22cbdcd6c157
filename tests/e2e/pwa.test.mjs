// The installable offline app: the service worker precaches exactly the build and works
// offline on every route; a rebuilt app is offered through the update notice and replaces the
// old build whole; Chromium finds the manifest installable; nothing from another origin is
// cached; the app runs where service workers or storage are blocked, and under the
// Content-Security-Policy that scripts/gen-sw.mjs writes for the build.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, DIST, builtCorpus, launchBrowser, serveDist, watch, afterPaint } from './helpers.mjs';
import { startServer } from './server.mjs';
import { generate } from '../../scripts/gen-sw.mjs';
import { sourceOf } from '../../scripts/compress.mjs';
import { ICONS, ICON_DIR, decodePng, renderIcon } from '../../scripts/gen-icons.mjs';

let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/** Headless Chromium with a persistent (not incognito) profile in `dir`, flags as launchBrowser's. */
function launchPersistent(dir) {
  return chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/**
 * Every file of a build folder but the worker, the header rules, hidden files and the
 * precompressed copies of other files (FILE.br, FILE.gz), as the worker lists them.
 */
async function buildFiles(dir, prefix = '') {
  const out = [];
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true });
  const names = new Set(entries.map((entry) => entry.name));
  for (const entry of entries) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.name.startsWith('.')) continue; // Trunk's staging folder (.stage) after a failed build
    if (entry.isDirectory()) out.push(...await buildFiles(dir, rel));
    else if (names.has(sourceOf(entry.name))) continue;
    else if (!(prefix === '' && ['sw.js', '_headers'].includes(entry.name))) out.push(rel);
  }
  return out.sort();
}

/** The BUILD object of a generated sw.js: { version, files }. */
async function workerBuild(dir) {
  const text = await readFile(path.join(dir, 'sw.js'), 'utf8');
  const block = text.match(/const BUILD = (\{[\s\S]*?\n\});/);
  assert.ok(block, 'sw.js holds the generated BUILD object');
  return JSON.parse(block[1]);
}

/** A temporary copy of the release build, and its removal. */
async function copyOfDist() {
  const dir = await mkdtemp(path.join(tmpdir(), 'readouts-pwa-'));
  await cp(DIST, dir, { recursive: true });
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Waits until a service worker is active and controls the page (reloading once if needed). */
async function untilControlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  if (!await page.evaluate(() => Boolean(navigator.serviceWorker.controller))) await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
}

/** The build version of the worker controlling the page, as it answers it. */
function workerVersion(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(event.data.version);
    navigator.serviceWorker.controller.postMessage({ type: 'readouts:version' }, [channel.port2]);
    setTimeout(() => reject(new Error('the service worker did not answer')), 5000);
  }));
}

/** Every cache of the origin and the URLs it holds. */
function cacheContents(page) {
  return page.evaluate(async () => {
    const out = {};
    for (const key of await caches.keys()) {
      const cache = await caches.open(key);
      out[key] = (await cache.keys()).map((request) => request.url).sort();
    }
    return out;
  });
}

/** The page shows a rendered route with the corpus: the shell, no loading notice, no error. */
async function appRendered(page) {
  await page.waitForFunction(() => document.querySelector('.site-header')
    && !document.querySelector('main .status')
    && document.querySelector('main')?.textContent.trim(), null, { timeout: 15000 });
  assert.equal(await page.locator('.load-error').count(), 0, 'no load error');
  assert.equal(await page.locator('#fatal').isHidden(), true, 'no fatal error');
}

/** Records which corpus.json responses came from the service worker. */
function corpusResponses(page) {
  const seen = [];
  page.on('response', (res) => {
    if (new URL(res.url()).pathname.endsWith('/corpus.json')) {
      seen.push({ status: res.status(), fromServiceWorker: res.fromServiceWorker() });
    }
  });
  return seen;
}

test('after a first visit, every route works offline with the corpus', async () => {
  const server = await serveDist();
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const seen = watch(page);
    const corpusSeen = corpusResponses(page);
    const corpus = await builtCorpus();
    const total = corpus.readouts.reduce((n, r) => n + r.statements.length, 0);
    const readout = corpus.readouts[0];

    await page.goto(server.url);
    await page.locator('.summary').waitFor({ timeout: 15000 });
    await untilControlled(page);

    // The cache holds exactly the build, under the worker's version, and nothing else.
    const build = await workerBuild(DIST);
    const files = await buildFiles(DIST);
    assert.deepEqual(build.files.map((f) => f.path), files, 'sw.js lists exactly the files of dist/');
    assert.equal(await workerVersion(page), build.version);
    const cached = await cacheContents(page);
    assert.deepEqual(Object.keys(cached), [`readouts ${server.url} ${build.version}`], 'one cache, named after the build');
    assert.deepEqual(Object.values(cached)[0], files.map((f) => new URL(f, server.url).href).sort(),
      'the cache holds exactly the files of the build');

    await context.setOffline(true);
    await page.reload();
    await page.locator('.summary').waitFor({ timeout: 15000 });
    assert.equal(await page.locator('article.card').count(), total, 'offline: every statement as a card');

    // Deep links: the readout, a participant, a statement and an unknown route, all from the
    // cached app shell. The viewer's pages are tested on their own; here each route renders.
    const routes = [
      `r/${readout.id}`,
      `p/${readout.participants[0].id}`,
      `s/${readout.statements[0].id}`,
      'no/such/page?x=1',
    ];
    for (const route of routes) {
      const before = corpusSeen.length;
      const response = await page.goto(new URL(route, server.url).href);
      assert.equal(response.status(), 200, `offline ${route}: answered`);
      assert.ok(response.fromServiceWorker(), `offline ${route}: from the service worker`);
      await appRendered(page);
      assert.ok(corpusSeen.slice(before).some((r) => r.status === 200 && r.fromServiceWorker),
        `offline ${route}: the corpus came from the cache: ${JSON.stringify(corpusSeen.slice(before))}`);
    }
    await page.goto(new URL('no/such/page', server.url).href);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor({ timeout: 15000 });
    // The lists, drawn by a lazy app (compare-app.js and its wasm, precached with the rest):
    // offline too, with every participant and readout.
    await page.goto(new URL('p/', server.url).href);
    await page.locator('.browse-list li').first().waitFor({ timeout: 15000 });
    const people = new Set(corpus.readouts.flatMap((r) => r.participants.map((p) => p.id)));
    assert.equal(await page.locator('.browse-list li').count(), people.size, 'offline: every participant');
    await page.goto(new URL('r/', server.url).href);
    await page.locator('.browse-list li').first().waitFor({ timeout: 15000 });
    assert.equal(await page.locator('.browse-list li').count(), corpus.readouts.length, 'offline: every readout');

    assert.deepEqual([...seen.consoleErrors, ...seen.pageErrors, ...seen.failedRequests, ...seen.httpErrors], []);
  } finally {
    await context.close();
    await server.close();
  }
});

/** The corpus copies the service worker keeps: the confirmed one, and the candidate if any. */
function corpusCopies(page) {
  return page.evaluate(async () => {
    const text = async (key) => {
      const response = await caches.match(new URL(key, document.baseURI).href);
      return response ? response.text() : null;
    };
    return { confirmed: await text('corpus.json'), candidate: await text('corpus.json?readouts-corpus=candidate') };
  });
}

/** The page shows the statements (`count` cards) and no error. */
async function showsStatements(page, count, what) {
  await page.locator('.summary').waitFor({ timeout: 15000 });
  assert.equal(await page.locator('.load-error').count(), 0, `${what}: no error panel`);
  assert.equal(await page.locator('article.card').count(), count, `${what}: every statement as a card`);
}

/** A copy of the build served and visited until its service worker controls the page. */
async function controlledCopy() {
  const copy = await copyOfDist();
  const server = await startServer({ root: copy.dir });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await page.locator('.summary').waitFor({ timeout: 15000 });
  await untilControlled(page);
  const corpusFile = path.join(copy.dir, 'corpus.json');
  return {
    page,
    context,
    corpusFile,
    original: await readFile(corpusFile, 'utf8'),
    close: async () => {
      await context.close();
      await server.close();
      await copy.cleanup();
    },
  };
}

// The service worker keeps a new corpus only once the app has read it (scripts/sw-template.js,
// src/corpus_loader.rs): each of these, served as an update, must never replace the good copy.
const UNREADABLE = {
  'no readouts': '{"schema_version":1}',
  'readouts that are not a list': '{"schema_version":1,"readouts":"garbage"}',
  'a readout without fields': '{"schema_version":1,"readouts":[{}]}',
};

for (const [name, body] of Object.entries(UNREADABLE)) {
  for (const offline of [false, true]) {
    test(`an update the app cannot read (${name}) never replaces the good corpus (${offline ? 'offline' : 'online'})`, async () => {
      const app = await controlledCopy();
      const { page } = app;
      try {
        const seen = watch(page);
        const warnings = [];
        page.on('console', (msg) => {
          if (msg.type() === 'warning') warnings.push(msg.text());
        });
        const total = JSON.parse(app.original).readouts.reduce((n, r) => n + r.statements.length, 0);
        await writeFile(app.corpusFile, body);
        // This load shows the cached corpus and fetches the update as a candidate.
        await page.reload();
        await showsStatements(page, total, 'the load that fetches the update');
        await page.waitForFunction((b) => caches.match(new URL('corpus.json?readouts-corpus=candidate', document.baseURI).href)
          .then((r) => r && r.text()).then((t) => t === b), body, { timeout: 10000, polling: 100 });
        if (offline) await app.context.setOffline(true);

        // The next load is served the candidate, cannot read it, and shows the good copy.
        await page.reload();
        await showsStatements(page, total, 'the load served the update');
        assert.match(await page.locator('.corpus-notice').textContent(), /newest update of the corpus could not be read/);
        assert.ok(warnings.some((w) => w.startsWith('readouts: the newest corpus could not be read')), warnings.join('\n'));
        assert.deepEqual(await corpusCopies(page), { confirmed: app.original, candidate: null }, 'the good copy stays, the update is dropped');

        // And every load after it, without a notice: the same update is not taken again.
        for (let i = 0; i < 2; i += 1) {
          await page.reload();
          await showsStatements(page, total, `load ${i + 1} after`);
          assert.equal(await page.locator('.corpus-notice').count(), 0, 'no notice once the update is dropped');
        }
        assert.deepEqual(await corpusCopies(page), { confirmed: app.original, candidate: null });
        assert.deepEqual([...seen.consoleErrors, ...seen.pageErrors], []);
      } finally {
        await app.close();
      }
    });
  }
}

test('an update the app reads replaces the corpus on the next load, and stays offline', async () => {
  const app = await controlledCopy();
  const { page } = app;
  const shows = (text) => page.evaluate((t) => document.body.textContent.includes(t), text);
  try {
    const seen = watch(page);
    const fresh = JSON.parse(app.original);
    fresh.readouts[0].title = `${fresh.readouts[0].title} (fresh)`;
    const freshText = JSON.stringify(fresh);
    await writeFile(app.corpusFile, freshText);
    // This load still shows the cached corpus at once; the update waits as the candidate.
    await page.reload();
    await page.locator('.summary').waitFor({ timeout: 15000 });
    assert.equal(await shows('(fresh)'), false, 'served from the cache at once');
    await page.waitForFunction(() => caches.match(new URL('corpus.json?readouts-corpus=candidate', document.baseURI).href)
      .then((r) => Boolean(r)), null, { timeout: 10000, polling: 100 });
    assert.equal((await corpusCopies(page)).confirmed, app.original, 'not kept before the app has read it');

    // The next load reads it, and the worker keeps it.
    await page.reload();
    await page.locator('.summary').waitFor({ timeout: 15000 });
    assert.equal(await shows('(fresh)'), true, 'the next load shows the update');
    assert.equal(await page.locator('.corpus-notice').count(), 0);
    // The app's "ok" is not waited for: wait until the worker has kept the update.
    await page.waitForFunction(async (fresh) => {
      const at = (key) => caches.match(new URL(key, document.baseURI).href).then((r) => (r ? r.text() : null));
      return await at('corpus.json') === fresh && await at('corpus.json?readouts-corpus=candidate') === null;
    }, freshText, { timeout: 10000, polling: 100 });

    await app.context.setOffline(true);
    await page.reload();
    await page.locator('.summary').waitFor({ timeout: 15000 });
    assert.equal(await shows('(fresh)'), true, 'offline, the kept update');
    assert.deepEqual([...seen.consoleErrors, ...seen.pageErrors], []);
  } finally {
    await app.close();
  }
});

test('below a base path, the worker\'s scope and caches stay within it, offline too', async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'readouts-base-'));
  const dir = path.join(root, 'readouts');
  await cp(DIST, dir, { recursive: true });
  // What `scripts/build.sh --public-url /readouts/` changes in index.html.
  const indexFile = path.join(dir, 'index.html');
  const html = (await readFile(indexFile, 'utf8')).replace(/(["'])\/(?=[^"'/\s>])/g, '$1/readouts/').replace('<base href="/"', '<base href="/readouts/"');
  await writeFile(indexFile, html);
  await generate(dir);
  const server = await startServer({ root });
  const context = await browser.newContext();
  const base = new URL('readouts/', server.url).href;
  try {
    const page = await context.newPage();
    const seen = watch(page);
    await page.goto(base);
    await appRendered(page);
    await untilControlled(page);
    assert.equal(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.scope)), base);
    const cached = await cacheContents(page);
    const [name] = Object.keys(cached);
    assert.ok(name.startsWith(`readouts ${base} `), `cache named after the scope: ${name}`);
    assert.ok(cached[name].every((url) => url.startsWith(base)), 'every cached file is below the base path');
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    assert.deepEqual(manifest.errors, []);

    await context.setOffline(true);
    await page.reload();
    await appRendered(page);
    const readout = (await builtCorpus()).readouts[0];
    const response = await page.goto(new URL(`r/${readout.id}`, base).href);
    assert.ok(response.fromServiceWorker(), 'the deep link comes from the cached shell');
    await appRendered(page);
    assert.deepEqual([...seen.consoleErrors, ...seen.pageErrors], []);
  } finally {
    await context.close();
    await server.close();
    await rm(root, { recursive: true, force: true });
  }
});

/**
 * What a rebuild gives: a changed stylesheet under a new hashed name (the old one gone from
 * the server), a changed index.html and corpus, and a new sw.js from the generator.
 */
async function rebuild(dir) {
  const indexFile = path.join(dir, 'index.html');
  let html = await readFile(indexFile, 'utf8');
  const [tag, oldCss] = html.match(/<link rel="stylesheet" href="\/(app-[0-9a-f]{12,16}\.css)"[^>]*>/);
  const css = `${await readFile(path.join(dir, oldCss), 'utf8')}\nbody { --readouts-build: "2"; }\n`;
  const newCss = `app-${createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`;
  const integrity = `sha384-${createHash('sha384').update(css).digest('base64')}`;
  await writeFile(path.join(dir, newCss), css);
  await rm(path.join(dir, oldCss));
  html = html
    .replace(tag, `<link rel="stylesheet" href="/${newCss}" integrity="${integrity}"/>`)
    .replace('</head>', '<meta name="readouts-build" content="2" />\n</head>');
  await writeFile(indexFile, html);

  const corpusFile = path.join(dir, 'corpus.json');
  const corpus = JSON.parse(await readFile(corpusFile, 'utf8'));
  corpus.readouts[0].title = `${corpus.readouts[0].title} (build 2)`;
  await writeFile(corpusFile, JSON.stringify(corpus, null, 2));
  return generate(dir);
}

/** Which build the page runs: its index.html marker and the stylesheet it applied. */
function pageBuild(page) {
  return page.evaluate(() => ({
    html: document.querySelector('meta[name="readouts-build"]')?.content ?? '1',
    css: getComputedStyle(document.body).getPropertyValue('--readouts-build').trim().replaceAll('"', '') || '1',
  }));
}

test('a rebuilt app is offered by the update notice and replaces the old build whole', async () => {
  const copy = await copyOfDist();
  const server = await startServer({ root: copy.dir });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const seen = watch(page);
    await page.goto(server.url);
    await page.locator('.summary').waitFor({ timeout: 15000 });
    await untilControlled(page);
    const v1 = await workerVersion(page);
    const other = await context.newPage(); // a second tab on the old build
    await other.goto(server.url);
    await other.locator('.summary').waitFor({ timeout: 15000 });
    assert.equal(await page.locator('#update-notice').textContent(), '', 'no notice without an update');

    const { version: v2 } = await rebuild(copy.dir);
    assert.notEqual(v2, v1, 'the rebuild has a new version');

    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    const notice = page.getByRole('status').filter({ hasText: 'A new version of readouts is ready.' });
    await notice.waitFor({ timeout: 15000 });
    assert.equal(await notice.getByRole('button', { name: 'Reload to update' }).isVisible(), true);

    // Dismissed, the notice goes; reloading without accepting keeps the whole old build
    // (its stylesheet is no longer on the server) and offers the update again.
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    assert.equal(await page.locator('#update-notice').textContent(), '', 'dismissed');
    await page.reload();
    await page.locator('.summary').waitFor({ timeout: 15000 });
    assert.deepEqual(await pageBuild(page), { html: '1', css: '1' }, 'still the old build, whole');
    assert.equal(await workerVersion(page), v1);
    await notice.waitFor({ timeout: 15000 });

    let loads = 0;
    page.on('load', () => { loads += 1; });
    await notice.getByRole('button', { name: 'Reload to update' }).click();
    await page.waitForFunction(() => document.querySelector('meta[name="readouts-build"]'), null, { timeout: 15000 });
    await page.locator('.summary').waitFor({ timeout: 15000 });
    // Another reload could only come from a change of worker: wait until the new one controls
    // the page with nothing further installing, then for the page to paint.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
    await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.installing || r.waiting ? 'busy' : 'idle'))
      .then((state) => assert.equal(state, 'idle', 'no further worker on its way'));
    await afterPaint(page);
    assert.equal(loads, 1, 'one reload into the new build');
    assert.deepEqual(await pageBuild(page), { html: '2', css: '2' }, 'the new build, whole');
    assert.equal(await workerVersion(page), v2);
    assert.equal(await page.locator('#update-notice').textContent(), '', 'no notice after the update');
    const corpusTitle = await page.evaluate(() => fetch('corpus.json').then((r) => r.json()).then((c) => c.readouts[0].title));
    assert.match(corpusTitle, /\(build 2\)$/, 'the new corpus');

    const cached = await cacheContents(page);
    assert.deepEqual(Object.keys(cached), [`readouts ${server.url} ${v2}`], 'the old cache is gone');
    assert.deepEqual(cached[`readouts ${server.url} ${v2}`],
      (await buildFiles(copy.dir)).map((f) => new URL(f, server.url).href).sort());

    // The other tab reloaded into the new build too.
    await other.waitForFunction(() => document.querySelector('meta[name="readouts-build"]'), null, { timeout: 15000 });
    assert.deepEqual(await pageBuild(other), { html: '2', css: '2' }, 'the other tab runs the new build');

    assert.deepEqual([...seen.consoleErrors, ...seen.pageErrors, ...seen.failedRequests], []);
  } finally {
    await context.close();
    await server.close();
    await copy.cleanup();
  }
});

test('a half-deployed build (a file that does not match sw.js) is never installed', async () => {
  const copy = await copyOfDist();
  const server = await startServer({ root: copy.dir });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator('.summary').waitFor({ timeout: 15000 });
    await untilControlled(page);
    const v1 = await workerVersion(page);

    await rebuild(copy.dir);
    // The deploy is caught halfway: the new sw.js is up, corpus.json is not what it lists.
    const corpusFile = path.join(copy.dir, 'corpus.json');
    await writeFile(corpusFile, (await readFile(corpusFile, 'utf8')).replace('(build 2)', '(build 3)'));
    const outcome = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration.update();
      const worker = registration.installing;
      if (!worker) return 'no new worker';
      await new Promise((resolve) => {
        const done = () => ['installed', 'redundant'].includes(worker.state) && resolve();
        worker.addEventListener('statechange', done);
        done();
      });
      return `${worker.state}; waiting: ${Boolean(registration.waiting)}`;
    });
    assert.equal(outcome, 'redundant; waiting: false', 'the new worker fails to install');
    await afterPaint(page);
    assert.equal(await page.locator('#update-notice').textContent(), '', 'no update offered');
    const cached = await cacheContents(page);
    assert.deepEqual(Object.keys(cached), [`readouts ${server.url} ${v1}`], 'no cache of the broken build');
    await page.reload();
    await page.locator('.summary').waitFor({ timeout: 15000 });
    assert.equal(await workerVersion(page), v1, 'the old build goes on');
  } finally {
    await context.close();
    await server.close();
    await copy.cleanup();
  }
});

test('Chromium finds the manifest installable', async () => {
  const server = await serveDist();
  // A persistent profile: Chromium never offers to install from an incognito-like context.
  const profile = await mkdtemp(path.join(tmpdir(), 'readouts-profile-'));
  const context = await launchPersistent(profile);
  try {
    const page = context.pages()[0] ?? await context.newPage();
    await page.goto(server.url);
    await page.locator('.summary').waitFor({ timeout: 15000 });
    await untilControlled(page);
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    assert.equal(manifest.url, new URL('manifest.webmanifest', server.url).href);
    assert.deepEqual(manifest.errors, [], 'no manifest errors');
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, [], 'no installability errors');

    const data = JSON.parse(manifest.data);
    assert.equal(data.display, 'standalone');
    assert.equal(data.start_url, './', 'relative start URL: the app works below any base path');
    assert.equal(data.scope, './');
    for (const key of ['name', 'short_name', 'description', 'background_color', 'theme_color']) {
      assert.ok(data[key], `manifest ${key}`);
    }
    const css = await readFile(path.join(DIST, (await readdir(DIST)).find((f) => /^app-.*\.css$/.test(f))), 'utf8');
    assert.ok(css.includes(`--bg: ${data.background_color};`), 'the background colour is the page background');
    // Every icon is a PNG of its declared size; one is maskable, 192 and 512 are there.
    for (const icon of data.icons) {
      const response = await page.request.get(new URL(icon.src, manifest.url).href);
      assert.equal(response.headers()['content-type'], 'image/png');
      const png = decodePng(await response.body());
      assert.equal(`${png.width}x${png.height}`, icon.sizes, `${icon.src} is ${icon.sizes}`);
    }
    const sizes = (purpose) => data.icons.filter((i) => i.purpose === purpose).map((i) => i.sizes).sort();
    assert.deepEqual(sizes('any'), ['192x192', '512x512']);
    assert.deepEqual(sizes('maskable'), ['192x192', '512x512']);
  } finally {
    await context.close();
    await server.close();
    await rm(profile, { recursive: true, force: true });
  }
});

test('the icons are exactly what scripts/gen-icons.mjs draws; maskable ones keep the glyph in the safe zone', async () => {
  for (const icon of ICONS) {
    const png = decodePng(await readFile(path.join(ICON_DIR, icon.file)));
    assert.equal(png.width, icon.size);
    assert.ok(png.pixels.equals(renderIcon(icon)), `${icon.file} is the script's output (run node scripts/gen-icons.mjs)`);
    if (icon.bleed) {
      // Outside the central circle of radius 40%, only the opaque background colour.
      const bg = png.pixels.subarray(0, 4);
      assert.equal(bg[3], 255, `${icon.file} is opaque`);
      for (let y = 0; y < icon.size; y += 1) {
        for (let x = 0; x < icon.size; x += 1) {
          const r = Math.hypot(x + 0.5 - icon.size / 2, y + 0.5 - icon.size / 2) / icon.size;
          if (r < 0.4) continue;
          const o = (y * icon.size + x) * 4;
          assert.ok(png.pixels.subarray(o, o + 4).equals(bg), `${icon.file}: (${x}, ${y}) is outside the safe zone`);
        }
      }
    }
  }
});

test('nothing from another origin is handled or cached by the service worker', async () => {
  // Without the build's headers: its policy (connect-src and img-src 'self') would refuse the
  // foreign requests before the worker could see them.
  const server = await serveDist({ headersFor: () => ({}) });
  const elsewhere = await startServer({ root: DIST, headers: { 'Access-Control-Allow-Origin': '*' } });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator('.summary').waitFor({ timeout: 15000 });
    await untilControlled(page);
    const foreign = [];
    page.on('response', (res) => {
      if (res.url().startsWith(elsewhere.url)) foreign.push({ url: res.url(), fromServiceWorker: res.fromServiceWorker() });
    });
    const other = new URL('corpus.json', elsewhere.url).href;
    const ok = await page.evaluate((url) => fetch(url).then((r) => r.ok), other);
    assert.ok(ok, 'the other origin answered');
    await page.evaluate((url) => new Promise((resolve) => {
      const img = new Image();
      img.onload = img.onerror = resolve;
      img.src = url;
    }), new URL('icons/icon-192.png', elsewhere.url).href);
    await page.reload();
    await page.locator('.summary').waitFor({ timeout: 15000 });
    assert.ok(foreign.length >= 2, 'the page fetched from the other origin');
    assert.ok(foreign.every((r) => !r.fromServiceWorker), `not answered by the service worker: ${JSON.stringify(foreign)}`);
    const cached = Object.values(await cacheContents(page)).flat();
    assert.ok(cached.length > 0);
    const outside = cached.filter((url) => new URL(url).origin !== new URL(server.url).origin);
    assert.deepEqual(outside, [], 'every cached URL is of the app origin');
  } finally {
    await context.close();
    await server.close();
    await elsewhere.close();
  }
});

test('the app runs where service workers or storage are blocked', async () => {
  const server = await serveDist();
  const variants = {
    'reading navigator.serviceWorker throws SecurityError': () => {
      Object.defineProperty(Navigator.prototype, 'serviceWorker', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    },
    'register() rejects with SecurityError': () => {
      ServiceWorkerContainer.prototype.register = () => Promise.reject(new DOMException('Access denied', 'SecurityError'));
    },
    'register() throws': () => {
      ServiceWorkerContainer.prototype.register = () => {
        throw new DOMException('Access denied', 'SecurityError');
      };
    },
    'service workers blocked by the browser': null,
  };
  try {
    for (const [name, script] of Object.entries(variants)) {
      const context = await browser.newContext(script ? {} : { serviceWorkers: 'block' });
      const page = await context.newPage();
      const seen = watch(page);
      const warning = page.waitForEvent('console', {
        predicate: (msg) => msg.type() === 'warning' && msg.text().startsWith('readouts: offline support'),
        timeout: 15000,
      }).then((msg) => msg.text());
      if (script) await page.addInitScript(script);
      await page.goto(server.url);
      await page.locator('.summary').waitFor({ timeout: 15000 });
      assert.ok(await page.locator('article.card').count() > 0, `${name}: the cards render`);
      // One clear warning with the reason, never a raw TypeError from the registration code.
      const text = await warning;
      assert.match(text, /^readouts: offline support is unavailable: .*(blocked|refused).*\. The app works online as usual\.$/, `${name}: ${text}`);
      assert.doesNotMatch(text, /TypeError|Cannot read|undefined/, `${name}: ${text}`);
      assert.deepEqual([...seen.consoleErrors, ...seen.pageErrors], [], `${name}: no errors`);
      await context.close();
    }
  } finally {
    await server.close();
  }
});

/** The Content-Security-Policy that gen-sw.mjs wrote into _headers for every path. */
async function builtPolicy() {
  const rules = await readFile(path.join(DIST, '_headers'), 'utf8');
  const policy = rules.match(/^\/\*\n(?: {2}.*\n)*? {2}Content-Security-Policy: (.*)$/m);
  assert.ok(policy, '_headers sets a Content-Security-Policy for every path');
  return policy[1];
}

test("the app works under the build's Content-Security-Policy, online and offline", async () => {
  const csp = await builtPolicy();
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/]+=*'/);
  const server = await serveDist({ headers: { 'Content-Security-Policy': csp } });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const seen = watch(page);
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    await page.goto(server.url);
    await page.locator('.summary').waitFor({ timeout: 15000 });
    await untilControlled(page);
    await context.setOffline(true);
    await page.reload();
    await page.locator('.summary').waitFor({ timeout: 15000 });
    assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no CSP violations');
    assert.deepEqual([...seen.consoleErrors, ...seen.pageErrors], []);
  } finally {
    await context.close();
    await server.close();
  }
});

test('the worker is generated from the build: same files, same version; any change, a new one', async () => {
  const copy = await copyOfDist();
  try {
    const built = await workerBuild(DIST);
    const again = await generate(copy.dir);
    assert.equal(again.version, built.version, 'regenerating the same build gives the same version');
    assert.deepEqual(await readFile(path.join(copy.dir, 'sw.js'), 'utf8'), await readFile(path.join(DIST, 'sw.js'), 'utf8'));
    await writeFile(path.join(copy.dir, 'icons', 'icon-192.png'), Buffer.concat([await readFile(path.join(copy.dir, 'icons', 'icon-192.png')), Buffer.from([0])]));
    assert.notEqual((await generate(copy.dir)).version, built.version, 'one changed byte, a new version');
    await rm(path.join(copy.dir, 'manifest.webmanifest'));
    await assert.rejects(generate(copy.dir), /index\.html loads manifest\.webmanifest/, 'a build missing a file it loads is an error');
  } finally {
    await copy.cleanup();
  }
});
