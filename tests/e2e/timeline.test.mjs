// The timeline on a participant's page (statements per month: an SVG chart and its table), on a
// corpus of the seed and two publishers' accounts of one fictional call (corpora.mjs,
// accountsCorpus): the table holds exactly the chart's figures, which count every statement of
// the participant once, and it opens with the keyboard.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launchBrowser, serveDist, watch } from './helpers.mjs';
import { accountsCorpus } from './corpora.mjs';

let browser;
let app;
let corpus;
let readouts;

before(async () => {
  corpus = await accountsCorpus();
  readouts = JSON.parse(await readFile(corpus.file, 'utf8')).readouts;
  browser = await launchBrowser();
  app = await serveDist({ corpusFile: corpus.file });
});

after(async () => {
  await browser?.close();
  await app?.close();
  await corpus?.cleanup();
});

test("a participant's timeline: the table holds the chart's figures", async () => {
  const page = await browser.newPage();
  const seen = watch(page);
  await page.goto(`${app.url}p/tomas-brenn`);
  // The chart is named by its title and described by its figures.
  const chart = page.getByRole('img', { name: /^Statements by Tomas Brenn per month/ });
  await chart.waitFor();
  const bars = await chart.locator('rect title').allTextContents();
  const rows = await page.locator('.timeline-table tbody tr').evaluateAll((trs) =>
    trs.map((tr) => `${tr.querySelector('th').textContent}: ${tr.querySelector('td').textContent}`));
  assert.ok(bars.length > 0);
  assert.deepEqual(rows, bars);
  // Both accounts are of March 2031; every statement of his is counted once.
  const mine = readouts.flatMap((r) => r.statements).filter((s) => s.speakers.includes('tomas-brenn')).length;
  assert.ok(mine > 1);
  assert.deepEqual(bars, [`March 2031: ${mine}`]);
  // The table opens with the keyboard.
  await page.locator('.timeline-table summary').focus();
  await page.keyboard.press('Enter');
  await page.getByRole('table', { name: 'Statements by Tomas Brenn per month' }).waitFor();
  assert.deepEqual([...seen.consoleErrors, ...seen.pageErrors, ...seen.failedRequests, ...seen.httpErrors], []);
  await page.close();
});
