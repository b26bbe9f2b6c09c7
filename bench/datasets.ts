// Generated companies for the benchmark: the demo generator's CSV files under bench/data/, keyed by
// size, seed and as-of date, generated once (in a child process) and reused by later runs.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { runCommand } from './children';

export const CSV_FILES = ['customers', 'contacts', 'ledger', 'settlements'] as const;
export const DATA_DIR = fileURLToPath(new URL('./data/', import.meta.url));
const DEMO_CLI = fileURLToPath(new URL('../server/demo/cli.ts', import.meta.url));

export interface DatasetSize {
  customers: number;
  entries: number;
}

export interface Dataset extends DatasetSize {
  seed: number;
  asOf: string;
  /** c50000-e2000000-s20261124-d2026-11-24 */
  key: string;
  csvDir: string;
}

export function dataset(size: DatasetSize, seed: number, asOf: string): Dataset {
  const key = `c${size.customers}-e${size.entries}-s${seed}-d${asOf}`;
  return { ...size, seed, asOf, key, csvDir: `${DATA_DIR}csv-${key}` };
}

/** Generates the CSV files unless a finished generation of the same key is there. */
export async function ensureCsv(set: Dataset, log: (line: string) => void): Promise<void> {
  const done = `${set.csvDir}/done.json`;
  if (existsSync(done)) return;
  log(`generating ${set.key} …`);
  const started = performance.now();
  await runCommand(
    process.execPath,
    ['--import', 'tsx', DEMO_CLI, '--customers', String(set.customers), '--entries', String(set.entries),
      '--seed', String(set.seed), '--as-of', set.asOf, '--out', set.csvDir],
    60 * 60_000,
  );
  await writeFile(done, JSON.stringify({ key: set.key, seconds: (performance.now() - started) / 1000 }));
}
