// Runs letter batches in the background of one server process: those started or resumed here, and
// those another process left (it died, or stopped on SIGTERM) once their lease has ended, looked for
// every half lease. Stopping interrupts the runs after their current letter and releases their leases.
import type { Kysely } from 'kysely';
import type { LetterSettings } from '../config';
import type { Database } from '../db/schema';
import { orphanedBatches, runBatch } from '../letters/batch';
import { newHolder } from './lease';
import { startPeriodic, type PeriodicJob } from './periodic';

export interface BatchRunnerOptions {
  db: Kysely<Database>;
  accountingCurrency: string;
  settings: LetterSettings;
  leaseTtlMs: number;
  /** After each letter (the Graph outbox is nudged to send it). */
  onItem?: () => void;
  onError: (error: unknown, batchId: string | null) => void;
}

export interface BatchRunner {
  /** Runs the batch here unless it runs here already; a run elsewhere keeps it (its lease). */
  start(batchId: string): void;
  /** Starts looking for batches left by other processes. */
  adoptOrphans(): void;
  stop(): Promise<void>;
}

export function createBatchRunner(opts: BatchRunnerOptions): BatchRunner {
  const holder = newHolder();
  const running = new Map<string, { stop: AbortController; done: Promise<void> }>();
  let stopped = false;
  let adopter: PeriodicJob | undefined;

  const start = (batchId: string) => {
    if (stopped || running.has(batchId)) return;
    const stop = new AbortController();
    const done = runBatch(opts.db, batchId, {
      accountingCurrency: opts.accountingCurrency,
      settings: opts.settings,
      signal: stop.signal,
      lease: { holder, ttlMs: opts.leaseTtlMs },
      ...(opts.onItem ? { onItem: opts.onItem } : {}),
    })
      .then(() => undefined)
      .catch((error: unknown) => opts.onError(error, batchId))
      .finally(() => running.delete(batchId));
    running.set(batchId, { stop, done });
  };

  return {
    start,
    adoptOrphans() {
      if (stopped || adopter) return;
      const everyMs = Math.max(Math.floor(opts.leaseTtlMs / 2), 100);
      adopter = startPeriodic('Letter batch takeover', everyMs, async () => {
        // A lease's time of grace lets the process that just created a batch take its lease first.
        for (const batchId of await orphanedBatches(opts.db, opts.leaseTtlMs)) start(batchId);
        // Not at once: a batch left by a process that just died is not free before its lease ends,
        // and a process that is starting has its requests to answer first.
      }, (_name, error) => opts.onError(error, null), everyMs);
    },
    async stop() {
      stopped = true;
      await adopter?.stop();
      for (const run of running.values()) run.stop.abort();
      await Promise.all([...running.values()].map((r) => r.done));
    },
  };
}
