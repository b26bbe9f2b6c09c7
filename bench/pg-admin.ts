// PostgreSQL databases of the benchmark under BENCH_DATABASE_URL: created fresh, renamed into
// place once loaded, marked with the data set they hold, and dropped when a quick run ends.
import pg from 'pg';

export const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function urlOf(database: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function postgresReachable(): Promise<string | null> {
  try {
    await withClient(ADMIN_URL, (c) => c.query('select 1'));
    return null;
  } catch (error) {
    return `PostgreSQL at ${ADMIN_URL} is not reachable (${(error as Error).message})`;
  }
}

export async function dropDatabase(name: string): Promise<void> {
  await withClient(ADMIN_URL, (c) => c.query(`drop database if exists ${ident(name)} with (force)`));
}

export async function createDatabase(name: string): Promise<void> {
  await dropDatabase(name);
  await withClient(ADMIN_URL, (c) => c.query(`create database ${ident(name)}`));
}

export async function renameDatabase(from: string, to: string): Promise<void> {
  await dropDatabase(to);
  await withClient(ADMIN_URL, (c) => c.query(`alter database ${ident(from)} rename to ${ident(to)}`));
}

/** The data set key recorded in the database, or null if it does not exist or was never finished. */
export async function loadedKey(name: string): Promise<string | null> {
  const exists = await withClient(ADMIN_URL, (c) => c.query('select 1 from pg_database where datname = $1', [name]));
  if (exists.rowCount === 0) return null;
  return withClient(urlOf(name), async (c) => {
    // A missing bench_meta (a load that never finished) fails the query: not loaded.
    const found = await c.query<{ key: string }>('select key from bench_meta').catch(() => ({ rows: [] as Array<{ key: string }> }));
    return found.rows[0]?.key ?? null;
  });
}

export async function markLoaded(name: string, key: string): Promise<void> {
  await withClient(urlOf(name), async (c) => {
    await c.query('create table if not exists bench_meta (key text not null)');
    await c.query('delete from bench_meta');
    await c.query('insert into bench_meta (key) values ($1)', [key]);
    // Fresh statistics and visibility map, as a loaded production database would have.
    await c.query('vacuum analyze');
  });
}

/** Databases whose names start with `prefix` (a quick run drops all of its own at the end). */
export async function databasesLike(prefix: string): Promise<string[]> {
  const found = await withClient(ADMIN_URL, (c) =>
    c.query<{ datname: string }>('select datname from pg_database where starts_with(datname, $1)', [prefix]),
  );
  return found.rows.map((r) => r.datname);
}
