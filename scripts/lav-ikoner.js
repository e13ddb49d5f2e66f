#!/usr/bin/env node
/**
 * Draws the add-in's icons (assets/icon-16/32/64/80.png): a blue tile with three white bars,
 * a small bar chart for "takster". Pure Node (zlib), deterministic, no downloads.
 * Run: node scripts/lav-ikoner.js
 */
const { Buffer } = require("node:buffer");
const { deflateSync } = require("node:zlib");
const { writeFileSync, mkdirSync } = require("node:fs");
const { join } = require("node:path");

const CRC_TABEL = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABEL[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function pixel(x, y, n) {
  const blaa = [0x1f, 0x4e, 0x79, 255];
  const hvid = [255, 255, 255, 255];
  const luft = [0, 0, 0, 0];
  const r = Math.max(1, Math.round(n / 8)); // rounded corners
  const hjoerne = (cx, cy) => (x - cx) ** 2 + (y - cy) ** 2 > r * r;
  if ((x < r && y < r && hjoerne(r, r)) || (x >= n - r && y < r && hjoerne(n - r - 1, r)) ||
      (x < r && y >= n - r && hjoerne(r, n - r - 1)) || (x >= n - r && y >= n - r && hjoerne(n - r - 1, n - r - 1))) return luft;
  // Three bars at 1/5, 2/5, 3/5 of the width with heights 40 %, 60 %, 80 %.
  const bredde = Math.max(2, Math.round(n / 7));
  const bund = Math.round(n * 0.85);
  for (const [i, hoejde] of [[0, 0.35], [1, 0.5], [2, 0.65]]) {
    const x0 = Math.round(n * (0.2 + i * 0.23));
    if (x >= x0 && x < x0 + bredde && y < bund && y >= bund - Math.round(n * hoejde)) return hvid;
  }
  return blaa;
}

function png(n) {
  const raekker = [];
  for (let y = 0; y < n; y++) {
    const r = Buffer.alloc(1 + n * 4);
    for (let x = 0; x < n; x++) Buffer.from(pixel(x, y, n)).copy(r, 1 + x * 4);
    raekker.push(r);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(n, 0);
  ihdr.writeUInt32BE(n, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(Buffer.concat(raekker), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const ud = join(__dirname, "..", "assets");
mkdirSync(ud, { recursive: true });
for (const n of [16, 32, 64, 80]) {
  writeFileSync(join(ud, `icon-${n}.png`), png(n));
  console.log(`assets/icon-${n}.png`);
}
