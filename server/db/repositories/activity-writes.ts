// Activity changes, each in one transaction with everything it implies: the collection status of
// the transactions a promise to pay or a dispute names (and follows when it is corrected), the
// record of that promise or dispute, the Graph outbox rows, the audit events.
import { sql, type Kysely, type Transaction } from 'kysely';
import {
  activityNotFound, checkChangeable, checkOwnEntries, checkTimeOrder, checkVersion, scheduleOf,
  type ActivityChange, type ActivityHistoryEntry, type ActivityRecord, type NewActivity,
} from '../../domain/activities';
import { correctCommitment, type CorrectedCommitment } from '../../domain/activity-commitments';
import type { IsoDate } from '../../domain/types';
import { enqueueSync } from '../../graph/outbox';
import { wantsEvent, wantsTask, type SyncActivity } from '../../graph/payloads';
import type { Database } from '../schema';
import { activityRecords, disputeReasonLabels, findActivityRow, type ActivityRow } from './activities';
import { recordAudit } from './audit';
import { applyCollectionStatus, followCommitment, lockedDebits, type OpenDebit } from './collection-status';
import { isUuid } from './customers';

export interface WriteContext {
  agentId: string;
  /** The company's today, for validating promise dates. */
  today: IsoDate;
  /** False without Graph: activities are saved as not synced and nothing is queued. */
  graphEnabled: boolean;
}

/** Logs an activity within `trx`, so that the caller can store its answer in the same transaction. */
export async function createActivity(
  trx: Transaction<Database>,
  customerId: string,
  input: NewActivity,
  ctx: WriteContext,
): Promise<ActivityRecord> {
  const { startAt, endAt } = scheduleOf(input, new Date());
  if (input.ledgerEntryIds?.length) checkOwnEntries(input.ledgerEntryIds, await ownEntryIds(trx, customerId, input.ledgerEntryIds));
  const statusChanges = await applyCollectionStatus(trx, customerId, input, ctx);
  const ledgerIds = [...new Set([...(input.ledgerEntryIds ?? []), ...statusChanges])];
  const row = await trx
    .insertInto('activities')
    .values({
      customer_id: customerId,
      type: input.type,
      purpose: input.purpose,
      outcome: input.outcome ?? null,
      notes: input.notes ?? null,
      contact: input.contact ?? null,
      duration_minutes: input.durationMinutes ?? null,
      start_at: startAt,
      end_at: endAt,
      due_at: input.dueAt ?? null,
      follow_up_at: input.followUpAt ?? null,
      owner_agent_id: ctx.agentId,
      ledger_entry_ids: ledgerIds,
      graph_event_id: null,
      graph_task_id: null,
      sync_error: null,
      sync_state: 'not_configured',
      promise_date: input.promise?.date ?? null,
      dispute_reason: input.dispute?.reasonCode ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await saveItems(trx, row.id, { promise: input.promise ?? null, dispute: input.dispute ? { transactionIds: input.dispute.transactionIds } : null });
  const [synced] = await activityRecords(trx, [await queueSync(trx, row, null, ctx)]);
  await recordAudit(trx, { actor: ctx.agentId, action: 'activity.create', entity: 'activity', entityId: row.id, after: auditView(synced!) });
  return synced!;
}

/** Records the transactions a promise (with the amount of each) or a dispute named, in their order. */
async function saveItems(
  trx: Transaction<Database>,
  activityId: string,
  commitment: { promise: { items: Array<{ transactionId: string; amount: bigint }> } | null; dispute: { transactionIds: string[] } | null },
): Promise<void> {
  await trx.deleteFrom('activity_commitment_items').where('activity_id', '=', activityId).execute();
  const items = commitment.promise
    ? commitment.promise.items.map((i) => ({ id: i.transactionId, amount: i.amount }))
    : (commitment.dispute?.transactionIds ?? []).map((id) => ({ id, amount: null }));
  if (items.length === 0) return;
  await trx
    .insertInto('activity_commitment_items')
    .values(items.map((i, position) => ({ activity_id: activityId, ledger_entry_id: i.id, position, promised_amount: i.amount })))
    .execute();
}

/** An activity as the audit trail keeps it (amounts as strings: JSON has no bigint). */
function auditView(activity: ActivityRecord): unknown {
  return { ...activity, promise: commitmentView({ promise: activity.promise ?? null, dispute: null }).promise };
}

/** A promise and a dispute as history and audit entries show them. */
function commitmentView(c: CorrectedCommitment): { promise: unknown; dispute: unknown } {
  return {
    promise: c.promise && { date: c.promise.date, items: c.promise.items.map((i) => ({ ...i, amount: i.amount.toString() })) },
    dispute: c.dispute && { reasonCode: c.dispute.reasonCode, transactionIds: c.dispute.items.map((i) => i.transactionId) },
  };
}

/**
 * Edits, completes or cancels an activity in a transaction of its own; with `expectedVersion` (the
 * version the agent read), only if nobody changed it since.
 */
export async function updateActivity(
  db: Kysely<Database>,
  id: string,
  input: ActivityChange,
  ctx: WriteContext,
  expectedVersion?: number,
): Promise<ActivityRecord> {
  if (!isUuid(id)) throw activityNotFound(id);
  return db.transaction().execute(async (trx) => {
    const before = await findActivityRow(trx, id, { forUpdate: true });
    if (!before) throw activityNotFound(id);
    const [was] = await activityRecords(trx, [before]);
    checkVersion(was!, expectedVersion);
    checkChangeable(before);
    const { commitment, debits } = await corrected(trx, before, was!, input, ctx);
    const next = {
      purpose: input.purpose ?? before.purpose,
      outcome: input.outcome === undefined ? before.outcome : input.outcome,
      notes: input.notes === undefined ? before.notes : input.notes,
      contact: input.contact === undefined ? before.contact : input.contact,
      duration_minutes: input.durationMinutes === undefined ? before.duration_minutes : input.durationMinutes,
      start_at: input.startAt === undefined ? before.start_at : input.startAt,
      end_at: input.endAt === undefined ? before.end_at : input.endAt,
      due_at: input.dueAt === undefined ? before.due_at : input.dueAt,
      follow_up_at: input.followUpAt === undefined ? before.follow_up_at : input.followUpAt,
      status: input.status ?? before.status,
    };
    checkTimeOrder(next.start_at, next.end_at);
    const changes = diff(before, next);
    const [from, to] = [commitmentView({ promise: was!.promise ?? null, dispute: was!.dispute ?? null }), commitmentView(commitment)];
    for (const key of ['promise', 'dispute'] as const) {
      if (JSON.stringify(from[key]) !== JSON.stringify(to[key])) changes[key] = { from: from[key], to: to[key] };
    }
    if (Object.keys(changes).length === 0) return was!;
    const entry: ActivityHistoryEntry = { at: new Date().toISOString(), source: 'app', actor: ctx.agentId, changes };
    const row = await trx
      .updateTable('activities')
      .set({
        ...next,
        promise_date: commitment.promise?.date ?? null,
        dispute_reason: commitment.dispute?.reasonCode ?? null,
        updated_at: sql`now()`,
        version: sql`version + 1`,
        history: sql<string>`history || ${JSON.stringify([entry])}::jsonb`,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (changes.promise || changes.dispute) {
      await saveItems(trx, id, { promise: commitment.promise, dispute: commitment.dispute && { transactionIds: commitment.dispute.items.map((i) => i.transactionId) } });
      await followCommitment(trx, debits, { promise: was!.promise ?? null, dispute: was!.dispute ?? null }, commitment, ctx);
    }
    const [synced] = await activityRecords(trx, [await queueSync(trx, row, before, ctx)]);
    const action = input.status === 'completed' ? 'activity.complete' : input.status === 'cancelled' ? 'activity.cancel' : 'activity.update';
    await recordAudit(trx, { actor: ctx.agentId, action, entity: 'activity', entityId: id, before: auditView(was!), after: auditView(synced!) });
    return synced!;
  });
}

/**
 * The promise and dispute an edit leaves, checked against what is open of their transactions today
 * (locked, so that the transactions can follow in the same transaction).
 */
async function corrected(
  trx: Transaction<Database>,
  before: ActivityRow,
  was: ActivityRecord,
  input: ActivityChange,
  ctx: WriteContext,
): Promise<{ commitment: CorrectedCommitment; debits: Map<string, OpenDebit> }> {
  const commitment = { promise: was.promise ?? null, dispute: was.dispute ?? null };
  if (input.outcome === undefined && !input.promise && !input.dispute) return { commitment, debits: new Map() };
  const ids = [...(commitment.promise?.items ?? []), ...(commitment.dispute?.items ?? [])].map((i) => i.transactionId);
  const debits = await lockedDebits(trx, before.customer_id, ids, ctx.today);
  const open = new Map([...debits.values()].map((d) => [d.id, d.open]));
  const labels = input.dispute ? await disputeReasonLabels(trx, true) : new Map<string, string>();
  const day = (before.start_at ?? before.created_at).toISOString().slice(0, 10);
  const state = { outcome: before.outcome, ...commitment, day };
  return { commitment: correctCommitment(state, input, open, (code) => labels.get(code) ?? null), debits };
}

/** Which of `ids` are ledger entries of the customer. */
async function ownEntryIds(trx: Transaction<Database>, customerId: string, ids: string[]): Promise<Set<string>> {
  const rows = await trx.selectFrom('ledger_entries').select('id').where('customer_id', '=', customerId).where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

/** Queues the event and task syncs this version needs; returns the row with its sync state. */
async function queueSync(trx: Transaction<Database>, row: ActivityRow, before: ActivityRow | null, ctx: WriteContext): Promise<ActivityRow> {
  if (!ctx.graphEnabled) return row;
  const now = asSync(row);
  const was = before ? asSync(before) : null;
  const event = wantsEvent(now) || (was !== null && wantsEvent(was)) || row.graph_event_id !== null;
  const task = wantsTask(now) || (was !== null && wantsTask(was)) || row.graph_task_id !== null;
  if (event) await enqueueSync(trx, row.id, row.owner_agent_id, 'event');
  if (task) await enqueueSync(trx, row.id, row.owner_agent_id, 'task');
  const state = event || task ? 'pending' : before ? row.sync_state : 'synced';
  return trx.updateTable('activities').set({ sync_state: state }).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
}

function asSync(row: ActivityRow): SyncActivity {
  return {
    id: row.id, type: row.type, purpose: row.purpose, outcome: row.outcome, notes: row.notes, contact: row.contact,
    durationMinutes: row.duration_minutes, startAt: row.start_at, endAt: row.end_at, dueAt: row.due_at,
    followUpAt: row.follow_up_at, status: row.status, customer: { id: row.customer_id, account: '', name: '' },
  };
}

function diff(before: ActivityRow, next: Record<string, unknown>): ActivityHistoryEntry['changes'] {
  const changes: ActivityHistoryEntry['changes'] = {};
  for (const [key, to] of Object.entries(next)) {
    const from = (before as unknown as Record<string, unknown>)[key];
    const same = from instanceof Date || to instanceof Date ? iso(from) === iso(to) : from === to;
    if (!same) changes[key] = { from: iso(from) ?? from ?? null, to: iso(to) ?? to ?? null };
  }
  return changes;
}

function iso(value: unknown): string | null {
  return value instanceof Date ? value.toISOString() : null;
}

