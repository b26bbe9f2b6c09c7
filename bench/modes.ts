// The two run sizes: --quick (a CI smoke test, about two minutes) and the full run of DESIGN §7.
import type { DatasetSize } from './datasets';
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
  timeoutMs: number;
  /** Quick runs drop their databases at the end; full runs keep them for the next run. */
  keepDatabases: boolean;
}

const ENDPOINTS: MatrixOptions['endpoints'] = ['summary', 'transactions', 'timeline'];

export const QUICK: Mode = {
  name: 'quick',
  prefix: 'bench_quick',
  main: { customers: 1_000, entries: 30_000 },
  pglite: { customers: 1_000, entries: 30_000 },
  growth: [{ customers: 300, entries: 10_000 }, { customers: 1_000, entries: 30_000 }, { customers: 3_000, entries: 90_000 }],
  growthCustomers: [30, 200],
  growthDurationS: 1,
  matrix: { durationS: 1, concurrencies: [1, 32], endpoints: ENDPOINTS, fixedRate: { rate: 500, durationS: 2, connections: 32 } },
  pgliteMatrix: { durationS: 1, concurrencies: [1], endpoints: ['summary'], fixedRate: null },
  agingRuns: 1,
  timeoutMs: 6 * 60_000,
  keepDatabases: false,
};

export const FULL: Mode = {
  name: 'full',
  prefix: 'bench',
  main: { customers: 50_000, entries: 2_000_000 },
  pglite: { customers: 5_000, entries: 200_000 },
  growth: [{ customers: 5_000, entries: 200_000 }, { customers: 50_000, entries: 2_000_000 }, { customers: 250_000, entries: 10_000_000 }],
  growthCustomers: [40, 1_000],
  growthDurationS: 10,
  matrix: { durationS: 15, concurrencies: [1, 8, 32], endpoints: ENDPOINTS, fixedRate: { rate: 500, durationS: 15, connections: 64 } },
  pgliteMatrix: { durationS: 10, concurrencies: [1, 8, 32], endpoints: ENDPOINTS, fixedRate: { rate: 500, durationS: 10, connections: 64 } },
  agingRuns: 3,
  timeoutMs: 8 * 60 * 60_000,
  keepDatabases: true,
};
