// Figures from outside the server's request path: the task pane's initial JavaScript (gzipped), the
// selection-to-balance time in Chromium, the Graph outbox and the pool worklist — each measured by
// the project's own script when it exists, otherwise reported as not measured with the reason.
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runCommand } from './children';
import type { Figures } from './serve';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

function notMeasured(out: Figures, name: string, why: string, log: (line: string) => void): void {
  out[`${name}_not_measured`] = why;
  log(`${name}: not measured: ${why}`);
}

export async function paneFigures(out: Figures, log: (line: string) => void): Promise<void> {
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
    const text = await runCommand(process.execPath, ['--import', 'tsx', `${ROOT}scripts/measure-pane.ts`], 5 * 60_000);
    const median = /median (\d+(?:\.\d+)?) ms/.exec(text);
    const p90 = /p90 (\d+(?:\.\d+)?) ms/.exec(text);
    if (!median) throw new Error(`no median in: ${text.slice(-200)}`);
    out.pane_selection_to_balance_p50_ms = Number(median[1]);
    if (p90) out.pane_selection_to_balance_p90_ms = Number(p90[1]);
    log(`pane selection → balance: median ${median[1]} ms (target < 300 ms)`);
  } catch (error) {
    notMeasured(out, 'pane_selection_to_balance', (error as Error).message.slice(0, 300), log);
  }
}

/** bench/outbox.ts (by the Graph sync engineer): activities/s of two outbox workers vs direct POSTs. */
export async function graphFigures(out: Figures, activities: number, log: (line: string) => void): Promise<void> {
  try {
    // Imported here so that a sync module still in the making costs this figure only, not the run.
    const { benchOutbox } = await import('./outbox');
    for (const faults of [false, true]) {
      const figures = await benchOutbox({ database: 'postgres', activities, faults });
      for (const [name, value] of Object.entries(figures)) out[name] = Number(value.toFixed(2));
      const name = `outbox_postgres${faults ? '_faults' : ''}`;
      log(`Graph outbox${faults ? ' with faults' : ''}: ${out[`${name}_activities_per_s`]} activities/s (${out[`${name}_pct_of_direct`]} % of direct POSTs)`);
    }
  } catch (error) {
    notMeasured(out, 'graph_outbox', (error as Error).message.split('\n')[0]!.slice(0, 300), log);
  }
}

export function worklistFigures(out: Figures, log: (line: string) => void): void {
  const routes = `${ROOT}server/http/routes/`;
  const found = readdirSync(routes, { recursive: true }).some((f) => /worklist/i.test(String(f)));
  notMeasured(out, 'worklist_first_page', found ? 'a worklist route exists but the benchmark does not drive it yet' : 'no worklist yet (issue pending)', log);
}
