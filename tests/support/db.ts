// Fresh, migrated, isolated databases for tests: an in-memory PGlite, or a new uniquely named
// database on TEST_DATABASE_URL's PostgreSQL server that is dropped again on close.
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openDatabase, pgliteParsers, wrapPGlite, type DatabaseHandle } from '../../server/db/kysely';
import { migrateToLatest } from '../../server/db/migrate';

export type TestDatabaseName = 'pglite' | 'postgres';

const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ci = process.env.CI === 'true';

async function probePostgres(): Promise<string | null> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return `PostgreSQL at ${redact(serverUrl)} does not answer (${(error as Error).message})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

const postgresProblem = await probePostgres();
if (postgresProblem) {
  // Under CI nothing skips: openTestDatabase('postgres') throws so the suite fails.
  console.warn(`${postgresProblem}: ${ci ? 'failing (CI=true)' : 'skipping PostgreSQL tests'}`);
}

export const testDatabases: Array<{ name: TestDatabaseName; skipReason: string | null }> = [
  { name: 'pglite', skipReason: null },
  { name: 'postgres', skipReason: ci ? null : postgresProblem },
];

export async function openTestDatabase(name: TestDatabaseName): Promise<DatabaseHandle> {
  return name === 'pglite' ? openTestPGlite() : openTestPostgres();
}

// Migrating a fresh PGlite takes seconds; migrate one template per process and start every test
// database from a copy of its data directory.
let template: Promise<Blob> | undefined;

async function openTestPGlite(): Promise<DatabaseHandle> {
  template ??= (async () => {
    const client = await PGlite.create({ parsers: pgliteParsers });
    const handle = wrapPGlite(client);
    await migrateToLatest(handle.db);
    const dump = await client.dumpDataDir('none');
    await handle.close();
    return dump;
  })();
  const loadDataDir = await template;
  return wrapPGlite(await PGlite.create({ parsers: pgliteParsers, loadDataDir }));
}

async function openTestPostgres(): Promise<DatabaseHandle> {
  if (postgresProblem) throw new Error(postgresProblem);
  const name = `collections_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString() });
  const drop = async () => {
    await handle.close();
    await dropDatabase(name);
  };
  try {
    await migrateToLatest(handle.db);
  } catch (error) {
    await drop();
    throw error;
  }
  return { ...handle, close: drop };
}

// pg's Pool.end() resolves before the server has seen its connections go, and WITH (FORCE) would
// kill them under a client that then reports the error: wait for them to leave instead.
async function dropDatabase(name: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(`DROP DATABASE IF EXISTS ${name}`);
      return;
    } catch (error) {
      const inUse = (error as { code?: string }).code === '55006';
      if (!inUse) throw error;
      if (attempt >= 50) return adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

async function adminQuery(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
