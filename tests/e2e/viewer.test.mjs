// The viewer on the seed corpus, driven as a person would: filter by speaker, search a phrase,
// the address written once typing pauses (a paused clock), reload and go back and forward, open participant and readout pages from a card and come back,
// "show in source" and back to the card, deep links and unknown ids, the whole flow with the
// keyboard only, the polite result announcement, landmarks and labels; screenshots of the three
// kinds of page at phone and desktop width.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, builtCorpus, launchBrowser, serveDist, watch, afterPaint } from './helpers.mjs';

const SHOTS = path.join(ROOT, 'target', 'e2e-screenshots');

let browser;
let server;
let corpus;
let seed;

before(async () => {
  browser = await launchBrowser();
  server = await serveDist();
  corpus = await builtCorpus();
  seed = corpus.readouts.find((r) => r.participants.some((p) => p.id === 'vladimir-putin'));
  await mkdir(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A page with its error watcher, at `url` below the server, once the app has rendered. */
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

/** The cards on the page: statement id, speakers, text, marked parts. */
function cards(page) {
  return page.$$eval('article.card', (all) => all.map((card) => ({
    id: card.dataset.statement,
    speakers: [...card.querySelectorAll('.speakers [data-participant]')].map((s) => s.dataset.participant),
    text: card.querySelector('.statement-text').textContent,
    marks: [...card.querySelectorAll('.statement-text mark')].map((m) => m.textContent),
  })));
}

/**
 * The cards, once they are those of `expected` (the same statement ids, in order): after Back
 * or Forward the address changes before the page renders the view it names.
 */
async function cardsOnceShown(page, expected) {
  const ids = expected.map((c) => c.id).join(' ');
  await page.waitForFunction((want) => [...document.querySelectorAll('article.card')].map((c) => c.dataset.statement).join(' ') === want, ids, { timeout: 15000 })
    .catch(() => {});
  return cards(page);
}

/** `{label: count}` of one facet's checkboxes. */
function facet(page, key) {
  return page.$$eval(`#facet-${key} .facet-value`, (items) => Object.fromEntries(items.map((li) => [
    li.querySelector('.facet-label').textContent,
    Number(li.querySelector('.facet-count').textContent.replace(/\D/g, '')),
  ])));
}

/** A statement's sentence: its span is a range of UTF-8 bytes of the source text. */
const sourceSlice = (statement) => Buffer.from(seed.source.text).subarray(...statement.span).toString();
const statementsBy = (id) => seed.statements.filter((s) => s.speakers.includes(id));
const query = (page) => new URL(page.url()).searchParams;

test('filtering by a speaker shows only their cards and updates the counts', async () => {
  const { page, seen } = await open('/');
  assert.deepEqual(await facet(page, 'speaker'), { 'Xi Jinping': 8, 'Vladimir Putin': 6 });
  assert.equal(await page.locator('.result-count').textContent(), '14 statements');

  await page.getByRole('checkbox', { name: 'Vladimir Putin, 6 statements' }).check();
  await page.waitForURL(/speaker=vladimir-putin/);
  const shown = await cards(page);
  assert.equal(shown.length, statementsBy('vladimir-putin').length);
  assert.ok(shown.every((c) => c.speakers.includes('vladimir-putin')), 'only his cards');
  assert.equal(await page.locator('.result-count').textContent(), '6 of 14 statements');
  // Other facets count within the results; the speaker facet still offers Xi Jinping's 8.
  assert.deepEqual(await facet(page, 'country'), { Russia: 6 });
  assert.deepEqual(await facet(page, 'speaker'), { 'Xi Jinping': 8, 'Vladimir Putin': 6 });
  assert.ok(await page.getByRole('checkbox', { name: 'Vladimir Putin, 6 statements' }).isChecked());
  // The active filter can be removed from the chips, which pushes a history entry.
  await page.getByRole('button', { name: 'Remove speaker: Vladimir Putin' }).click();
  await page.waitForURL((url) => !url.search.includes('speaker'));
  assert.equal((await cards(page)).length, 14);
  await page.goBack();
  await page.waitForURL(/speaker=vladimir-putin/);
  // The address changes before the cards are drawn again: wait for the count they follow.
  await page.locator('.result-count', { hasText: '6 of 14 statements' }).waitFor();
  assert.equal((await cards(page)).length, 6);
  noErrors(seen);
  await page.close();
});

test('searching a phrase marks it in every card, and typing replaces the history entry', async () => {
  const { page, seen } = await open('/');
  const before = await page.evaluate(() => history.length);
  await page.getByLabel('Search statements').pressSequentially('"rotating chair"', { delay: 20 });
  await page.waitForURL(/q=%22rotating\+chair%22/);
  const shown = await cards(page);
  // Words of a phrase match whole: "chairmanship" is not "chair".
  const expected = seed.statements.filter((s) => /\brotating chair\b/i.test(s.text));
  assert.ok(expected.length > 0);
  assert.deepEqual(shown.map((c) => c.id).sort(), expected.map((s) => s.id).sort());
  for (const card of shown) assert.deepEqual(card.marks.map((m) => m.toLowerCase()), ['rotating chair']);
  // One history entry for the whole search, not one per keystroke.
  assert.equal(await page.evaluate(() => history.length), before + 1);
  // Exclusion and OR.
  await page.getByLabel('Search statements').fill('sco OR brics -summit');
  await page.waitForURL(/q=sco\+OR\+brics\+-summit/);
  for (const card of await cards(page)) {
    assert.match(card.text, /\b(sco|brics)/i);
    assert.doesNotMatch(card.text, /\bsummit/i);
    assert.ok(card.marks.length > 0);
  }
  noErrors(seen);
  await page.close();
});

test('reloading, back and forward give the same view', async () => {
  const { page, seen } = await open('/?speaker=xi-jinping&q=china&sort=oldest');
  const first = await cards(page);
  assert.ok(first.length > 0 && first.every((c) => c.speakers.includes('xi-jinping')));
  assert.equal(await page.getByLabel('Search statements').inputValue(), 'china');
  assert.equal(await page.getByLabel('Sort').inputValue(), 'oldest');
  await page.reload();
  await page.locator('article.card').first().waitFor();
  assert.deepEqual(await cards(page), first);

  await page.getByRole('checkbox', { name: /^BRICS/ }).check();
  await page.waitForURL(/topic=BRICS/);
  const narrowed = await cards(page);
  assert.ok(narrowed.length < first.length);
  await page.goBack();
  await page.waitForURL((url) => !url.search.includes('topic'));
  assert.deepEqual(await cardsOnceShown(page, first), first);
  assert.equal(await page.getByRole('checkbox', { name: /^BRICS/ }).isChecked(), false);
  await page.goForward();
  await page.waitForURL(/topic=BRICS/);
  assert.deepEqual(await cardsOnceShown(page, narrowed), narrowed);
  // A copied URL reproduces the view in a fresh browser context.
  const context = await browser.newContext();
  const copy = await context.newPage();
  await copy.goto(page.url());
  await copy.locator('article.card').first().waitFor({ timeout: 15000 });
  assert.deepEqual(await cards(copy), narrowed);
  await context.close();
  noErrors(seen);
  await page.close();
});

test('participant and readout pages open from a card, and Back returns to the same view', async () => {
  const { page, seen } = await open('/?q=russia');
  const view = await cards(page);
  const card = page.locator('article.card').first();
  await card.locator('.speakers').getByRole('link', { name: 'Xi Jinping' }).click();
  await page.waitForURL(/\/p\/xi-jinping$/);
  await page.getByRole('heading', { level: 1, name: 'Xi Jinping' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H1', 'focus moves to the new page');
  assert.equal(await page.title(), 'Xi Jinping · readouts');
  assert.match(await page.locator('.stats').textContent(), /8 statements/);
  assert.match(await page.locator('.about').textContent(), /China/);
  // The topics chart is an SVG the app draws, described for screen readers.
  const chart = page.getByRole('img', { name: /Topics Xi Jinping raised/ });
  assert.ok(await chart.locator('rect.bar').count() > 0);
  assert.match(await chart.locator('desc').textContent(), /statement/);
  await page.getByRole('link', { name: 'Vladimir Putin' }).first().waitFor();
  assert.equal(await page.locator('article.card').count(), 8);
  // Search within his statements stays on his page.
  await page.getByLabel('Search Xi Jinping’s statements').fill('sco');
  await page.waitForURL(/\/p\/xi-jinping\?q=sco/);
  const his = await cards(page);
  assert.ok(his.length > 0 && his.every((c) => c.speakers.includes('xi-jinping') && /sco/i.test(c.text)));
  await page.goBack();
  await page.goBack();
  await page.waitForURL(/\/\?q=russia$/);
  assert.deepEqual(await cards(page), view);

  await page.locator('article.card').first().locator('cite a').click();
  await page.waitForURL(`**/r/${seed.id}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(await page.locator('.source-text a.hl').count() + await page.locator('.source-text a.hl-also').count(), seed.statements.length);
  await page.goBack();
  await page.waitForURL(/\/\?q=russia$/);
  assert.deepEqual(await cards(page), view);
  noErrors(seen);
  await page.close();
});

test('"show in source" focuses the highlight, which names its speaker and leads back to the card', async () => {
  const { page, seen } = await open('/?sort=readout');
  const third = seed.statements[2];
  await page.locator(`#statement-${third.id}`).getByRole('link', { name: 'Show in source' }).click();
  await page.waitForURL(`**/r/${seed.id}#${third.id}`);
  await page.waitForFunction((id) => document.activeElement?.id === id, third.id);
  const mark = page.locator(`[id="${third.id}"]`);
  assert.equal(await mark.getAttribute('href'), `/s/${third.id}`);
  assert.match(await mark.getAttribute('title'), /^Xi Jinping \(/);
  // The speaker's name is in the link's accessible name and shown as a tooltip on focus.
  assert.match(await mark.evaluate((el) => el.textContent), /^Xi Jinping: /);
  const tip = await mark.locator('.hl-speaker').boundingBox();
  assert.ok(tip.width > 20 && tip.height > 10, `tooltip visible on focus: ${JSON.stringify(tip)}`);
  // Every statement's span is highlighted, in its speaker's colour class.
  const classes = await page.$$eval('.source-text a.hl', (links) => links.map((a) => [a.id, a.className]));
  const colour = Object.fromEntries(seed.participants.map((p, i) => [p.id, `speaker-c${i}`]));
  for (const [id, className] of classes) {
    const statement = seed.statements.find((s) => s.id === id);
    assert.ok(className.includes(colour[statement.speakers[0]]), `${id}: ${className}`);
    assert.ok(sourceSlice(statement).length > 0);
  }
  await mark.click();
  await page.waitForURL(`**/s/${third.id}`);
  await page.getByRole('heading', { level: 1, name: 'Statement by Xi Jinping' }).waitFor();
  assert.equal(await page.locator('article.card').count(), 1);
  assert.equal(await page.locator('.context mark').textContent(), sourceSlice(third));
  noErrors(seen);
  await page.close();
});

test('the readout page shows the prose without the date line, each statement marked on its own sentence', async () => {
  // The seed opens with its date line, on the first line of the prose.
  assert.ok(seed.source.text.startsWith('date 2024-07-14 '), seed.source.text.slice(0, 40));
  assert.equal(seed.source.prose_start, 'date 2024-07-14 '.length);
  const { page, seen } = await open('/?sort=readout');
  const first = seed.statements[0];
  await page.locator(`#statement-${first.id}`).getByRole('link', { name: 'Show in source' }).click();
  await page.waitForURL(`**/r/${seed.id}#${first.id}`);
  await page.waitForFunction((id) => document.activeElement?.id === id, first.id);
  assert.ok(!(await page.locator('main').textContent()).includes('date 2024-07-14'));
  assert.match(await page.locator('.source-text p').first().textContent(), /^On the evening of July 3, 2024 local time, President Xi Jinping met/);
  // The publication date is shown as provenance.
  assert.equal(await page.locator('.about time').getAttribute('datetime'), '2024-07-14');
  // Every mark holds exactly its statement's sentence (the speaker's name aside); statements
  // of one sentence (the same span) share its mark.
  const marks = await page.$$eval('.source-text a.hl', (links) => links.map((a) => {
    const copy = a.cloneNode(true);
    copy.querySelector('.hl-speaker')?.remove();
    return [a.id, copy.textContent];
  }));
  assert.equal(marks.length + await page.locator('.source-text a.hl-also').count(), seed.statements.length);
  assert.equal(marks[0][0], first.id);
  for (const [id, text] of marks) {
    assert.equal(text, sourceSlice(seed.statements.find((s) => s.id === id)), id);
  }
  noErrors(seen);
  await page.close();
});

test('permalinks open directly, and unknown ids get a helpful page', async () => {
  const statement = seed.statements[7];
  let { page, seen } = await open(`/s/${statement.id}`);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Statement by Vladimir Putin');
  assert.match(await page.locator('article.card .statement-text').textContent(), new RegExp(statement.text.slice(0, 20)));
  assert.equal(await page.getByRole('link', { name: /Next statement/ }).getAttribute('href'), `/s/${seed.statements[8].id}`);
  noErrors(seen);
  await page.close();

  ({ page, seen } = await open('/p/vladimir-putin?q=brics'));
  assert.equal(await page.getByLabel('Search Vladimir Putin’s statements').inputValue(), 'brics');
  assert.ok((await cards(page)).every((c) => c.speakers.includes('vladimir-putin') && c.marks.length > 0));
  await page.close();

  ({ page, seen } = await open(`/r/${seed.id}`));
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), seed.title);
  await page.close();

  ({ page, seen } = await open('/p/xi-jinpin'));
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'No participant with this id');
  await page.getByRole('link', { name: 'Xi Jinping' }).click();
  await page.waitForURL(/\/p\/xi-jinping$/);
  await page.getByRole('heading', { level: 1, name: 'Xi Jinping' }).waitFor();
  await page.close();

  ({ page, seen } = await open(`/s/${seed.id}-s99`));
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'No statement with this id');
  assert.equal(await page.getByRole('link', { name: seed.title }).getAttribute('href'), `/r/${seed.id}`);
  await page.close();

  ({ page, seen } = await open('/r/nope'));
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'No readout with this id');
  assert.equal(await page.title(), 'No such readout · readouts');
  noErrors(seen);
  await page.close();
});

/** Presses Tab until `predicate(activeElement)` holds in the page; fails after `limit` presses. */
async function tabTo(page, predicate, arg, limit = 80) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(predicate, arg)) return;
  }
  assert.fail(`no focusable element matched within ${limit} Tabs`);
}

test('words find speakers, qualifiers look in one field, and a query that finds nothing says why and offers a way back', async () => {
  const { page, seen } = await open('/?q=Putin');
  const putin = seed.statements.filter((s) => s.speakers.includes('vladimir-putin'));
  await page.locator('.result-count', { hasText: `${putin.length} of 14 statements` }).waitFor();
  assert.deepEqual((await cards(page)).map((c) => c.id).sort(), putin.map((s) => s.id).sort());
  assert.match(await page.locator('#search-hint').textContent(), /speaker:.*look in one field/);

  // A qualifier and a word: Putin's statements that name BRICS (in the text or the topics).
  await page.getByLabel('Search statements').fill('speaker:putin BRICS');
  await page.waitForURL(/q=speaker%3Aputin\+BRICS/);
  const onBrics = putin.filter((s) => /brics/i.test(s.text) || s.topics.includes('BRICS'));
  assert.ok(onBrics.length > 0);
  await page.locator('.result-count', { hasText: `${onBrics.length} of 14 statements` }).waitFor();
  assert.deepEqual((await cards(page)).map((c) => c.id).sort(), onBrics.map((s) => s.id).sort());

  // A word found nowhere: named, and one click drops it.
  await page.getByLabel('Search statements').fill('Putin zqxw');
  await page.waitForURL(/q=Putin\+zqxw/);
  const why = page.locator('.no-results');
  await why.waitFor();
  assert.match(await why.textContent(), /“zqxw” matches no statement/);
  await why.getByRole('button', { name: `Show ${putin.length} statements without “zqxw”` }).click();
  await page.waitForURL(/\?q=Putin$/);
  await page.locator('.result-count', { hasText: `${putin.length} of 14 statements` }).waitFor();

  // A misspelt name: the nearest speaker, chosen as a filter.
  await page.getByLabel('Search statements').fill('Puttin');
  await why.getByRole('button', { name: 'Speaker: Vladimir Putin' }).click();
  await page.waitForURL(/speaker=vladimir-putin/);
  assert.equal(new URL(page.url()).searchParams.get('q'), null);
  assert.equal((await cards(page)).length, putin.length);
  noErrors(seen);
  await page.close();

  // A reversed date range has its own reason, and the way back swaps it.
  const reversed = await open('/?from=2024-07-31&to=2024-07-01');
  await reversed.page.locator('.no-results', { hasText: 'the start date is after the end date' }).waitFor();
  await reversed.page.getByRole('button', { name: 'Swap the dates: 14 statements' }).click();
  await reversed.page.waitForURL(/from=2024-07-01&to=2024-07-31|to=2024-07-31.*from=2024-07-01/);
  assert.equal((await cards(reversed.page)).length, 14);
  noErrors(reversed.seen);
  await reversed.page.close();
});

test('the whole flow works with the keyboard alone, with visible focus', async () => {
  const { page, seen } = await open('/');
  // The skip link comes first and moves focus to the main content.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to content');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  assert.equal(new URL(page.url()).pathname, '/');

  await tabTo(page, () => document.activeElement.id === 'search-input');
  await page.keyboard.type('china');
  await page.waitForURL(/q=china/);
  // A facet checkbox with Space: focus stays on it while the list is re-counted.
  await tabTo(page, () => document.activeElement.closest('.facet-value')?.textContent.startsWith('Vladimir Putin'));
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none', 'focus is visible');
  await page.keyboard.press('Space');
  await page.waitForURL(/speaker=vladimir-putin/);
  assert.ok(await page.evaluate(() => document.activeElement.closest('.facet-value')?.textContent.startsWith('Vladimir Putin')));
  assert.ok(await page.evaluate(() => document.activeElement.checked));
  // Sort with the keyboard.
  await tabTo(page, () => document.activeElement.id === 'sort-select');
  await page.keyboard.press('ArrowDown');
  await page.waitForURL(/sort=oldest/);
  // Into a card: the speaker's page, then back.
  await tabTo(page, () => document.activeElement.matches('article.card .speakers a'));
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/p\/vladimir-putin$/);
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H1');
  await page.goBack();
  await page.waitForURL(/speaker=vladimir-putin/);
  // "Show in source", then from the focused highlight to the statement page.
  await tabTo(page, () => document.activeElement.matches('a.show-in-source'));
  const target = await page.evaluate(() => new URL(document.activeElement.href).hash.slice(1));
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => document.activeElement?.id === id, target);
  await page.keyboard.press('Enter');
  await page.waitForURL(`**/s/${target}`);
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H1');
  noErrors(seen);
  await page.close();
});

test('the results follow every keystroke, the address once typing pauses, or at once on Enter, leaving the box or another change', async () => {
  const page = await browser.newPage();
  const seen = watch(page);
  // Every write of the address, as the app makes it.
  await page.addInitScript(() => {
    window.addressWrites = [];
    for (const name of ['pushState', 'replaceState']) {
      const write = history[name];
      history[name] = function (state, title, url) {
        window.addressWrites.push(`${name === 'pushState' ? 'push' : 'replace'} ${new URL(url, location.href).search}`);
        return write.call(this, state, title, url);
      };
    }
  });
  await page.clock.install();
  await page.goto(server.url);
  await page.locator('article.card').first().waitFor({ timeout: 15000 });
  // Time stands still from here: only runFor moves it.
  await page.clock.pauseAt(await page.evaluate(() => Date.now()) + 1000);
  const writes = () => page.evaluate(() => window.addressWrites.splice(0));
  const box = page.getByLabel('Search statements');
  const entries = await page.evaluate(() => history.length);
  await writes();

  await box.pressSequentially('russia');
  await page.locator('.result-count', { hasText: /^\d+ of 14 statements$/ }).waitFor();
  const shown = await cards(page);
  // A word matches the text (marked) or a speaker's country: Putin speaks for Russia.
  assert.ok(shown.length > 0 && shown.every((c) => c.marks.some((m) => /^russia/i.test(m)) || c.speakers.includes('vladimir-putin')),
    'the cards of the typed text, marked, or of its country');
  assert.equal(new URL(page.url()).search, '', 'the address waits for a pause');
  assert.deepEqual(await writes(), []);
  await page.clock.runFor(400);
  await page.waitForURL(/\?q=russia$/);
  assert.deepEqual(await writes(), ['push ?q=russia'], 'one new entry for the search');

  // More text, then Enter: written at once, over the same entry.
  await box.pressSequentially(' OR brics');
  assert.equal(new URL(page.url()).search, '?q=russia');
  await box.press('Enter');
  await page.waitForURL(/\?q=russia\+OR\+brics$/);
  // Leaving the box writes it at once too.
  await box.pressSequentially(' -summit');
  await page.keyboard.press('Tab');
  await page.waitForURL(/\?q=russia\+OR\+brics\+-summit$/);
  assert.deepEqual(await writes(), ['replace ?q=russia+OR+brics', 'replace ?q=russia+OR+brics+-summit']);
  assert.equal(await page.evaluate(() => history.length), entries + 1, 'one entry for the whole search');

  // Typed, then a facet: the search is written first (still the same search: its entry),
  // and the facet gets its own entry.
  await box.fill('brics');
  await page.getByRole('checkbox', { name: /^Xi Jinping, / }).check();
  await page.waitForURL(/speaker=xi-jinping/);
  assert.deepEqual(await writes(), ['replace ?q=brics', 'push ?q=brics&speaker=xi-jinping']);
  await page.goBack();
  await page.waitForURL(/\?q=brics$/);

  // Back while a text waits: the text is not written over the entry Back went to.
  await box.pressSequentially(' sco');
  await page.goBack();
  await page.waitForURL((url) => url.search === '');
  await page.clock.runFor(400);
  assert.deepEqual(await writes(), [], 'nothing written after Back');
  assert.equal(new URL(page.url()).search, '');
  await page.locator('.result-count', { hasText: /^14 statements$/ }).waitFor();
  assert.equal(await box.inputValue(), '', 'the box shows the address\'s text');
  noErrors(seen);
  await page.close();
});

test('the result count is announced politely once typing stops', async () => {
  const { page } = await open('/');
  const live = page.locator('#result-announcement');
  assert.equal(await live.getAttribute('aria-live'), 'polite');
  assert.equal(await live.getAttribute('role'), 'status');
  await page.waitForFunction(() => document.querySelector('#result-announcement').textContent === '14 statements');
  const texts = [];
  await page.exposeFunction('recordAnnouncement', (t) => texts.push(t));
  await page.evaluate(() => new MutationObserver(() => window.recordAnnouncement(document.querySelector('#result-announcement').textContent))
    .observe(document.querySelector('#result-announcement'), { childList: true, subtree: true, characterData: true }));
  await page.getByLabel('Search statements').pressSequentially('russia', { delay: 40 });
  await page.waitForFunction(() => /of 14 statements/.test(document.querySelector('#result-announcement').textContent));
  // The last thing typing sets off is the address, written once typing has paused.
  await page.waitForURL(/q=russia/);
  await afterPaint(page);
  assert.equal(texts.length, 1, `one announcement for the whole word: ${JSON.stringify(texts)}`);
  await page.close();
});

test('landmarks, labelled controls and facet groups with counts in their names', async () => {
  const { page, seen } = await open('/');
  for (const role of ['banner', 'navigation', 'main', 'complementary', 'search', 'contentinfo']) {
    assert.ok(await page.getByRole(role).first().isVisible(), `a ${role} landmark`);
  }
  assert.equal(await page.getByRole('complementary', { name: 'Filters' }).count(), 1);
  for (const name of ['Speaker', 'Country', 'Topic', 'Reporting verb', 'Role', 'Kind of readout', 'Readout', 'Date']) {
    assert.equal(await page.getByRole('group', { name, exact: true }).count(), 1, `a group named ${name}`);
  }
  assert.equal(await page.getByRole('group', { name: 'Speaker', exact: true }).getByRole('checkbox', { name: 'Xi Jinping, 8 statements' }).count(), 1);
  for (const label of ['Search statements', 'Sort', 'From', 'To']) {
    assert.equal(await page.getByLabel(label, { exact: true }).count(), 1, `a control labelled ${label}`);
  }
  assert.equal(await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Statements' }).getAttribute('aria-current'), 'page');
  noErrors(seen);
  await page.close();
});

test('screenshots of the cards, participant and readout pages fit phone and desktop widths', async () => {
  const views = [
    ['cards', '/?q=china'],
    ['participant', '/p/xi-jinping'],
    ['readout', `/r/${seed.id}#${seed.statements[7].id}`],
    ['statement', `/s/${seed.statements[3].id}`],
    ['people', '/p/'],
    ['readouts', '/r/'],
    ['attendee', '/p/cai-qi'],
  ];
  for (const [width, height] of [[375, 812], [1280, 900]]) {
    const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const seen = watch(page);
    for (const [name, url] of views) {
      await page.goto(server.url + url.slice(1));
      await page.locator('main h1').waitFor({ timeout: 15000 });
      await page.evaluate(() => document.fonts.ready);
      await afterPaint(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${name} at ${width} px scrolls sideways by ${overflow} px`);
      // Nothing sticks out of its card or panel.
      const escaping = await page.$$eval('.card *, .panel *, .facet *', (els) => els.filter((el) => {
        const box = el.getBoundingClientRect();
        const parent = el.closest('.card, .panel, .facet').getBoundingClientRect();
        return box.width > 0 && (box.right > parent.right + 1 || box.left < parent.left - 1);
      }).map((el) => el.outerHTML.slice(0, 80)));
      assert.deepEqual(escaping, [], `${name} at ${width} px`);
      await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: width > 400 });
    }
    noErrors(seen);
    await context.close();
  }
});
