// GET /api/customers/:id/aging-history on PGlite and PostgreSQL: for random ledgers, every point
// equals the summary route's aging as of that date; months outside 1–36 are refused.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerSummary } from '../../../server/http/schemas/summary';
import type { AgingHistoryResponse } from '../../../server/http/schemas/statements';
import { testDatabases } from '../../support/db';
import { asOfArb, ledgerArb } from '../domain/builders';
import { seedCustomers } from '../http/world';
import { openActionsWorld, type ActionsWorld } from '../actions/world';

describe.each(testDatabases)('aging history on $name', ({ name, skipReason }) => {
  let w: ActionsWorld;
  let n = 0;
  beforeAll(async () => {
    if (!skipReason) w = await openActionsWorld(name);
  }, 300_000);
  afterAll(async () => w?.close());

  it.skipIf(skipReason)('gives at each month end the aging the summary gives as of that date', async () => {
    const db = w.t.handle.db;
    await fc.assert(
      fc.asyncProperty(ledgerArb, asOfArb, fc.integer({ min: 1, max: 6 }), async ({ entries, settlements }, asOf, months) => {
        const account = `H-${++n}`;
        const { [account]: customerId } = await seedCustomers(db, [{ account, name: account }]);
        const ids = new Map<string, string>();
        for (const e of entries) {
          const { id } = await db
            .insertInto('ledger_entries')
            .values({
              customer_id: customerId!, external_id: null, kind: e.kind, document: e.document, posting_date: e.postingDate, due_date: e.dueDate,
              currency: e.currency, amount: e.amount, amount_accounting: e.amountAccounting, status_date: null, promise_date: null, promise_amount: null, dispute_reason: null,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          ids.set(e.id, id);
        }
        // The database keeps one settlement per debit, credit and day: repeats the generator draws are added up.
        const merged = new Map<string, (typeof settlements)[number]>();
        for (const s of settlements) {
          const key = `${s.debitId}|${s.creditId}|${s.date}`;
          const seen = merged.get(key);
          merged.set(key, seen ? { ...seen, amount: seen.amount + s.amount } : s);
        }
        for (const s of merged.values()) {
          await db.insertInto('settlements').values({ debit_id: ids.get(s.debitId)!, credit_id: ids.get(s.creditId)!, amount: s.amount, settled_on: s.date }).execute();
        }
        const res = await w.call('GET', `/api/customers/${customerId}/aging-history?months=${months}&asOf=${asOf}`);
        expect(res.statusCode).toBe(200);
        const history = res.json<AgingHistoryResponse>();
        expect(history.points).toHaveLength(months + 1);
        for (const point of history.points) {
          const summary = (await w.call('GET', `/api/customers/${customerId}/summary?asOf=${point.asOf}`)).json<CustomerSummary>();
          expect(point.amounts).toEqual(summary.aging.map((b) => b.amount));
          expect(point.balance).toBe(summary.balance);
        }
      }),
      { numRuns: 12 },
    );
  }, 120_000);

  it.skipIf(skipReason)('refuses months outside 1–36 and an unknown customer', async () => {
    for (const months of ['0', '37', 'x']) {
      const res = await w.call('GET', `/api/customers/${w.customerId}/aging-history?months=${months}`);
      expect(res.statusCode).toBe(400);
      expect(res.json<{ message: string }>().message).toContain('months');
    }
    expect((await w.call('GET', `/api/customers/${w.customerId}/aging-history?months=36&asOf=2026-01-31`)).json<AgingHistoryResponse>().points).toHaveLength(37);
    expect((await w.call('GET', '/api/customers/00000000-0000-4000-8000-000000000000/aging-history')).statusCode).toBe(404);
  });
});
