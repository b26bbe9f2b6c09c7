// A periodic job that runs on one process at a time among all that share the database: each turn
// takes the job's lease for the interval plus the lease time, so the process that ran it keeps its
// turn and the others skip; when that process dies, another takes the job over once the lease ends.
import type { Kysely } from 'kysely';
import { releaseLease } from '../db/repositories/leases';
import type { Database } from '../db/schema';
import { holdLease } from './lease';
import { startPeriodic, type PeriodicJob } from './periodic';

export interface JobLease {
  db: Kysely<Database>;
  holder: string;
  ttlMs: number;
}

export function startLeasedPeriodic(
  name: string,
  intervalMs: number,
  lease: JobLease,
  run: () => Promise<unknown>,
  onError: (name: string, error: unknown) => void,
): PeriodicJob {
  const leaseName = `job:${name}`;
  const job = startPeriodic(name, intervalMs, async () => {
    const held = await holdLease(lease.db, leaseName, lease.holder, intervalMs + lease.ttlMs);
    if (!held) return;
    try {
      await run();
    } finally {
      await held.stopRenewing();
    }
  }, onError);
  return {
    nudge: () => job.nudge(),
    async stop() {
      await job.stop();
      await releaseLease(lease.db, leaseName, lease.holder).catch((error: unknown) => onError(name, error));
    },
  };
}
