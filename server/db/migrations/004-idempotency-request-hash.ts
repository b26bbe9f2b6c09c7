// Idempotency keys remember a fingerprint of the request they answered, so a key reused with a
// different body is refused (422) instead of silently replaying another request's answer.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE idempotency_keys ADD COLUMN request_hash text`.execute(db);
}
