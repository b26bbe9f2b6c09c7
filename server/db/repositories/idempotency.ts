// Idempotency-Key: the first response to a POST is stored with its key (per agent and route) in the
// same transaction as the change, so a repeated request gets that response and changes nothing.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema';

export interface StoredResponse {
  statusCode: number;
  body: unknown;
}

export interface IdempotencyScope {
  key: string;
  agentId: string;
  route: string;
}

export async function storedResponse(db: Kysely<Database>, scope: IdempotencyScope): Promise<StoredResponse | null> {
  const row = await db
    .selectFrom('idempotency_keys')
    .select(['status_code', 'response'])
    .where('key', '=', scope.key)
    .where('agent_id', '=', scope.agentId)
    .where('route', '=', scope.route)
    .executeTakeFirst();
  return row ? { statusCode: row.status_code, body: row.response } : null;
}

/** Inserts the key; false when a concurrent request with the same key got there first. */
export async function storeResponse(trx: Transaction<Database>, scope: IdempotencyScope, response: StoredResponse): Promise<boolean> {
  const inserted = await trx
    .insertInto('idempotency_keys')
    .values({ key: scope.key, agent_id: scope.agentId, route: scope.route, status_code: response.statusCode, response: JSON.stringify(response.body) })
    .onConflict((oc) => oc.doNothing())
    .returning('key')
    .executeTakeFirst();
  return inserted !== undefined;
}
