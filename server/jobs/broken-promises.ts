// Persists broken promises to pay hourly (PROMISE_GRACE_DAYS after the promise's date) while Outlook
// sync is configured: each is stored, audited and, for a customer with an agent, becomes a To Do task
// that the Graph outbox syncs. Without Graph there is no To Do task to queue, and every reader already
// computes a promise's breaking from the ledger. Several server processes may run it at once: each
// promise breaks once (repositories/broken-promises).
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import type { Config } from '../config';
import { markBrokenPromises } from '../db/repositories/broken-promises';
import type { Database } from '../db/schema';
import { todayIn } from '../domain/dates';
import { startPeriodic } from './periodic';

export interface BrokenPromisesPluginOptions {
  db: Kysely<Database>;
  config: Config;
  /** Days after the promise date before a promise not kept is marked broken (default: the config's). */
  graceDays?: number;
  intervalMs?: number;
}

export default fp<BrokenPromisesPluginOptions>(
  async (app, { db, config, graceDays, intervalMs }) => {
    if (!config.graph) return;
    let job: ReturnType<typeof startPeriodic> | null = null;
    app.addHook('onReady', async () => {
      job = startPeriodic(
        'Broken promises',
        intervalMs ?? 60 * 60_000,
        async () => {
          const today = todayIn(config.companyTimeZone, new Date());
          const marked = await markBrokenPromises(db, { today, graceDays: graceDays ?? config.promiseGraceDays, graphEnabled: true });
          if (marked > 0) app.graphSync?.nudge();
        },
        (name, error) => app.log.error({ err: error }, `${name} failed`),
      );
    });
    app.addHook('onClose', async () => {
      await job?.stop();
    });
  },
  { name: 'broken-promises', dependencies: ['graph-sync'] },
);
