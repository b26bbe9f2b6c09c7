// The phases of a run, each adding named figures: PostgreSQL (import vs COPY, in-process probes,
// load matrix), PGlite (the same without COPY), and cost growth over three ledger sizes.
import { openDatabase } from '../server/db/kysely';
import { addMonths } from '../server/domain/dates';
import { copyBaseline } from './copy-baseline';
import { dataset, ensureCsv, type Dataset } from './datasets';
import { runLoad } from './load';
import type { Mode } from './modes';
import { agingAllMs, customerNear, lookupMs, pickCustomers, queryPlans, resolve, summaryShares, type Picked } from './probe';
import { runMatrix, startServers, type Figures } from './serve';
import { pgliteTarget, pgName, postgresTarget, type Target } from './targets';
import type { ImportOutcome } from './import-child';

export interface RunContext {
  mode: Mode;
  seed: number;
  asOf: string;
  out: Figures;
  plans: Record<string, string>;
  log: (line: string) => void;
}

const r2 = (n: number) => Number(n.toFixed(2));

function recordImport(ctx: RunContext, db: string, imported: ImportOutcome): number {
  const rate = Math.round(imported.rows / imported.seconds);
  ctx.out[`import_${db}_rows`] = imported.rows;
  ctx.out[`import_${db}_seconds`] = r2(imported.seconds);
  ctx.out[`import_${db}_rows_per_s`] = rate;
  ctx.out[`import_${db}_peak_rss_mb`] = imported.peakRssMb;
  ctx.log(`import into ${db}: ${imported.rows} rows in ${imported.seconds.toFixed(1)} s = ${rate} rows/s, peak RSS ${imported.peakRssMb} MB`);
  return rate;
}

/** Probes that run in the bench process on an open database (no server in between). */
async function probe(ctx: RunContext, db: string, target: Target, accounts?: { typical: string; largest: string }): Promise<Picked> {
  const handle = await openDatabase(target.server);
  try {
    const picked = accounts ? await resolve(handle.db, accounts) : await pickCustomers(handle.db);
    for (const who of ['typical', 'largest'] as const) {
      const shares = await summaryShares(handle.db, picked[who], ctx.asOf);
      ctx.out[`${db}_${who}_customer_entries`] = picked[who].entries;
      ctx.out[`${db}_${who}_customer_settlements`] = shares.settlements;
      ctx.out[`${db}_summary_${who}_load_ledger_ms`] = shares.load_ms;
      ctx.out[`${db}_summary_${who}_domain_ms`] = shares.summarize_ms;
      ctx.log(`${db} ${who} customer (${picked[who].entries} entries): read ${shares.load_ms} ms, summarize() ${shares.summarize_ms} ms`);
    }
    ctx.out[`${db}_lookup_in_process_p50_ms`] = await lookupMs(handle.db, picked.email);
    const past = addMonths(ctx.asOf, -6);
    for (const [when, date] of [['past', past], ['today', ctx.asOf]] as const) {
      const aging = await agingAllMs(handle.db, date, ctx.mode.agingRuns);
      ctx.out[`${db}_aging_all_customers_${when}_ms`] = aging.ms;
      ctx.out[`${db}_aging_all_customers_${when}_baseline_ms`] = aging.baselineMs;
      ctx.out[`${db}_aging_all_customers_${when}_vs_baseline_ratio`] = Number((aging.ms / aging.baselineMs).toFixed(3));
      ctx.out[`${db}_aging_all_customers_${when}_customers`] = aging.customers;
      if (aging.customers !== aging.baselineCustomers) {
        throw new Error(`aging as of ${date}: ${aging.customers} customers with a balance, the baseline has ${aging.baselineCustomers}`);
      }
      ctx.log(`${db} aged receivables of all customers as of ${date}: ${aging.ms} ms, baseline ${aging.baselineMs} ms (${aging.customers} customers with a balance)`);
    }
    return picked;
  } finally {
    await handle.close();
  }
}

async function serve(ctx: RunContext, db: string, target: Target, picked: Picked, matrix: Mode['matrix']): Promise<void> {
  const servers = await startServers(target);
  try {
    await runMatrix(db, servers, picked, { ...matrix, asOf: ctx.asOf, pastAsOf: addMonths(ctx.asOf, -6), log: ctx.log }, ctx.out);
  } finally {
    ctx.out[`${db}_server_peak_rss_mb`] = await servers.stop();
    ctx.log(`${db} server peak RSS: ${String(ctx.out[`${db}_server_peak_rss_mb`])} MB`);
  }
}

export async function postgresPhase(ctx: RunContext): Promise<Picked> {
  const set = dataset(ctx.mode.main, ctx.seed, ctx.asOf);
  await ensureCsv(set, ctx.log);
  const { target, imported } = await postgresTarget(ctx.mode.prefix, set, true);
  const rate = recordImport(ctx, 'postgres', imported!);
  const name = pgName(ctx.mode.prefix, set);
  const copy = await copyBaseline(name, `${name}_copy`);
  const copyRate = Math.round(copy.rows / copy.seconds);
  ctx.out.copy_postgres_rows = copy.rows;
  ctx.out.copy_postgres_seconds = r2(copy.seconds);
  ctx.out.copy_postgres_rows_per_s = copyRate;
  ctx.out.import_vs_copy_rows_per_s_ratio = r2(rate / copyRate);
  ctx.log(`COPY baseline: ${copy.rows} rows in ${copy.seconds.toFixed(1)} s = ${copyRate} rows/s (import/COPY ${r2(rate / copyRate)})`);
  const picked = await probe(ctx, 'postgres', target);
  Object.assign(ctx.plans, await queryPlans(target.server.databaseUrl!, picked, ctx.asOf));
  await serve(ctx, 'postgres', target, picked, ctx.mode.matrix);
  return picked;
}

export async function pglitePhase(ctx: RunContext, accounts: { typical: string; largest: string } | null): Promise<void> {
  const set = dataset(ctx.mode.pglite, ctx.seed, ctx.asOf);
  await ensureCsv(set, ctx.log);
  const { target, imported } = await pgliteTarget(ctx.mode.prefix, set, true);
  recordImport(ctx, 'pglite', imported!);
  const sameSet = set.key === dataset(ctx.mode.main, ctx.seed, ctx.asOf).key;
  const picked = await probe(ctx, 'pglite', target, sameSet && accounts ? accounts : undefined);
  await serve(ctx, 'pglite', target, picked, ctx.mode.pgliteMatrix);
}

/** Summary latency of customers of fixed sizes in ledgers of growing size (PostgreSQL). */
export async function growthPhase(ctx: RunContext): Promise<void> {
  for (const size of ctx.mode.growth) {
    const set: Dataset = dataset(size, ctx.seed, ctx.asOf);
    await ensureCsv(set, ctx.log);
    const { target } = await postgresTarget(ctx.mode.prefix, set, false);
    const handle = await openDatabase(target.server);
    const customers = await Promise.all(ctx.mode.growthCustomers.map((n) => customerNear(handle.db, n))).finally(() => handle.close());
    const servers = await startServers(target);
    try {
      for (const [i, customer] of customers.entries()) {
        const name = `growth_ledger${set.entries}_customer${ctx.mode.growthCustomers[i]}`;
        const url = `/api/customers/${customer.id}/summary?asOf=${ctx.asOf}`;
        const stats = await runLoad({ url: servers.product + url, connections: 1, durationS: ctx.mode.growthDurationS });
        const bare = await runLoad({ url: `${servers.bare}/ledger/${customer.id}?asOf=${ctx.asOf}`, connections: 1, durationS: ctx.mode.growthDurationS });
        ctx.out[`${name}_entries`] = customer.entries;
        ctx.out[`${name}_summary_c1_p50_ms`] = stats.p50_ms;
        ctx.out[`${name}_summary_c1_p99_ms`] = stats.p99_ms;
        ctx.out[`${name}_bare_c1_p50_ms`] = bare.p50_ms;
        ctx.log(`growth: ledger ${set.entries} entries, customer of ${customer.entries} entries: summary p50 ${stats.p50_ms} ms (bare ${bare.p50_ms} ms)`);
      }
    } finally {
      await servers.stop();
    }
  }
}
