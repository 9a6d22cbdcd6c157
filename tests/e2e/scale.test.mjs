// The viewer on a generated corpus of over 20,000 statements (1,050 fictional readouts, about
// 20 statements each: two of every 25 are second accounts of a meeting, shorter): facet
// toggles, searches, dates, sorting and paging give the counts a plain scan of the corpus
// gives, every card shown satisfies the view's filters, and no page renders more than 50 cards;
// the generated accounts of one meeting find each other and compare side by side.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launchBrowser, scrollSettled, serveDist, watch } from './helpers.mjs';
import { generatedCorpus } from './corpora.mjs';

const PAGE_SIZE = 50;

let browser;
let server;
let corpus;
/** Every statement with its readout, in corpus order. */
let statements;
/** Every name and alias of each participant id in the corpus. */
const namesOf = new Map();
/** Each readout's date (the event's, else the publication's), by readout id. */
const readoutDates = new Map();

before(async () => {
  const file = await generatedCorpus(1050, 1);
  corpus = JSON.parse(await readFile(file, 'utf8'));
  statements = corpus.readouts.flatMap((readout) => readout.statements.map((statement) => ({ readout, statement })));
  for (const readout of corpus.readouts) readoutDates.set(readout.id, readout.event.date ?? readout.published ?? null);
  for (const p of corpus.readouts.flatMap((readout) => readout.participants)) {
    namesOf.set(p.id, [...(namesOf.get(p.id) ?? []), p.name, ...p.aliases]);
  }
  assert.ok(statements.length >= 20000, `a corpus of at least 20,000 statements (${statements.length})`);
  browser = await launchBrowser();
  server = await serveDist({ corpusFile: file });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Folded words of a text, as the search engine reads them (lowercase, accents removed). */
function words(text) {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/**
 * The folded words a search word looks in, one list per text (a phrase stays within one): the
 * statement's text, its speakers' every name and alias, their countries, its topics.
 */
function searchable({ readout, statement }) {
  const speakers = statement.speakers.map((id) => readout.participants.find((p) => p.id === id)).filter(Boolean);
  return [
    statement.text,
    ...speakers.flatMap((p) => namesOf.get(p.id)),
    ...speakers.map((p) => p.country).filter(Boolean),
    ...statement.topics,
  ].map(words);
}

/** Whether a statement has a word starting with one of `prefixes` in its searchable texts. */
const hasPrefix = (s, ...prefixes) => searchable(s).some((ws) => ws.some((w) => prefixes.some((p) => w.startsWith(p))));

/** The ids of the statements a predicate holds for. */
const idsOf = (predicate) => new Set(statements.filter(predicate).map(({ statement }) => statement.id));

const dateOf = ({ readout }) => readout.event.date ?? readout.published;
const count = (predicate) => statements.filter(predicate).length;
const thousands = (n) => n.toLocaleString('en-US');

async function open(url) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const seen = watch(page);
  await page.goto(server.url + url.replace(/^\//, ''));
  await page.locator('main h1').waitFor({ timeout: 60000 });
  return { page, seen };
}

/** The number of results the page says it shows. */
async function total(page) {
  const text = await page.locator('.result-count').textContent();
  return Number(text.split(' ')[0].replaceAll(',', ''));
}

/**
 * Each card: statement id, speaker ids, text, topics, and the date of its readout in the corpus
 * (a card after one from the same readout leaves the readout's date out, so the date comes from
 * the readout the card names).
 */
async function cards(page) {
  const shown = await page.$$eval('article.card', (all) => all.map((card) => ({
    id: card.dataset.statement,
    readout: card.dataset.readout,
    speakers: [...card.querySelectorAll('.speakers [data-participant]')].map((s) => s.dataset.participant),
    text: card.querySelector('.statement-text').textContent,
    topics: [...card.querySelectorAll('.topics li')].map((li) => li.textContent),
  })));
  return shown.map((card) => ({ ...card, date: readoutDates.get(card.readout) ?? null }));
}

/** The first value of a facet: its value name (from the URL it makes), label and count. */
async function topValue(page, key) {
  const item = page.locator(`#facet-${key} .facet-value`).first();
  return {
    label: await item.locator('.facet-label').textContent(),
    count: Number((await item.locator('.facet-count').textContent()).replaceAll(',', '')),
    checkbox: item.locator('input'),
  };
}

/** Waits for the results of the URL's new query string. */
async function settled(page, predicate) {
  await page.waitForURL(predicate);
  await page.waitForFunction(() => document.querySelectorAll('article.card').length > 0 || document.querySelector('.empty'));
}

test('facet toggles and searches agree with a scan of the corpus, card by card', async () => {
  const { page, seen } = await open('/');
  assert.equal(await total(page), statements.length);
  assert.equal(await page.locator('article.card').count(), PAGE_SIZE);

  // A speaker: the count shown next to them is the number of results.
  const speaker = await topValue(page, 'speaker');
  await speaker.checkbox.check();
  await settled(page, /speaker=/);
  const speakerId = new URL(page.url()).searchParams.get('speaker');
  const bySpeaker = ({ statement }) => statement.speakers.includes(speakerId);
  assert.equal(await total(page), speaker.count);
  assert.equal(speaker.count, count(bySpeaker));
  for (const card of await cards(page)) assert.ok(card.speakers.includes(speakerId), `${card.id} is by ${speakerId}`);

  // A topic within the speaker's statements.
  const topic = await topValue(page, 'topic');
  await topic.checkbox.check();
  await settled(page, /topic=/);
  const byTopic = ({ statement }) => statement.topics.includes(topic.label);
  assert.equal(await total(page), topic.count);
  assert.equal(topic.count, count((s) => bySpeaker(s) && byTopic(s)));
  for (const card of await cards(page)) {
    assert.ok(card.speakers.includes(speakerId) && card.topics.includes(topic.label), card.id);
  }

  // A word prefix within both.
  await page.getByLabel('Search statements').fill('cooperat');
  await settled(page, /q=cooperat/);
  // Words match the text, and the names of speakers, countries and topics.
  const byWord = (s) => hasPrefix(s, 'cooperat');
  const matched = idsOf((s) => bySpeaker(s) && byTopic(s) && byWord(s));
  assert.equal(await total(page), matched.size);
  for (const card of await cards(page)) assert.ok(matched.has(card.id), card.text);

  // Clear all: back to everything.
  await page.getByRole('button', { name: 'Clear all' }).click();
  await settled(page, (url) => url.search === '');
  assert.equal(await total(page), statements.length);

  // A phrase and an exclusion, then OR.
  await page.getByLabel('Search statements').fill('"unilateral sanctions" -politicize');
  await settled(page, /q=%22unilateral/);
  const phrase = (s) => searchable(s).some((w) => w.some((x, i) => x === 'unilateral' && w[i + 1] === 'sanctions'))
    && !hasPrefix(s, 'politicize');
  const phrased = idsOf(phrase);
  assert.equal(await total(page), phrased.size);
  for (const card of await cards(page)) assert.ok(phrased.has(card.id), card.text);
  await page.getByLabel('Search statements').fill('restraint OR dialogue');
  await settled(page, /q=restraint\+OR\+dialogue/);
  const either = (s) => hasPrefix(s, 'restraint', 'dialogue');
  assert.equal(await total(page), count(either));
  assert.equal(await page.locator('article.card').count(), Math.min(PAGE_SIZE, count(either)));
  assert.deepEqual(seen.pageErrors, []);
  await page.close();
});

test('date ranges, sorting and paging', async () => {
  const { page, seen } = await open('/?from=2024-03-01&to=2024-06-30&sort=oldest');
  const inRange = (s) => dateOf(s) >= '2024-03-01' && dateOf(s) <= '2024-06-30';
  assert.equal(await total(page), count(inRange));
  const first = await cards(page);
  assert.equal(first.length, PAGE_SIZE);
  assert.ok(first.every((c) => c.date >= '2024-03-01' && c.date <= '2024-06-30'));
  assert.deepEqual(first.map((c) => c.date), first.map((c) => c.date).sort(), 'oldest first');
  assert.equal(first[0].date, statements.filter(inRange).map(dateOf).sort()[0]);
  // The page's first card names its readout's date (later ones from that readout leave it out).
  assert.equal(await page.locator('article.card .readout-meta time').first().getAttribute('datetime'), first[0].date);

  // The next page: 50 other cards, later or equal dates, its own URL.
  await page.getByRole('link', { name: 'Next page', exact: true }).first().click();
  await settled(page, /page=2/);
  const second = await cards(page);
  assert.equal(second.length, PAGE_SIZE);
  assert.ok(second[0].date >= first[first.length - 1].date);
  assert.equal(second.filter((c) => first.some((f) => f.id === c.id)).length, 0, 'no card twice');
  assert.match(await page.locator('.pager-status').first().textContent(), new RegExp(`Page 2 of ${thousands(Math.ceil(count(inRange) / PAGE_SIZE))}`));
  assert.equal(await page.evaluate(() => document.activeElement.id), 'results-title', 'focus goes to the top of the results');

  // Changing the dates in the inputs goes back to the first page.
  await page.getByLabel('To', { exact: true }).fill('2024-03-31');
  await settled(page, /to=2024-03-31/);
  assert.ok(!page.url().includes('page='));
  assert.equal(await total(page), count((s) => dateOf(s) >= '2024-03-01' && dateOf(s) <= '2024-03-31'));

  // Newest first, over everything.
  await page.goto(`${server.url}?sort=newest`);
  await page.locator('article.card').first().waitFor();
  const newest = (await cards(page)).map((c) => c.date);
  assert.deepEqual(newest, [...newest].sort().reverse());
  // Undated statements go last.
  assert.equal(newest[0], statements.map(dateOf).filter(Boolean).sort().at(-1));

  // A page past the end says so and links back.
  await page.goto(`${server.url}?page=9999`);
  await page.locator('.empty').waitFor();
  assert.equal(await page.locator('article.card').count(), 0);
  assert.match(await page.locator('.empty').textContent(), /past the last page/);
  assert.deepEqual(seen.pageErrors, []);
  await page.close();
});

test('Back and Forward return to the card the reader was at', async () => {
  const { page, seen } = await open('/?sort=oldest');
  await page.locator('article.card').nth(30).scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 120);
  await scrollSettled(page);
  // The card the reader is at: the first one whose top is on screen (cards above it may have
  // changed height as they rendered, so the one scrolled to is not always still in view).
  const id = await page.$$eval('article.card', (all) => all.find((c) => c.getBoundingClientRect().top >= 0).id);
  const card = page.locator(`article.card[id="${id}"]`);
  const before = await card.boundingBox();
  assert.ok(await page.evaluate(() => scrollY) > 2000);
  await card.locator('.speakers a').first().click();
  await page.waitForURL(/\/p\//);
  await page.locator('main h1').waitFor();
  assert.equal(await page.evaluate(() => scrollY), 0, 'a new page starts at its top');
  await page.goBack();
  await page.waitForURL(/sort=oldest/);
  await scrollSettled(page);
  const after = await card.boundingBox();
  assert.ok(Math.abs(after.y - before.y) < 4, `the card is back where it was: ${before.y} → ${after.y}`);
  await page.goForward();
  await page.waitForURL(/\/p\//);
  await scrollSettled(page);
  assert.equal(await page.evaluate(() => scrollY), 0);
  assert.deepEqual(seen.pageErrors, []);
  await page.close();
});

test('long facets show ten values, "show all" at most a hundred, and a find box narrows them', async () => {
  const { page } = await open('/');
  const speakers = page.locator('#facet-speaker .facet-value');
  assert.equal(await speakers.count(), 10);
  const showAll = page.locator('#facet-speaker').getByRole('button', { name: /Show all/ });
  assert.equal(await showAll.getAttribute('aria-expanded'), 'false');
  await showAll.click();
  assert.equal(await speakers.count(), 100);
  assert.equal(await page.locator('#facet-speaker').getByRole('button', { name: 'Show fewer' }).getAttribute('aria-expanded'), 'true');
  assert.match(await page.locator('#facet-speaker .facet-note').textContent(), /first 100 of/);
  const readouts = page.locator('#facet-readout .facet-value');
  assert.equal(await readouts.count(), 10);
  await page.getByLabel('Find a readout').fill('call');
  const found = await page.$$eval('#facet-readout .facet-label', (labels) => labels.map((l) => l.textContent));
  assert.ok(found.length > 0 && found.length <= 100);
  assert.ok(found.every((l) => /call/i.test(l)), 'every value found contains the words typed');
  assert.ok(await page.locator('input[type=checkbox]').count() < 400, 'the panel stays small');
  await page.close();
});

test('participant and readout pages at scale', async () => {
  const counts = new Map();
  for (const { statement } of statements) for (const id of statement.speakers) counts.set(id, (counts.get(id) ?? 0) + 1);
  const [speakerId, said] = [...counts].sort((a, b) => b[1] - a[1])[0];
  const { page, seen } = await open(`/p/${speakerId}`);
  assert.match(await page.locator('.stats').textContent(), new RegExp(`${thousands(said)} statements`));
  assert.equal(await total(page), said);
  assert.equal(await page.locator('article.card').count(), Math.min(PAGE_SIZE, said));
  assert.ok((await cards(page)).every((c) => c.speakers.includes(speakerId)));
  assert.equal(await page.locator('#facet-speaker').count(), 0, 'no speaker facet on a speaker page');

  const readout = corpus.readouts.find((r) => r.statements.length >= 10);
  await page.goto(`${server.url}r/${readout.id}`);
  await page.locator('main h1').waitFor();
  const marks = await page.$$eval('.source-text a.hl, .source-text a.hl-also', (links) => links.map((a) => a.id));
  assert.deepEqual(marks.sort(), readout.statements.map((s) => s.id).sort());
  assert.deepEqual(seen.pageErrors, []);
  await page.close();
});

test('accounts of one meeting at scale: the generated pairs list each other, the picker offers the other first, the two side by side', async () => {
  // The generator's pairs: the last two readouts of every 25 (`readouts_synth::PAIR_EVERY`).
  const [first, second] = corpus.readouts.slice(23, 25);
  const { page, seen } = await open(`/r/${first.id}`);
  const others = page.getByRole('region', { name: 'Other accounts of this meeting' });
  await others.getByRole('link', { name: second.title }).waitFor();
  await page.getByRole('link', { name: 'Compare with…' }).click();
  await page.waitForURL(`**/compare/r/${first.id}`);
  const picks = page.locator('.compare-picks li');
  await picks.first().waitFor();
  assert.equal(await picks.first().getByRole('link').textContent(), second.title);
  assert.match(await picks.first().textContent(), /Other account of this meeting/);
  // At most 20 of the other 1,049 readouts are listed, and the status says how to find the rest.
  assert.equal(await picks.count(), 20);
  await page.getByRole('status').filter({ hasText: `${thousands(corpus.readouts.length - 1)} other readouts in the corpus` }).waitFor();
  await picks.first().getByRole('link').click();
  await page.waitForURL(`**/compare/r/${first.id}/${second.id}`);
  await page.getByRole('heading', { level: 1, name: 'Two accounts side by side' }).waitFor();
  // A row for every topic raised in either account (topics are matched case-insensitively).
  const heads = (await page.locator('.compare-table tbody th').allTextContents()).map((h) => h.toLowerCase());
  const topics = new Set([first, second].flatMap((r) => r.statements.flatMap((s) => s.topics)));
  assert.ok(topics.size > 0);
  for (const topic of topics) {
    assert.ok(heads.some((h) => h.startsWith(`${topic.toLowerCase()}only in`) || h.startsWith(`${topic.toLowerCase()}in both`)), `a row for ${topic}: ${heads}`);
  }
  assert.deepEqual(seen.pageErrors, []);
  await page.close();
});

test('a new page of results comes first for the screen, the rest a few frames later; a Back or Forward comes whole', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const seen = watch(page);
  // The page's clock (timers and frames) moves only when the test says so.
  await page.clock.install();
  await page.goto(server.url);
  await page.locator('article.card').first().waitFor({ timeout: 60000 });
  await page.clock.pauseAt(await page.evaluate(() => Date.now()) + 1000);
  /** Types `text` into the search box; what the page shows once it has rendered it. */
  const typed = (text) => page.evaluate(async (t) => {
    const input = document.getElementById('search-input');
    input.value = t;
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    // A message comes after the render, which runs in microtasks.
    await new Promise((resolve) => { const channel = new MessageChannel(); channel.port1.onmessage = resolve; channel.port2.postMessage(0); });
    return {
      count: document.querySelector('.result-count').textContent,
      cards: document.querySelectorAll('article.card').length,
      busy: document.querySelector('.cards')?.getAttribute('aria-busy') ?? null,
    };
  }, text);
  const either = (s) => hasPrefix(s, 'restraint', 'dialogue');
  assert.ok(count(either) > PAGE_SIZE, 'a query with more than a page of results');
  const first = await typed('restraint OR dialogue');
  assert.match(first.count, new RegExp(`^${thousands(count(either))} of `), 'the count comes with the first cards');
  assert.ok(first.cards >= 10 && first.cards < PAGE_SIZE, `the first step draws the first cards (${first.cards})`);
  assert.equal(first.busy, 'true', 'the cards are marked busy while the page is drawn');
  // The rest follow, a step each frame, before the typing pause ends (350 ms).
  await page.clock.runFor(200);
  await page.locator('.cards:not([aria-busy])').waitFor();
  assert.equal(new URL(page.url()).search, '', 'the address waits for the pause');
  const steps = await cards(page);
  assert.equal(steps.length, PAGE_SIZE);
  await page.clock.runFor(200);
  await page.waitForURL(/q=restraint\+OR\+dialogue/);
  // The same cards, in the same order, as the page of the same query opened from its URL.
  const fresh = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await fresh.goto(page.url());
  await fresh.locator('article.card').nth(PAGE_SIZE - 1).waitFor({ timeout: 60000 });
  assert.deepEqual(steps.map((c) => c.id), (await cards(fresh)).map((c) => c.id));
  await fresh.close();

  // Typed again, then written at once (Enter) before the steps ran: the steps go on.
  const partial = await typed('cooperation');
  assert.equal(partial.busy, 'true');
  await page.getByLabel('Search statements').press('Enter');
  await page.waitForURL(/q=cooperation/);
  await page.clock.runFor(200);
  await page.locator('.cards:not([aria-busy])').waitFor();
  assert.equal(await page.locator('article.card').count(), PAGE_SIZE);

  /** Runs `act` in the page; what the page shows once the render that answers it has run. */
  const after = (act) => page.evaluate(async (what) => {
    const rendered = () => new Promise((resolve) => { const channel = new MessageChannel(); channel.port1.onmessage = resolve; channel.port2.postMessage(0); });
    if (what !== 'back') {
      document.querySelector(`#facet-${what} input[type=checkbox]`).click();
      await rendered();
    } else {
      // The render runs in the microtasks after the router's own listener.
      await new Promise((resolve) => { addEventListener('popstate', () => rendered().then(resolve), { once: true }); history.back(); });
    }
    return { cards: document.querySelectorAll('article.card').length, busy: document.querySelector('.cards').getAttribute('aria-busy') };
  }, act);

  // A facet: the first cards come with the count and the filters, the rest in the next frames.
  let facet;
  for (const key of ['verb', 'country', 'topic', 'speaker']) {
    if ((await topValue(page, key)).count > PAGE_SIZE) {
      facet = key;
      break;
    }
  }
  assert.ok(facet, 'a facet value with more than a page of statements');
  const clicked = await after(facet);
  await page.waitForURL(new RegExp(`${facet}=`));
  assert.deepEqual(clicked, { cards: 10, busy: 'true' });
  await page.clock.runFor(200);
  await page.locator('.cards:not([aria-busy])').waitFor();
  assert.equal(await page.locator('article.card').count(), PAGE_SIZE);

  // Back: the page whose place is put back on one of its cards is drawn whole at once.
  const back = await after('back');
  await page.waitForURL(/q=cooperation$/);
  assert.deepEqual(back, { cards: PAGE_SIZE, busy: null });
  assert.deepEqual(seen.pageErrors, []);
  await page.close();
});
