// Graph outbox throughput against the local Graph test server: activities synced per second (each one
// calendar event and one To Do task) by two workers, with or without injected faults, the duplicate
// and lost writes, against the server's own capacity for the same POSTs sent directly (the baseline).
// Run: npx tsx bench/outbox.ts [--activities 200] [--db pglite|postgres]
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import type { Database } from '../server/db/schema';
import { eventBody, taskBody, type SyncActivity } from '../server/graph/payloads';
import { devTokenSource } from '../server/graph/tokens';
import type { Logger } from '../server/graph/logger';
import { OutboxWorker } from '../server/graph/worker';
import type { CreateActivityRequest } from '../server/http/schemas/activities';
import { startGraphServer, type GraphTestServer } from '../tests/support/graph-server';
import { cliOptions, importCsv, openFreshDatabase, type BenchDatabase } from './fresh';

export interface OutboxBenchOptions {
  database: BenchDatabase;
  /** PostgreSQL admin URL a fresh database is created under; default BENCH_DATABASE_URL. */
  databaseUrl?: string;
  activities: number;
  faults: boolean;
  /** The baseline of the same run (directActivitiesPerSecond), to which the rate is compared. */
  direct: number;
  /** Added to the scratch database's name, so that a run can drop what an aborted benchmark left. */
  tag?: string;
}

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const WORKERS = 2;
// Parallel POSTs of the baseline: enough to keep the test server busy without queueing in sockets.
const DIRECT_CONCURRENCY = 8;
const DRAIN_TIMEOUT_MS = 300_000;
const CUSTOMER = { account: 'C1', name: 'Contoso Retail Ltd' };

function callActivity(n: number): CreateActivityRequest {
  return {
    type: 'call',
    purpose: `Overdue invoices, call ${n}`,
    outcome: 'reached',
    notes: `Spoke to AP <accounts@contoso.example> about call ${n}`,
    durationMinutes: 10,
    startAt: new Date(Date.UTC(2026, 10, 2, 9, n % 60)).toISOString(),
    followUpAt: new Date(Date.UTC(2026, 11, 1, 9, 30)).toISOString(),
  };
}

// The mix of the Graph engineer's fault tests: throttling with Retry-After (whole $batch and single
// items), 503s, answers slower than the client's 1 s timeout, and connection resets after the write.
function injectFaults(graph: GraphTestServer): void {
  graph.inject({ kind: 'throttle', retryAfterSeconds: 1 }, { times: 3 });
  graph.inject({ kind: 'unavailable' }, { times: 5 });
  graph.inject({ kind: 'throttle', retryAfterSeconds: 0, status: 503 }, { times: 20, scope: 'item' });
  graph.inject({ kind: 'slow', ms: 1_500 }, { times: 2 });
  graph.inject({ kind: 'reset' }, { times: 2 });
}

/** Runs the workers round after round until no outbox row is left unfinished. */
async function drain(db: Kysely<Database>, workers: OutboxWorker[]): Promise<void> {
  const deadline = Date.now() + DRAIN_TIMEOUT_MS;
  for (;;) {
    await Promise.all(workers.map((w) => w.runOnce().catch(() => 0)));
    const open = await db.selectFrom('outbox').select('id').where('done_at', 'is', null).executeTakeFirst();
    if (!open) return;
    if (Date.now() > deadline) throw new Error(`The outbox did not drain within ${DRAIN_TIMEOUT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * The baseline: the same event and task POSTs (the bodies the outbox builds), one request each with
 * plain fetch and no database; activities per second the test server takes, best of three rounds
 * after a warm-up (the server shares the process and its two cores with everything else).
 */
export async function directActivitiesPerSecond(activities: number): Promise<number> {
  const graph = await startGraphServer();
  try {
    const headers = { authorization: `Bearer ${graph.token}`, 'content-type': 'application/json' };
    const post = async (path: string, body: unknown) => {
      const response = await fetch(`${graph.baseUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
      const text = await response.text();
      if (response.status !== 201) throw new Error(`POST ${path}: ${response.status} ${text}`);
      return JSON.parse(text) as { id: string };
    };
    const tasks = `/me/todo/lists/${encodeURIComponent((await post('/me/todo/lists', { displayName: 'Collections' })).id)}/tasks`;
    const customerUrl = 'https://localhost:3000/customers/{id}';
    const customer = { id: randomUUID(), ...CUSTOMER };
    const round = async (count: number): Promise<number> => {
      const bodies = Array.from({ length: count }, (_, n) => {
        const request = callActivity(n);
        const a: SyncActivity = {
          id: randomUUID(), type: 'call', purpose: request.purpose, outcome: request.outcome ?? null, notes: request.notes ?? null,
          contact: null, durationMinutes: request.durationMinutes ?? null, startAt: new Date(request.startAt!), endAt: null,
          dueAt: null, followUpAt: new Date(request.followUpAt!), status: 'open', customer,
        };
        return [eventBody(a, customerUrl, `event:${a.id}`), taskBody(a, customerUrl, { withLink: true })] as const;
      });
      let next = 0;
      const sender = async () => {
        for (let i = next++; i < bodies.length; i = next++) {
          await post('/me/events', bodies[i]![0]);
          await post(tasks, bodies[i]![1]);
        }
      };
      const started = performance.now();
      await Promise.all(Array.from({ length: DIRECT_CONCURRENCY }, sender));
      return count / ((performance.now() - started) / 1000);
    };
    await round(Math.min(activities, 50));
    const best = Math.max(await round(activities), await round(activities), await round(activities));
    if (graph.violations.length > 0) throw new Error(`Baseline bodies rejected: ${graph.violations[0]}`);
    return best;
  } finally {
    await graph.close();
  }
}

export async function benchOutbox(opts: OutboxBenchOptions): Promise<Record<string, number>> {
  const graph = await startGraphServer();
  const handle = await openFreshDatabase(opts.database, opts.tag ? `outbox_${opts.tag}` : 'outbox', opts.databaseUrl);
  // Development auth mode with a fixed Graph token; the in-process worker off so that the
  // benchmark's two workers are the only senders.
  const config = loadConfig({
    ACCOUNTING_CURRENCY: 'USD', COMPANY_TIMEZONE: 'UTC', LOG_LEVEL: 'silent',
    GRAPH_DEV_TOKEN: graph.token, GRAPH_BASE_URL: graph.baseUrl, GRAPH_WORKER: 'off', GRAPH_TIMEOUT_MS: '1000',
  });
  const app = await buildApp({ config, db: handle, logger: false, addinDir: '/nonexistent/dist/addin' });
  try {
    await app.ready();
    await importCsv(handle, { 'customers.csv': `account,name,currency\n${CUSTOMER.account},${CUSTOMER.name},USD\n` });
    const { id: customerId } = await handle.db.selectFrom('customers').select('id').executeTakeFirstOrThrow();
    for (let n = 0; n < opts.activities; n++) {
      const response = await app.inject({ method: 'POST', url: `/api/customers/${customerId}/activities`, payload: callActivity(n) });
      if (response.statusCode !== 201) throw new Error(`POST activity: ${response.statusCode} ${response.body}`);
    }
    if (opts.faults) injectFaults(graph);
    const tokens = devTokenSource(graph.token);
    const workers = Array.from({ length: WORKERS }, () =>
      new OutboxWorker({ db: handle.db, settings: config.graph!, tokens, log: quiet, leaseMs: 5_000, backoff: { baseMs: 20, capMs: 200 } }),
    );
    const started = performance.now();
    await drain(handle.db, workers);
    const seconds = (performance.now() - started) / 1000;

    const { events, tasks } = graph.store.counts();
    const synced = await handle.db.selectFrom('activities').select('id').where('sync_state', '=', 'synced').execute();
    const perSecond = opts.activities / seconds;
    const name = `outbox_${opts.database}${opts.faults ? '_faults' : ''}`;
    return {
      [`${name}_activities_per_s`]: perSecond,
      [`${name}_activities_per_s_vs_direct_ratio`]: perSecond / opts.direct,
      [`${name}_drain_s`]: seconds,
      [`${name}_synced_activities`]: synced.length,
      [`${name}_duplicate_writes`]: Math.max(0, events - opts.activities) + Math.max(0, tasks - opts.activities),
      [`${name}_lost_writes`]: Math.max(0, opts.activities - events) + Math.max(0, opts.activities - tasks),
      [`${name}_schema_violations`]: graph.violations.length,
      ...(opts.faults ? { [`${name}_unused_faults`]: graph.pendingFaults() } : {}),
    };
  } finally {
    await app.close();
    await handle.close();
    await graph.close();
  }
}

/** One row per run: the headline figures of each, named by database and faults. */
function printTable(runs: Array<{ database: BenchDatabase; faults: boolean; figures: Record<string, number> }>): void {
  const columns = ['activities_per_s', 'activities_per_s_vs_direct_ratio', 'drain_s', 'duplicate_writes', 'lost_writes', 'schema_violations'];
  const rows = runs.map(({ database, faults, figures }) => {
    const name = `outbox_${database}${faults ? '_faults' : ''}`;
    return [database, faults ? 'yes' : 'no', ...columns.map((c) => figures[`${name}_${c}`]!.toFixed(Number.isInteger(figures[`${name}_${c}`]) ? 0 : 2))];
  });
  const table = [['db', 'faults', ...columns], ...rows];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  for (const row of table) console.log(row.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { count, databases } = cliOptions('activities', 200);
  const direct = await directActivitiesPerSecond(count);
  const runs = [];
  for (const database of databases) {
    for (const faults of [false, true]) runs.push({ database, faults, figures: await benchOutbox({ database, activities: count, faults, direct }) });
  }
  console.log(`${count} activities (one event + one To Do task each), ${WORKERS} workers; direct: ${DIRECT_CONCURRENCY} parallel plain POSTs, ${direct.toFixed(1)} activities/s`);
  printTable(runs);
}
