// Batch runs: post (and for Graph delivery, queue) every letter of a reviewed proposal, one customer
// at a time, recording each item's outcome. Restartable: every post is idempotent per customer,
// level and date, so a run resumed after an interruption posts and sends nothing twice. A run holds
// the batch's lease in the database, so one process at a time runs it (whichever that is).
import type { Kysely } from 'kysely';
import type { Agent } from '../auth/agents';
import type { LetterSettings } from '../config';
import type { Database } from '../db/schema';
import { DomainError, notFound } from '../domain/errors';
import { BATCH_ITEM_STATES, type BatchItemState, type LetterDelivery } from '../domain/letters';
import type { IsoDate } from '../domain/types';
import { DEFAULT_LEASE_TTL_MS, holdLease, newHolder } from '../jobs/lease';
import type { LetterBatch } from './model';
import { keyReused, postLetter } from './post';
import { batchProposal } from './proposals';
import {
  batchItems, batchRequester, findBatchByRequestKey, findBatchRow, insertBatch, lockBatchRequestKey, pendingCustomers, recordItemOutcome,
  setBatchStatus, unleasedBatches, type BatchRow, type ItemOutcome,
} from './store/batches';

export interface CreateBatchOptions {
  requestedBy: Agent;
  asOf: IsoDate;
  delivery: LetterDelivery;
  /** Whose customers; null: all customers. */
  agentId: string | null;
  /** The customers the manager kept from the reviewed proposal; default: all proposed. */
  customerIds?: string[];
  /** Idempotency-Key of the request: the same key returns the same batch. */
  requestKey?: string;
  accountingCurrency: string;
}

/** Creates the batch and its pending items; returns the existing batch for a repeated request key. */
export async function createBatch(db: Kysely<Database>, opts: CreateBatchOptions): Promise<string> {
  const replay = async (q: Kysely<Database>): Promise<string | null> => {
    if (!opts.requestKey) return null;
    const existing = await findBatchByRequestKey(q, opts.requestKey);
    if (existing && (existing.agentId !== opts.agentId || existing.delivery !== opts.delivery)) throw keyReused();
    return existing?.id ?? null;
  };
  const earlier = await replay(db);
  if (earlier) return earlier;
  const proposal = await batchProposal(db, opts.agentId, opts.asOf, opts.accountingCurrency);
  const wanted = opts.customerIds ? new Set(opts.customerIds) : null;
  const customers = proposal.items.map((i) => i.customer.id).filter((id) => !wanted || wanted.has(id));
  return db.transaction().execute(async (trx) => {
    // Two requests with one key may race past the first look: the lock makes the second wait for
    // the first's commit and find its batch.
    if (opts.requestKey) {
      await lockBatchRequestKey(trx, opts.requestKey);
      const raced = await replay(trx);
      if (raced) return raced;
    }
    const batch = { requestedBy: opts.requestedBy.id, agentId: opts.agentId, asOf: opts.asOf, delivery: opts.delivery, requestKey: opts.requestKey ?? null };
    return insertBatch(trx, batch, customers);
  });
}

export interface RunBatchOptions {
  accountingCurrency: string;
  settings: LetterSettings;
  /** Stops after the current item; the batch reads 'interrupted' and can be run again. */
  signal?: AbortSignal;
  onItem?: (done: number, total: number) => void;
  /** Who runs it and how long the lease lasts unrenewed (the time a dead process's batch waits). */
  lease?: { holder: string; ttlMs: number };
}

const BATCH_LEASE_PREFIX = 'letter-batch:';
const batchLeaseName = (batchId: string) => `${BATCH_LEASE_PREFIX}${batchId}`;

/** Unfinished batches whose run holds no lease (their process died or stopped), older than graceMs. */
export async function orphanedBatches(db: Kysely<Database>, graceMs: number): Promise<string[]> {
  return unleasedBatches(db, BATCH_LEASE_PREFIX, graceMs);
}

function batchNotFound(batchId: string): DomainError {
  return notFound('batch_not_found', `No letter batch has the id '${batchId}'.`);
}

/**
 * Posts the batch's pending items in order. Safe to call again on an interrupted batch. Returns false
 * without doing anything while another run holds the batch's lease; stops (leaving the status to
 * the run that took over) when the lease is lost.
 */
export async function runBatch(db: Kysely<Database>, batchId: string, opts: RunBatchOptions): Promise<boolean> {
  const batch = await findBatchRow(db, batchId);
  if (!batch) throw batchNotFound(batchId);
  const lease = await holdLease(db, batchLeaseName(batchId), opts.lease?.holder ?? newHolder(), opts.lease?.ttlMs ?? DEFAULT_LEASE_TTL_MS);
  if (!lease) return false;
  try {
    const agent = await batchRequester(db, batch);
    await setBatchStatus(db, batchId, 'running');
    const pending = await pendingCustomers(db, batchId);
    let done = 0;
    for (const customerId of pending) {
      if (lease.lost) return true;
      if (opts.signal?.aborted) {
        await setBatchStatus(db, batchId, 'interrupted');
        return true;
      }
      await recordItemOutcome(db, batchId, customerId, await postItem(db, batch, agent, customerId, opts));
      opts.onItem?.(++done, pending.length);
    }
    await setBatchStatus(db, batchId, 'done');
    return true;
  } finally {
    await lease.release();
  }
}

async function postItem(db: Kysely<Database>, batch: BatchRow, agent: Agent, customerId: string, opts: RunBatchOptions): Promise<ItemOutcome> {
  try {
    const { letterId } = await postLetter(db, {
      customerId,
      asOf: batch.asOf,
      delivery: batch.delivery,
      agent,
      accountingCurrency: opts.accountingCurrency,
      settings: opts.settings,
      batchId: batch.id,
    });
    return { state: batch.delivery === 'graph' ? 'sent' : 'posted', reason: null, letterId };
  } catch (error) {
    if (error instanceof DomainError) {
      return { state: error.code === 'no_letter_due' ? 'skipped' : 'failed', reason: error.message, letterId: null };
    }
    return { state: 'failed', reason: `Unexpected error: ${(error as Error).message}`, letterId: null };
  }
}

/** The batch with its items and how many are in each state; null when there is none with that id. */
export async function loadBatch(db: Kysely<Database>, batchId: string): Promise<LetterBatch | null> {
  const batch = await findBatchRow(db, batchId);
  if (!batch) return null;
  const items = await batchItems(db, batchId);
  const counts = Object.fromEntries(BATCH_ITEM_STATES.map((state) => [state, 0])) as Record<BatchItemState, number>;
  for (const item of items) counts[item.state] += 1;
  return { id: batch.id, asOf: batch.asOf, delivery: batch.delivery, status: batch.status, counts, items };
}
