// The agent's "Collections" To Do list: remembered per agent, found by name, or created once.
import type { Client } from '@microsoft/microsoft-graph-client';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { TASK_LIST_NAME } from './payloads';
import { sendOne } from './transport';

export class GraphCallError extends Error {
  constructor(
    readonly status: number,
    readonly retryAfter: string | null,
    message: string,
  ) {
    super(message);
    this.name = 'GraphCallError';
  }
}

export async function collectionsListId(db: Kysely<Database>, client: Client, agentId: string): Promise<string> {
  const known = await db.selectFrom('graph_task_lists').select('list_id').where('agent_id', '=', agentId).executeTakeFirst();
  if (known) return known.list_id;
  // Workers racing to create the list would each make one: the first takes a lock, the rest wait
  // and then read its result.
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`graph_task_list:${agentId}`}))`.execute(trx);
    const recorded = await trx.selectFrom('graph_task_lists').select('list_id').where('agent_id', '=', agentId).executeTakeFirst();
    if (recorded) return recorded.list_id;
    const listId = await findOrCreateList(client);
    await trx.insertInto('graph_task_lists').values({ agent_id: agentId, list_id: listId }).execute();
    return listId;
  });
}

// Looking the list up by name first makes a retried creation (after a crash) find the first one.
async function findOrCreateList(client: Client): Promise<string> {
  const lists = await sendOne(client, { id: 'lists', method: 'GET', url: '/me/todo/lists' });
  if (lists.status !== 200) throw new GraphCallError(lists.status, lists.retryAfter, `Reading To Do lists: ${lists.error}`);
  const found = ((lists.body as { value?: Array<{ id: string; displayName: string }> }).value ?? []).find(
    (list) => list.displayName === TASK_LIST_NAME,
  );
  if (found) return found.id;
  const created = await sendOne(client, { id: 'list', method: 'POST', url: '/me/todo/lists', body: { displayName: TASK_LIST_NAME } });
  if (created.status !== 201) throw new GraphCallError(created.status, created.retryAfter, `Creating the To Do list: ${created.error}`);
  return (created.body as { id: string }).id;
}

/** A task created by an earlier attempt whose outcome was never recorded, found by its link back. */
export async function findTaskByActivity(client: Client, listId: string, activityId: string): Promise<string | null> {
  const filter = encodeURIComponent(`linkedResources/any(r:r/externalId eq '${activityId}')`);
  const found = await sendOne(client, {
    id: 'lookup',
    method: 'GET',
    url: `/me/todo/lists/${encodeURIComponent(listId)}/tasks?$filter=${filter}&$expand=linkedResources`,
  });
  if (found.status !== 200) throw new GraphCallError(found.status, found.retryAfter, `Looking up the task: ${found.error}`);
  const tasks = (found.body as { value?: Array<{ id: string; linkedResources?: Array<{ externalId?: string }> }> }).value ?? [];
  return tasks.find((t) => (t.linkedResources ?? []).some((r) => r.externalId === activityId))?.id ?? null;
}
