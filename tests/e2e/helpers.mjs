// Shared set-up for the browser tests: Debian's Chromium through playwright-core, the release
// build served by server.mjs, and a watcher that records everything that should not happen.

import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './server.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = path.join(ROOT, 'dist');

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Chromium flags for this machine: root, no GPU, no network of its own. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Headless Chromium with a fresh default temporary profile. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** Serves the release build; `options` as in server.mjs (corpusFile, corpusStatus). */
export function serveDist(options = {}) {
  return startServer({ root: DIST, ...options });
}

/** The corpus the build bundled. */
export async function builtCorpus() {
  return JSON.parse(await readFile(path.join(DIST, 'corpus.json'), 'utf8'));
}

/** Writes `text` as a corpus file in a fresh temporary folder; returns its path and a cleanup. */
export async function tempCorpus(text) {
  const dir = await mkdtemp(path.join(tmpdir(), 'readouts-e2e-'));
  const file = path.join(dir, 'corpus.json');
  await writeFile(file, text);
  return { file, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * Records console errors, uncaught page errors, failed requests, HTTP errors and dialogs.
 * Dialogs are dismissed so that a test never hangs on one. An image the browser stopped
 * loading (`net::ERR_ABORTED`: the favicon, when a test moves the page on before it arrived)
 * is no failure of the app; a missing or broken one still is (an HTTP error or another failure).
 */
export function watch(page) {
  const seen = { consoleErrors: [], pageErrors: [], failedRequests: [], httpErrors: [], dialogs: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') seen.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => seen.pageErrors.push(String(err)));
  page.on('requestfailed', (req) => {
    const why = req.failure()?.errorText;
    if (why === 'net::ERR_ABORTED' && isImage(req)) return;
    seen.failedRequests.push(`${req.url()} ${why}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) seen.httpErrors.push(`${res.status()} ${res.url()}`);
  });
  page.on('dialog', (dialog) => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  return seen;
}

/** Whether `req` loads an image: an `<img>`'s, or the page's icon, which Chromium requests
 * with the resource type "other". */
function isImage(req) {
  const type = req.resourceType();
  return type === 'image' || (type === 'other' && /\.(svg|png|ico)$/.test(new URL(req.url()).pathname));
}

/**
 * Records when the first statement card enters the DOM and when the frame after it is
 * painted, as Performance API timestamps (ms since navigation start).
 */
export async function recordFirstCard(page) {
  await page.addInitScript(() => {
    const mark = () => {
      if (window.__firstCard !== undefined || !document.querySelector('article.card')) return false;
      window.__firstCard = performance.now();
      requestAnimationFrame(() => {
        window.__firstCardFrame = performance.now();
      });
      return true;
    };
    new MutationObserver((_, observer) => {
      if (mark()) observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
}

/**
 * Resolves once `target` (a page or a frame) has painted two more frames: whatever the events
 * before this call made the page do has been rendered. A condition to wait on instead of a fixed
 * sleep before asserting that something did *not* happen.
 */
export function afterPaint(target) {
  return target.evaluate(() => new Promise((resolve) => {
    requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
  }));
}

/** Resolves once the page's scroll position has stayed the same for three frames in a row. */
export function scrollSettled(page) {
  return page.evaluate(() => new Promise((resolve) => {
    let last = scrollY;
    let still = 0;
    const tick = () => {
      still = scrollY === last ? still + 1 : 0;
      last = scrollY;
      if (still >= 3) resolve();
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }));
}

/**
 * Opens the app served with `options` (see server.mjs) in `browser`, waits for its error panel
 * and checks that it stands alone (no cards) and that the app did not crash: the panel's
 * heading and text.
 */
export async function errorShown(browser, options) {
  const server = await serveDist(options);
  const page = await browser.newPage();
  const seen = watch(page);
  try {
    await page.goto(server.url);
    const alert = page.locator('main [role="alert"]');
    await alert.waitFor({ timeout: 15000 });
    assert.equal(await page.locator('article.card').count(), 0, 'no cards next to the error');
    assert.deepEqual(seen.pageErrors, [], 'the app itself does not crash');
    return {
      title: await alert.locator('h1').textContent(),
      text: await alert.textContent(),
    };
  } finally {
    await page.close();
    await server.close();
  }
}
