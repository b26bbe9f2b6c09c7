// Decides the one Graph call that brings Outlook in line with an activity as it is now (create,
// update or delete its event or task), and what to record when that call succeeds. Working from
// the current state, not from a log of edits, makes every retry and every repeated row harmless.
import type { Client } from '@microsoft/microsoft-graph-client';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { collectionsListId, findTaskByActivity } from './lists';
import type { OutboxRow } from './outbox';
import { eventBody, taskBody, wantsEvent, wantsTask, type SyncActivity } from './payloads';
import type { GraphCall, GraphResult } from './transport';

export interface Step {
  call: GraphCall | null;
  /** Applied in the transaction that closes the row, after a 2xx (or a 404 on something gone). */
  record(trx: Transaction<Database>, result: GraphResult | null): Promise<void>;
}

export interface ActivityForSync extends SyncActivity {
  graphEventId: string | null;
  graphTaskId: string | null;
}

export async function loadActivity(db: Kysely<Database>, id: string): Promise<ActivityForSync | null> {
  const row = await db
    .selectFrom('activities as a')
    .innerJoin('customers as c', 'c.id', 'a.customer_id')
    .select([
      'a.id', 'a.type', 'a.purpose', 'a.outcome', 'a.notes', 'a.contact', 'a.duration_minutes', 'a.start_at',
      'a.end_at', 'a.due_at', 'a.follow_up_at', 'a.status', 'a.graph_event_id', 'a.graph_task_id',
      'c.id as customer_id', 'c.account', 'c.name',
    ])
    .where('a.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id, type: row.type, purpose: row.purpose, outcome: row.outcome, notes: row.notes, contact: row.contact,
    durationMinutes: row.duration_minutes, startAt: row.start_at, endAt: row.end_at, dueAt: row.due_at,
    followUpAt: row.follow_up_at, status: row.status, graphEventId: row.graph_event_id, graphTaskId: row.graph_task_id,
    customer: { id: row.customer_id, account: row.account, name: row.name },
  };
}

const nothing: Step['record'] = async () => undefined;

function setIds(activityId: string, ids: { graph_event_id?: string | null; graph_task_id?: string | null }): Step['record'] {
  return async (trx) => {
    await trx.updateTable('activities').set(ids).where('id', '=', activityId).execute();
  };
}

const createdId = (result: GraphResult | null) => (result?.body as { id?: string } | null)?.id ?? null;

export function eventStep(a: ActivityForSync, customerUrl: string): Step {
  const wants = wantsEvent(a);
  if (wants && !a.graphEventId) {
    // The first event row's key: Graph answers a repeated transactionId with the first event.
    const call: GraphCall = { id: a.id, method: 'POST', url: '/me/events', body: eventBody(a, customerUrl, `event:${a.id}`) };
    return { call, record: (trx, result) => setIds(a.id, { graph_event_id: createdId(result) })(trx, result) };
  }
  const path = `/me/events/${encodeURIComponent(a.graphEventId ?? '')}`;
  if (wants) return { call: { id: a.id, method: 'PATCH', url: path, body: eventBody(a, customerUrl) }, record: nothing };
  if (a.graphEventId) return { call: { id: a.id, method: 'DELETE', url: path }, record: setIds(a.id, { graph_event_id: null }) };
  return { call: null, record: nothing };
}

export async function taskStep(
  db: Kysely<Database>,
  client: Client,
  row: OutboxRow,
  a: ActivityForSync,
  customerUrl: string,
): Promise<Step> {
  const wants = wantsTask(a);
  if (!wants && !a.graphTaskId) return { call: null, record: nothing };
  const listId = await collectionsListId(db, client, row.agent_id);
  const tasks = `/me/todo/lists/${encodeURIComponent(listId)}/tasks`;
  let taskId = a.graphTaskId;
  // Only an earlier attempt can have created the task without our knowing: look for it then.
  const mayExist = row.attempts > 1 || row.idempotency_key !== `task:${a.id}`;
  if (wants && !taskId && mayExist) taskId = await findTaskByActivity(client, listId, a.id);
  if (wants && !taskId) {
    const call: GraphCall = { id: a.id, method: 'POST', url: tasks, body: taskBody(a, customerUrl, { withLink: true }) };
    return { call, record: (trx, result) => setIds(a.id, { graph_task_id: createdId(result) })(trx, result) };
  }
  const path = `${tasks}/${encodeURIComponent(taskId!)}`;
  if (wants) {
    return { call: { id: a.id, method: 'PATCH', url: path, body: taskBody(a, customerUrl, { withLink: false }) }, record: setIds(a.id, { graph_task_id: taskId }) };
  }
  return { call: { id: a.id, method: 'DELETE', url: path }, record: setIds(a.id, { graph_task_id: null }) };
}

export function mailStep(row: OutboxRow): Step {
  return { call: { id: row.id, method: 'POST', url: '/me/sendMail', body: row.payload }, record: nothing };
}
