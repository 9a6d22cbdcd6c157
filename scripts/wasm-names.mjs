// Shortens the names by which the app's wasm module and its wasm-bindgen glue call each other.
//
// wasm-bindgen names each of the ~200 browser functions the module imports after the function
// and a hash (`__wbg_setAttribute_0a1b2c3d4e5f6a7b`), and the glue script lists them all under
// those names: some 9 KB of names, about 5 KB of it left after gzip, in the two files every
// first visit downloads. wasm-opt's `--minify-imports-and-exports-and-modules` renames every
// import, export and import module of the wasm to one or two letters; this module then gives
// the glue the same names, and index.html the new integrity hashes. Both files still come from
// one build and change together (the service worker lists them after this step).
//
// Called by scripts/gen-sw.mjs for release builds, before it compacts the scripts and lists
// the files. A build whose names are already short (gen-sw run twice) is left as it is.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

/** npm's binaryen (package.json), as Trunk uses it; else the one on PATH. */
function wasmOpt() {
  const local = path.join(ROOT, 'node_modules', '.bin', 'wasm-opt');
  return existsSync(local) ? local : 'wasm-opt';
}

function integrityOf(data) {
  return `sha384-${createHash('sha384').update(data).digest('base64')}`;
}

async function writeAtomic(file, data) {
  const tmp = `${file}.tmp-${process.pid}`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}

/** `html` with the integrity of the tag that loads `ref` set to that of `data`. */
function withIntegrity(html, ref, data) {
  return html.replace(/<(script|link)\b[^>]*>/g, (tag) => (tag.includes(`${ref}"`)
    ? tag.replace(/integrity="sha384-[^"]*"/, `integrity="${integrityOf(data)}"`)
    : tag));
}

/** Replaces every match of `pattern` in `text` with `replacement`; throws unless it matched `count` times. */
function replaceCounted(text, pattern, replacement, count, what) {
  let found = 0;
  const out = text.replace(pattern, () => {
    found += 1;
    return replacement;
  });
  if (found !== count) {
    throw new Error(`wasm-names: expected ${count} ${what} in the glue, found ${found}`);
  }
  return out;
}

function property(name) {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`;
}

/**
 * Renames the imports, exports and import modules of the wasm that `html` (index.html of the
 * build in `dir`) preloads, and their names in its glue script; returns the new html.
 */
export async function minifyWasmNames(dir, html) {
  const wasmRef = html.match(/href="[^"]*?([^"/]+_bg\.wasm)"/)?.[1];
  if (!wasmRef) return html;
  const glueRef = wasmRef.replace(/_bg\.wasm$/, '.js');
  const wasmFile = path.join(dir, wasmRef);
  const glueFile = path.join(dir, glueRef);
  const before = new WebAssembly.Module(await readFile(wasmFile));
  const imports = WebAssembly.Module.imports(before);
  const exports = WebAssembly.Module.exports(before);
  // wasm-bindgen imports from its own module ("./<name>_bg.js"); once renamed, nothing does.
  if (!imports.some((i) => i.module.startsWith('./'))) return html;

  const tmp = `${wasmFile}.names-${process.pid}`;
  // The producers and target-features sections (the tools' names, the wasm features used) are
  // for tools, not browsers: stripped here, after wasm-opt's last read of the features (about
  // 200 B gzip). Stripped earlier, this run would not know the features and fail validation.
  const args = ['--minify-imports-and-exports-and-modules', '--strip-producers', '--strip-target-features'];
  execFileSync(wasmOpt(), [wasmFile, ...args, '-o', tmp], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const data = await readFile(tmp);
  const after = new WebAssembly.Module(data);
  const newImports = WebAssembly.Module.imports(after);
  const newExports = WebAssembly.Module.exports(after);
  if (newImports.length !== imports.length || newExports.length !== exports.length) {
    throw new Error('wasm-names: wasm-opt changed the number of imports or exports');
  }

  let glue = await readFile(glueFile, 'utf8');
  // The imports object: `name: function(…)` in one object per import module, returned as
  // `"<module>": importN`.
  const modules = new Map();
  imports.forEach((imp, i) => {
    const renamed = newImports[i];
    if (imp.kind !== renamed.kind) throw new Error('wasm-names: wasm-opt reordered the imports');
    modules.set(imp.module, renamed.module);
    glue = replaceCounted(glue, new RegExp(`(?<=^\\s*)${escape(imp.name)}(?=: function\\b)`, 'gm'),
      JSON.stringify(renamed.name), 1, `key ${imp.name}`);
  });
  for (const [module, renamed] of modules) {
    glue = replaceCounted(glue, new RegExp(`"${escape(module)}"(?=: import\\d+)`, 'g'),
      JSON.stringify(renamed), 1, `module ${module}`);
  }
  // The exports: `wasm.<name>` wherever the glue calls into the module.
  exports.forEach((exp, i) => {
    if (exp.kind !== newExports[i].kind) throw new Error('wasm-names: wasm-opt reordered the exports');
    glue = glue.replace(new RegExp(`\\bwasm\\.${escape(exp.name)}\\b`, 'g'), `wasm${property(newExports[i].name)}`);
  });

  await writeAtomic(glueFile, glue);
  await rename(tmp, wasmFile);
  return withIntegrity(withIntegrity(html, wasmRef, data), glueRef, glue);
}

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
