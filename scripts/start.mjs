// `npm start`: builds the task pane if dist/addin is missing or older than its sources, then runs the
// server with the demo company on the embedded database (PGlite under ./data unless DATA_DIR or
// DATABASE_URL say otherwise), passing Ctrl-C and SIGTERM on to it.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const built = path.join(root, 'dist', 'addin', 'taskpane.html');
const sources = ['addin', 'assets', 'manifest.xml', 'webpack.config.js', 'scripts/manifest-origin.mjs'];

/** Newest modification time under a file or folder (0 when absent). */
function newest(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(target)) latest = Math.max(latest, newest(path.join(target, entry)));
  return latest;
}

function run(command, args, env = process.env) {
  return spawn(command, args, { cwd: root, env, stdio: 'inherit' });
}

function exitCode(child) {
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

async function buildIfStale() {
  const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
  const changedAt = Math.max(...sources.map((s) => newest(path.join(root, s))));
  if (builtAt > changedAt) return;
  console.log(builtAt ? 'The add-in sources changed: rebuilding it…' : 'Building the add-in (first start)…');
  const code = await exitCode(run(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['webpack', '--mode', 'production']));
  if (code !== 0) {
    console.error('Building the add-in failed (see above); the server was not started.');
    process.exit(code);
  }
}

await buildIfStale();
console.log('Starting the server with the demo company; the preview URL follows once it listens.');
const server = run(process.execPath, ['--import', 'tsx', 'server/main.ts'], { ...process.env, DEMO_DATA: '1' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
process.exit(await exitCode(server));
