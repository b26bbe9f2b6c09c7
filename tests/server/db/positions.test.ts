// Customer positions (migration 013) stay equal to their live computation whatever writes the
// ledger, holds and activities (imports, settlements and their reversals, NSF, write-offs, status
// changes, broken promises), become stale only when time passes a date they name, and the live
// computation agrees with the domain's summary rules.
import fc from 'fast-check';
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../server/db/kysely';
import { markBrokenPromises } from '../../../server/db/repositories/broken-promises';
import { changeStatus } from '../../../server/db/repositories/collection-status';
import { loadLedger } from '../../../server/db/repositories/ledger';
import { returnPayment } from '../../../server/db/repositories/nsf';
import { ensurePositionsCurrent, livePositions, storedPositions, type PositionRow } from '../../../server/db/repositories/positions';
import { reverseSettlement, settle } from '../../../server/db/repositories/settlements';
import { requestWriteOff } from '../../../server/db/repositories/write-offs';
import type { Database } from '../../../server/db/schema';
import { isOverdue } from '../../../server/domain/aging';
import { balanceOf, overdueOf } from '../../../server/domain/credit';
import { addDays, daysBetween } from '../../../server/domain/dates';
import { DomainError } from '../../../server/domain/errors';
import { ledgerAsOf } from '../../../server/domain/ledger-asof';
import { priorityOf } from '../../../server/domain/pools/priority';
import { collectionStatuses, countCollectionStatuses } from '../../../server/domain/statuses';
import type { IsoDate } from '../../../server/domain/types';
import { loadDemo } from '../../../server/demo/load';
import { importFiles } from '../../../server/import/index';
import { openTestDatabase, testDatabases } from '../../support/db';
import { file, LEDGER_HEADER } from '../import/fixtures';

const opts = { accountingCurrency: 'USD', actor: 'test' };
const CUSTOMERS_HEADER = 'account,name,currency';

/** The figures of a row, without the date it was computed for and its validity. */
function figures(row: PositionRow) {
  const { computed_for: _for, next_change_on: _next, ...rest } = row;
  return { ...rest, urgent_due_sum: String(BigInt(rest.urgent_due_sum)) };
}

async function live(db: Kysely<Database>, asOf: IsoDate, ids?: string[]): Promise<PositionRow[]> {
  return db.selectFrom(livePositions(asOf, ids).as('p')).selectAll().orderBy('customer_id').execute();
}

/** The domain's worklist priority of a position on `today`. */
function domainPriority(p: PositionRow, today: IsoDate): number {
  const dayNumber = BigInt(daysBetween('2000-01-01' as IsoDate, today));
  return priorityOf(
    {
      urgentOverdue: p.urgent_overdue,
      urgentOverdueDays: p.urgent_overdue * dayNumber - BigInt(p.urgent_due_sum),
      brokenPromises: p.broken_count,
      disputes: p.disputed_count,
      lastContactOn: p.last_activity_at ? p.last_activity_at.toISOString().slice(0, 10) : null,
      nextFollowUpOn: p.next_follow_up_on,
      onHold: p.on_hold,
    },
    today,
  );
}

/**
 * Every stored row is valid for `today` and has the figures computed live for it, and the worklist
 * priorities kept in order (migration 020) are the domain's priority of those figures on `today`,
 * with the customer's account.
 */
async function expectCurrent(db: Kysely<Database>, today: IsoDate): Promise<void> {
  const stored = await storedPositions(db);
  const invalid = stored.filter((r) => r.computed_for > today || (r.next_change_on !== null && r.next_change_on <= today));
  expect(invalid).toEqual([]);
  const computed = await live(db, today);
  expect(stored.map(figures)).toEqual(computed.map(figures));
  const accounts = new Map((await db.selectFrom('customers').select(['id', 'account']).execute()).map((c) => [c.id, c.account]));
  const kept = await db.selectFrom('customer_priorities').select(['customer_id', 'account', 'priority', 'priced_on']).orderBy('customer_id').execute();
  expect(kept.map((k) => ({ ...k, priority: Number(k.priority) }))).toEqual(
    computed.map((p) => ({ customer_id: p.customer_id, account: accounts.get(p.customer_id), priority: domainPriority(p, today), priced_on: today })),
  );
}

const money = (minor: bigint) => `${minor < 0n ? '-' : ''}${(minor < 0n ? -minor : minor) / 100n}.${String((minor < 0n ? -minor : minor) % 100n).padStart(2, '0')}`;

interface Seed {
  customer: number;
  debit: boolean;
  euro: boolean;
  amount: bigint;
  posted: number;
  terms: number;
}

const seedArb = fc.record({
  customer: fc.integer({ min: 0, max: 2 }),
  debit: fc.boolean(),
  euro: fc.boolean(),
  amount: fc.bigInt({ min: 1n, max: 500_000n }),
  posted: fc.integer({ min: -60, max: 10 }),
  terms: fc.integer({ min: 0, max: 45 }),
});

/** Ledger lines for the import, posted relative to `today` (some after it). */
function ledgerLines(run: string, seeds: Seed[], today: IsoDate, from: number): string[] {
  return seeds.map((s, i) => {
    const minor = s.debit ? s.amount : -s.amount;
    const posted = addDays(today, s.posted);
    const kind = s.debit ? 'invoice' : 'payment';
    const accounting = s.euro ? money((minor * 11n) / 10n) : '';
    return `${run}-E${from + i},${run}-C${s.customer},${kind},${kind.toUpperCase()}-${run}-${from + i},${posted},${s.debit ? addDays(posted, s.terms) : ''},${s.euro ? 'EUR' : 'USD'},${money(minor)},${accounting}`;
  });
}

const actionArb = fc.record({
  kind: fc.constantFrom(
    'settle', 'settle', 'reverse', 'nsf', 'write_off', 'dispute', 'promise', 'resolve', 'hold', 'lift', 'activity',
    'activity_update', 'import', 'advance', 'advance', 'broken',
  ),
  pick: fc.nat(),
  other: fc.nat(),
  share: fc.integer({ min: 1, max: 100 }),
  days: fc.integer({ min: 0, max: 40 }),
  flag: fc.boolean(),
  seeds: fc.array(seedArb, { minLength: 1, maxLength: 2 }),
});
type Action = typeof actionArb extends fc.Arbitrary<infer T> ? T : never;

interface Entry {
  id: string;
  customer_id: string;
  kind: string;
  currency: string;
  amount: bigint;
  open: bigint;
  posting_date: string;
  version: number;
}

/** The run's entries with what is open of them (every settlement here is dated by today). */
async function entries(db: Kysely<Database>, customerIds: string[]): Promise<Entry[]> {
  const rows = await db
    .selectFrom('ledger_entries')
    .select(['id', 'customer_id', 'kind', 'currency', 'amount', 'settled_amount', 'posting_date', 'version'])
    .where('customer_id', 'in', customerIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, open: r.amount > 0n ? r.amount - r.settled_amount : r.amount + r.settled_amount }));
}

const nth = <T>(list: T[], n: number): T | undefined => list[n % Math.max(list.length, 1)];

async function act(handle: DatabaseHandle, run: string, customerIds: string[], a: Action, state: { today: IsoDate; agentId: string; imported: number }): Promise<void> {
  const { db } = handle;
  const today = state.today;
  const ctx = { agentId: state.agentId, today };
  const all = await entries(db, customerIds);
  const posted = all.filter((e) => e.posting_date <= today);
  const debits = posted.filter((e) => e.amount > 0n && e.open > 0n);
  const credits = posted.filter((e) => e.amount < 0n && e.open < 0n);
  const customer = nth(customerIds, a.pick)!;
  switch (a.kind) {
    case 'settle': {
      const debit = nth(debits, a.pick);
      const credit = debit && nth(credits.filter((c) => c.customer_id === debit.customer_id && c.currency === debit.currency), a.other);
      if (!debit || !credit) return;
      const most = debit.open < -credit.open ? debit.open : -credit.open;
      const amount = (most * BigInt(a.share)) / 100n || 1n;
      await db.transaction().execute((trx) => settle(trx, debit.customer_id, { pairs: [{ debitId: debit.id, creditId: credit.id, amount }] }, {}, ctx));
      return;
    }
    case 'reverse': {
      const mine = await db
        .selectFrom('settlements')
        .select('id')
        .where('debit_id', 'in', all.map((e) => e.id))
        .where('created_by', 'is not', null)
        .where('reversal_of', 'is', null)
        .where('reversed_on', 'is', null)
        .where('amount', '>', 0n)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      const chosen = nth(mine, a.pick);
      if (chosen) await db.transaction().execute((trx) => reverseSettlement(trx, chosen.id, today, ctx));
      return;
    }
    case 'nsf': {
      const payment = nth(posted.filter((e) => e.kind === 'payment'), a.pick);
      if (payment) await db.transaction().execute((trx) => returnPayment(trx, payment.id, { date: today, version: payment.version, note: null }, ctx));
      return;
    }
    case 'write_off': {
      const debit = nth(debits, a.pick);
      if (!debit) return;
      const items = [{ transactionId: debit.id, amount: (debit.open * BigInt(a.share)) / 100n || 1n }];
      await db.transaction().execute((trx) => requestWriteOff(trx, debit.customer_id, { items, reasonCode: 'small_balance', note: null, versions: {} }, ctx));
      return;
    }
    case 'dispute':
    case 'promise':
    case 'resolve': {
      const debit = nth(debits, a.pick);
      if (!debit) return;
      const base = { transactionIds: [debit.id], versions: { [debit.id]: debit.version }, note: null };
      const change =
        a.kind === 'dispute'
          ? { ...base, status: 'disputed' as const, dispute: { reasonCode: 'price' } }
          : a.kind === 'resolve'
            ? { ...base, status: 'resolved' as const }
            : {
                ...base,
                status: 'promise_to_pay' as const,
                promise: { date: addDays(today, a.days % 10), items: [{ transactionId: debit.id, amount: (debit.open * BigInt(a.share)) / 100n || 1n, currency: debit.currency }] },
              };
      await db.transaction().execute((trx) => changeStatus(trx, debit.customer_id, change, ctx));
      return;
    }
    case 'hold': {
      const entry = a.flag ? nth(posted.filter((e) => e.customer_id === customer), a.other) : undefined;
      const target = entry?.id ?? null;
      const active = await db
        .selectFrom('collection_holds')
        .select('id')
        .where('customer_id', '=', customer)
        .where((eb) => (target === null ? eb('transaction_id', 'is', null) : eb('transaction_id', '=', target)))
        .where('lifted_at', 'is', null)
        .executeTakeFirst();
      if (active) return;
      const heldUntil = a.days % 3 === 0 ? null : addDays(today, a.days % 15);
      await db.insertInto('collection_holds').values({ customer_id: customer, transaction_id: target, reason: 'test', held_until: heldUntil, created_by: 'test', lifted_by: null, lifted_at: null }).execute();
      return;
    }
    case 'lift': {
      const holds = await db.selectFrom('collection_holds').select('id').where('customer_id', 'in', customerIds).where('lifted_at', 'is', null).orderBy('id').execute();
      const hold = nth(holds, a.pick);
      if (hold) await db.updateTable('collection_holds').set({ lifted_at: new Date(), lifted_by: 'test' }).where('id', '=', hold.id).execute();
      return;
    }
    case 'activity': {
      const at = (days: number, hour: number) => new Date(`${addDays(today, days)}T${String(hour).padStart(2, '0')}:00:00Z`);
      await db
        .insertInto('activities')
        .values({
          customer_id: customer, type: a.flag ? 'call' : 'task', purpose: 'test', owner_agent_id: state.agentId,
          start_at: a.flag ? at(-(a.days % 3), 9) : null, follow_up_at: a.share % 2 === 0 ? at(a.days % 12, 12) : null,
          due_at: a.flag ? null : at(a.days % 5, 15), status: a.share % 7 === 0 ? 'completed' : 'open', created_at: at(0, 10),
        })
        .execute();
      return;
    }
    case 'activity_update': {
      const rows = await db.selectFrom('activities').select('id').where('customer_id', 'in', customerIds).orderBy('id').execute();
      const row = nth(rows, a.pick);
      if (!row) return;
      const change = a.share % 3 === 0 ? { status: 'cancelled' as const } : a.share % 3 === 1 ? { status: 'completed' as const } : { follow_up_at: new Date(`${addDays(today, a.days % 9)}T08:00:00Z`) };
      await db.updateTable('activities').set(change).where('id', '=', row.id).execute();
      return;
    }
    case 'import': {
      const lines = ledgerLines(run, a.seeds, today, state.imported);
      state.imported += lines.length;
      await importFiles(handle, [file('ledger.csv', [LEDGER_HEADER, ...lines].join('\n'))], opts);
      return;
    }
    case 'advance':
      state.today = addDays(today, 1 + (a.days % 20));
      await ensurePositionsCurrent(db, state.today);
      return;
    case 'broken':
      await markBrokenPromises(db, { today, graceDays: 0, graphEnabled: false });
      return;
  }
}

describe.each(testDatabases)('customer positions on $name', ({ name, skipReason }) => {
  it.skipIf(skipReason)('equal the live computation after any sequence of writes', async () => {
    const handle = await openTestDatabase(name);
    try {
      const { db } = handle;
      const { id: agentId } = await db.insertInto('agents').values({ email: 'manager@example.com', role: 'manager' }).returning('id').executeTakeFirstOrThrow();
      const state = { today: '2026-03-01', agentId, imported: 0 };
      let runs = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(seedArb, { minLength: 2, maxLength: 10 }), fc.array(actionArb, { minLength: 1, maxLength: 12 }), async (seeds, actions) => {
          const run = `R${runs++}`;
          state.imported = 0;
          await ensurePositionsCurrent(db, state.today);
          const customersCsv = [CUSTOMERS_HEADER, ...[0, 1, 2].map((i) => `${run}-C${i},Customer ${run}-${i},USD`)].join('\n');
          const lines = ledgerLines(run, seeds, state.today, 0);
          state.imported = lines.length;
          await importFiles(handle, [file('customers.csv', customersCsv), file('ledger.csv', [LEDGER_HEADER, ...lines].join('\n'))], opts);
          const customerIds = (await db.selectFrom('customers').select('id').where('account', 'like', `${run}-%`).orderBy('account').execute()).map((c) => c.id);
          await expectCurrent(db, state.today);
          for (const a of actions) {
            try {
              await act(handle, run, customerIds, a, state);
            } catch (error) {
              // An action the rules refuse (e.g. a promise on a debit already promised) writes nothing.
              if (!(error instanceof DomainError)) throw error;
            }
            await expectCurrent(db, state.today);
          }
        }),
        { numRuns: name === 'pglite' ? 8 : 15 },
      );
    } finally {
      await handle.close();
    }
  }, 600_000);

  it.skipIf(skipReason)('go stale when a due date passes, and ensurePositionsCurrent brings them up to date', async () => {
    const handle = await openTestDatabase(name);
    try {
      const { db } = handle;
      await ensurePositionsCurrent(db, '2026-03-01');
      await importFiles(handle, [
        file('customers.csv', `${CUSTOMERS_HEADER}\nC-1,Contoso,USD\nC-2,Fabrikam,USD`),
        file('ledger.csv', [LEDGER_HEADER, 'I1,C-1,invoice,INV-1,2026-02-01,2026-03-03,USD,1000.00,', 'I2,C-1,invoice,INV-2,2026-02-10,2026-03-20,USD,500.00,'].join('\n')),
      ], opts);
      const [contoso, fabrikam] = await storedPositions(db);
      expect(contoso).toMatchObject({ computed_for: '2026-03-01', next_change_on: '2026-03-04', balance: 150000n, overdue: 0n, oldest_overdue_due: null });
      // A customer with nothing open has a row of zeros that no date changes.
      expect(fabrikam).toMatchObject({ balance: 0n, overdue: 0n, urgent_overdue: 0n, on_hold: false, next_change_on: null });

      // On the 4th, INV-1 is overdue: the row says it is stale until recomputed.
      const stale = await db.selectFrom('customer_positions').select('customer_id').where('next_change_on', '<=', '2026-03-04').execute();
      expect(stale.map((r) => r.customer_id)).toEqual([contoso!.customer_id]);
      await ensurePositionsCurrent(db, '2026-03-04');
      const [after] = await storedPositions(db, [contoso!.customer_id]);
      expect(after).toMatchObject({
        computed_for: '2026-03-04', next_change_on: '2026-03-21', overdue: 100000n, urgent_overdue: 100000n, oldest_overdue_due: '2026-03-03',
        // 100000 × (2026-03-03 − 2000-01-01 = 9558 days)
        urgent_due_sum: '955800000',
      });
      await expectCurrent(db, '2026-03-04');
      // A day later only the priority moved (one more day overdue); a renamed account moves in the order.
      await ensurePositionsCurrent(db, '2026-03-05');
      await db.updateTable('customers').set({ account: 'A-1' }).where('id', '=', contoso!.customer_id).execute();
      await expectCurrent(db, '2026-03-05');
    } finally {
      await handle.close();
    }
  });

  it.skipIf(skipReason)('leave held transactions out of the urgent overdue, and all of it while the customer is on hold', async () => {
    const handle = await openTestDatabase(name);
    try {
      const { db } = handle;
      await ensurePositionsCurrent(db, '2026-04-01');
      await importFiles(handle, [
        file('customers.csv', `${CUSTOMERS_HEADER}\nC-1,Contoso,USD`),
        file('ledger.csv', [LEDGER_HEADER, 'I1,C-1,invoice,INV-1,2026-01-01,2026-01-31,USD,1000.00,', 'I2,C-1,invoice,INV-2,2026-02-01,2026-03-03,USD,300.00,'].join('\n')),
      ], opts);
      const { id: customerId } = await db.selectFrom('customers').select('id').executeTakeFirstOrThrow();
      const { id: inv1 } = await db.selectFrom('ledger_entries').select('id').where('external_id', '=', 'I1').executeTakeFirstOrThrow();
      const position = async () => (await storedPositions(db, [customerId]))[0]!;
      expect(await position()).toMatchObject({ overdue: 130000n, urgent_overdue: 130000n, on_hold: false });

      await db.insertInto('collection_holds').values({ customer_id: customerId, transaction_id: inv1, reason: 'Checking the delivery', held_until: null, created_by: 'test', lifted_by: null, lifted_at: null }).execute();
      expect(await position()).toMatchObject({ overdue: 130000n, urgent_overdue: 30000n, on_hold: false });

      await db.insertInto('collection_holds').values({ customer_id: customerId, transaction_id: null, reason: 'Negotiating', held_until: '2026-04-10', created_by: 'test', lifted_by: null, lifted_at: null }).execute();
      expect(await position()).toMatchObject({ overdue: 130000n, urgent_overdue: 0n, urgent_due_sum: '0', on_hold: true, next_change_on: '2026-04-11' });

      // The customer hold expires after the 10th; the transaction hold stays until lifted.
      await ensurePositionsCurrent(db, '2026-04-11');
      expect(await position()).toMatchObject({ urgent_overdue: 30000n, on_hold: false });
      await db.updateTable('collection_holds').set({ lifted_at: new Date(), lifted_by: 'test' }).where('transaction_id', '=', inv1).execute();
      expect(await position()).toMatchObject({ urgent_overdue: 130000n });
      await expectCurrent(db, '2026-04-11');
    } finally {
      await handle.close();
    }
  });

  it.skipIf(skipReason)('computed live agree with the domain for every customer of the demo company, today and in the past', async () => {
    const handle = await openTestDatabase(name);
    try {
      const { db } = handle;
      await loadDemo(handle, { asOf: '2026-11-24', accountingCurrency: 'USD', customers: 12 });
      await ensurePositionsCurrent(db, '2026-11-24');
      await expectCurrent(db, '2026-11-24');
      let withStatus = 0;
      for (const asOf of ['2026-11-24', '2026-08-31', '2026-02-15']) {
        for (const row of await live(db, asOf)) {
          const { entries: all, settlements } = await loadLedger(db, row.customer_id, asOf);
          const ledger = ledgerAsOf(all, settlements, asOf);
          const counts = countCollectionStatuses(ledger, collectionStatuses(ledger));
          const overdueDues = ledger.items.filter((i) => i.open !== 0n && isOverdue(i.entry, asOf)).map((i) => i.entry.dueDate!).sort();
          expect({ customer: row.customer_id, balance: row.balance, overdue: row.overdue, oldest: row.oldest_overdue_due, promised: row.promised_count, broken: row.broken_count, disputed: row.disputed_count }).toEqual({
            customer: row.customer_id, balance: balanceOf(ledger), overdue: overdueOf(ledger), oldest: overdueDues[0] ?? null, promised: counts.promises, broken: counts.brokenPromises, disputed: counts.disputes,
          });
          withStatus += counts.promises + counts.brokenPromises + counts.disputes;
        }
      }
      // The demo has promises and disputes, so the status rules were exercised.
      expect(withStatus).toBeGreaterThan(0);
    } finally {
      await handle.close();
    }
  }, 300_000);
});

// Two sessions at once: PostgreSQL only (PGlite has one session).
describe.each(testDatabases.filter((d) => d.name === 'postgres'))('customer positions on $name, written while the date moves', ({ name, skipReason }) => {
  it.skipIf(skipReason)('price a write still open while the date moves for the new date', async () => {
    const handle = await openTestDatabase(name);
    try {
      const { db } = handle;
      await ensurePositionsCurrent(db, '2026-03-01');
      await importFiles(handle, [
        file('customers.csv', `${CUSTOMERS_HEADER}\nC-1,Contoso,USD`),
        file('ledger.csv', [LEDGER_HEADER, 'I1,C-1,invoice,INV-1,2026-01-01,2026-02-01,USD,1000.00,'].join('\n')),
      ], opts);
      const [{ id: customerId }] = await db.selectFrom('customers').select('id').execute() as [{ id: string }];
      await db.insertInto('collection_holds').values({ customer_id: customerId, transaction_id: null, reason: 'test', held_until: null, created_by: 'test', lifted_by: null, lifted_at: null }).execute();
      await expectCurrent(db, '2026-03-01');

      // The hold is lifted in a transaction priced for the 1st that commits only after the date
      // has started to move to the 5th: the customer must end priced for the 5th without the hold.
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let lifted!: () => void;
      const written = new Promise<void>((resolve) => (lifted = resolve));
      const writer = db.transaction().execute(async (trx) => {
        await trx.updateTable('collection_holds').set({ lifted_at: new Date(), lifted_by: 'test' }).where('customer_id', '=', customerId).execute();
        lifted();
        await gate;
      });
      await written;
      const moving = ensurePositionsCurrent(db, '2026-03-05');
      await new Promise((resolve) => setTimeout(resolve, 300));
      release();
      await writer;
      await moving;
      await expectCurrent(db, '2026-03-05');
      const [kept] = await db.selectFrom('customer_priorities').select(['priority', 'priced_on']).execute();
      expect(Number(kept!.priority)).toBeGreaterThan(0);
    } finally {
      await handle.close();
    }
  });
});
