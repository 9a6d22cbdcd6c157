// A corpus at readouts' limits (`readouts limits --json`: the one set of limits that
// `Corpus::from_json` in the app and `readouts check` enforce) renders every route, the
// longest strings made of one repeated letter (the worst case of the browser's line breaking),
// and a corpus one byte over a limit shows the error panel, not a freeze. The corpora are
// generated here from the CLI's figures, never from numbers written in the test.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { ROOT, launchBrowser, serveDist, tempCorpus, watch } from './helpers.mjs';

/** A sanity bound per route: it catches a freeze, not a slow machine. */
const ROUTE_BOUND_MS = 60000;

let browser;
let limits;

before(async () => {
  browser = await launchBrowser();
  const out = execFileSync('cargo', ['run', '--quiet', '--release', '--locked', '-p', 'readouts-cli', '--', 'limits', '--json'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  limits = Object.fromEntries(JSON.parse(out).map((limit) => [limit.name, limit.max]));
  for (const name of ['title_bytes', 'id_bytes', 'label_bytes', 'statement_text_bytes', 'list_items', 'message_bytes', 'url_bytes', 'source_text_bytes']) {
    assert.ok(Number.isInteger(limits[name]) && limits[name] > 0, `readouts limits gives ${name}`);
  }
});

after(async () => {
  await browser?.close();
});

/** `length` bytes of one ASCII letter. */
const run = (letter, length) => letter.repeat(length);

/** An id of exactly `length` bytes, unique by `n`, of one letter otherwise. */
const idOf = (letter, n, length) => `${run(letter, length - String(n).length)}${n}`;

/**
 * One readout with every string at its limit, each of one repeated letter, and every list at
 * its limit where it stays cheap to build (topics, a participant's aliases, a statement's
 * topics, diagnostics); statements' texts are runs of one letter in a source text of the
 * largest size.
 */
function corpusAtLimits() {
  const L = limits;
  const readoutId = run('R', L.id_bytes);
  const label = (letter) => run(letter, L.label_bytes);
  const participants = Array.from({ length: 3 }, (_, i) => ({
    id: idOf('p', i, L.id_bytes),
    name: run('NAVW'[i], L.label_bytes),
    aliases: i === 0 ? Array.from({ length: L.list_items }, (_, a) => idOf('A', a, L.label_bytes)) : [],
    title: label('T'),
    country: label('C'),
    role: ['principal', 'counterpart', 'attendee'][i],
  }));
  const textBytes = L.statement_text_bytes;
  // Each statement's text is its span of the source: runs of one letter, one per statement,
  // then the rest of the source up to its limit, one unbroken run.
  const statements = [];
  let source = '';
  for (let i = 0; i < 3; i += 1) {
    const text = run('STV'[i], textBytes);
    const start = source.length;
    source += `${text}\n\n`;
    statements.push({
      id: `${readoutId}-s${i + 1}`,
      speakers: [participants[i].id],
      verb: label('V'),
      text,
      span: [start, start + text.length],
      paragraph: i,
      topics: i === 0 ? Array.from({ length: L.list_items }, (_, t) => idOf('O', t, L.label_bytes)) : [label('O')],
    });
  }
  source += run('T', L.source_text_bytes - source.length);
  return {
    schema_version: 1,
    readouts: [{
      id: readoutId,
      title: run('T', L.title_bytes),
      published: '2024-07-03',
      source: { url: `https://example.org/${run('u', L.url_bytes - 'https://example.org/'.length)}`, publisher: label('P'), text: source },
      event: { date: '2024-07-03', location: label('L'), kind: 'meeting' },
      participants,
      statements,
      topics: Array.from({ length: L.list_items }, (_, t) => idOf('O', t, L.label_bytes)),
      diagnostics: Array.from({ length: L.list_items }, () => ({ level: 'warning', message: run('M', L.message_bytes) })),
    }],
  };
}

/** Serves `corpus` as the app's corpus and runs `fn(page, server)`. */
async function withCorpus(corpus, fn) {
  const file = await tempCorpus(JSON.stringify(corpus));
  const server = await serveDist({ corpusFile: file.file });
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    return await fn(await context.newPage(), server);
  } finally {
    await context.close();
    await server.close();
    await file.cleanup();
  }
}

test('a corpus at every limit renders every route', { timeout: 20 * ROUTE_BOUND_MS }, async () => {
  const corpus = corpusAtLimits();
  const readout = corpus.readouts[0];
  const [statement] = readout.statements;
  const person = readout.participants[0];
  const enc = encodeURIComponent;
  const routes = [
    ['', '.summary'],
    [`s/${enc(statement.id)}`, 'article.card'],
    [`p/${enc(person.id)}`, '#person-title'],
    [`r/${enc(readout.id)}`, '#readout-title'],
    ['embed/', 'article.card'],
    [`embed/s/${enc(statement.id)}`, 'article.card'],
    [`embed/p/${enc(person.id)}`, '#person-title'],
    [`embed/r/${enc(readout.id)}`, '#readout-title'],
  ];
  await withCorpus(corpus, async (page, server) => {
    const seen = watch(page);
    for (const [route, shown] of routes) {
      const started = Date.now();
      await page.goto(new URL(route, server.url).href);
      await page.locator(shown).first().waitFor({ timeout: ROUTE_BOUND_MS });
      // Laid out and painted: the frame after the content came.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const took = Date.now() - started;
      console.log(`limits: /${route.slice(0, 40)}${route.length > 40 ? '…' : ''} rendered in ${took} ms`);
      assert.equal(await page.locator('.load-error').count(), 0, `/${route}: no error`);
      // The longest strings wrap: nothing is wider than the page.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 1, `/${route}: the page does not scroll sideways (${overflow} px)`);
    }
    // The long title is whole on the readout's page, shortened on its cards with a tooltip.
    assert.equal(await page.locator('#readout-title').textContent(), readout.title);
    await page.goto(server.url);
    const cite = page.locator('article.card cite').first();
    await cite.waitFor({ timeout: ROUTE_BOUND_MS });
    const shown = await cite.textContent();
    assert.ok(shown.length < readout.title.length && shown.endsWith('…'), `shortened on the card: ${shown.length} characters`);
    assert.equal(await cite.getAttribute('title'), readout.title, 'the whole title in the tooltip');
    assert.deepEqual([...seen.pageErrors, ...seen.consoleErrors], []);
  });
});

test('a corpus one byte over a limit shows the error panel at once', { timeout: 4 * ROUTE_BOUND_MS }, async () => {
  for (const [what, change] of [
    ['title_bytes', (c) => { c.readouts[0].title += 'T'; }],
    ['label_bytes', (c) => { c.readouts[0].participants[1].name += 'A'; }],
  ]) {
    const corpus = corpusAtLimits();
    change(corpus);
    await withCorpus(corpus, async (page, server) => {
      const seen = watch(page);
      await page.goto(server.url);
      const alert = page.locator('main [role="alert"]');
      await alert.waitFor({ timeout: ROUTE_BOUND_MS });
      const text = await alert.textContent();
      assert.match(text, /limit/i, `${what}: the panel says a limit was passed: ${text}`);
      assert.match(text, new RegExp(String(limits[what])), `${what}: and which: ${text}`);
      assert.equal(await page.locator('article.card').count(), 0);
      assert.deepEqual(seen.pageErrors, []);
    });
  }
});
