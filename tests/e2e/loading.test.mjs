// Loading a corpus that takes a while: the page shell and a progress bar of the bytes read show
// at once and move while the corpus arrives; a download cut short, or a file broken halfway,
// says where and why. The corpus is trickled by the test server (server.mjs, corpusTrickle).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import { errorShown, launchBrowser, serveDist, tempCorpus, watch } from './helpers.mjs';
import { generatedCorpus } from './corpora.mjs';

let browser;
/** A generated corpus of a few hundred kilobytes. */
let file;
let size;

before(async () => {
  browser = await launchBrowser();
  file = await generatedCorpus(60, 3);
  size = (await stat(file)).size;
  assert.ok(size > 300_000, `the corpus is large enough to trickle: ${size} B`);
});

after(async () => {
  await browser?.close();
});

const MB = (bytes) => `${Math.floor(bytes / 1e6)}.${Math.floor(bytes / 1e5) % 10} MB`;

test('a slow corpus shows the shell and a progress bar of bytes read, then the cards', async () => {
  const server = await serveDist({ corpusFile: file, corpusTrickle: { chunk: 16384, delayMs: 40 } });
  const page = await browser.newPage();
  const seen = watch(page);
  try {
    await page.goto(server.url);
    // The shell is there while the corpus arrives.
    await page.getByRole('navigation', { name: 'Site' }).waitFor({ timeout: 15000 });
    const bar = page.locator('main progress.load-progress');
    await bar.waitFor({ timeout: 15000 });
    assert.equal(await bar.getAttribute('max'), String(size), 'the total is the file size');
    // The bar moves: some bytes read, not all.
    await page.waitForFunction((total) => {
      const value = Number(document.querySelector('main progress.load-progress')?.getAttribute('value'));
      return value > 0 && value < total;
    }, size, { timeout: 15000 });
    assert.match(await page.locator('main .load-bytes').textContent(), new RegExp(`^\\d+\\.\\d MB of ${MB(size).replace('.', '\\.')}$`));
    assert.equal(await page.getByRole('status').filter({ hasText: 'Loading the corpus' }).count(), 1);
    assert.equal(await bar.getAttribute('aria-labelledby'), 'load-status');
    await page.locator('article.card').first().waitFor({ timeout: 60000 });
    assert.equal(await page.locator('main progress').count(), 0, 'the bar is gone');
    assert.deepEqual([...seen.pageErrors, ...seen.consoleErrors], []);
  } finally {
    await page.close();
    await server.close();
  }
});

test('a download cut short says how far it got, of how much', async () => {
  const cutAfter = 16384 * 8;
  const shown = await errorShown(browser, { corpusFile: file, corpusTrickle: { chunk: 16384, delayMs: 10, cutAfter } });
  assert.equal(shown.title, 'The corpus could not be loaded');
  // The browser may drop bytes it had buffered when the connection breaks: at most what was sent.
  const said = shown.text.match(/corpus\.json stopped after (\d+)\.(\d) MB of (\d+\.\d MB)/);
  assert.ok(said, shown.text);
  assert.ok(Number(said[1]) * 1e6 + Number(said[2]) * 1e5 <= cutAfter, `no more than was sent: ${said[0]}`);
  assert.equal(said[3], MB(size));
  assert.match(shown.text, /Check the network connection and reload the page/);
});

test('a corpus broken halfway names the line and column of the break', async () => {
  const text = await readFile(file, 'utf8');
  // A readout's title in the middle of the file loses its closing quote's colon.
  const at = text.indexOf('"title":', Math.floor(text.length / 2));
  const broken = `${text.slice(0, at)}"title" ${text.slice(at + '"title":'.length)}`;
  const corpus = await tempCorpus(broken);
  try {
    const shown = await errorShown(browser, { corpusFile: corpus.file, corpusTrickle: { chunk: 65536, delayMs: 5 } });
    assert.equal(shown.title, 'The corpus file is not valid JSON');
    const column = Buffer.byteLength(text.slice(0, at)) + '"title" '.length + 1;
    assert.match(shown.text, new RegExp(`line 1, column ${column}\\b`));
  } finally {
    await corpus.cleanup();
  }
});
