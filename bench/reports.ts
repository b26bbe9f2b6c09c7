// The aged receivables report (GET /api/reports/aged-receivables) on PostgreSQL and PGlite: JSON
// and CSV of every customer as of a past date and as of the data's today, through the product
// server, beside the raw SQL that computes the same lines from every entry and settlement (no
// settled totals); and the server's peak RSS when it has served nothing but the XLSX export.
import { CompiledQuery, Kysely, PostgresDialect, sql, type CompiledQuery as Compiled } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../server/db/kysely';
import { migrateToLatest } from '../server/db/migrate';
import { agedReceivables } from '../server/db/repositories/aged-receivables';
import { DEFAULT_AGING_PERIODS } from '../server/domain/aging';
import type { Database } from '../server/db/schema';
import { addMonths } from '../server/domain/dates';
import type { AgedReceivablesResponse } from '../server/http/schemas/reports';
import { dataset, ensureCsv } from './datasets';
import { postgresReachable } from './pg-admin';
import type { RunContext } from './phases';
import { startServers } from './serve';
import { pgliteTarget, postgresTarget, type Target } from './targets';

const r2 = (n: number) => Number(n.toFixed(2));

async function medianMs(runs: number, work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return r2(times[Math.floor(times.length / 2)]!);
}

interface BaselineLine {
  account: string;
  buckets: string[];
  overdue: string;
}

/**
 * The report's lines (default periods, by due date) straight from the ledger: every entry posted by
 * the date, less every settlement dated by then; accounting amounts prorated half away from zero;
 * open amounts per transaction currency and period too, as the report gives them; by account.
 */
async function rawReport(db: Kysely<Database>, asOf: string): Promise<BaselineLine[]> {
  const result = await sql<BaselineLine & { currencies: string[]; periods: number[]; open: string[] }>`
    with settled as (
      select id, sum(amount) as amount from (
        select debit_id as id, amount from settlements where settled_on <= ${asOf}::date
        union all
        select credit_id, -amount from settlements where settled_on <= ${asOf}::date
      ) moves group by id
    ), open as (
      select e.customer_id, e.currency, e.amount, e.amount_accounting, e.amount - coalesce(st.amount, 0) as open,
        case when e.amount > 0 and e.due_date is not null then ${asOf}::date - e.due_date end as days
      from ledger_entries e left join settled st on st.id = e.id
      where e.posting_date <= ${asOf}::date
    ), aged as (
      select customer_id, currency::text as currency, round(amount_accounting::numeric * open / amount) as accounting, open,
        case when days is null or days <= 0 then 0 when days <= 30 then 1 when days <= 60 then 2
             when days <= 90 then 3 when days <= 120 then 4 else 5 end as period
      from open where open <> 0
    ), lines as (
      select customer_id, currency, period, sum(accounting) as accounting, sum(open) as open
      from aged group by 1, 2, 3
    ), customers_aged as (
      select customer_id,
        array[${sql.join([0, 1, 2, 3, 4, 5].map((p) => sql`coalesce(sum(accounting) filter (where period = ${sql.lit(p)}), 0)`))}]::text[] as buckets,
        -- Overdue is the periods after Current when aging by due date with the default periods.
        coalesce(sum(accounting) filter (where period > 0), 0)::text as overdue,
        array_agg(currency) as currencies, array_agg(period) as periods, array_agg(open::text) as open
      from lines group by customer_id
    )
    select c.account, a.* from customers_aged a join customers c on c.id = a.customer_id order by c.account`.execute(db);
  return result.rows;
}

/** Sum of a column of minor-unit strings. */
const total = (values: string[]) => values.reduce((sum, v) => sum + BigInt(v), 0n);

/**
 * The body's bytes, as a mail client or browser receives them: the time a request takes here ends
 * with its last byte. Decoding and parsing the text is the reader's work, on the reader's machine:
 * done after the clock stops, it would otherwise take the server's cores on this two-core machine.
 */
async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the report's statement as the route sends it (under its cursor, in
 * its transaction's settings), for each date.
 */
async function reportPlans(ctx: RunContext, databaseUrl: string, dates: ReadonlyArray<readonly [string, string]>): Promise<void> {
  const captured: Compiled[] = [];
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: databaseUrl, max: 1 }) }),
    log: (event) => void (event.level === 'query' && captured.push(event.query)),
  });
  try {
    for (const [when, asOf] of dates) {
      captured.length = 0;
      const pages = agedReceivables(db, { asOf, by: 'due_date', periods: DEFAULT_AGING_PERIODS, agentId: null }, { paging: 'cursor' });
      for await (const _page of pages);
      const at = captured.findIndex((q) => /^\s*declare aged_receivables/i.test(q.sql));
      const declared = captured[at]!;
      const statement = declared.sql.replace(/^\s*declare aged_receivables no scroll cursor for/i, '');
      // The settings the repository made for this statement (they differ between today and a past date).
      const settings = captured.slice(0, at).filter((q) => /^\s*set local /i.test(q.sql)).map((q) => q.sql);
      const plan = await db.transaction().execute(async (trx) => {
        for (const setting of settings) await trx.executeQuery(CompiledQuery.raw(setting));
        return trx.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain (analyze, buffers) ${statement}`, [...declared.parameters]));
      });
      ctx.plans[`aged receivables report (${when}, ${asOf})`] = `${statement.trim()}\n\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`;
    }
  } finally {
    await db.destroy();
  }
}

async function measure(ctx: RunContext, db: 'postgres' | 'pglite', target: Target): Promise<void> {
  const runs = ctx.mode.agingRuns;
  const dates = [['past', addMonths(ctx.asOf, -6)], ['today', ctx.asOf]] as const;
  const url = (product: string, asOf: string, format: string) => `${product}/api/reports/aged-receivables?asOf=${asOf}&format=${format}`;
  // PGlite's folder is one process's at a time: the baseline runs before the server opens it.
  /** Per date: time, customers, and the totals of the periods then overdue. */
  const baseline: Record<string, { ms: number; customers: number; totals: bigint[] }> = {};
  const handle = await openDatabase(target.server);
  // A data set loaded by an earlier run gets this build's migrations, as the server does at start.
  await migrateToLatest(handle.db);
  try {
    for (const [when, asOf] of dates) {
      let lines: BaselineLine[] = [];
      const ms = await medianMs(runs, async () => (lines = await rawReport(handle.db, asOf)));
      const totals = [0, 1, 2, 3, 4, 5].map((i) => total(lines.map((l) => l.buckets[i]!)));
      baseline[when] = { ms, customers: lines.length, totals: [...totals, total(lines.map((l) => l.overdue))] };
    }
  } finally {
    await handle.close();
  }
  if (target.server.databaseUrl) await reportPlans(ctx, target.server.databaseUrl, dates);

  const servers = await startServers(target);
  try {
    // Unmeasured beyond the first: a server's first requests open database connections and compile
    // the report's loops (the first took 650 ms, the third 430 ms, as of today); a server that has
    // run for a while answers as the later ones. The first is reported as the cold figure.
    const coldStarted = performance.now();
    await fetchBytes(url(servers.product, ctx.asOf, 'json'));
    ctx.out[`${db}_report_aged_today_json_cold_ms`] = r2(performance.now() - coldStarted);
    for (let i = 0; i < 3; i += 1) for (const format of ['json', 'csv']) await fetchBytes(url(servers.product, ctx.asOf, format));
    for (const [when, asOf] of dates) {
      const name = `${db}_report_aged_${when}`;
      let body: Uint8Array = new Uint8Array();
      const jsonMs = await medianMs(runs, async () => (body = await fetchBytes(url(servers.product, asOf, 'json'))));
      const csvMs = await medianMs(runs, () => fetchBytes(url(servers.product, asOf, 'csv')));
      const parseStarted = performance.now();
      const { customers, totals } = JSON.parse(new TextDecoder().decode(body)) as AgedReceivablesResponse;
      const parseMs = r2(performance.now() - parseStarted);
      const base = baseline[when]!;
      const figures = [...totals.buckets, totals.overdue];
      if (customers.length !== base.customers || figures.some((b, i) => BigInt(b) !== base.totals[i])) {
        throw new Error(`report as of ${asOf}: ${customers.length} customers, periods/overdue ${figures.join('/')}; raw SQL ${base.customers}, ${base.totals.join('/')}`);
      }
      Object.assign(ctx.out, {
        [`${name}_customers`]: customers.length,
        [`${name}_json_ms`]: jsonMs,
        [`${name}_json_client_parse_ms`]: parseMs,
        [`${name}_csv_ms`]: csvMs,
        [`${name}_raw_sql_ms`]: base.ms,
        [`${name}_json_vs_raw_sql_ratio`]: r2(jsonMs / base.ms),
        [`${name}_csv_vs_json_ratio`]: r2(csvMs / jsonMs),
      });
      ctx.log(`${db} aged receivables report as of ${asOf} (${customers.length} customers): JSON ${jsonMs} ms (and ${parseMs} ms to parse it; a new server's first request ${String(ctx.out[`${db}_report_aged_today_json_cold_ms`])} ms), CSV ${csvMs} ms, raw SQL ${base.ms} ms (JSON/raw ${r2(jsonMs / base.ms)}, CSV/JSON ${r2(csvMs / jsonMs)})`);
    }
  } finally {
    ctx.out[`${db}_report_aged_server_peak_rss_mb`] = await servers.stop();
  }

  // A server that serves the XLSX export alone: its peak RSS is the export's (plus start-up).
  const xlsxServer = await startServers(target);
  try {
    const started = performance.now();
    const response = await fetch(url(xlsxServer.product, ctx.asOf, 'xlsx'));
    const bytes = (await response.arrayBuffer()).byteLength;
    if (response.status !== 200) throw new Error(`XLSX export answered ${response.status}`);
    ctx.out[`${db}_report_aged_xlsx_ms`] = r2(performance.now() - started);
    ctx.out[`${db}_report_aged_xlsx_bytes`] = bytes;
  } finally {
    ctx.out[`${db}_report_aged_xlsx_server_peak_rss_mb`] = await xlsxServer.stop();
  }
  ctx.log(
    `${db} aged receivables XLSX: ${String(ctx.out[`${db}_report_aged_xlsx_ms`])} ms, ${String(ctx.out[`${db}_report_aged_xlsx_bytes`])} bytes; ` +
      `server peak RSS ${String(ctx.out[`${db}_report_aged_xlsx_server_peak_rss_mb`])} MB (JSON and CSV server: ${String(ctx.out[`${db}_report_aged_server_peak_rss_mb`])} MB)`,
  );
}

/** The report on the run's PostgreSQL and PGlite data sets (loaded now unless an earlier phase did). */
export async function reportsPhase(ctx: RunContext): Promise<void> {
  const unreachable = await postgresReachable();
  if (unreachable) {
    ctx.out.report_aged_postgres_not_measured = unreachable;
    ctx.log(`aged receivables report on postgres: not measured: ${unreachable}`);
  } else {
    const set = dataset(ctx.mode.main, ctx.seed, ctx.asOf);
    await ensureCsv(set, ctx.log);
    await measure(ctx, 'postgres', (await postgresTarget(ctx.mode.prefix, set, false)).target);
  }
  const set = dataset(ctx.mode.pglite, ctx.seed, ctx.asOf);
  await ensureCsv(set, ctx.log);
  await measure(ctx, 'pglite', (await pgliteTarget(ctx.mode.prefix, set, false)).target);
}
