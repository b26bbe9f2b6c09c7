// Holding a database lease while work runs: taken once, renewed every third of its time in the
// background, and marked lost when someone else holds it now (the work then stops at its next step).
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import { acquireLease, releaseLease, renewLease } from '../db/repositories/leases';
import type { Database } from '../db/schema';

export const DEFAULT_LEASE_TTL_MS = 30_000;

/** A holder name that says which machine and process holds a lease (read in the leases table). */
export function newHolder(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

export interface HeldLease {
  /** True once a renewal found the lease taken over: stop before the next step. */
  readonly lost: boolean;
  /** Stops renewing; the lease runs until it expires (a periodic job keeps its turn this way). */
  stopRenewing(): Promise<void>;
  /** Stops renewing and gives the lease up, so another process may take the work at once. */
  release(): Promise<void>;
}

/** Takes the lease `name` for ttlMs and keeps renewing it; null when another holder has it. */
export async function holdLease(db: Kysely<Database>, name: string, holder: string, ttlMs: number): Promise<HeldLease | null> {
  if (!(await acquireLease(db, name, holder, ttlMs))) return null;
  let lost = false;
  let renewing: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    // A failed renewal (the database away for a moment) is tried again at the next tick.
    renewing = renewLease(db, name, holder, ttlMs).then((kept) => {
      if (!kept) lost = true;
    }, () => undefined);
  }, Math.max(Math.floor(ttlMs / 3), 50));
  timer.unref();
  const stopRenewing = async () => {
    clearInterval(timer);
    await renewing;
  };
  return {
    get lost() {
      return lost;
    },
    stopRenewing,
    async release() {
      await stopRenewing();
      if (!lost) await releaseLease(db, name, holder);
    },
  };
}
