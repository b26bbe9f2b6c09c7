// Agent lookups the routes need beyond sign-in (server/auth/agents.ts maps identities to agents):
// whether an id a request names is an agent at all, checked before anything refers to it.
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import { isUuid } from './customers';

export async function agentExists(db: Kysely<Database>, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  return (await db.selectFrom('agents').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}
