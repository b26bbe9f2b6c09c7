// `npm run build:server` (and the end of `npm run build`): compiles the server to plain JavaScript in
// dist/server for `npm run start:prod`, without a TypeScript loader. esbuild bundles each entry point
// with the packages left external (node_modules is installed beside it) because the sources use
// extensionless relative imports, which Node's ESM loader would not resolve in tsc's output. The
// migrations stay one file each (migrate.ts reads the folder), and files read from disk beside the
// code (the letter template) are copied next to the bundles that read them.
import { copyFile, mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
// --outdir DIR: the tests build into a scratch folder inside the repository (node_modules resolves).
const outArg = process.argv.indexOf('--outdir');
const outdir = path.resolve(root, outArg > 0 ? process.argv[outArg + 1] : 'dist/server');

const migrations = (await readdir(path.join(root, 'server/db/migrations'))).filter((f) => /^\d{3}-[\w-]+\.ts$/.test(f));
const entryPoints = [
  { in: 'server/main.ts', out: 'main' },
  { in: 'server/graph/worker-main.ts', out: 'worker' },
  { in: 'server/import/cli.ts', out: 'import' },
  { in: 'server/demo/cli.ts', out: 'demo-csv' },
  ...migrations.map((f) => ({ in: `server/db/migrations/${f}`, out: `migrations/${f.replace(/\.ts$/, '')}` })),
];

const started = Date.now();
await rm(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints,
  outdir,
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
});
// letters/html.ts reads ./letter.eta beside itself: bundled, that is beside the entry point.
await mkdir(outdir, { recursive: true });
await copyFile(path.join(root, 'server/letters/letter.eta'), path.join(outdir, 'letter.eta'));
await copyFile(path.join(root, 'server/statements/statement.eta'), path.join(outdir, 'statement.eta'));
console.log(`Server compiled to ${path.relative(root, outdir)} in ${Date.now() - started} ms (${entryPoints.length} entry points).`);
