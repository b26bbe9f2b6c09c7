// The two run sizes: --quick (the smoke test `npm test` runs, under two minutes) and the full run of DESIGN §7.
import type { DatasetSize } from './datasets';
import type { BenchDatabase } from './fresh';
import type { MatrixOptions } from './serve';

export interface Mode {
  name: 'quick' | 'full';
  /** Prefix of the PostgreSQL databases and PGlite folders of this mode. */
  prefix: string;
  main: DatasetSize;
  /**
   * The PGlite data set. PGlite keeps its pages in the WebAssembly heap of one process (importing
   * 100,000 rows peaked at 925 MB RSS), so the full run gives it the 200,000-entry ledger.
   */
  pglite: DatasetSize;
  growth: DatasetSize[];
  /** Customers of about these many entries are measured at every growth size. */
  growthCustomers: number[];
  growthDurationS: number;
  matrix: Omit<MatrixOptions, 'asOf' | 'pastAsOf' | 'log'>;
  pgliteMatrix: Omit<MatrixOptions, 'asOf' | 'pastAsOf' | 'log'>;
  agingRuns: number;
  /** Databases of the Graph outbox and letter-batch benchmarks (a fresh one each). */
  freshDatabases: BenchDatabase[];
  /** Activities the Graph outbox benchmark syncs per database, with and without faults. */
  outboxActivities: number;
  /** Letters in the letter-batch benchmark (one per customer). */
  batchLetters: number;
  timeoutMs: number;
  /** Quick runs drop their databases at the end; full runs keep them for the next run. */
  keepDatabases: boolean;
}

const ENDPOINTS: MatrixOptions['endpoints'] = ['summary', 'transactions', 'timeline'];

// Every step of the full run on one small data set (cost growth over that one size only) with the
// fewest load runs, each of about 1 s (autocannon's shortest): every endpoint answers once; the
// summary is timed at c1 today and in the past and, on PostgreSQL, against the bare server at a
// fixed rate; the lookup against the bare server. Most of the time goes to starting processes
// (servers, PGlite, Chromium with the demo company). Figures for reading, not for comparing.
const QUICK_SET: DatasetSize = { customers: 300, entries: 9_000 };

export const QUICK: Mode = {
  name: 'quick',
  prefix: 'bench_quick',
  main: QUICK_SET,
  pglite: { customers: 100, entries: 3_000 },
  growth: [QUICK_SET],
  growthCustomers: [30, 150],
  growthDurationS: 1,
  matrix: { durationS: 1, concurrencies: [], endpoints: ENDPOINTS, fixedRate: { rate: 500, durationS: 1, connections: 32 } },
  pgliteMatrix: { durationS: 1, concurrencies: [], endpoints: ENDPOINTS, fixedRate: null },
  agingRuns: 1,
  freshDatabases: ['postgres'],
  outboxActivities: 50,
  batchLetters: 10,
  timeoutMs: 6 * 60_000,
  keepDatabases: false,
};

export const FULL: Mode = {
  name: 'full',
  prefix: 'bench',
  main: { customers: 50_000, entries: 2_000_000 },
  pglite: { customers: 5_000, entries: 200_000 },
  // 10,000,000 entries would need about 40 minutes of import on this machine; the sizes span 10×.
  growth: [{ customers: 5_000, entries: 200_000 }, { customers: 25_000, entries: 1_000_000 }, { customers: 50_000, entries: 2_000_000 }],
  growthCustomers: [40, 1_000],
  growthDurationS: 10,
  matrix: { durationS: 15, concurrencies: [1, 8, 32], endpoints: ENDPOINTS, fixedRate: { rate: 500, durationS: 15, connections: 64 } },
  pgliteMatrix: { durationS: 10, concurrencies: [1, 8, 32], endpoints: ENDPOINTS, fixedRate: { rate: 500, durationS: 10, connections: 64 } },
  agingRuns: 3,
  freshDatabases: ['postgres', 'pglite'],
  outboxActivities: 200,
  batchLetters: 500,
  timeoutMs: 8 * 60 * 60_000,
  keepDatabases: true,
};
