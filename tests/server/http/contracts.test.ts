// A customer's contracts: the summary counts those in force on the as-of date, and
// GET /api/customers/:id/contracts lists them (in force first) with each one's state on that date.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../../server/import/index';
import type { ContractsResponse } from '../../../server/http/schemas/contracts';
import type { CustomerSummary } from '../../../server/http/schemas/summary';
import { testDatabases } from '../../support/db';
import { excelCsv } from '../import/fixtures';
import { openTestApp, type TestApp } from './world';

const CUSTOMERS = [
  'account,name,currency',
  'C-1,Contoso Retail,USD',
  'C-2,Fabrikam,USD',
];
const CONTRACTS = [
  'account,contract_number,description,start_date,end_date,value,currency',
  'C-1,K-1,Maintenance,2024-01-01,2024-12-31,12000.00,USD',
  'C-1,K-2,Hosting,2024-07-01,,300.00,USD',
  'C-1,K-3,Old lease,2022-01-01,2023-06-30,5000,JPY',
];

describe.each(testDatabases)('contracts API on $name', ({ name, skipReason }) => {
  let t: TestApp;
  let ids: Record<string, string>;

  beforeAll(async () => {
    if (skipReason) return;
    t = await openTestApp(name);
    await importFiles(t.handle, [excelCsv('customers.csv', CUSTOMERS), excelCsv('contracts.csv', CONTRACTS)], {
      accountingCurrency: 'USD',
      actor: 'test',
    });
    const rows = await t.handle.db.selectFrom('customers').select(['id', 'account']).execute();
    ids = Object.fromEntries(rows.map((r) => [r.account, r.id]));
  });
  afterAll(async () => t?.close());

  const activeInSummary = async (id: string, asOf: string) => {
    const res = await t.app.inject(`/api/customers/${id}/summary?asOf=${asOf}`);
    expect(res.statusCode).toBe(200);
    return (res.json() as CustomerSummary).contracts.active;
  };
  const list = async (id: string, asOf: string) => {
    const res = await t.app.inject(`/api/customers/${id}/contracts?asOf=${asOf}`);
    expect(res.statusCode).toBe(200);
    return res.json() as ContractsResponse;
  };

  describe.skipIf(skipReason)('summary', () => {
    it('counts the contracts in force on the as-of date, start and end days included', async () => {
      const counts: Array<[string, number]> = [
        ['2021-12-31', 0],
        ['2023-06-30', 1],
        ['2023-07-01', 0],
        ['2024-01-01', 1],
        ['2024-07-01', 2],
        ['2024-12-31', 2],
        ['2025-01-01', 1],
      ];
      for (const [asOf, active] of counts) expect([asOf, await activeInSummary(ids['C-1']!, asOf)]).toEqual([asOf, active]);
    });

    it('says 0 for a customer without contracts', async () => {
      expect(await activeInSummary(ids['C-2']!, '2024-08-01')).toBe(0);
    });
  });

  describe.skipIf(skipReason)('GET /api/customers/:id/contracts', () => {
    it('lists every contract with its state on the date, those in force first', async () => {
      const body = await list(ids['C-1']!, '2024-08-01');
      expect(body.asOf).toBe('2024-08-01');
      expect(body.active).toBe(2);
      expect(body.items.map((c) => [c.number, c.state])).toEqual([['K-1', 'active'], ['K-2', 'active'], ['K-3', 'ended']]);
      expect(body.items[0]).toEqual({
        id: expect.any(String),
        number: 'K-1',
        description: 'Maintenance',
        startsOn: '2024-01-01',
        endsOn: '2024-12-31',
        value: 1200000,
        currency: 'USD',
        state: 'active',
      });
      expect(body.items[2]).toMatchObject({ value: 5000, currency: 'JPY', endsOn: '2023-06-30' });
    });

    it('agrees with the summary before, inside and after a contract', async () => {
      for (const asOf of ['2023-12-31', '2024-03-15', '2025-02-01']) {
        const body = await list(ids['C-1']!, asOf);
        expect(body.items.filter((c) => c.state === 'active')).toHaveLength(body.active);
        expect(body.active).toBe(await activeInSummary(ids['C-1']!, asOf));
      }
      const before = await list(ids['C-1']!, '2023-12-31');
      expect(before.items.map((c) => [c.number, c.state])).toEqual([['K-1', 'upcoming'], ['K-2', 'upcoming'], ['K-3', 'ended']]);
    });

    it('answers an empty list for a customer without contracts', async () => {
      expect(await list(ids['C-2']!, '2024-08-01')).toEqual({ asOf: '2024-08-01', active: 0, items: [] });
    });

    it('answers 404 for an unknown customer and 400 naming asOf for a bad date', async () => {
      const missing = await t.app.inject('/api/customers/00000000-0000-4000-8000-000000000000/contracts');
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toMatchObject({ code: 'customer_not_found' });
      const bad = await t.app.inject(`/api/customers/${ids['C-1']!}/contracts?asOf=2024-02-30`);
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ code: 'invalid_request', message: expect.stringContaining('asOf') });
    });
  });
});
