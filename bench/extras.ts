// Figures from outside the server's request path: the task pane's initial JavaScript (gzipped), the
// selection-to-balance time in Chromium, the Graph outbox and letter batches — each measured by the
// project's own script when it exists, otherwise reported as not measured. (The pool worklist has
// its own phase: bench/worklist.ts.)
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runCommand } from './children';
import type { BenchDatabase } from './fresh';
import { benchLetters } from './letters';
import { benchOutbox, directActivitiesPerSecond } from './outbox';
import type { Figures } from './serve';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 300);

function notMeasured(out: Figures, name: string, why: string, log: (line: string) => void): void {
  out[`${name}_not_measured`] = why;
  log(`${name}: not measured: ${why}`);
}

/** `small`: a quick run's pane measurement (10 selections over a 40-customer demo company). */
export async function paneFigures(out: Figures, log: (line: string) => void, small = false): Promise<void> {
  if (!existsSync(`${ROOT}dist/addin/taskpane.html`)) {
    notMeasured(out, 'pane_initial_js', 'dist/addin is not built (run `npm run build` first)', log);
  } else {
    // bundle-size exits 1 when over target; its figures are on stdout either way.
    const text = await runCommand(process.execPath, [`${ROOT}scripts/bundle-size.mjs`], 60_000).catch((e: Error) => e.message);
    const kb = /initial task pane JavaScript ([\d.]+) KB gzipped/.exec(text);
    if (kb) {
      out.pane_initial_js_gzip_kb = Number(kb[1]);
      log(`pane initial JavaScript: ${kb[1]} KB gzipped (target < 300 KB)`);
    } else notMeasured(out, 'pane_initial_js', `bundle-size printed no figure: ${text.slice(-200)}`, log);
  }
  if (!existsSync(`${ROOT}scripts/measure-pane.ts`)) {
    notMeasured(out, 'pane_selection_to_balance', 'scripts/measure-pane.ts does not exist yet', log);
    return;
  }
  try {
    const args = small ? ['10', '40'] : [];
    const text = await runCommand(process.execPath, ['--import', 'tsx', `${ROOT}scripts/measure-pane.ts`, ...args], 5 * 60_000);
    const median = /median (\d+(?:\.\d+)?) ms/.exec(text);
    const p90 = /p90 (\d+(?:\.\d+)?) ms/.exec(text);
    if (!median) throw new Error(`no median in: ${text.slice(-200)}`);
    out.pane_selection_to_balance_p50_ms = Number(median[1]);
    if (p90) out.pane_selection_to_balance_p90_ms = Number(p90[1]);
    log(`pane selection → balance: median ${median[1]} ms (target < 300 ms)`);
    const miss = /miss median (\d+(?:\.\d+)?) ms · miss p90 (\d+(?:\.\d+)?) ms · ([\d.]+)× the hit's median/.exec(text);
    if (miss) {
      out.pane_selection_to_no_match_p50_ms = Number(miss[1]);
      out.pane_selection_to_no_match_p90_ms = Number(miss[2]);
      log(`pane selection of an unknown sender → "No customer found": median ${miss[1]} ms, ${miss[3]}× the hit (target ≤ 1×, as fast as a hit)`);
    } else notMeasured(out, 'pane_selection_to_no_match', 'the preview mailbox has no unknown sender', log);
  } catch (error) {
    notMeasured(out, 'pane_selection_to_balance', (error as Error).message.slice(0, 300), log);
  }
}

const r2 = (n: number) => Number(n.toFixed(2));

/**
 * The Graph and letters benchmarks run on a fresh database each (PGlite in memory, PostgreSQL when
 * it answers). A benchmark that fails is reported as not measured and added to `failures`, which
 * fails the run once its results are written.
 */
export interface FreshRun {
  databases: BenchDatabase[];
  postgresUnreachable: string | null;
  /** Tag of the run's scratch PostgreSQL databases (sbench_<benchmark>_<tag>_…), for clean-up. */
  tag: string;
  /** Aborted when the run is: no benchmark starts after that (it would create a database clean-up missed). */
  signal: AbortSignal;
  failures: string[];
  log: (line: string) => void;
}

function databases(out: Figures, benchmark: string, run: FreshRun): BenchDatabase[] {
  if (!run.postgresUnreachable || !run.databases.includes('postgres')) return run.databases;
  notMeasured(out, `${benchmark}_postgres`, run.postgresUnreachable, run.log);
  return run.databases.filter((d) => d !== 'postgres');
}

/** The benchmark's figures (also put into `out`, two decimals), or null when it failed. */
async function measure(out: Figures, name: string, run: FreshRun, bench: () => Promise<Record<string, number>>): Promise<Record<string, number> | null> {
  if (run.signal.aborted) return null;
  try {
    const figures = await bench();
    for (const [key, value] of Object.entries(figures)) out[key] = r2(value);
    return figures;
  } catch (error) {
    if (run.signal.aborted) return null;
    notMeasured(out, name, firstLine(error), run.log);
    run.failures.push(`${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return null;
  }
}

/**
 * bench/outbox.ts: activities/s that two outbox workers sync to the Graph test server, without and
 * with injected faults, against the same POSTs sent to it directly (measured once, first).
 */
export async function graphFigures(out: Figures, activities: number, run: FreshRun): Promise<void> {
  out.outbox_activities = activities;
  const baseline = await measure(out, 'outbox_direct', run, async () => ({ outbox_direct_activities_per_s: await directActivitiesPerSecond(activities) }));
  if (!baseline) return;
  const direct = baseline.outbox_direct_activities_per_s!;
  run.log(`Graph test server, direct POSTs: ${out.outbox_direct_activities_per_s} activities/s (an event and a To Do task each)`);
  for (const database of databases(out, 'outbox', run)) {
    for (const faults of [false, true]) {
      const name = `outbox_${database}${faults ? '_faults' : ''}`;
      if (!(await measure(out, name, run, () => benchOutbox({ database, activities, faults, direct, tag: run.tag })))) continue;
      run.log(
        `Graph outbox on ${database}${faults ? ' with faults' : ''}: ${out[`${name}_activities_per_s`]} activities/s ` +
          `(${out[`${name}_activities_per_s_vs_direct_ratio`]} of direct), ${out[`${name}_duplicate_writes`]} duplicate and ${out[`${name}_lost_writes`]} lost writes`,
      );
    }
  }
}

/** bench/letters.ts: a batch of letters created, rendered and posted, against rendering them alone. */
export async function letterFigures(out: Figures, letters: number, run: FreshRun): Promise<void> {
  out.letters_batch_letters = letters;
  for (const database of databases(out, 'letters', run)) {
    const name = `letters_${database}`;
    if (!(await measure(out, name, run, () => benchLetters({ database, letters, tag: run.tag })))) continue;
    run.log(
      `letters on ${database}: reply batch ${out[`${name}_reply_letters_per_s`]} letters/s, Graph batch ${out[`${name}_graph_letters_per_s`]} letters/s, ` +
        `rendering alone ${out[`${name}_render_only_letters_per_s`]} letters/s (ratios ${out[`${name}_reply_letters_per_s_vs_render_only_ratio`]}, ${out[`${name}_graph_letters_per_s_vs_render_only_ratio`]})`,
    );
  }
}
