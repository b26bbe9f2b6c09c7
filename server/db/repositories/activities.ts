// Activity reads: one activity or a customer's list, each with the promise or dispute it recorded
// (the transactions' document numbers, the reason's label), and the activities as timeline entries.
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { ActivityDispute, ActivityPromise, ActivityRecord } from '../../domain/activities';
import type { TimelineEntry } from '../../domain/timeline';
import type { IsoDate } from '../../domain/types';
import type { ActivitiesTable, Database } from '../schema';

export type ActivityRow = Selectable<ActivitiesTable>;
type Db = Kysely<Database> | Transaction<Database>;

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

export function toActivityRecord(row: ActivityRow): ActivityRecord {
  const sync: ActivityRecord['sync'] = { state: row.sync_state };
  if (row.graph_event_id) sync.eventId = row.graph_event_id;
  if (row.graph_task_id) sync.taskId = row.graph_task_id;
  if (row.sync_error) sync.error = row.sync_error;
  return {
    id: row.id,
    customerId: row.customer_id,
    type: row.type,
    purpose: row.purpose,
    outcome: row.outcome,
    notes: row.notes,
    contact: row.contact,
    durationMinutes: row.duration_minutes,
    startAt: row.start_at,
    endAt: row.end_at,
    dueAt: row.due_at,
    followUpAt: row.follow_up_at,
    status: row.status,
    ownerAgentId: row.owner_agent_id,
    ledgerEntryIds: row.ledger_entry_ids,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    sync,
    history: row.history,
  };
}

/** One transaction an activity's promise or dispute named. */
export interface CommitmentItem {
  activityId: string;
  transactionId: string;
  document: string;
  currency: string;
  promisedAmount: bigint | null;
}

/** The transactions the promises and disputes of these activities named, in the order named. */
export async function commitmentItems(db: Db, activityIds: readonly string[]): Promise<Map<string, CommitmentItem[]>> {
  const items = new Map<string, CommitmentItem[]>();
  if (activityIds.length === 0) return items;
  const rows = await db
    .selectFrom('activity_commitment_items as i')
    .innerJoin('ledger_entries as e', 'e.id', 'i.ledger_entry_id')
    .select(['i.activity_id', 'i.ledger_entry_id', 'e.document', 'e.currency', 'i.promised_amount'])
    .where('i.activity_id', 'in', [...activityIds])
    .orderBy('i.activity_id')
    .orderBy('i.position')
    .execute();
  for (const r of rows) {
    const item = { activityId: r.activity_id, transactionId: r.ledger_entry_id, document: r.document, currency: r.currency, promisedAmount: r.promised_amount };
    items.set(r.activity_id, [...(items.get(r.activity_id) ?? []), item]);
  }
  return items;
}

/** The dispute reason codes with their labels; `activeOnly` for what an agent may choose now. */
export async function disputeReasonLabels(db: Db, activeOnly = false): Promise<Map<string, string>> {
  let query = db.selectFrom('collection_reason_codes').select(['code', 'label']).where('kind', '=', 'dispute');
  if (activeOnly) query = query.where('active', '=', true);
  return new Map((await query.execute()).map((r) => [r.code, r.label]));
}

/** An activity with what its promise or dispute recorded. */
export function withCommitment(row: ActivityRow, items: readonly CommitmentItem[], labels: ReadonlyMap<string, string>): ActivityRecord {
  const promise: ActivityPromise | null =
    row.promise_date === null
      ? null
      : {
          date: row.promise_date,
          items: items.flatMap((i) => (i.promisedAmount === null ? [] : [{ transactionId: i.transactionId, document: i.document, amount: i.promisedAmount, currency: i.currency }])),
        };
  const dispute: ActivityDispute | null =
    row.dispute_reason === null
      ? null
      : {
          reasonCode: row.dispute_reason,
          reasonLabel: labels.get(row.dispute_reason) ?? row.dispute_reason,
          items: items.filter((i) => i.promisedAmount === null).map((i) => ({ transactionId: i.transactionId, document: i.document })),
        };
  return { ...toActivityRecord(row), promise, dispute };
}

/** Activity rows as records with their promises and disputes. */
export async function activityRecords(db: Db, rows: readonly ActivityRow[]): Promise<ActivityRecord[]> {
  const withDetails = rows.filter((r) => r.promise_date !== null || r.dispute_reason !== null);
  // One after the other: within a transaction both share one connection.
  const items = await commitmentItems(db, withDetails.map((r) => r.id));
  const labels = withDetails.some((r) => r.dispute_reason !== null) ? await disputeReasonLabels(db) : new Map<string, string>();
  return rows.map((r) => withCommitment(r, items.get(r.id) ?? [], labels));
}

export async function findActivityRow(db: Db, id: string, opts: { forUpdate?: boolean } = {}): Promise<ActivityRow | null> {
  let query = db.selectFrom('activities').selectAll().where('id', '=', id);
  if (opts.forUpdate) query = query.forUpdate();
  return (await query.executeTakeFirst()) ?? null;
}

/** The instant an activity is shown at: when it happened, else when it is due, else when logged. */
const whenSql = sql<Date>`coalesce(start_at, due_at, follow_up_at, created_at)`;

export async function listActivities(db: Db, customerId: string, opts: { limit: number; offset: number }): Promise<ActivityRecord[]> {
  const rows = await db
    .selectFrom('activities')
    .selectAll()
    .where('customer_id', '=', customerId)
    .orderBy(whenSql, 'desc')
    .orderBy('id')
    .limit(opts.limit)
    .offset(opts.offset)
    .execute();
  return activityRecords(db, rows);
}

/** A customer's activities between two dates (inclusive, UTC days) as timeline entries, newest first. */
export async function activityTimelineEntries(db: Kysely<Database>, customerId: string, from: IsoDate, to: IsoDate): Promise<TimelineEntry[]> {
  const rows = await db
    .selectFrom('activities')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where(whenSql, '>=', sql<Date>`${from}::date::timestamp AT TIME ZONE 'UTC'`)
    .where(whenSql, '<', sql<Date>`(${to}::date + 1)::timestamp AT TIME ZONE 'UTC'`)
    .orderBy(whenSql, 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    type: 'activity',
    date: new Date(row.start_at ?? row.due_at ?? row.follow_up_at ?? row.created_at).toISOString().slice(0, 10),
    title: row.purpose,
    currency: null,
    amount: null,
    dueDate: null,
    open: null,
    settlements: [],
    details: {
      activityType: row.type,
      outcome: row.outcome,
      status: row.status,
      notes: row.notes,
      followUpAt: iso(row.follow_up_at),
      syncState: row.sync_state,
    },
  }));
}
