// Compares the app's search with FlexSearch, MiniSearch and a plain scan, in one Chromium run,
// over the same generated corpus (about 100,000 statements) and the same queries: every prefix
// of each text of bench/queries.json, as typed. Prints each engine's load (fetch and read the
// corpus, build the index), its query times (p50, p95, max over the queries, each query's time
// the median of three runs, as the machine is shared) and how many of its counts differ from
// the scan's, the reference that reads the search syntax exactly as documented, and how much
// its renderer process grew (resident memory from a blank page of the same origin to after the
// queries, after a garbage collection: bench/memory.mjs).
//
// The app is measured as a reader uses it: the text typed into its search box, the query time
// from its `readouts:query` performance measure (results, one page of cards and every facet's
// counts), the count from the page, and the time from the keystroke (the input event) to the
// frame after the page showed the results: the count and the cards painted, its p50 and p95
// printed. The libraries run in a plain page of the same origin with
// bench/engines.js; their times are the query alone (no facet counts, no page of results).
//
// Run by scripts/bench.sh (after a release build), or `node bench/compare.mjs` on an existing
// dist/. BENCH_COUNT=… readouts (default 5000); BENCH_ENGINES=app,scan,flexsearch,minisearch.
// Writes target/bench-compare.json too. Nothing here asserts a time.

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, launchBrowser, serveDist } from '../tests/e2e/helpers.mjs';
import { generatedCorpus } from '../tests/e2e/corpora.mjs';
import { measuredPage } from './memory.mjs';

const COUNT = Number(process.env.BENCH_COUNT ?? 5000);
/** Each query runs this many times; its time is their median (the machine is shared). */
const RUNS = 3;
const ENGINES = (process.env.BENCH_ENGINES ?? 'app,scan,flexsearch,minisearch').split(',');

/** Every prefix of every text of queries.json, in order. */
async function keystrokes() {
  const { typed } = JSON.parse(await readFile(path.join(ROOT, 'bench', 'queries.json'), 'utf8'));
  return typed.flatMap((text) => [...text].map((_, n) => [...text].slice(0, n + 1).join('')));
}

/** The median of the times measured (`null`: no query ran, the text asked the same as before). */
function median(times) {
  const measured = times.filter((t) => t !== null).sort((a, b) => a - b);
  return measured.length === 0 ? null : measured[Math.floor(measured.length / 2)];
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))];
  return { p50: at(0.5), p95: at(0.95), max: sorted.at(-1) };
}

/** The number in the app's result count ("1,234 of 100,329 statements"). */
const shownCount = (text) => Number((text.match(/^[\d,]+/)?.[0] ?? '0').replaceAll(',', ''));

/** Loads the app, then types each query into its search box: load times, then per query. */
async function runApp(browser, url, queries) {
  const memory = await measuredPage(browser, { viewport: { width: 1280, height: 900 } });
  const { page } = memory;
  await blankPage(page, url);
  await memory.baseline();
  await page.addInitScript(recordLongTasks);
  const start = Date.now();
  await page.goto(url);
  await page.locator('article.card').first().waitFor({ timeout: 300000 });
  const firstCardMs = Date.now() - start;
  const measure = (name) => page.evaluate((n) => performance.getEntriesByName(n)[0]?.duration, name);
  const load = { firstCardMs, readMs: await measure('readouts:parse'), buildMs: await measure('readouts:index') };
  load.longTasks = await page.evaluate(() => window.benchLongTasks);
  /**
   * Types `text` into the search box: the query's time and the time from the input event to
   * the frame after the page showed its results (none if the text asks the same as the one
   * before).
   */
  const type = (text) => page.evaluate(async (t) => {
    const n = performance.getEntriesByName('readouts:query').length;
    const start = performance.now();
    const input = document.getElementById('search-input');
    input.value = t;
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    // A few frames at most.
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    for (let i = 0; i < 10; i += 1) {
      await frame();
      const entries = performance.getEntriesByName('readouts:query');
      if (entries.length > n) return { query: entries.at(-1).duration, frame: performance.now() - start };
    }
    return { query: null, frame: null };
  }, text);
  const results = [];
  for (const text of queries) {
    // As typed, then twice more after an empty box: the median of the three.
    const times = [await type(text)];
    const count = shownCount(await page.locator('.result-count').textContent());
    for (let run = 1; run < RUNS; run += 1) {
      await type('');
      times.push(await type(text));
    }
    results.push({ ms: median(times.map((x) => x.query)), frameMs: median(times.map((x) => x.frame)), count });
  }
  load.memoryMiB = await memory.growth();
  await page.close();
  return { load, results };
}

/**
 * Runs in the page before its scripts: records the main thread's long tasks (over 50 ms, as
 * Chromium reports them to a PerformanceObserver) as `[start, duration]` in ms, rounded.
 */
function recordLongTasks() {
  window.benchLongTasks = [];
  new PerformanceObserver((list) => {
    for (const task of list.getEntries()) {
      window.benchLongTasks.push([Math.round(task.startTime), Math.round(task.duration)]);
    }
  }).observe({ type: 'longtask', buffered: true });
}

/** The long tasks of a load in words: how many over 100 ms, and the longest. */
function longTasksText(tasks) {
  if (!tasks) return '';
  const over = tasks.filter(([, d]) => d > 100).length;
  const longest = Math.max(0, ...tasks.map(([, d]) => d));
  return `; ${tasks.length} long tasks during load, ${over} over 100 ms, longest ${longest} ms`;
}

/** Opens an empty page of the server's origin (the start of each engine's memory growth). */
async function blankPage(page, url) {
  const blank = new URL('/__bench/engines.html', url).href;
  await page.route(blank, (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: '<!doctype html><meta charset="utf-8"><title>engines</title>',
  }));
  await page.goto(blank);
}

/** One library (or the scan) in a plain page of the server's origin. */
async function runEngine(browser, url, name, queries) {
  const memory = await measuredPage(browser);
  const { page } = memory;
  await blankPage(page, url);
  await memory.baseline();
  const modules = path.join(ROOT, 'node_modules');
  await page.addScriptTag({ path: path.join(modules, 'flexsearch', 'dist', 'flexsearch.bundle.min.js') });
  await page.addScriptTag({ path: path.join(modules, 'minisearch', 'dist', 'umd', 'index.js') });
  await page.addScriptTag({ path: path.join(ROOT, 'bench', 'engines.js') });
  const start = Date.now();
  const load = await page.evaluate((n) => window.benchLoad(n), name);
  load.firstCardMs = Date.now() - start;
  const results = await page.evaluate(([qs, runs]) => window.benchQueries(qs, runs), [queries, RUNS]);
  load.memoryMiB = await memory.growth();
  await page.close();
  return { load, results };
}

const ms = (x) => (x === undefined ? '–' : `${x.toFixed(x < 10 ? 2 : 0)} ms`);

const queries = await keystrokes();
const file = await generatedCorpus(COUNT, 1);
const browser = await launchBrowser();
const server = await serveDist({ corpusFile: file });
const runs = {};
try {
  for (const name of ENGINES) {
    runs[name] = name === 'app'
      ? await runApp(browser, server.url, queries)
      : await runEngine(browser, server.url, name, queries);
  }
} finally {
  await browser.close();
  await server.close();
}

const reference = runs.scan?.results.map((r) => r.count);
const report = { readouts: COUNT, queries: queries.length, engines: {} };
const lines = [`search engines on ${COUNT} generated readouts, ${queries.length} queries typed (Chromium):`];
for (const [name, { load, results }] of Object.entries(runs)) {
  const times = stats(results.filter((r) => r.ms !== null).map((r) => r.ms));
  const wrong = reference ? queries.filter((q, i) => results[i].count !== reference[i]) : null;
  const slowest = queries.map((q, i) => [q, results[i].ms]).filter(([, t]) => t !== null)
    .sort((a, b) => b[1] - a[1]).slice(0, 5);
  const frames = results.some((r) => r.frameMs != null) ? stats(results.filter((r) => r.frameMs != null).map((r) => r.frameMs)) : null;
  report.engines[name] = { load, query: times, keystrokeToFrame: frames, slowest, wrongCounts: wrong };
  const exact = name === 'scan' ? 'the reference' : wrong === null ? 'no scan to compare' : wrong.length === 0 ? 'every count exact'
    : `${wrong.length} of ${queries.length} counts differ from the scan's (e.g. ${JSON.stringify(wrong.slice(0, 3))})`;
  const mib = load.memoryMiB == null ? 'memory –' : `renderer +${Math.round(load.memoryMiB)} MiB`;
  lines.push(`  ${name.padEnd(10)} load ${ms(load.firstCardMs)} (read ${ms(load.readMs)}, index ${ms(load.buildMs)}${longTasksText(load.longTasks)}); ${mib}; `
    + `query p50 ${ms(times.p50)}, p95 ${ms(times.p95)}, max ${ms(times.max)} (${JSON.stringify(slowest[0]?.[0])}); `
    + `${frames ? `keystroke → results painted p50 ${ms(frames.p50)}, p95 ${ms(frames.p95)}; ` : ''}${exact}`);
}
console.log(lines.join('\n'));
await mkdir(path.join(ROOT, 'target'), { recursive: true });
await writeFile(path.join(ROOT, 'target', 'bench-compare.json'), `${JSON.stringify(report, null, 2)}\n`);
