// The Graph sync as a background service: the outbox worker (drains due rows, then rests for
// pollMs) and the delta poller for every agent with synced items. The server starts it in-process;
// worker-main.ts runs it on its own. Outbox rows are leased one by one (outbox.ts); the delta poll
// runs on one process at a time through its lease in the database (jobs/leased.ts).
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { DEFAULT_LEASE_TTL_MS, newHolder } from '../jobs/lease';
import { startLeasedPeriodic } from '../jobs/leased';
import { startPeriodic } from '../jobs/periodic';
import { createGraphClient } from './client';
import { pollAgentDeltas } from './delta';
import type { Logger } from './logger';
import type { GraphSettings } from './settings';
import type { GraphTokenSource } from './tokens';
import { OutboxWorker, type OutboxWorkerOptions } from './worker';

export interface GraphSyncOptions {
  db: Kysely<Database>;
  settings: GraphSettings;
  tokens: GraphTokenSource;
  log: Logger;
  pollMs?: number;
  deltaMs?: number;
  /** How long the delta poll's lease outlives its interval when its process dies (LEASE_TTL_MS). */
  leaseTtlMs?: number;
  worker?: Partial<OutboxWorkerOptions>;
}

export interface GraphSync {
  /** Start sending now (after an activity queued writes). */
  nudge(): void;
  /** One delta round for every agent; tests call it to "wait for the next poll". */
  pollDeltas(): Promise<number>;
  stop(): Promise<void>;
}

export function startGraphSync(opts: GraphSyncOptions): GraphSync {
  const worker = new OutboxWorker({ db: opts.db, settings: opts.settings, tokens: opts.tokens, log: opts.log, ...opts.worker });
  const onError = (name: string, error: unknown) => opts.log.error({ err: (error as Error)?.message ?? String(error) }, `${name} failed`);
  const outbox = startPeriodic('Graph outbox', opts.pollMs ?? 2_000, async () => {
    // Keep going while full rounds come back: a backlog drains without waiting between rounds.
    while ((await worker.runOnce()) >= (opts.worker?.batchSize ?? 20));
  }, onError);
  const pollDeltas = async () => {
    const agents = await opts.db
      .selectFrom('activities')
      .select('owner_agent_id')
      .distinct()
      .where((eb) => eb.or([eb('graph_event_id', 'is not', null), eb('graph_task_id', 'is not', null)]))
      .execute();
    let changed = 0;
    for (const { owner_agent_id: agentId } of agents) {
      const token = await opts.tokens.tokenFor(agentId);
      if (!token) continue;
      const client = createGraphClient({ baseUrl: opts.settings.baseUrl, timeoutMs: opts.settings.timeoutMs, getToken: async () => token });
      try {
        changed += (await pollAgentDeltas(opts.db, client, opts.settings.baseUrl, agentId)).changed;
      } catch (error) {
        onError(`Delta sync of agent ${agentId}`, error);
      }
    }
    return changed;
  };
  const lease = { db: opts.db, holder: newHolder(), ttlMs: opts.leaseTtlMs ?? DEFAULT_LEASE_TTL_MS };
  const delta = startLeasedPeriodic('Graph delta sync', opts.deltaMs ?? 60_000, lease, pollDeltas, onError);
  return {
    nudge: () => outbox.nudge(),
    pollDeltas,
    stop: async () => {
      await Promise.all([outbox.stop(), delta.stop()]);
    },
  };
}
