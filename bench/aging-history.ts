// The aging history (GET /api/customers/:id/aging-history, 12 month ends and the as-of date) of the
// largest benchmark customer, in process on PostgreSQL and PGlite, beside that customer's summary:
// each as the ledger read plus the domain's computation, medians of repeated runs.
import { findCustomer } from '../server/db/repositories/customers';
import { loadLedger } from '../server/db/repositories/ledger';
import { openDatabase } from '../server/db/kysely';
import { agingHistory } from '../server/domain/aging-history';
import { summarize } from '../server/domain/summary';
import { dataset, ensureCsv } from './datasets';
import { postgresReachable } from './pg-admin';
import type { RunContext } from './phases';
import { pickCustomers } from './probe';
import { pgliteTarget, postgresTarget, type Target } from './targets';

const MONTHS = 12;

async function medianMs(times: number, work: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return Number(samples[Math.floor(samples.length / 2)]!.toFixed(2));
}

async function measure(ctx: RunContext, db: 'postgres' | 'pglite', target: Target): Promise<void> {
  const handle = await openDatabase(target.server);
  try {
    const { largest } = await pickCustomers(handle.db);
    const profile = (await findCustomer(handle.db, largest.id))!;
    const ledger = () => loadLedger(handle.db, largest.id, ctx.asOf);
    const summaryMs = await medianMs(7, async () => {
      const { entries, settlements } = await ledger();
      summarize({ profile, entries, settlements, asOf: ctx.asOf, accountingCurrency: 'USD' });
    });
    const historyMs = await medianMs(7, async () => {
      const { entries, settlements } = await ledger();
      agingHistory(entries, settlements, ctx.asOf, MONTHS);
    });
    ctx.out[`${db}_history_largest_customer_entries`] = largest.entries;
    ctx.out[`${db}_history_largest_summary_ms`] = summaryMs;
    ctx.out[`${db}_history_largest_aging_history_ms`] = historyMs;
    ctx.log(`${db} largest customer (${largest.entries} entries): summary ${summaryMs} ms, aging history of ${MONTHS} months ${historyMs} ms`);
  } finally {
    await handle.close();
  }
}

export async function historyPhase(ctx: RunContext): Promise<void> {
  const unreachable = await postgresReachable();
  if (unreachable) {
    ctx.out.history_postgres_not_measured = unreachable;
  } else {
    const set = dataset(ctx.mode.main, ctx.seed, ctx.asOf);
    await ensureCsv(set, ctx.log);
    await measure(ctx, 'postgres', (await postgresTarget(ctx.mode.prefix, set, false)).target);
  }
  const set = dataset(ctx.mode.pglite, ctx.seed, ctx.asOf);
  await ensureCsv(set, ctx.log);
  await measure(ctx, 'pglite', (await pgliteTarget(ctx.mode.prefix, set, false)).target);
}
