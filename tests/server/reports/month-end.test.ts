// Month-end delivery of the aged receivables report: a manager switches it on through the API, and
// the job queues last month's report once per manager and month (run twice, or by two processes at
// once), as a Graph sendMail the Graph test server accepts, with the workbook of the report attached.
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../server/app';
import { DEMO_AGENT } from '../../../server/auth/agents';
import { openDatabase, type DatabaseHandle } from '../../../server/db/kysely';
import { loadDemo } from '../../../server/demo/load';
import { devTokenSource } from '../../../server/graph/tokens';
import { OutboxWorker } from '../../../server/graph/worker';
import type { AgedReceivablesResponse, AgedReceivablesSubscriptionResponse } from '../../../server/http/schemas/reports';
import { deliverMonthEndReports, lastMonthEnd, type MonthEndOptions } from '../../../server/jobs/month-end-report';
import { testDatabases } from '../../support/db';
import { startGraphServer, type GraphTestServer } from '../../support/graph-server';
import { quietLog } from '../graph/world';
import { openTestApp, type TestApp } from '../http/world';

const PATH = '/api/reports/aged-receivables/subscription';

interface SentMail {
  message: { subject: string; toRecipients: Array<{ emailAddress: { address: string } }>; attachments?: Array<{ name: string; contentBytes: string }> };
}

it('takes the last day of the month before', () => {
  expect(lastMonthEnd('2026-12-04')).toBe('2026-11-30');
  expect(lastMonthEnd('2026-03-01')).toBe('2026-02-28');
  expect(lastMonthEnd('2027-01-31')).toBe('2026-12-31');
});

describe.each(testDatabases)('month-end aged receivables on $name', ({ name, skipReason }) => {
  let graph: GraphTestServer;
  let world: TestApp;
  let options: MonthEndOptions;
  const at = (iso: string): MonthEndOptions => ({ ...options, now: new Date(iso) });
  const put = (subscribed: boolean) => world.app.inject({ method: 'PUT', url: PATH, payload: { subscribed } });
  const demoAgent = () => world.handle.db.selectFrom('agents').select(['id', 'email']).where('entra_oid', '=', DEMO_AGENT.oid).executeTakeFirstOrThrow();
  /** The test database's own URL: a second pool on it stands for a second server process. */
  const sameDatabaseUrl = async () => {
    const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(world.handle.db);
    const url = new URL(world.app.config.databaseUrl!);
    url.pathname = `/${rows[0]!.name}`;
    return url.toString();
  };
  const drain = async () => {
    const worker = new OutboxWorker({ db: world.handle.db, settings: world.app.config.graph!, tokens: devTokenSource(graph.token), log: quietLog });
    while ((await worker.runOnce()) > 0);
  };

  beforeAll(async () => {
    if (skipReason) return;
    graph = await startGraphServer();
    const env: Record<string, string> = { HOST: '127.0.0.1', GRAPH_DEV_TOKEN: graph.token, GRAPH_BASE_URL: graph.baseUrl, GRAPH_WORKER: 'off' };
    if (name === 'postgres') env.DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    world = await openTestApp(name, { env });
    await loadDemo(world.handle, { asOf: '2026-11-24', accountingCurrency: 'USD', customers: 20 });
    options = { companyTimeZone: 'UTC', accountingCurrency: 'USD', origin: 'https://collections.example', paging: name === 'postgres' ? 'cursor' : 'keyset' };
  }, 120_000);
  afterAll(async () => {
    await world?.close();
    await graph?.close();
  });

  it.skipIf(skipReason)('is for managers only, and off until switched on', async () => {
    const agent = await demoAgent();
    // The development sign-in reads the demo agent's role when the app starts: an app of its own.
    const { role } = await world.handle.db.selectFrom('agents').select('role').where('id', '=', agent.id).executeTakeFirstOrThrow();
    await world.handle.db.updateTable('agents').set({ role: 'agent' }).where('id', '=', agent.id).execute();
    const asAgent = await buildApp({ config: world.app.config, db: world.handle, logger: false, addinDir: '/nonexistent/dist/addin' });
    try {
      expect((await asAgent.inject({ method: 'PUT', url: PATH, payload: { subscribed: true } })).statusCode).toBe(403);
      expect((await asAgent.inject({ url: PATH })).statusCode).toBe(403);
    } finally {
      await asAgent.close();
      await world.handle.db.updateTable('agents').set({ role }).where('id', '=', agent.id).execute();
    }
    expect((await world.app.inject({ url: PATH })).json()).toEqual({ subscribed: false, lastMonthEnd: null });
    expect(await deliverMonthEndReports(world.handle.db, at('2026-12-01T00:30:00Z'))).toBe(0);
    expect((await world.app.inject({ method: 'PUT', url: PATH, payload: { subscribed: 'yes' } })).statusCode).toBe(400);
  });

  it.skipIf(skipReason)('mails last month’s report once per month, however often and by however many processes it runs', async () => {
    const agent = await demoAgent();
    expect((await put(true)).json<AgedReceivablesSubscriptionResponse>()).toEqual({ subscribed: true, lastMonthEnd: null });

    // Two processes at once (separate connections on PostgreSQL), then a restart running it again.
    const second: DatabaseHandle | null = name === 'postgres' ? await openDatabase({ databaseUrl: await sameDatabaseUrl() }) : null;
    try {
      const queued = await Promise.all([
        deliverMonthEndReports(world.handle.db, at('2026-12-01T00:30:00Z')),
        deliverMonthEndReports((second ?? world.handle).db, at('2026-12-01T00:31:00Z')),
      ]);
      expect(queued.sort()).toEqual([0, 1]);
    } finally {
      await second?.close();
    }
    expect(await deliverMonthEndReports(world.handle.db, at('2026-12-31T23:00:00Z'))).toBe(0);
    await drain();

    const mails = graph.store.mails as SentMail[];
    expect(mails).toHaveLength(1);
    expect(graph.violations).toEqual([]);
    const { message } = mails[0]!;
    expect(message.subject).toBe('Aged receivables as of 2026-11-30');
    expect(message.toRecipients[0]!.emailAddress.address).toBe(agent.email);
    expect(message.attachments![0]!.name).toBe('aged-receivables-2026-11-30.xlsx');

    // The attachment is the report as of the month end: its totals row holds the API's totals.
    const report = (await world.app.inject({ url: '/api/reports/aged-receivables?asOf=2026-11-30' })).json<AgedReceivablesResponse>();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(message.attachments![0]!.contentBytes, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const total = sheet.getRow(report.customers.length + 2).values as unknown[];
    expect(total.slice(1, 3)).toEqual(['Total', 'All customers']);
    expect(Math.round((total[4] as number) * 100)).toBe(report.totals.balance);
    expect(Math.round((total[5] as number) * 100)).toBe(report.totals.overdue);
    expect((await world.app.inject({ url: PATH })).json()).toEqual({ subscribed: true, lastMonthEnd: '2026-11-30' });

    // The next month brings the next report; switched off, nothing more.
    expect(await deliverMonthEndReports(world.handle.db, at('2027-01-01T08:00:00Z'))).toBe(1);
    expect((await put(false)).json()).toEqual({ subscribed: false, lastMonthEnd: '2026-12-31' });
    expect(await deliverMonthEndReports(world.handle.db, at('2027-02-01T08:00:00Z'))).toBe(0);
    await drain();
    expect((graph.store.mails as SentMail[]).map((m) => m.message.subject)).toEqual(['Aged receivables as of 2026-11-30', 'Aged receivables as of 2026-12-31']);
    expect(graph.violations).toEqual([]);
  });
});
