// Letter batch runs in the database: the batch and its items in order, the lock that serialises two
// requests with one key, the run's status and each item's outcome, the batch with its items, and the
// unfinished batches whose run holds no lease any more.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Agent } from '../../auth/agents';
import type { Database } from '../../db/schema';
import type { BatchItemState, BatchStatus, LetterDelivery } from '../../domain/letters';
import type { IsoDate } from '../../domain/types';
import type { BatchItem } from '../model';

export async function findBatchByRequestKey(db: Kysely<Database>, requestKey: string): Promise<{ id: string; agentId: string | null; delivery: LetterDelivery } | null> {
  const row = await db.selectFrom('collection_letter_batches').select(['id', 'agent_id', 'delivery']).where('request_key', '=', requestKey).executeTakeFirst();
  return row ? { id: row.id, agentId: row.agent_id, delivery: row.delivery } : null;
}

/** Makes a second request with the key wait for the first's commit (and so find its batch). */
export async function lockBatchRequestKey(trx: Transaction<Database>, requestKey: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`letter-batch:${requestKey}`}))`.execute(trx);
}

export interface NewBatch {
  requestedBy: string;
  agentId: string | null;
  asOf: IsoDate;
  delivery: LetterDelivery;
  requestKey: string | null;
}

/** The batch with one pending item per customer, in the given order; returns its id. */
export async function insertBatch(trx: Transaction<Database>, batch: NewBatch, customerIds: readonly string[]): Promise<string> {
  const row = await trx
    .insertInto('collection_letter_batches')
    .values({ requested_by: batch.requestedBy, agent_id: batch.agentId, as_of: batch.asOf, delivery: batch.delivery, request_key: batch.requestKey })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (customerIds.length > 0) {
    await trx
      .insertInto('collection_letter_batch_items')
      .values(customerIds.map((customerId, position) => ({ batch_id: row.id, position, customer_id: customerId })))
      .execute();
  }
  return row.id;
}

export interface BatchRow {
  id: string;
  asOf: IsoDate;
  delivery: LetterDelivery;
  status: BatchStatus;
  /** The agent who requested the batch: its letters are posted in that agent's name. */
  requestedBy: string;
}

export async function findBatchRow(db: Kysely<Database>, id: string): Promise<BatchRow | null> {
  const row = await db.selectFrom('collection_letter_batches').select(['id', 'as_of', 'delivery', 'status', 'requested_by']).where('id', '=', id).executeTakeFirst();
  return row ? { id: row.id, asOf: row.as_of, delivery: row.delivery, status: row.status, requestedBy: row.requested_by } : null;
}

export async function batchRequester(db: Kysely<Database>, batch: BatchRow): Promise<Agent> {
  return db.selectFrom('agents').select(['id', 'email', 'name', 'role']).where('id', '=', batch.requestedBy).executeTakeFirstOrThrow();
}

/** 'running' clears the finish time, 'done' sets it; 'interrupted' leaves it. */
export async function setBatchStatus(db: Kysely<Database>, batchId: string, status: BatchStatus): Promise<void> {
  const finished = status === 'done' ? { finished_at: sql<Date>`now()` } : status === 'running' ? { finished_at: null } : {};
  await db.updateTable('collection_letter_batches').set({ status, ...finished }).where('id', '=', batchId).execute();
}

/** The customers of the batch's pending items, in batch order. */
export async function pendingCustomers(db: Kysely<Database>, batchId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('collection_letter_batch_items')
    .select('customer_id')
    .where('batch_id', '=', batchId)
    .where('state', '=', 'pending')
    .orderBy('position')
    .execute();
  return rows.map((r) => r.customer_id);
}

export interface ItemOutcome {
  state: BatchItemState;
  reason: string | null;
  letterId: string | null;
}

export async function recordItemOutcome(db: Kysely<Database>, batchId: string, customerId: string, outcome: ItemOutcome): Promise<void> {
  await db
    .updateTable('collection_letter_batch_items')
    .set({ state: outcome.state, reason: outcome.reason, letter_id: outcome.letterId })
    .where('batch_id', '=', batchId)
    .where('customer_id', '=', customerId)
    .execute();
}

/** The batch's items in order, with each customer and the letter posted for it. */
export async function batchItems(db: Kysely<Database>, batchId: string): Promise<BatchItem[]> {
  const rows = await db
    .selectFrom('collection_letter_batch_items as i')
    .innerJoin('customers as c', 'c.id', 'i.customer_id')
    .leftJoin('collection_letters as l', 'l.id', 'i.letter_id')
    .select(['i.customer_id', 'c.account', 'c.name', 'i.state', 'i.reason', 'i.letter_id', 'l.number'])
    .where('i.batch_id', '=', batchId)
    .orderBy('i.position')
    .execute();
  return rows.map((i) => ({
    customerId: i.customer_id,
    account: i.account,
    name: i.name,
    state: i.state,
    reason: i.reason,
    letterId: i.letter_id,
    letterNumber: i.number,
  }));
}

/**
 * Batches left unfinished (running or interrupted) that no live lease covers: their process died
 * or stopped, and another may take them over. Oldest first. A batch younger than `graceMs` is left
 * to the process that created it, which is about to take its lease.
 */
export async function unleasedBatches(db: Kysely<Database>, leasePrefix: string, graceMs: number): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    select b.id from collection_letter_batches b
    where b.status in ('running', 'interrupted')
      and b.created_at < now() - ${graceMs} * interval '1 millisecond'
      and not exists (select 1 from leases l where l.name = ${leasePrefix} || b.id::text and l.expires_at > now())
    order by b.created_at`.execute(db);
  return rows.rows.map((r) => r.id);
}
