// The customer's picture through the API: summary, transactions and timeline of the hand-computed
// customer (tests/support/hand-computed.ts), imported with the product's own import.
import type { FastifyInstance } from 'fastify';
import type { KyselyPlugin } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../../server/app';
import { loadConfig } from '../../../server/config';
import { parseMoney } from '../../../server/domain/money';
import type { CustomerSummary } from '../../../server/http/schemas/summary';
import type { TimelineResponse } from '../../../server/http/schemas/timeline';
import type { TransactionsResponse } from '../../../server/http/schemas/transactions';
import { importFiles, type ImportSource } from '../../../server/import/index';
import { testDatabases } from '../../support/db';
import * as hc from '../../support/hand-computed';
import { openTestApp, type TestApp } from './world';

function csv(name: string, rows: Record<string, string>[]): ImportSource {
  const header = Object.keys(rows[0]!);
  const lines = [header.join(','), ...rows.map((row) => header.map((column) => row[column] ?? '').join(','))];
  return { name, open: () => [`${lines.join('\r\n')}\r\n`] as unknown as AsyncIterable<string> };
}

async function importHandComputed(t: TestApp): Promise<string> {
  const db = t.handle.db;
  await importFiles(
    t.handle,
    [csv('customers.csv', [hc.customer]), csv('ledger.csv', hc.ledger), csv('settlements.csv', hc.settlements)],
    { accountingCurrency: hc.ACCOUNTING_CURRENCY, actor: 'test' },
  );
  for (const s of hc.statuses) {
    const entry = hc.ledger.find((r) => r.external_id === s.external_id)!;
    await db
      .updateTable('ledger_entries')
      .set({
        collection_status: s.collection_status,
        status_date: s.status_date,
        promise_date: s.promise_date,
        promise_amount: s.promise_amount === null ? null : parseMoney(s.promise_amount, entry.currency),
        dispute_reason: s.dispute_reason,
      })
      .where('external_id', '=', s.external_id)
      .execute();
  }
  const { id } = await db.selectFrom('customers').select('id').where('account', '=', hc.customer.account).executeTakeFirstOrThrow();
  return id;
}

function expectSummary(body: CustomerSummary, e: (typeof hc.expected)['today']): void {
  expect(body).toMatchObject({
    asOf: e.asOf,
    currency: 'USD',
    balance: e.balance,
    overdue: e.overdue,
    creditLimit: e.creditLimit,
    creditRemaining: e.creditRemaining,
    creditRating: e.creditRating,
    creditRatingSource: e.creditRatingSource,
    aging: e.aging,
    overdueHistory: e.overdueHistory,
    outstandingInvoices: e.outstandingInvoices,
    balancesByCurrency: e.balancesByCurrency,
    paymentHistory: { onTimeShare: e.onTimeShare, averageDaysLate: e.averageDaysLate, dso: e.dso },
    collection: e.collection,
  });
  const months = body.paymentHistory.months;
  expect(months.filter((m) => m.state === 'late').map((m) => m.month)).toEqual(e.lateMonths);
  expect(months.filter((m) => m.state === 'on_time').map((m) => m.month)).toEqual(e.onTimeMonths);
}

describe.each(testDatabases)('customer picture on $name', ({ name, skipReason }) => {
  let t: TestApp;
  let id: string;
  beforeAll(async () => {
    if (skipReason) return;
    t = await openTestApp(name);
    id = await importHandComputed(t);
  });
  afterAll(async () => t?.close());
  afterEach(() => {
    vi.useRealTimers();
  });

  const get = async <T>(url: string): Promise<T> => {
    const res = await t.app.inject(url);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as T;
  };

  describe.skipIf(skipReason)('summary', () => {
    it('matches the hand computation as of today', async () => {
      const body = await get<CustomerSummary>(`/api/customers/${id}/summary?asOf=${hc.TODAY}`);
      expectSummary(body, hc.expected.today);
      expect(body.customer).toEqual({
        id, account: 'HC-001', name: 'Hand Computed Traders', group: 'Retail', salesArea: 'West',
        paymentTerms: 'Net 30', currency: 'USD', status: 'active', customerSince: '2020-01-15',
        domains: ['handcomputed.example'], hold: null,
      });
    });

    it('matches the hand computation as of a past date, ignoring what came after', async () => {
      expectSummary(await get(`/api/customers/${id}/summary?asOf=${hc.PAST}`), hc.expected.past);
    });

    it("defaults asOf to today in the company's time zone", async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date(`${hc.TODAY}T12:00:00Z`));
      expectSummary(await get(`/api/customers/${id}/summary`), hc.expected.today);

      // 10:30 UTC on the 23rd is already the 24th at UTC+14.
      vi.setSystemTime(new Date('2026-11-23T10:30:00Z'));
      const kiribati = await openTestAppOver(t, { COMPANY_TIMEZONE: 'Pacific/Kiritimati' });
      const res = await kiribati.inject(`/api/customers/${id}/summary`);
      expect(res.json().asOf).toBe(hc.TODAY);
      await kiribati.close();
    });

    it('loads the customer, then its ledger, contracts and holds side by side: four queries however long the ledger', async () => {
      let queries = 0;
      const counting: KyselyPlugin = {
        transformQuery: (args) => {
          queries++;
          return args.node;
        },
        transformResult: async (args) => args.result,
      };
      const app = await buildApp({
        config: loadConfig({}),
        db: { ...t.handle, db: t.handle.db.withPlugin(counting) },
        logger: false,
        addinDir: '/nonexistent',
      });
      await app.ready();
      queries = 0;
      // Only the request's own queries: the start-up jobs (customer positions) query the same database first.
      for (let quiet = 0, seen = -1, waited = 0; quiet < 3 && waited < 100; waited++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        quiet = queries === seen ? quiet + 1 : 0;
        seen = queries;
      }
      queries = 0;
      const res = await app.inject(`/api/customers/${id}/summary?asOf=${hc.TODAY}`);
      expect(res.statusCode).toBe(200);
      expect(queries).toBe(4);
      await app.close();
    });
  });

  describe.skipIf(skipReason)('transactions', () => {
    it('lists what is open as of today, oldest due first, with days overdue and accounting amounts', async () => {
      const body = await get<TransactionsResponse>(`/api/customers/${id}/transactions?asOf=${hc.TODAY}`);
      expect(body.items.map((i) => i.document)).toEqual([
        'INV-0900', 'INV-2001', 'INV-1002', 'CN-1001', 'FEE-1001', 'INV-2002', 'PAY-1004', 'INV-1004',
      ]);
      expect(body.items.find((i) => i.document === 'INV-2001')).toMatchObject({
        currency: 'EUR', amount: 300000, open: 150000, openAccounting: 165151, daysOverdue: 132,
      });
      expect(body.items.find((i) => i.document === 'INV-1002')).toMatchObject({ collectionStatus: 'promise_broken', promiseAmount: 50000 });
      expect(body.items.find((i) => i.document === 'INV-2002')).toMatchObject({ collectionStatus: 'disputed', disputeReason: 'Damaged goods' });
      expect(body.totals).toEqual([
        { currency: 'EUR', open: 200000 },
        { currency: 'USD', open: 167500 },
      ]);
    });

    it('shows the ledger as it stood on a past date, and everything with status=all', async () => {
      const past = await get<TransactionsResponse>(`/api/customers/${id}/transactions?asOf=${hc.PAST}`);
      expect(past.items.find((i) => i.document === 'INV-1003')).toMatchObject({ open: 150000, daysOverdue: 11 });
      expect(past.items.some((i) => i.document === 'INV-2002')).toBe(false);
      const all = await get<TransactionsResponse>(`/api/customers/${id}/transactions?status=all&asOf=${hc.TODAY}`);
      expect(all.items).toHaveLength(hc.ledger.length);
    });
  });

  describe.skipIf(skipReason)('timeline', () => {
    it('lists the entries of the period newest first, each with what settled it', async () => {
      const body = await get<TimelineResponse>(`/api/customers/${id}/timeline?from=2026-09-01&to=${hc.TODAY}`);
      expect(body).toMatchObject({ from: '2026-09-01', to: hc.TODAY });
      expect(body.entries.map((e) => e.title)).toEqual([
        'PAY-1004', 'INV-1004', 'FEE-1001', 'PAY-2001', 'INV-2002', 'PAY-1003', 'CN-1001',
      ]);
      expect(body.entries.find((e) => e.title === 'PAY-1003')?.settlements).toEqual([
        { document: 'INV-1003', kind: 'invoice', date: '2026-10-10', amount: 150000 },
      ]);
    });

    it('defaults to the twelve months up to today', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date(`${hc.TODAY}T12:00:00Z`));
      const body = await get<TimelineResponse>(`/api/customers/${id}/timeline`);
      expect(body).toMatchObject({ from: '2025-11-24', to: hc.TODAY });
      expect(body.entries).toHaveLength(hc.ledger.length);
    });
  });
});

async function openTestAppOver(t: TestApp, env: Record<string, string>): Promise<FastifyInstance> {
  return buildApp({ config: loadConfig(env), db: t.handle, logger: false, addinDir: '/nonexistent' });
}
