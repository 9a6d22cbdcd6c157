// Importing readouts in the browser: the parser runs in a Web Worker (crates/parse-worker),
// which gives exactly what the CLI gives, online and offline after a first visit.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
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
