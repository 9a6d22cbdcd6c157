// A corpus that cannot be used shows what failed and where, never a blank page; corpus text
// is always inert text. Broken corpora are served from temporary folders.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { builtCorpus, errorShown, launchBrowser, serveDist, tempCorpus, watch, afterPaint } from './helpers.mjs';

let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

async function withCorpusText(text, fn) {
  const corpus = await tempCorpus(text);
  try {
    return await fn(corpus.file);
  } finally {
    await corpus.cleanup();
  }
}

test('malformed JSON shows the line and column', async () => {
  const shown = await withCorpusText('{\n  "schema_version": 1,\n  "readouts": [,]\n}\n',
    (corpusFile) => errorShown(browser, { corpusFile }));
  assert.equal(shown.title, 'The corpus file is not valid JSON');
  assert.match(shown.text, /line 3, column 16/);
});

test('a truncated corpus shows where it ends', async () => {
  const full = JSON.stringify(await builtCorpus(), null, 2);
  const cut = full.slice(0, Math.floor(full.length * 0.6));
  const lines = cut.split('\n');
  const shown = await withCorpusText(cut, (corpusFile) => errorShown(browser, { corpusFile }));
  assert.equal(shown.title, 'The corpus file is not valid JSON');
  assert.match(shown.text, new RegExp(`line ${lines.length}, column \\d+`));
});

test('an unknown schema_version names both versions', async () => {
  const corpus = await builtCorpus();
  corpus.schema_version = 99;
  const shown = await withCorpusText(JSON.stringify(corpus), (corpusFile) => errorShown(browser, { corpusFile }));
  assert.equal(shown.title, 'The corpus file has an unsupported format');
  assert.match(shown.text, /schema_version 99/);
  assert.match(shown.text, /schema_version 1\b/);
});

// The app's JSON reader reads whole numbers only (vendor/serde_json: no float parser in the
// wasm). A corpus has no other kind: a fraction where a number is read is refused with a
// plain message, and fractions and exponents in keys the app does not read are skipped.
test('a fraction where the corpus has a whole number is refused with a plain message', async () => {
  const full = JSON.stringify(await builtCorpus(), null, 2);
  const at = full.indexOf('"paragraph": ');
  assert.ok(at > 0, 'the built corpus has a paragraph number');
  const text = full.replace(/"paragraph": \d+/, '"paragraph": 1.5');
  const line = text.slice(0, at).split('\n').length;
  const shown = await withCorpusText(text, (corpusFile) => errorShown(browser, { corpusFile }));
  assert.equal(shown.title, 'The corpus file is not valid JSON');
  assert.match(shown.text, new RegExp(`line ${line}, column \\d+`));
  assert.match(shown.text, /a number with a fraction or an exponent, where only whole numbers are read/);
});

test('fractions and exponents in keys the app does not read are skipped', async () => {
  const corpus = await builtCorpus();
  const statements = corpus.readouts.reduce((n, r) => n + r.statements.length, 0);
  // Written into the text as written here: JSON.stringify would write 1e3 as 1000.
  const numbers = {
    '"@generator@"': '{"version": 1.5, "ratio": -2.5e-3, "sizes": [1e3, 0.25, 1E+2, 123456789012345678901234567890]}',
    '"@score@"': '0.75',
    '"@confidence@"': '9.5e-1',
  };
  corpus.generator = '@generator@';
  corpus.readouts[0].score = '@score@';
  corpus.readouts[0].statements[0].confidence = '@confidence@';
  let text = JSON.stringify(corpus);
  for (const [placeholder, written] of Object.entries(numbers)) text = text.replace(placeholder, written);
  assert.ok(!text.includes('"@'), 'every number written in');
  await withCorpusText(text, async (corpusFile) => {
    const server = await serveDist({ corpusFile });
    const page = await browser.newPage();
    const seen = watch(page);
    try {
      await page.goto(server.url);
      await page.locator('article.card').first().waitFor({ timeout: 15000 });
      await page.locator('.result-count', { hasText: new RegExp(`^${statements.toLocaleString('en-US')} statements$`) }).waitFor({ timeout: 15000 });
      assert.equal(await page.locator('main [role="alert"]').count(), 0);
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await page.close();
      await server.close();
    }
  });
});

test('HTTP errors name the status and the file', async () => {
  for (const status of [404, 500]) {
    const shown = await errorShown(browser, { corpusStatus: status });
    assert.equal(shown.title, 'The corpus could not be loaded');
    assert.match(shown.text, new RegExp(`HTTP ${status}`));
    assert.match(shown.text, /corpus\.json/);
  }
});

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>window.__pwned = true; alert(2)</script>';

/** A valid corpus whose every text field is hostile. */
function hostileCorpus() {
  const id = '"><img src=x onerror=alert(3)>';
  return {
    schema_version: 1,
    readouts: [{
      id: 'hostile-<b>',
      title: `Readout ${SCRIPT}`,
      published: '2024-07-14',
      event: { date: '2024-07-03', time_of_day: null, location: `<svg onload=alert(4)>`, kind: 'meeting' },
      participants: [{
        id,
        name: `Mallory ${IMG}`,
        title: '<iframe src=javascript:alert(5)>',
        country: '<b>Nowhere</b>',
        role: 'principal',
        aliases: [],
      }],
      statements: [
        { id: 'hostile-s1', speakers: [id], verb: '<u>said</u>', text: `Look: ${IMG} and ${SCRIPT}`, span: [0, 1], paragraph: 0, topics: [IMG] },
        { id: 'hostile-s2', speakers: ['<i>nobody</i>'], verb: 'said', text: '</p><script>alert(6)</script>', span: [0, 1], paragraph: 0, topics: [] },
      ],
      topics: [],
      source: { text: 'x', publisher: null, url: 'javascript:alert(7)' },
      diagnostics: [],
    }],
  };
}

test('hostile corpus text is shown as text and runs nothing', async () => {
  await withCorpusText(JSON.stringify(hostileCorpus()), async (corpusFile) => {
    const server = await serveDist({ corpusFile });
    const page = await browser.newPage();
    const seen = watch(page);
    try {
      await page.goto(server.url);
      await page.locator('article.card').nth(1).waitFor({ timeout: 15000 });
      await afterPaint(page);
      const first = page.locator('article.card').first();
      assert.equal(await first.locator('.statement-text').textContent(), `Look: ${IMG} and ${SCRIPT}`);
      assert.equal(await first.locator('.speakers').textContent(), `Mallory ${IMG}`);
      assert.equal(await first.locator('cite').textContent(), `Readout ${SCRIPT}`);
      assert.equal(await page.locator('article.card').nth(1).locator('.statement-text').textContent(), '</p><script>alert(6)</script>');
      const injected = await page.evaluate(() => ({
        elements: document.querySelectorAll('#app img, #app script, #app svg, #app iframe, #app b, #app u, #app i').length,
        pwned: window.__pwned === true,
      }));
      assert.deepEqual(injected, { elements: 0, pwned: false }, 'no injected element, no script ran');
      // The participant and readout pages, reached from the card: still text, and the
      // javascript: address of the source is shown, not linked.
      const pages = [
        [() => first.locator('.speakers a').click(), `Mallory ${IMG}`],
        [() => page.goBack().then(() => first.locator('cite a').click()), `Readout ${SCRIPT}`],
      ];
      for (const [go, heading] of pages) {
        await go();
        await page.getByRole('heading', { level: 1, name: heading }).waitFor({ timeout: 15000 });
        const after = await page.evaluate(() => ({
          elements: document.querySelectorAll('#app img, #app script, #app iframe, #app b, #app u, #app i').length,
          // The app's own charts (topics, statements per month) are the only SVG allowed.
          svgs: document.querySelectorAll('#app svg').length - document.querySelectorAll('#app .bar-chart svg, #app .timeline svg').length,
          scriptLinks: document.querySelectorAll('#app a[href^="javascript"]').length,
          pwned: window.__pwned === true,
        }));
        assert.deepEqual(after, { elements: 0, svgs: 0, scriptLinks: 0, pwned: false }, heading);
      }
      assert.equal(await page.locator('.source-url').textContent(), 'javascript:alert(7)');
      assert.deepEqual(seen.dialogs, [], 'no dialog fired');
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await page.close();
      await server.close();
    }
  });
});
