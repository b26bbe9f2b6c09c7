// Keeps the customer positions (migration 013) current as the days pass: writes keep them true
// through triggers, but only the passing of a date a row names (a debit falling overdue, a hold
// expiring, a follow-up coming) makes one stale, and the first worklist of the day would pay for
// recomputing those. This job does it instead, at start-up and then periodically (so within the
// interval after the company's midnight), on one server process at a time (a lease).
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import type { Config } from '../config';
import { ensurePositionsCurrent } from '../db/repositories/positions';
import type { Database } from '../db/schema';
import { todayIn } from '../domain/dates';
import type { IsoDate } from '../domain/types';
import { newHolder } from './lease';
import { startLeasedPeriodic } from './leased';

/** Default pause between runs: a run with nothing stale is a few index lookups. */
export const POSITIONS_INTERVAL_MS = 15 * 60_000;

/** Makes every customer's position valid for the company's today; returns that date. */
export async function keepPositionsCurrent(db: Kysely<Database>, companyTimeZone: string, now: Date = new Date()): Promise<IsoDate> {
  const today = todayIn(companyTimeZone, now);
  await ensurePositionsCurrent(db, today, true);
  return today;
}

export interface PositionsJobOptions {
  db: Kysely<Database>;
  config: Config;
  intervalMs?: number;
  /** The clock (tests); default the system's. */
  now?: () => Date;
}

export default fp<PositionsJobOptions>(
  async (app, { db, config, intervalMs, now }) => {
    let job: ReturnType<typeof startLeasedPeriodic> | null = null;
    app.addHook('onReady', async () => {
      job = startLeasedPeriodic(
        'Customer positions',
        intervalMs ?? POSITIONS_INTERVAL_MS,
        { db, holder: newHolder(), ttlMs: config.leaseTtlMs },
        () => keepPositionsCurrent(db, config.companyTimeZone, now?.() ?? new Date()),
        (name, error) => app.log.error({ err: error }, `${name} failed`),
      );
    });
    app.addHook('onClose', async () => {
      await job?.stop();
    });
  },
  { name: 'customer-positions' },
);
