// Starts the server from its environment: configuration, database and migrations, the demo company
// when DEMO_DATA=1 and the database is empty, then HTTP(S); stops cleanly on SIGINT/SIGTERM.
import { readFile } from 'node:fs/promises';
import { buildApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { openDatabase } from './db/kysely';
import { migrateToLatest } from './db/migrate';
import { loadDemo } from './demo/load';
import { todayIn } from './domain/dates';

const SHUTDOWN_GRACE_MS = 10_000;

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

async function main(): Promise<void> {
  const config = loadConfig();
  const keyPair = config.https ? await readKeyPair(config.https) : undefined;
  const handle = await openDatabase({ databaseUrl: config.databaseUrl ?? undefined, dataDir: config.dataDir });
  await migrateToLatest(handle.db);
  if (config.demoData) {
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

  const app = await buildApp({ config, db: handle, server: keyPair ? { https: keyPair } : {} });
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // A terminal's Ctrl-C reaches both `npm start` and this process: one shutdown is enough.
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'Shutting down');
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
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
