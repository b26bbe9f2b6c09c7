// Bulk loads with COPY through the database handle's transactions, on PGlite and on PostgreSQL: the
// rows land in the transaction (its temporary tables included), go when it rolls back, and a COPY
// that fails leaves the handle usable.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyField, type DatabaseHandle } from '../../../server/db/kysely';
import { openTestDatabase, testDatabases } from '../../support/db';

describe.each(testDatabases)('COPY in a transaction on $name', ({ name, skipReason }) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    if (skipReason) return;
    handle = await openTestDatabase(name);
    await sql`create table copy_probe (n int4 not null)`.execute(handle.db);
  });
  afterAll(async () => handle?.close());

  const probe = async () =>
    (await sql<{ n: number }>`select n from copy_probe order by n`.execute(handle.db)).rows.map((r) => r.n);

  it.skipIf(skipReason)('loads escaped text and nulls into a temporary table of the transaction, from a string or a stream', async () => {
    const awkward = 'a tab\there, a line\r\nbreak, a backslash \\ and 😀 中文';
    const rows = await handle.transaction(async (trx) => {
      await sql`create temporary table staged (n int4, note text) on commit drop`.execute(trx.db);
      await trx.copyFrom('staged', ['n', 'note'], `1\t${copyField(awkward)}\n2\t${copyField(null)}\n`);
      // Chunks need not end at a row, nor a field.
      async function* stream() {
        yield '3\tstre';
        yield 'amed\n4\t';
        yield `${copyField('end')}\n`;
      }
      await trx.copyFrom('staged', ['n', 'note'], stream());
      return (await sql<{ n: number; note: string | null }>`select n, note from staged order by n`.execute(trx.db)).rows;
    });
    expect(rows).toEqual([
      { n: 1, note: awkward },
      { n: 2, note: null },
      { n: 3, note: 'streamed' },
      { n: 4, note: 'end' },
    ]);
  });

  it.skipIf(skipReason)('commits the rows with the transaction, and drops them when it throws', async () => {
    const undo = handle.transaction(async (trx) => {
      await trx.copyFrom('copy_probe', ['n'], '1\n2\n');
      expect((await sql<{ n: number }>`select count(*)::int4 as n from copy_probe`.execute(trx.db)).rows[0]?.n).toBe(2);
      throw new Error('undo');
    });
    await expect(undo).rejects.toThrow('undo');
    expect(await probe()).toEqual([]);
    await handle.transaction((trx) => trx.copyFrom('copy_probe', ['n'], '3\n'));
    expect(await probe()).toEqual([3]);
  });

  it.skipIf(skipReason)('rejects rows PostgreSQL refuses, rolls back, and the handle goes on working', async () => {
    const bad = handle.transaction(async (trx) => {
      await trx.copyFrom('copy_probe', ['n'], '4\n');
      await trx.copyFrom('copy_probe', ['n'], 'five\n');
    });
    await expect(bad).rejects.toThrow(/integer/);
    expect(await probe()).toEqual([3]);
    await handle.transaction((trx) => trx.copyFrom('copy_probe', ['n'], '6\n'));
    expect(await probe()).toEqual([3, 6]);
  });
});
