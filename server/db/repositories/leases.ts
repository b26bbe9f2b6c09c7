// Leases kept in the database: acquire (or take over an expired one), renew, release, and which
// names are held; and the session advisory lock that serialises start-up work across processes.
// Expiry is measured by the database's clock, so processes with skewed clocks agree on it.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema';

/**
 * Takes the lease `name` for `holder` for `ttlMs` when it is free, expired or already this
 * holder's (then it is renewed); true when the holder has it now.
 */
export async function acquireLease(db: Kysely<Database>, name: string, holder: string, ttlMs: number): Promise<boolean> {
  const result = await sql<{ holder: string }>`
    insert into leases (name, holder, expires_at) values (${name}, ${holder}, now() + ${ttlMs} * interval '1 millisecond')
    on conflict (name) do update set holder = excluded.holder, expires_at = excluded.expires_at,
      acquired_at = case when leases.holder = excluded.holder then leases.acquired_at else now() end
    where leases.holder = excluded.holder or leases.expires_at <= now()
    returning holder`.execute(db);
  return result.rows.length === 1;
}

/** Extends the holder's lease; false when it expired and someone else took it (stop working then). */
export async function renewLease(db: Kysely<Database>, name: string, holder: string, ttlMs: number): Promise<boolean> {
  const result = await sql`
    update leases set expires_at = now() + ${ttlMs} * interval '1 millisecond'
    where name = ${name} and holder = ${holder}`.execute(db);
  return Number(result.numAffectedRows ?? 0n) === 1;
}

/** Gives the lease up at once, so another process need not wait for it to expire. */
export async function releaseLease(db: Kysely<Database>, name: string, holder: string): Promise<void> {
  await sql`delete from leases where name = ${name} and holder = ${holder}`.execute(db);
}

/** Runs `work` while holding a session advisory lock: other processes calling it with `key` wait. */
export async function withAdvisoryLock<T>(db: Kysely<Database>, key: bigint, work: () => Promise<T>): Promise<T> {
  // A session lock belongs to one connection: hold one for the lock while `work` uses the pool.
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${key}::int8)`.execute(conn);
    try {
      return await work();
    } finally {
      await sql`select pg_advisory_unlock(${key}::int8)`.execute(conn);
    }
  });
}
