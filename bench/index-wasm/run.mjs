// Builds the index of a corpus file in the wasm of bench/index-wasm (see index-wasm.sh): the
// corpus read once, then RUNS builds, each timed as index() less copy() (the index takes its
// own copy of the corpus). index-wasm.sh --profile runs it under `node --cpu-prof`, then
// summary.mjs.
//
//   node bench/index-wasm/run.mjs WASM CORPUS [RUNS]

import { readFileSync } from 'node:fs';

const [wasm, corpusFile, runs = '3'] = process.argv.slice(2);
const { instance } = await WebAssembly.instantiate(readFileSync(wasm), {});
const { alloc, read, copy, index, memory } = instance.exports;
const json = readFileSync(corpusFile);
const at = alloc(json.length);
new Uint8Array(memory.buffer, at, json.length).set(json);
let start = performance.now();
const statements = read(at, json.length);
console.log(`${statements} statements, read in ${Math.round(performance.now() - start)} ms`);
const timed = (f) => {
  start = performance.now();
  f();
  return performance.now() - start;
};
for (let run = 1; run <= Number(runs); run += 1) {
  const copying = timed(copy);
  const building = timed(index) - copying;
  console.log(`build ${run}: ${Math.round(building)} ms (the copy of the corpus it indexes: ${Math.round(copying)} ms)`);
}
