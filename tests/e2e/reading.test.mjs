// Finding and reading statements (issue 11): the search box's suggestions as an ARIA combobox
// driven by the keyboard alone; typing on a later page keeps focus in the box; a query that
// finds nothing keeps the filter panel; cards that read as sentences, continuations that name
// the verb they continue; joint statements styled and named on cards and on the readout page;
// the publisher, the publication date and the original on every card, statement page and
// readout page. The seed corpus, and a copy of it with a joint statement and a publisher.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { builtCorpus, launchBrowser, serveDist, tempCorpus, watch } from './helpers.mjs';

/** Fictional provenance for the copy of the seed. */
const PUBLISHER = 'Ministry of Foreign Affairs of Testland';
const URL_ORIGINAL = 'https://example.org/readouts/astana';

let browser;
let server;
let provenanced;
let copy;
let seed;

before(async () => {
  browser = await launchBrowser();
  server = await serveDist();
  const corpus = await builtCorpus();
  seed = corpus.readouts[0];
  // The seed with a publisher, an original and its last statement made joint.
  const changed = structuredClone(corpus);
  const readout = changed.readouts[0];
  readout.source.publisher = PUBLISHER;
  readout.source.url = URL_ORIGINAL;
  readout.statements.at(-1).speakers = ['xi-jinping', 'vladimir-putin'];
  copy = await tempCorpus(JSON.stringify(changed));
  provenanced = await serveDist({ corpusFile: copy.file });
});

after(async () => {
  await browser?.close();
  await server?.close();
  await provenanced?.close();
  await copy?.cleanup();
});

/** A page with its error watcher, at `url` below `at`, once the app has rendered. */
async function open(url, at = server) {
  const page = await browser.newPage();
  const seen = watch(page);
  await page.goto(at.url + url.replace(/^\//, ''));
  await page.locator('main h1').waitFor({ timeout: 15000 });
  return { page, seen };
}

function noErrors(seen) {
  assert.deepEqual([...seen.consoleErrors, ...seen.pageErrors, ...seen.failedRequests, ...seen.httpErrors], []);
}

const putin = () => seed.statements.filter((s) => s.speakers.includes('vladimir-putin'));

test('suggestions as an ARIA combobox: type, ArrowDown, Enter ticks the facet; Escape closes', async () => {
  const { page, seen } = await open('/');
  const box = page.locator('#search-input');
  assert.equal(await box.getAttribute('role'), 'combobox');
  assert.equal(await box.getAttribute('aria-controls'), 'search-suggestions');
  assert.equal(await box.getAttribute('aria-expanded'), 'false');
  assert.equal(await box.getAttribute('aria-autocomplete'), 'list');

  await box.focus();
  await page.keyboard.type('Puti');
  const list = page.getByRole('listbox', { name: 'Suggestions' });
  const option = list.getByRole('option', { name: `Speaker: Vladimir Putin (${putin().length})` });
  await option.waitFor();
  assert.equal(await box.getAttribute('aria-expanded'), 'true');
  assert.equal(await box.getAttribute('aria-activedescendant'), null, 'no option is active before the arrows');

  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.activeElement.getAttribute('aria-activedescendant') === 'suggestion-0');
  assert.equal(await page.locator('#suggestion-0').getAttribute('aria-selected'), 'true');
  assert.equal(await page.locator('#suggestion-0').textContent(), `Speaker: Vladimir Putin (${putin().length})`);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'search-input', 'focus stays in the box');

  await page.keyboard.press('Enter');
  await page.waitForURL(/speaker=vladimir-putin/);
  assert.equal(new URL(page.url()).searchParams.get('q'), null, 'the typed word became the filter');
  await page.locator('.result-count', { hasText: `${putin().length} of 14 statements` }).waitFor();
  assert.ok(await page.getByRole('checkbox', { name: /^Vladimir Putin, / }).isChecked(), 'the facet is ticked');
  assert.equal(await box.inputValue(), '');
  assert.equal(await box.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'search-input');

  // Escape closes the list and keeps the text.
  await page.keyboard.type('BR');
  await list.getByRole('option', { name: /^Topic: BRICS/ }).waitFor();
  await page.keyboard.press('Escape');
  await list.waitFor({ state: 'hidden' });
  assert.equal(await box.getAttribute('aria-expanded'), 'false');
  assert.equal(await box.inputValue(), 'BR');
  // Down opens it again, on its first option.
  await page.keyboard.press('ArrowDown');
  await list.waitFor();
  assert.equal(await box.getAttribute('aria-activedescendant'), 'suggestion-0');
  noErrors(seen);
  await page.close();
});

test('a click chooses a suggestion too', async () => {
  const { page, seen } = await open('/');
  await page.locator('#search-input').pressSequentially('topic:bri');
  await page.getByRole('option', { name: /^Topic: BRICS \(\d+\)$/ }).click();
  await page.waitForURL(/topic=BRICS/);
  assert.ok(await page.getByRole('checkbox', { name: /^BRICS, / }).isChecked());
  noErrors(seen);
  await page.close();
});

test('typing on a later page goes back to page one and keeps focus in the search box', async () => {
  const { page, seen } = await open('/?page=2');
  await page.locator('.empty', { hasText: 'past the last page' }).waitFor();
  await page.locator('#search-input').focus();
  await page.keyboard.type('china');
  await page.locator('article.card').first().waitFor();
  await page.waitForURL((url) => url.searchParams.get('q') === 'china' && !url.searchParams.has('page'));
  assert.equal(await page.evaluate(() => document.activeElement.id), 'search-input');
  noErrors(seen);
  await page.close();
});

test('a query that finds nothing keeps the filters, counted for the way back', async () => {
  const { page, seen } = await open('/?q=Putin+zqxw');
  await page.locator('.no-results').waitFor();
  const speakers = page.locator('#facet-speaker');
  await speakers.waitFor();
  assert.equal(await speakers.getByRole('checkbox', { name: `Vladimir Putin, ${putin().length} statements` }).count(), 1);
  noErrors(seen);
  await page.close();
});

test('cards read as sentences; a continuation names the verb it continues', async () => {
  const { page, seen } = await open('/?sort=readout');
  const said = (id) => page.locator(`#statement-${id} .said`).textContent();
  const [s1, s2, s3, s4] = seed.statements;
  assert.equal(s2.verb, 'continued');
  assert.equal(await said(s1.id), `Xi Jinping pointed out that ${s1.text}`);
  assert.equal(await said(s2.id), `Xi Jinping pointed out (continued): ${s2.text}`);
  assert.equal(await said(s3.id), `Xi Jinping stressed that ${s3.text}`);
  assert.equal(await said(s4.id), `Xi Jinping stressed (continued): ${s4.text}`);
  // The verb facet says what "continued" means.
  assert.match(await page.locator('#facet-verb .facet-note').textContent(), /“continued”: a sentence that goes on/);
  noErrors(seen);
  await page.close();
});

test('joint statements: their own style, every speaker named, on cards and the readout page', async () => {
  const joint = seed.statements.at(-1);
  const { page, seen } = await open(`/?sort=readout`, provenanced);
  const card = page.locator(`#statement-${joint.id}`);
  assert.match(await card.getAttribute('class'), /\bjoint\b/);
  assert.equal(await card.locator('.joint-tag').textContent(), 'Joint statement');
  assert.equal(await card.locator('.speakers').textContent(), 'Xi Jinping and Vladimir Putin');
  const single = page.locator(`#statement-${seed.statements[0].id}`);
  assert.doesNotMatch(await single.getAttribute('class'), /\bjoint\b/);
  assert.notEqual(
    await card.evaluate((el) => getComputedStyle(el).borderLeftStyle),
    await single.evaluate((el) => getComputedStyle(el).borderLeftStyle),
  );
  await page.goto(provenanced.url + `r/${seed.id}`);
  await page.locator('h1#readout-title').waitFor();
  assert.match(await page.locator('.legend').textContent(), /Joint statement/);
  const mark = page.locator(`a.hl.joint[id="${joint.id}"]`);
  // The names show in the text without hovering.
  const names = await mark.locator('.hl-speaker').boundingBox();
  assert.ok(names && names.width > 20, 'the speakers are named in the text');
  assert.match(await mark.locator('.hl-speaker').textContent(), /^Xi Jinping and Vladimir Putin/);
  noErrors(seen);
  await page.close();
});

test('the publisher, publication date and original on cards, statement and readout pages', async () => {
  const { page, seen } = await open('/', provenanced);
  const lines = await page.$$eval('article.card', (cards) => cards.map((c) => ({
    text: c.querySelector('.provenance')?.textContent,
    href: c.querySelector('.provenance a.original')?.getAttribute('href'),
  })));
  assert.equal(lines.length, 14);
  // The first card of the readout says it; the next ones, from the same readout, do not
  // repeat it (compact cards).
  assert.equal(lines[0].text, `Published by ${PUBLISHER} 14 July 2024 · Original readout, on the publisher's site`);
  assert.equal(lines[0].href, URL_ORIGINAL);
  assert.ok(lines.slice(1).every((line) => line.text === undefined));
  await page.goto(provenanced.url + `s/${seed.statements[2].id}`);
  await page.locator('h1#statement-title').waitFor();
  assert.equal(await page.locator('.provenance a.original').getAttribute('href'), URL_ORIGINAL);
  await page.goto(provenanced.url + `r/${seed.id}`);
  await page.locator('h1#readout-title').waitFor();
  assert.match(await page.locator('.about').textContent(), new RegExp(PUBLISHER));
  assert.equal(await page.locator('.about a').getAttribute('href'), URL_ORIGINAL);
  noErrors(seen);
  await page.close();

  // The seed has only its publication date.
  const bare = await open('/');
  assert.equal(await bare.page.locator('article.card .provenance').first().textContent(), 'Published 14 July 2024');
  noErrors(bare.seen);
  await bare.page.close();
});
