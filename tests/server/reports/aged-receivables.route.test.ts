// GET /api/reports/aged-receivables through the whole app on both databases: every demo customer's
// line is what the customer summary says for the same date, the totals are the sums of the lines,
// the CSV and XLSX downloads read back to the same figures, bad input is a 400 naming the parameter,
// and an agent sees their own customers only.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../server/app';
import { DEMO_AGENT } from '../../../server/auth/agents';
import { loadConfig } from '../../../server/config';
import type { DatabaseHandle } from '../../../server/db/kysely';
import { DEFAULT_AGING_PERIODS } from '../../../server/domain/aging';
import { addDays } from '../../../server/domain/dates';
import { formatMinor, parseMoney } from '../../../server/domain/money';
import { loadDemo } from '../../../server/demo/load';
import type { AgedReceivablesResponse } from '../../../server/http/schemas/reports';
import type { CustomerSummary } from '../../../server/http/schemas/summary';
import { openTestDatabase, testDatabases, type TestDatabaseName } from '../../support/db';
import { domainLine, QUARTERS } from './support';

const TODAY = '2026-11-24';
const URL_ = '/api/reports/aged-receivables';
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** The app in development auth mode, signed in as the demo agent with its current role. */
async function appOn(handle: DatabaseHandle, name: TestDatabaseName): Promise<FastifyInstance> {
  // On PostgreSQL the route reads through a cursor, as it does when main.ts opens DATABASE_URL.
  const env: Record<string, string> = { ACCOUNTING_CURRENCY: 'USD', COMPANY_TIMEZONE: 'UTC' };
  if (name === 'postgres') env.DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const app = await buildApp({ config: loadConfig(env), db: handle, logger: false, addinDir: '/nonexistent/dist/addin' });
  await app.ready();
  return app;
}

describe.each(testDatabases)('GET /api/reports/aged-receivables on $name', ({ name, skipReason }) => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  const report = async (query: string) => {
    const res = await app.inject({ url: `${URL_}?${query}` });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res.json<AgedReceivablesResponse>();
  };

  beforeAll(async () => {
    if (skipReason) return;
    handle = await openTestDatabase(name);
    await loadDemo(handle, { asOf: TODAY, accountingCurrency: 'USD', customers: 30 });
    app = await appOn(handle, name);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  it.skipIf(skipReason)('gives every customer the summary’s balance, overdue and aging, with totals that are the sums of the lines', async () => {
    const customers = await handle.db.selectFrom('customers').select('id').execute();
    for (const asOf of [TODAY, addDays(TODAY, -200)]) {
      const body = await report(`asOf=${asOf}`);
      expect(body).toMatchObject({ asOf, by: 'due_date', currency: 'USD', periods: DEFAULT_AGING_PERIODS });
      const byCurrency = new Map<string, number>();
      for (const { id } of customers) {
        const summary = (await app.inject({ url: `/api/customers/${id}/summary?asOf=${asOf}` })).json<CustomerSummary>();
        const line = body.customers.find((c) => c.id === id);
        const fromSummary = { balance: summary.balance, overdue: summary.overdue, buckets: summary.aging.map((a) => a.amount) };
        // A customer with nothing open is left out; the summary then shows nothing open either.
        expect({ asOf, id, figures: line ? { balance: line.balance, overdue: line.overdue, buckets: line.buckets } : fromSummary }).toEqual({ asOf, id, figures: fromSummary });
        if (!line) expect(fromSummary).toEqual({ balance: 0, overdue: 0, buckets: [0, 0, 0, 0, 0, 0] });
        for (const c of summary.balancesByCurrency) byCurrency.set(c.currency, (byCurrency.get(c.currency) ?? 0) + c.balance);
      }
      expect(body.customers.length).toBeGreaterThan(10);
      const accounts = body.customers.map((c) => c.account);
      expect(accounts).toEqual([...accounts].sort());
      expect(body.totals).toMatchObject({
        balance: sum(body.customers.map((c) => c.balance)),
        overdue: sum(body.customers.map((c) => c.overdue)),
        buckets: DEFAULT_AGING_PERIODS.map((_, i) => sum(body.customers.map((c) => c.buckets[i]!))),
      });
      expect(body.totals.byCurrency.map((c) => [c.currency, c.balance])).toEqual([...byCurrency].filter(([, b]) => b !== 0).sort());
      for (const c of body.totals.byCurrency) expect(sum(c.buckets)).toBe(c.balance);
    }
  });

  it.skipIf(skipReason)('ages by document date and by the periods of the query as the domain does', async () => {
    const asOf = addDays(TODAY, -45);
    const body = await report(`asOf=${asOf}&by=document_date&periods=15,90`);
    expect(body).toMatchObject({ asOf, by: 'document_date', periods: QUARTERS });
    for (const line of body.customers) {
      const expected = await domainLine(handle.db, line.id, asOf, QUARTERS, 'document_date');
      expect({ id: line.id, balance: line.balance, overdue: line.overdue, buckets: line.buckets }).toEqual({
        id: line.id,
        balance: Number(expected!.balance),
        overdue: Number(expected!.overdue),
        buckets: expected!.buckets.map(Number),
      });
    }
  });

  it.skipIf(skipReason)('gives the totals alone with customers=none', async () => {
    const whole = await report(`asOf=${TODAY}`);
    expect(await report(`asOf=${TODAY}&customers=none`)).toEqual({ ...whole, customers: [] });
  });

  it.skipIf(skipReason)('downloads a CSV that reads back to the same figures, with a totals line and a line per currency', async () => {
    const json = await report(`asOf=${TODAY}`);
    const res = await app.inject({ url: `${URL_}?asOf=${TODAY}&format=csv` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="aged-receivables-${TODAY}.csv"`);
    const [header, ...rows] = parse(res.body, { bom: true }) as string[][];
    expect(header).toEqual(['Account', 'Name', 'Currency', 'Balance', 'Overdue', ...DEFAULT_AGING_PERIODS.map((p) => p.label)]);
    const minor = (decimal: string, currency: string) => Number(parseMoney(decimal, currency));
    const figures = (row: string[]) => row.slice(3).map((cell) => (cell === '' ? null : minor(cell, row[2]!)));
    expect(rows.slice(0, json.customers.length).map((row) => [row[0], row[1], row[2], ...figures(row)])).toEqual(
      json.customers.map((c) => [c.account, c.name, 'USD', c.balance, c.overdue, ...c.buckets]),
    );
    const [total, ...currencies] = rows.slice(json.customers.length);
    expect([...total!.slice(0, 3), ...figures(total!)]).toEqual(['Total', 'All customers', 'USD', json.totals.balance, json.totals.overdue, ...json.totals.buckets]);
    expect(currencies.map((row) => [row[2], ...figures(row)])).toEqual(json.totals.byCurrency.map((c) => [c.currency, c.balance, null, ...c.buckets]));
    // The demo company has customers in 0- and 3-decimal currencies: each written with its own decimals.
    const jpy = currencies.find((row) => row[2] === 'JPY');
    if (jpy) expect(jpy[3]).not.toContain('.');
  });

  it.skipIf(skipReason)('downloads an XLSX with numeric cells in the currency’s format, a frozen header and a totals row', async () => {
    const json = await report(`asOf=${TODAY}`);
    const res = await app.inject({ url: `${URL_}?asOf=${TODAY}&format=xlsx` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="aged-receivables-${TODAY}.xlsx"`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // Printed, a line's columns stay on one page, and every page starts with the header row.
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
    expect(sheet.getRow(1).values).toEqual([undefined, 'Account', 'Name', 'Currency', 'Balance', 'Overdue', ...DEFAULT_AGING_PERIODS.map((p) => p.label)]);
    // Amount headings sit right, over their figures; the text columns' headings left.
    expect([1, 2, 3, 4, 5, 6].map((column) => sheet.getRow(1).getCell(column).alignment?.horizontal)).toEqual([undefined, undefined, undefined, 'right', 'right', 'right']);
    const amount = (minor: number, currency = 'USD') => Number(formatMinor(BigInt(minor), currency));
    json.customers.forEach((c, i) => {
      const row = sheet.getRow(i + 2);
      expect(row.values).toEqual([undefined, c.account, c.name, 'USD', ...[c.balance, c.overdue, ...c.buckets].map((m) => amount(m))]);
      expect(row.getCell(4).numFmt).toBe('#,##0.00');
    });
    const total = sheet.getRow(json.customers.length + 2);
    expect(total.values).toEqual([undefined, 'Total', 'All customers', 'USD', ...[json.totals.balance, json.totals.overdue, ...json.totals.buckets].map((m) => amount(m))]);
    expect(total.font?.bold).toBe(true);
    json.totals.byCurrency.forEach((c, i) => {
      const row = sheet.getRow(json.customers.length + 3 + i);
      expect(row.getCell(3).value).toBe(c.currency);
      expect([row.getCell(4).value, ...c.buckets.map((_, b) => row.getCell(6 + b).value)]).toEqual([c.balance, ...c.buckets].map((m) => amount(m, c.currency)));
      expect(row.getCell(4).numFmt).toBe(c.currency === 'JPY' ? '#,##0' : c.currency === 'KWD' ? '#,##0.000' : '#,##0.00');
    });
    expect(sheet.rowCount).toBe(json.customers.length + 2 + json.totals.byCurrency.length);
  });

  it.skipIf(skipReason)('answers 400 naming the parameter for bad input, 404 for an unknown agent', async () => {
    for (const [query, field] of [
      ['asOf=2026-02-30', 'asOf'],
      ['asOf=1800-01-01', 'asOf'],
      ['by=x', 'by'],
      ['format=pdf', 'format'],
      ['periods=30,abc', 'periods'],
      ['periods=60,30', 'periods'],
      ['agent=not-a-uuid', 'agent'],
      ['asof=2026-01-01', 'asof'],
    ]) {
      const res = await app.inject({ url: `${URL_}?${query}` });
      expect({ query, status: res.statusCode }).toEqual({ query, status: 400 });
      expect(res.json()).toMatchObject({ code: 'invalid_request', message: expect.stringContaining(`'${field}'`) });
    }
    const unknown = await app.inject({ url: `${URL_}?agent=00000000-0000-4000-8000-000000000000` });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'agent_not_found' });
  });

  it.skipIf(skipReason)('shows an agent their own customers only; a manager any agent’s', async () => {
    const all = await report(`asOf=${TODAY}`);
    const tom = await handle.db.selectFrom('agents').select('id').where('email', 'like', 'tom.becker@%').executeTakeFirstOrThrow();
    const toms = new Set((await handle.db.selectFrom('customers').select('id').where('default_agent_id', '=', tom.id).execute()).map((c) => c.id));
    const demo = await handle.db.selectFrom('agents').select('id').where('entra_oid', '=', DEMO_AGENT.oid).executeTakeFirstOrThrow();
    const mine = all.customers.slice(0, 4).map((c) => c.id);
    await handle.db.updateTable('customers').set({ default_agent_id: demo.id }).where('id', 'in', mine).execute();
    toms.forEach((id) => mine.includes(id) && toms.delete(id));
    const asRole = async (role: 'agent' | 'manager') => {
      await handle.db.updateTable('agents').set({ role }).where('id', '=', demo.id).execute();
      return appOn(handle, name);
    };
    const agentApp = await asRole('agent');
    const managerApp = await asRole('manager');
    try {
      const get = (on: FastifyInstance, query: string) => on.inject({ url: `${URL_}?asOf=${TODAY}${query}` });
      const own = await get(agentApp, '');
      expect(own.json<AgedReceivablesResponse>().customers.map((c) => c.id)).toEqual(mine);
      expect((await get(agentApp, `&agent=${demo.id}`)).json()).toEqual(own.json());
      const other = await get(agentApp, `&agent=${tom.id}`);
      expect(other.statusCode).toBe(403);
      expect(other.json()).toMatchObject({ code: 'forbidden' });
      const forTom = (await get(managerApp, `&agent=${tom.id}`)).json<AgedReceivablesResponse>();
      expect(forTom.customers.length).toBeGreaterThan(0);
      expect(forTom.customers).toEqual(all.customers.filter((c) => toms.has(c.id)));
      expect((await get(managerApp, '')).json<AgedReceivablesResponse>().customers.map((c) => c.id)).toEqual(all.customers.map((c) => c.id));
    } finally {
      await agentApp.close();
      await managerApp.close();
    }
  });
});
