// The heap the app's wasm needs to load a corpus file as the app does (read in network-sized
// chunks into one reused buffer, each readout added to the index as it is read, then the index
// finished): the live bytes and the highest mark, counted by bench/index-wasm's allocator, and
// the linear memory it grew to (which never shrinks: the browser holds all of it).
//
//   node bench/index-wasm/memory.mjs WASM CORPUS          (after index-wasm.sh has built WASM)
//
// READ_ONLY=1: the readouts are not added to the index as they are read (the "read" figure is
// then the corpus alone; the index is built whole at the end); STEPS=1: the live bytes after
// each step of the finishing, and how far the peak rose in it.

import { readFileSync } from 'node:fs';

const [wasm, corpusFile] = process.argv.slice(2);
const { instance } = await WebAssembly.instantiate(readFileSync(wasm), {});
const { chunk, push, begin, step, load, live, peak, memory, read_only: readOnly } = instance.exports;
if (process.env.READ_ONLY) readOnly();
const json = readFileSync(corpusFile);
const CHUNK = 65536;
const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
for (let at = 0; at < json.length; at += CHUNK) {
  const bytes = json.subarray(at, at + CHUNK);
  const ptr = chunk(bytes.length);
  new Uint8Array(memory.buffer, ptr, bytes.length).set(bytes);
  if (!push()) throw new Error(`not a corpus (at byte ${at})`);
}
const read = [live(), peak()];
if (!begin()) throw new Error('not a corpus');
const steps = [];
for (let done = 0; !done;) {
  const before = peak();
  done = step();
  steps.push([live(), peak() - before]);
}
const statements = load();
console.log(`${statements} statements: read ${mib(read[0])} live (peak ${mib(read[1])}); loaded and indexed ${mib(live())} live (peak ${mib(peak())}); linear memory ${mib(memory.buffer.byteLength)}`);
if (process.env.STEPS) steps.forEach(([l, rise], i) => console.log(`  step ${i}: ${mib(l)} live${rise ? `, peak +${mib(rise)}` : ''}`));
