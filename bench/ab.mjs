// Two builds of the app compared on the same machine at the same time: the frames after a
// facet toggle and after search keystrokes, on a generated corpus of about 100,000 statements,
// the builds' pages opened in turn (A B, B A, A B, …) so that a change in the machine's load
// falls on both. What a noisy shared machine can still tell: the ratio of the two.
//
//   node bench/ab.mjs DIST_A DIST_B [ROUNDS]
//
// DIST_A and DIST_B are two `dist/` folders (`bash scripts/build.sh` in two worktrees, or a
// copy of `dist/` kept before a change). ROUNDS (default 3) pairs of page loads; each load
// makes 40 facet toggles and types four searches letter by letter, then ten words at once.
// BENCH_COUNT=… readouts (default 5000). Prints, for each build, the median and p95 of:
//   toggle: click → the frame after the page updated (requestAnimationFrame, then a task),
//           each click made once the page before it is drawn whole, as a reader clicks;
//   script: click → the end of the click's task and its microtasks (Yew's render included);
//   whole:  click → the frame after the page's last card is drawn (its cards' container no
//           longer `aria-busy`: a long page is drawn in steps);
//   key:    a letter typed → the next frame; jump: an empty box → a whole word, next frame.
// Not part of the test suite; nothing here asserts a time.

import { loadavg } from 'node:os';
import { launchBrowser } from '../tests/e2e/helpers.mjs';
import { startServer } from '../tests/e2e/server.mjs';
import { generatedCorpus } from '../tests/e2e/corpora.mjs';

const roots = process.argv.slice(2, 4);
if (roots.length !== 2) {
  console.error('usage: node bench/ab.mjs DIST_A DIST_B [ROUNDS]');
  process.exit(2);
}
const ROUNDS = Number(process.argv[4] ?? 3);
const TYPED = ['trade', 'cooperation in', '"unilateral sanctions"', 'energy'];
const WORDS = ['trade', 'cooperation', 'energy', 'climate', 'security', 'sanctions', 'a', 'respect', 'dialogue', 'border'];

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};

/** One input in the page: a click on the `index`-th `click` element, or `type` as the box's text. */
function act(page, action) {
  return page.evaluate(async ({ click, index, type }) => {
    const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const busy = () => document.querySelector('.cards[aria-busy]');
    while (click && busy()) await nextFrame();
    const start = performance.now();
    const frame = new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    // A message posted now runs after the input's task and its microtasks (the render).
    const script = new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now() - start);
      channel.port2.postMessage(0);
    });
    if (click) {
      document.querySelectorAll(click)[index].click();
    } else {
      const input = document.getElementById('search-input');
      input.value = type;
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    }
    const scriptTime = await script;
    await frame;
    const frameTime = performance.now() - start;
    while (busy()) await nextFrame();
    return { frame: frameTime, script: scriptTime, whole: performance.now() - start };
  }, action);
}

/** Opens `root`'s app on `corpusFile` and adds its figures to `into`. */
async function measure(browser, root, corpusFile, into) {
  const server = await startServer({ root, corpusFile });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (e) => console.error(`${root}: page error: ${e.message}`));
  try {
    await page.goto(server.url);
    await page.locator('article.card').first().waitFor({ timeout: 120000 });
    await page.waitForFunction(() => !document.querySelector('.cards[aria-busy]'));
    for (const key of ['speaker', 'country', 'topic', 'verb']) {
      for (let i = 0; i < 5; i++) {
        for (let again = 0; again < 2; again++) {
          const t = await act(page, { click: `#facet-${key} input[type=checkbox]`, index: i });
          into.toggle.push(t.frame);
          into.script.push(t.script);
          into.whole.push(t.whole);
        }
      }
    }
    for (const text of TYPED) {
      for (let n = 1; n <= text.length; n++) into.key.push((await act(page, { type: text.slice(0, n) })).frame);
      await act(page, { type: '' });
    }
    for (const word of WORDS) {
      await act(page, { type: '' });
      into.jump.push((await act(page, { type: word })).frame);
    }
  } finally {
    await page.close();
    await server.close();
  }
}

const corpusFile = await generatedCorpus(Number(process.env.BENCH_COUNT ?? 5000), 1);
const browser = await launchBrowser();
const figures = roots.map(() => ({ toggle: [], script: [], whole: [], key: [], jump: [] }));
try {
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 ? [1, 0] : [0, 1];
    for (const i of order) await measure(browser, roots[i], corpusFile, figures[i]);
  }
} finally {
  await browser.close();
}
const line = (name, values) => `${name} p50 ${quantile(values, 0.5).toFixed(1)} p95 ${quantile(values, 0.95).toFixed(1)}`;
roots.forEach((root, i) => {
  const f = figures[i];
  console.log(`${'AB'[i]} ${root}: ${line('toggle', f.toggle)} | ${line('script', f.script)} | ${line('whole', f.whole)} | ${line('key', f.key)} | ${line('jump', f.jump)} ms`);
});
const ratio = (name) => (quantile(figures[1][name], 0.5) / quantile(figures[0][name], 0.5)).toFixed(2);
console.log(`B / A (medians): toggle ${ratio('toggle')}, script ${ratio('script')}, whole ${ratio('whole')}, key ${ratio('key')}, jump ${ratio('jump')}; load average ${loadavg()[0].toFixed(1)}`);
