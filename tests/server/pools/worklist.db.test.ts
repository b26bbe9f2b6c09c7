// The worklist and chart of a pool through the app, on both databases: the order is the domain's
// priority (the SQL computes the same number), random page sizes walk the whole pool exactly once
// while statuses and holds change between pages, the chart's sums are the worklist's, and pools
// are managed under a version, with each agent's default.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../server/domain/dates';
import { priorityOf, worklistOrder } from '../../../server/domain/pools/priority';
import type { ChartResponse, PoolResponse, PoolsResponse, WorklistResponse } from '../../../server/http/schemas/pools';
import { testDatabases } from '../../support/db';
import { openPoolsWorld, TODAY, type PoolsWorld } from './world';

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe.each(testDatabases)('pool worklist on $name', ({ name, skipReason }) => {
  let w: PoolsWorld;
  const debits: string[] = [];
  const customers: string[] = [];

  beforeAll(async () => {
    if (skipReason) return;
    w = await openPoolsWorld(name);
    // 40 customers in two sales areas with varied overdue, ages, statuses, holds and contacts.
    for (let i = 0; i < 40; i += 1) {
      const id = await w.customer({ account: `K${String(i).padStart(3, '0')}`, area: i % 2 === 0 ? 'North' : 'South', creditLimit: i % 5 === 0 ? 100_00n : null });
      customers.push(id);
      if (i % 7 !== 3) debits.push(await w.debit(id, BigInt(((i * 37) % 11) * 100_00 + 50_00), { overdueDays: (i * 13) % 150 - 20 }));
      if (i % 3 === 0) debits.push(await w.debit(id, BigInt(((i * 17) % 5) * 100_00 + 1), { overdueDays: (i * 29) % 90 }));
      if (i % 6 === 1) await w.setStatus(debits[debits.length - 1]!, 'promise_broken');
      if (i % 8 === 2) await w.setStatus(debits[debits.length - 1]!, 'disputed');
      if (i % 9 === 4) await w.hold(id);
      if (i % 4 === 1) await w.activity(id, (i * 11) % 60, i % 8 === 1 ? 0 : null);
      if (i % 10 === 7) await w.credit(id, 30_00n);
    }
  }, 120_000);
  afterAll(async () => w?.close());

  const page = async (url: string) => {
    const res = await w.call('GET', url);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<WorklistResponse>();
  };

  it.skipIf(skipReason)('sorts by the domain’s priority, computed in SQL to the same number', async () => {
    const body = await page('/api/pools/all/customers?limit=200');
    expect(body).toMatchObject({ asOf: TODAY, currency: 'USD', total: 40, nextCursor: null });
    const positions = await w.t.handle.db.selectFrom('customer_positions').selectAll().execute();
    for (const item of body.items) {
      const p = positions.find((row) => row.customer_id === item.customer.id)!;
      const days = BigInt(p.urgent_overdue) * BigInt(Math.round((Date.parse(TODAY) - Date.parse('2000-01-01')) / 86_400_000)) - BigInt(p.urgent_due_sum);
      const expected = priorityOf(
        {
          urgentOverdue: BigInt(p.urgent_overdue),
          urgentOverdueDays: days,
          brokenPromises: p.broken_count,
          disputes: p.disputed_count,
          lastContactOn: p.last_activity_at ? p.last_activity_at.toISOString().slice(0, 10) : null,
          nextFollowUpOn: p.next_follow_up_on,
          onHold: p.on_hold,
        },
        TODAY,
      );
      expect({ account: item.customer.account, priority: item.priority }).toEqual({ account: item.customer.account, priority: expected });
      expect(item.flags.onHold).toBe(p.on_hold);
    }
    const order = body.items.map((i) => ({ account: i.customer.account, priority: i.priority }));
    expect(order).toEqual([...order].sort(worklistOrder));
    expect(order.at(-1)!.priority).toBe(-1);
    expect(body.items.some((i) => i.flags.brokenPromise) && body.items.some((i) => i.flags.disputed) && body.items.some((i) => i.flags.overCreditLimit)).toBe(true);
  });

  it.skipIf(skipReason)('walks the whole pool exactly once in random page sizes while statuses change between pages', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 45, maxLength: 45 }), fc.integer({ min: 0, max: 1_000 }), async (sizes, seed) => {
        const seen: string[] = [];
        let cursor: string | null = null;
        let step = 0;
        do {
          const url: string = `/api/pools/all/customers?limit=${sizes[step]!}${cursor ? `&cursor=${cursor}` : ''}`;
          const body: WorklistResponse = await page(url);
          expect(body.total).toBe(40);
          seen.push(...body.items.map((i) => i.customer.id));
          cursor = body.nextCursor;
          // Work the list: a status changes (and with it priorities) before the next page.
          const entry = debits[(seed + step * 7) % debits.length]!;
          await w.t.handle.db.updateTable('ledger_entries').set({ collection_status: step % 2 === 0 ? 'disputed' : 'none', status_date: TODAY }).where('id', '=', entry).execute();
          step += 1;
        } while (cursor !== null);
        expect(seen.length).toBe(40);
        expect(new Set(seen)).toEqual(new Set(customers));
      }),
      { numRuns: 4 },
    );
  });

  it.skipIf(skipReason)('filters by search, status and period, and refuses a cursor of another list', async () => {
    const search = await page('/api/pools/all/customers?search=k00');
    expect(search.items.map((i) => i.customer.account).sort()).toEqual(['K000', 'K001', 'K002', 'K003', 'K004', 'K005', 'K006', 'K007', 'K008', 'K009']);
    const disputed = await page('/api/pools/all/customers?status=disputed&limit=200');
    expect(disputed.items.length).toBeGreaterThan(0);
    for (const item of disputed.items) expect(item.flags.disputed).toBe(true);
    const old = await page('/api/pools/all/customers?period=5&limit=200');
    for (const item of old.items) expect(item.oldestOverdueDays).toBeGreaterThan(120);
    const first = await page('/api/pools/all/customers?limit=2');
    const other = await w.call('GET', `/api/pools/all/customers?limit=2&status=disputed&cursor=${first.nextCursor!}`);
    expect(other.statusCode).toBe(400);
    expect(other.json()).toMatchObject({ details: { fields: [{ field: 'cursor' }] } });
    const forged = await w.call('GET', `/api/pools/all/customers?cursor=${Buffer.from("x' or 1=1").toString('base64url')}`);
    expect(forged.statusCode).toBe(400);
    const expired = await w.call('GET', `/api/pools/all/customers?cursor=${Buffer.from('00000000-0000-0000-0000-000000000000:2').toString('base64url')}`);
    expect(expired.statusCode).toBe(400);
    expect(expired.json()).toMatchObject({ code: 'cursor_expired' });
    expect((await w.call('GET', '/api/pools/all/customers?limit=0')).statusCode).toBe(400);
    expect((await w.call('GET', '/api/pools/all/customers?period=6')).statusCode).toBe(400);
    expect((await w.call('GET', '/api/pools/all/customers?status=paid')).statusCode).toBe(400);
  });

  it.skipIf(skipReason)('has a chart whose sums are the worklist’s figures, today and as of a past date', async () => {
    for (const asOf of [TODAY, addDays(TODAY, -30)]) {
      for (const pool of ['all', 'area']) {
        let id = 'all';
        if (pool === 'area') {
          const created = await w.call('POST', '/api/pools', { name: `North ${asOf}`, criteria: { salesArea: ['North'] } });
          id = created.json<PoolResponse>().id;
        }
        const list = await page(`/api/pools/${id}/customers?limit=200&asOf=${asOf}`);
        const res = await w.call('GET', `/api/pools/${id}/chart?asOf=${asOf}`);
        expect(res.statusCode, res.body).toBe(200);
        const chart = res.json<ChartResponse>();
        expect(chart.byStatus.map((s) => s.status)).toEqual(['none', 'promise_to_pay', 'promise_broken', 'disputed', 'resolved']);
        expect(chart.byPeriod.map((p) => p.label)).toEqual(['Current', '1–30', '31–60', '61–90', '91–120', 'Over 120']);
        expect(sum(chart.byPeriod.map((p) => p.amount))).toBe(sum(list.items.map((i) => i.balance)));
        expect(sum(chart.byPeriod.slice(1).map((p) => p.amount))).toBe(sum(list.items.map((i) => i.overdue)));
        expect(chart.byStatus.find((s) => s.status === 'disputed')!.count).toBeGreaterThanOrEqual(list.items.filter((i) => i.flags.disputed).length);
        if (asOf === TODAY) expect(list.total).toBe(pool === 'all' ? 40 : 20);
        // A bar's click filters the list: the customers with an open amount in the period.
        for (const [index, bar] of chart.byPeriod.entries()) {
          const filtered = await page(`/api/pools/${id}/customers?limit=200&asOf=${asOf}&period=${index}`);
          expect(filtered.items.length === 0).toBe(bar.count === 0);
        }
      }
    }
  });

  it.skipIf(skipReason)('manages pools under a version, with a default pool per agent', async () => {
    const created = await w.call('POST', '/api/pools', { name: 'Big debts', criteria: { overdue: { min: 500_00 } } });
    expect(created.statusCode, created.body).toBe(201);
    const pool = created.json<PoolResponse>();
    expect(pool).toMatchObject({ name: 'Big debts', criteria: { overdue: { min: 500_00 } }, createdBy: 'Demo Agent', version: 1 });
    expect((await w.call('POST', '/api/pools', { name: 'big DEBTS', criteria: {} })).statusCode).toBe(409);
    const renamed = await w.call('PATCH', `/api/pools/${pool.id}`, { name: 'Large debts', version: 1 });
    expect(renamed.json<PoolResponse>()).toMatchObject({ name: 'Large debts', criteria: { overdue: { min: 500_00 } }, version: 2 });
    const stale = await w.call('PATCH', `/api/pools/${pool.id}`, { criteria: {}, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'stale_version' });
    expect((await w.call('PUT', '/api/pools/default', { poolId: pool.id })).json()).toEqual({ defaultPoolId: pool.id });
    const listed = (await w.call('GET', '/api/pools')).json<PoolsResponse>();
    expect(listed.items[0]).toMatchObject({ id: 'all', criteria: {}, version: 0 });
    expect(listed.defaultPoolId).toBe(pool.id);
    expect((await w.call('DELETE', `/api/pools/${pool.id}`)).statusCode).toBe(204);
    expect((await w.call('GET', '/api/pools')).json<PoolsResponse>().defaultPoolId).toBe('all');
    const audits = await w.t.handle.db.selectFrom('audit_events').select('action').where('entity_id', '=', pool.id).orderBy('id').execute();
    expect(audits.map((a) => a.action)).toEqual(['pool.create', 'pool.update', 'pool.delete']);
    for (const [method, url, body] of [
      ['GET', `/api/pools/${pool.id}/customers`, undefined],
      ['GET', '/api/pools/not-a-uuid/chart', undefined],
      ['PATCH', `/api/pools/${pool.id}`, { name: 'x', version: 2 }],
      ['DELETE', `/api/pools/${pool.id}`, undefined],
      ['PUT', '/api/pools/default', { poolId: pool.id }],
    ] as const) {
      const res = await w.call(method, url, body);
      expect({ url, method, status: res.statusCode, code: res.json<{ code: string }>().code }).toEqual({ url, method, status: 404, code: 'pool_not_found' });
    }
    expect((await w.call('DELETE', '/api/pools/all')).statusCode).toBe(409);
  });
});
