// Embeds: a host page on another site (http://localhost:<port> against the app on
// http://127.0.0.1:<port>) frames a statement and a filtered list of statements. The app is
// served with the headers of the build's _headers (frame-ancestors * for /embed/, 'none' for
// the views). Checked: both embeds render without site chrome; their height messages arrive
// and embed-host.js sizes each iframe to its document; the attribution link opens the full
// view in a new tab; links in the content leave the iframe; frames register no service
// worker; embeds render with all storage blocked and under Cloudflare's way of merging
// headers; messages from the parent change nothing; the Embed button's snippet and its Copy
// button, and that snippet pasted into a host page works; theme=light|dark before the first
// paint and kept across the embed's own moves, and the count without the corpus' size unless
// total=1 asks for it (screenshots of both themes in target/e2e-screenshots/).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DIST, ROOT, builtCorpus, launchBrowser, serveDist, watch, afterPaint } from './helpers.mjs';
import { headersForPath, parseHeaderRules, startServer } from './server.mjs';

const SHOTS = path.join(ROOT, 'target', 'e2e-screenshots');

/** The iframes' height before the host script sizes them. */
const INITIAL = 150;

let browser;
let rules;
let app;
let host;
let hostDir;
let statement;
let query;
let listCount;
let statementCount;

before(async () => {
  browser = await launchBrowser();
  rules = parseHeaderRules(await readFile(path.join(DIST, '_headers'), 'utf8'));
  app = await serveDist({ headersFor: (pathname) => headersForPath(rules, pathname) });
  hostDir = await mkdtemp(path.join(tmpdir(), 'readouts-host-'));
  host = await startServer({ root: hostDir });
  // A statement, and the statements of one speaker on one topic (more than one of them).
  const corpus = await builtCorpus();
  const all = corpus.readouts.flatMap((r) => r.statements);
  const pairs = new Map();
  for (const s of all) {
    for (const topic of s.topics) {
      for (const speaker of s.speakers) {
        const key = JSON.stringify([topic, speaker]);
        pairs.set(key, (pairs.get(key) ?? 0) + 1);
      }
    }
  }
  const [key, count] = [...pairs].sort((a, b) => b[1] - a[1])[0];
  const [topic, speaker] = JSON.parse(key);
  query = new URLSearchParams({ topic, speaker }).toString();
  listCount = count;
  statementCount = all.length;
  statement = all.find((s) => s.speakers.length > 0 && s.topics.length > 0) ?? all[0];
  assert.ok(listCount > 1, 'the corpus has a speaker with several statements on one topic');
});

after(async () => {
  await browser?.close();
  await app?.close();
  await host?.close();
  if (hostDir) await rm(hostDir, { recursive: true, force: true });
});

/** The app's URL for `pathname` (absolute, on 127.0.0.1). */
function appUrl(pathname, server = app) {
  return new URL(pathname.replace(/^\//, ''), server.url).href;
}

/** Writes a host page `name` and returns its URL on the other site (localhost). */
async function hostPage(name, body) {
  await writeFile(path.join(hostDir, name), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A news site</title>
<script>
  // What a host sees: every readouts:height message, with the iframe it came from.
  window.__messages = [];
  window.addEventListener('message', (event) => {
    if (!event.data || event.data.type !== 'readouts:height') return;
    const frame = [...document.querySelectorAll('iframe')].find((f) => f.contentWindow === event.source);
    window.__messages.push({ origin: event.origin, frame: frame ? frame.id : null, data: event.data });
  });
</script>
</head><body><h1>An article</h1>
${body}
</body></html>`);
  return `http://localhost:${host.port}/${name}`;
}

/** The embed code's elements and attributes (values unescaped), read with a strict pattern. */
function parseSnippet(html) {
  const match = html.match(/^<iframe ((?:[a-z]+="[^"<>]*" ?)+)><\/iframe>\n<script src="([^"<>]*)" async><\/script>$/);
  assert.ok(match, `the embed code is an iframe and a script: ${html}`);
  const unescape = (v) => v.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const attributes = Object.fromEntries([...match[1].matchAll(/([a-z]+)="([^"]*)"/g)].map((m) => [m[1], unescape(m[2])]));
  return { tags: ['IFRAME', 'SCRIPT'], ...attributes, script: unescape(match[2]) };
}

function frameTag(id, src) {
  return `<iframe id="${id}" src="${src}" title="${id}" loading="lazy" width="100%" height="${INITIAL}" style="border:0"></iframe>`;
}

/** Recorded in every frame before any script: errors, CSP violations, message listeners. */
function recorder() {
  window.__errors = [];
  window.__violations = [];
  window.__messageListeners = 0;
  window.addEventListener('error', (e) => window.__errors.push(String(e.message || e)));
  window.addEventListener('unhandledrejection', (e) => window.__errors.push(String(e.reason)));
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  const add = window.addEventListener;
  window.addEventListener = function (type, ...rest) {
    if (type === 'message') window.__messageListeners += 1;
    return add.call(this, type, ...rest);
  };
  Object.defineProperty(window, 'onmessage', { set() { window.__messageListeners += 1; }, get() { return null; } });
}

/** Every storage API throws, as where the browser blocks third-party storage. */
function blockStorage() {
  const deny = () => {
    throw new DOMException('Access is denied for this document.', 'SecurityError');
  };
  for (const name of ['localStorage', 'sessionStorage', 'indexedDB', 'caches']) {
    Object.defineProperty(window, name, { get: deny, configurable: true });
  }
  Object.defineProperty(Navigator.prototype, 'serviceWorker', { get: deny, configurable: true });
  Object.defineProperty(Document.prototype, 'cookie', { get: deny, set: deny, configurable: true });
}

async function frameOf(page, id) {
  const frame = await (await page.waitForSelector(`iframe#${id}`)).contentFrame();
  assert.ok(frame, `iframe #${id} has a frame`);
  return frame;
}

/** Asserts that the browser refused to show the app in iframe `id` (frame-ancestors). */
async function refused(page, id) {
  const frame = await frameOf(page, id);
  await frame.waitForURL((url) => url.protocol === 'chrome-error:', { waitUntil: 'commit', timeout: 5000 })
    .catch(() => {});
  assert.equal(frame.url(), 'chrome-error://chromewebdata/', `#${id} is not shown`);
}

/**
 * Waits until the iframe is sized to its document and returns the sizes. The frames have no
 * border, so the frame's viewport height is the element's height.
 */
async function untilSized(page, frame, id) {
  const sized = await frame.waitForFunction((initial) => {
    const root = document.documentElement;
    return innerHeight > initial && Math.abs(innerHeight - root.scrollHeight) <= 2
      && Math.abs(innerHeight - root.getBoundingClientRect().height) <= 2;
  }, INITIAL, { timeout: 10000 }).then(() => true, () => false);
  const element = await page.$eval(`iframe#${id}`, (f) => f.getBoundingClientRect().height);
  const inner = await frame.evaluate(() => ({
    scrollHeight: document.documentElement.scrollHeight,
    height: document.documentElement.getBoundingClientRect().height,
  }));
  const last = { element, ...inner };
  assert.ok(sized && element > INITIAL && Math.abs(element - inner.scrollHeight) <= 2,
    `iframe #${id} was not sized to its document: ${JSON.stringify(last)}`);
  return last;
}

test('a host page on another site embeds a statement and a filtered list: they render, size themselves and link to the full views', async () => {
  const url = await hostPage('host.html', [
    frameTag('statement', appUrl(`/embed/s/${statement.id}`)),
    frameTag('list', appUrl(`/embed/?${query}`)),
    // The full app refuses to be framed (frame-ancestors 'none'), on unknown paths too.
    frameTag('view', appUrl(`/s/${statement.id}`)),
    frameTag('unknown', appUrl('/zzz')),
    `<script src="${appUrl('/embed-host.js')}" async></script>`,
  ].join('\n'));
  const context = await browser.newContext();
  await context.addInitScript(recorder);
  const page = await context.newPage();
  const seen = watch(page);
  const requestsBefore = app.requests.length;
  try {
    await page.goto(url);
    const single = await frameOf(page, 'statement');
    const list = await frameOf(page, 'list');
    await single.locator('article.card').waitFor({ timeout: 15000 });
    await list.locator('article.card').first().waitFor({ timeout: 15000 });

    // The content, without the site's chrome.
    assert.equal(await single.locator('article.card').count(), 1);
    assert.equal(await single.locator(`article.card[data-statement="${statement.id}"]`).count(), 1);
    assert.match(await single.locator('h1').textContent(), /^Statement by /);
    assert.equal(await list.locator('article.card').count(), listCount, 'the list has the statements of its query');
    for (const frame of [single, list]) {
      for (const chrome of ['.site-header', '.site-footer', '.skip-link', 'form[role="search"]', '.filter-panel', '#sort-select', '.embed-code', '.breadcrumbs']) {
        assert.equal(await frame.locator(chrome).count(), 0, `no ${chrome} in ${frame.url()}`);
      }
      assert.equal(await frame.locator('main').count(), 1);
    }

    // The attribution link: the full view (same path without /embed, same query), new tab.
    const attribution = async (frame) => frame.$eval('a.embed-full', (a) => ({
      href: a.getAttribute('href'), target: a.target, rel: a.rel, text: a.textContent,
    }));
    const one = await attribution(single);
    assert.deepEqual([one.href, one.target, one.rel], [`/s/${statement.id}`, '_blank', 'noopener']);
    assert.match(one.text, /Full view on readouts ↗/);
    const many = await attribution(list);
    assert.deepEqual([many.href, many.target, many.rel], [`/?${query}`, '_blank', 'noopener']);

    // Links in the content open the full app in a new tab, never inside the iframe.
    const links = await list.$$eval('main a[href]', (all) => all.map((a) => ({ href: a.getAttribute('href'), target: a.target })));
    assert.ok(links.length > listCount);
    assert.deepEqual(links.filter((l) => l.target !== '_blank' || l.href.startsWith('/embed')), []);

    // Height messages arrive, and the host script sizes each iframe to its document.
    for (const [id, frame] of [['statement', single], ['list', list]]) {
      const sizes = await untilSized(page, frame, id);
      assert.ok(sizes.element > INITIAL + 100, `#${id} grew: ${JSON.stringify(sizes)}`);
      const messages = (await page.evaluate(() => window.__messages)).filter((m) => m.frame === id);
      assert.ok(messages.length > 0, `#${id} sent height messages`);
      const expectedPath = await frame.evaluate(() => location.pathname + location.search);
      for (const { origin, data } of messages) {
        assert.equal(origin, new URL(app.url).origin);
        assert.deepEqual(Object.keys(data).sort(), ['height', 'path', 'type']);
        assert.ok(Number.isInteger(data.height) && data.height > 0, JSON.stringify(data));
        assert.equal(data.path, expectedPath);
      }
      assert.ok(Math.abs(messages.at(-1).data.height - sizes.element) <= 1, `#${id}: the last message is the iframe's height`);
    }

    // Each message is sent once: never twice the same height and path in a row.
    for (const id of ['statement', 'list']) {
      const messages = (await page.evaluate(() => window.__messages)).filter((m) => m.frame === id).map((m) => m.data);
      for (let i = 1; i < messages.length; i += 1) {
        assert.notDeepEqual(messages[i], messages[i - 1], `#${id}: message ${i} repeats the one before: ${JSON.stringify(messages)}`);
      }
    }

    // The full view is not framed, nor an unknown path.
    await refused(page, 'view');
    await refused(page, 'unknown');

    // Embeds register no service worker (sw.js is never fetched), take no messages, break no
    // rule of the policy.
    assert.ok(!app.requests.slice(requestsBefore).includes('/sw.js'), 'no frame fetched sw.js');
    for (const frame of [single, list]) {
      assert.deepEqual(await frame.evaluate(() => [window.__errors, window.__violations, window.__messageListeners]), [[], [], 0]);
    }
    assert.deepEqual(seen.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('embeds render with every storage API blocked, and under Cloudflare-style merged headers', async () => {
  // Cloudflare Pages joins the values of every matching rule: two policies, both enforced.
  const merged = await serveDist({ headersFor: (pathname) => headersForPath(rules, pathname, 'join') });
  const url = await hostPage('blocked.html', [
    frameTag('statement', appUrl(`/embed/s/${statement.id}`, merged)),
    frameTag('list', appUrl(`/embed/?${query}`, merged)),
    frameTag('view', appUrl('/', merged)),
    frameTag('unknown', appUrl('/zzz', merged)),
    `<script src="${appUrl('/embed-host.js', merged)}" async></script>`,
  ].join('\n'));
  const context = await browser.newContext();
  await context.addInitScript(recorder);
  await context.addInitScript(blockStorage);
  const page = await context.newPage();
  const seen = watch(page);
  try {
    await page.goto(url);
    const single = await frameOf(page, 'statement');
    const list = await frameOf(page, 'list');
    await single.locator('article.card').waitFor({ timeout: 15000 });
    await list.locator('article.card').first().waitFor({ timeout: 15000 });
    assert.equal(await list.locator('article.card').count(), listCount);
    assert.equal(await single.evaluate(() => { try { return typeof localStorage; } catch (e) { return e.name; } }), 'SecurityError', 'storage is blocked in the frame');
    await untilSized(page, single, 'statement');
    await untilSized(page, list, 'list');
    await refused(page, 'view');
    await refused(page, 'unknown');
    for (const frame of [single, list]) {
      assert.deepEqual(await frame.evaluate(() => [window.__errors, window.__violations]), [[], []]);
    }
    assert.deepEqual(seen.pageErrors, []);
  } finally {
    await context.close();
    await merged.close();
  }
});

/** A page (on the host's site) that posts a height message to its parent every 50 ms. */
const POSTER = `<script>
  setInterval(() => parent.postMessage({ type: 'readouts:height', height: 99999, path: '/embed/' }, '*'), 50);
</script>`;

test('embed-host.js sizes readouts embeds only: not an ad, a srcdoc frame or a sandboxed frame', async () => {
  // The ad comes from a third site (127.0.0.1 on another port: neither the host nor readouts).
  const ads = await startServer({ root: hostDir });
  await writeFile(path.join(hostDir, 'ad.html'), `<!doctype html><title>ad</title>${POSTER}`);
  const adUrl = new URL('ad.html', ads.url).href;
  const frames = (script) => [
    frameTag('real', appUrl(`/embed/s/${statement.id}`)),
    frameTag('ad', adUrl),
    `<iframe id="srcdoc" srcdoc="${POSTER.replaceAll('"', '&quot;')}" height="${INITIAL}" style="border:0"></iframe>`,
    `<iframe id="sandboxed" sandbox="allow-scripts" src="${adUrl}" height="${INITIAL}" style="border:0"></iframe>`,
    script,
  ].join('\n');
  await writeFile(path.join(hostDir, 'embed-host.js'), await readFile(path.join(DIST, 'embed-host.js')));
  const pages = {
    // The script from the readouts site: it vouches for that origin.
    'from readouts': await hostPage('hostile.html', frames(`<script src="${appUrl('/embed-host.js')}" async></script>`)),
    // A copy on the host's own site, told which readouts site to trust.
    'a copy told the origin': await hostPage('configured.html', frames(`<script src="/embed-host.js" data-readouts-origins="${new URL(app.url).origin}" async></script>`)),
  };
  const context = await browser.newContext();
  try {
    for (const [name, url] of Object.entries(pages)) {
      const page = await context.newPage();
      await page.goto(url);
      const real = await frameOf(page, 'real');
      await real.locator('article.card').waitFor({ timeout: 15000 });
      await untilSized(page, real, 'real');
      // Each hostile frame has posted since the host script sized the real embed.
      const counts = async () => {
        const messages = await page.evaluate(() => window.__messages);
        return Object.fromEntries(['ad', 'srcdoc', 'sandboxed'].map((id) => [id, messages.filter((m) => m.frame === id).length]));
      };
      const before = await counts();
      await page.waitForFunction((b) => ['ad', 'srcdoc', 'sandboxed'].every((id) => window.__messages.filter((m) => m.frame === id).length > b[id]),
        before, { timeout: 10000, polling: 50 });
      const heights = await page.$$eval('iframe', (all) => Object.fromEntries(all.map((f) => [f.id, Math.round(f.getBoundingClientRect().height)])));
      assert.deepEqual({ ...heights, real: undefined }, { ad: INITIAL, srcdoc: INITIAL, sandboxed: INITIAL, real: undefined }, `${name}: no other frame resized`);
      assert.ok(heights.real > INITIAL, `${name}: the real embed is sized`);
      await page.close();
    }

    // A copy on the host's site that names no origin trusts only its own site: not readouts.
    const url = await hostPage('unlisted.html', frames('<script src="/embed-host.js" async></script>'));
    const page = await context.newPage();
    await page.goto(url);
    const real = await frameOf(page, 'real');
    await real.locator('article.card').waitFor({ timeout: 15000 });
    await page.waitForFunction(() => window.__messages.filter((m) => m.frame === 'real').length > 0
      && [...document.scripts].some((s) => s.src.endsWith('/embed-host.js')) && window.__readoutsEmbedHost, null, { timeout: 10000 });
    // Its own site's srcdoc frame sends from a trusted origin, but has no readouts src.
    const before = (await page.evaluate(() => window.__messages)).filter((m) => m.frame === 'srcdoc').length;
    await page.waitForFunction((b) => window.__messages.filter((m) => m.frame === 'srcdoc').length > b + 2, before, { timeout: 10000, polling: 50 });
    const heights = await page.$$eval('iframe', (all) => Object.fromEntries(all.map((f) => [f.id, Math.round(f.getBoundingClientRect().height)])));
    assert.deepEqual(heights, { real: INITIAL, ad: INITIAL, srcdoc: INITIAL, sandboxed: INITIAL }, 'an origin nobody vouched for is not trusted, a srcdoc frame never');
  } finally {
    await context.close();
    await ads.close();
  }
});

test('every link of every embed layout page leaves the frame, except the pager; embeds have no forms', async () => {
  const corpus = await builtCorpus();
  const readout = corpus.readouts[0];
  const paths = [
    `/embed/?${query}`,
    '/embed/?page=2',
    `/embed/s/${statement.id}`,
    `/embed/p/${readout.participants[0].id}`,
    `/embed/r/${readout.id}`,
    '/embed/zzz',
    '/embed/s/no-such-statement',
    '/embed/p/no-such-person',
    '/embed/r/no-such-readout',
  ];
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    for (const pathname of paths) {
      await page.goto(appUrl(pathname));
      await page.locator('.embed-content > :not(.status)').first().waitFor({ timeout: 15000 });
      const links = await page.$$eval('a[href]', (all) => all.map((a) => ({
        href: a.getAttribute('href'), target: a.target, rel: a.rel, pager: a.classList.contains('pager-link'),
      })));
      assert.ok(links.some((l) => !l.pager), `${pathname} has links`);
      const staying = links.filter((l) => !l.pager && (l.target !== '_blank' || !l.rel.includes('noopener')));
      assert.deepEqual(staying, [], `${pathname}: links that would open the full app inside the frame`);
      const pagerOut = links.filter((l) => l.pager && !l.href.startsWith('/embed'));
      assert.deepEqual(pagerOut, [], `${pathname}: the pager pages within the embed`);
      assert.equal(await page.locator('form').count(), 0, `${pathname}: no form`);
    }
  } finally {
    await context.close();
  }
});

test('the parent cannot drive an embed: its messages change nothing', async () => {
  const url = await hostPage('messages.html', [
    frameTag('list', appUrl(`/embed/?${query}`)),
    `<script src="${appUrl('/embed-host.js')}" async></script>`,
  ].join('\n'));
  const context = await browser.newContext();
  await context.addInitScript(recorder);
  const page = await context.newPage();
  try {
    await page.goto(url);
    const list = await frameOf(page, 'list');
    await list.locator('article.card').first().waitFor({ timeout: 15000 });
    await untilSized(page, list, 'list');
    // The count is announced once it settles: wait for it, so that only the messages could
    // change the page from here on.
    await list.waitForFunction(() => document.getElementById('result-announcement')?.textContent.trim(), null, { timeout: 15000 });
    const state = () => list.evaluate(() => ({
      url: location.href,
      history: history.length,
      cards: [...document.querySelectorAll('article.card')].map((c) => c.dataset.statement),
      title: document.title,
      main: document.querySelector('main').textContent,
    }));
    const before = await state();
    assert.equal(await list.evaluate(() => window.__messageListeners), 0, 'the embed listens to no message');
    // A listener of the test's own, counted after the check above, sees the messages arrive:
    // messages from one window arrive in the order they were sent, so once the last one is in,
    // the embed has had every one before it.
    await list.evaluate(() => {
      window.__lastMessage = new Promise((resolve) => {
        addEventListener('message', (event) => { if (event.data === 'test:last') resolve(); });
      });
    });
    await page.evaluate((appOrigin) => {
      const target = document.getElementById('list').contentWindow;
      const messages = [
        { type: 'readouts:navigate', path: '/embed/s/x' },
        { type: 'readouts:query', query: 'q=zzzz' },
        { type: 'readouts:height', height: 1 },
        { type: 'navigate', url: 'https://example.com/' },
        'reload',
        '{"type":"readouts:navigate","path":"/"}',
        null,
        [1, 2, 3],
      ];
      for (const message of messages) {
        target.postMessage(message, '*');
        target.postMessage(message, appOrigin);
      }
      target.postMessage('test:last', '*');
    }, new URL(app.url).origin);
    await list.evaluate(() => window.__lastMessage);
    await afterPaint(list);
    assert.deepEqual(await state(), before, 'the embed is unchanged');
  } finally {
    await context.close();
  }
});

test('the Embed button gives the snippet of the filtered view; Copy puts it on the clipboard, or selects it', async () => {
  const origin = new URL(app.url).origin;
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  try {
    const page = await context.newPage();
    const seen = watch(page);
    await page.goto(appUrl(`/?${query}`));
    await page.locator('article.card').first().waitFor({ timeout: 15000 });
    const text = page.locator('#embed-code-text');
    assert.equal(await text.isVisible(), false, 'the code is hidden until asked for');
    await page.getByText('Embed', { exact: true }).click();
    assert.ok(await text.isVisible());
    assert.equal(await text.evaluate((t) => t.readOnly), true);
    const snippet = await text.inputValue();
    // Read in Node: a DOMParser in the page would apply the page's policy to style="…".
    const parsed = parseSnippet(snippet);
    assert.deepEqual(parsed.tags, ['IFRAME', 'SCRIPT']);
    const src = new URL(parsed.src);
    assert.equal(src.origin, origin);
    assert.equal(src.pathname, '/embed/');
    const sorted = (params) => [...params].sort((a, b) => a[0].localeCompare(b[0]));
    assert.deepEqual(sorted(src.searchParams), sorted(new URLSearchParams(query)), 'the same query');
    assert.match(parsed.title, /^Statements \(/);
    assert.ok(parsed.title.includes(new URLSearchParams(query).get('topic')), parsed.title);
    assert.equal(parsed.loading, 'lazy');
    assert.equal(parsed.width, '100%');
    assert.ok(Number(parsed.height) >= 300, parsed.height);
    assert.equal(parsed.style, 'border:0');
    assert.equal(parsed.script, `${origin}/embed-host.js`);

    await page.getByRole('button', { name: 'Copy' }).click();
    await page.locator('#embed-code-status', { hasText: 'Copied' }).waitFor({ timeout: 5000 });
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), snippet);
    assert.deepEqual([...seen.consoleErrors, ...seen.pageErrors], []);

    // The snippet, pasted into a page on another site, works as it is.
    const pasted = await hostPage('pasted.html', snippet);
    const hostTab = await context.newPage();
    await hostTab.goto(pasted);
    const frame = await (await hostTab.waitForSelector('iframe')).contentFrame();
    await frame.locator('article.card').first().waitFor({ timeout: 15000 });
    assert.equal(await frame.locator('article.card').count(), listCount);
    await hostTab.$eval('iframe', (f) => { f.id = 'pasted'; });
    await untilSized(hostTab, frame, 'pasted');
  } finally {
    await context.close();
  }

  // Without the clipboard API (and the legacy copy command), the code is selected instead.
  const bare = await browser.newContext();
  await bare.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true });
    Document.prototype.execCommand = () => false;
  });
  try {
    const page = await bare.newPage();
    await page.goto(appUrl(`/s/${statement.id}`));
    await page.locator('article.card').first().waitFor({ timeout: 15000 });
    await page.getByText('Embed', { exact: true }).click();
    await page.getByRole('button', { name: 'Copy' }).click();
    await page.locator('#embed-code-status', { hasText: 'press Ctrl+C' }).waitFor({ timeout: 5000 });
    const selection = await page.$eval('#embed-code-text', (t) => ({
      focused: document.activeElement === t, start: t.selectionStart, end: t.selectionEnd, length: t.value.length, value: t.value,
    }));
    assert.deepEqual([selection.focused, selection.start, selection.end], [true, 0, selection.length]);
    assert.ok(selection.value.startsWith(`<iframe src="${origin}/embed/s/${statement.id}" title="Statement by `), selection.value);
  } finally {
    await bare.close();
  }
});

/** The body's background in each theme (static/app.css: --bg), computed and as written. */
const BACKGROUND = { light: 'rgb(246, 247, 249)', dark: 'rgb(17, 19, 24)' };
const BG = { light: '#f6f7f9', dark: '#111318' };

/**
 * Recorded in the embed's document before any of its scripts: data-theme and the page's
 * background (--bg, which the body paints) at DOMContentLoaded and in the first frame
 * (requestAnimationFrame's first callback runs before the first paint, which waits for the
 * stylesheet).
 */
function firstPaintRecorder() {
  const look = () => ({
    theme: document.documentElement.getAttribute('data-theme'),
    background: getComputedStyle(document.documentElement).getPropertyValue('--bg').trim(),
  });
  document.addEventListener('DOMContentLoaded', () => { window.__atDomContentLoaded = look(); });
  requestAnimationFrame(() => { window.__firstFrame = look(); });
}

test('theme=light|dark sets an embed\'s colours before its first paint; auto and no theme follow the system', async () => {
  await mkdir(SHOTS, { recursive: true });
  const cases = [
    // [the system's scheme, the embed's theme parameter, the colours expected]
    ['light', 'dark', 'dark'],
    ['dark', 'light', 'light'],
    ['dark', 'auto', 'dark'],
    ['light', 'auto', 'light'],
    ['dark', null, 'dark'],
    ['light', 'sepia', 'light'],
  ];
  for (const [colorScheme, theme, expected] of cases) {
    const context = await browser.newContext({ colorScheme, viewport: { width: 600, height: 800 } });
    await context.addInitScript(firstPaintRecorder);
    try {
      const page = await context.newPage();
      const seen = watch(page);
      const search = theme ? `?${query}&theme=${theme}` : `?${query}`;
      await page.goto(appUrl(`/embed/${search}`));
      await page.locator('article.card').first().waitFor({ timeout: 15000 });
      const label = `${colorScheme} system, theme=${theme}`;
      // The attribute only for a theme the embed forces; the colours in every case.
      const wanted = { theme: theme === 'light' || theme === 'dark' ? theme : null, background: BG[expected] };
      assert.deepEqual(await page.evaluate(() => window.__atDomContentLoaded), wanted, `${label}: at DOMContentLoaded`);
      assert.deepEqual(await page.evaluate(() => window.__firstFrame), wanted, `${label}: in the first frame`);
      assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), BACKGROUND[expected], label);
      assert.deepEqual(seen.pageErrors, []);
      if (theme === 'dark' || theme === 'light') {
        await page.screenshot({ path: path.join(SHOTS, `embed-theme-${theme}-on-${colorScheme}.png`), fullPage: true });
      }
    } finally {
      await context.close();
    }
  }
});

test('a forced dark theme has exactly the colours of the system\'s dark scheme', async () => {
  const colours = async (colorScheme, search) => {
    const context = await browser.newContext({ colorScheme });
    try {
      const page = await context.newPage();
      await page.goto(appUrl(`/embed/${search}`));
      await page.locator('article.card').first().waitFor({ timeout: 15000 });
      return await page.evaluate(() => {
        const names = [...document.styleSheets]
          .flatMap((sheet) => [...sheet.cssRules])
          .filter((rule) => rule.selectorText === ':root')
          .flatMap((rule) => [...rule.style].filter((name) => name.startsWith('--')));
        const style = getComputedStyle(document.documentElement);
        return {
          scheme: style.colorScheme,
          properties: Object.fromEntries(names.map((name) => [name, style.getPropertyValue(name).trim()])),
        };
      });
    } finally {
      await context.close();
    }
  };
  const system = await colours('dark', '');
  const forced = await colours('light', '?theme=dark');
  const light = await colours('light', '');
  assert.ok(Object.keys(system.properties).length > 20, 'the colours are read');
  assert.deepEqual(forced.properties, system.properties);
  assert.notDeepEqual(light.properties, system.properties);
  assert.equal(forced.scheme, 'dark');
  assert.deepEqual((await colours('dark', '?theme=light')).properties, light.properties);
});

test('an embed keeps theme= and total= in its address as it moves between its pages', async () => {
  const url = await hostPage('themed.html', [
    frameTag('list', appUrl(`/embed/?${query}&page=2&theme=dark&total=1`)),
    `<script src="${appUrl('/embed-host.js')}" async></script>`,
  ].join('\n'));
  const context = await browser.newContext({ colorScheme: 'light' });
  await context.addInitScript(recorder);
  const page = await context.newPage();
  try {
    await page.goto(url);
    const list = await frameOf(page, 'list');
    // Past the last page of the list: its pager leads back to the first, inside the iframe.
    await list.locator('.pager a', { hasText: 'Previous page' }).first().click();
    await list.locator('article.card').first().waitFor({ timeout: 15000 });
    const address = new URL(list.url());
    assert.equal(address.pathname, '/embed/');
    assert.equal(address.searchParams.get('theme'), 'dark');
    assert.equal(address.searchParams.get('total'), '1');
    assert.equal(address.searchParams.get('page'), null, 'on the first page');
    for (const [key, value] of new URLSearchParams(query)) assert.equal(address.searchParams.get(key), value);
    assert.equal(await list.evaluate(() => document.documentElement.getAttribute('data-theme')), 'dark');
    assert.equal(await list.evaluate(() => getComputedStyle(document.body).backgroundColor), BACKGROUND.dark);
    await list.locator('.result-count', { hasText: `${listCount} of ${statementCount} statements` }).waitFor({ timeout: 5000 });
    // The host is told the new address, parameters included.
    await page.waitForFunction((search) => window.__messages.some((m) => m.frame === 'list' && m.data.path === `/embed/${search}`), address.search, { timeout: 5000 });
    // Back: the page it came from, parameters and all.
    await list.evaluate(() => history.back());
    await list.waitForURL((u) => u.searchParams.get('page') === '2', { timeout: 5000 });
    assert.equal(new URL(list.url()).searchParams.get('theme'), 'dark');
    assert.deepEqual(await list.evaluate(() => [window.__errors, window.__violations]), [[], []]);
  } finally {
    await context.close();
  }
});

test('an embed counts its statements without the corpus\' size, unless total=1 asks for it', async () => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const count = async (search) => {
      await page.goto(appUrl(`/embed/${search}`));
      await page.locator('article.card').first().waitFor({ timeout: 15000 });
      // The announcement settles after the count is shown: both say the same.
      await page.waitForFunction(() => document.getElementById('result-announcement')?.textContent.trim(), null, { timeout: 15000 });
      return page.evaluate(() => ({
        shown: document.querySelector('.result-count').textContent,
        announced: document.getElementById('result-announcement').textContent,
        corpusSize: /\bof \d/.test(document.querySelector('main').textContent.replace(/Page \d+ of \d+/g, '')),
      }));
    };
    assert.deepEqual(await count(`?${query}`), { shown: `${listCount} statements`, announced: `${listCount} statements`, corpusSize: false });
    assert.deepEqual(await count(`?${query}&total=0`), { shown: `${listCount} statements`, announced: `${listCount} statements`, corpusSize: false });
    const asked = `${listCount} of ${statementCount} statements`;
    assert.deepEqual(await count(`?${query}&total=1`), { shown: asked, announced: asked, corpusSize: true });
    // The full app says both, as before.
    await page.goto(appUrl(`/?${query}`));
    await page.locator('.result-count', { hasText: asked }).waitFor({ timeout: 15000 });
  } finally {
    await context.close();
  }
});

test('the Embed panel adds the chosen theme and the total to the snippet', async () => {
  const origin = new URL(app.url).origin;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const seen = watch(page);
    await page.goto(appUrl(`/?${query}`));
    await page.locator('article.card').first().waitFor({ timeout: 15000 });
    await page.getByText('Embed', { exact: true }).click();
    const src = async () => new URL(parseSnippet(await page.locator('#embed-code-text').inputValue()).src);
    const params = async () => Object.fromEntries((await src()).searchParams);
    const base = Object.fromEntries(new URLSearchParams(query));
    assert.equal(await page.getByLabel('Colours').inputValue(), 'auto', 'the system setting chosen at first');
    assert.equal(await page.getByLabel(/Count of all statements/).isChecked(), false);
    assert.deepEqual(await params(), base, 'the view\'s query alone at first');
    await page.getByLabel('Colours').selectOption('dark');
    await page.waitForFunction(() => document.getElementById('embed-code-text').value.includes('theme=dark'), null, { timeout: 5000 });
    assert.deepEqual(await params(), { ...base, theme: 'dark' });
    await page.getByLabel(/Count of all statements/).check();
    await page.waitForFunction(() => document.getElementById('embed-code-text').value.includes('total=1'), null, { timeout: 5000 });
    assert.deepEqual(await params(), { ...base, theme: 'dark', total: '1' });
    await page.screenshot({ path: path.join(SHOTS, 'embed-panel-options-1280.png') });
    await page.getByLabel('Colours').selectOption('auto');
    await page.waitForFunction(() => !document.getElementById('embed-code-text').value.includes('theme='), null, { timeout: 5000 });
    assert.deepEqual(await params(), { ...base, total: '1' });
    assert.equal((await src()).origin, origin);
    // The snippet, pasted into a page on another site: the embed in the chosen look.
    await page.getByLabel('Colours').selectOption('dark');
    await page.waitForFunction(() => document.getElementById('embed-code-text').value.includes('theme=dark'), null, { timeout: 5000 });
    const pasted = await hostPage('pasted-options.html', await page.locator('#embed-code-text').inputValue());
    const hostTab = await context.newPage();
    await hostTab.goto(pasted);
    const frame = await (await hostTab.waitForSelector('iframe')).contentFrame();
    await frame.locator('.result-count', { hasText: `${listCount} of ${statementCount} statements` }).waitFor({ timeout: 15000 });
    assert.equal(await frame.evaluate(() => getComputedStyle(document.body).backgroundColor), BACKGROUND.dark);
    assert.deepEqual([...seen.consoleErrors, ...seen.pageErrors], []);
  } finally {
    await context.close();
  }
});
