// Every entry's settled total, latest settlement date and closing date stay equal to what its
// settlements say, whoever writes them: the import (new and existing entries) or a plain INSERT,
// UPDATE or DELETE on settlements.
import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../../server/db/schema';
import { loadDemo } from '../../../server/demo/load';
import { importFiles } from '../../../server/import/index';
import { openTestDatabase, testDatabases } from '../../support/db';
import { file, LEDGER_HEADER, SETTLEMENTS_HEADER } from '../import/fixtures';

interface Mismatch {
  external_id: string | null;
  stored: string;
  actual: string;
}

/** Entries whose stored totals differ from a recomputation over the settlements table. */
async function mismatches(db: Kysely<Database>): Promise<Mismatch[]> {
  const result = await sql<Mismatch>`
    with moves as (
      select debit_id as id, amount, settled_on from settlements
      union all select credit_id, amount, settled_on from settlements
    ), totals as (select id, sum(amount) as amount, max(settled_on) as last from moves group by id)
    select e.external_id,
      concat_ws(' ', e.settled_amount, e.last_settled_on, e.closed_on) as stored,
      concat_ws(' ', coalesce(t.amount, 0), t.last,
        case when t.amount = abs(e.amount) then t.last end) as actual
    from ledger_entries e left join totals t on t.id = e.id
    where (e.settled_amount, e.last_settled_on) is distinct from (coalesce(t.amount, 0), t.last)
       or e.closed_on is distinct from (case when t.amount = abs(e.amount) then t.last end)
    limit 5`.execute(db);
  return result.rows;
}

async function entry(db: Kysely<Database>, externalId: string) {
  return db
    .selectFrom('ledger_entries')
    .select(['id', 'settled_amount', 'last_settled_on', 'closed_on'])
    .where('external_id', '=', externalId)
    .executeTakeFirstOrThrow();
}

const customersCsv = () =>
  file('customers.csv', 'account,name,currency\nC-1,Contoso,USD\n');
const ledgerCsv = (...rows: string[]) => file('ledger.csv', [LEDGER_HEADER, ...rows].join('\n'));
const settlementsCsv = (...rows: string[]) => file('settlements.csv', [SETTLEMENTS_HEADER, ...rows].join('\n'));
const opts = { accountingCurrency: 'USD', actor: 'test' };

describe.each(testDatabases)('settled totals on $name', ({ name, skipReason }) => {
  it.skipIf(skipReason)('match the settlements after the demo company is imported', async () => {
    const handle = await openTestDatabase(name);
    try {
      await loadDemo(handle, { asOf: '2026-11-24', accountingCurrency: 'USD', customers: 40 });
      const counts = await sql<{ closed: string; partly: string }>`
        select count(*) filter (where closed_on is not null)::text as closed,
          count(*) filter (where closed_on is null and settled_amount > 0)::text as partly
        from ledger_entries`.execute(handle.db);
      // The demo has fully and partly settled entries, so both kinds of row are checked.
      expect(Number(counts.rows[0]!.closed)).toBeGreaterThan(100);
      expect(Number(counts.rows[0]!.partly)).toBeGreaterThan(0);
      expect(await mismatches(handle.db)).toEqual([]);
    } finally {
      await handle.close();
    }
  });

  it.skipIf(skipReason)('follow a second import that settles existing entries further', async () => {
    const handle = await openTestDatabase(name);
    try {
      await importFiles(handle, [
        customersCsv(),
        ledgerCsv('I1,C-1,invoice,INV-1,2026-01-10,2026-02-09,USD,1000.00,', 'P1,C-1,payment,PAY-1,2026-02-01,,USD,-400.00,'),
        settlementsCsv('I1,P1,300.00,2026-02-01'),
      ], opts);
      expect(await entry(handle.db, 'I1')).toMatchObject({ settled_amount: 30000n, last_settled_on: '2026-02-01', closed_on: null });

      await importFiles(handle, [
        ledgerCsv('P2,C-1,payment,PAY-2,2026-03-05,,USD,-700.00,'),
        settlementsCsv('I1,P1,300.00,2026-02-01', 'I1,P2,700.00,2026-03-05'),
      ], opts);
      expect(await entry(handle.db, 'I1')).toMatchObject({ settled_amount: 100000n, last_settled_on: '2026-03-05', closed_on: '2026-03-05' });
      expect(await entry(handle.db, 'P2')).toMatchObject({ settled_amount: 70000n, closed_on: '2026-03-05' });
      expect(await entry(handle.db, 'P1')).toMatchObject({ settled_amount: 30000n, closed_on: null });
      expect(await mismatches(handle.db)).toEqual([]);
    } finally {
      await handle.close();
    }
  });

  it.skipIf(skipReason)('follow direct inserts, updates and deletes of settlements', async () => {
    const handle = await openTestDatabase(name);
    try {
      await importFiles(handle, [
        customersCsv(),
        ledgerCsv('I1,C-1,invoice,INV-1,2026-01-10,2026-02-09,USD,500.00,', 'P1,C-1,payment,PAY-1,2026-02-01,,USD,-500.00,'),
      ], opts);
      const invoice = await entry(handle.db, 'I1');
      const payment = await entry(handle.db, 'P1');
      expect(invoice).toMatchObject({ settled_amount: 0n, last_settled_on: null, closed_on: null });

      const inserted = await handle.db
        .insertInto('settlements')
        .values({ debit_id: invoice.id, credit_id: payment.id, amount: 50000n, settled_on: '2026-02-03' })
        .returning('id')
        .executeTakeFirstOrThrow();
      expect(await entry(handle.db, 'I1')).toMatchObject({ settled_amount: 50000n, closed_on: '2026-02-03' });
      expect(await entry(handle.db, 'P1')).toMatchObject({ settled_amount: 50000n, closed_on: '2026-02-03' });

      await handle.db.updateTable('settlements').set({ amount: 20000n }).where('id', '=', inserted.id).execute();
      expect(await entry(handle.db, 'I1')).toMatchObject({ settled_amount: 20000n, last_settled_on: '2026-02-03', closed_on: null });

      await handle.db.deleteFrom('settlements').where('id', '=', inserted.id).execute();
      expect(await entry(handle.db, 'P1')).toMatchObject({ settled_amount: 0n, last_settled_on: null, closed_on: null });
      expect(await mismatches(handle.db)).toEqual([]);
    } finally {
      await handle.close();
    }
  });
});
