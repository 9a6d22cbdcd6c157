// Generated corpora for the scale tests and the browser benchmark: `readouts synth` writes
// fictional readouts, `readouts build` parses them into a corpus file. Files are cached in
// target/e2e-corpora/, keyed by count, seed and a hash of everything that shapes them (the
// core, synth and CLI sources and Cargo.lock), so a second run reuses them.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { ROOT } from './helpers.mjs';

const CACHE = path.join(ROOT, 'target', 'e2e-corpora');
const INPUTS = ['crates/core/src', 'crates/synth/src', 'crates/cli/src', 'Cargo.lock'];

async function files(entry) {
  const full = path.join(ROOT, entry);
  if (!entry.endsWith('src')) return [full];
  const out = [];
  for (const dirent of await readdir(full, { withFileTypes: true, recursive: true })) {
    if (dirent.isFile()) out.push(path.join(dirent.parentPath ?? dirent.path, dirent.name));
  }
  return out.sort();
}

/** A hash of the generator's and parser's sources. */
async function inputsHash() {
  const hash = createHash('sha256');
  for (const entry of INPUTS) {
    for (const file of await files(entry)) {
      hash.update(path.relative(ROOT, file));
      hash.update(await readFile(file));
    }
  }
  return hash.digest('hex').slice(0, 16);
}

function cli(args) {
  execFileSync('cargo', ['run', '--quiet', '--release', '--locked', '-p', 'readouts-cli', '--', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/**
 * The path of a corpus of `count` fictional readouts from `seed`, generated unless cached.
 * About 20 statements per readout: 1000 readouts give ~20,000 statements.
 */
export async function generatedCorpus(count, seed = 1) {
  await mkdir(CACHE, { recursive: true });
  const stem = `synth-${count}-${seed}-`;
  const file = path.join(CACHE, `${stem}${await inputsHash()}.json`);
  if (existsSync(file)) return file;
  for (const old of await readdir(CACHE)) {
    if (old.startsWith(stem)) await rm(path.join(CACHE, old), { recursive: true, force: true });
  }
  const dir = path.join(CACHE, `${stem}readouts`);
  await rm(dir, { recursive: true, force: true });
  cli(['synth', dir, '--count', String(count), '--seed', String(seed)]);
  cli(['build', dir, '-o', file]);
  await rm(dir, { recursive: true, force: true });
  return file;
}

/** The two fictional accounts of one call (crates/core/tests/accounts/) and their publishers. */
export const ACCOUNTS = [
  ['01_arvelia_ministry.txt', 'Ministry of Foreign Affairs of Arvelia'],
  ['02_kestria_readout.txt', 'Office of the Prime Minister of Kestria'],
];

/**
 * A corpus of the bundled seed and two publishers' accounts of one fictional call (a
 * ministry's prose and a "Readout of the Prime Minister's call"), each given its publisher
 * in the file header `readouts build` reads, parsed by the CLI into a fresh temporary folder.
 * Returns the corpus file's path and a cleanup.
 */
export async function accountsCorpus() {
  const { mkdtemp, writeFile, copyFile } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const dir = await mkdtemp(path.join(tmpdir(), 'readouts-accounts-'));
  const input = path.join(dir, 'readouts');
  await mkdir(input);
  for (const name of await readdir(path.join(ROOT, 'corpus'))) {
    if (name.endsWith('.txt')) await copyFile(path.join(ROOT, 'corpus', name), path.join(input, name));
  }
  for (const [name, publisher] of ACCOUNTS) {
    const text = await readFile(path.join(ROOT, 'crates', 'core', 'tests', 'accounts', name), 'utf8');
    await writeFile(path.join(input, name), `publisher: ${publisher}\n\n${text}`);
  }
  const file = path.join(dir, 'corpus.json');
  cli(['build', input, '-o', file]);
  return { file, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
