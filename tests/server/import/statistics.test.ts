// Right after an import the planner knows the tables it loaded (the import analyzes them before it
// returns, so the pane's first queries are not planned for empty tables), and the server's own
// PostgreSQL sessions do not JIT-compile its short queries.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../server/db/kysely';
import { importFiles } from '../../../server/import/index';
import { openTestDatabase, testDatabases } from '../../support/db';
import { customers, ledger, settlements } from './fixtures';

const LOADED = ['customers', 'ledger_entries', 'settlements'];

describe.each(testDatabases)('statistics after an import on $name', ({ name, skipReason }) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    if (skipReason) return;
    handle = await openTestDatabase(name);
  });
  afterAll(async () => handle?.close());

  it.skipIf(skipReason)('has analyzed the loaded tables when importFiles returns', async () => {
    await importFiles(handle, [customers(), ledger(), settlements()], { accountingCurrency: 'USD', actor: 'test' });
    const { rows } = await sql<{ relname: string; reltuples: number }>`
      select relname, reltuples::float8 as reltuples from pg_class where relname in (${sql.join(LOADED)}) and relkind = 'r'
    `.execute(handle.db);
    expect(rows).toHaveLength(LOADED.length);
    for (const row of rows) expect(row.reltuples, row.relname).toBeGreaterThan(0);
    if (name === 'postgres') {
      const stats = await sql<{ relname: string; last_analyze: Date | null }>`
        select relname, last_analyze from pg_stat_user_tables where relname in (${sql.join(LOADED)}) and schemaname = current_schema()
      `.execute(handle.db);
      for (const row of stats.rows) expect(row.last_analyze, row.relname).not.toBeNull();
    }
  });

});

// JIT is PostgreSQL's alone (PGlite has no JIT), so this one runs on the server only.
describe.skipIf(testDatabases[1]?.skipReason)('the server pool on postgres', () => {
  it('runs its sessions with JIT off', async () => {
    const handle = await openTestDatabase('postgres');
    try {
      const { rows } = await sql<{ jit: string }>`show jit`.execute(handle.db);
      expect(rows[0]!.jit).toBe('off');
    } finally {
      await handle.close();
    }
  });
});
