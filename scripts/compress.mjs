// Precompressed copies of a build's big downloads, for servers that pick a copy by the
// request's Accept-Encoding instead of compressing every response again (tests/e2e/server.mjs,
// nginx's gzip_static and brotli_static, Caddy's `file_server { precompressed }`, GitLab
// Pages): FILE.br (brotli) and FILE.gz (gzip -9) next to corpus.json and every hashed .js,
// .wasm and .css file of the build. A copy is written only when it is smaller than its file.
//
// The copies are transfer encodings of their files, never files of the app: the service worker
// does not list them (scripts/gen-sw.mjs), and a browser that is sent one decodes it, so what
// the page and the worker see is the plain file, byte for byte.
//
// Stale copies: every run first removes the copies it finds in the folder (those of files it
// compresses again, and those of files that are gone), then writes new ones after their files,
// so a copy is never older than its file; the server also refuses a copy older than its file
// (someone edited the file after the build).
//
// Trunk runs it through scripts/gen-sw.mjs (the post-build hook) on release builds, after the
// scripts are compacted. By hand:
//
//   node scripts/compress.mjs [DIR]   DIR: the build folder (default dist)
//
// Brotli: quality 11 (the densest, slowest) for files up to BROTLI_MAX_QUALITY_BYTES, quality
// 9 for larger ones: a 45 MB corpus takes minutes at 11 and seconds at 9, for a copy a few
// percent larger (README, Performance).

import { readFileSync } from 'node:fs';
import { readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Each encoding the build writes a copy for: its Content-Encoding token and file suffix. */
export const ENCODINGS = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
];

/** Files larger than this get brotli quality 9 instead of 11 (see the head of this file). */
export const BROTLI_MAX_QUALITY_BYTES = 8 * 1024 * 1024;

/**
 * Trunk's content-hashed names (`app-0123456789abcdef.css`, `…_bg.wasm`) of scripts, wasm and
 * styles. Trunk writes the hash in hex without leading zeros: 16 digits, but one build in 16 has
 * 15 (and fewer, more rarely), so the pattern takes 12 to 16.
 */
const HASHED_ASSET = /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css)$/;

/** The app's index.html, whose `data-type="worker"` Rust links name the lazily loaded apps. */
const INDEX_HTML = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'index.html');

/**
 * The binaries that Trunk builds from `data-type="worker"` Rust links of `html` (the parse
 * worker, the lazily loaded apps such as the import page's: see src/lazy.rs): Trunk writes
 * their files without a hash, and they are downloaded (and precached) like the hashed ones.
 * index.html is the one list of them.
 */
export function lazyApps(html) {
  const links = html.replace(/<!--[\s\S]*?-->/g, '').match(/<link\b[^>]*>/g) ?? [];
  return links
    .filter((link) => /\bdata-type="worker"/.test(link) && /\brel="rust"/.test(link))
    .map((link) => link.match(/\bdata-bin="([^"]+)"/)?.[1])
    .filter(Boolean);
}

/** The files (`NAME.js`, `NAME_bg.wasm`) of every app of index.html's worker links. */
const WORKER_ASSET = (() => {
  const names = lazyApps(readFileSync(INDEX_HTML, 'utf8')).map((n) => n.replace(/[^\w-]/g, '\\$&'));
  return new RegExp(`^(${names.join('|')})(_bg\\.wasm|\\.js)$`);
})();

/** Whether the build file `name` (relative to the build folder) gets compressed copies. */
export function isCompressible(name) {
  return name === 'corpus.json'
    || (!name.includes('/') && (HASHED_ASSET.test(name) || WORKER_ASSET.test(name)));
}

/** The file that `name` is a compressed copy of (`corpus.json` for `corpus.json.br`), or null. */
export function sourceOf(name) {
  const found = ENCODINGS.find(({ suffix }) => name.endsWith(suffix));
  return found ? name.slice(0, -found.suffix.length) : null;
}

/** `data` compressed as `encoding`, as densely as its size allows. */
export function compress(data, encoding, name = '') {
  if (encoding === 'gzip') return gzip(data, { level: 9 });
  const { constants } = zlib;
  return brotli(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: data.length > BROTLI_MAX_QUALITY_BYTES ? 9 : constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: name.endsWith('.wasm') ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
}

/**
 * Writes the compressed copies of the compressible files at the top of `dir` (after removing
 * every copy found there); returns, for each compressed file, its size and each copy's
 * ({ file, plain, br, gzip }: bytes; null for a copy not written because it was not smaller).
 */
export async function compressBuild(dir) {
  const names = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
  const present = new Set(names);
  for (const name of names) {
    const source = sourceOf(name);
    if (source !== null && (isCompressible(source) || !present.has(source))) await rm(path.join(dir, name), { force: true });
  }
  const results = [];
  for (const name of names.filter(isCompressible).sort()) {
    const data = await readFile(path.join(dir, name));
    const result = { file: name, plain: data.length };
    const copies = await Promise.all(ENCODINGS.map(({ encoding }) => compress(data, encoding, name)));
    for (const [i, { encoding, suffix }] of ENCODINGS.entries()) {
      const copy = copies[i];
      result[encoding] = copy.length < data.length ? copy.length : null;
      if (result[encoding] !== null) await writeFile(path.join(dir, name + suffix), copy);
    }
    results.push(result);
  }
  return results;
}

/** One line per file: its plain, gzip and brotli sizes. */
export function describe(results) {
  const size = (n) => (n === null ? 'not smaller' : `${n} B`);
  return results.map((r) => `compress: ${r.file}: ${r.plain} B plain, ${size(r.gzip)} gzip, ${size(r.br)} brotli`).join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? 'dist';
  try {
    if (!(await stat(dir)).isDirectory()) throw new Error(`compress: ${dir} is not a folder`);
    console.log(describe(await compressBuild(dir)));
  } catch (err) {
    console.error(err.code === 'ENOENT' ? `compress: ${dir} does not exist` : err.message);
    process.exit(1);
  }
}
