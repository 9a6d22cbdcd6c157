// Importing readouts in the browser: the parser runs in a Web Worker (crates/parse-worker),
// which gives exactly what the CLI gives, online and offline after a first visit.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT, launchBrowser, serveDist, watch } from './helpers.mjs';

const run = promisify(execFile);

/** A few fixtures of different styles (prose, a call, a transcript, a list, a messy paste). */
const FIXTURES = [
  '01_ministry_prose_bilateral.txt',
  '02_white_house_phone_call.txt',
  '03_transcript_name_labels.txt',
  '08_messy_paste.txt',
  '10_colon_list.txt',
].map((name) => path.join(ROOT, 'crates/core/tests/fixtures', name));

let browser;
let server;

before(async () => {
  browser = await launchBrowser();
  server = await serveDist();
});

after(async () => {
  await server?.close();
  await browser?.close();
});

/** What `readouts parse FILE` prints (the release CLI, which every build compiles). */
async function cliParse(file) {
  const { stdout } = await run('cargo', ['run', '--quiet', '--release', '--locked', '-p', 'readouts-cli', '--', 'parse', file],
    { cwd: ROOT, maxBuffer: 64 << 20 });
  return stdout;
}

/**
 * Spawns the build's parse worker in `page` (as the import page does: the loader module,
 * resolved against the document's base), waits for its `ready` message and sends it
 * `requests`; resolves with the answers in the order they came.
 */
function workerAnswers(page, requests) {
  return page.evaluate((requests) => new Promise((resolve, reject) => {
    const worker = new Worker(new URL('parse-worker_loader.js', document.baseURI), { type: 'module' });
    const answers = [];
    worker.onmessage = (event) => {
      if (event.data.ready) {
        requests.forEach((request, seq) => worker.postMessage({ seq, ...request }));
        return;
      }
      answers.push(event.data);
      if (answers.length === requests.length) {
        worker.terminate();
        resolve(answers);
      }
    };
    worker.onerror = (event) => reject(new Error(`the worker failed: ${event.message}`));
  }), requests);
}

test('the worker parses fixtures to the same bytes as readouts parse', async () => {
  const page = await browser.newPage();
  const seen = watch(page);
  try {
    await page.goto(server.url);
    await page.locator('.summary').waitFor({ timeout: 15000 });
    const requests = await Promise.all(FIXTURES.map(async (file) => ({
      name: path.basename(file),
      text: await readFile(file, 'utf8'),
    })));
    const answers = await workerAnswers(page, requests);
    assert.deepEqual(answers.map((a) => a.seq), requests.map((_, seq) => seq), 'each answer carries its request\'s number');
    for (const [i, file] of FIXTURES.entries()) {
      assert.equal(answers[i].error, undefined, `${file}: ${answers[i].error}`);
      assert.equal(answers[i].json, await cliParse(file), `${path.basename(file)}: byte for byte the CLI's output`);
    }
    assert.deepEqual(seen.pageErrors, []);
  } finally {
    await page.close();
  }
});

test('the worker explains a file it cannot import in plain words', async () => {
  const page = await browser.newPage();
  try {
    await page.goto(server.url);
    await page.locator('.summary').waitFor({ timeout: 15000 });
    const [header, json] = await workerAnswers(page, [
      { name: 'twice.txt', text: 'url: a\nurl: b\n\nPresident Ilse Marrow said that talks went well.' },
      { name: 'broken.json', kind: 'json', text: '{"schema_version": 1, "readouts": [}' },
    ]);
    assert.equal(header.error, 'twice.txt: header line 2: `url` given twice');
    assert.match(json.error, /^broken\.json: .*line 1, column \d+/);
    assert.equal(header.json, undefined);
  } finally {
    await page.close();
  }
});

test('after a first visit, the worker parses offline from the service worker\'s cache', async () => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator('.summary').waitFor({ timeout: 15000 });
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    if (!await page.evaluate(() => Boolean(navigator.serviceWorker.controller))) await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
    await context.setOffline(true);
    await page.reload();
    await page.locator('.summary').waitFor({ timeout: 15000 });
    const [answer] = await workerAnswers(page, [{ name: path.basename(FIXTURES[0]), text: await readFile(FIXTURES[0], 'utf8') }]);
    assert.equal(answer.json, await cliParse(FIXTURES[0]));
  } finally {
    await context.close();
  }
});

// The import page, as a reader uses it: paste or files, preview, save, and the readouts in every
// view, kept across reloads, offline, in other tabs; deletion; what never gets stored or run.

/** Fictional readouts (invented countries and people). */
const HALVIK = 'President Elena Varga-Holm of Arvelia met Prime Minister Tomas Lindqvist of Norland in Halvik on July 3, 2024. President Varga-Holm said that the two countries would open a new rail link. Prime Minister Lindqvist stressed that the border must stay open.\n';
const MARROW = (n) => `title: Call number ${n}\npublisher: Ministry of Foreign Affairs of Caldoria\n---\nPresident Ilse Marrow of Caldoria held a phone call with Chancellor Oren Vask${n} of Tessaly on March ${(n % 27) + 1}, 2037. President Marrow said that grain exports would resume. Chancellor Vask${n} noted that the ports would reopen.\n`;

/** Whether `page` has requested the import page's app (its script or wasm). */
function loadedImportApp(page) {
  return page.evaluate(() => performance.getEntriesByType('resource').some((e) => /\/import-app(_bg\.wasm|\.js)$/.test(new URL(e.name).pathname)));
}

/** Opens /import below `url` and waits until the import page's own app is there. */
async function openImport(page, url) {
  await page.goto(new URL('import', url).href);
  await page.locator('#import-text').waitFor({ timeout: 20000 });
}

/** Pastes `text` and parses it; waits for the preview. */
async function pasteAndParse(page, text) {
  await page.fill('#import-text', text);
  await page.click('.import-paste button[type="submit"]');
  await page.locator('.import-preview').waitFor({ timeout: 20000 });
}

/** Saves the batch in preview; resolves with the page's message. */
async function save(page) {
  await page.click('.import-actions button.primary');
  const done = page.locator('.import-done');
  await done.waitFor({ timeout: 20000 });
  return done.textContent();
}

/** `{label: count}` of one facet's checkboxes (as the viewer tests read them). */
function facet(page, key) {
  return page.$$eval(`#facet-${key} .facet-value`, (items) => Object.fromEntries(items.map((li) => [
    li.querySelector('.facet-label').textContent,
    Number(li.querySelector('.facet-count').textContent.replace(/\D/g, '')),
  ])));
}

/** Goes to the statements through the site navigation (no reload) and waits for them. */
async function toStatements(page) {
  await page.click('.site-nav a[href="/"]');
  await page.locator('.summary').waitFor({ timeout: 15000 });
}

/** The keys of the store of imported readouts (once it exists). */
function storedIds(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('readouts');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const keys = db.transaction('imported').objectStore('imported').getAllKeys();
      keys.onsuccess = () => {
        db.close();
        resolve(keys.result);
      };
      keys.onerror = () => reject(keys.error);
    };
  }));
}

/** Drops `files` ({name, text}) on the import page's drop zone. */
function dropFiles(page, files) {
  return page.evaluate((files) => {
    const data = new DataTransfer();
    for (const f of files) data.items.add(new File([f.text], f.name, { type: 'text/plain' }));
    document.querySelector('.import-files').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, files);
}

test('a pasted readout is previewed, saved, shown with the bundled ones and kept across a reload', async () => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const seen = watch(page);
    await page.goto(server.url);
    await page.locator('.summary').waitFor({ timeout: 15000 });
    const bundledSpeakers = await facet(page, 'speaker');
    assert.equal(await page.locator('#facet-source').count(), 0, 'no Source facet before any import');
    assert.equal(await loadedImportApp(page), false, 'a reader who never imported loads nothing of the import page');
    await page.click('.site-nav a[href="/import"]');
    await page.locator('#import-text').waitFor({ timeout: 20000 });
    assert.equal(await page.locator('.site-nav a[aria-current="page"]').textContent(), 'Import');

    await pasteAndParse(page, HALVIK);
    // The preview is the readout page: statements marked in the source, participants.
    const preview = page.locator('.import-readout');
    const title = await preview.locator('h1').textContent();
    assert.equal(await page.inputValue('#import-field-title'), title, 'the title field holds the parser\'s guess');
    assert.equal(await preview.locator('.participant, .participants li').count() > 0 || (await preview.textContent()).includes('Tomas Lindqvist'), true);
    assert.ok((await preview.textContent()).includes('Elena Varga-Holm'));
    // The publisher typed in a field acts as a header would.
    await page.fill('#import-field-publisher', 'Ministry of Foreign Affairs of Arvelia');
    await page.click('.import-paste button[type="submit"]');
    await page.waitForFunction(() => document.querySelector('.import-readout')?.textContent.includes('Ministry of Foreign Affairs of Arvelia'), null, { timeout: 15000 });
    assert.match(await save(page), /Saved 1 readout, kept in this browser/);

    await toStatements(page);
    const speakers = await facet(page, 'speaker');
    assert.equal(speakers['Elena Varga-Holm'], 1);
    assert.equal(speakers['Tomas Lindqvist'], 1);
    for (const [name, count] of Object.entries(bundledSpeakers)) assert.equal(speakers[name], count, `${name} still counted`);
    const bundledTotal = Object.values(await facet(page, 'kind')).reduce((a, b) => a + b, 0) - 2;
    assert.deepEqual(await facet(page, 'source'), { Bundled: bundledTotal, Imported: 2 });
    // The badge on the imported statements' cards, not on the bundled ones: on the card that
    // names the readout, the card after it from the same readout being compact (no readout line).
    await page.click('#facet-source input[type="checkbox"] >> nth=1');
    await page.waitForFunction(() => document.querySelectorAll('article.card').length === 2, null, { timeout: 15000 });
    assert.equal(await page.locator('article.card').first().locator('.imported-badge').count(), 1);
    assert.equal(await page.locator('article.card.same-readout').count(), 1);
    assert.equal(await page.locator('article.card .imported-badge').count(), 1);

    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll('article.card').length === 2, null, { timeout: 15000 });
    assert.equal(new URL(page.url()).searchParams.get('source'), 'imported');
    assert.equal(await loadedImportApp(page), true, 'the start-up asked the import page\'s app for the stored readouts');
    assert.deepEqual(await storedIds(page), ['2024-07-03-elena-varga-holm-tomas-lindqvist']);
    // Its readout page, with the badge.
    await page.goto(new URL('r/2024-07-03-elena-varga-holm-tomas-lindqvist', server.url).href);
    await page.locator('.readout-page .imported-badge').waitFor({ timeout: 15000 });
    assert.deepEqual([...seen.consoleErrors, ...seen.pageErrors], []);
  } finally {
    await context.close();
  }
});

test('dropped files show a progress bar and all join the facets; an id already taken gets a new one', async () => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await openImport(page, server.url);
    await page.evaluate(() => {
      window.__progress = [];
      new MutationObserver(() => {
        const bar = document.querySelector('#import-progress');
        if (bar) window.__progress.push(`${bar.value}/${bar.max}`);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    // 50 files, as the issue asks: 49 calls, and a second file of the first call's readout,
    // which is kept under a new id.
    const files = Array.from({ length: 49 }, (_, i) => ({ name: `call-${i + 1}.txt`, text: MARROW(i + 1) }));
    files.push({ name: 'again.txt', text: MARROW(1) });
    await dropFiles(page, files);
    await page.waitForFunction(() => document.querySelector('.import-preview h2')?.textContent.includes('50 readouts'), null, { timeout: 60000 });
    const progress = await page.evaluate(() => window.__progress);
    assert.ok(progress.length > 0 && progress.every((p) => p.endsWith('/50')), `a progress bar over 50 files: ${progress}`);
    assert.match(await save(page), /Saved 50 readouts/);
    const ids = await storedIds(page);
    assert.equal(ids.length, 50);
    assert.equal(new Set(ids).size, 50);
    assert.ok(ids.some((id) => id.endsWith('-2')), `the repeated readout under a new id: ${ids}`);
    await toStatements(page);
    const speakers = await facet(page, 'speaker');
    assert.equal(speakers['Ilse Marrow'], 50);
    assert.equal(speakers['Oren Vask1'], 2, 'the call imported twice counts twice');
    assert.equal((await facet(page, 'source')).Imported, 100);
    // Every call in the facets: each chancellor is a value of the speaker facet (all of them
    // listed once the list is shown whole).
    await page.click('#facet-speaker .facet-more');
    await page.waitForFunction(() => document.querySelectorAll('#facet-speaker .facet-value').length >= 50, null, { timeout: 15000 });
    const all = await facet(page, 'speaker');
    for (let n = 1; n <= 49; n += 1) assert.equal(all[`Oren Vask${n}`], n === 1 ? 2 : 1, `Oren Vask${n}`);
  } finally {
    await context.close();
  }
});

/** A fictional readout of about 2 KB: two invented leaders, six topics, three statements each. */
const TALKS = (n) => `title: Talks number ${n}\npublisher: Ministry of Foreign Affairs of Caldoria\n---\n`
  + `President Ilse Marrow of Caldoria met Chancellor Oren Vask${n} of Tessaly in Sarn on March ${(n % 27) + 1}, 2037.\n\n`
  + ['grain exports', 'the rail corridor', 'port fees', 'fishing quotas', 'river dams', 'student visas']
    .map((topic) => `President Marrow said that talks on ${topic} had moved forward. Chancellor Vask${n} noted that Tessaly wanted a written plan on ${topic}. He stressed that the border regions must be heard first.\n\n`)
    .join('');

test('500 dropped readouts: the bar advances while the page paints and answers input, through the save and the re-index', async () => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const seen = watch(page);
    await openImport(page, server.url);
    // Every frame painted (with the progress bar's value then), a probe button whose clicks
    // record what the page showed when it ran them, and the frame at which the app finished
    // each index (its `readouts:index` measure).
    await page.evaluate(() => {
      window.__frames = [];
      const tick = () => {
        const bar = document.querySelector('#import-progress');
        window.__frames.push(bar ? Number(bar.value) : null);
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      window.__clicks = [];
      const probe = document.createElement('button');
      probe.id = 'probe';
      probe.textContent = 'probe';
      probe.style.cssText = 'position: fixed; top: 0; left: 0; z-index: 9999';
      probe.addEventListener('click', () => window.__clicks.push({
        progress: document.querySelector('#import-progress')?.value ?? null,
        preview: document.querySelector('.import-preview') !== null,
      }));
      document.body.append(probe);
      window.__indexed = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          if (entry.name === 'readouts:index') window.__indexed.push(window.__frames.length);
        }
      }).observe({ type: 'measure' });
    });
    const files = Array.from({ length: 500 }, (_, i) => ({ name: `talks-${String(i + 1).padStart(3, '0')}.txt`, text: TALKS(i + 1) }));
    await dropFiles(page, files);
    // A click while the files are parsed is run then, not after the batch.
    await page.waitForFunction(() => Number(document.querySelector('#import-progress')?.value) >= 1, null, { timeout: 60000, polling: 'raf' });
    await page.click('#probe');
    await page.waitForFunction(() => document.querySelector('.import-preview h2')?.textContent.includes('500 readouts'), null, { timeout: 120000 });
    const [during] = await page.evaluate(() => window.__clicks);
    assert.ok(!during.preview && during.progress !== null && during.progress < 500, `the click ran during the parse: ${JSON.stringify(during)}`);
    // The bar was painted at many points of the batch, only moving forward.
    const painted = [...new Set((await page.evaluate(() => window.__frames)).filter((p) => p !== null))];
    assert.ok(painted.length >= 5, `frames painted at ${painted.length} points of the progress: ${painted}`);
    assert.deepEqual(painted, [...painted].sort((a, b) => a - b), 'the bar only moves forward');
    // The preview: a summary, the first 50 readouts, 50 more on demand.
    assert.equal(await page.locator('.import-choices li').count(), 50);
    await page.click('.import-choices-more button');
    await page.waitForFunction(() => document.querySelectorAll('.import-choices li').length === 100, null, { timeout: 15000 });
    const summary = await page.locator('.import-summary').textContent();
    const statements = Number(summary.match(/^([\d,]+) statements in all/)[1].replace(/,/g, ''));
    assert.ok(statements >= 500 * 6, summary);
    // Save: frames are painted between the click and the app's index with the 500 readouts.
    const indexes = await page.evaluate(() => window.__indexed.length);
    const frameAtSave = await page.evaluate(() => window.__frames.length);
    assert.match(await save(page), /Saved 500 readouts/);
    await page.waitForFunction((n) => window.__indexed.length > n, indexes, { timeout: 120000 });
    const frameIndexed = await page.evaluate(() => window.__indexed.at(-1));
    assert.ok(frameIndexed - frameAtSave >= 2, `frames painted during the save and the re-index: ${frameIndexed - frameAtSave}`);
    assert.equal((await storedIds(page)).length, 500);
    // The list of imported readouts shows the first 50 too.
    await page.waitForFunction(() => document.querySelector('.import-stored h2')?.textContent.includes('(500)'), null, { timeout: 60000 });
    assert.equal(await page.locator('.import-stored li').count(), 50);
    assert.match(await page.locator('.import-stored-more button').textContent(), /Show 50 more \(of 500\)/);
    await toStatements(page);
    assert.equal((await facet(page, 'source')).Imported, statements);
    assert.deepEqual(seen.pageErrors, []);
  } finally {
    await context.close();
  }
});

/** The bundled readout, as `corpus/` holds it: the seed. */
const SEED = path.join(ROOT, 'corpus/000_fd7bf9b92fd71b0c.txt');

/**
 * Opens the statements at `query` (e.g. `?source=imported`), waits for `count` cards and
 * gives them by statement number: `{n: {speakers, text, corrected}}`.
 */
async function cardsAt(page, query, count) {
  await page.goto(new URL(query, server.url).href);
  await page.waitForFunction((n) => document.querySelectorAll('article.card').length === n
    && document.querySelector('.summary') !== null, count, { timeout: 20000 });
  return page.$$eval('article.card', (cards) => Object.fromEntries(cards.map((card) => [
    card.dataset.statement.match(/-s(\d+)$/)[1],
    {
      speakers: card.querySelector('.speakers').textContent,
      text: card.querySelector('.statement-text').textContent,
      corrected: card.querySelector('p.corrected')?.textContent ?? null,
    },
  ])));
}

test('the seed pasted gives its 14 statements with the same speakers next to the bundled ones, under a new id, across a reload', async () => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const seen = watch(page);
    const bundled = await cardsAt(page, '', 14);
    const bundledId = await page.locator('article.card').first().getAttribute('data-readout');
    await openImport(page, server.url);
    await pasteAndParse(page, await readFile(SEED, 'utf8'));
    assert.equal(await page.locator('.import-statements li').count(), 14, 'the preview lists 14 statements');
    assert.match(await save(page), /Saved 1 readout/);
    const [stored] = await storedIds(page);
    assert.notEqual(stored, bundledId, 'the bundled readout keeps its id');
    assert.ok(stored.startsWith(bundledId), `kept under a new id: ${stored}`);
    for (const reload of [false, true]) {
      if (reload) await page.reload();
      const imported = await cardsAt(page, '?source=imported', 14);
      assert.deepEqual(imported, bundled, 'the same statements, speakers and texts as the bundled readout');
      assert.deepEqual(await facet(page, 'source'), { Bundled: 14, Imported: 14 });
    }
    // Next to the bundled ones: all 28 statements on the first page of every statement.
    await cardsAt(page, '', 28);
    const readouts = await page.$$eval('article.card', (cards) => [...new Set(cards.map((c) => c.dataset.readout))].sort());
    assert.deepEqual(readouts, [bundledId, stored]);
    assert.deepEqual([...seen.consoleErrors, ...seen.pageErrors], []);
  } finally {
    await context.close();
  }
});

/** HALVIK with a third statement, one the parser should not have made. */
const HALVIK3 = `${HALVIK}Prime Minister Lindqvist said that the weather in Halvik was fine.\n`;

/** The statement of the preview's corrections list whose text includes `words`: its id. */
function previewStatement(page, words) {
  return page.locator('.import-statements li', { hasText: words }).getAttribute('data-statement');
}

/**
 * Pastes HALVIK3 and corrects it in the preview: the second statement given to Elena
 * Varga-Holm, the third dropped, the event's date and place fixed (after a refused date).
 */
async function correctHalvik(page) {
  await pasteAndParse(page, HALVIK3);
  assert.equal(await page.locator('.import-statements li').count(), 3);
  const border = await previewStatement(page, 'border must stay open');
  const select = `#import-speaker-${border}`;
  assert.equal(await page.locator(`${select} option:checked`).textContent(), 'Tomas Lindqvist');
  await page.selectOption(select, { label: 'Elena Varga-Holm' });
  await page.locator(`.import-statements li[data-statement="${border}"] .corrected`).waitFor({ timeout: 15000 });
  const weather = await previewStatement(page, 'weather');
  await page.click(`.import-statements li[data-statement="${weather}"] button`);
  await page.waitForFunction(() => document.querySelectorAll('.import-statements li').length === 2, null, { timeout: 15000 });
  assert.match(await page.locator('.import-corrections').textContent(), /1 statement dropped/);
  // A date that is no date is refused, and changes nothing.
  await page.fill('#import-event-date', '2024-02-30');
  await page.click('.import-event button[type="submit"]');
  await page.waitForFunction(() => document.querySelector('.import-error')?.textContent.startsWith('Not corrected:'), null, { timeout: 15000 });
  assert.equal(await page.locator('.import-readout .readout-meta .corrected').count(), 0);
  await page.fill('#import-event-date', '2024-07-04');
  await page.fill('#import-event-place', 'Port Halvik');
  await page.click('.import-event button[type="submit"]');
  await page.waitForFunction(() => document.querySelectorAll('.import-readout .readout-meta .corrected').length === 2, null, { timeout: 15000 });
  assert.equal(await page.locator('.import-error').count(), 0);
  assert.match(await page.locator('.import-readout .readout-meta').textContent(), /4 July 2024.*Port Halvik/);
  return border;
}

test('corrections in the preview: a speaker reassigned, a statement dropped, the date and place fixed, marked on cards, the statement and participant pages, across a reload', async () => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const seen = watch(page);
    await openImport(page, server.url);
    const border = await correctHalvik(page);
    assert.match(await save(page), /Saved 1 readout/);
    for (const reload of [false, true]) {
      if (reload) await page.reload();
      const cards = await cardsAt(page, '?source=imported', 2);
      const number = border.match(/-s(\d+)$/)[1];
      assert.equal(cards[number].speakers, 'Elena Varga-Holm');
      assert.match(cards[number].text, /border must stay open/);
      assert.equal(cards[number].corrected, 'speaker corrected');
      assert.equal(Object.values(cards).filter((c) => c.corrected).length, 1, 'only the corrected statement is marked');
      assert.deepEqual(await page.$$eval('article.card .readout-meta .corrected', (marks) => marks.map((m) => m.textContent)), ['date corrected', 'place corrected']);
      const speakers = await facet(page, 'speaker');
      assert.equal(speakers['Elena Varga-Holm'], 2);
      assert.equal(speakers['Tomas Lindqvist'] ?? 0, 0, 'nothing left said by the parser\'s speaker');
      // The statement's page and the speaker's page.
      await page.goto(new URL(`s/${border}`, server.url).href);
      await page.locator('article.card p.corrected').waitFor({ timeout: 20000 });
      assert.equal(await page.locator('article.card .speakers').textContent(), 'Elena Varga-Holm');
      await page.click('article.card .speaker-name');
      await page.waitForFunction(() => document.querySelector('.participant-page .stats li')?.textContent === '2 statements', null, { timeout: 20000 });
      assert.equal(await page.locator('.participant-page article.card p.corrected').count(), 1);
    }
    assert.deepEqual([...seen.consoleErrors, ...seen.pageErrors], []);
  } finally {
    await context.close();
  }
});

test('the imported readouts exported as a corpus JSON pass readouts check and import again identically, corrections included', async () => {
  const context = await browser.newContext();
  const dir = await mkdtemp(path.join(tmpdir(), 'readouts-import-'));
  try {
    const page = await context.newPage();
    await openImport(page, server.url);
    await correctHalvik(page);
    await save(page);
    await page.setInputFiles('#import-file', [2, 3].map((n) => ({ name: `c${n}.txt`, mimeType: 'text/plain', buffer: Buffer.from(MARROW(n)) })));
    await page.locator('.import-preview').waitFor({ timeout: 20000 });
    await save(page);
    await page.waitForFunction(() => document.querySelectorAll('.import-stored li').length === 3, null, { timeout: 15000 });
    const exported = async () => {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.click('.import-stored button.download'),
      ]);
      return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
    };
    const first = await exported();
    const corpus = JSON.parse(first.text);
    assert.equal(corpus.readouts.length, 3);
    const kinds = corpus.readouts.flatMap((r) => (r.corrections ?? []).map((c) => Object.keys(c)[0])).sort();
    assert.deepEqual(kinds, ['dropped', 'event_date', 'event_location', 'speakers']);
    const saved = path.join(dir, first.name);
    await writeFile(saved, first.text);
    const { stdout } = await run('cargo', ['run', '--quiet', '--release', '--locked', '-p', 'readouts-cli', '--', 'check', saved], { cwd: ROOT });
    assert.match(stdout, /: ok \(3 readouts, 6 statements\)/);

    // Delete all, import the file, export again: the same bytes.
    await page.click('.import-stored-actions button:not(.download)');
    await page.waitForFunction(() => document.querySelector('.import-stored')?.textContent.includes('None yet.'), null, { timeout: 15000 });
    await page.setInputFiles('#import-file', saved);
    await page.locator('.import-preview').waitFor({ timeout: 20000 });
    assert.equal(await page.locator('.import-statements .corrected').count(), 1, 'the preview shows the correction it read');
    await save(page);
    await page.waitForFunction(() => document.querySelectorAll('.import-stored li').length === 3, null, { timeout: 15000 });
    const second = await exported();
    assert.equal(second.text, first.text, 'export → import → export gives the same file');
    const cards = await cardsAt(page, '?source=imported', 6);
    assert.equal(Object.values(cards).filter((c) => c.corrected).length, 1);
  } finally {
    await context.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test('a failing batch stores nothing of it and says which file and why', async () => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await openImport(page, server.url);
    await pasteAndParse(page, HALVIK);
    await save(page);
    const before = await storedIds(page);
    await page.setInputFiles('#import-file', [
      { name: 'good.txt', mimeType: 'text/plain', buffer: Buffer.from(MARROW(3)) },
      { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"schema_version": 1, "readouts": [}') },
    ]);
    const error = page.locator('.import-error');
    await error.waitFor({ timeout: 20000 });
    assert.match(await error.textContent(), /^Nothing of this batch was kept: broken\.json: .*line 1/);
    assert.equal(await page.locator('.import-preview').count(), 0, 'nothing left to save');
    // A corpus that readouts check rejects: a statement past its text.
    const corpus = JSON.parse(await cliParse(FIXTURES[0]));
    corpus.readouts[0].statements[0].span = [0, 999999];
    await page.setInputFiles('#import-file', [
      { name: 'bad-span.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(corpus)) },
    ]);
    await page.waitForFunction(() => document.querySelector('.import-error')?.textContent.includes('bad-span.json: readouts check rejects it'), null, { timeout: 20000 });
    assert.deepEqual(await storedIds(page), before, 'the store is as it was');
  } finally {
    await context.close();
  }
});

test('a readout JSON built by the CLI is checked and imported', async () => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await openImport(page, server.url);
    const json = await cliParse(FIXTURES[1]);
    await page.setInputFiles('#import-file', [{ name: 'call.json', mimeType: 'application/json', buffer: Buffer.from(json) }]);
    await page.locator('.import-preview').waitFor({ timeout: 20000 });
    await save(page);
    const corpus = JSON.parse(json);
    assert.deepEqual(await storedIds(page), [corpus.readouts[0].id]);
  } finally {
    await context.close();
  }
});

test('one imported readout or all can be deleted', async () => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await openImport(page, server.url);
    await page.setInputFiles('#import-file', [1, 2, 3].map((n) => ({ name: `c${n}.txt`, mimeType: 'text/plain', buffer: Buffer.from(MARROW(n)) })));
    await page.locator('.import-preview').waitFor({ timeout: 20000 });
    await save(page);
    const list = page.locator('.import-stored li');
    await page.waitForFunction(() => document.querySelectorAll('.import-stored li').length === 3, null, { timeout: 15000 });
    await list.first().locator('button').click();
    await page.waitForFunction(() => document.querySelectorAll('.import-stored li').length === 2, null, { timeout: 15000 });
    assert.equal((await storedIds(page)).length, 2);
    await toStatements(page);
    assert.equal((await facet(page, 'source')).Imported, 4);
    await page.click('.site-nav a[href="/import"]');
    await page.locator('.import-stored').waitFor({ timeout: 20000 });
    await page.click('.import-stored-actions button:not(.download)');
    await page.waitForFunction(() => document.querySelector('.import-stored')?.textContent.includes('None yet.'), null, { timeout: 15000 });
    assert.deepEqual(await storedIds(page), []);
    await toStatements(page);
    assert.equal(await page.locator('#facet-source').count(), 0, 'no imported statement left');
    // The store is empty: the mark is cleared, and the next start-up loads nothing of the import page.
    await page.waitForFunction(() => localStorage.getItem('readouts-imported') === null, null, { timeout: 15000 });
    await page.reload();
    await page.locator('.summary').waitFor({ timeout: 15000 });
    assert.equal(await loadedImportApp(page), false);
  } finally {
    await context.close();
  }
});

test('hostile text stays inert text', async () => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const seen = watch(page);
    await openImport(page, server.url);
    const hostile = '<img src=x onerror="window.__pwned=1">';
    await pasteAndParse(page, `President Mara Quell of Ostrava met President Ivo Tamm of Belvar in Sarn on May 2, 2031. President Quell said that ${hostile} and <script>window.__pwned=2</script> were welcome.\n`);
    await page.fill('#import-field-title', `<b>Bold</b>${hostile}`);
    await page.click('.import-paste button[type="submit"]');
    await page.waitForFunction(() => document.querySelector('.import-readout h1')?.textContent.startsWith('<b>Bold</b>'), null, { timeout: 15000 });
    await save(page);
    await toStatements(page);
    await page.waitForFunction(() => [...document.querySelectorAll('article.card')].some((c) => c.textContent.includes('<img src=x')), null, { timeout: 15000 });
    assert.equal(await page.locator('main img, main script, main b').count(), 0, 'no element made from the text');
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.deepEqual(seen.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('a second tab sees an import without reloading', async () => {
  const context = await browser.newContext();
  try {
    const other = await context.newPage();
    await other.goto(server.url);
    await other.locator('.summary').waitFor({ timeout: 15000 });
    const page = await context.newPage();
    await openImport(page, server.url);
    await pasteAndParse(page, HALVIK);
    await save(page);
    await other.waitForFunction(() => document.querySelector('#facet-source') !== null, null, { timeout: 15000 });
    assert.equal((await facet(other, 'speaker'))['Elena Varga-Holm'], 1);
  } finally {
    await context.close();
  }
});

test('where storage is blocked, imports are kept for the session only, and say so', async () => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      IDBFactory.prototype.open = () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      };
    });
    await openImport(page, server.url);
    const notice = page.locator('.import-session');
    await notice.waitFor({ timeout: 20000 });
    assert.match(await notice.textContent(), /kept for this session only/);
    await pasteAndParse(page, HALVIK);
    assert.match(await save(page), /kept for this session only/);
    await toStatements(page);
    assert.equal((await facet(page, 'speaker'))['Elena Varga-Holm'], 1);
  } finally {
    await context.close();
  }
});

test('offline after a first visit, the import page parses and saves', async () => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator('.summary').waitFor({ timeout: 15000 });
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    if (!await page.evaluate(() => Boolean(navigator.serviceWorker.controller))) await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
    await context.setOffline(true);
    await openImport(page, server.url);
    await pasteAndParse(page, HALVIK);
    await save(page);
    await toStatements(page);
    assert.equal((await facet(page, 'speaker'))['Elena Varga-Holm'], 1);
  } finally {
    await context.close();
  }
});
