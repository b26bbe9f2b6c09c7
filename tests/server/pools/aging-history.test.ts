// GET /api/pools/:id/aging-history on both databases: each point is the sum of the per-customer
// aging histories of the pool's customers (those the criteria select today), the pool `all` sums
// every customer, and a payment settled in the middle of the year moves the amounts from that
// month end on; an unknown pool is a 404 and months outside 1–36 a 400.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PoolResponse } from '../../../server/http/schemas/pools';
import type { AgingHistoryResponse } from '../../../server/http/schemas/statements';
import { testDatabases } from '../../support/db';
import { daysAgo, openPoolsWorld, TODAY, type PoolsWorld } from './world';

describe.each(testDatabases)('aging history of a pool on $name', ({ name, skipReason }) => {
  let w: PoolsWorld;
  const customers: Array<{ id: string; account: string }> = [];
  let north = '';
  let bigOverdue = '';

  beforeAll(async () => {
    if (skipReason) return;
    w = await openPoolsWorld(name);
    for (let i = 0; i < 9; i += 1) {
      const account = `G${i}`;
      const id = await w.customer({ account, area: i % 3 === 0 ? 'North' : 'South' });
      customers.push({ id, account });
      await w.debit(id, BigInt((i + 1) * 100_00), { overdueDays: i * 40 - 20 });
      if (i % 2 === 0) await w.debit(id, 55_55n, { overdueDays: 150 + i });
    }
    // A payment of 100 days ago settling part of G8's oldest debit: the months before it still
    // show the whole debit.
    const db = w.t.handle.db;
    const debit = await db.selectFrom('ledger_entries').select('id').where('customer_id', '=', customers[8]!.id).orderBy('due_date').executeTakeFirstOrThrow();
    const payment = await db
      .insertInto('ledger_entries')
      .values({
        customer_id: customers[8]!.id, external_id: null, kind: 'payment', document: 'PAY-G8', posting_date: daysAgo(100), due_date: null,
        currency: 'USD', amount: -20_00n, amount_accounting: -20_00n, status_date: null, promise_date: null, promise_amount: null, dispute_reason: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('settlements').values({ debit_id: debit.id, credit_id: payment.id, amount: 20_00n, settled_on: daysAgo(100) }).execute();
    north = (await w.call('POST', '/api/pools', { name: 'North', criteria: { salesArea: ['North'] } })).json<PoolResponse>().id;
    bigOverdue = (await w.call('POST', '/api/pools', { name: 'Big overdue', criteria: { overdue: { min: 600_00 } } })).json<PoolResponse>().id;
  }, 120_000);
  afterAll(async () => w?.close());

  const history = async (url: string) => {
    const res = await w.call('GET', url);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res.json<AgingHistoryResponse>();
  };

  /** The points of the customers' own histories, added up date by date. */
  async function summed(accounts: string[]): Promise<AgingHistoryResponse['points']> {
    const each = await Promise.all(
      customers.filter((c) => accounts.includes(c.account)).map((c) => history(`/api/customers/${c.id}/aging-history?months=12&asOf=${TODAY}`)),
    );
    return each[0]!.points.map((point, p) => {
      const amounts = point.amounts.map((_, i) => each.reduce((sum, h) => sum + h.points[p]!.amounts[i]!, 0));
      return { asOf: point.asOf, amounts, balance: amounts.reduce((a, b) => a + b, 0) };
    });
  }

  it.skipIf(skipReason)('adds up the aging histories of the pool’s customers at every month end', async () => {
    const scopes: Array<[string, string[]]> = [
      ['all', customers.map((c) => c.account)],
      [north, ['G0', 'G3', 'G6']],
      // Debits of 100 × (i + 1): G5 … G8 owe 600 or more, G8 less its partial payment (780 overdue).
      [bigOverdue, ['G5', 'G6', 'G7', 'G8']],
    ];
    for (const [pool, accounts] of scopes) {
      const got = await history(`/api/pools/${pool}/aging-history?months=12&asOf=${TODAY}`);
      expect(got.points).toHaveLength(13);
      expect(got.points.at(-1)!.asOf).toBe(TODAY);
      expect(got.points, `pool ${pool}`).toEqual(await summed(accounts));
    }
    // Not the same figures at every month end: the debits fall due and age across the year.
    const all = await history(`/api/pools/all/aging-history?months=12&asOf=${TODAY}`);
    expect(new Set(all.points.map((p) => p.balance)).size).toBeGreaterThan(3);
  });

  it.skipIf(skipReason)('refuses an unknown pool and months outside 1–36', async () => {
    expect((await w.call('GET', '/api/pools/00000000-0000-4000-8000-000000000000/aging-history')).statusCode).toBe(404);
    const res = await w.call('GET', `/api/pools/${north}/aging-history?months=37`);
    expect(res.statusCode).toBe(400);
    expect(res.json<{ message: string }>().message).toContain('months');
  });
});
