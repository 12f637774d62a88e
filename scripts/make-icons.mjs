#!/usr/bin/env node
/**
 * Draws the extension icons (public/icon/{16,32,48,128}.png): a red shield with a white
 * "no" sign. No dependencies: shapes are tested per sub-pixel and written as PNG with zlib.
 * Run: node scripts/make-icons.mjs
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 128];
const SHIELD = [0xb3, 0x26, 0x1e]; // same red as the "flagged" toolbar badge
const EDGE = [0x7a, 0x15, 0x10];
const MARK = [0xff, 0xff, 0xff];
const SAMPLES = 5; // 5×5 sub-pixels per pixel

/** Is (x, y) in unit coordinates inside the shield? */
function inShield(x, y) {
  const top = 0.06;
  const shoulder = 0.52;
  const tip = 0.96;
  const half = 0.4;
  const dx = Math.abs(x - 0.5);
  if (y < top || y > tip) return false;
  // Rounded top corners.
  const r = 0.1;
  if (y < top + r && dx > half - r) return Math.hypot(dx - (half - r), y - (top + r)) <= r;
  if (y <= shoulder) return dx <= half;
  // Below the shoulder the sides curve in to the tip.
  const t = (y - shoulder) / (tip - shoulder);
  return dx <= half * Math.sqrt(Math.max(0, 1 - t ** 1.7));
}

/** Is (x, y) on the "no" sign (ring plus diagonal bar)? */
function inMark(x, y, size) {
  const cx = 0.5;
  const cy = 0.47;
  const outer = 0.27;
  // Keep the strokes at least ~1.6 px wide at 16 px.
  const stroke = Math.max(0.085, 1.6 / size);
  const d = Math.hypot(x - cx, y - cy);
  if (d <= outer && d >= outer - stroke) return true;
  if (d < outer - stroke / 2) {
    const along = ((x - cx) - (y - cy)) / Math.SQRT2; // distance from the top-left → bottom-right diagonal
    return Math.abs(along) <= stroke / 2;
  }
  return false;
}

/** Shield edge: a thin darker rim so the icon holds on red or dark toolbars. */
function onEdge(x, y, size) {
  const w = Math.max(0.03, 1 / size);
  return inShield(x, y) && !(inShield(x - w, y) && inShield(x + w, y) && inShield(x, y - w) && inShield(x, y + w));
}

function render(size) {
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          if (!inShield(x, y)) continue;
          const color = inMark(x, y, size) ? MARK : onEdge(x, y, size) ? EDGE : SHIELD;
          r += color[0];
          g += color[1];
          b += color[2];
          a += 1;
        }
      }
      const i = (py * size + px) * 4;
      if (a) {
        pixels[i] = Math.round(r / a);
        pixels[i + 1] = Math.round(g / a);
        pixels[i + 2] = Math.round(b / a);
        pixels[i + 3] = Math.round((255 * a) / (SAMPLES * SAMPLES));
      }
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const outDir = new URL('../public/icon/', import.meta.url);
mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  writeFileSync(new URL(`${size}.png`, outDir), png(size, render(size)));
  console.log(`public/icon/${size}.png`);
}
