// The outbox worker: leases due rows, plans each one's Graph call from the activity's current
// state, sends an agent's calls together ($batch), then closes each row in its own transaction.
// A crash after the call and before the commit leaves the row leased; the next attempt finds what
// the first one made (transactionId, the task's linked resource), so nothing is sent twice.
import { randomUUID } from 'node:crypto';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { isRetryable, retryDelayMs, type BackoffOptions } from './backoff';
import { createGraphClient } from './client';
import { GraphCallError } from './lists';
import type { Logger } from './logger';
import { claimRows, closeRow, retryLater, settleActivity, type OutboxRow } from './outbox';
import { eventStep, loadActivity, mailStep, taskStep, type Step } from './plan';
import type { GraphSettings } from './settings';
import type { GraphTokenSource } from './tokens';
import { sendCalls, type GraphResult } from './transport';

export interface OutboxWorkerOptions {
  db: Kysely<Database>;
  settings: GraphSettings;
  tokens: GraphTokenSource;
  log: Logger;
  workerId?: string;
  batchSize?: number;
  leaseMs?: number;
  maxAttempts?: number;
  backoff?: BackoffOptions;
  /** Runs inside the closing transaction, just before commit: tests crash the worker here. */
  beforeCommit?: (row: OutboxRow) => void | Promise<void>;
}

const SIGN_IN_WAIT_MS = 60_000;

export class OutboxWorker {
  readonly id: string;
  private claims = 0;

  constructor(private readonly opts: OutboxWorkerOptions) {
    this.id = opts.workerId ?? `worker-${randomUUID().slice(0, 8)}`;
  }

  /** Leases and handles one round of due rows; returns how many rows it leased. */
  async runOnce(): Promise<number> {
    const rows = await claimRows(this.opts.db, {
      lockId: `${this.id}:${++this.claims}`,
      limit: this.opts.batchSize ?? 20,
      leaseMs: this.opts.leaseMs ?? 120_000,
    });
    const byAgent = new Map<string, OutboxRow[]>();
    for (const row of rows) byAgent.set(row.agent_id, [...(byAgent.get(row.agent_id) ?? []), row]);
    await Promise.all([...byAgent].map(([agentId, agentRows]) => this.runForAgent(agentId, agentRows)));
    return rows.length;
  }

  private async runForAgent(agentId: string, rows: OutboxRow[]): Promise<void> {
    const token = await this.opts.tokens.tokenFor(agentId).catch((error: Error) => {
      this.opts.log.warn({ agentId, err: error.message }, 'No Graph token for the agent');
      return null;
    });
    if (token === null) {
      for (const row of rows) await retryLater(this.opts.db, row, SIGN_IN_WAIT_MS, 'Waiting for the agent to sign in again.', false);
      return;
    }
    const client = createGraphClient({ baseUrl: this.opts.settings.baseUrl, timeoutMs: this.opts.settings.timeoutMs, getToken: async () => token });
    const planned: Array<{ row: OutboxRow; step: Step }> = [];
    for (const row of rows) {
      try {
        planned.push({ row, step: await this.plan(client, row) });
      } catch (error) {
        await this.afterFailure(row, toResult(row, error));
      }
    }
    const calls = planned.flatMap(({ step }) => (step.call ? [step.call] : []));
    const results = new Map((await sendCalls(client, calls)).map((r) => [r.id, r]));
    for (const { row, step } of planned) {
      const result = step.call ? results.get(step.call.id)! : null;
      try {
        await this.settle(row, step, result);
      } catch (error) {
        // The row stays leased until its lease ends; then a worker tries again.
        this.opts.log.error({ outboxId: row.id, err: (error as Error).message }, 'Closing an outbox row failed');
      }
    }
  }

  private async plan(client: Client, row: OutboxRow): Promise<Step> {
    if (row.kind === 'mail') return mailStep(row);
    const activity = await loadActivity(this.opts.db, row.activity_id!);
    if (!activity) return { call: null, record: async () => undefined };
    const url = this.opts.settings.customerUrl;
    return row.kind === 'event' ? eventStep(activity, url) : taskStep(this.opts.db, client, row, activity, url);
  }

  private async settle(row: OutboxRow, step: Step, result: GraphResult | null): Promise<void> {
    const ok = result === null || (result.status >= 200 && result.status < 300);
    // Updating or deleting something already deleted in Outlook: the delta sync records why.
    const gone = result?.status === 404 && step.call?.method !== 'POST';
    if (!ok && !gone) return this.afterFailure(row, result!);
    await this.opts.db.transaction().execute(async (trx) => {
      if (!(await closeRow(trx, row, 'sent', null))) return;
      await step.record(trx, gone ? null : result);
      if (row.activity_id) await settleActivity(trx, row.activity_id, null);
      await this.opts.beforeCommit?.(row);
    });
  }

  private async afterFailure(row: OutboxRow, result: GraphResult): Promise<void> {
    const maxAttempts = this.opts.maxAttempts ?? 10;
    const error = result.error ?? `HTTP ${result.status}`;
    if (isRetryable(result.status) && row.attempts < maxAttempts) {
      const delay = retryDelayMs(row.attempts, result.retryAfter, this.opts.backoff ?? { baseMs: 1_000, capMs: 300_000 });
      await retryLater(this.opts.db, row, delay, error);
      return;
    }
    this.opts.log.warn({ outboxId: row.id, status: result.status, error }, 'Graph write failed for good');
    await this.opts.db.transaction().execute(async (trx) => {
      if (!(await closeRow(trx, row, 'failed', error))) return;
      if (row.activity_id) await settleActivity(trx, row.activity_id, `Outlook sync failed: ${error}`);
    });
  }
}

function toResult(row: OutboxRow, error: unknown): GraphResult {
  if (error instanceof GraphCallError) {
    return { id: row.id, status: error.status, retryAfter: error.retryAfter, body: null, error: error.message };
  }
  return { id: row.id, status: 0, retryAfter: null, body: null, error: (error as Error)?.message ?? String(error) };
}
