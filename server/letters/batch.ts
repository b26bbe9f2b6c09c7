// Batch runs: post (and for Graph delivery, queue) every letter of a reviewed proposal, one customer
// at a time, recording each item's outcome. Restartable: every post is idempotent per customer,
// level and date, so a run resumed after an interruption posts and sends nothing twice.
import { sql, type Kysely } from 'kysely';
import type { Agent } from '../auth/agents';
import type { LetterSettings } from '../config';
import type { Database } from '../db/schema';
import type { IsoDate } from '../domain/types';
import type { BatchItemState, LetterBatchResponse, LetterDelivery } from '../http/contract';
import { AppError } from '../http/errors';
import { keyReused, postLetter } from './post';
import { batchProposal } from './proposals';

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
    const existing = await q
      .selectFrom('collection_letter_batches')
      .select(['id', 'agent_id', 'delivery'])
      .where('request_key', '=', opts.requestKey)
      .executeTakeFirst();
    if (existing && (existing.agent_id !== opts.agentId || existing.delivery !== opts.delivery)) throw keyReused();
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
      await sql`select pg_advisory_xact_lock(hashtext(${`letter-batch:${opts.requestKey}`}))`.execute(trx);
      const raced = await replay(trx);
      if (raced) return raced;
    }
    const batch = await trx
      .insertInto('collection_letter_batches')
      .values({ requested_by: opts.requestedBy.id, agent_id: opts.agentId, as_of: opts.asOf, delivery: opts.delivery, request_key: opts.requestKey ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (customers.length > 0) {
      await trx
        .insertInto('collection_letter_batch_items')
        .values(customers.map((customerId, position) => ({ batch_id: batch.id, position, customer_id: customerId })))
        .execute();
    }
    return batch.id;
  });
}

export interface RunBatchOptions {
  accountingCurrency: string;
  settings: LetterSettings;
  /** Stops after the current item; the batch reads 'interrupted' and can be run again. */
  signal?: AbortSignal;
  onItem?: (done: number, total: number) => void;
}

/** Posts the batch's pending items in order. Safe to call again on an interrupted batch. */
export async function runBatch(db: Kysely<Database>, batchId: string, opts: RunBatchOptions): Promise<void> {
  const batch = await db.selectFrom('collection_letter_batches').selectAll().where('id', '=', batchId).executeTakeFirst();
  if (!batch) throw new AppError('batch_not_found', 404, `No letter batch has the id '${batchId}'.`);
  const agent = await db.selectFrom('agents').select(['id', 'email', 'name', 'role']).where('id', '=', batch.requested_by).executeTakeFirstOrThrow();
  await db.updateTable('collection_letter_batches').set({ status: 'running', finished_at: null }).where('id', '=', batchId).execute();
  const pending = await db
    .selectFrom('collection_letter_batch_items')
    .select(['customer_id', 'position'])
    .where('batch_id', '=', batchId)
    .where('state', '=', 'pending')
    .orderBy('position')
    .execute();
  let done = 0;
  for (const item of pending) {
    if (opts.signal?.aborted) {
      await db.updateTable('collection_letter_batches').set({ status: 'interrupted' }).where('id', '=', batchId).execute();
      return;
    }
    const outcome = await postItem(db, batch, agent, item.customer_id, opts);
    await db
      .updateTable('collection_letter_batch_items')
      .set(outcome)
      .where('batch_id', '=', batchId)
      .where('customer_id', '=', item.customer_id)
      .execute();
    opts.onItem?.(++done, pending.length);
  }
  await db.updateTable('collection_letter_batches').set({ status: 'done', finished_at: sql`now()` }).where('id', '=', batchId).execute();
}

type Outcome = { state: BatchItemState; reason: string | null; letter_id: string | null };

async function postItem(
  db: Kysely<Database>,
  batch: { id: string; as_of: string; delivery: LetterDelivery },
  agent: Agent,
  customerId: string,
  opts: RunBatchOptions,
): Promise<Outcome> {
  try {
    const { letterId } = await postLetter(db, {
      customerId,
      asOf: batch.as_of,
      delivery: batch.delivery,
      agent,
      accountingCurrency: opts.accountingCurrency,
      settings: opts.settings,
      batchId: batch.id,
    });
    return { state: batch.delivery === 'graph' ? 'sent' : 'posted', reason: null, letter_id: letterId };
  } catch (error) {
    if (error instanceof AppError) {
      return { state: error.code === 'no_letter_due' ? 'skipped' : 'failed', reason: error.message, letter_id: null };
    }
    return { state: 'failed', reason: `Unexpected error: ${(error as Error).message}`, letter_id: null };
  }
}

export async function loadBatchJson(db: Kysely<Database>, batchId: string): Promise<LetterBatchResponse | null> {
  const batch = await db.selectFrom('collection_letter_batches').selectAll().where('id', '=', batchId).executeTakeFirst();
  if (!batch) return null;
  const items = await db
    .selectFrom('collection_letter_batch_items as i')
    .innerJoin('customers as c', 'c.id', 'i.customer_id')
    .leftJoin('collection_letters as l', 'l.id', 'i.letter_id')
    .select(['i.customer_id', 'c.account', 'c.name', 'i.state', 'i.reason', 'i.letter_id', 'l.number'])
    .where('i.batch_id', '=', batchId)
    .orderBy('i.position')
    .execute();
  const counts: Record<BatchItemState, number> = { pending: 0, posted: 0, sent: 0, skipped: 0, failed: 0 };
  for (const item of items) counts[item.state] += 1;
  return {
    id: batch.id,
    asOf: batch.as_of,
    delivery: batch.delivery,
    status: batch.status,
    counts,
    items: items.map((i) => ({
      customerId: i.customer_id,
      account: i.account,
      name: i.name,
      state: i.state,
      reason: i.reason,
      letterId: i.letter_id,
      letterNumber: i.number,
    })),
  };
}
