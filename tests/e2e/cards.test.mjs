// The happy path on the corpus bundled by the build: every seed statement as a card with the
// right speaker, no console errors or failed requests, time to the first card, deep links,
// phone width, dark mode and visible focus.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, builtCorpus, launchBrowser, recordFirstCard, serveDist, watch, afterPaint } from './helpers.mjs';

// The seed's expected parse (docs: readout conventions): speaker and the start of the text.
const XI = 'Xi Jinping';
const PUTIN = 'Vladimir Putin';
const SEED = [
  [XI, 'at the historic juncture of the 75th anniversary'],
  [XI, 'Facing an international situation fraught with changes'],
  [XI, 'China and Russia should continue to synergize'],
  [XI, 'China supports Russia in fulfilling its responsibilities'],
  [XI, 'The SCO Summit in Astana will be held on Thursday.'],
  [XI, 'China looks forward to working with Russia'],
  [XI, 'China and Russia should continue to strengthen comprehensive'],
  [PUTIN, 'President Xi Jinping for the warm reception'],
  [PUTIN, 'the Russia-China relations are at an all-time high'],
  [PUTIN, 'Russia supports China in safeguarding its core interests'],
  [PUTIN, 'China will soon take over the SCO rotating chairmanship.'],
  [PUTIN, "Russia will fully support China's work"],
  [PUTIN, 'As the BRICS rotating chair this year'],
  [XI, 'China always stands on the right side of history'],
];

const SHOTS = path.join(ROOT, 'target', 'e2e-screenshots');

let browser;
let server;

before(async () => {
  browser = await launchBrowser();
  server = await serveDist();
  await mkdir(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Every card on the page, as the reader sees it. */
function readCards(page) {
  return page.$$eval('article.card', (cards) => cards.map((card) => ({
    readout: card.dataset.readout,
    speakers: card.querySelector('.speakers')?.textContent ?? '',
    verb: card.querySelector('.verb')?.textContent ?? '',
    text: card.querySelector('.statement-text')?.textContent ?? '',
    title: card.querySelector('cite')?.textContent ?? '',
    datetime: card.querySelector('time')?.getAttribute('datetime') ?? null,
  })));
}

test('every seed statement is a card with the right speaker', async () => {
  const corpus = await builtCorpus();
  const seed = corpus.readouts.find((r) => r.source.text.includes('President Xi Jinping met with Russian President Vladimir Putin'));
  assert.ok(seed, 'the bundled corpus holds the seed readout');
  const total = corpus.readouts.reduce((n, r) => n + r.statements.length, 0);

  const page = await browser.newPage();
  await page.goto(server.url);
  await page.locator('.summary').waitFor({ timeout: 15000 });
  const cards = await readCards(page);
  assert.equal(cards.length, total, 'one card per statement of the corpus');

  const seedCards = cards.filter((card) => card.readout === seed.id);
  assert.deepEqual(
    seedCards.map((card, i) => `${i + 1}. ${card.speakers}`),
    SEED.map(([speaker], i) => `${i + 1}. ${speaker}`),
    'the seed statements, in order, with their speakers',
  );
  for (const [i, [, start]] of SEED.entries()) {
    const text = seedCards[i].text.replaceAll('’', "'");
    assert.ok(text.startsWith(start), `statement ${i + 1} starts with "${start}", got "${seedCards[i].text}"`);
  }
  for (const card of seedCards) {
    assert.ok(card.verb.trim(), 'every card shows its reporting verb');
  }
  // The first card of the readout says its date; the next ones, from the same readout, do not
  // repeat it (compact cards).
  assert.equal(seedCards[0].datetime, '2024-07-03', 'the meeting date is a <time datetime>');
  assert.ok(seedCards.slice(1).every((card) => card.datetime === null));
  const details = await page.locator('article.card').first().locator('.speaker-details').textContent();
  assert.match(details, /President/);
  assert.match(details, /China/);
  await page.close();
});

test('the happy path has no console errors or failed requests, and shows a card fast', async (t) => {
  const LOADS = 5;
  const timings = [];
  for (let i = 0; i < LOADS; i += 1) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const seen = watch(page);
    await recordFirstCard(page);
    await page.goto(server.url);
    await page.locator('.summary').waitFor({ timeout: 15000 });
    assert.ok(await page.locator('article.card').count() > 0, 'the bundled corpus shows at least one card');
    await page.waitForFunction(() => window.__firstCardFrame !== undefined);
    timings.push(await page.evaluate(() => ({
      dom: window.__firstCard,
      painted: window.__firstCardFrame,
      corpusRequests: performance.getEntriesByType('resource').filter((r) => r.name.endsWith('/corpus.json')).length,
    })));
    await afterPaint(page);
    assert.deepEqual(seen.consoleErrors, [], 'no console errors');
    assert.deepEqual(seen.pageErrors, [], 'no uncaught errors');
    assert.deepEqual(seen.failedRequests, [], 'no failed requests');
    assert.deepEqual(seen.httpErrors, [], 'no HTTP errors');
    await context.close();
  }
  const painted = timings.map((x) => x.painted).sort((a, b) => a - b);
  const median = painted[Math.floor(LOADS / 2)];
  const line = `time to first card (navigation start to the frame after the first card, ${LOADS} cold loads): `
    + `median ${median.toFixed(0)} ms, min ${painted[0].toFixed(0)} ms, max ${painted[LOADS - 1].toFixed(0)} ms`;
  t.diagnostic(line);
  console.log(line);
  assert.ok(timings.every((x) => x.corpusRequests === 1), `corpus.json fetched once per load: ${JSON.stringify(timings)}`);
  // The product budget is 500 ms; this bound only catches gross regressions on a busy machine.
  assert.ok(median < 3000, `first card within 3 s, median ${median} ms`);
});

test('a deep link loads the corpus from the app base and shows the not-found page', async () => {
  const page = await browser.newPage();
  const seen = watch(page);
  const before = server.requests.length;
  await page.goto(`${server.url}no/such/page?x=1`);
  await page.getByRole('heading', { name: 'Page not found' }).waitFor({ timeout: 15000 });
  assert.equal(await page.locator('main code').first().textContent(), '/no/such/page');
  const requested = server.requests.slice(before);
  assert.ok(requested.includes('/corpus.json'), `corpus.json fetched from the base: ${requested.join(', ')}`);
  await page.getByRole('link', { name: 'See all statements' }).click();
  await page.locator('.summary').waitFor();
  assert.equal(new URL(page.url()).pathname, '/');
  assert.deepEqual([...seen.consoleErrors, ...seen.pageErrors, ...seen.failedRequests, ...seen.httpErrors], []);
  await page.close();
});

test('readable at 375 px, light and dark, with visible focus', async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.locator('.summary').waitFor({ timeout: 15000 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling at 375 px (overflow ${overflow} px)`);
  await page.screenshot({ path: path.join(SHOTS, 'home-375-light.png') });
  const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.notEqual(dark, light, 'dark mode changes the colours');
  await page.screenshot({ path: path.join(SHOTS, 'home-375-dark.png') });

  await page.keyboard.press('Tab');
  const focus = await page.evaluate(() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    return { tag: el.tagName, outline: style.outlineStyle, width: style.outlineWidth };
  });
  assert.equal(focus.tag, 'A', 'the first Tab reaches the home link');
  assert.notEqual(focus.outline, 'none', 'focus is visible');
  await context.close();

  const desktop = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await desktop.goto(server.url);
  await desktop.locator('.summary').waitFor({ timeout: 15000 });
  await desktop.screenshot({ path: path.join(SHOTS, 'home-1280-light.png') });
  await desktop.close();
});
