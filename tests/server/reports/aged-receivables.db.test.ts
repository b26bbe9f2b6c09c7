// The aged receivables report's lines, read through a cursor (PostgreSQL's way) and in keyset pages
// (PGlite's), on both databases: for every customer exactly the domain's balance, overdue, aging and
// per-currency aging as of the date, on the demo company and on random ledgers, by account, within
// an agent's customers when asked.
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../server/db/kysely';
import { agedReceivables, type Paging } from '../../../server/db/repositories/aged-receivables';
import { DEFAULT_AGING_PERIODS } from '../../../server/domain/aging';
import { addDays } from '../../../server/domain/dates';
import { DomainError } from '../../../server/domain/errors';
import type { AgingBy, AgingPeriod } from '../../../server/domain/types';
import { loadDemo } from '../../../server/demo/load';
import { importFiles } from '../../../server/import/index';
import type { AgedReceivablesQuery } from '../../../server/reports/aged-receivables';
import { openTestDatabase, testDatabases } from '../../support/db';
import { file, LEDGER_HEADER, SETTLEMENTS_HEADER } from '../import/fixtures';
import { allLines, domainLine, QUARTERS } from './support';

const TODAY = '2026-11-24';
const PAGINGS: Paging[] = ['cursor', 'keyset'];
const CASES: Array<[string, readonly AgingPeriod[], AgingBy]> = [
  [TODAY, DEFAULT_AGING_PERIODS, 'due_date'],
  [addDays(TODAY, -45), DEFAULT_AGING_PERIODS, 'document_date'],
  [addDays(TODAY, -200), QUARTERS, 'due_date'],
];

const query = (asOf: string, periods: readonly AgingPeriod[] = DEFAULT_AGING_PERIODS, by: AgingBy = 'due_date', agentId: string | null = null): AgedReceivablesQuery => ({
  asOf,
  periods,
  by,
  agentId,
});

describe.each(testDatabases)('aged receivables lines on $name', ({ name, skipReason }) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    if (skipReason) return;
    handle = await openTestDatabase(name);
    await loadDemo(handle, { asOf: TODAY, accountingCurrency: 'USD', customers: 30 });
  }, 120_000);
  afterAll(async () => handle?.close());

  it.skipIf(skipReason)('are the domain’s figures for every demo customer, by account, through either paging, today and on past dates', async () => {
    const customers = await handle.db.selectFrom('customers').select(['id', 'account']).orderBy('account').execute();
    for (const [asOf, periods, by] of CASES) {
      const expected = [];
      for (const { id, account } of customers) {
        const line = await domainLine(handle.db, id, asOf, periods, by);
        if (line) expected.push({ id, account, ...line });
      }
      // The demo has customers with balances on every date checked, so the comparison is not empty.
      expect(expected.length).toBeGreaterThan(10);
      for (const paging of PAGINGS) {
        // Pages of 7 put page boundaries inside the list.
        const lines = await allLines(agedReceivables(handle.db, query(asOf, periods, by), { paging, pageSize: 7 }));
        expect({ asOf, paging, lines: lines.map(({ name: _name, ...line }) => line) }).toEqual({ asOf, paging, lines: expected });
      }
    }
  });

  it.skipIf(skipReason)('keep to one agent’s customers when asked, and refuse an unknown agent', async () => {
    const agents = await handle.db.selectFrom('customers').select('default_agent_id').distinct().where('default_agent_id', 'is not', null).execute();
    expect(agents.length).toBeGreaterThan(1);
    const all = await allLines(agedReceivables(handle.db, query(TODAY), { paging: 'cursor' }));
    let seen = 0;
    for (const { default_agent_id: agentId } of agents) {
      const theirs = await handle.db.selectFrom('customers').select('id').where('default_agent_id', '=', agentId).execute();
      const ids = new Set(theirs.map((c) => c.id));
      for (const paging of PAGINGS) {
        const lines = await allLines(agedReceivables(handle.db, query(TODAY, undefined, undefined, agentId), { paging, pageSize: 3 }));
        expect(lines).toEqual(all.filter((line) => ids.has(line.id)));
      }
      seen += ids.size;
    }
    expect(seen).toBeGreaterThan(0);
    for (const paging of PAGINGS) {
      const unknown = allLines(agedReceivables(handle.db, query(TODAY, undefined, undefined, '00000000-0000-4000-8000-000000000000'), { paging }));
      await expect(unknown).rejects.toThrow(DomainError);
      await expect(unknown).rejects.toMatchObject({ kind: 'not_found', code: 'agent_not_found' });
    }
  });

  it.skipIf(skipReason)('end their transaction when the reader stops early', async () => {
    for (const paging of PAGINGS) {
      for await (const page of agedReceivables(handle.db, query(TODAY), { paging, pageSize: 3 })) {
        expect(page.length).toBeGreaterThan(0);
        break;
      }
      // A transaction left open would hold PGlite's one session: this query would never run.
      const { rows } = await sql<{ open: string }>`select count(*)::text as open from pg_stat_activity
        where datname = current_database() and state like 'idle in transaction%'`.execute(handle.db);
      expect({ paging, open: rows[0]?.open ?? '0' }).toEqual({ paging, open: '0' });
    }
  });

  it.skipIf(skipReason)('read a payment applied after the date as unapplied on it, whether or not anything closed since', async () => {
    // INV-P (800.00) is paid 300.00 on 2026-11-30 by PAY-P (500.00): both stay open, and as of
    // TODAY the settlement has not happened yet. The report reads what closed since the date to
    // choose its statement; it must give the domain's figures both before and after something
    // (INV-Q, paid in full on 2026-11-28) closes after the date.
    const customerLine = async (account: string) => {
      const [customer] = await handle.db.selectFrom('customers').select('id').where('account', '=', account).execute();
      return domainLine(handle.db, customer!.id, TODAY, DEFAULT_AGING_PERIODS, 'due_date');
    };
    await importFiles(handle, [
      file('customers.csv', 'account,name,currency\nLATE-PAY,Late Payment Co,USD\n'),
      file('ledger.csv', [
        LEDGER_HEADER,
        'LP-1,LATE-PAY,invoice,INV-P,2026-09-01,2026-10-01,USD,800.00,800.00',
        'LP-2,LATE-PAY,payment,PAY-P,2026-11-20,,USD,-500.00,-500.00',
      ].join('\n')),
      file('settlements.csv', `${SETTLEMENTS_HEADER}\nLP-1,LP-2,300.00,2026-11-30\n`),
    ], { accountingCurrency: 'USD', actor: 'test' });
    const expected = await customerLine('LATE-PAY');
    expect(expected).toMatchObject({ balance: 30000n, overdue: 80000n, buckets: [-50000n, 0n, 80000n, 0n, 0n, 0n] });
    const lineOf = async (paging: Paging) => {
      const line = (await allLines(agedReceivables(handle.db, query(TODAY), { paging }))).find((l) => l.account === 'LATE-PAY');
      return line && { balance: line.balance, overdue: line.overdue, buckets: line.buckets, byCurrency: line.byCurrency };
    };
    for (const paging of PAGINGS) expect(await lineOf(paging)).toEqual(expected);
    await importFiles(handle, [
      file('customers.csv', 'account,name,currency\nLATE-FULL,Paid Later Ltd,USD\n'),
      file('ledger.csv', [
        LEDGER_HEADER,
        'LQ-1,LATE-FULL,invoice,INV-Q,2026-10-01,2026-11-01,USD,100.00,100.00',
        'LQ-2,LATE-FULL,payment,PAY-Q,2026-11-28,,USD,-100.00,-100.00',
      ].join('\n')),
      file('settlements.csv', `${SETTLEMENTS_HEADER}\nLQ-1,LQ-2,100.00,2026-11-28\n`),
    ], { accountingCurrency: 'USD', actor: 'test' });
    for (const paging of PAGINGS) expect(await lineOf(paging)).toEqual(expected);
    expect(await customerLine('LATE-FULL')).toMatchObject({ balance: 10000n, overdue: 10000n });
  });

  it.skipIf(skipReason)('age a two-currency customer in the accounting currency and in each transaction currency', async () => {
    await importFiles(handle, [
      file('customers.csv', 'account,name,currency\nTWO-CUR,Two Currencies Ltd,USD\n'),
      file('ledger.csv', [
        LEDGER_HEADER,
        'TC-1,TWO-CUR,invoice,INV-1,2026-09-01,2026-10-01,USD,1000.00,1000.00',
        'TC-2,TWO-CUR,invoice,INV-2,2026-11-01,2026-12-01,EUR,500.00,540.00',
        'TC-3,TWO-CUR,invoice,INV-3,2026-06-01,2026-07-01,EUR,300.00,330.00',
        'TC-4,TWO-CUR,payment,PAY-1,2026-08-01,,EUR,-100.00,-110.00',
        'TC-5,TWO-CUR,credit_note,CN-1,2026-11-10,,USD,-50.00,-50.00',
      ].join('\n')),
      file('settlements.csv', `${SETTLEMENTS_HEADER}\nTC-3,TC-4,100.00,2026-08-01\n`),
    ], { accountingCurrency: 'USD', actor: 'test' });
    const lineOf = async (asOf: string, paging: Paging) =>
      (await allLines(agedReceivables(handle.db, query(asOf), { paging }))).find((line) => line.account === 'TWO-CUR');
    for (const paging of PAGINGS) {
      // INV-3 is 146 days overdue with 200.00 of 300.00 EUR open: 220.00 of its 330.00 USD.
      expect(await lineOf(TODAY, paging)).toMatchObject({
        balance: 171000n,
        overdue: 122000n,
        buckets: [49000n, 0n, 100000n, 0n, 0n, 22000n],
        byCurrency: [
          { currency: 'EUR', balance: 70000n, buckets: [50000n, 0n, 0n, 0n, 0n, 20000n] },
          { currency: 'USD', balance: 95000n, buckets: [-5000n, 0n, 100000n, 0n, 0n, 0n] },
        ],
      });
      // Before the payment: INV-3 alone, whole, 14 days overdue.
      expect(await lineOf('2026-07-15', paging)).toMatchObject({
        balance: 33000n,
        overdue: 33000n,
        buckets: [0n, 33000n, 0n, 0n, 0n, 0n],
        byCurrency: [{ currency: 'EUR', balance: 30000n, buckets: [0n, 30000n, 0n, 0n, 0n, 0n] }],
      });
    }
  });

  it.skipIf(skipReason)('are the domain’s figures for random ledgers, on random dates, bases and periods', async () => {
    const { id: agentId } = await handle.db
      .insertInto('agents')
      .values({ email: `random-${name}@example.com`, name: 'Random Ledgers', role: 'agent' })
      .returning('id')
      .executeTakeFirstOrThrow();
    let run = 0;
    let withLines = 0;
    await fc.assert(
      fc.asyncProperty(randomLedger, async (ledger) => {
        run += 1;
        const customerId = await insertLedger(handle, agentId, `RND-${run}`, ledger);
        const expected = await domainLine(handle.db, customerId, ledger.asOf, ledger.periods, ledger.by);
        if (expected) withLines += 1;
        for (const paging of PAGINGS) {
          const lines = await allLines(agedReceivables(handle.db, query(ledger.asOf, ledger.periods, ledger.by, agentId), { paging, pageSize: 2 }));
          const line = lines.find((l) => l.id === customerId);
          expect(line ? { balance: line.balance, overdue: line.overdue, buckets: line.buckets, byCurrency: line.byCurrency } : null).toEqual(expected);
        }
      }),
      { numRuns: 30 },
    );
    expect(withLines).toBeGreaterThan(10);
  });
});

const BASE = '2026-01-01';

interface RandomEntry {
  currency: string;
  amount: number;
  /** Accounting amount per 100 of the transaction amount. */
  rate: number;
  posted: number;
  due: number | null;
}

const entry = (sign: 1 | -1) =>
  fc.record({
    currency: fc.constantFrom('USD', 'EUR', 'JPY'),
    amount: fc.integer({ min: 1, max: 1_000_000 }).map((a) => a * sign),
    rate: fc.integer({ min: 30, max: 300 }),
    posted: fc.integer({ min: 0, max: 300 }),
    due: sign > 0 ? fc.option(fc.integer({ min: 0, max: 90 }), { nil: null }) : fc.constant(null),
  });

const randomLedger = fc.record({
  debits: fc.array(entry(1), { minLength: 1, maxLength: 6 }),
  credits: fc.array(entry(-1), { maxLength: 4 }),
  settlements: fc.array(fc.record({ debit: fc.nat(), credit: fc.nat(), percent: fc.integer({ min: 1, max: 100 }), after: fc.integer({ min: 0, max: 60 }) }), { maxLength: 6 }),
  asOf: fc.integer({ min: 0, max: 400 }).map((day) => addDays(BASE, day)),
  by: fc.constantFrom<AgingBy>('due_date', 'document_date'),
  periods: fc.constantFrom<readonly AgingPeriod[]>(DEFAULT_AGING_PERIODS, QUARTERS, [{ label: 'All', fromDays: null, toDays: null }]),
});

type RandomLedger = typeof randomLedger extends fc.Arbitrary<infer L> ? L : never;

/** Writes the ledger straight into the tables (the triggers keep the settled totals), as the import would. */
async function insertLedger(handle: DatabaseHandle, agentId: string, account: string, ledger: RandomLedger): Promise<string> {
  const db = handle.db;
  const { id } = await db
    .insertInto('customers')
    .values({ account, name: account, currency: 'USD', status: 'active', domains: [], customer_group: null, sales_area: null, payment_terms: null, credit_limit: null, credit_rating: null, customer_since: null, default_agent_id: agentId })
    .returning('id')
    .executeTakeFirstOrThrow();
  const all: RandomEntry[] = [...ledger.debits, ...ledger.credits];
  const rows = await db
    .insertInto('ledger_entries')
    .values(all.map((e, i) => {
      const accounting = BigInt(Math.trunc((e.amount * e.rate) / 100)) || BigInt(Math.sign(e.amount));
      return {
        customer_id: id, kind: e.amount > 0 ? 'invoice' : 'payment', document: `D-${i}`, currency: e.currency,
        posting_date: addDays(BASE, e.posted), due_date: e.due === null ? null : addDays(BASE, e.posted + e.due),
        amount: BigInt(e.amount), amount_accounting: accounting,
      } as const;
    }))
    .returning('id')
    .execute();
  const ids = rows.map((r) => r.id);
  // Open magnitudes left to settle; settlements in one currency, never more than either side holds,
  // dated on or after both postings (as the import demands).
  const left = all.map((e) => Math.abs(e.amount));
  const settled = new Map<string, { debit_id: string; credit_id: string; amount: bigint; settled_on: string }>();
  for (const s of ledger.settlements) {
    if (ledger.credits.length === 0) break;
    const d = s.debit % ledger.debits.length;
    const c = ledger.debits.length + (s.credit % ledger.credits.length);
    if (all[d]!.currency !== all[c]!.currency) continue;
    const amount = Math.floor((Math.min(left[d]!, left[c]!) * s.percent) / 100);
    if (amount === 0) continue;
    left[d]! -= amount;
    left[c]! -= amount;
    const date = addDays(BASE, Math.max(all[d]!.posted, all[c]!.posted) + s.after);
    const key = `${d}/${c}/${date}`;
    const same = settled.get(key);
    if (same) same.amount += BigInt(amount);
    else settled.set(key, { debit_id: ids[d]!, credit_id: ids[c]!, amount: BigInt(amount), settled_on: date });
  }
  if (settled.size > 0) await db.insertInto('settlements').values([...settled.values()]).execute();
  return id;
}
