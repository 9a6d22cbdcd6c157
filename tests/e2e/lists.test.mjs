// The corpus's lists (issue 11, item 4): `/p/` lists every participant with title, country,
// statement and readout counts, sorts them and finds them; `/r/` lists readouts newest first,
// narrowed by kind, publisher and country; both are in the site navigation and keep their state
// in the URL; an attendee without statements gets a plain page, not an empty search. The seed
// (whose attendees Cai Qi and Wang Yi say nothing), with a second, fictional readout: a phone
// call between two invented leaders, published by an invented office.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { builtCorpus, launchBrowser, serveDist, tempCorpus, watch } from './helpers.mjs';

const OFFICE = 'Office of the President of Velmora';

let browser;
let server;
let copy;
let corpus;

before(async () => {
  browser = await launchBrowser();
  corpus = structuredClone(await builtCorpus());
  const seed = corpus.readouts[0];
  // A call: two statements by Arvid Lönnqvist of Velmora, one by Tamsin Okafor of Drevnia.
  const call = structuredClone(seed);
  call.id = 'velmora-drevnia-call';
  call.title = 'President Lönnqvist holds a phone call with Prime Minister Okafor';
  call.published = '2031-03-09';
  call.event = { date: '2031-03-08', time_of_day: null, location: null, kind: 'phone_call' };
  call.source.publisher = OFFICE;
  call.participants = [
    { id: 'arvid-lonnqvist', name: 'Arvid Lönnqvist', title: 'President', country: 'Velmora', role: 'principal', aliases: ['Lönnqvist'] },
    { id: 'tamsin-okafor', name: 'Tamsin Okafor', title: 'Prime Minister', country: 'Drevnia', role: 'counterpart', aliases: ['Okafor'] },
  ];
  call.statements = seed.statements.slice(0, 3).map((s, i) => ({
    ...s,
    id: `${call.id}-s${i + 1}`,
    speakers: [i < 2 ? 'arvid-lonnqvist' : 'tamsin-okafor'],
  }));
  call.diagnostics = [];
  corpus.readouts.push(call);
  copy = await tempCorpus(JSON.stringify(corpus));
  server = await serveDist({ corpusFile: copy.file });
});

after(async () => {
  await browser?.close();
  await server?.close();
  await copy?.cleanup();
});

async function open(url, ready = '.browse-list') {
  const page = await browser.newPage();
  const seen = watch(page);
  await page.goto(server.url + url.replace(/^\//, ''));
  await page.locator(ready).first().waitFor({ timeout: 30000 });
  return { page, seen };
}

function noErrors(seen) {
  assert.deepEqual([...seen.consoleErrors, ...seen.pageErrors, ...seen.failedRequests, ...seen.httpErrors], []);
}

/** The list's items as the reader sees them: name, details, counts. */
function items(page) {
  return page.$$eval('.browse-list li', (lis) => lis.map((li) => [
    li.querySelector('.browse-name')?.textContent,
    li.querySelector('.browse-details')?.textContent ?? '',
    li.querySelector('.browse-counts')?.textContent ?? '',
  ]));
}

/** Statements and readouts of each participant id, counted from the corpus itself. */
function expectedPeople() {
  const people = new Map();
  for (const r of corpus.readouts) {
    for (const p of r.participants) {
      const row = people.get(p.id) ?? { name: p.name, statements: 0, readouts: 0 };
      row.readouts += 1;
      row.statements += r.statements.filter((s) => s.speakers.includes(p.id)).length;
      people.set(p.id, row);
    }
  }
  return people;
}

test('/p/ lists every participant with counts, sorts them and finds them', async () => {
  const { page, seen } = await open('/', 'article.card');
  await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'People' }).click();
  await page.locator('.browse-list').waitFor();
  assert.equal(new URL(page.url()).pathname, '/p/');
  assert.equal(await page.title(), 'People · readouts');
  assert.equal(await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'People' }).getAttribute('aria-current'), 'page');

  const people = expectedPeople();
  const shown = await items(page);
  assert.equal(shown.length, people.size, 'every participant once');
  const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
  // Most statements first (the default).
  const byStatements = [...people.values()].map((p) => p.statements);
  assert.deepEqual(shown.map(([name]) => people.get([...people.keys()].find((id) => people.get(id).name === name)).statements), [...byStatements].sort((a, b) => b - a));
  const xi = shown.find(([name]) => name === 'Xi Jinping');
  const x = people.get('xi-jinping');
  assert.deepEqual(xi, ['Xi Jinping', 'President, China', `${plural(x.statements, 'statement', 'statements')} · ${plural(x.readouts, 'readout', 'readouts')}`]);
  const cai = shown.find(([name]) => name === 'Cai Qi');
  assert.deepEqual(cai, ['Cai Qi', '', 'no statement · 1 readout']);

  // Sort by name: A to Z, accents folded; the URL keeps it.
  await page.getByLabel('Sort by').selectOption('name');
  await page.waitForURL(/\/p\/\?sort=name$/);
  const names = (await items(page)).map(([name]) => name);
  assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
  assert.equal(names[0], 'Arvid Lönnqvist');

  // The find box: folded, in names, titles and countries; the URL keeps it.
  await page.getByLabel('Find a person').fill('lonnq');
  await page.waitForURL(/find=lonnq/);
  assert.deepEqual((await items(page)).map(([name]) => name), ['Arvid Lönnqvist']);
  await page.locator('.summary').filter({ hasText: `1 of ${people.size} people` }).waitFor();
  await page.getByLabel('Find a person').fill('drevnia minister');
  await page.waitForFunction(() => document.querySelectorAll('.browse-list li').length === 1
    && document.querySelector('.browse-name').textContent === 'Tamsin Okafor');
  await page.getByLabel('Find a person').fill('zzqx');
  await page.locator('.empty').filter({ hasText: 'Nobody matches' }).waitFor();

  // A link opens the list as it was.
  await page.goto(`${server.url}p/?sort=readouts&find=president`);
  await page.locator('.browse-list').waitFor({ timeout: 30000 });
  assert.equal(await page.getByLabel('Find a person').inputValue(), 'president');
  assert.equal(await page.getByLabel('Sort by').inputValue(), 'readouts');
  assert.deepEqual((await items(page)).map(([name]) => name), ['Arvid Lönnqvist', 'Vladimir Putin', 'Xi Jinping']);
  noErrors(seen);
  await page.close();
});

test('/r/ lists readouts newest first, narrowed by kind, publisher and country', async () => {
  const { page, seen } = await open('/', 'article.card');
  await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Readouts' }).click();
  await page.locator('.browse-list').waitFor();
  assert.equal(await page.title(), 'Readouts · readouts');
  const [seed, call] = corpus.readouts;
  assert.deepEqual((await items(page)).map(([name]) => name), [call.title, seed.title], 'newest first');
  const first = page.locator('.browse-list li').first();
  assert.equal(await first.locator('time').getAttribute('datetime'), '2031-03-08');
  assert.equal(await first.locator('.browse-details').textContent(), `phone call · ${OFFICE} · 3 statements`);

  // Each filter counts its choices and narrows the list; the URL keeps it.
  // Nothing chosen: every filter shows "Any".
  for (const label of ['Kind', 'Publisher', 'Country']) assert.equal(await page.getByLabel(label).inputValue(), '');
  const kind = page.getByLabel('Kind');
  assert.deepEqual(await kind.locator('option').allTextContents(), ['Any', 'meeting (1)', 'phone call (1)']);
  await kind.selectOption('meeting');
  await page.waitForURL(/\/r\/\?kind=meeting$/);
  assert.deepEqual((await items(page)).map(([name]) => name), [seed.title]);
  await page.locator('.summary').filter({ hasText: '1 of 2 readouts, newest first' }).waitFor();
  await kind.selectOption('');
  await page.getByLabel('Country').selectOption('Drevnia');
  await page.waitForURL(/country=Drevnia/);
  assert.deepEqual((await items(page)).map(([name]) => name), [call.title]);
  assert.deepEqual(await page.getByLabel('Publisher').locator('option').allTextContents(), ['Any', `${OFFICE} (1)`]);
  await page.getByLabel('Publisher').selectOption(OFFICE);
  await page.waitForURL(/publisher=/);
  assert.deepEqual((await items(page)).map(([name]) => name), [call.title]);
  // Back returns to the list before the last choice.
  await page.goBack();
  await page.waitForURL(/\/r\/\?country=Drevnia$/);
  noErrors(seen);
  await page.close();
});

test('an attendee without statements gets a plain page, not an empty search', async () => {
  const { page, seen } = await open('/p/cai-qi', 'main h1');
  assert.equal(await page.locator('main h1').textContent(), 'Cai Qi');
  await page.locator('.summary').filter({ hasText: 'No statement in the corpus is attributed to Cai Qi: they are named in 1 readout.' }).waitFor();
  assert.equal(await page.getByRole('search').count(), 0, 'no search box');
  assert.equal(await page.locator('.results, .filter-panel, #topics-title, #months-title').count(), 0);
  assert.equal(await page.getByRole('link', { name: corpus.readouts[0].title }).count(), 1, 'their readout');
  noErrors(seen);
  await page.close();
});

test('the lists are drawn by a lazy app: none of it on the home page; the controls and links move the app without a page load', async () => {
  const { page, seen } = await open('/', 'article.card');
  const fetched = [];
  page.on('request', (request) => {
    if (request.url().includes('compare-app')) fetched.push(new URL(request.url()).pathname);
  });
  await page.evaluate(() => { window.__samePage = true; });
  assert.deepEqual(fetched, [], 'the home page loads nothing of the lists');
  await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'People' }).click();
  await page.locator('.browse-list').waitFor();
  assert.deepEqual(fetched.sort(), ['/compare-app.js', '/compare-app_bg.wasm'], 'the lists\' app, once');
  // Typing keeps the focus in the find box, replaces the address's entry (Back leaves the
  // list), and neither mounts the list again nor fetches anything.
  await page.evaluate(() => { document.querySelector('#compare-app-root > *').kept = true; });
  const find = page.getByLabel('Find a person');
  await find.click();
  await page.keyboard.type('xi');
  await page.waitForURL(/\/p\/\?find=xi$/);
  await page.waitForFunction(() => document.querySelectorAll('.browse-list li').length === 1);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'list-find', 'the focus stays in the box');
  assert.equal(await find.inputValue(), 'xi');
  assert.equal(await page.evaluate(() => document.querySelector('#compare-app-root > *')?.kept), true, 'not mounted again');
  // A person's link: their page, in the main app, without a page load; Back returns to the list as it was.
  await page.getByRole('link', { name: 'Xi Jinping' }).click();
  await page.waitForURL('**/p/xi-jinping');
  await page.getByRole('heading', { level: 1, name: 'Xi Jinping' }).waitFor();
  await page.goBack();
  await page.waitForURL(/\/p\/\?find=xi$/);
  await page.waitForFunction(() => document.querySelectorAll('.browse-list li').length === 1);
  assert.equal(await find.inputValue(), 'xi');
  await page.goBack();
  await page.waitForURL((url) => url.pathname === '/' && url.search === '');
  await page.locator('article.card').first().waitFor();
  assert.equal(await page.evaluate(() => window.__samePage), true, 'no page load');
  assert.equal(fetched.length, 2, 'nothing fetched again');
  noErrors(seen);
  await page.close();
});
