// Addresses from anyone: the project's own server (scripts/serve.sh → server.mjs) sends exactly
// the headers of the build's _headers, so the Content-Security-Policy holds and only /embed/
// can be framed; malformed percent-escapes get 400; ids with any characters (`../`, `%`, `#`,
// `?`, spaces) are linked, reloaded and shown; `/index.html` is the home page.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DIST, ROOT, builtCorpus, launchBrowser, serveDist, tempCorpus, watch } from './helpers.mjs';
import { headersForPath, parseHeaderRules, startServer } from './server.mjs';

let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Runs `bash scripts/serve.sh --no-build` on a free port until it says it is serving. */
async function serveSh() {
  const port = await freePort();
  const child = spawn('bash', ['scripts/serve.sh', '--no-build'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      if (output.includes('Serving ')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`serve.sh exited with ${code}: ${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGTERM');
    }),
  };
}

/**
 * Response headers that HTTP itself adds, not the build's rules (the server's choice of a
 * precompressed copy, Content-Encoding and Vary, is checked in compressed.test.mjs).
 */
const TRANSPORT = new Set(['content-type', 'content-length', 'content-encoding', 'vary', 'date', 'connection', 'keep-alive', 'transfer-encoding']);

function ruleHeaders(response) {
  const out = {};
  for (const [name, value] of response.headers) if (!TRANSPORT.has(name)) out[name] = value;
  return out;
}

test('serve.sh sends exactly the headers of _headers: the policy holds and only embeds can be framed', async () => {
  const rules = parseHeaderRules(await readFile(path.join(DIST, '_headers'), 'utf8'));
  const corpus = await builtCorpus();
  const statement = corpus.readouts[0].statements[0];
  const wasm = (await readdir(DIST)).find((f) => f.endsWith('.wasm'));
  const server = await serveSh();
  const hostDir = await mkdtemp(path.join(tmpdir(), 'readouts-host-'));
  const host = await startServer({ root: hostDir });
  try {
    const paths = ['/', '/index.html', `/s/${statement.id}`, '/r/x', '/p/x', '/embed', '/embed/', `/embed/s/${statement.id}`,
      '/embed/zzz', '/zzz', '/no/such/page', '/corpus.json', '/sw.js', '/embed-host.js', '/manifest.webmanifest', `/${wasm}`];
    for (const pathname of paths) {
      const response = await fetch(new URL(pathname.slice(1), server.url));
      const expected = Object.fromEntries(Object.entries(headersForPath(rules, pathname)).map(([k, v]) => [k.toLowerCase(), v]));
      assert.equal(response.status, 200, pathname);
      assert.deepEqual(ruleHeaders(response), expected, `${pathname}: exactly the headers of _headers`);
      const csp = response.headers.get('content-security-policy');
      const framing = pathname.startsWith('/embed/') || pathname === '/embed' ? 'frame-ancestors *' : "frame-ancestors 'none'";
      assert.ok(csp.endsWith(`; ${framing}`), `${pathname}: ${framing} in ${csp}`);
    }
    for (const pathname of ['/r/%E0%A4%A', '/s/%zz', '/%']) {
      const response = await fetch(`${server.url.slice(0, -1)}${pathname}`);
      assert.equal(response.status, 400, `${pathname}: a malformed escape is a bad request`);
    }

    // In a browser: the policy is enforced (an injected inline script is refused) and framing
    // is decided per path, through the project's own server.
    const context = await browser.newContext();
    const page = await context.newPage();
    const seen = watch(page);
    await page.goto(server.url);
    await page.locator('.summary').waitFor({ timeout: 15000 });
    const refusedInline = await page.evaluate(() => new Promise((resolve) => {
      document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true });
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true;';
      document.body.append(script);
    }));
    assert.match(refusedInline, /^script-src/);
    assert.equal(await page.evaluate(() => window.__injected), undefined, 'the inline script did not run');
    assert.deepEqual(seen.pageErrors, []);

    await writeFile(path.join(hostDir, 'host.html'), ['<!doctype html><title>host</title>',
      ...[['embed', `/embed/s/${statement.id}`], ['view', `/s/${statement.id}`], ['unknown', '/zzz'], ['index', '/index.html']]
        .map(([id, p]) => `<iframe id="${id}" src="${new URL(p.slice(1), server.url).href}"></iframe>`)].join('\n'));
    await page.goto(`http://localhost:${host.port}/host.html`);
    const frame = async (id) => (await page.waitForSelector(`iframe#${id}`)).contentFrame();
    await (await frame('embed')).locator('article.card').waitFor({ timeout: 15000 });
    for (const id of ['view', 'unknown', 'index']) {
      const refused = await frame(id);
      for (let i = 0; i < 100 && !refused.url().startsWith('chrome-error:'); i += 1) {
        await page.waitForEvent('framenavigated', { timeout: 100 }).catch(() => {});
      }
      assert.equal(refused.url(), 'chrome-error://chromewebdata/', `#${id} is not shown in another site's frame`);
    }
    await context.close();
  } finally {
    await server.close();
    await host.close();
    await rm(hostDir, { recursive: true, force: true });
  }
});

/** The built corpus with its first readout renamed to `id` (its statements to `<id>-s<n>`). */
async function corpusWithReadoutId(id) {
  const corpus = await builtCorpus();
  const readout = corpus.readouts[0];
  readout.id = id;
  readout.statements.forEach((s, i) => { s.id = `${id}-s${i + 1}`; });
  return { corpus: JSON.stringify(corpus), readout };
}

test('ids with any characters are linked, reloaded and shown; "show in source" is percent-encoded', async () => {
  const { corpus, readout } = await corpusWithReadoutId('../../etc/passwd 100% #1?');
  const file = await tempCorpus(corpus);
  const server = await serveDist({ corpusFile: file.file });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const seen = watch(page);
    await page.goto(server.url);
    const statement = readout.statements[0];
    const card = page.locator(`article.card[data-statement="${statement.id.replaceAll('"', '\\"')}"]`);
    await card.waitFor({ timeout: 15000 });
    const href = await card.locator('a.show-in-source').getAttribute('href');
    const [pathPart, fragment] = [href.slice(0, href.indexOf('#')), href.slice(href.indexOf('#') + 1)];
    assert.equal(pathPart, `/r/${encodeURIComponent(readout.id)}`);
    assert.equal(fragment, encodeURIComponent(statement.id).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
      'the fragment is percent-encoded as the path is');

    // Following it focuses the statement's mark in the readout; so does a reload of that URL.
    const focused = () => page.waitForFunction((id) => document.activeElement?.id === id, statement.id, { timeout: 10000 });
    await card.locator('a.show-in-source').click();
    await focused();
    const response = await page.reload();
    assert.equal(response.status(), 200, 'the reload is answered with the app');
    await page.locator('#readout-title').waitFor({ timeout: 15000 });
    await focused();
    // The permalink and the readout, opened directly.
    for (const route of [`s/${encodeURIComponent(statement.id)}`, `r/${encodeURIComponent(readout.id)}`]) {
      const direct = await page.goto(new URL(route, server.url).href);
      assert.equal(direct.status(), 200, route);
      await page.locator('h1').first().waitFor({ timeout: 15000 });
      assert.doesNotMatch(await page.locator('h1').first().textContent(), /not found|No (statement|readout)/i, route);
    }
    assert.deepEqual([...seen.consoleErrors, ...seen.pageErrors, ...seen.httpErrors], []);
  } finally {
    await context.close();
    await server.close();
    await file.cleanup();
  }
});

test('/index.html is the home page, with its query', async () => {
  const server = await serveDist();
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.goto(new URL('index.html?sort=oldest', server.url).href);
    await page.locator('.summary').waitFor({ timeout: 15000 });
    assert.equal(await page.getByRole('heading', { name: 'Page not found' }).count(), 0);
    assert.equal(new URL(page.url()).pathname + new URL(page.url()).search, '/?sort=oldest', 'the address is the home page');
    assert.equal(await page.locator('#sort-select').inputValue(), 'oldest', 'the query applies');
  } finally {
    await context.close();
    await server.close();
  }
});
