// Activity reads: one activity or a customer's list, and the activities as timeline entries for
// the customer timeline.
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { ActivityRecord } from '../../domain/activities';
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
  return rows.map(toActivityRecord);
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
