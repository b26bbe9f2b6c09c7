// `npm run bench` (full: 50,000 customers, 2,000,000 entries) and `npm run bench -- --quick` (a
// smoke test of about two minutes): measures the product against its limits on PostgreSQL and
// PGlite and writes bench/results/{latest,quick}.{json,md}. A watchdog ends the run (and every
// child process) if it overruns; a quick run drops its databases whatever happens.
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { DEMO_DEFAULT_SEED, DEMO_REFERENCE_DATE } from '../server/demo/company';
import { killChildren } from './children';
import { graphFigures, paneFigures, worklistFigures } from './extras';
import { FULL, QUICK, type Mode } from './modes';
import { ADMIN_URL, databasesLike, dropDatabase, postgresReachable } from './pg-admin';
import { growthPhase, pglitePhase, postgresPhase, type RunContext } from './phases';
import { writeResults } from './report';
import { removePglite } from './targets';
import { dataset } from './datasets';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string' } } });
const mode: Mode = values.quick ? QUICK : FULL;
const phases = new Set((values.only ?? 'postgres,pglite,growth,pane').split(','));
const started = Date.now();
const log = (line: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

async function cleanUp(): Promise<void> {
  if (mode.keepDatabases) return;
  for (const name of await databasesLike(`${mode.prefix}_`).catch(() => [])) await dropDatabase(name).catch(() => undefined);
  for (const size of [mode.pglite, ...mode.growth]) await removePglite(mode.prefix, dataset(size, DEMO_DEFAULT_SEED, DEMO_REFERENCE_DATE));
}

async function abort(reason: string): Promise<never> {
  console.error(`bench: ${reason}; stopping every child process`);
  killChildren();
  await Promise.race([cleanUp(), new Promise((resolve) => setTimeout(resolve, 30_000))]);
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
    ledger_entries_target: mode.main.entries,
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
  if (phases.has('growth') && !unreachable) await growthPhase(ctx);
  if (phases.has('pane')) {
    await paneFigures(ctx.out, log);
    worklistFigures(ctx.out, log);
    await graphFigures(ctx.out, mode.name === 'quick' ? 50 : 200, log);
  }
  ctx.out.run_seconds = Math.round((Date.now() - started) / 1000);
  // A run of some phases only (--only) must not replace the full run's results.
  const files = await writeResults(values.only ? 'partial' : mode.name === 'full' ? 'latest' : 'quick', ctx.out, ctx.plans);
  log(`wrote ${files.join(', ')}`);
}

main()
  .then(async () => {
    clearTimeout(watchdog);
    await cleanUp();
    process.exit(0);
  })
  .catch((error: unknown) => abort(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
