// Reflects a change made in To Do or Outlook on its activity. Last change wins: an Outlook change
// newer than the activity's last edit is applied, an older one is kept in the history as superseded
// (and the activity is pushed back out); the history shows both sides either way.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { findActivityRow, type ActivityRow } from '../db/repositories/activities';
import type { ActivityHistoryEntry } from '../domain/activities';
import { enqueueSync } from './outbox';
import { eventEnd, fromUtc } from './payloads';

type Changes = ActivityHistoryEntry['changes'];
type Patch = Partial<Pick<ActivityRow, 'status' | 'start_at' | 'end_at' | 'follow_up_at' | 'due_at' | 'graph_event_id' | 'graph_task_id'>>;

export interface RemoteItem {
  id: string;
  '@removed'?: unknown;
  lastModifiedDateTime?: string;
  status?: string;
  isCancelled?: boolean;
  start?: { dateTime?: string; timeZone?: string | null };
  end?: { dateTime?: string; timeZone?: string | null };
  dueDateTime?: { dateTime?: string; timeZone?: string | null } | null;
  reminderDateTime?: { dateTime?: string; timeZone?: string | null } | null;
}

/** Applies a task change; returns whether the activity changed. */
export async function reconcileTask(db: Kysely<Database>, agentId: string, item: RemoteItem): Promise<boolean> {
  const found = await db.selectFrom('activities').select('id').where('graph_task_id', '=', item.id).where('owner_agent_id', '=', agentId).executeTakeFirst();
  if (!found) return false;
  return db.transaction().execute(async (trx) => {
    const row = (await findActivityRow(trx, found.id, { forUpdate: true }))!;
    if (item['@removed']) return apply(trx, 'task', row, { graph_task_id: null }, null, false);
    const patch: Patch = {};
    if (row.status !== 'cancelled') {
      const status = item.status === 'completed' ? 'completed' : 'open';
      if (status !== row.status) patch.status = status;
    }
    const when = fromUtc(item.reminderDateTime) ?? fromUtc(item.dueDateTime);
    const field = row.follow_up_at !== null ? 'follow_up_at' : 'due_at';
    const current = row[field];
    // A due date carries no time of day: only a different day counts as a move.
    const moved = when && (!current || (item.reminderDateTime ? when.getTime() !== current.getTime() : day(when) !== day(current)));
    if (moved) patch[field] = when;
    return apply(trx, 'task', row, patch, item.lastModifiedDateTime ?? null, true);
  });
}

/** Applies an event change (moved, cancelled or deleted in Outlook); returns whether the activity changed. */
export async function reconcileEvent(db: Kysely<Database>, agentId: string, item: RemoteItem): Promise<boolean> {
  const found = await db.selectFrom('activities').select('id').where('graph_event_id', '=', item.id).where('owner_agent_id', '=', agentId).executeTakeFirst();
  if (!found) return false;
  return db.transaction().execute(async (trx) => {
    const row = (await findActivityRow(trx, found.id, { forUpdate: true }))!;
    if (item['@removed'] || item.isCancelled) {
      // A logged call stays logged; a planned appointment or event deleted in Outlook is off.
      const planned = row.type !== 'call' && row.status === 'open';
      return apply(trx, 'event', row, { graph_event_id: null, ...(planned ? { status: 'cancelled' as const } : {}) }, null, false);
    }
    const patch: Patch = {};
    const start = fromUtc(item.start);
    const end = fromUtc(item.end);
    if (start && start.getTime() !== row.start_at?.getTime()) patch.start_at = start;
    const shownEnd = row.start_at ? eventEnd(row.start_at, row.end_at, row.duration_minutes) : row.end_at;
    if (end && end.getTime() !== shownEnd?.getTime()) patch.end_at = end;
    return apply(trx, 'event', row, patch, item.lastModifiedDateTime ?? null, true);
  });
}

async function apply(
  trx: Transaction<Database>,
  kind: 'event' | 'task',
  row: ActivityRow,
  patch: Patch,
  modifiedAt: string | null,
  contested: boolean,
): Promise<boolean> {
  const changes: Changes = {};
  for (const [key, to] of Object.entries(patch)) {
    const from = row[key as keyof Patch];
    changes[key] = { from: from instanceof Date ? from.toISOString() : (from ?? null), to: to instanceof Date ? to.toISOString() : (to ?? null) };
  }
  if (Object.keys(changes).length === 0) return false;
  const at = modifiedAt ? new Date(modifiedAt) : new Date();
  const loses = contested && at.getTime() < row.updated_at.getTime();
  const entry: ActivityHistoryEntry = { at: at.toISOString(), source: 'outlook', actor: null, changes, ...(loses ? { superseded: true } : {}) };
  const history = sql<string>`history || ${JSON.stringify([entry])}::jsonb`;
  if (loses) {
    await trx.updateTable('activities').set({ history }).where('id', '=', row.id).execute();
    // Our later edit wins: send it out again over what Outlook now shows.
    await enqueueSync(trx, row.id, row.owner_agent_id, kind);
    return false;
  }
  await trx
    .updateTable('activities')
    .set({ ...patch, history, updated_at: sql`greatest(updated_at, ${at})`, version: sql`version + 1` })
    .where('id', '=', row.id)
    .execute();
  return true;
}

function day(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}
