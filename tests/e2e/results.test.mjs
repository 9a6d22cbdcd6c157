// Denser, clickable results (issue 11, item 5): a numbered pager above and below the results
// (first, previous, the pages around the current one, next, last; each a link with its own URL,
// the current page marked for screen readers), and a card's topics and verb as links that
// narrow the list to them (their facet filter), on a generated corpus of 60 fictional readouts
// (about 1,200 statements, 25 pages).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, launchBrowser, serveDist, watch } from './helpers.mjs';
import { generatedCorpus } from './corpora.mjs';

const PAGE_SIZE = 50;
const AXE = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let browser;
let server;
let axe;
/** Every statement with its readout, in corpus order. */
let statements;

before(async () => {
  const file = await generatedCorpus(60, 3);
  const corpus = JSON.parse(await readFile(file, 'utf8'));
  statements = corpus.readouts.flatMap((readout) => readout.statements.map((statement) => ({ readout, statement })));
  assert.ok(statements.length > 10 * PAGE_SIZE, `enough statements for ten pages (${statements.length})`);
  axe = await readFile(AXE, 'utf8');
  browser = await launchBrowser();
  server = await serveDist({ corpusFile: file });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(url, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const seen = watch(page);
  await page.goto(server.url + url.replace(/^\//, ''));
  await page.locator('article.card').first().waitFor({ timeout: 30000 });
  return { page, seen, context };
}

function noErrors(seen) {
  assert.deepEqual([...seen.consoleErrors, ...seen.pageErrors, ...seen.failedRequests, ...seen.httpErrors], []);
}

/** The pager labelled `label`: its links' accessible names and which one is current. */
async function pagerOf(page, label) {
  const nav = page.getByRole('navigation', { name: label, exact: true });
  return nav.locator('a').evaluateAll((links) => links.map((a) => {
    // The accessible name of these links is their text, hidden parts included.
    const name = a.textContent.replace(/\s+/g, ' ').trim();
    return a.getAttribute('aria-current') === 'page' ? `[${name}]` : name;
  }));
}

/** The page number of the address (1 when it has none). */
function pageOf(page) {
  return Number(new URL(page.url()).searchParams.get('page') ?? 1);
}

/** The total the results count shows. */
async function total(page) {
  const text = await page.locator('.result-count').first().textContent();
  return Number(text.match(/^([\d,]+)/)[1].replaceAll(',', ''));
}

test('a numbered pager above and below the results: first, previous, the pages around, next, last', async () => {
  const { page, seen, context } = await open('/');
  const pages = Math.ceil(statements.length / PAGE_SIZE);
  const last = String(pages);
  for (const label of ['Pages of results, top', 'Pages of results']) {
    assert.deepEqual(await pagerOf(page, label), ['[Page 1]', 'Page 2', 'Page 3', 'Next page', 'Last page'], label);
  }
  assert.equal(await page.locator('.pager-status').first().textContent(), `Page 1 of ${pages}`);

  // A number in the top pager: that page, its own URL, marked current in both pagers, with the
  // first and previous pages now; the focus goes to the top of the results.
  const top = page.getByRole('navigation', { name: 'Pages of results, top', exact: true });
  await top.getByRole('link', { name: 'Page 3', exact: true }).click();
  await page.waitForURL(/[?&]page=3$/);
  await page.waitForFunction(() => document.querySelector('.pager a[aria-current="page"]')?.textContent.endsWith('3'));
  for (const label of ['Pages of results, top', 'Pages of results']) {
    assert.deepEqual(await pagerOf(page, label),
      ['First page', 'Previous page', 'Page 1', 'Page 2', '[Page 3]', 'Page 4', 'Page 5', 'Next page', 'Last page'], label);
  }
  assert.equal(await page.evaluate(() => document.activeElement.id), 'results-title');
  assert.equal(await page.locator('article.card').count(), PAGE_SIZE);

  // With the keyboard: Enter on the bottom pager's "Last page" goes to the last page.
  const bottom = page.getByRole('navigation', { name: 'Pages of results', exact: true });
  await bottom.getByRole('link', { name: 'Last page', exact: true }).focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(new RegExp(`[?&]page=${last}$`));
  await page.waitForFunction((n) => document.querySelector('.pager a[aria-current="page"]')?.textContent.endsWith(n), last);
  const atLast = await pagerOf(page, 'Pages of results');
  assert.deepEqual(atLast.slice(0, 2), ['First page', 'Previous page']);
  assert.equal(atLast.at(-1), `[Page ${last}]`, 'no next or last page on the last page');
  assert.equal(await page.locator('article.card').count(), statements.length - (pages - 1) * PAGE_SIZE);
  // Previous, then Back and Forward: each page is a history entry.
  await bottom.getByRole('link', { name: 'Previous page', exact: true }).click();
  await page.waitForURL(new RegExp(`[?&]page=${pages - 1}$`));
  await page.goBack();
  await page.waitForURL(new RegExp(`[?&]page=${last}$`));
  await page.goBack();
  await page.waitForURL(/[?&]page=3$/);
  await page.waitForFunction(() => document.querySelector('.pager a[aria-current="page"]')?.textContent.endsWith('3'));
  // First page: the address without a page.
  await top.getByRole('link', { name: 'First page', exact: true }).click();
  await page.waitForURL((url) => !url.search.includes('page='));
  assert.equal(pageOf(page), 1);
  noErrors(seen);
  await context.close();
});

test('the pagers have no WCAG 2.1 AA or 2.2 target-size violations, at 375 and 1280 px, light and dark', async () => {
  const problems = [];
  for (const colorScheme of ['light', 'dark']) {
    for (const width of [375, 1280]) {
      const { page, context } = await open('/?page=4', { viewport: { width, height: 900 }, colorScheme });
      await page.evaluate(() => {
        for (const card of document.querySelectorAll('.card')) card.style.contentVisibility = 'visible';
      });
      await page.evaluate(axe);
      const found = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } })
        .then((r) => r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)), TAGS);
      for (const v of found) problems.push(`${width}px ${colorScheme}: ${v}`);
      await page.screenshot({ path: path.join(ROOT, 'target', 'e2e-screenshots', `pager-${width}-${colorScheme}.png`) });
      await context.close();
    }
  }
  assert.deepEqual(problems, []);
});

test("a card's topic and verb are links that narrow the list to them, keeping its other filters", async () => {
  const { page, seen, context } = await open('/');
  // A topic chip of the first card with topics: the statements on that topic.
  const card = page.locator('article.card').filter({ has: page.locator('.topics a') }).first();
  const chip = card.locator('.topics a').first();
  const topic = await chip.textContent();
  await chip.click();
  await page.waitForURL((url) => url.searchParams.get('topic') === topic);
  const onTopic = statements.filter(({ statement }) => statement.topics.includes(topic));
  await page.waitForFunction((n) => document.querySelector('.result-count')?.textContent.startsWith(`${n.toLocaleString('en')} `), onTopic.length);
  assert.equal(await total(page), onTopic.length);
  // The facet shows the choice, as a ticked box does.
  assert.equal(await page.getByRole('checkbox', { name: new RegExp(`^${topic.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`) }).first().isChecked(), true);

  // A verb pill, reached and followed with the keyboard: both filters.
  const pill = page.locator('article.card a.verb').first();
  const verb = (await pill.textContent()).toLowerCase();
  await pill.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.searchParams.get('verb') === verb && url.searchParams.get('topic') === topic);
  const both = onTopic.filter(({ statement }) => statement.verb.toLowerCase() === verb);
  await page.waitForFunction((n) => document.querySelector('.result-count')?.textContent.startsWith(`${n.toLocaleString('en')} `), both.length);
  assert.ok(both.length > 0);
  const shown = await page.locator('article.card').evaluateAll((cards) => cards.map((c) => c.dataset.statement));
  assert.deepEqual(shown.sort(), both.slice(0, PAGE_SIZE).map(({ statement }) => statement.id).sort());

  // On a later page, a chip goes back to the first page of the narrowed list.
  await page.goto(`${server.url}?page=2`);
  await page.locator('article.card').first().waitFor();
  const later = page.locator('article.card .topics a').first();
  const laterTopic = await later.textContent();
  await later.click();
  await page.waitForURL((url) => url.searchParams.get('topic') === laterTopic && !url.searchParams.has('page'));

  // On a participant's page, the chip narrows their statements, on their page.
  const { statement } = statements.find(({ statement: s }) => s.speakers.length === 1 && s.topics.length > 0);
  const speaker = statement.speakers[0];
  await page.goto(`${server.url}p/${speaker}`);
  await page.locator('article.card .topics a').first().waitFor({ timeout: 30000 });
  const theirs = page.locator('article.card .topics a').first();
  const theirTopic = await theirs.textContent();
  await theirs.click();
  await page.waitForURL((url) => url.pathname === `/p/${speaker}` && url.searchParams.get('topic') === theirTopic);
  const count = statements.filter(({ statement: s }) => s.speakers.includes(speaker) && s.topics.includes(theirTopic)).length;
  await page.waitForFunction((n) => document.querySelector('.result-count')?.textContent.startsWith(`${n.toLocaleString('en')} `), count);

  // From a statement's own page (no list): the home page's statements on that topic.
  await page.goto(`${server.url}s/${statement.id}`);
  const own = page.locator('article.card .topics a').first();
  await own.waitFor({ timeout: 30000 });
  const href = new URL(await own.getAttribute('href'), server.url);
  assert.equal(href.pathname, '/');
  assert.deepEqual([...href.searchParams], [['topic', statement.topics[0]]]);
  noErrors(seen);
  await context.close();
});
