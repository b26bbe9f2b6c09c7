// Prints the gzipped size of the JavaScript the task pane loads on its first screen (the scripts
// dist/addin/taskpane.html references), and of the chunks it loads later, against the 300 KB target.
// usage: npm run build && node scripts/bundle-size.mjs     exit 1 when over the target
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const dist = new URL('../dist/addin/', import.meta.url);
const TARGET_KB = 300;

/** The scripts of our own a built page loads up front (office.js is Microsoft's, from its CDN). */
function scriptsOf(page) {
  let html;
  try {
    html = readFileSync(new URL(page, dist), 'utf8');
  } catch {
    console.error(`bundle-size: dist/addin/${page} is missing: run \`npm run build\` first`);
    process.exit(1);
  }
  return [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]).filter((src) => !/^https?:/.test(src));
}

const initial = scriptsOf('taskpane.html');
const previewOnly = scriptsOf('preview.html');
const gz = (file) => gzipSync(readFileSync(new URL(file, dist)), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

let total = 0;
for (const src of initial) {
  const size = gz(src);
  total += size;
  console.log(`  ${src.padEnd(40)} ${kb(size).padStart(10)}`);
}
console.log(`bundle-size: initial task pane JavaScript ${kb(total)} gzipped (target ${TARGET_KB} KB)`);

const lazy = readdirSync(new URL('js/', dist))
  .map((f) => `js/${f}`)
  .filter((f) => f.endsWith('.js') && !initial.includes(f) && !previewOnly.includes(f));
const lazyTotal = lazy.reduce((sum, f) => sum + gz(f), 0);
console.log(`bundle-size: ${lazy.length} chunks loaded on demand (later tabs) ${kb(lazyTotal)} gzipped`);
process.exit(total > TARGET_KB * 1024 ? 1 : 0);
