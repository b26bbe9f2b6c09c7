// The outbox table: Graph writes committed with the change that caused them, claimed by workers
// with FOR UPDATE SKIP LOCKED under a lease, one activity at a time, and closed with a fenced update.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema';

export type OutboxKind = 'event' | 'task' | 'mail';

export interface OutboxRow {
  id: string;
  activity_id: string | null;
  agent_id: string;
  kind: OutboxKind;
  idempotency_key: string;
  payload: Record<string, unknown>;
  attempts: number;
  locked_by: string;
}

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Queues a sync of an activity's event or task. The first row of each kind gets the key
 * '<kind>:<activity>' (the event's transactionId); later ones add a sequence.
 */
export async function enqueueSync(db: Db, activityId: string, agentId: string, kind: 'event' | 'task'): Promise<void> {
  const base = `${kind}:${activityId}`;
  const earlier = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('idempotency_key', 'like', `${base}%`)
    .executeTakeFirstOrThrow();
  const n = Number(earlier.n);
  await db
    .insertInto('outbox')
    .values({ activity_id: activityId, agent_id: agentId, kind, idempotency_key: n === 0 ? base : `${base}:${n}` })
    .execute();
}

/**
 * Queues a mail (POST /me/sendMail body: { message, saveToSentItems }) from the agent's mailbox.
 * Graph has no idempotency key for sendMail: a send whose answer was lost (timeout, reset) is
 * sent again, so mail is at-least-once where events and tasks are exactly-once.
 */
export async function enqueueMail(db: Db, agentId: string, key: string, body: { message: Record<string, unknown>; saveToSentItems?: boolean }): Promise<void> {
  await db
    .insertInto('outbox')
    .values({ activity_id: null, agent_id: agentId, kind: 'mail', idempotency_key: `mail:${key}`, payload: JSON.stringify(body) })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .execute();
}

/**
 * Leases up to `limit` due rows. Only the oldest unfinished row of an activity is eligible, so
 * its writes go out in order and never from two workers at once.
 */
export async function claimRows(db: Kysely<Database>, opts: { lockId: string; limit: number; leaseMs: number }): Promise<OutboxRow[]> {
  const result = await sql<OutboxRow>`
    WITH due AS (
      SELECT o.id FROM outbox o
      WHERE o.done_at IS NULL AND o.next_attempt_at <= now()
        AND (o.locked_until IS NULL OR o.locked_until < now())
        AND NOT EXISTS (
          SELECT 1 FROM outbox p
          WHERE p.activity_id = o.activity_id AND p.done_at IS NULL AND p.id < o.id)
      ORDER BY o.next_attempt_at, o.id
      LIMIT ${opts.limit}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE outbox SET
      locked_until = now() + make_interval(secs => ${opts.leaseMs / 1000}),
      locked_by = ${opts.lockId},
      attempts = outbox.attempts + 1
    FROM due WHERE outbox.id = due.id
    RETURNING outbox.id::text AS id, outbox.activity_id, outbox.agent_id, outbox.kind, outbox.idempotency_key,
      outbox.payload, outbox.attempts, outbox.locked_by`.execute(db);
  return result.rows;
}

/** Marks a row sent or failed; false when the lease was lost (another worker owns the row now). */
export async function closeRow(trx: Transaction<Database>, row: OutboxRow, result: 'sent' | 'failed', error: string | null): Promise<boolean> {
  const closed = await trx
    .updateTable('outbox')
    .set({ done_at: sql`now()`, result, last_error: error, locked_until: null })
    .where('id', '=', BigInt(row.id))
    .where('locked_by', '=', row.locked_by)
    .where('done_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return closed !== undefined;
}

/** Puts a row back for a later attempt; `countAttempt: false` when nothing was tried. */
export async function retryLater(db: Db, row: OutboxRow, delayMs: number, error: string, countAttempt = true): Promise<void> {
  await db
    .updateTable('outbox')
    .set({
      next_attempt_at: sql`now() + make_interval(secs => ${delayMs / 1000})`,
      locked_until: null,
      last_error: error,
      ...(countAttempt ? {} : { attempts: sql`attempts - 1` }),
    })
    .where('id', '=', BigInt(row.id))
    .where('locked_by', '=', row.locked_by)
    .where('done_at', 'is', null)
    .execute();
}

/** The activity's sync state once a row closed: pending while more of its rows wait. */
export async function settleActivity(trx: Transaction<Database>, activityId: string, failure: string | null): Promise<void> {
  const waiting = await trx
    .selectFrom('outbox')
    .select('id')
    .where('activity_id', '=', activityId)
    .where('done_at', 'is', null)
    .executeTakeFirst();
  await trx
    .updateTable('activities')
    .set(
      failure !== null
        ? { sync_state: 'failed', sync_error: failure }
        : { sync_state: waiting ? 'pending' : 'synced', sync_error: null },
    )
    .where('id', '=', activityId)
    .execute();
}
