// Draws the add-in's icons (a coin over ledger lines on Fluent's brand blue) as PNGs in assets/,
// with no image library: shapes are signed-distance tests, supersampled for anti-aliasing.
// usage: node scripts/make-icons.mjs
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 64, 80, 128];
const BRAND = [0x0f, 0x6c, 0xbd]; // Fluent brandBackground (light theme)
const WHITE = [0xff, 0xff, 0xff];
const GOLD = [0xf2, 0xb7, 0x05];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// The glyph in unit coordinates (0..1): the topmost shape containing a point gives its colour.
function roundedSquare(x, y, r) {
  const dx = Math.max(Math.abs(x - 0.5) - (0.5 - r), 0);
  const dy = Math.max(Math.abs(y - 0.5) - (0.5 - r), 0);
  return Math.hypot(dx, dy) <= r;
}
function colourAt(x, y) {
  if (!roundedSquare(x, y, 0.18)) return null;
  // Coin at the upper right: gold disc, brand ring, a vertical "currency" bar.
  const d = Math.hypot(x - 0.64, y - 0.38);
  if (d <= 0.25) {
    if (d >= 0.19 && d <= 0.22) return BRAND;
    if (Math.abs(x - 0.64) <= 0.035 && Math.abs(y - 0.38) <= 0.12) return BRAND;
    return GOLD;
  }
  // Ledger lines at the lower left, white on blue.
  for (const [ly, len] of [[0.58, 0.36], [0.7, 0.56], [0.82, 0.46]]) {
    if (Math.abs(y - ly) <= 0.045 && x >= 0.16 && x <= 0.16 + len) return WHITE;
  }
  return BRAND;
}

function render(size) {
  const ss = 4; // supersamples per axis
  const out = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = colourAt((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size);
          if (!c) continue;
          r += c[0]; g += c[1]; b += c[2]; a += 1;
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) out.set([Math.round(r / a), Math.round(g / a), Math.round(b / a)], o);
      out[o + 3] = Math.round((a / (ss * ss)) * 255);
    }
  }
  return out;
}

const dir = new URL('../assets/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const size of SIZES) {
  writeFileSync(new URL(`icon-${size}.png`, dir), encodePng(size, render(size)));
}
console.log(`make-icons: wrote ${SIZES.map((s) => `icon-${s}.png`).join(', ')} to assets/`);
