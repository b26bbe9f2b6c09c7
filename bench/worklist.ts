// The pool worklist and chart (GET /api/pools/:id/customers and /chart) on PostgreSQL and PGlite,
// through the product server on the freshly imported benchmark set: the first page of the pool of
// every customer and of a one-sales-area pool, and the chart of each (p50 and p99 of sequential
// requests), beside the raw SQL that reads the same first page from the customer positions in the
// same run; the query plans of the statements the worklist sends go into the results.
import { CompiledQuery, Kysely, PostgresDialect, sql, type CompiledQuery as Compiled } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../server/db/kysely';
import { migrateToLatest } from '../server/db/migrate';
import { ALL_POOL, type Pool } from '../server/db/repositories/pools';
import { ensurePositionsCurrent } from '../server/db/repositories/positions';
import { prioritySql } from '../server/db/repositories/pool-sql';
import { poolChart, worklistPage } from '../server/db/repositories/worklist';
import type { Database } from '../server/db/schema';
import { todayIn } from '../server/domain/dates';
import type { PoolResponse, WorklistResponse } from '../server/http/schemas/pools';
import { dataset, ensureCsv } from './datasets';
import { percentile } from './load';
import { postgresReachable } from './pg-admin';
import type { RunContext } from './phases';
import { startServers } from './serve';
import { pgliteTarget, postgresTarget, type Target } from './targets';

const PAGE = 50;
const r2 = (n: number) => Number(n.toFixed(2));

async function timings(runs: number, work: () => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { p50: r2(percentile(samples, 50)), p99: r2(percentile(samples, 99)) };
}

/** The first page by priority straight from the positions (no pool machinery, no snapshot, no HTTP). */
function rawFirstPage(db: Kysely<Database>, today: string, area: string | null) {
  const where = area === null ? sql`true` : sql`c.sales_area = ${area}`;
  return sql`
    select c.id, c.account, c.name, p.balance, p.overdue, ${prioritySql(today)} as priority
    from customers c join customer_positions p on p.customer_id = c.id
    where ${where}
    order by priority desc, c.account collate "C" limit ${PAGE}`.execute(db);
}

/** The most common sales area: the one-area pool of the benchmark. */
async function commonArea(db: Kysely<Database>): Promise<{ area: string; customers: number }> {
  const { rows } = await sql<{ area: string; n: number }>`
    select sales_area as area, count(*)::int as n from customers where sales_area is not null group by 1 order by 2 desc, 1 limit 1`.execute(db);
  return { area: rows[0]!.area, customers: rows[0]!.n };
}

/** EXPLAIN (ANALYZE, BUFFERS) of each statement a first page sends (the snapshot's insert rolled back). */
async function worklistPlans(ctx: RunContext, url: string, today: string, area: string): Promise<void> {
  const captured: Compiled[] = [];
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }),
    log: (event) => void (event.level === 'query' && captured.push(event.query)),
  });
  try {
    const agent = await db.selectFrom('agents').select('id').executeTakeFirst();
    const agentId = agent?.id ?? '00000000-0000-0000-0000-000000000000';
    const pools: Array<[string, Pool]> = [['all', ALL_POOL], [`sales area ${area}`, { ...ALL_POOL, id: 'bench-area', criteria: { salesArea: [area] } }]];
    for (const [name, pool] of pools) {
      captured.length = 0;
      await worklistPage(db, { pool, asOf: today, today, agentId, limit: PAGE });
      await poolChart(db, pool.criteria, today, today);
      // The statements of the page and the chart, each under the settings it ran with (set local).
      const settings = captured.filter((q) => /^\s*set local\b/i.test(q.sql));
      const statements = captured.filter((q) => /^\s*(with|select)\b/i.test(q.sql) && /worklist_snapshots|with candidates/.test(q.sql));
      const labels = ['order snapshot', 'page', 'chart'];
      for (const [i, query] of statements.entries()) {
        const plan = await db.transaction().execute(async (trx) => {
          for (const setting of settings) await trx.executeQuery(setting);
          const result = await trx.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain (analyze, buffers) ${query.sql}`, [...query.parameters]));
          await sql`rollback`.execute(trx).catch(() => undefined);
          return result;
        }).catch((error: Error) => ({ rows: [{ 'QUERY PLAN': `(not explained: ${error.message})` }] }));
        ctx.plans[`worklist first page, pool ${name} (${labels[i] ?? i})`] = `${query.sql.trim()}\n\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`;
      }
    }
  } finally {
    await db.destroy();
  }
}

async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${init?.method ?? 'GET'} ${url} answered ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

async function measure(ctx: RunContext, db: 'postgres' | 'pglite', target: Target): Promise<void> {
  const runs = ctx.mode.name === 'quick' ? 10 : 50;
  // The server's today (the positions are kept for it), as a user opening the worklist meets it.
  const today = todayIn(process.env.COMPANY_TIMEZONE ?? 'UTC', new Date());
  const handle = await openDatabase(target.server);
  // A data set loaded by an earlier run gets this build's migrations, as the server does at start.
  await migrateToLatest(handle.db);
  let area: { area: string; customers: number };
  let raw: Record<string, { p50: number; p99: number }>;
  try {
    const started = performance.now();
    await ensurePositionsCurrent(handle.db, today);
    ctx.out[`${db}_worklist_positions_catch_up_ms`] = r2(performance.now() - started);
    area = await commonArea(handle.db);
    raw = {
      all: await timings(runs, () => rawFirstPage(handle.db, today, null)),
      area: await timings(runs, () => rawFirstPage(handle.db, today, area.area)),
    };
  } finally {
    await handle.close();
  }
  if (target.server.databaseUrl) await worklistPlans(ctx, target.server.databaseUrl, today, area.area);

  const servers = await startServers(target);
  try {
    const json = { 'content-type': 'application/json' };
    const created = await fetchJson<PoolResponse>(`${servers.product}/api/pools`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ name: `Bench ${area.area} ${Date.now()}`, criteria: { salesArea: [area.area] } }),
    });
    const pools = { all: 'all', area: created.id };
    for (const [which, id] of Object.entries(pools)) {
      const first = `${servers.product}/api/pools/${id}/customers?limit=${PAGE}`;
      const chart = `${servers.product}/api/pools/${id}/chart`;
      // Unmeasured: the server's first request opens connections and compiles code.
      const warm = await fetchJson<WorklistResponse>(first);
      await fetchJson(chart);
      const page = await timings(runs, () => fetchJson(first));
      const charted = await timings(runs, () => fetchJson(chart));
      const name = `${db}_worklist_${which}`;
      const base = raw[which]!;
      Object.assign(ctx.out, {
        [`${name}_customers`]: warm.total,
        [`${name}_first_page_p50_ms`]: page.p50,
        [`${name}_first_page_p99_ms`]: page.p99,
        [`${name}_raw_sql_first_page_p50_ms`]: base.p50,
        [`${name}_raw_sql_first_page_p99_ms`]: base.p99,
        [`${name}_first_page_p50_vs_raw_sql_ratio`]: r2(page.p50 / base.p50),
        [`${name}_chart_p50_ms`]: charted.p50,
        [`${name}_chart_p99_ms`]: charted.p99,
      });
      ctx.log(
        `${db} worklist of pool ${which === 'all' ? 'all' : `sales area ${area.area}`} (${warm.total} customers): first page p50 ${page.p50} ms, p99 ${page.p99} ms ` +
          `(raw SQL p50 ${base.p50} ms, p99 ${base.p99} ms); chart p50 ${charted.p50} ms, p99 ${charted.p99} ms`,
      );
    }
  } finally {
    ctx.out[`${db}_worklist_server_peak_rss_mb`] = await servers.stop();
  }
}

/** The worklist on the run's PostgreSQL and PGlite data sets (loaded now unless an earlier phase did). */
export async function worklistPhase(ctx: RunContext): Promise<void> {
  const unreachable = await postgresReachable();
  if (unreachable) {
    ctx.out.worklist_postgres_not_measured = unreachable;
    ctx.log(`worklist on postgres: not measured: ${unreachable}`);
  } else {
    const set = dataset(ctx.mode.main, ctx.seed, ctx.asOf);
    await ensureCsv(set, ctx.log);
    await measure(ctx, 'postgres', (await postgresTarget(ctx.mode.prefix, set, false)).target);
  }
  const set = dataset(ctx.mode.pglite, ctx.seed, ctx.asOf);
  await ensureCsv(set, ctx.log);
  await measure(ctx, 'pglite', (await pgliteTarget(ctx.mode.prefix, set, false)).target);
}
