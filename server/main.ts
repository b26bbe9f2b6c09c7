// Starts the server from its environment: configuration, database and migrations, the demo company
// when DEMO_DATA=1 and the database is empty, then HTTP(S); stops cleanly on SIGINT/SIGTERM. Many
// processes may start at once on one PostgreSQL database: one migrates and loads, the others wait.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { openDatabase, type DatabaseHandle } from './db/kysely';
import { migrateToLatest } from './db/migrate';
import { withAdvisoryLock } from './db/repositories/leases';
import { loadDemo } from './demo/load';
import { todayIn } from './domain/dates';

const SHUTDOWN_GRACE_MS = 10_000;
/** Held while a process migrates and loads the demo company, so that happens once however many start. */
const STARTUP_LOCK = 7_163_611_843_204_002n;

async function readKeyPair(https: NonNullable<Config['https']>): Promise<{ cert: Buffer; key: Buffer }> {
  const read = async (variable: string, file: string) => {
    try {
      return await readFile(file);
    } catch (error) {
      throw new ConfigError(variable, `cannot read '${file}' (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
    }
  };
  return { cert: await read('HTTPS_CERT', https.certFile), key: await read('HTTPS_KEY', https.keyFile) };
}

function publicUrl(config: Config): string {
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const shown = host.includes(':') ? `[${host}]` : host;
  return `${config.https ? 'https' : 'http'}://${shown}:${config.port}`;
}

async function prepareDatabase(handle: DatabaseHandle, config: Config): Promise<void> {
  await migrateToLatest(handle.db);
  if (!config.demoData) return;
  const report = await loadDemo(handle, {
    asOf: todayIn(config.companyTimeZone, new Date()),
    accountingCurrency: config.accountingCurrency,
  });
  process.stdout.write(
    report
      ? `Loaded the demo company (${report.files.map((f) => `${f.rows} ${f.kind}`).join(', ')}).\n`
      : 'The database already holds customers: the demo company was not loaded.\n',
  );
}

// Compiled (dist/server/main.js) the built add-in is dist/addin beside this folder; under tsx
// (server/main.ts) app.ts's default, dist/addin at the repository root, is right.
const COMPILED_ADDIN_DIR = import.meta.url.endsWith('.js') ? fileURLToPath(new URL('../addin', import.meta.url)) : undefined;

async function main(): Promise<void> {
  const config = loadConfig();
  const keyPair = config.https ? await readKeyPair(config.https) : undefined;
  const handle = await openDatabase({ databaseUrl: config.databaseUrl ?? undefined, dataDir: config.dataDir });
  // PGlite is one process's own database: nobody to wait for.
  if (handle.dialect === 'postgres') await withAdvisoryLock(handle.db, STARTUP_LOCK, () => prepareDatabase(handle, config));
  else await prepareDatabase(handle, config);

  const app = await buildApp({
    config,
    db: handle,
    server: keyPair ? { https: keyPair } : {},
    ...(COMPILED_ADDIN_DIR ? { addinDir: COMPILED_ADDIN_DIR } : {}),
  });
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // A terminal's Ctrl-C reaches both `npm start` and this process: one shutdown is enough.
    if (stopping) return;
    stopping = true;
    // close() stops accepting connections (requests on open ones get 503, readiness too), stops the
    // leased work (a letter batch after its current letter) and releases its leases, so another
    // process takes it over at once, and lets the requests in flight finish.
    app.log.info({ signal }, 'Shutting down');
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    // A keep-alive connection (a proxy's) whose request finishes during close() would otherwise stay
    // open until its client's timeout: close each one as soon as it is idle.
    setInterval(() => app.server.closeIdleConnections(), 100).unref();
    app
      .close()
      .then(() => handle.close())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        app.log.error({ err: error }, 'Shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  await app.listen({ port: config.port, host: config.host });
  const url = publicUrl(config);
  const database = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
  process.stdout.write(
    `\nCollections for Outlook is running on ${database}.\n` +
      `  Preview:  ${url}/preview\n  API docs: ${url}/docs\n\n`,
  );
  // Printed whatever LOG_LEVEL says: nobody should run this mode without knowing it.
  if (config.auth.mode === 'development') {
    process.stderr.write(
      '*** DEVELOPMENT AUTH MODE: no sign-in, every request acts as the demo agent. Loopback only; ' +
        'set AUTH_TENANT_ID and AUTH_CLIENT_ID before anyone else uses this server. ***\n\n',
    );
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`Configuration error: ${error.message}\n`);
  } else {
    process.stderr.write(`Could not start the server: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
