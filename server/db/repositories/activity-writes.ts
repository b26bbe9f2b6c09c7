// Activity changes, each in one transaction with everything it implies: the collection status of
// the transactions a promise to pay or a dispute names, the Graph outbox rows, the audit events.
import { sql, type Transaction } from 'kysely';
import type { Activity, CreateActivityRequest, IsoDate, UpdateActivityRequest } from '../../http/contract';
import { AppError } from '../../http/errors';
import { enqueueSync } from '../../graph/outbox';
import { wantsEvent, wantsTask, type SyncActivity } from '../../graph/payloads';
import type { ActivityHistoryEntry, Database } from '../schema';
import { findActivityRow, toActivity, type ActivityRow } from './activities';
import { recordAudit } from './audit';
import { applyCollectionStatus } from './collection-status';

export interface WriteContext {
  agentId: string;
  /** The company's today, for validating promise dates. */
  today: IsoDate;
  /** False without Graph: activities are saved as not synced and nothing is queued. */
  graphEnabled: boolean;
}

const instant = (value: string | null | undefined): Date | null => (value ? new Date(value) : null);

export async function createActivity(
  trx: Transaction<Database>,
  customerId: string,
  input: CreateActivityRequest,
  ctx: WriteContext,
): Promise<Activity> {
  checkOutcome(input);
  const startAt = instant(input.startAt) ?? (input.type === 'call' ? new Date() : null);
  const endAt = instant(input.endAt);
  if ((input.type === 'appointment' || input.type === 'event') && !startAt) {
    throw new AppError('invalid_request', 400, `Field 'startAt' is required for an ${input.type}.`, { field: 'startAt' });
  }
  if (input.type === 'task' && !input.dueAt && !input.followUpAt) {
    throw new AppError('invalid_request', 400, "Field 'dueAt' is required for a task.", { field: 'dueAt' });
  }
  checkOrder(startAt, endAt);
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
      start_at: startAt ?? null,
      end_at: endAt,
      due_at: instant(input.dueAt),
      follow_up_at: instant(input.followUpAt),
      owner_agent_id: ctx.agentId,
      ledger_entry_ids: ledgerIds,
      graph_event_id: null,
      graph_task_id: null,
      sync_error: null,
      sync_state: 'not_configured',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const synced = await queueSync(trx, row, null, ctx);
  await recordAudit(trx, { actor: ctx.agentId, action: 'activity.create', entity: 'activity', entityId: row.id, after: toActivity(synced) });
  return toActivity(synced);
}

export async function updateActivity(trx: Transaction<Database>, id: string, input: UpdateActivityRequest, ctx: WriteContext): Promise<Activity> {
  const before = await findActivityRow(trx, id, { forUpdate: true });
  if (!before) throw new AppError('activity_not_found', 404, `No activity has the id '${id}'.`, { id });
  if (before.status === 'cancelled') {
    throw new AppError('activity_cancelled', 409, 'A cancelled activity cannot be changed.', { id });
  }
  const next = {
    purpose: input.purpose ?? before.purpose,
    outcome: input.outcome === undefined ? before.outcome : input.outcome,
    notes: input.notes === undefined ? before.notes : input.notes,
    contact: input.contact === undefined ? before.contact : input.contact,
    duration_minutes: input.durationMinutes === undefined ? before.duration_minutes : input.durationMinutes,
    start_at: input.startAt === undefined ? before.start_at : instant(input.startAt),
    end_at: input.endAt === undefined ? before.end_at : instant(input.endAt),
    due_at: input.dueAt === undefined ? before.due_at : instant(input.dueAt),
    follow_up_at: input.followUpAt === undefined ? before.follow_up_at : instant(input.followUpAt),
    status: input.status ?? before.status,
  };
  checkOrder(next.start_at, next.end_at);
  const changes = diff(before, next);
  if (Object.keys(changes).length === 0) return toActivity(before);
  const entry: ActivityHistoryEntry = { at: new Date().toISOString(), source: 'app', actor: ctx.agentId, changes };
  const row = await trx
    .updateTable('activities')
    .set({
      ...next,
      updated_at: sql`now()`,
      history: sql<string>`history || ${JSON.stringify([entry])}::jsonb`,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const synced = await queueSync(trx, row, before, ctx);
  const action = input.status === 'completed' ? 'activity.complete' : input.status === 'cancelled' ? 'activity.cancel' : 'activity.update';
  await recordAudit(trx, { actor: ctx.agentId, action, entity: 'activity', entityId: id, before: toActivity(before), after: toActivity(synced) });
  return toActivity(synced);
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

function checkOutcome(input: CreateActivityRequest): void {
  if (input.outcome === 'promise_to_pay' && !input.promise) {
    throw new AppError('invalid_request', 400, "Field 'promise' is required when the outcome is promise_to_pay.", { field: 'promise' });
  }
  if (input.promise && input.outcome !== 'promise_to_pay') {
    throw new AppError('invalid_request', 400, "Field 'promise' needs the outcome promise_to_pay.", { field: 'outcome' });
  }
  if (input.outcome === 'dispute' && !input.dispute) {
    throw new AppError('invalid_request', 400, "Field 'dispute' is required when the outcome is dispute.", { field: 'dispute' });
  }
  if (input.dispute && input.outcome !== 'dispute') {
    throw new AppError('invalid_request', 400, "Field 'dispute' needs the outcome dispute.", { field: 'outcome' });
  }
}

function checkOrder(start: Date | null, end: Date | null): void {
  if (start && end && end < start) {
    throw new AppError('invalid_request', 400, "Field 'endAt' must not be before 'startAt'.", { field: 'endAt' });
  }
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

