// Shared by the standalone benchmarks (outbox.ts, letters.ts): a fresh migrated database (PGlite in
// memory, or a uniquely named PostgreSQL database dropped on close), CSV import, CLI flags, a table.
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../server/db/kysely';
import { migrateToLatest } from '../server/db/migrate';
import { importFiles } from '../server/import/index';

export type BenchDatabase = 'pglite' | 'postgres';

export const DEFAULT_ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function admin<T extends pg.QueryResultRow>(adminUrl: string, statement: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return (await client.query<T>(statement, params)).rows;
  } finally {
    await client.end();
  }
}

// pg's pool.end() resolves before its clients' sessions are gone; a forced drop that terminated one
// still listening would crash the process with an unhandled 'error' event. Wait for them first.
async function dropWhenIdle(adminUrl: string, name: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const [row] = await admin<{ n: number }>(adminUrl, 'select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
    if (row?.n === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await admin(adminUrl, `drop database if exists "${name}" with (force)`);
}

/**
 * Migrated and empty; for PostgreSQL a new database `sbench_<label>_<random>` next to `adminUrl` (a
 * prefix of its own, so `npm run bench` clean-ups never touch it), dropped by close().
 */
export async function openFreshDatabase(kind: BenchDatabase, label: string, adminUrl = DEFAULT_ADMIN_URL): Promise<DatabaseHandle> {
  if (kind === 'pglite') {
    const handle = await openDatabase({ dataDir: 'memory://' });
    await migrateToLatest(handle.db);
    return handle;
  }
  const name = `sbench_${label}_${randomBytes(4).toString('hex')}`;
  await admin(adminUrl, `create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString() });
  const drop = async () => {
    await handle.close();
    await dropWhenIdle(adminUrl, name);
  };
  try {
    await migrateToLatest(handle.db);
  } catch (error) {
    await drop();
    throw error;
  }
  return { ...handle, close: drop };
}

/** Imports CSV texts through the product's importer (one all-or-nothing set), as an agent would. */
export async function importCsv(handle: DatabaseHandle, files: Record<string, string>, accountingCurrency = 'USD'): Promise<void> {
  const sources = Object.entries(files).map(([name, text]) => ({ name, open: () => Readable.from([text]) }));
  await importFiles(handle, sources, { accountingCurrency, actor: 'bench' });
}

/** `--<count> N --db pglite|postgres`: the count (default `fallback`) and the databases to run. */
export function cliOptions(count: string, fallback: number): { count: number; databases: BenchDatabase[] } {
  const { values } = parseArgs({ options: { [count]: { type: 'string' }, db: { type: 'string' } } });
  const n = Number(values[count] ?? fallback);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${count} must be a positive whole number.`);
  const db = values.db;
  if (db !== undefined && db !== 'pglite' && db !== 'postgres') throw new Error('--db must be pglite or postgres.');
  return { count: n, databases: db ? [db] : ['pglite', 'postgres'] };
}

/** Prints figures as a two-column table, numbers with at most two decimals. */
export function printFigures(figures: Record<string, number>): void {
  const width = Math.max(...Object.keys(figures).map((k) => k.length));
  for (const [name, value] of Object.entries(figures)) {
    const shown = Number.isInteger(value) ? String(value) : value.toFixed(2);
    console.log(`${name.padEnd(width)}  ${shown.padStart(10)}`);
  }
}
