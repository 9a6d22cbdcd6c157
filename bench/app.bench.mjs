// Browser benchmark on a generated corpus of about 100,000 statements (5,000 fictional
// readouts): reads the app's performance measures in Chromium and prints them. Nothing here
// asserts a time: the figures are reported (and written to target/e2e-bench.json).
//
// - readouts:parse, readouts:index: reading corpus.json and building the search index, once.
// - readouts:query: one query (results and every facet's counts), per facet toggle and per
//   search keystroke.
// - input to next frame: from the input or click event to the frame after the page updated
//   (rendering included), measured in the page with requestAnimationFrame.
//
// BENCH_COUNT=… changes the number of readouts (default 5000). Run by scripts/bench.sh, not by
// the test suite: `node --test bench/app.bench.mjs` after a release build.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, launchBrowser, serveDist, watch } from '../tests/e2e/helpers.mjs';
import { generatedCorpus } from '../tests/e2e/corpora.mjs';

const COUNT = Number(process.env.BENCH_COUNT ?? 5000);
/** Search text typed one character at a time, each character a query. */
const TYPED = ['trade', 'cooperation in', '"unilateral sanctions"', 'restraint OR dialogue -border', 'a', 'energy'];

let browser;
let server;

before(async () => {
  const file = await generatedCorpus(COUNT, 1);
  browser = await launchBrowser();
  server = await serveDist({ corpusFile: file });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { n: sorted.length, median: at(0.5), p95: at(0.95), max: sorted.at(-1) };
}

const ms = (x) => `${x.toFixed(2)} ms`;
const line = (name, s) => `${name}: median ${ms(s.median)}, p95 ${ms(s.p95)}, max ${ms(s.max)} (${s.n} runs)`;

/**
 * Changes the query in the page, as a click on the `index`-th element matching `click` or as
 * the search box's new text `type`, and returns the time to the frame after the update
 * (`frame`) and to the frame after the page's last card was drawn (`whole`: a long page's
 * cards below the first screen are drawn in steps after it, src/components/drawn_cards.rs,
 * while the cards' container is `aria-busy`).
 */
function nextFrameAfter(page, action) {
  return page.evaluate(async ({ click, index, type }) => {
    const start = performance.now();
    if (click) {
      document.querySelectorAll(click)[index].click();
    } else {
      const input = document.getElementById('search-input');
      input.value = type;
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    }
    const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    await nextFrame();
    const frame = performance.now() - start;
    for (let i = 0; i < 60 && document.querySelector('.cards[aria-busy]'); i += 1) await nextFrame();
    return { frame, whole: performance.now() - start };
  }, action);
}

test(`query timings in Chromium on ${COUNT} generated readouts`, async (t) => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const seen = watch(page);
  const start = Date.now();
  await page.goto(server.url);
  await page.locator('article.card').first().waitFor({ timeout: 120000 });
  const firstCard = Date.now() - start;
  const once = await page.evaluate(() => Object.fromEntries(['readouts:parse', 'readouts:index']
    .map((name) => [name, performance.getEntriesByName(name)[0].duration])));
  const statements = Number((await page.locator('.result-count').textContent()).split(' ')[0].replaceAll(',', ''));

  // Facet toggles: each of the first values of four facets, on and off again.
  await page.evaluate(() => performance.clearMeasures('readouts:query'));
  const toggleFrames = [];
  for (const key of ['speaker', 'country', 'topic', 'verb']) {
    for (let i = 0; i < 5; i += 1) {
      for (let round = 0; round < 2; round += 1) {
        toggleFrames.push(await nextFrameAfter(page, { click: `#facet-${key} input[type=checkbox]`, index: i }));
      }
    }
  }
  const toggles = await page.evaluate(() => performance.getEntriesByName('readouts:query').map((e) => e.duration));

  // Search keystrokes: each text typed into an empty box, one character (one query) at a time.
  await page.evaluate(() => performance.clearMeasures('readouts:query'));
  const keyFrames = [];
  for (const text of TYPED) {
    for (let n = 1; n <= text.length; n += 1) {
      keyFrames.push(await nextFrameAfter(page, { type: text.slice(0, n) }));
    }
    await nextFrameAfter(page, { type: '' });
  }
  const keys = await page.evaluate(() => performance.getEntriesByName('readouts:query').map((e) => e.duration));
  assert.ok(toggles.length >= 40 && keys.length >= 40, `queries measured: ${toggles.length} toggles, ${keys.length} keystrokes`);
  assert.deepEqual(seen.pageErrors, []);

  const report = {
    readouts: COUNT,
    statements,
    firstCardMs: firstCard,
    parseMs: once['readouts:parse'],
    indexMs: once['readouts:index'],
    facetToggle: {
      query: stats(toggles),
      nextFrame: stats(toggleFrames.map((f) => f.frame)),
      wholePage: stats(toggleFrames.map((f) => f.whole)),
    },
    searchKeystroke: {
      query: stats(keys),
      nextFrame: stats(keyFrames.map((f) => f.frame)),
      wholePage: stats(keyFrames.map((f) => f.whole)),
    },
  };
  const lines = [
    `browser benchmark, ${statements.toLocaleString('en-US')} statements from ${COUNT} generated readouts (Chromium, performance measures):`,
    `  corpus.json read: ${ms(report.parseMs)}; index built: ${ms(report.indexMs)}; first card on screen after ${firstCard} ms`,
    `  ${line('facet toggle, query (results + all facet counts)', report.facetToggle.query)}`,
    `  ${line('facet toggle, input to next frame', report.facetToggle.nextFrame)}`,
    `  ${line('facet toggle, input to the frame after the last card', report.facetToggle.wholePage)}`,
    `  ${line('search keystroke, query', report.searchKeystroke.query)}`,
    `  ${line('search keystroke, input to next frame', report.searchKeystroke.nextFrame)}`,
    `  ${line('search keystroke, input to the frame after the last card', report.searchKeystroke.wholePage)}`,
  ];
  for (const l of lines) {
    console.log(l);
    t.diagnostic(l);
  }
  await writeFile(path.join(ROOT, 'target', 'e2e-bench.json'), `${JSON.stringify(report, null, 2)}\n`);
  await page.close();
});
