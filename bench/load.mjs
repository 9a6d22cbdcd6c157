// The app's load, and only its load, at scale (issue 10 item 1): for each of BENCH_RUNS fresh
// pages (default 3), navigation → first card, the main thread's long tasks from navigation to
// the first card (over 50 ms, as Chromium reports them to a PerformanceObserver: how many, how
// many over 100 ms, the longest, and when each started), the app's `readouts:parse` and
// `readouts:index` measures, and the sizes of the chunks the corpus's body arrived in (which
// decide how much the app reads between two looks at the clock).
//
//   BENCH_COUNT=5000 BENCH_RUNS=3 node bench/load.mjs     on an existing release dist/
//
// BENCH_DIST=folder serves another build's `dist/` (a copy kept before a change, another
// worktree's) in place of this one's.
//
// BENCH_COUNT fictional readouts (about 20 statements each: 5000 give ~100,000). A benchmark:
// run by hand, never by the test suite; nothing here asserts a time. The machine is shared:
// note the load average printed with each run and compare builds within one sitting.

import { launchBrowser, serveDist } from '../tests/e2e/helpers.mjs';
import { generatedCorpus } from '../tests/e2e/corpora.mjs';
import { cpus, loadavg } from 'node:os';

const COUNT = Number(process.env.BENCH_COUNT ?? 5000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

/**
 * Runs in the page before its scripts: records long tasks as `[start, duration]` and each
 * chunk a body reader hands over as its byte length.
 */
function recordLoad() {
  window.benchLoad = { tasks: [], chunks: [] };
  new PerformanceObserver((list) => {
    for (const task of list.getEntries()) {
      window.benchLoad.tasks.push([Math.round(task.startTime), Math.round(task.duration)]);
    }
  }).observe({ type: 'longtask', buffered: true });
  const read = ReadableStreamDefaultReader.prototype.read;
  ReadableStreamDefaultReader.prototype.read = function readRecorded() {
    return read.call(this).then((next) => {
      if (next.value) window.benchLoad.chunks.push(next.value.length);
      return next;
    });
  };
}

/** One fresh page's load. */
async function loadOnce(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(recordLoad);
  const start = Date.now();
  await page.goto(url);
  await page.locator('article.card').first().waitFor({ timeout: 300000 });
  const firstCardMs = Date.now() - start;
  const recorded = await page.evaluate(() => ({
    ...window.benchLoad,
    measures: Object.fromEntries(['readouts:parse', 'readouts:index']
      .map((name) => [name, Math.round(performance.getEntriesByName(name)[0]?.duration ?? NaN)])),
  }));
  await context.close();
  return { firstCardMs, ...recorded };
}

const kib = (bytes) => `${Math.round(bytes / 1024)} KiB`;

function describe(run) {
  const { tasks, chunks } = run;
  const over = tasks.filter(([, d]) => d > 100);
  const longest = Math.max(0, ...tasks.map(([, d]) => d));
  const sizes = [...chunks].sort((a, b) => a - b);
  return `first card ${run.firstCardMs} ms; long tasks ${tasks.length}, over 100 ms ${over.length}`
    + ` ${JSON.stringify(over)}, longest ${longest} ms; parse ${run.measures['readouts:parse']} ms,`
    + ` index ${run.measures['readouts:index']} ms; ${chunks.length} chunks,`
    + ` median ${kib(sizes[sizes.length >> 1] ?? 0)}, largest ${kib(sizes.at(-1) ?? 0)}`;
}

const file = await generatedCorpus(COUNT, 1);
const browser = await launchBrowser();
const server = await serveDist({ corpusFile: file, ...(process.env.BENCH_DIST ? { root: process.env.BENCH_DIST } : {}) });
try {
  console.log(`the app's load, ${COUNT} generated readouts, ${RUNS} fresh pages (${cpus().length} cores):`);
  for (let run = 1; run <= RUNS; run += 1) {
    const load = loadavg()[0].toFixed(1);
    console.log(`  run ${run} (load average ${load}): ${describe(await loadOnce(browser, server.url))}`);
  }
} finally {
  await browser.close();
  server.close?.();
}
