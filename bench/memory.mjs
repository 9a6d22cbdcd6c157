// Renderer memory for the benchmarks: how much a page's renderer process grew, read from Linux's
// /proc (resident set size) for the renderer processes Chromium reports over the DevTools
// protocol. A page's renderer is one that did not exist before the page was opened; the growth
// is measured from a blank page of the same origin (so the same process) to the loaded one,
// after a garbage collection, and is the largest among the page's new renderers (Chromium keeps
// a spare one or two).

import { readFile } from 'node:fs/promises';

async function renderers(browser) {
  const session = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = await session.send('SystemInfo.getProcessInfo');
    return processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
  } finally {
    await session.detach();
  }
}

async function residentMiB(pid) {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    return Number(status.match(/^VmRSS:\s+(\d+) kB/m)[1]) / 1024;
  } catch {
    return null;
  }
}

async function collectGarbage(page) {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('HeapProfiler.collectGarbage');
  } finally {
    await session.detach();
  }
}

/**
 * Opens a page and returns it with `baseline()` (call on the blank same-origin page) and
 * `growth()` (call once loaded): the renderer's growth in MiB, or null where /proc is not
 * readable (not Linux).
 */
export async function measuredPage(browser, options) {
  const before = new Set(await renderers(browser));
  const page = await browser.newPage(options);
  let start = new Map();
  const sample = async () => {
    const pids = (await renderers(browser)).filter((pid) => !before.has(pid));
    const sizes = await Promise.all(pids.map(async (pid) => [pid, await residentMiB(pid)]));
    return new Map(sizes.filter(([, size]) => size !== null));
  };
  return {
    page,
    async baseline() {
      await collectGarbage(page);
      start = await sample();
    },
    async growth() {
      await collectGarbage(page);
      const now = await sample();
      if (now.size === 0 || start.size === 0) return null;
      // A navigation may have moved the page to a renderer started since the baseline: that
      // one grew from nothing, counted from the smallest renderer of the baseline.
      const floor = Math.min(...start.values());
      return Math.max(...[...now].map(([pid, size]) => size - (start.get(pid) ?? floor)));
    },
  };
}
