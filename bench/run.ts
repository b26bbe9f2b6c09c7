// `npm run bench` (full: 50,000 customers, 2,000,000 entries) and `npm run bench -- --quick` (a
// smoke test of under two minutes, run by `npm test`): measures the product against its limits on
// PostgreSQL and PGlite and writes bench/results/{latest,quick}.{json,md}. `--only` takes some of
// the phases postgres, pglite, reports, worklist, growth, pane, graph, letters. A watchdog ends the run (and every
// child process) if it overruns; a quick run drops its databases whatever happens, and every run
// drops the scratch databases of its Graph and letters benchmarks.
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { DEMO_DEFAULT_SEED, DEMO_REFERENCE_DATE } from '../server/demo/company';
import { killChildren } from './children';
import { graphFigures, letterFigures, paneFigures, type FreshRun } from './extras';
import { FULL, QUICK, type Mode } from './modes';
import { ADMIN_URL, databasesLike, dropDatabase, postgresReachable } from './pg-admin';
import { growthPhase, pglitePhase, postgresPhase, type RunContext } from './phases';
import { historyPhase } from './aging-history';
import { writeResults } from './report';
import { reportsPhase } from './reports';
import { worklistPhase } from './worklist';
import { removePglite } from './targets';
import { dataset } from './datasets';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string' } } });
const mode: Mode = values.quick ? QUICK : FULL;
const phases = new Set((values.only ?? 'postgres,pglite,reports,worklist,history,growth,pane,graph,letters').split(','));
const started = Date.now();
const log = (line: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

// The Graph and letters benchmarks name their scratch databases sbench_<benchmark>_<tag>_<random>.
const scratchTag = `run${process.pid}`;

async function dropAll(prefix: string): Promise<void> {
  for (const name of await databasesLike(prefix).catch(() => [])) await dropDatabase(name).catch(() => undefined);
}

async function dropScratch(): Promise<void> {
  for (const benchmark of ['outbox', 'letters']) await dropAll(`sbench_${benchmark}_${scratchTag}_`);
}

async function cleanUp(): Promise<void> {
  await dropScratch();
  if (mode.keepDatabases) return;
  await dropAll(`${mode.prefix}_`);
  for (const size of [mode.pglite, ...mode.growth]) await removePglite(mode.prefix, dataset(size, DEMO_DEFAULT_SEED, DEMO_REFERENCE_DATE));
}

const aborting = new AbortController();
async function abort(reason: string): Promise<void> {
  // A forced drop in clean-up can end a pool's session, whose error must not start a second abort.
  if (aborting.signal.aborted) return;
  aborting.abort();
  console.error(`bench: ${reason}; stopping every child process`);
  killChildren();
  const cleaned = async () => {
    await cleanUp();
    // A benchmark that was creating its scratch database as the first drop listed them.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await dropScratch();
  };
  await Promise.race([cleaned(), new Promise((resolve) => setTimeout(resolve, 30_000))]);
  process.exit(1);
}

const watchdog = setTimeout(() => void abort(`overall timeout of ${mode.timeoutMs / 1000} s reached`), mode.timeoutMs);
process.on('SIGINT', () => void abort('interrupted'));
process.on('SIGTERM', () => void abort('terminated'));
process.on('uncaughtException', (error) => void abort(`uncaught ${error.stack ?? error.message}`));

async function postgresVersion(): Promise<string> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return (await client.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]!.v;
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const ctx: RunContext = { mode, seed: DEMO_DEFAULT_SEED, asOf: DEMO_REFERENCE_DATE, out: {}, plans: {}, log };
  const unreachable = await postgresReachable();
  Object.assign(ctx.out, {
    run_mode: mode.name,
    run_started_at: new Date(started).toISOString(),
    machine_cpus: cpus().length,
    machine_cpu_model: cpus()[0]?.model ?? 'unknown',
    machine_memory_gb: Math.round(totalmem() / 2 ** 30),
    node_version: process.version,
    postgres_version: unreachable ? 'unreachable' : await postgresVersion(),
    ledger_customers: mode.main.customers,
    ledger_target_entries: mode.main.entries,
    as_of_date: ctx.asOf,
  });
  log(`${mode.name} run: ${mode.main.customers} customers, ${mode.main.entries} entries, as of ${ctx.asOf}`);
  let accounts: { typical: string; largest: string } | null = null;
  if (phases.has('postgres')) {
    if (unreachable) {
      ctx.out.postgres_not_measured = unreachable;
      log(`postgres: not measured: ${unreachable}`);
    } else {
      const picked = await postgresPhase(ctx);
      accounts = { typical: picked.typical.account, largest: picked.largest.account };
    }
  }
  if (phases.has('pglite')) await pglitePhase(ctx, accounts);
  if (phases.has('reports')) await reportsPhase(ctx);
  if (phases.has('growth') && !unreachable) await growthPhase(ctx);
  if (phases.has('worklist')) await worklistPhase(ctx);
  if (phases.has('history')) await historyPhase(ctx);
  if (phases.has('pane')) await paneFigures(ctx.out, log, mode.name === 'quick');
  const fresh: FreshRun = { databases: mode.freshDatabases, postgresUnreachable: unreachable, tag: scratchTag, signal: aborting.signal, failures: [], log };
  if (phases.has('graph')) await graphFigures(ctx.out, mode.outboxActivities, fresh);
  if (phases.has('letters')) await letterFigures(ctx.out, mode.batchLetters, fresh);
  // An aborted run writes nothing and ends in abort(), non-zero.
  if (aborting.signal.aborted) return;
  ctx.out.run_seconds = Math.round((Date.now() - started) / 1000);
  // A run of some phases only (--only) must not replace the full run's results.
  const files = await writeResults(values.only ? 'partial' : mode.name === 'full' ? 'latest' : 'quick', ctx.out, ctx.plans);
  log(`wrote ${files.join(', ')}`);
  if (fresh.failures.length > 0) throw new Error(`${fresh.failures.length} benchmark(s) failed:\n${fresh.failures.join('\n')}`);
}

main()
  .then(async () => {
    if (aborting.signal.aborted) return;
    clearTimeout(watchdog);
    await cleanUp();
    process.exit(0);
  })
  .catch((error: unknown) => abort(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
