// Two-way sync: polls the delta queries of an agent's "Collections" To Do list and calendar view
// with the delta links stored per resource, and reconciles each changed item with its activity.
import type { Client } from '@microsoft/microsoft-graph-client';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { relativeLink } from './client';
import { GraphCallError } from './lists';
import { reconcileEvent, reconcileTask, type RemoteItem } from './reconcile';
import { sendOne } from './transport';

// Graph answers in the zone we ask for; activities are compared in UTC.
const PREFER_UTC = { Prefer: 'outlook.timezone="UTC"' };
const CALENDAR_WINDOW_DAYS = { past: 90, future: 365 };
const MAX_PAGES = 100;

export interface DeltaResult {
  items: number;
  changed: number;
}

export async function pollAgentDeltas(db: Kysely<Database>, client: Client, baseUrl: string, agentId: string, now = new Date()): Promise<DeltaResult> {
  const total: DeltaResult = { items: 0, changed: 0 };
  const list = await db.selectFrom('graph_task_lists').select('list_id').where('agent_id', '=', agentId).executeTakeFirst();
  if (list) {
    const start = `/me/todo/lists/${encodeURIComponent(list.list_id)}/tasks/delta`;
    add(total, await follow(db, client, baseUrl, agentId, `tasks:${list.list_id}`, start, (item) => reconcileTask(db, agentId, item)));
  }
  const day = 86_400_000;
  const from = new Date(now.getTime() - CALENDAR_WINDOW_DAYS.past * day).toISOString();
  const to = new Date(now.getTime() + CALENDAR_WINDOW_DAYS.future * day).toISOString();
  const start = `/me/calendarView/delta?startDateTime=${encodeURIComponent(from)}&endDateTime=${encodeURIComponent(to)}`;
  add(total, await follow(db, client, baseUrl, agentId, 'calendarView', start, (item) => reconcileEvent(db, agentId, item)));
  return total;
}

function add(total: DeltaResult, part: DeltaResult): void {
  total.items += part.items;
  total.changed += part.changed;
}

async function follow(
  db: Kysely<Database>,
  client: Client,
  baseUrl: string,
  agentId: string,
  resource: string,
  initial: string,
  reconcile: (item: RemoteItem) => Promise<boolean>,
): Promise<DeltaResult> {
  const stored = await db
    .selectFrom('graph_delta_links')
    .select('delta_link')
    .where('agent_id', '=', agentId)
    .where('resource', '=', resource)
    .executeTakeFirst();
  let link = stored ? relativeLink(stored.delta_link, baseUrl) : initial;
  const result: DeltaResult = { items: 0, changed: 0 };
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await sendOne(client, { id: resource, method: 'GET', url: link, headers: PREFER_UTC });
    if (answer.status === 410 && stored) {
      // The delta token expired: start over from a full sync (reconciling is idempotent).
      await db.deleteFrom('graph_delta_links').where('agent_id', '=', agentId).where('resource', '=', resource).execute();
      return follow(db, client, baseUrl, agentId, resource, initial, reconcile);
    }
    if (answer.status !== 200) throw new GraphCallError(answer.status, answer.retryAfter, `Delta ${resource}: ${answer.error}`);
    const body = answer.body as { value?: RemoteItem[]; '@odata.nextLink'?: string; '@odata.deltaLink'?: string };
    for (const item of body.value ?? []) {
      result.items++;
      if (await reconcile(item)) result.changed++;
    }
    const deltaLink = body['@odata.deltaLink'];
    if (deltaLink) {
      await db
        .insertInto('graph_delta_links')
        .values({ agent_id: agentId, resource, delta_link: deltaLink })
        .onConflict((oc) => oc.columns(['agent_id', 'resource']).doUpdateSet({ delta_link: deltaLink, updated_at: new Date() }))
        .execute();
      return result;
    }
    if (!body['@odata.nextLink']) return result;
    link = relativeLink(body['@odata.nextLink'], baseUrl);
  }
  return result;
}
