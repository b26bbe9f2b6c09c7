// Idempotency-Key: the first response to a POST is stored with its key (per agent and route) and a
// fingerprint of its body, in the same transaction as the change, so a repeated request gets that
// response and changes nothing, and the key reused for a different request is refused (422).
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { unprocessable } from '../../domain/errors';
import type { Database } from '../schema';

export interface StoredResponse {
  statusCode: number;
  body: unknown;
}

export interface IdempotencyScope {
  key: string;
  agentId: string;
  route: string;
  /** requestFingerprint(body) of the request being answered. */
  requestHash: string;
}

/** SHA-256 of the body with object keys sorted, so key order does not make a different request. */
export function requestFingerprint(body: unknown): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value !== null && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, canonical(v)]))
        : value;
  return createHash('sha256').update(JSON.stringify(canonical(body ?? null))).digest('hex');
}

/** The response stored for this key, or null; a 422 when the key answered a different request. */
export async function storedResponse(db: Kysely<Database>, scope: IdempotencyScope): Promise<StoredResponse | null> {
  const row = await db
    .selectFrom('idempotency_keys')
    .select(['status_code', 'response', 'request_hash'])
    .where('key', '=', scope.key)
    .where('agent_id', '=', scope.agentId)
    .where('route', '=', scope.route)
    .executeTakeFirst();
  if (!row) return null;
  if (row.request_hash !== null && row.request_hash !== scope.requestHash) {
    throw unprocessable(
      'idempotency_key_reused',
      `Header 'Idempotency-Key' '${scope.key}' was already used for a different request: use a new key for a new request.`,
      { field: 'idempotency-key' },
    );
  }
  return { statusCode: row.status_code, body: row.response };
}

/** Inserts the key; false when a concurrent request with the same key got there first. */
async function storeResponse(trx: Transaction<Database>, scope: IdempotencyScope, response: StoredResponse): Promise<boolean> {
  const inserted = await trx
    .insertInto('idempotency_keys')
    .values({
      key: scope.key,
      agent_id: scope.agentId,
      route: scope.route,
      status_code: response.statusCode,
      response: JSON.stringify(response.body),
      request_hash: scope.requestHash,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('key')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** A transaction that lost the race for its Idempotency-Key. */
class KeyTaken extends Error {}

/**
 * Runs `change` in a transaction that also stores its response under the key (none: no key was
 * sent). When a concurrent request with the same key committed first, this one's change is rolled
 * back and the winner's stored response is the answer, marked `replayed`.
 */
export async function answerOnce<T>(
  db: Kysely<Database>,
  scope: IdempotencyScope | null,
  change: (trx: Transaction<Database>) => Promise<StoredResponse & { body: T }>,
): Promise<(StoredResponse & { body: T; replayed: false }) | (StoredResponse & { replayed: true })> {
  try {
    const response = await db.transaction().execute(async (trx) => {
      const answer = await change(trx);
      if (scope && !(await storeResponse(trx, scope, answer))) throw new KeyTaken();
      return answer;
    });
    return { ...response, replayed: false };
  } catch (error) {
    if (!(error instanceof KeyTaken) || !scope) throw error;
    return { ...(await storedResponse(db, scope))!, replayed: true };
  }
}
