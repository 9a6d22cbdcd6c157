// Prints a markdown table of Lighthouse runs (the JSON reports bench/lighthouse.sh writes): one
// row per run and the median of each column, then the long tasks of the median-scoring run.
//
//   node bench/lighthouse-summary.mjs target/lighthouse/run-*.json

import { readFile } from 'node:fs/promises';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node bench/lighthouse-summary.mjs REPORT.json...');
  process.exit(2);
}

const ms = (audit) => Math.round(audit.numericValue);
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const runs = [];
for (const file of files) {
  const report = JSON.parse(await readFile(file, 'utf8'));
  const audits = report.audits;
  runs.push({
    file,
    score: Math.round(report.categories.performance.score * 100),
    fcp: ms(audits['first-contentful-paint']),
    lcp: ms(audits['largest-contentful-paint']),
    tbt: ms(audits['total-blocking-time']),
    cls: audits['cumulative-layout-shift'].numericValue,
    longTasks: (audits['long-tasks']?.details?.items ?? [])
      .map((task) => ({ url: task.url, ms: Math.round(task.duration), at: Math.round(task.startTime) })),
  });
}

const columns = [
  ['score', 'performance', (v) => String(v)],
  ['fcp', 'FCP ms', (v) => String(Math.round(v))],
  ['lcp', 'LCP ms', (v) => String(Math.round(v))],
  ['tbt', 'TBT ms', (v) => String(Math.round(v))],
  ['cls', 'CLS', (v) => v.toFixed(3)],
];
const row = (label, cells) => `| ${label} | ${cells.join(' | ')} |`;
console.log(row('run', columns.map(([, title]) => title)));
console.log(row('---', columns.map(() => '---:')));
runs.forEach((run, i) => console.log(row(String(i + 1), columns.map(([key, , show]) => show(run[key])))));
console.log(row('**median**', columns.map(([key, , show]) => `**${show(median(runs.map((r) => r[key])))}**`)));

const middle = [...runs].sort((a, b) => a.score - b.score)[Math.floor((runs.length - 1) / 2)];
console.log(`\nLong tasks of a median run (simulated phone, ${middle.file}):`);
for (const task of middle.longTasks) console.log(`- ${task.ms} ms at ${task.at} ms: ${task.url}`);
