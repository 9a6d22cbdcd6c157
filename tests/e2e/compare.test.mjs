// The compare views, on a corpus of the seed and two publishers' accounts of one fictional call
// (corpora.mjs, accountsCorpus): from a readout page to the other account side by side, both
// headers, "Not mentioned" where an account is silent, sorting by "only in A" (kept in the
// URL, Back and Forward without mounting the view again); two speakers ticked in the
// statement browser compared side by side (the diverging table and both timelines); a
// participant compared with another found in the picker ("Compare with…"); a readout
// compared with its other account, found first in the readout picker ("Compare with…" on a
// readout page), and a readout told once offered every other readout;
// and both compare views embedded in another site's page, sizing themselves. The views are drawn by
// the compare app, a wasm app of their own loaded on demand (src/lazy.rs): its links move the
// main app without a page load, Back returns, the title and focus follow, a failed load says
// so; axe-core finds nothing on any compare state (both views and their sorts, embeds, both
// pickers with and without matches, unknown ids, a compare app that failed to load) at 375
// and 1280 px, light and dark (screenshots in target/e2e-screenshots/). Every step waits on a
// condition.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DIST, ROOT, launchBrowser, serveDist, watch } from './helpers.mjs';
import { headersForPath, parseHeaderRules, startServer } from './server.mjs';
import { ACCOUNTS, accountsCorpus } from './corpora.mjs';

const SHOTS = path.join(ROOT, 'target', 'e2e-screenshots');
const AXE = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

let browser;
let app;
let corpus;
let host;
let hostDir;
/** The two accounts, as the corpus has them (A: the ministry's, B: the readout). */
let a;
let b;
/** Every readout of the corpus. */
let readouts;

before(async () => {
  corpus = await accountsCorpus();
  readouts = JSON.parse(await readFile(corpus.file, 'utf8')).readouts;
  a = readouts.find((r) => r.source.publisher === ACCOUNTS[0][1]);
  b = readouts.find((r) => r.source.publisher === ACCOUNTS[1][1]);
  assert.ok(a && b, 'both accounts are in the corpus');
  browser = await launchBrowser();
  const rules = parseHeaderRules(await readFile(path.join(DIST, '_headers'), 'utf8'));
  app = await serveDist({ corpusFile: corpus.file, headersFor: (pathname) => headersForPath(rules, pathname) });
  hostDir = await mkdtemp(path.join(tmpdir(), 'readouts-host-'));
  host = await startServer({ root: hostDir });
  await mkdir(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await app?.close();
  await host?.close();
  await corpus?.cleanup();
  if (hostDir) await rm(hostDir, { recursive: true, force: true });
});

async function open(url) {
  const page = await browser.newPage();
  const seen = watch(page);
  await page.goto(app.url + url.replace(/^\//, ''));
  return { page, seen };
}

function noErrors(seen) {
  assert.deepEqual([...seen.consoleErrors, ...seen.pageErrors, ...seen.failedRequests, ...seen.httpErrors], []);
}

/** The text of each body row's header cell (the topic and where it stands). */
function rowHeads(page) {
  return page.locator('.compare-table tbody th').allTextContents();
}

test('from a readout to its other account side by side: headers, "Not mentioned", sorted by only in A', async () => {
  const { page, seen } = await open(`/r/${a.id}`);
  const others = page.getByRole('region', { name: 'Other accounts of this meeting' });
  await others.getByRole('link', { name: 'Compare side by side' }).click();
  await page.waitForURL(`**/compare/r/${a.id}/${b.id}`);
  await page.getByRole('heading', { level: 1, name: 'Two accounts side by side' }).waitFor();
  // The heading arrives with the compare app, after the move: it gets the focus then.
  await page.waitForFunction(() => document.activeElement?.id === 'compare-title');
  await page.getByRole('heading', { level: 2, name: `A: ${ACCOUNTS[0][1]}` }).waitFor();
  await page.getByRole('heading', { level: 2, name: `B: ${ACCOUNTS[1][1]}` }).waitFor();
  // Each header names its readout and each leader's share.
  const headA = page.getByRole('region', { name: `A: ${ACCOUNTS[0][1]}` });
  assert.ok(await headA.getByRole('link', { name: a.title }).isVisible());
  assert.match(await headA.textContent(), /Tomas Brenn: \d+ statements? \(\d+%\)/);
  // The table: one row per topic, Kestria's account silent on sanctions.
  const table = page.getByRole('table', { name: /topics? raised in either account/ });
  const sanctions = table.getByRole('row', { name: /unilateral sanctions/ });
  assert.equal(await sanctions.getByRole('cell').nth(1).textContent(), 'Not mentioned');
  assert.ok((await table.locator('td.not-mentioned').count()) >= 1);
  // A statement links to its card and to its place in the source.
  const statement = a.statements.find((s) => s.topics.includes('unilateral sanctions'));
  assert.equal(await sanctions.getByRole('link', { name: 'Card' }).getAttribute('href'), `/s/${statement.id}`);
  assert.equal(await sanctions.getByRole('link', { name: 'In the source' }).getAttribute('href'), `/r/${a.id}#${statement.id}`);
  // Sorting: the button's state is in the URL, the only-in-A rows come first.
  const before = await rowHeads(page);
  assert.ok(!before[0].includes('only in A'), `unsorted, the first row is another: ${before}`);
  // Sorting and Back move the mounted view: it is neither mounted again nor fetched again.
  const fetched = [];
  page.on('request', (request) => {
    if (request.url().includes('compare-app')) fetched.push(request.url());
  });
  const mounted = () => page.evaluate(() => document.querySelector('#compare-app-root > *')?.kept === true);
  await page.evaluate(() => { document.querySelector('#compare-app-root > *').kept = true; });
  await page.getByRole('link', { name: 'Only in A first' }).click();
  await page.waitForURL(/\?sort=only-a$/);
  await page.locator('.sort-button[aria-current="true"]', { hasText: 'Only in A first' }).waitFor();
  const sorted = await rowHeads(page);
  assert.ok(sorted[0].includes('only in A'), `sorted: ${sorted}`);
  assert.ok(sorted.at(-1).startsWith('Without a topic'), `the row without a topic stays last: ${sorted}`);
  assert.equal(await mounted(), true, 'the sort did not mount the view again');
  await page.goBack();
  await page.waitForURL(`**/compare/r/${a.id}/${b.id}`);
  await page.waitForFunction(() => !document.querySelector('.sort-button[aria-current="true"]'));
  assert.deepEqual(await rowHeads(page), before, 'Back shows the unsorted rows again');
  assert.equal(await mounted(), true, 'Back did not mount the view again');
  await page.goForward();
  await page.waitForURL(/\?sort=only-a$/);
  await page.locator('.sort-button[aria-current="true"]', { hasText: 'Only in A first' }).waitFor();
  assert.deepEqual(await rowHeads(page), sorted);
  assert.equal(await mounted(), true, 'Forward did not mount the view again');
  assert.deepEqual(fetched, [], 'nothing of the compare app was fetched again');
  // The sorted view is its URL: a reload shows the same order.
  await page.reload();
  await page.locator('.sort-button[aria-current="true"]').waitFor();
  assert.deepEqual(await rowHeads(page), sorted);
  noErrors(seen);
  await page.close();
});

test('two speakers ticked are compared side by side', async () => {
  const { page, seen } = await open('/?speaker=tomas-brenn');
  await page.locator('.card').first().waitFor();
  assert.equal(await page.getByRole('link', { name: 'Compare these two' }).count(), 0);
  await page.getByRole('checkbox', { name: /^Ilse Varo/ }).check();
  const compare = page.getByRole('link', { name: 'Compare these two' });
  await compare.click();
  await page.waitForURL(/\/compare\/p\/(ilse-varo\/tomas-brenn|tomas-brenn\/ilse-varo)$/);
  await page.getByRole('heading', { level: 1, name: /Ilse Varo and Tomas Brenn|Tomas Brenn and Ilse Varo/ }).waitFor();
  const topics = page.getByRole('table', { name: /Statements on each topic/ });
  const corridor = topics.getByRole('row', { name: /Northern Grain Corridor/ });
  const cells = await corridor.getByRole('cell').allTextContents();
  assert.equal(cells.length, 2);
  assert.ok(cells.every((c) => Number(c) > 0), `both raised the corridor: ${cells}`);
  await page.getByRole('heading', { name: 'Readouts they share (2)' }).waitFor();
  assert.equal(await page.getByRole('img', { name: /Statements by .* per month/ }).count(), 2);
  noErrors(seen);
  await page.close();
});

test('participant compare from the picker: "Compare with…" on a participant page, a find box, the two side by side', async () => {
  const { page, seen } = await open('/p/tomas-brenn');
  await page.getByRole('heading', { level: 1, name: 'Tomas Brenn' }).waitFor();
  await page.getByRole('link', { name: 'Compare with…' }).click();
  await page.waitForURL('**/compare/p/tomas-brenn');
  await page.getByRole('heading', { level: 1, name: 'Compare Tomas Brenn with…' }).waitFor();
  await page.waitForFunction(() => document.title === 'Compare Tomas Brenn with… · readouts');
  const find = page.getByRole('searchbox', { name: 'Find a participant' });
  const picks = page.locator('.compare-picks a');
  // Unfiltered: everyone else who speaks, Tomas Brenn himself never offered.
  await picks.first().waitFor();
  assert.ok(!(await picks.allTextContents()).includes('Tomas Brenn'));
  await find.fill('nobody at all');
  await page.getByRole('status').filter({ hasText: 'No participant matches “nobody at all”.' }).waitFor();
  assert.equal(await picks.count(), 0);
  // Case and word order do not matter.
  await find.fill('VARO ilse');
  await page.getByRole('status').filter({ hasText: '1 participant matches.' }).waitFor();
  assert.deepEqual(await picks.allTextContents(), ['Ilse Varo']);
  await picks.first().click();
  await page.waitForURL('**/compare/p/tomas-brenn/ilse-varo');
  await page.getByRole('heading', { level: 1, name: 'Tomas Brenn and Ilse Varo' }).waitFor();
  await page.getByRole('heading', { name: 'Readouts they share (2)' }).waitFor();
  // Back returns to the picker, mounted again on its own path.
  await page.goBack();
  await page.waitForURL('**/compare/p/tomas-brenn');
  await page.getByRole('searchbox', { name: 'Find a participant' }).waitFor();
  noErrors(seen);
  await page.close();
});

test('"Compare with…" on a readout page: its other account first, then every other readout; choosing it (with the keyboard) opens the two side by side', async () => {
  const seed = readouts.find((r) => r.id !== a.id && r.id !== b.id);
  const { page, seen } = await open(`/r/${a.id}`);
  await page.locator('main h1#readout-title').waitFor();
  await page.getByRole('link', { name: 'Compare with…' }).click();
  await page.waitForURL(`**/compare/r/${a.id}`);
  await page.getByRole('heading', { level: 1, name: `Compare ${a.title} with…` }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'compare-title');
  const picks = page.locator('.compare-picks li');
  await picks.first().waitFor();
  // The other account of the call first, marked as such; then every other readout.
  assert.equal(await picks.count(), readouts.length - 1);
  assert.equal(await picks.first().getByRole('link').textContent(), b.title);
  assert.match(await picks.first().textContent(), /Other account of this meeting/);
  assert.equal(await picks.filter({ hasText: 'Other account of this meeting' }).count(), 1);
  assert.equal(await picks.nth(1).getByRole('link').textContent(), seed.title);
  // The find box: by publisher, by date as shown, nothing.
  const find = page.getByRole('searchbox', { name: 'Find a readout' });
  await find.fill('nobody at all');
  await page.getByRole('status').filter({ hasText: 'No readout matches “nobody at all”.' }).waitFor();
  assert.equal(await picks.count(), 0);
  await find.fill('kestria PRIME');
  await page.getByRole('status').filter({ hasText: '1 readout matches.' }).waitFor();
  await find.fill('');
  await page.getByRole('status').filter({ hasText: `${readouts.length - 1} readouts match.` }).waitFor();
  // With the keyboard: from the find box to the first match, Enter opens it.
  await find.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), b.title);
  await page.keyboard.press('Enter');
  await page.waitForURL(`**/compare/r/${a.id}/${b.id}`);
  await page.getByRole('heading', { level: 1, name: 'Two accounts side by side' }).waitFor();
  await page.getByRole('heading', { level: 2, name: `B: ${ACCOUNTS[1][1]}` }).waitFor();
  // A readout told once offers every other readout, none marked as another account.
  await page.goto(`${app.url}r/${seed.id}`);
  await page.getByRole('link', { name: 'Compare with…' }).click();
  await page.waitForURL(`**/compare/r/${seed.id}`);
  await picks.first().waitFor();
  assert.deepEqual((await picks.getByRole('link').allTextContents()).sort(), [a.title, b.title].sort());
  assert.equal(await page.getByText('Other account of this meeting').count(), 0);
  await picks.filter({ hasText: b.title }).getByRole('link').click();
  await page.waitForURL(`**/compare/r/${seed.id}/${b.id}`);
  await page.getByRole('heading', { level: 1, name: 'Two accounts side by side' }).waitFor();
  noErrors(seen);
  await page.close();
});

test('both compare views embedded in another site size themselves and link out', async () => {
  const views = [
    [`compare/r/${a.id}/${b.id}`, 'Two accounts side by side', (frame) => frame.getByRole('link', { name: 'Card' }).first()],
    ['compare/p/tomas-brenn/ilse-varo', 'Tomas Brenn and Ilse Varo', (frame) => frame.getByRole('heading', { level: 1 }).getByRole('link').first()],
  ];
  for (const [view, heading, inner] of views) {
    const src = new URL(`embed/${view}`, app.url).href;
    await writeFile(path.join(hostDir, 'host.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A news site</title><link rel="icon" href="data:,"></head><body><h1>An article</h1>
<iframe id="compare" src="${src}" title="compare" width="100%" height="150" style="border:0"></iframe>
<script src="${new URL('embed-host.js', app.url).href}" async></script>
</body></html>`);
    const page = await browser.newPage();
    const seen = watch(page);
    await page.goto(`http://localhost:${host.port}/host.html`);
    const frame = await (await page.waitForSelector('iframe#compare')).contentFrame();
    await frame.getByRole('heading', { level: 1, name: heading }).waitFor();
    await frame.waitForFunction(() => innerHeight > 150 && Math.abs(innerHeight - document.documentElement.scrollHeight) <= 2);
    const full = frame.getByRole('link', { name: /Full view on readouts/ });
    assert.equal(await full.getAttribute('href'), `/${view}`);
    assert.equal(await full.getAttribute('target'), '_blank');
    assert.equal(await inner(frame).getAttribute('target'), '_blank', `${view}: its links open the full app`);
    assert.equal(await frame.locator('.embed-toggle').count(), 0, 'no Embed button in an embed');
    noErrors(seen);
    await page.close();
  }
});

test('the Embed button gives the code of the compare view', async () => {
  const { page, seen } = await open(`/compare/r/${a.id}/${b.id}`);
  await page.locator('.embed-toggle').click();
  const code = await page.locator('#embed-code-text').inputValue();
  assert.ok(code.includes(`/embed/compare/r/${a.id}/${b.id}"`), code);
  noErrors(seen);
  await page.close();
});

test("the compare view's links move the app without a page load; Back returns to it", async () => {
  const { page, seen } = await open(`/compare/r/${a.id}/${b.id}`);
  await page.getByRole('heading', { level: 1, name: 'Two accounts side by side' }).waitFor();
  // The title names both accounts.
  await page.waitForFunction((t) => document.title.startsWith(t) && document.title.endsWith(' · readouts'), `${ACCOUNTS[0][1]} / `);
  await page.evaluate(() => { window.__samePage = true; });
  const card = page.locator('.compare-table').getByRole('link', { name: 'Card' }).first();
  const href = await card.getAttribute('href');
  await card.click();
  await page.waitForURL(`**${href}`);
  await page.locator('.card').first().waitFor();
  assert.equal(await page.evaluate(() => window.__samePage), true, 'no page load');
  await page.goBack();
  await page.waitForURL(`**/compare/r/${a.id}/${b.id}`);
  await page.getByRole('heading', { level: 1, name: 'Two accounts side by side' }).waitFor();
  assert.equal(await page.evaluate(() => window.__samePage), true, 'Back is no page load either');
  // A participant's page from the people's view, and the statement browser there.
  await page.goto(`${app.url}compare/p/tomas-brenn/ilse-varo`);
  await page.evaluate(() => { window.__samePage = true; });
  await page.getByRole('heading', { level: 1 }).getByRole('link', { name: 'Ilse Varo' }).click();
  await page.waitForURL('**/p/ilse-varo');
  await page.getByRole('heading', { level: 1, name: 'Ilse Varo' }).waitFor();
  await page.getByRole('img', { name: 'Statements by Ilse Varo per month' }).waitFor();
  assert.equal(await page.evaluate(() => window.__samePage), true, 'no page load');
  noErrors(seen);
  await page.close();
});

test('a compare app that cannot be loaded says so instead of a blank page', async () => {
  const page = await browser.newPage();
  await page.route('**/compare-app.js', (route) => route.abort());
  await page.goto(`${app.url}compare/r/${a.id}/${b.id}`);
  const alert = page.getByRole('alert');
  await alert.filter({ hasText: 'could not be loaded' }).waitFor();
  assert.match(await alert.textContent(), /Check the connection and reload the page/);
  // The rest of the app still works: its navigation leads home.
  await page.getByRole('link', { name: 'Statements', exact: true }).click();
  await page.locator('.card').first().waitFor();
  await page.close();
});

/** The WCAG rules axe-core checks, as in a11y.test.mjs: 2.1 A and AA, and 2.2's target size. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe-core on the page and returns the violations, one line each. */
async function axe(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, TAGS);
}

/** Waits for the compare app's view to be mounted (its status line hidden). */
const mounted = (page) => page.locator('#compare-app-status[hidden]').waitFor({ state: 'attached' });

/** Types `text` into a picker's find box and waits for its status to say `status`. */
async function typed(page, text, status) {
  await page.locator('#compare-find').fill(text);
  await page.getByRole('status').filter({ hasText: status }).waitFor();
}

test('axe-core finds nothing on any compare state at 375 and 1280 px, light and dark (screenshots)', async () => {
  // Each state: a name, its URL, and what shows it is ready.
  const heading = (name) => async (page) => {
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await mounted(page);
  };
  const states = [
    ['compare-r', `compare/r/${a.id}/${b.id}`, heading('Two accounts side by side')],
    ['compare-r-only-a', `compare/r/${a.id}/${b.id}?sort=only-a`, async (page) => {
      await heading('Two accounts side by side')(page);
      await page.locator('.sort-button[aria-current="true"]').waitFor();
    }],
    ['compare-r-both', `compare/r/${a.id}/${b.id}?sort=both`, async (page) => {
      await heading('Two accounts side by side')(page);
      await page.locator('.sort-button[aria-current="true"]').waitFor();
    }],
    ['compare-p', 'compare/p/tomas-brenn/ilse-varo', heading(/Tomas Brenn and Ilse Varo/)],
    ['compare-embed', `embed/compare/r/${a.id}/${b.id}`, heading('Two accounts side by side')],
    ['compare-p-embed', 'embed/compare/p/tomas-brenn/ilse-varo', heading(/Tomas Brenn and Ilse Varo/)],
    ['compare-pick', 'compare/p/tomas-brenn', heading('Compare Tomas Brenn with…')],
    ['compare-pick-none', 'compare/p/tomas-brenn', async (page) => {
      await heading('Compare Tomas Brenn with…')(page);
      await typed(page, 'nobody at all', 'No participant matches');
    }],
    ['compare-pick-r', `compare/r/${a.id}`, heading(`Compare ${a.title} with…`)],
    ['compare-pick-r-none', `compare/r/${a.id}`, async (page) => {
      await heading(`Compare ${a.title} with…`)(page);
      await typed(page, 'nobody at all', 'No readout matches');
    }],
    ['compare-r-unknown', `compare/r/${a.id}/no-such-readout`, heading('No readout with this id')],
    ['compare-p-unknown', 'compare/p/no-such-person/ilse-varo', heading('No participant with this id')],
    ['compare-pick-r-unknown', 'compare/r/no-such-readout', heading('No readout with this id')],
    ['compare-embed-unknown', `embed/compare/r/${a.id}/no-such-readout`, heading('No readout with this id')],
    // The compare app's chunk cannot be fetched: the page says so in an alert.
    ['compare-failed', `compare/r/${a.id}/${b.id}`, async (page) => {
      await page.getByRole('alert').filter({ hasText: 'could not be loaded' }).waitFor();
    }, true],
  ];
  const problems = [];
  for (const colorScheme of ['light', 'dark']) {
    for (const width of [375, 1280]) {
      // The page's policy allows no inline script: axe-core is injected past it.
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme, bypassCSP: true });
      for (const [name, url, ready, failing] of states) {
        const page = await context.newPage();
        if (failing) await page.route('**/compare-app*', (route) => route.abort());
        await page.goto(app.url + url);
        await ready(page);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) problems.push(`${name} ${width}px ${colorScheme}: horizontal scrolling (overflow ${overflow} px)`);
        for (const v of await axe(page)) problems.push(`${name} ${width}px ${colorScheme}: ${v}`);
        if (colorScheme === 'light') await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
        await page.close();
      }
      await context.close();
    }
  }
  assert.deepEqual(problems, []);
});
