#!/usr/bin/env node
// Draws the app's two Teams icons and writes them as PNG files next to this script:
//   color.png    192x192, full colour: a white speech bubble holding three rising bars on a teal square.
//   outline.png   32x32, white on transparent: the same bubble as a white outline, bars filled.
// Run with `node manifest/generate-icons.mjs`; it needs nothing but Node.js.
// The PNGs are committed; rerun this only when the design changes.
//
// Shapes are described in unit coordinates (0..1 across the icon) and rasterised with 8x8 supersampling, so edges
// are smooth at 32 px too. Output is 8-bit RGBA, non-interlaced, one filter-0 scanline each: the simplest PNG there is.

import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const TEAL = [0x2f, 0x6f, 0x73];
const AMBER = [0xf2, 0xa5, 0x41];
const WHITE = [0xff, 0xff, 0xff];
const SUPERSAMPLE = 8;

// Coordinates are in 32nds so that the outline icon's straight edges fall on whole pixels.
const px = (n) => n / 32;
// The bubble: a rounded rectangle with a tail at its lower left.
const BUBBLE = { left: px(2), top: px(3), right: px(30), bottom: px(23), radius: px(5) };
const TAIL = [[px(7), px(22)], [px(14), px(22)], [px(5), px(29.5)]];
const STROKE = px(3);
// Three bars rising left to right: progress towards a goal.
const BARS = [
  { left: px(8), right: px(12), top: px(14), bottom: px(18) },
  { left: px(14), right: px(18), top: px(11), bottom: px(18) },
  { left: px(20), right: px(24), top: px(8), bottom: px(18) },
];

function insideRoundedRect(x, y, { left, top, right, bottom, radius }) {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function insideTriangle(x, y, [[ax, ay], [bx, by], [cx, cy]]) {
  const side = (px, py, qx, qy) => (x - qx) * (py - qy) - (px - qx) * (y - qy);
  const d1 = side(ax, ay, bx, by);
  const d2 = side(bx, by, cx, cy);
  const d3 = side(cx, cy, ax, ay);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}

function insideRect(x, y, { left, top, right, bottom }) {
  return x >= left && x <= right && y >= top && y <= bottom;
}

const insideBubble = (x, y) => insideRoundedRect(x, y, BUBBLE) || insideTriangle(x, y, TAIL);
const insideBubbleHole = (x, y) => insideRoundedRect(x, y, {
  left: BUBBLE.left + STROKE,
  top: BUBBLE.top + STROKE,
  right: BUBBLE.right - STROKE,
  bottom: BUBBLE.bottom - STROKE,
  radius: BUBBLE.radius - STROKE,
});
const barAt = (x, y) => BARS.findIndex((bar) => insideRect(x, y, bar));

// Colour of one sample of the colour icon; the symbol is drawn smaller, inside Teams' safe area.
function colorSample(u, v) {
  const margin = 0.17;
  const x = (u - margin) / (1 - 2 * margin);
  const y = (v - margin) / (1 - 2 * margin);
  const bar = barAt(x, y);
  if (bar >= 0) return bar === BARS.length - 1 ? AMBER : TEAL;
  return insideBubble(x, y) ? WHITE : TEAL;
}

// Coverage (0 or 1) of one sample of the outline icon.
function outlineSample(x, y) {
  if (barAt(x, y) >= 0) return 1;
  return insideBubble(x, y) && !insideBubbleHole(x, y) ? 1 : 0;
}

function render(size, sample) {
  const rgba = Buffer.alloc(size * size * 4);
  const samples = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const [r, g, b, a] = sample((px + (sx + 0.5) / SUPERSAMPLE) / size, (py + (sy + 0.5) / SUPERSAMPLE) / size);
          sum[0] += r; sum[1] += g; sum[2] += b; sum[3] += a;
        }
      }
      rgba.set(sum.map((total) => Math.round(total / samples)), (py * size + px) * 4);
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // compression: deflate
  header[11] = 0; // filter method: adaptive (each scanline says its filter; ours is always 0, none)
  header[12] = 0; // no interlace
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const here = dirname(fileURLToPath(import.meta.url));
const color = render(192, (u, v) => [...colorSample(u, v), 255]);
// Every outline pixel is white; only its alpha carries the shape, so anti-aliased edges stay pure white.
const outline = render(32, (u, v) => [...WHITE, outlineSample(u, v) * 255]);
writeFileSync(join(here, 'color.png'), encodePng(192, color));
writeFileSync(join(here, 'outline.png'), encodePng(32, outline));
console.log(`Wrote ${join(here, 'color.png')} and ${join(here, 'outline.png')}`);
