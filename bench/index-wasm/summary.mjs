// Where the index builds of run.mjs spent their time, from the profile `node --cpu-prof`
// wrote (V8's sampling profiler; wasm functions by their Rust names, from the name section).
//
//   node bench/index-wasm/summary.mjs PROFILE_DIR

import { readFileSync, readdirSync } from 'node:fs';

/** The share of the samples under the wasm export `index` that each function takes, itself and with what it calls. */
function profileSummary(dir, top = 25) {
  const file = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).sort().at(-1);
  const profile = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (id) => nodes.get(id).callFrame.functionName
    .replace(/^_ZN/, '').replace(/17h[0-9a-f]{16}E$/, '').replace(/\d+/g, ':');
  const own = new Map();
  const within = new Map();
  let total = 0;
  profile.samples.forEach((sample, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const chain = [];
    for (let id = sample; id !== undefined; id = parent.get(id)) chain.push(name(id));
    const root = chain.indexOf('index');
    if (root < 0) return;
    total += ms;
    own.set(chain[0], (own.get(chain[0]) ?? 0) + ms);
    for (const f of new Set(chain.slice(0, root))) within.set(f, (within.get(f) ?? 0) + ms);
  });
  const list = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top)
    .map(([f, ms]) => `  ${(100 * ms / total).toFixed(1).padStart(5)}%  ${f.slice(0, 120)}`).join('\n');
  return `samples under index: ${Math.round(total)} ms\nitself:\n${list(own)}\nwith what it calls:\n${list(within)}`;
}

console.log(profileSummary(process.argv[2]));
