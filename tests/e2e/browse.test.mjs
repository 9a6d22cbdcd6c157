// Browsing and reading on any device (issue 11): `/s/` showing the statements, the method page
// in the site navigation and the footer; each
// route's own title and meta description, and the static preview tags; compact cards; a skip
// link to the results; on a phone (375 px), a "Show N statements" button that folds the open
// filters and goes to the results; facet checkboxes of at least 24 px.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DIST, builtCorpus, launchBrowser, serveDist, watch } from './helpers.mjs';

let browser;
let server;
let seed;

before(async () => {
  browser = await launchBrowser();
  server = await serveDist();
  seed = (await builtCorpus()).readouts[0];
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A page with its error watcher, at `url` below the server, once its `h1` shows. */
async function open(url, options = {}) {
  const page = await browser.newPage(options);
  const seen = watch(page);
  await page.goto(server.url + url.replace(/^\//, ''));
  await page.locator('main h1').waitFor({ timeout: 15000 });
  return { page, seen };
}

function noErrors(seen) {
  assert.deepEqual([...seen.consoleErrors, ...seen.pageErrors, ...seen.failedRequests, ...seen.httpErrors], []);
}

const description = (page) => page.locator('meta[name=description]').getAttribute('content');

test('/s/ without an id shows the statements', async () => {
  const { page, seen } = await open('/s/');
  await page.locator('article.card').first().waitFor();
  assert.equal(await page.locator('article.card').count(), seed.statements.length);
  noErrors(seen);
  await page.close();
});

test('the method page explains the extraction and is linked from the navigation and footer', async () => {
  const { page, seen } = await open('/');
  await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Method' }).click();
  await page.waitForURL(/\/about\.html$/);
  // Its icon too: leaving while the icon is still loading would abort that request.
  await page.waitForLoadState('networkidle');
  assert.equal(await page.title(), 'How statements are extracted · readouts');
  assert.equal(await page.locator('h1').textContent(), 'How statements are extracted');
  const text = await page.locator('main').textContent();
  for (const words of ['continues', 'joint statement', 'unattributed', 'Known limits']) {
    assert.ok(text.includes(words), words);
  }
  assert.match(await description(page), /attributed statements/);
  // Back into the app by its navigation.
  await page.getByRole('link', { name: 'Statements' }).click();
  await page.locator('h1', { hasText: 'Statements' }).waitFor();
  assert.equal(await page.locator('.site-footer a', { hasText: 'How statements are extracted' }).getAttribute('href'), 'about.html');
  noErrors(seen);
  await page.close();
});

test('every route has its own title and description; the shell has preview tags', async () => {
  const { page, seen } = await open(`/r/${seed.id}`);
  await page.waitForFunction((title) => document.title === `${title} · readouts`, seed.title);
  assert.equal(await description(page), `${seed.title} · readouts: who said what in leaders' meeting readouts, with the readout each statement comes from.`);
  await page.goto(server.url + 'p/xi-jinping');
  await page.waitForFunction(() => document.title === 'Xi Jinping · readouts');
  assert.match(await description(page), /^Xi Jinping · readouts: /);
  noErrors(seen);
  await page.close();
  const html = await readFile(path.join(DIST, 'index.html'), 'utf8');
  assert.match(html, /<meta property="og:title" content="readouts"/);
  assert.match(html, /<meta property="og:description" content="[^"]+"/);
});

test('a card after one from the same readout does not repeat the readout or the speaker details', async () => {
  const { page, seen } = await open('/?sort=readout');
  const cards = page.locator('article.card');
  const first = cards.nth(0);
  assert.equal(await first.locator('cite').count(), 1);
  assert.equal(await first.locator('.speaker-details').count(), 1);
  const second = cards.nth(1);
  assert.match(await second.getAttribute('class'), /same-readout/);
  assert.equal(await second.locator('cite').count(), 0, 'no readout title');
  assert.equal(await second.locator('.readout-meta').count(), 0, 'no date or place');
  assert.equal(await second.locator('.speaker-details').count(), 0, 'same speaker: no details');
  assert.equal(await second.getByRole('link', { name: 'Permalink' }).count(), 1);
  // A new speaker in the same readout gets their details again.
  const putinFirst = seed.statements.findIndex((s) => s.speakers.includes('vladimir-putin'));
  assert.match(await cards.nth(putinFirst).locator('.speaker-details').textContent(), /Russia/);
  noErrors(seen);
  await page.close();
});

test('a skip link takes the keyboard to the results', async () => {
  const { page, seen } = await open('/');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to results');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement.id === 'results-title');
  // The first card's first link within five more presses.
  let presses = 0;
  while (presses < 5 && !(await page.evaluate(() => Boolean(document.activeElement.closest('article.card'))))) {
    await page.keyboard.press('Tab');
    presses += 1;
  }
  assert.ok(await page.evaluate(() => Boolean(document.activeElement.closest('article.card'))), `a card is reached in ${presses} presses`);
  noErrors(seen);
  await page.close();
});

test('on a phone, ticking a facet shows a "Show N statements" button that reveals the results', async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const seen = watch(page);
  await page.goto(server.url);
  await page.locator('main h1').waitFor({ timeout: 15000 });
  await page.getByRole('button', { name: 'Filters' }).click();
  const putin = page.getByRole('checkbox', { name: /^Vladimir Putin, / });
  const box = await putin.boundingBox();
  assert.ok(box.width >= 24 && box.height >= 24, `the checkbox is ${box.width} × ${box.height} px`);
  await putin.check();
  await page.waitForURL(/speaker=vladimir-putin/);
  const n = seed.statements.filter((s) => s.speakers.includes('vladimir-putin')).length;
  const show = page.getByRole('button', { name: `Show ${n} statements` });
  await show.click();
  await page.waitForFunction(() => document.activeElement.id === 'results-title');
  assert.equal(await page.getByRole('button', { name: 'Filters' }).getAttribute('aria-expanded'), 'false');
  // The results are on screen.
  await page.waitForFunction(() => {
    const top = document.querySelector('article.card').getBoundingClientRect().top;
    return top >= 0 && top < innerHeight;
  });
  // On a wide screen the button is not shown (the results are beside the filters).
  await page.setViewportSize({ width: 1280, height: 900 });
  await show.waitFor({ state: 'hidden' });
  noErrors(seen);
  await context.close();
});
