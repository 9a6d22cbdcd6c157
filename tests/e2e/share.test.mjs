// Share and cite (issue 11, item 6): every card's Share panel copies the statement's link, its
// citation in plain text and Chicago style, read back from the clipboard; the statement page
// has the same panel and describes itself with the citation. A copy of the seed with a
// fictional publisher, so that every part of a citation is there.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { builtCorpus, launchBrowser, serveDist, tempCorpus, watch } from './helpers.mjs';

const PUBLISHER = 'Chancellery of Testland';
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];

let browser;
let server;
let copy;
let readout;

before(async () => {
  browser = await launchBrowser();
  const corpus = structuredClone(await builtCorpus());
  readout = corpus.readouts[0];
  readout.source.publisher = PUBLISHER;
  copy = await tempCorpus(JSON.stringify(corpus));
  server = await serveDist({ corpusFile: copy.file });
});

after(async () => {
  await browser?.close();
  await server?.close();
  await copy?.cleanup();
});

/** "2024-07-14" as "14 July 2024", or Chicago's "July 14, 2024". */
function day(iso, monthFirst) {
  const [y, m, d] = iso.split('-').map(Number);
  return monthFirst ? `${MONTHS[m - 1]} ${d}, ${y}` : `${d} ${MONTHS[m - 1]} ${y}`;
}

/** The verb a reader reads for statement `i`: a continuation's is the one it continues. */
function verbOf(i) {
  for (let at = i; at >= 0; at -= 1) {
    if (readout.statements[at].verb !== 'continued') return readout.statements[at].verb;
  }
  return 'continued';
}

/** A page in a context allowed to use the clipboard, once the app has rendered `url`. */
async function open(url) {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const page = await context.newPage();
  const seen = watch(page);
  await page.goto(server.url + url.replace(/^\//, ''));
  await page.locator('article.card').first().waitFor({ timeout: 30000 });
  return { context, page, seen };
}

/** Clicks `button` in the Share panel of `card`, waits for the status, reads the clipboard. */
async function copyFrom(page, card, button, status) {
  const details = card.locator('details.share');
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
  await details.getByRole('button', { name: button, exact: true }).click();
  await details.locator('.share-status').filter({ hasText: status }).waitFor();
  return page.evaluate(() => navigator.clipboard.readText());
}

test('Copy link and Copy citation put the expected text on the clipboard', async () => {
  const { context, page, seen } = await open('/');
  // The second statement continues the first one's verb: the citation names that verb.
  const i = 1;
  const statement = readout.statements[i];
  assert.equal(statement.verb, 'continued', 'the seed\'s second statement is a continuation');
  const card = page.locator(`article[data-statement="${statement.id}"]`);
  const permalink = `${server.url}s/${statement.id}`;

  assert.equal(await copyFrom(page, card, 'Copy link', 'Link copied.'), permalink);

  const plain = await copyFrom(page, card, 'Copy citation', 'Citation copied.');
  assert.equal(
    plain,
    `Xi Jinping ${verbOf(i)}: "${statement.text}" ${PUBLISHER}, "${readout.title}", ${day(readout.published, false)}. ${permalink}`,
  );
  assert.notEqual(verbOf(i), 'continued');

  const chicago = await copyFrom(page, card, 'Copy Chicago-style citation', 'Chicago-style citation copied.');
  assert.equal(
    chicago,
    `${PUBLISHER}. “${readout.title}.” ${day(readout.published, true)}. Xi Jinping ${verbOf(i)}: “${statement.text}” ${permalink}.`,
  );
  assert.deepEqual([...seen.consoleErrors, ...seen.pageErrors, ...seen.failedRequests, ...seen.httpErrors], []);
  await context.close();
});

test('the statement page has the Share panel and describes itself with the citation', async () => {
  const statement = readout.statements[0];
  const { context, page, seen } = await open(`/s/${statement.id}`);
  const card = page.locator('article.card');
  const plain = await copyFrom(page, card, 'Copy citation', 'Citation copied.');
  assert.ok(plain.startsWith(`Xi Jinping ${statement.verb}: "${statement.text}"`), plain);
  await page.waitForFunction(
    (text) => document.querySelector('meta[name=description]')?.content === text,
    plain,
  );
  assert.match(await page.title(), /^Statement by Xi Jinping · readouts$/);
  // Where the browser has no share sheet, no Share… button (this Chromium has none on Linux).
  const canShare = await page.evaluate(() => 'share' in navigator);
  assert.equal(await card.getByRole('button', { name: 'Share…' }).count(), canShare ? 1 : 0);
  assert.deepEqual([...seen.consoleErrors, ...seen.pageErrors, ...seen.failedRequests, ...seen.httpErrors], []);
  await context.close();
});

test('where the clipboard is refused, the status shows the text to select', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  // No permission granted, and the clipboard API's write refused outright.
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new DOMException('refused', 'NotAllowedError')) },
    });
  });
  await page.goto(server.url);
  const card = page.locator('article.card').first();
  await card.waitFor({ timeout: 30000 });
  await card.locator('details.share summary').click();
  await card.getByRole('button', { name: 'Copy link', exact: true }).click();
  const status = card.locator('.share-status');
  await status.filter({ hasText: 'did not allow copying' }).waitFor();
  assert.match(await status.textContent(), new RegExp(`${server.url}s/`));
  await context.close();
});
