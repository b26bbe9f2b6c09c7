// Collection pools: create, read, change (under a version) and delete, each audited; and the
// agents' default pools. The pseudo pool 'all' (every customer) is not stored: it is built in.
import { sql, type Kysely } from 'kysely';
import { conflict, notFound } from '../../domain/errors';
import { ALL_POOL_ID, parseCriteria, type PoolCriteria } from '../../domain/pools/criteria';
import { recordAudit } from './audit';
import { isUuid } from './customers';
import type { Database } from '../schema';

export interface Pool {
  id: string;
  name: string;
  criteria: PoolCriteria;
  /** Name (else email) of the agent who created it; null for 'all' or a deleted agent. */
  createdBy: string | null;
  updatedAt: Date | null;
  version: number;
}

export const ALL_POOL: Pool = { id: ALL_POOL_ID, name: 'All customers', criteria: {}, createdBy: null, updatedAt: null, version: 0 };

export interface PoolDraft {
  name: string;
  criteria: PoolCriteria;
}

export function poolNotFound(id: string): Error {
  return notFound('pool_not_found', `No pool has the id '${id}'.`, { id });
}

function builtIn(): Error {
  return conflict('pool_built_in', "The pool 'all' (every customer) is built in: it cannot be changed or deleted.", { id: ALL_POOL_ID });
}

/** Criteria as stored: JSON numbers for the money bounds (safe integers, checked on the way in). */
export function criteriaText(criteria: PoolCriteria): string {
  return JSON.stringify(criteria, (_key, value: unknown) => (typeof value === 'bigint' ? Number(value) : value));
}

function selectPools(db: Kysely<Database>) {
  return db
    .selectFrom('pools as p')
    .leftJoin('agents as a', 'a.id', 'p.created_by')
    .select(['p.id', 'p.name', 'p.criteria', 'p.updated_at', 'p.version', sql<string | null>`coalesce(a.name, a.email)`.as('creator')]);
}

type PoolRow = { id: string; name: string; criteria: unknown; updated_at: Date; version: number; creator: string | null };

function toPool(row: PoolRow): Pool {
  return { id: row.id, name: row.name, criteria: parseCriteria(row.criteria), createdBy: row.creator, updatedAt: row.updated_at, version: row.version };
}

/** 'all' first, then the stored pools by name. */
export async function listPools(db: Kysely<Database>): Promise<Pool[]> {
  const rows = await selectPools(db).orderBy(sql`lower(p.name)`).orderBy('p.id').execute();
  return [ALL_POOL, ...rows.map(toPool)];
}

/** The pool, 'all' included; null when no pool has the id (a malformed id included). */
export async function findPool(db: Kysely<Database>, id: string): Promise<Pool | null> {
  if (id === ALL_POOL_ID) return ALL_POOL;
  if (!isUuid(id)) return null;
  const row = await selectPools(db).where('p.id', '=', id).executeTakeFirst();
  return row ? toPool(row) : null;
}

export async function requirePool(db: Kysely<Database>, id: string): Promise<Pool> {
  const pool = await findPool(db, id);
  if (!pool) throw poolNotFound(id);
  return pool;
}

function nameTaken(name: string): Error {
  return conflict('pool_name_taken', `Field 'name': a pool is already named '${name}'.`, { field: 'name' });
}

async function assertNameFree(db: Kysely<Database>, name: string, except: string | null): Promise<void> {
  let query = db.selectFrom('pools').select('id').where(sql`lower(name)`, '=', name.toLowerCase());
  if (except !== null) query = query.where('id', '<>', except);
  if (await query.executeTakeFirst()) throw nameTaken(name);
}

/** Two managers naming pools alike at once: the unique index refuses the second, as the check would. */
async function uniqueName<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw nameTaken(name);
    throw error;
  }
}

const audited = (pool: Pool) => ({ name: pool.name, criteria: JSON.parse(criteriaText(pool.criteria)) as unknown, version: pool.version });

export async function createPool(db: Kysely<Database>, draft: PoolDraft, actor: string): Promise<Pool> {
  return uniqueName(draft.name, () => db.transaction().execute(async (trx) => {
    await assertNameFree(trx, draft.name, null);
    const { id } = await trx
      .insertInto('pools')
      .values({ name: draft.name, criteria: criteriaText(draft.criteria), created_by: actor })
      .returning('id')
      .executeTakeFirstOrThrow();
    const pool = await requirePool(trx, id);
    await recordAudit(trx, { actor, action: 'pool.create', entity: 'pool', entityId: id, after: audited(pool) });
    return pool;
  }));
}

/** Changes the name and/or criteria of the pool at `version`; a stale version is a 409. */
export async function updatePool(db: Kysely<Database>, id: string, change: Partial<PoolDraft> & { version: number }, actor: string): Promise<Pool> {
  if (id === ALL_POOL_ID) throw builtIn();
  return uniqueName(change.name ?? '', () => db.transaction().execute(async (trx) => {
    const before = await findPool(trx, id);
    if (!before) throw poolNotFound(id);
    if (before.version !== change.version) {
      throw conflict('stale_version', `Field 'version': the pool '${before.name}' was changed since you loaded it (version ${before.version}); reload it.`, {
        field: 'version',
        current: before.version,
      });
    }
    if (change.name !== undefined) await assertNameFree(trx, change.name, id);
    await trx
      .updateTable('pools')
      .set({
        ...(change.name !== undefined ? { name: change.name } : {}),
        ...(change.criteria !== undefined ? { criteria: criteriaText(change.criteria) } : {}),
        updated_at: sql`now()`,
        version: sql`version + 1`,
      })
      .where('id', '=', id)
      .execute();
    const after = await requirePool(trx, id);
    await recordAudit(trx, { actor, action: 'pool.update', entity: 'pool', entityId: id, before: audited(before), after: audited(after) });
    return after;
  }));
}

/** Deletes the pool; the agents whose default it was fall back to 'all'. */
export async function deletePool(db: Kysely<Database>, id: string, actor: string): Promise<void> {
  if (id === ALL_POOL_ID) throw builtIn();
  await db.transaction().execute(async (trx) => {
    const before = await findPool(trx, id);
    if (!before) throw poolNotFound(id);
    await trx.updateTable('agents').set({ default_pool: null }).where('default_pool', '=', id).execute();
    await trx.deleteFrom('pools').where('id', '=', id).execute();
    await recordAudit(trx, { actor, action: 'pool.delete', entity: 'pool', entityId: id, before: audited(before) });
  });
}

/** The agent's default pool: a stored pool that still exists, else 'all'. */
export async function defaultPoolOf(db: Kysely<Database>, agentId: string): Promise<string> {
  const row = await db
    .selectFrom('agents as a')
    .leftJoin('pools as p', (join) => join.on(sql`p.id::text`, '=', sql.ref('a.default_pool')))
    .select(['a.default_pool', 'p.id'])
    .where('a.id', '=', agentId)
    .executeTakeFirst();
  return row?.id ?? ALL_POOL_ID;
}

/** Sets the agent's own default pool ('all' or a stored pool; another id is a 404). */
export async function setDefaultPool(db: Kysely<Database>, agentId: string, poolId: string): Promise<string> {
  const pool = await findPool(db, poolId);
  if (!pool) throw poolNotFound(poolId);
  await db.updateTable('agents').set({ default_pool: pool.id }).where('id', '=', agentId).execute();
  return pool.id;
}
