// Draws the app icon (build/icon.png, 1024×1024) with no image tools: a balance scale, white on
// the desk's navy, in a rounded square. electron-builder derives the .ico, .icns and Linux sizes
// from this one PNG. Run `node build/generate-icon.mjs` after changing the drawing; the PNG is
// committed so packaging needs nothing but npm.
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const SIZE = 1024;
const NAVY = [0x1f, 0x3a, 0x5f];
const WHITE = [0xff, 0xff, 0xff];

/** Signed distances (negative inside), in pixels; shapes are unions of these. */
const box = (px, py, cx, cy, hw, hh, r = 0) => {
  const dx = Math.abs(px - cx) - hw + r;
  const dy = Math.abs(py - cy) - hh + r;
  return Math.hypot(Math.max(dx, 0), Math.max(dy, 0)) + Math.min(Math.max(dx, dy), 0) - r;
};
const circle = (px, py, cx, cy, r) => Math.hypot(px - cx, py - cy) - r;
const segment = (px, py, ax, ay, bx, by, r) => {
  const t = Math.max(
    0,
    Math.min(
      1,
      ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2),
    ),
  );
  return Math.hypot(px - ax - t * (bx - ax), py - ay - t * (by - ay)) - r;
};
/** A pan: the lower half of a disc. */
const pan = (px, py, cx, cy, r) => Math.max(circle(px, py, cx, cy, r), cy - py);

function scale(px, py) {
  return Math.min(
    box(px, py, 512, 540, 22, 300, 10), // post
    box(px, py, 512, 850, 170, 26, 12), // base
    box(px, py, 512, 300, 330, 18, 9), // beam
    circle(px, py, 512, 250, 40), // pivot
    segment(px, py, 212, 300, 140, 560, 7), // strings
    segment(px, py, 212, 300, 284, 560, 7),
    segment(px, py, 812, 300, 740, 560, 7),
    segment(px, py, 812, 300, 884, 560, 7),
    pan(px, py, 212, 560, 110),
    pan(px, py, 812, 560, 110),
  );
}

const pixels = Buffer.alloc(SIZE * SIZE * 4);
for (let y = 0; y < SIZE; y += 1)
  for (let x = 0; x < SIZE; x += 1) {
    const px = x + 0.5;
    const py = y + 0.5;
    const background = Math.max(0, Math.min(1, 0.5 - box(px, py, 512, 512, 480, 480, 180)));
    const figure = Math.max(0, Math.min(1, 0.5 - scale(px, py)));
    const colour = NAVY.map((c, i) => Math.round(c + (WHITE[i] - c) * figure));
    pixels.set([...colour, Math.round(background * 255)], (y * SIZE + x) * 4);
  }

const rows = Buffer.alloc((SIZE * 4 + 1) * SIZE);
for (let y = 0; y < SIZE; y += 1)
  pixels.copy(rows, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
};
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8);

const target = new URL("./icon.png", import.meta.url);
writeFileSync(
  target,
  Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]),
);
console.log(`Wrote ${target.pathname}`);
