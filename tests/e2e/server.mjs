// A small static server for the release build (dist/): correct MIME types (.wasm as
// application/wasm), an SPA fallback to index.html for unknown routes, and the headers of the
// build's own `_headers` file (written by scripts/gen-sw.mjs: the one source of truth for
// caching, the Content-Security-Policy and framing), read per request as Netlify would
// (parseHeaderRules, headersForPath; `headersMode: 'join'` for Cloudflare Pages' way).
// Test options serve corpus.json from another file or fail it with an HTTP status, and add
// headers.
//
// Compression: a file with precompressed copies next to it (FILE.br, FILE.gz: written by the
// build, scripts/compress.mjs) is sent as the copy that the request's Accept-Encoding prefers
// (chooseEncoding), with Content-Encoding, the file's own Content-Type, and
// `Vary: Accept-Encoding` on every response for that path; a copy older than its file is never
// sent (the file was changed after the build: the plain file goes instead).
//
// Paths: a malformed percent-escape is answered 400; a path that names no file of the root
// (whatever its characters: `..`, `%2F`, `%25` decoded inside an id) is an app route, answered
// with index.html for pages (the app links to ids with any characters) and 404 otherwise.
// Nothing outside the root is ever read.
//
// As a module:  const server = await startServer({ root: 'dist' }); ... await server.close();
// From a shell: node tests/e2e/server.mjs [--root dist] [--host 127.0.0.1] [--port 8080] [--corpus FILE]

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENCODINGS } from '../../scripts/compress.mjs';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Starts serving `root`.
 * @param {object} options
 * @param {string} [options.root='dist'] folder to serve
 * @param {string} [options.host='127.0.0.1']
 * @param {number} [options.port=0] 0 picks a free port
 * @param {string} [options.corpusFile] serve this file as /corpus.json instead of root's
 * @param {number} [options.corpusStatus] answer /corpus.json with this HTTP status instead
 * @param {{chunk: number, delayMs: number, cutAfter?: number}} [options.corpusTrickle] send
 *   /corpus.json (uncompressed, with its whole Content-Length) `chunk` bytes every `delayMs`,
 *   as a slow network would; with `cutAfter`, drop the connection once that many bytes are
 *   sent
 * @param {Record<string, string>} [options.headers] extra headers on every response (e.g. a
 *   Content-Security-Policy)
 * @param {(pathname: string) => Record<string, string>} [options.headersFor] headers per path
 *   instead of those of root's _headers (see parseHeaderRules and headersForPath)
 * @param {'last' | 'join'} [options.headersMode='last'] how root's _headers rules combine:
 *   as Netlify ('last') or Cloudflare Pages ('join') serve them
 * @returns {Promise<{url: string, port: number, requests: string[], sent: {url: string, status: number, encoding: string | null}[], close: () => Promise<void>}>}
 *   requests: each request's decoded path; sent: each response, with the request's path and
 *   query as sent, and its Content-Encoding (null: the body as it is)
 */
export async function startServer({ root = 'dist', host = '127.0.0.1', port = 0, corpusFile, corpusStatus, corpusTrickle, headers = {}, headersFor, headersMode = 'last' } = {}) {
  const rootDir = path.resolve(root);
  const requests = [];
  const sent = [];

  const server = createServer(async (req, res) => {
    // Without header rules, the server's own: Cache-Control by file name, nosniff.
    let extra = null;
    const send = (res, req, status, type, body, cache, transport = {}) => {
      sent.push({ url: req.url, status, encoding: transport['Content-Encoding'] ?? null });
      return sendResponse(res, req, status, type, body, cache, extra ?? headers, transport);
    };
    try {
      const url = new URL(req.url, 'http://localhost');
      // The build's header rules for this path (null without a _headers file): the response
      // carries exactly those, instead of the server's defaults.
      const rules = headersFor ? headersFor(url.pathname) : await buildHeaders(rootDir, url.pathname, headersMode);
      if (rules) extra = { ...rules, ...headers, [RULES]: true };
      let pathname;
      try {
        pathname = decodeURIComponent(url.pathname);
      } catch {
        requests.push(url.pathname);
        return send(res, req, 400, 'text/plain; charset=utf-8', 'bad request: malformed percent-escape in the path\n');
      }
      requests.push(pathname);
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return send(res, req, 405, 'text/plain; charset=utf-8', 'method not allowed\n');
      }
      if (pathname === '/corpus.json' && corpusStatus) {
        return send(res, req, corpusStatus, 'text/plain; charset=utf-8', `status ${corpusStatus}\n`);
      }
      if (pathname === '/corpus.json' && corpusTrickle) {
        const body = await readFile(corpusFile ?? path.join(rootDir, 'corpus.json'));
        sent.push({ url: req.url, status: 200, encoding: null });
        return trickle(res, body, corpusTrickle);
      }
      if (pathname === '/corpus.json' && corpusFile) {
        const { body, transport } = await negotiated(corpusFile, req.headers['accept-encoding']);
        return send(res, req, 200, MIME['.json'], body, 'no-cache', transport);
      }
      const file = fileOf(rootDir, url.pathname);
      const found = file === null ? null
        : await isFile(file) ? file : await isFile(path.join(file, 'index.html')) ? path.join(file, 'index.html') : null;
      if (found) {
        const ext = path.extname(found).toLowerCase();
        // Trunk gives built files hashed names: those never change. The rest must revalidate.
        const hashed = /-[0-9a-f]{12,16}(_bg)?\.[a-z]+$/.test(found);
        const { body, transport } = await negotiated(found, req.headers['accept-encoding']);
        return send(res, req, 200, MIME[ext] ?? 'application/octet-stream', body,
          hashed ? 'public, max-age=31536000, immutable' : 'no-cache', transport);
      }
      // SPA fallback: an unknown path that is not a file name is an app route.
      const wantsPage = path.extname(pathname) === '' || (req.headers.accept ?? '').includes('text/html');
      if (wantsPage) {
        return send(res, req, 200, MIME['.html'], await readFile(path.join(rootDir, 'index.html')), 'no-cache');
      }
      return send(res, req, 404, 'text/plain; charset=utf-8', 'not found\n');
    } catch (err) {
      return send(res, req, 500, 'text/plain; charset=utf-8', `server error: ${err.message}\n`);
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const actualPort = server.address().port;
  return {
    url: `http://${host}:${actualPort}/`,
    port: actualPort,
    requests,
    sent,
    close: () => new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
}

/** Sends `body` a chunk at a time (see the `corpusTrickle` option), or part of it. */
async function trickle(res, body, { chunk, delayMs, cutAfter }) {
  res.writeHead(200, {
    'Content-Type': MIME['.json'],
    'Content-Length': body.length,
    'Cache-Control': 'no-store',
  });
  const end = Math.min(cutAfter ?? body.length, body.length);
  for (let at = 0; at < end; at += chunk) {
    if (res.destroyed) return;
    res.write(body.subarray(at, Math.min(at + chunk, end)));
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
  if (end < body.length) res.destroy();
  else res.end();
}

/**
 * The rules of a `_headers` file (Netlify / Cloudflare Pages syntax): a path pattern on its
 * own line (`*` matches any characters), then indented `Name: value` lines, or `! Name` lines
 * (Cloudflare Pages: detach the header that earlier rules set; Netlify skips such a line, as
 * it skips any line without a colon).
 * @returns {{pattern: string, regex: RegExp, headers: [string, string][], detach: string[]}[]}
 */
export function parseHeaderRules(text) {
  const rules = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (/^\s/.test(line)) {
      const rule = rules.at(-1);
      const at = line.indexOf(':');
      if (!rule) continue;
      if (at > 0) rule.headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
      else if (line.trim().startsWith('!')) rule.detach.push(line.trim().slice(1).trim());
    } else {
      const pattern = line.trim();
      const regex = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
      rules.push({ pattern, regex, headers: [], detach: [] });
    }
  }
  return rules;
}

/**
 * The headers that `rules` give `pathname`, as Netlify serves them (`mode` 'last': of each
 * header, the last matching rule's value; detach lines are not Netlify's) or as Cloudflare
 * Pages does ('join': every matching rule's value joined by ", ", after a rule's `! Name`
 * lines removed what earlier rules set).
 */
export function headersForPath(rules, pathname, mode = 'last') {
  const out = {};
  for (const rule of rules) {
    if (!rule.regex.test(pathname)) continue;
    if (mode === 'join') {
      for (const name of rule.detach) delete out[name];
    }
    for (const [name, value] of rule.headers) {
      out[name] = mode === 'join' && out[name] !== undefined ? `${out[name]}, ${value}` : value;
    }
  }
  return out;
}

/**
 * The file of the root that a URL path (still percent-encoded) names, or null when it names
 * none: each segment is decoded on its own, and a segment that decodes to `.`, `..`, or
 * something holding `/`, `\\` or NUL names no file (it can only be part of an app route's id).
 */
export function fileOf(rootDir, rawPathname) {
  const segments = [];
  for (const raw of rawPathname.split('/').slice(1)) {
    const segment = decodeURIComponent(raw);
    if (segment === '.' || segment === '..' || /[/\\\0]/.test(segment)) return null;
    segments.push(segment);
  }
  return path.join(rootDir, ...segments);
}

/** The headers that `root`/_headers gives `pathname` (read per request: rebuilds apply at once). */
async function buildHeaders(rootDir, pathname, mode) {
  let text;
  try {
    text = await readFile(path.join(rootDir, '_headers'), 'utf8');
  } catch {
    return null;
  }
  return headersForPath(parseHeaderRules(text), pathname, mode);
}

async function isFile(file) {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * The content coding to send, of those `available` (tokens, in the server's order of
 * preference): the one that `acceptEncoding` (a request's Accept-Encoding) gives the highest
 * q-value, `*` standing for any coding it does not name; null for none (send the file as it
 * is: also for a missing or empty header, and for codings refused with q=0).
 */
export function chooseEncoding(acceptEncoding, available) {
  const weights = new Map();
  for (const part of String(acceptEncoding ?? '').split(',')) {
    const [token, ...params] = part.split(';').map((p) => p.trim());
    if (!token) continue;
    const q = params.map((p) => /^q=([0-9.]+)$/i.exec(p)).find(Boolean);
    const weight = q ? Number(q[1]) : 1;
    weights.set(token.toLowerCase(), Number.isFinite(weight) ? weight : 0);
  }
  let best = null;
  let bestWeight = 0;
  for (const encoding of available) {
    const weight = weights.get(encoding) ?? weights.get('*') ?? 0;
    if (weight > bestWeight) [best, bestWeight] = [encoding, weight];
  }
  return best;
}

/**
 * The precompressed copies of `file` (FILE.br, FILE.gz), as [{ encoding, file }]; `file` is
 * null for a copy older than its file, which is never sent.
 */
export async function precompressedCopies(file) {
  const source = await stat(file, { bigint: true });
  const copies = [];
  for (const { encoding, suffix } of ENCODINGS) {
    const copy = await stat(file + suffix, { bigint: true }).catch(() => null);
    if (copy?.isFile()) copies.push({ encoding, file: copy.mtimeNs >= source.mtimeNs ? file + suffix : null });
  }
  return copies;
}

/**
 * The body to send for `file` and the transport headers that go with it: its copy in the
 * coding the request prefers (Content-Encoding), else the file; `Vary: Accept-Encoding`
 * whenever the file has copies, since the answer depends on that header.
 */
async function negotiated(file, acceptEncoding) {
  const copies = await precompressedCopies(file);
  const usable = copies.filter((c) => c.file !== null);
  const encoding = chooseEncoding(acceptEncoding, usable.map((c) => c.encoding));
  const transport = copies.length > 0 ? { Vary: 'Accept-Encoding' } : {};
  if (encoding === null) return { body: await readFile(file), transport };
  const copy = usable.find((c) => c.encoding === encoding);
  return { body: await readFile(copy.file), transport: { ...transport, 'Content-Encoding': encoding } };
}

/** Marks header sets that come from rules: they replace the server's own headers. */
const RULES = Symbol('rules');

// With header rules (`extra[RULES]`), exactly their headers (and Content-Type, Content-Length
// and the `transport` headers: Content-Encoding, Vary); otherwise the server's Cache-Control
// and nosniff, `extra` and `transport`.
function sendResponse(res, req, status, type, body, cache = 'no-store', extra = {}, transport = {}) {
  const { [RULES]: fromRules, ...given } = extra;
  const own = fromRules ? {} : { 'Cache-Control': cache, 'X-Content-Type-Options': 'nosniff' };
  res.writeHead(status, {
    ...own,
    ...given,
    ...transport,
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function parseArgs(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, value] = [argv[i], argv[i + 1]];
    switch (flag) {
      case '--root': options.root = value; i += 1; break;
      case '--host': options.host = value; i += 1; break;
      case '--port': options.port = Number(value); i += 1; break;
      case '--corpus': options.corpusFile = value; i += 1; break;
      default:
        console.error(`unknown option ${flag}\nusage: node tests/e2e/server.mjs [--root dist] [--host 127.0.0.1] [--port 8080] [--corpus FILE]`);
        process.exit(2);
    }
  }
  return options;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const options = { port: 8080, ...parseArgs(process.argv.slice(2)) };
  const server = await startServer(options);
  console.log(`Serving ${path.resolve(options.root ?? 'dist')} on ${server.url} (Ctrl-C to stop)`);
  const stop = () => server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
