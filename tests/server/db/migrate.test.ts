// Migrations bring both databases to the same schema, and are safe to run twice and concurrently.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/db/kysely';
import { migrateToLatest } from '../../../server/db/migrate';
import { openTestDatabase, testDatabases } from '../../support/db';

describe.each(testDatabases)('migrations on $name', ({ name, skipReason }) => {
  it.skipIf(skipReason)('run twice without change and record each migration once', async () => {
    const handle = await openTestDatabase(name);
    try {
      await migrateToLatest(handle.db);
      const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(handle.db);
      expect(rows.rows.map((r) => r.name)).toContain('001-ledger');
      expect(new Set(rows.rows.map((r) => r.name)).size).toBe(rows.rows.length);
    } finally {
      await handle.close();
    }
  });

  it.skipIf(skipReason)('return int8 as bigint, date as YYYY-MM-DD and text[] as an array', async () => {
    const handle = await openTestDatabase(name);
    try {
      const customer = await handle.db
        .insertInto('customers')
        .values({ account: 'C-1', name: 'Contoso', currency: 'USD', status: 'active', credit_limit: 9007199254740993n,
          customer_since: '2020-02-29', domains: ['contoso.com', 'contoso.de'] })
        .returningAll()
        .executeTakeFirstOrThrow();
      expect(customer.credit_limit).toBe(9007199254740993n);
      expect(customer.customer_since).toBe('2020-02-29');
      expect(customer.domains).toEqual(['contoso.com', 'contoso.de']);
      expect(customer.created_at).toBeInstanceOf(Date);
    } finally {
      await handle.close();
    }
  });
});

describe.skipIf(testDatabases[1]?.skipReason)('migrations on postgres from two processes', () => {
  it('apply once when two pools migrate the same fresh database at the same moment', async () => {
    const scratch = await openTestDatabase('postgres');
    // openTestDatabase migrated it already: reset to empty, then race two independent pools.
    await sql`drop schema public cascade; create schema public`.execute(scratch.db);
    const url = await sql<{ db: string }>`select current_database() as db`.execute(scratch.db);
    const target = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
    target.pathname = `/${url.rows[0]!.db}`;
    const a = await openDatabase({ databaseUrl: target.toString() });
    const b = await openDatabase({ databaseUrl: target.toString() });
    try {
      await Promise.all([migrateToLatest(a.db), migrateToLatest(b.db)]);
      const applied = await sql<{ n: string }>`select count(*)::text as n from kysely_migration where name = '001-ledger'`.execute(a.db);
      expect(applied.rows[0]!.n).toBe('1');
      const tables = await sql<{ t: string }>`select tablename as t from pg_tables where schemaname = 'public'`.execute(a.db);
      expect(tables.rows.map((r) => r.t)).toEqual(expect.arrayContaining(['customers', 'ledger_entries', 'settlements']));
    } finally {
      await a.close();
      await b.close();
      await scratch.close();
    }
  });
});

describe('the embedded database', () => {
  it('keeps its data in the data folder across restarts', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'collections-db-'));
    const dataDir = join(parent, 'data');
    try {
      const first = await openDatabase({ dataDir });
      await migrateToLatest(first.db);
      await first.db.insertInto('agents').values({ email: 'ann@example.com', write_off_limit: null }).execute();
      await first.close();
      const second = await openDatabase({ dataDir });
      await migrateToLatest(second.db);
      const agents = await second.db.selectFrom('agents').select('email').execute();
      await second.close();
      expect(agents).toEqual([{ email: 'ann@example.com' }]);
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });
});
