// axe-core (pinned in package.json) on the main pages and states, at phone and desktop
// widths, in light and dark (and embeds forcing either theme): no violation of WCAG 2.1 A and
// AA, nor of 2.2's target size.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, builtCorpus, launchBrowser, serveDist } from './helpers.mjs';

const AXE = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let browser;
let server;
let axe;
let seed;

before(async () => {
  browser = await launchBrowser();
  server = await serveDist();
  axe = await readFile(AXE, 'utf8');
  seed = (await builtCorpus()).readouts[0];
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Lays out every card as a reader scrolling to it sees it. Off-screen cards skip layout
 * (`content-visibility: auto`) and take an estimated height, so axe, which measures them
 * unrendered, finds a long page's cards overlapping each other's links: boxes no reader ever
 * sees, since a card is rendered before it scrolls into view.
 */
async function renderCards(page) {
  await page.evaluate(() => {
    for (const card of document.querySelectorAll('.card')) card.style.contentVisibility = 'visible';
  });
}

/** The violations axe finds on the page as it is, one line each. */
async function violations(page) {
  // Through the DevTools protocol: the page's Content-Security-Policy allows no inline script.
  await page.evaluate(axe);
  const found = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } })
    .then((r) => r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)), TAGS);
  return found;
}

test('the main pages and states have no WCAG 2.1 AA or 2.2 target-size violations', async () => {
  const views = [
    ['/', 'article.card'],
    ['/?q=Puti', 'article.card'],
    ['/?q=zqxw', '.no-results'],
    [`/s/${seed.statements[1].id}`, 'article.card'],
    ['/p/xi-jinping', 'article.card'],
    [`/r/${seed.id}`, '.source-text'],
    ['/about.html', 'main h1'],
    ['/embed/?speaker=xi-jinping', 'article.card'],
    // An embed's forced themes, each also against the other system scheme.
    ['/embed/?speaker=xi-jinping&theme=dark&total=1', 'article.card'],
    ['/embed/?speaker=xi-jinping&theme=light', 'article.card'],
    ['/p/', '.browse-list'],
    ['/p/?find=zzqx', '.empty'],
    ['/r/', '.browse-list'],
    ['/r/?kind=phone_call', '.empty'],
    ['/p/cai-qi', 'main h1'],
  ];
  const problems = [];
  for (const colorScheme of ['light', 'dark']) {
    for (const width of [375, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
      const page = await context.newPage();
      for (const [url, ready] of views) {
        await page.goto(server.url + url.slice(1));
        await page.locator(ready).first().waitFor({ timeout: 15000 });
        await renderCards(page);
        for (const v of await violations(page)) problems.push(`${url} ${width}px ${colorScheme}: ${v}`);
      }
      // A card's Share panel, open.
      await page.goto(server.url);
      await page.locator('article.card details.share summary').first().click();
      await page.locator('.share-action').first().waitFor();
      for (const v of await violations(page)) problems.push(`/ share open ${width}px ${colorScheme}: ${v}`);
      // The Embed panel, open, with its options.
      await page.locator('summary.embed-toggle').click();
      await page.locator('#embed-theme').waitFor();
      for (const v of await violations(page)) problems.push(`/ embed panel open ${width}px ${colorScheme}: ${v}`);
      await context.close();
    }
  }
  assert.deepEqual(problems, []);
});
