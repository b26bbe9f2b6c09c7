// Leases on background work (a letter batch, the Graph delta poll, a scheduled job): one row per piece
// of work names the process holding it until expires_at, so several server processes on one
// database run each piece once, and another takes it over when its holder dies.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE leases (
      name text PRIMARY KEY,
      holder text NOT NULL,
      expires_at timestamptz NOT NULL,
      acquired_at timestamptz NOT NULL DEFAULT now()
    )
  `.execute(db);
}
