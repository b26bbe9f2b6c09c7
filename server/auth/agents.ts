// Maps a signed-in identity to an agents row: found by Entra object id, else an imported agent
// with the same email is linked, else a new agent is created from the token's name and email.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { VerifiedToken } from './verify';

export interface Agent {
  id: string;
  email: string;
  name: string | null;
  role: 'agent' | 'manager' | 'admin';
}

export const DEMO_AGENT = { oid: 'development-demo-agent', email: 'demo.agent@example.com', name: 'Demo Agent' };

export async function agentForIdentity(
  db: Kysely<Database>,
  identity: Pick<VerifiedToken, 'oid' | 'name' | 'email'>,
): Promise<Agent> {
  const columns = ['id', 'email', 'name', 'role'] as const;
  const known = await db.selectFrom('agents').select(columns).where('entra_oid', '=', identity.oid).executeTakeFirst();
  if (known) return known;
  const email = (identity.email ?? `${identity.oid}@users.invalid`).toLowerCase();
  return db.transaction().execute(async (trx) => {
    const linked = await trx
      .updateTable('agents')
      .set({ entra_oid: identity.oid, name: identity.name })
      .where('email', '=', email)
      .where('entra_oid', 'is', null)
      .returning(columns)
      .executeTakeFirst();
    if (linked) return linked;
    // Two first requests of one agent may race: the loser reads the winner's row.
    await trx
      .insertInto('agents')
      .values({ entra_oid: identity.oid, email, name: identity.name })
      .onConflict((oc) => oc.doNothing())
      .execute();
    return trx.selectFrom('agents').select(columns).where('entra_oid', '=', identity.oid).executeTakeFirstOrThrow();
  });
}
