// The aged receivables report restricted to a pool (pool=), on both databases and in every format:
// exactly the lines of the whole report whose customers the pool selects; an unknown pool is a 404.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PoolResponse } from '../../../server/http/schemas/pools';
import type { AgedReceivablesResponse } from '../../../server/http/schemas/reports';
import { testDatabases } from '../../support/db';
import { openPoolsWorld, TODAY, daysAgo, type PoolsWorld } from './world';

describe.each(testDatabases)('aged receivables of a pool on $name', ({ name, skipReason }) => {
  let w: PoolsWorld;
  let north = '';
  let bigOverdue = '';

  beforeAll(async () => {
    if (skipReason) return;
    // On PostgreSQL the report reads through a cursor, as with DATABASE_URL in production.
    const env: Record<string, string> = name === 'postgres' ? { DATABASE_URL: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' } : {};
    w = await openPoolsWorld(name, env);
    for (let i = 0; i < 12; i += 1) {
      const id = await w.customer({ account: `R${String(i).padStart(2, '0')}`, area: i % 3 === 0 ? 'North' : 'South' });
      await w.debit(id, BigInt((i + 1) * 100_00), { overdueDays: i * 12 - 10 });
    }
    north = (await w.call('POST', '/api/pools', { name: 'North', criteria: { salesArea: ['North'] } })).json<PoolResponse>().id;
    bigOverdue = (await w.call('POST', '/api/pools', { name: 'Big overdue', criteria: { overdue: { min: 800_00 } } })).json<PoolResponse>().id;
  }, 120_000);
  afterAll(async () => w?.close());

  const report = async (query: string) => {
    const res = await w.call('GET', `/api/reports/aged-receivables?${query}`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res;
  };

  it.skipIf(skipReason)('gives the lines of the pool’s customers only, with their totals, in JSON, CSV and XLSX', async () => {
    const whole = (await report(`asOf=${TODAY}`)).json<AgedReceivablesResponse>();
    const scopes: Array<[string, string[]]> = [
      [north, ['R00', 'R03', 'R06', 'R09']],
      [bigOverdue, ['R07', 'R08', 'R09', 'R10', 'R11']],
      ['all', whole.customers.map((c) => c.account)],
    ];
    for (const [pool, accounts] of scopes) {
      const scoped = (await report(`asOf=${TODAY}&pool=${pool}`)).json<AgedReceivablesResponse>();
      expect(scoped.customers.map((c) => c.account)).toEqual(accounts);
      expect(scoped.customers).toEqual(whole.customers.filter((c) => accounts.includes(c.account)));
      expect(scoped.totals.balance).toBe(scoped.customers.reduce((s, c) => s + c.balance, 0));
      const csv = parse((await report(`asOf=${TODAY}&pool=${pool}&format=csv`)).body, { bom: true }) as string[][];
      expect(csv.slice(1, 1 + accounts.length).map((row) => row[0])).toEqual(accounts);
      expect(csv[1 + accounts.length]![0]).toBe('Total');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await report(`asOf=${TODAY}&pool=${pool}&format=xlsx`)).rawPayload as unknown as ArrayBuffer);
      const sheet = book.worksheets[0]!;
      const column = sheet.getColumn(1).values.slice(2, 2 + accounts.length).map(String);
      expect(column).toEqual(accounts);
    }
  });

  it.skipIf(skipReason)('selects the pool as of the report’s date', async () => {
    // 80 days ago R07's 800.00 (due 74 days ago) was not due yet: it was not in the pool then.
    const past = (await report(`asOf=${daysAgo(80)}&pool=${bigOverdue}`)).json<AgedReceivablesResponse>();
    expect(past.customers.map((c) => c.account)).toEqual(['R08', 'R09', 'R10', 'R11']);
    expect(past.customers.every((c) => c.overdue >= 800_00)).toBe(true);
  });

  it.skipIf(skipReason)('answers 404 for an unknown pool, before any byte of the report', async () => {
    for (const pool of ['00000000-0000-0000-0000-000000000000', "x' or '1'='1"]) {
      const res = await w.call('GET', `/api/reports/aged-receivables?pool=${encodeURIComponent(pool)}&format=csv`);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'pool_not_found' });
    }
  });
});
