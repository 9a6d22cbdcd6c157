// Generates the service worker from a finished build: shortens the names between the wasm and
// its glue (scripts/wasm-names.mjs), compacts the scripts index.html loads
// (compactScript: line indentation, empty lines, whole-line comments; integrity hashes
// updated), lists every file of the build folder
// (not sw.js or _headers), hashes each (sha256, as subresource-integrity strings), derives the
// build version from the sorted names and hashes, and writes sw.js from scripts/sw-template.js.
// It also writes _headers (Netlify / Cloudflare Pages syntax) with the caching headers and a
// Content-Security-Policy holding the hash of Trunk's inline module script, with
// frame-ancestors 'none' for every path but the /embed/ views, which get frame-ancestors *.
// Release builds also get precompressed copies (FILE.br, FILE.gz) of the corpus and the hashed
// scripts, wasm and styles (scripts/compress.mjs), written after the scripts are compacted;
// the worker never lists them (they are encodings of its files, decoded by the browser).
//
// Trunk runs it as a post-build hook (Trunk.toml) on the staging folder, so dist/ never holds a
// build without its worker. By hand:
//
//   node scripts/gen-sw.mjs [DIR]   DIR: the build folder (default $TRUNK_STAGING_DIR, else dist)
//
// Debug builds (TRUNK_PROFILE=debug, as in `trunk serve`) get a worker that caches nothing and
// removes the caches of earlier workers, so development always sees the latest files.
// As a module: `generate(dir, { profile, publicUrl })` returns { version, files, bytes, csp,
// profile, compressed } (compressed: compressBuild's sizes; empty for debug builds).

import { createHash } from 'node:crypto';
import { readFile, readdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compressBuild, describe, sourceOf } from './compress.mjs';
import { minifyWasmNames } from './wasm-names.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const TEMPLATE = path.join(HERE, 'sw-template.js');
// Written here, never listed: the worker itself and the host's header rules.
const EXCLUDED = new Set(['sw.js', '_headers']);

const DEBUG_WORKER = `// readouts service worker for debug builds (scripts/gen-sw.mjs): caches nothing, replaces
// any earlier worker at once and deletes the caches it left, so \`trunk serve\` shows every change.
'use strict';
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const prefix = \`readouts \${self.registration.scope} \`;
    for (const key of await caches.keys()) if (key.startsWith(prefix)) await caches.delete(key);
    await self.clients.claim();
  })());
});
`;

async function listFiles(dir, prefix = '') {
  const out = [];
  for (const entry of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.name.startsWith('.')) continue;
    if (entry.isDirectory()) out.push(...await listFiles(dir, rel));
    else if (entry.isFile() && !(prefix === '' && EXCLUDED.has(entry.name))) out.push(rel);
  }
  return out;
}

function sha256(data, encoding) {
  return createHash('sha256').update(data).digest(encoding);
}

// Writes through a temporary file, so a reader never sees half a file.
async function writeAtomic(file, text) {
  const tmp = `${file}.tmp-${process.pid}`;
  await writeFile(tmp, text);
  await rename(tmp, file);
}

/**
 * Every path that `index.html` loads from its own build (src and href attributes that resolve
 * below `publicUrl`), relative to the build folder; and every inline script's text.
 */
function htmlReferences(html, publicUrl) {
  const base = new URL(publicUrl, 'https://build.invalid/');
  const refs = [];
  for (const match of html.matchAll(/<(?:script|link)\b[^>]*?\s(?:src|href)="([^"]*)"/g)) {
    const url = new URL(match[1].replaceAll('&amp;', '&'), base);
    if (url.origin === base.origin && url.pathname.startsWith(base.pathname)) {
      refs.push(decodeURIComponent(url.pathname.slice(base.pathname.length)));
    }
  }
  const inlineScripts = [...html.matchAll(/<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  return { refs, inlineScripts };
}

/** The Content-Security-Policy for this build: everything from the app's own origin. */
export function contentSecurityPolicy(inlineScripts) {
  const hashes = inlineScripts.map((text) => `'sha256-${sha256(text, 'base64')}'`);
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** The app's routes (src/route.rs) below the public URL: the full views and the embeds. */
const VIEW_ROUTES = ['', 'index.html', 's/*', 'p/*', 'r/*', 'import', 'compare/*'];
const EMBED_ROUTES = ['embed', 'embed/*'];

/**
 * The policy with who may frame the page: `frame-ancestors 'none'` for everything but the
 * /embed/ views (no other site may frame the app: clickjacking), `frame-ancestors *` for them.
 */
export function framingPolicy(csp, embed) {
  return `${csp}; frame-ancestors ${embed ? '*' : "'none'"}`;
}

/**
 * The rules, in order. Every path (unknown ones too: the SPA fallback serves them the app)
 * gets the policy with `frame-ancestors 'none'` from the `/*` rule; the embeds' rules come
 * after it and replace it with `frame-ancestors *`, the same way on both hosts: Netlify serves
 * the last matching rule's value of a header (and skips the `! Name` line, which has no
 * colon); Cloudflare Pages joins the values of every matching rule, so the embeds' rules first
 * detach the inherited policy (`! Content-Security-Policy`), then set their own.
 */
function headersFile({ publicUrl, files, csp }) {
  const at = (file) => `${publicUrl}${file}`;
  const rule = (pattern, headers) => [pattern, ...headers.map((h) => `  ${h}`)].join('\n');
  const hashed = files.filter((file) => /-[0-9a-f]{12,16}(_bg)?\.[a-z0-9]+$/.test(file));
  const revalidate = files.filter((file) => !hashed.includes(file) && !VIEW_ROUTES.includes(file)).concat(['sw.js']);
  return [
    '# Written by scripts/gen-sw.mjs for this build (Netlify / Cloudflare Pages syntax).',
    '# FILE.br and FILE.gz are precompressed copies of corpus.json and the hashed files: a server',
    '# that can should send one by Accept-Encoding, with Content-Encoding and Vary: Accept-Encoding',
    '# (nginx: gzip_static, brotli_static). Netlify and Cloudflare Pages compress on their own. README: Static hosting.',
    rule(`${publicUrl}*`, [
      `Content-Security-Policy: ${framingPolicy(csp, false)}`,
      'X-Content-Type-Options: nosniff',
      'Referrer-Policy: strict-origin-when-cross-origin',
    ]),
    ...VIEW_ROUTES.map((route) => rule(at(route), ['Cache-Control: no-cache'])),
    ...EMBED_ROUTES.map((route) => rule(at(route), [
      'Cache-Control: no-cache',
      '! Content-Security-Policy',
      `Content-Security-Policy: ${framingPolicy(csp, true)}`,
    ])),
    ...revalidate.sort().map((file) => rule(at(file), ['Cache-Control: no-cache'])),
    ...hashed.sort().map((file) => rule(at(file), ['Cache-Control: public, max-age=31536000, immutable'])),
    '',
  ].join('\n');
}

/**
 * `text` (a script) without the white space that starts its lines, its empty lines and its
 * comments that fill whole lines: the same program in fewer bytes. Only lines are touched, so
 * it is safe for scripts without multi-line strings or template literals (wasm-bindgen's glue
 * and static/*.js have none), and doing it twice changes nothing.
 */
export function compactScript(text) {
  const out = [];
  let inComment = false;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (inComment) {
      inComment = !line.endsWith('*/');
      continue;
    }
    if (line === '' || line.startsWith('//')) continue;
    if (line.startsWith('/*') && !line.slice(2).includes('*/')) {
      inComment = true;
      continue;
    }
    if (line.startsWith('/*') && line.endsWith('*/') && line.indexOf('*/') === line.length - 2) continue;
    out.push(line);
  }
  return `${out.join('\n')}\n`;
}

/**
 * Compacts (compactScript) every script file that `html` loads from the build and puts each
 * one's new subresource-integrity hash in its tag; returns the new html. Every reader downloads
 * these bytes first (scripts/test.sh checks the first-load budget).
 */
async function compactScripts(dir, html, publicUrl) {
  const { refs } = htmlReferences(html, publicUrl);
  for (const ref of refs.filter((r) => r.endsWith('.js'))) {
    const file = path.join(dir, ref);
    const text = await readFile(file, 'utf8');
    const compact = compactScript(text);
    if (compact === text) continue;
    await writeAtomic(file, compact);
    const integrity = `sha384-${createHash('sha384').update(compact).digest('base64')}`;
    html = html.replace(/<(script|link)\b[^>]*>/g, (tag) => (tag.includes(`${ref}"`)
      ? tag.replace(/integrity="sha384-[^"]*"/, `integrity="${integrity}"`)
      : tag));
  }
  return html;
}

/** Writes `dir`/sw.js and `dir`/_headers for the build in `dir`. */
export async function generate(dir, { profile = 'release', publicUrl } = {}) {
  let html = await readFile(path.join(dir, 'index.html'), 'utf8').catch(() => {
    throw new Error(`gen-sw: ${path.join(dir, 'index.html')} is missing: run it on a finished build`);
  });
  publicUrl ??= html.match(/<base\s+href="([^"]*)"/)?.[1] ?? '/';
  if (!publicUrl.endsWith('/')) publicUrl += '/';
  let compressed = [];
  if (profile === 'release') {
    const original = html;
    html = await compactScripts(dir, await minifyWasmNames(dir, html), publicUrl);
    if (html !== original) await writeAtomic(path.join(dir, 'index.html'), html);
    compressed = await compressBuild(dir);
  }

  const listed = await listFiles(dir);
  // A compressed copy next to its file is a transfer encoding of it, not a file of the app.
  const names = listed.filter((name) => !listed.includes(sourceOf(name))).sort();
  const files = [];
  let bytes = 0;
  for (const name of names) {
    const data = await readFile(path.join(dir, name));
    bytes += data.length;
    files.push({ path: name, integrity: `sha256-${sha256(data, 'base64')}` });
  }

  // The precache must hold everything the page loads, or the app would not start offline.
  const { refs, inlineScripts } = htmlReferences(html, publicUrl);
  const missing = refs.filter((ref) => !names.includes(ref));
  if (missing.length > 0) throw new Error(`gen-sw: index.html loads ${missing.join(', ')}, not in ${dir}`);
  if (names.includes('manifest.webmanifest')) {
    const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.webmanifest'), 'utf8'));
    const icons = (manifest.icons ?? []).map((icon) => icon.src).filter((src) => !names.includes(src));
    if (icons.length > 0) throw new Error(`gen-sw: the manifest names ${icons.join(', ')}, not in ${dir}`);
  }

  const version = sha256(files.map((f) => `${f.path}\0${f.integrity}\n`).join(''), 'hex').slice(0, 20);
  const build = { version, files };

  let worker;
  if (profile === 'release') {
    const template = await readFile(TEMPLATE, 'utf8');
    const block = /\/\* BUILD \*\/[\s\S]*?\/\* END BUILD \*\//;
    if (!block.test(template)) throw new Error(`gen-sw: no /* BUILD */ … /* END BUILD */ block in ${TEMPLATE}`);
    worker = template.replace(block, () => `/* BUILD: generated by scripts/gen-sw.mjs */\nconst BUILD = ${JSON.stringify(build, null, 2)};`);
  } else {
    worker = DEBUG_WORKER;
  }
  await writeAtomic(path.join(dir, 'sw.js'), worker);

  const csp = contentSecurityPolicy(inlineScripts);
  await writeAtomic(path.join(dir, '_headers'), headersFile({ publicUrl, files: names, csp }));
  return { version, files, bytes, csp, profile, compressed };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? 'dist';
  try {
    const result = await generate(dir, {
      profile: process.env.TRUNK_PROFILE ?? 'release',
      publicUrl: process.env.TRUNK_PUBLIC_URL || undefined,
    });
    const what = result.profile === 'release'
      ? `build ${result.version}, precaches ${result.files.length} files (${result.bytes} B)`
      : 'debug build: a worker that caches nothing';
    console.log(`gen-sw: sw.js and _headers, ${what}`);
    if (result.compressed.length > 0) console.log(describe(result.compressed));
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
}
