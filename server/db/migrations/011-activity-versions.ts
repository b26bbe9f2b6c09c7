// Each activity carries a version, raised by every change: an edit names the version it read
// (If-Match), so two agents editing one activity never overwrite each other's change unseen.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE activities ADD COLUMN version integer NOT NULL DEFAULT 1`.execute(db);
}
