// Where the app's renderer memory goes: Chromium's own accounting (the memory-infra dumps that
// chrome://tracing shows) of the page's renderer process, on a blank page of the same origin and
// after the app has loaded a generated corpus and answered a few searches, each after a garbage
// collection of the page; with the wasm module's linear memory and the process's resident
// memory by kind (/proc). A diagnostic for the renderer growth that bench/compare.mjs reports
// (its figure is the growth of VmRSS, which counts the browser's own code pages, RssFile, too);
// asserts nothing.
//
//   node bench/memory-parts.mjs            on an existing dist/ (a release build)
//
// BENCH_COUNT=… readouts (default 5000, about 100,000 statements); NO_SW=1 blocks the service
// worker (it runs in the page's renderer process); SETTLE_MS=… waits that long after the
// searches before measuring.

import { readFile } from 'node:fs/promises';
import { launchBrowser, serveDist } from '../tests/e2e/helpers.mjs';
import { generatedCorpus } from '../tests/e2e/corpora.mjs';

const COUNT = Number(process.env.BENCH_COUNT ?? 5000);
const MiB = 1024 * 1024;
const mib = (bytes) => (bytes / MiB).toFixed(1).padStart(7);

/** One detailed memory dump of every process: pid → { footprint, allocators: name → bytes }. */
async function dump(browser) {
  const session = await browser.newBrowserCDPSession();
  const events = [];
  session.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const complete = new Promise((resolve) => session.once('Tracing.tracingComplete', resolve));
  await session.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: ['disabled-by-default-memory-infra'],
      excludedCategories: ['*'],
      memoryDumpConfig: { triggers: [] },
    },
  });
  await session.send('Tracing.requestMemoryDump', { levelOfDetail: 'detailed' });
  await session.send('Tracing.end');
  await complete;
  await session.detach();
  const processes = new Map();
  for (const event of events) {
    const dumps = event.args?.dumps;
    if (!dumps) continue;
    const entry = processes.get(event.pid) ?? { footprint: 0, allocators: {} };
    const footprint = dumps.process_totals?.private_footprint_bytes;
    if (footprint) entry.footprint = parseInt(footprint, 16);
    for (const [name, { attrs }] of Object.entries(dumps.allocators ?? {})) {
      const size = attrs?.size?.value;
      if (size !== undefined) entry.allocators[name] = parseInt(size, 16);
    }
    processes.set(event.pid, entry);
  }
  return processes;
}

/** A process's kind and resident memory (MiB) from /proc. */
async function resident(pid) {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kind = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).match(/--type=([a-z-]+)/)?.[1] ?? 'browser';
    const field = (name) => Math.round(Number(status.match(new RegExp(`^${name}:\\s+(\\d+)`, 'm'))?.[1]) / 1024);
    return `${kind}: ${['VmRSS', 'RssAnon', 'RssFile', 'RssShmem'].map((name) => `${name} ${field(name)}`).join(', ')} MiB`;
  } catch {
    return '(gone)';
  }
}

async function collectGarbage(page) {
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  await session.detach();
}

/** The page's renderer: the renderer with the largest private footprint. */
function renderer(processes) {
  return [...processes.entries()]
    .filter(([, p]) => p.allocators.blink_gc !== undefined)
    .sort((a, b) => b[1].footprint - a[1].footprint)[0];
}

const file = await generatedCorpus(COUNT, 1);
const browser = await launchBrowser();
const server = await serveDist({ corpusFile: file });
try {
  const page = await browser.newPage({
    viewport: { width: 1280, height: 900 },
    serviceWorkers: process.env.NO_SW ? 'block' : 'allow',
  });
  await page.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (e) => { window.benchWasm = e.detail.wasm; });
  });
  const blank = new URL('/__bench/blank.html', server.url).href;
  await page.route(blank, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>blank</title>' }));
  await page.goto(blank);
  await collectGarbage(page);
  const first = await dump(browser);
  await page.goto(server.url);
  await page.locator('article.card').first().waitFor({ timeout: 300000 });
  for (const text of ['trade', '"the two sides"', 'a', '']) {
    const count = await page.locator('.result-count').textContent();
    await page.fill('#search-input', text);
    await page.waitForFunction((before) => document.querySelector('.result-count')?.textContent !== before, count)
      .catch(() => {});
  }
  if (process.env.SETTLE_MS) await page.waitForTimeout(Number(process.env.SETTLE_MS));
  await collectGarbage(page);
  const wasmBytes = await page.evaluate(() => Object.values(window.benchWasm ?? {})
    .find((v) => v instanceof WebAssembly.Memory)?.buffer.byteLength ?? 0);
  const processes = await dump(browser);
  const [pid, after] = renderer(processes);
  const before = first.get(pid) ?? { footprint: 0, allocators: {} };
  console.log(`${COUNT} readouts; the page's renderer ${pid} (${await resident(pid)}); wasm linear memory ${mib(wasmBytes).trim()} MiB`);
  console.log(`  private footprint ${mib(before.footprint)} → ${mib(after.footprint)} MiB`);
  const names = new Set([...Object.keys(before.allocators), ...Object.keys(after.allocators)]);
  const rows = [...names]
    .filter((name) => name.split('/').length <= 3 && !name.includes('allocated_objects'))
    .map((name) => [name, before.allocators[name] ?? 0, after.allocators[name] ?? 0])
    .filter(([, b, a]) => Math.abs(a - b) > 0.5 * MiB)
    .sort((x, y) => x[0].localeCompare(y[0]));
  for (const [name, b, a] of rows) console.log(`  ${name.padEnd(48)} ${mib(b)} → ${mib(a)} MiB`);
  for (const [other] of processes) {
    if (other !== pid) console.log(`  process ${other}: ${await resident(other)}`);
  }
} finally {
  await browser.close();
  await server.close();
}
