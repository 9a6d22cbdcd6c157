// Browser benchmark of the compare views (issue 13: "renders within a frame at 100k
// statements") on a generated corpus of about 100,000 statements (5,000 fictional readouts,
// two accounts of one call in every 25: `readouts_synth::PAIR_EVERY`). Nothing here asserts a
// time: the figures are printed and written to target/bench-compare-views.json.
//
// Each view is opened as a reader opens it, from a readout's page within the app (the corpus
// already read, the compare app already loaded once): a history entry and a `popstate` event,
// as the app's links make. Measured, per view, as the median and the worst of RUNS openings:
//
// - move → next frame: from the move to the next frame after the view is in the page (the
//   main app choosing the readouts and writing them for the compare app, the compare app
//   reading them, the view computed and rendered, then the browser's next frame: a
//   `requestAnimationFrame` and a task after it, as bench/app.bench.mjs measures input to
//   next frame; at least the wait for the next vsync);
// - the main app's hand-over: from the move to the compare app's mount;
// - readouts:compare-mount: the compare app's part (the handed readouts read
//   (readouts:compare-read) and indexed (readouts:index), the view computed and rendered into
//   the page), a performance measure of the compare app;
// - readouts:compare-accounts / readouts:compare-people: the core's computation of the view
//   alone (`compare_accounts`, `compare_people`).
//
// The views: two accounts of one call; two participants, the two who speak most (the largest
// such view the corpus has); both pickers. Then a sort of the accounts' rows (the mounted view
// follows the address: readouts:compare-moved) and a keystroke in each picker's find box.
//
// BENCH_COUNT=… readouts (default 5000); RUNS=… openings per view (default 7). Run by
// scripts/bench.sh, or `node --test bench/compare-views.bench.mjs` after a release build.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, launchBrowser, serveDist, watch } from '../tests/e2e/helpers.mjs';
import { generatedCorpus } from '../tests/e2e/corpora.mjs';

const COUNT = Number(process.env.BENCH_COUNT ?? 5000);
const RUNS = Number(process.env.RUNS ?? 7);
/** Every this many readouts of a generated corpus, the last two are accounts of one call. */
const PAIR_EVERY = 25;

let browser;
let server;
let corpus;

before(async () => {
  const file = await generatedCorpus(COUNT, 1);
  corpus = JSON.parse(await readFile(file, 'utf8'));
  browser = await launchBrowser();
  server = await serveDist({ corpusFile: file });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

function stats(values) {
  const sorted = values.filter((v) => v !== null && v !== undefined).sort((a, b) => a - b);
  return { n: sorted.length, median: sorted[Math.floor(sorted.length / 2)], max: sorted.at(-1) };
}

const ms = (x) => (x === undefined ? '–' : `${x.toFixed(1)} ms`);
const line = (name, s) => `${name}: median ${ms(s.median)}, max ${ms(s.max)} (${s.n} runs)`;

/** The two participants with the most statements, most first: [id, statements] each. */
function topSpeakers() {
  const counts = new Map();
  for (const r of corpus.readouts) {
    for (const s of r.statements) for (const id of s.speakers) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, 2);
}

/**
 * Moves the app to `url` as its links do (a history entry and a `popstate` event) and returns
 * the time from the move to the next frame after `ready` (a selector) is in the page (as
 * app.bench.mjs measures input to next frame: a `requestAnimationFrame`, then a task after its
 * frame), or null if it never shows; and the compare app's measures taken meanwhile (the
 * last of each name), `handover` being the time from the move to the compare app's mount.
 */
function openIn(page, url, ready) {
  return page.evaluate(async ({ url, ready, names }) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const start = performance.now();
    history.pushState(null, '', url);
    dispatchEvent(new PopStateEvent('popstate'));
    let open = null;
    for (let i = 0; i < 600 && open === null; i += 1) {
      await frame();
      if (document.querySelector(ready)) open = performance.now() - start;
    }
    const measures = {};
    for (const name of names) {
      const entry = performance.getEntriesByName(name).filter((e) => e.startTime >= start).at(-1);
      if (entry) measures[name] = entry.duration;
    }
    const mount = performance.getEntriesByName('readouts:compare-mount').filter((e) => e.startTime >= start).at(-1);
    if (mount) measures.handover = mount.startTime - start;
    return { open, ...measures };
  }, { url, ready, names: MEASURES });
}

/** The compare app's and the core's performance measures read after each move. */
const MEASURES = [
  'readouts:compare-mount',
  'readouts:compare-read',
  'readouts:index',
  'readouts:compare-accounts',
  'readouts:compare-people',
  'readouts:compare-view',
  'readouts:compare-moved',
];

/** What each figure of a view is, in the report. */
const LABELS = {
  open: 'move → next frame',
  handover: 'move → compare app mounting (the main app: readouts chosen and written, the page changed)',
  'readouts:compare-mount': 'readouts:compare-mount (the compare app: read, index, compute, render)',
  'readouts:compare-read': '  of which readouts:compare-read (the handed readouts read)',
  'readouts:index': '  of which readouts:index (indexed)',
  'readouts:compare-accounts': '  of which readouts:compare-accounts (the core\'s lining up)',
  'readouts:compare-people': '  of which readouts:compare-people (the core\'s comparison)',
  'readouts:compare-view': 'readouts:compare-view (the view computed and rendered into the page: its component\'s render to its effect)',
  'readouts:compare-moved': 'readouts:compare-moved (the mounted view rendered again)',
};

/** Each figure of `runs` (objects of figures) as median and max over the runs. */
function summary(runs) {
  const keys = Object.keys(LABELS).filter((k) => runs.some((r) => r[k] !== undefined));
  return Object.fromEntries(keys.map((k) => [k, stats(runs.map((r) => r[k]))]));
}

/** The lines of a summary. */
const summaryLines = (sum) => Object.entries(sum).map(([k, s]) => `    ${line(LABELS[k], s)}`);

test(`compare views in Chromium on ${COUNT} generated readouts`, async (t) => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const seen = watch(page);
  const [a, b] = corpus.readouts.slice(PAIR_EVERY - 2, PAIR_EVERY);
  const [[p, pSaid], [q, qSaid]] = topSpeakers();
  const statements = corpus.readouts.reduce((n, r) => n + r.statements.length, 0);
  const shared = corpus.readouts.filter((r) => r.participants.some((x) => x.id === p || x.id === q)).length;
  await page.goto(`${server.url}r/${a.id}`);
  await page.locator('main h1#readout-title').waitFor({ timeout: 300000 });
  const home = `/r/${a.id}`;
  const readoutReady = 'main h1#readout-title';

  // The first opening loads the compare app (its module fetched and compiled): once.
  const firstOpen = (await openIn(page, `/compare/r/${a.id}/${b.id}`, '#compare-app-root h1')).open;
  const views = [
    ['two accounts', `/compare/r/${a.id}/${b.id}`, '#compare-app-root .compare-table'],
    [`two participants (${pSaid} and ${qSaid} statements, ${shared} readouts)`, `/compare/p/${p}/${q}`, '#compare-app-root .diverging'],
    ['readout picker', `/compare/r/${a.id}`, '#compare-app-root .compare-picks li'],
    ['participant picker', `/compare/p/${p}`, '#compare-app-root .compare-picks li'],
  ];
  const report = { readouts: COUNT, statements, firstOpenMs: firstOpen, views: {} };
  const lines = [
    `compare views, ${statements.toLocaleString('en-US')} statements from ${COUNT} generated readouts (Chromium):`,
    `  first opening (the compare app fetched and compiled): ${ms(firstOpen)}`,
  ];
  for (const [name, url, ready] of views) {
    const runs = [];
    for (let run = 0; run < RUNS; run += 1) {
      assert.notEqual((await openIn(page, home, readoutReady)).open, null, 'back on the readout page');
      runs.push(await openIn(page, url, ready));
    }
    assert.ok(runs.every((r) => r.open !== null), `${name}: the view showed every time`);
    report.views[name] = summary(runs);
    lines.push(`  ${name}:`, ...summaryLines(report.views[name]));
  }

  // A sort of the accounts' rows: the mounted view follows the address.
  await openIn(page, `/compare/r/${a.id}/${b.id}`, '#compare-app-root .compare-table');
  const sorts = [];
  for (let run = 0; run < RUNS; run += 1) {
    for (const key of ['only-a', 'only-b', 'both']) {
      sorts.push(await openIn(page, `/compare/r/${a.id}/${b.id}?sort=${key}`, `.sort-button[aria-current="true"][href$="sort=${key}"]`));
    }
  }
  report.sort = summary(sorts);
  lines.push('  a sort of the accounts\' rows:', ...summaryLines(report.sort));

  // A keystroke in each picker's find box: the list narrowed and shown.
  for (const [name, url, text] of [['readout picker', `/compare/r/${a.id}`, 'call 20'], ['participant picker', `/compare/p/${p}`, 'an']]) {
    await openIn(page, url, '#compare-app-root .compare-picks li');
    const keys = [];
    for (let run = 0; run < RUNS; run += 1) {
      for (let n = 1; n <= text.length; n += 1) {
        keys.push(await page.evaluate(async (value) => {
          const input = document.getElementById('compare-find');
          const start = performance.now();
          input.value = value;
          input.dispatchEvent(new InputEvent('input', { bubbles: true }));
          await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
          return performance.now() - start;
        }, text.slice(0, n)));
      }
    }
    report[`${name} keystroke`] = stats(keys);
    lines.push(`  ${line(`${name}, keystroke → next frame`, stats(keys))}`);
  }
  assert.deepEqual(seen.pageErrors, []);
  for (const l of lines) {
    console.log(l);
    t.diagnostic(l);
  }
  await writeFile(path.join(ROOT, 'target', 'bench-compare-views.json'), `${JSON.stringify(report, null, 2)}\n`);
  await page.close();
});
