// Downloads (issue 12, export): the statement browser's "Download CSV" and "Download JSON" hold
// every statement of the view (all its pages, in its order, a participant page's scope
// included), read back by an RFC 4180 parser written here; a readout's "Download JSON" is a
// corpus that `readouts check` accepts and that holds the readout as served; hostile text
// (quotes, commas, line breaks, formulas, non-ASCII) comes back exactly; the object URL is
// revoked; embeds offer no download.
//
// The corpus: a generated one (several pages of statements) merged by `readouts merge` with
// the core's fictional export fixture (crates/core/tests/export/corpus.json), whose texts are
// the hostile ones.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchBrowser, ROOT, serveDist, watch } from './helpers.mjs';
import { generatedCorpus } from './corpora.mjs';

const COLUMNS = ['statement_id', 'readout', 'date', 'speakers', 'verb', 'text', 'topics', 'publisher', 'source_url', 'permalink'];
const HOSTILE = '2031-03-04-norvalia-ostrevia-talks';

let browser;
let server;
let dir;
/** The corpus as served. */
let corpus;

/** Runs the CLI (built by the release build's pre-build hook) and returns its stdout. */
function cli(args) {
  return execFileSync('cargo', ['run', '--quiet', '--release', '--locked', '-p', 'readouts-cli', '--', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'readouts-export-'));
  const file = path.join(dir, 'corpus.json');
  cli(['merge', await generatedCorpus(8, 5), path.join(ROOT, 'crates/core/tests/export/corpus.json'), '-o', file]);
  corpus = JSON.parse(await readFile(file, 'utf8'));
  browser = await launchBrowser();
  server = await serveDist({ corpusFile: file });
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/**
 * RFC 4180: fields separated by commas, records by CRLF; a quoted field may hold commas, CR,
 * LF and doubled quotes. Strict: a quote inside an unquoted field, text after a closing quote
 * or an unclosed quote is an error. Returns the records (arrays of strings).
 */
function parseCsv(text) {
  const records = [];
  let record = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    let field = '';
    if (text[i] === '"') {
      i += 1;
      for (;;) {
        if (i >= n) throw new Error('an unclosed quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i += 1;
            break;
          }
        } else {
          field += text[i];
          i += 1;
        }
      }
    } else {
      while (i < n && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`a quote inside an unquoted field at ${i}`);
        field += text[i];
        i += 1;
      }
    }
    record.push(field);
    if (text[i] === ',') {
      i += 1;
    } else if (text.startsWith('\r\n', i)) {
      i += 2;
      records.push(record);
      record = [];
    } else {
      throw new Error(`expected a comma or CRLF at ${i}, found ${JSON.stringify(text.slice(i, i + 10))}`);
    }
  }
  if (record.length > 0) throw new Error('the last record has no CRLF');
  return records;
}

/** The CSV's records as objects keyed by the header, the documented formula guard undone. */
function csvRecords(text) {
  assert.ok(text.startsWith('\uFEFF'), 'a byte order mark');
  const [header, ...rows] = parseCsv(text.slice(1));
  assert.deepEqual(header, COLUMNS);
  return rows.map((row) => {
    assert.equal(row.length, COLUMNS.length);
    return Object.fromEntries(row.map((field, k) => {
      assert.ok(!/^[=+\-@\t\r]/.test(field), `an unguarded formula: ${JSON.stringify(field)}`);
      return [COLUMNS[k], field.startsWith("'") ? field.slice(1) : field];
    }));
  });
}

/** Every statement of the corpus with its readout, in corpus order. */
function statements() {
  return corpus.readouts.flatMap((readout) => readout.statements.map((statement) => ({ readout, statement })));
}

/** What a statement's CSV row must hold, from the corpus as served. */
function expectedRow({ readout, statement }, base) {
  const name = (id) => readout.participants.find((p) => p.id === id)?.name ?? id;
  return {
    statement_id: statement.id,
    readout: readout.id,
    date: readout.event.date ?? readout.published ?? '',
    speakers: statement.speakers.map(name).join('; '),
    verb: statement.verb,
    text: statement.text,
    topics: statement.topics.join('; '),
    publisher: readout.source.publisher ?? '',
    source_url: readout.source.url ?? '',
    permalink: `${base}s/${encodeURIComponent(statement.id)}`,
  };
}

/** Opens `url` and waits for its page to show (`ready`, a selector). */
async function open(url, ready) {
  const page = await browser.newPage();
  const seen = watch(page);
  // Record revoked object URLs, to see each download's URL revoked.
  await page.addInitScript(() => {
    window.__revoked = [];
    const revoke = URL.revokeObjectURL.bind(URL);
    URL.revokeObjectURL = (url) => {
      window.__revoked.push(url);
      revoke(url);
    };
  });
  await page.goto(server.url + url.replace(/^\//, ''));
  await page.locator(ready).first().waitFor({ timeout: 30000 });
  return { page, seen };
}

/** Clicks the button named `name` and returns the download's file name and text. */
async function download(page, name) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name, exact: true }).click(),
  ]);
  const text = await readFile(await file.path(), 'utf8');
  // The object URL is revoked once the browser has the file.
  await page.waitForFunction((url) => window.__revoked.includes(url), file.url(), { timeout: 30000 });
  assert.ok(file.url().startsWith('blob:'), file.url());
  return { name: file.suggestedFilename(), text };
}

function noErrors(seen) {
  assert.deepEqual([...seen.consoleErrors, ...seen.pageErrors, ...seen.failedRequests, ...seen.httpErrors, ...seen.dialogs], []);
}

/** The ids of the cards on the page, in order. */
function cardIds(page) {
  return page.locator('article.card a.permalink').evaluateAll((links) => links.map((a) => decodeURIComponent(a.getAttribute('href').replace(/^\/s\//, ''))));
}

test('CSV and JSON hold every statement of the view, over all its pages, in its order', async () => {
  const all = statements();
  // A view of several pages: a search word in many statements, oldest first.
  const word = 'the';
  const { page, seen } = await open(`/?q=${word}&sort=oldest`, 'article.card');
  const count = (await page.locator('.result-count').textContent()).trim();
  const total = Number(count.split(' ')[0].replace(/,/g, ''));
  assert.ok(total > 50 && total < all.length, count);
  const { name, text } = await download(page, 'Download CSV');
  assert.equal(name, 'readouts-statements.csv');
  const rows = csvRecords(text);
  assert.equal(rows.length, total, 'exactly the view\'s count');
  // The first page is the cards, in order; every row is the statement as served.
  assert.deepEqual(rows.slice(0, 50).map((r) => r.statement_id), await cardIds(page));
  const byId = new Map(all.map((s) => [s.statement.id, s]));
  const base = server.url;
  for (const row of rows) {
    const statement = byId.get(row.statement_id);
    assert.ok(statement, row.statement_id);
    assert.deepEqual(row, expectedRow(statement, base));
  }
  assert.equal(new Set(rows.map((r) => r.statement_id)).size, total);
  // Oldest first: dates never go back (undated last).
  const dates = rows.map((r) => r.date || '9999');
  assert.deepEqual(dates, [...dates].sort());

  const json = await download(page, 'Download JSON');
  assert.equal(json.name, 'readouts-statements.json');
  const records = JSON.parse(json.text);
  assert.deepEqual(records.map((r) => r.statement_id), rows.map((r) => r.statement_id));
  for (const record of records) {
    const flat = { ...record, speakers: record.speakers.join('; '), topics: record.topics.join('; ') };
    for (const key of ['date', 'publisher', 'source_url']) flat[key] ??= '';
    assert.deepEqual(flat, expectedRow(byId.get(record.statement_id), base));
  }
  noErrors(seen);
  await page.close();
});

test('a filtered view in corpus order is exactly the statements the filter selects', async () => {
  const { readout, statement } = statements().find(({ readout }) => readout.id !== HOSTILE);
  const speaker = statement.speakers[0];
  const expected = statements()
    .filter(({ statement: s }) => s.speakers.includes(speaker))
    .map(({ statement: s }) => s.id);
  const { page, seen } = await open(`/?speaker=${encodeURIComponent(speaker)}&sort=readout`, 'article.card');
  const rows = csvRecords((await download(page, 'Download CSV')).text);
  assert.deepEqual(rows.map((r) => r.statement_id), expected, `speaker ${speaker} of ${readout.id}`);
  await page.close();
  // A participant's page: their statements, the page's scope included.
  const person = await open(`/p/${encodeURIComponent(speaker)}?sort=readout`, 'article.card');
  const theirs = csvRecords((await download(person.page, 'Download CSV')).text);
  assert.deepEqual(theirs.map((r) => r.statement_id), expected);
  noErrors(seen);
  noErrors(person.seen);
  await person.page.close();
});

test('hostile text survives the CSV, the JSON and a readout\'s JSON, which readouts check accepts', async () => {
  const hostile = corpus.readouts.find((r) => r.id === HOSTILE);
  assert.ok(hostile, 'the fixture readout is served');
  const { page, seen } = await open(`/?readout=${HOSTILE}&sort=readout`, 'article.card');
  const rows = csvRecords((await download(page, 'Download CSV')).text);
  assert.deepEqual(rows, hostile.statements.map((statement) => expectedRow({ readout: hostile, statement }, server.url)));
  // The texts that need quoting, doubled quotes, a line break and a formula guard are there.
  const texts = rows.map((r) => r.text);
  assert.ok(texts.some((t) => t.startsWith('=SUM(')), texts);
  assert.ok(texts.some((t) => t.includes('\n') && t.includes('"')), texts);
  assert.ok(texts.some((t) => t.includes('Søren–Ålborg')), texts);
  const records = JSON.parse((await download(page, 'Download JSON')).text);
  assert.deepEqual(records.map((r) => r.text), hostile.statements.map((s) => s.text));
  await page.close();

  const readoutPage = await open(`/r/${HOSTILE}`, 'main h1#readout-title');
  const file = await download(readoutPage.page, 'Download JSON');
  assert.equal(file.name, `readout-${HOSTILE}.json`);
  assert.deepEqual(JSON.parse(file.text), { schema_version: 1, readouts: [hostile] });
  const saved = path.join(dir, file.name);
  await writeFile(saved, file.text);
  assert.match(cli(['check', saved]), /: ok \(1 readout, 5 statements\)/);
  noErrors(seen);
  noErrors(readoutPage.seen);
  await readoutPage.page.close();
});

test('a view that finds nothing offers no download, and embeds offer none', async () => {
  const { page, seen } = await open('/?q=zzzqqqxxx', '.results');
  for (const name of ['Download CSV', 'Download JSON']) {
    assert.equal(await page.getByRole('button', { name, exact: true }).isDisabled(), true);
  }
  await page.close();
  for (const url of ['/embed/?sort=readout', `/embed/r/${HOSTILE}`]) {
    const embed = await open(url, url.includes('/r/') ? 'main h1#readout-title' : 'article.card');
    assert.equal(await embed.page.getByRole('button', { name: /^Download/ }).count(), 0, url);
    noErrors(embed.seen);
    await embed.page.close();
  }
  noErrors(seen);
});
