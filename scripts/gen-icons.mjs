// Draws the app icons (static/icons/*.png) from a few shapes, reproducibly: the same script
// always gives the same pixels (16 samples per pixel, no fonts, no randomness), written as
// RGBA PNGs with Node's zlib only. The glyph is a speech bubble holding two lines of text on
// the accent colour of static/app.css, like static/favicon.svg.
//
//   node scripts/gen-icons.mjs           writes static/icons/
//   node scripts/gen-icons.mjs --check   exits 1 if a committed icon differs from the script's
//
// As a module: `ICONS` lists the icons, `renderIcon(icon)` gives its RGBA pixels and
// `decodePng(bytes)` reads a PNG written by this script (used by tests/e2e/pwa.test.mjs).

import { deflateSync, inflateSync, crc32 } from 'node:zlib';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ICON_DIR = path.join(ROOT, 'static', 'icons');

const ACCENT = [0x1d, 0x4e, 0xd8]; // --accent (light) in static/app.css
const WHITE = [0xff, 0xff, 0xff];

/**
 * Every icon: `bleed` icons fill the whole square (maskable: the platform cuts its own shape,
 * so the glyph stays inside the central safe-zone circle of radius 40%); the others are a
 * rounded square on transparency. `scale` shrinks the glyph about the centre.
 */
export const ICONS = [
  { file: 'icon-192.png', size: 192, bleed: false, scale: 1 },
  { file: 'icon-512.png', size: 512, bleed: false, scale: 1 },
  { file: 'icon-maskable-192.png', size: 192, bleed: true, scale: 0.8 },
  { file: 'icon-maskable-512.png', size: 512, bleed: true, scale: 0.8 },
  // iOS rounds the corners itself and shows transparency as black: full bleed.
  { file: 'apple-touch-icon.png', size: 180, bleed: true, scale: 0.9 },
];

// Signed distances in unit coordinates (negative inside).
function roundedRect(x, y, x0, y0, x1, y1, r) {
  const qx = Math.abs(x - (x0 + x1) / 2) - ((x1 - x0) / 2 - r);
  const qy = Math.abs(y - (y0 + y1) / 2) - ((y1 - y0) / 2 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

// Inside the triangle (a, b, c), any winding.
function inTriangle(x, y, [ax, ay], [bx, by], [cx, cy]) {
  const d1 = (x - bx) * (ay - by) - (ax - bx) * (y - by);
  const d2 = (x - cx) * (by - cy) - (bx - cx) * (y - cy);
  const d3 = (x - ax) * (cy - ay) - (cx - ax) * (y - ay);
  const neg = d1 < 0 || d2 < 0 || d3 < 0;
  const pos = d1 > 0 || d2 > 0 || d3 > 0;
  return !(neg && pos);
}

// The glyph at scale 1, in the unit square: which colour a point takes, or null for none.
function glyph(x, y) {
  // Two lines of text (capsules), in the accent colour, on the bubble.
  if (roundedRect(x, y, 0.3, 0.345, 0.7, 0.415, 0.035) <= 0) return ACCENT;
  if (roundedRect(x, y, 0.3, 0.485, 0.58, 0.555, 0.035) <= 0) return ACCENT;
  // The bubble and its tail.
  if (roundedRect(x, y, 0.2, 0.22, 0.8, 0.68, 0.1) <= 0) return WHITE;
  if (inTriangle(x, y, [0.3, 0.6], [0.47, 0.6], [0.27, 0.8])) return WHITE;
  return null;
}

function colourAt(icon, x, y) {
  const gx = 0.5 + (x - 0.5) / icon.scale;
  const gy = 0.5 + (y - 0.5) / icon.scale;
  const inGlyph = glyph(gx, gy);
  const inBackground = icon.bleed || roundedRect(x, y, 0, 0, 1, 1, 0.1875) <= 0;
  if (!inBackground) return null;
  return inGlyph ?? ACCENT;
}

/** The icon's pixels: RGBA, row by row, `size * size * 4` bytes. */
export function renderIcon(icon) {
  const { size } = icon;
  const N = 4; // N x N samples per pixel
  const out = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < N; sy += 1) {
        for (let sx = 0; sx < N; sx += 1) {
          const c = colourAt(icon, (px + (sx + 0.5) / N) / size, (py + (sy + 0.5) / N) / size);
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            a += 1;
          }
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        // Colours averaged over the covered samples (straight alpha), coverage as alpha.
        out[o] = Math.round(r / a);
        out[o + 1] = Math.round(g / a);
        out[o + 2] = Math.round(b / a);
        out[o + 3] = Math.round((255 * a) / (N * N));
      }
    }
  }
  return out;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An 8-bit RGBA PNG of `pixels`, every row with filter 0 (none). */
export function encodePng(size, pixels) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    pixels.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Reads a PNG written by `encodePng`: { width, height, pixels } (throws on anything else). */
export function decodePng(bytes) {
  if (bytes.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[9] !== 6 || data[12] !== 0) throw new Error('not an 8-bit RGBA PNG without interlace');
    } else if (type === 'IDAT') {
      idat.push(data);
    }
    offset += length + 12;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const pixels = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    const row = y * (width * 4 + 1);
    if (raw[row] !== 0) throw new Error(`row ${y} uses PNG filter ${raw[row]}`);
    raw.copy(pixels, y * width * 4, row + 1, row + 1 + width * 4);
  }
  return { width, height, pixels };
}

async function main(args) {
  const check = args.includes('--check');
  await mkdir(ICON_DIR, { recursive: true });
  let stale = 0;
  for (const icon of ICONS) {
    const file = path.join(ICON_DIR, icon.file);
    const pixels = renderIcon(icon);
    if (check) {
      let same = false;
      try {
        same = decodePng(await readFile(file)).pixels.equals(pixels);
      } catch {
        same = false;
      }
      if (!same) {
        stale += 1;
        console.error(`gen-icons: ${path.relative(ROOT, file)} differs from the script's output`);
      }
    } else {
      const png = encodePng(icon.size, pixels);
      await writeFile(file, png);
      console.log(`gen-icons: ${path.relative(ROOT, file)} (${icon.size} px, ${png.length} B)`);
    }
  }
  if (stale > 0) process.exit(1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main(process.argv.slice(2));
}
