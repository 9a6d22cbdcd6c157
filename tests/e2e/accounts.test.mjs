// "Other accounts of this meeting" on a readout's page: on a generated corpus whose last two
// readouts of every 25 are two sides' accounts of one call (`readouts_synth::corpus`), each
// account's page lists the other, and the link opens it; a readout told once (the bundled
// seed) has no such section.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { builtCorpus, launchBrowser, serveDist, watch } from './helpers.mjs';
import { generatedCorpus } from './corpora.mjs';

let browser;
let generated;
let bundled;
/** The two accounts of one call: readouts 23 and 24 of the generated corpus. */
let pair;

before(async () => {
  const file = await generatedCorpus(25, 7);
  pair = JSON.parse(await readFile(file, 'utf8')).readouts.slice(23, 25);
  assert.equal(pair.length, 2);
  browser = await launchBrowser();
  generated = await serveDist({ corpusFile: file });
  bundled = await serveDist();
});

after(async () => {
  await browser?.close();
  await generated?.close();
  await bundled?.close();
});

/** A page with its error watcher at `url` below `server`, once the readout's title shows. */
async function open(server, url) {
  const page = await browser.newPage();
  const seen = watch(page);
  await page.goto(server.url + url.replace(/^\//, ''));
  await page.locator('main h1#readout-title').waitFor({ timeout: 30000 });
  return { page, seen };
}

function noErrors(seen) {
  assert.deepEqual([...seen.consoleErrors, ...seen.pageErrors, ...seen.failedRequests, ...seen.httpErrors], []);
}

test('each account of a call lists the other, and its link opens it', async () => {
  const [first, second] = pair;
  const { page, seen } = await open(generated, `/r/${first.id}`);
  const section = page.getByRole('region', { name: 'Other accounts of this meeting' });
  await section.waitFor();
  const items = section.getByRole('listitem');
  assert.equal(await items.count(), 1);
  const item = (await items.first().textContent()).trim();
  assert.ok(item.startsWith(second.title), item);
  // The generator names no publisher (each side is told by its principal): the date shows.
  const day = new Date(`${second.event.date}T00:00:00Z`)
    .toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  assert.ok(item.includes(` · ${day} · `), item);
  assert.ok(item.includes(`${second.statements.length} statement`), item);
  const link = section.getByRole('link', { name: second.title });
  assert.equal(await link.getAttribute('href'), `/r/${second.id}`);
  await link.click();
  await page.waitForURL(`**/r/${second.id}`);
  await page.locator('main h1#readout-title', { hasText: second.title }).waitFor();
  const back = page.getByRole('region', { name: 'Other accounts of this meeting' });
  await back.getByRole('link', { name: first.title }).waitFor();
  noErrors(seen);
  await page.close();
});

test('a readout told once has no other accounts', async () => {
  const seed = (await builtCorpus()).readouts[0];
  const { page, seen } = await open(bundled, `/r/${seed.id}`);
  // The page is complete once its source text is shown.
  await page.locator('.source-text').waitFor();
  assert.equal(await page.getByText('Other accounts of this meeting').count(), 0);
  noErrors(seen);
  await page.close();
});
