// Maps a signed-in identity to an agents row: found by Entra object id, else (home tenant only) an
// imported agent with the same email is linked, else a new agent is created from the token's name
// and email. In development auth mode, the one demo agent.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { AgentRole } from '../domain/types';
import type { VerifiedToken } from './verify';

export interface Agent {
  id: string;
  email: string;
  name: string | null;
  role: AgentRole;
}

export const DEMO_AGENT = { oid: 'development-demo-agent', email: 'demo.agent@example.com', name: 'Demo Agent' };

/**
 * `linkByEmail` must be false for a guest tenant's token: the email claim is not verified, so a user
 * of another tenant could otherwise take over an imported agent (an admin, say) by naming its address.
 */
export async function agentForIdentity(
  db: Kysely<Database>,
  identity: Pick<VerifiedToken, 'oid' | 'name' | 'email'>,
  linkByEmail = true,
): Promise<Agent> {
  const columns = ['id', 'email', 'name', 'role'] as const;
  const known = await db.selectFrom('agents').select(columns).where('entra_oid', '=', identity.oid).executeTakeFirst();
  if (known) return known;
  const email = (identity.email ?? `${identity.oid}@users.invalid`).toLowerCase();
  return db.transaction().execute(async (trx) => {
    const linked = linkByEmail
      ? await trx
          .updateTable('agents')
          .set({ entra_oid: identity.oid, name: identity.name })
          .where('email', '=', email)
          .where('entra_oid', 'is', null)
          .returning(columns)
          .executeTakeFirst()
      : undefined;
    if (linked) return linked;
    // An address already held by another identity gets a distinct one rather than the other's row.
    const taken = await trx.selectFrom('agents').select('id').where('email', '=', email).executeTakeFirst();
    const address = taken ? `${identity.oid}@users.invalid` : email;
    // Two first requests of one agent may race: the loser reads the winner's row.
    await trx
      .insertInto('agents')
      .values({ entra_oid: identity.oid, email: address, name: identity.name })
      .onConflict((oc) => oc.doNothing())
      .execute();
    return trx.selectFrom('agents').select(columns).where('entra_oid', '=', identity.oid).executeTakeFirstOrThrow();
  });
}

/**
 * The demo agent of development auth mode. It is created holding every role, so a developer can try
 * manager actions (letter runs, import) on the preview; a role set on it since is kept.
 */
export async function ensureDemoAgent(db: Kysely<Database>): Promise<Agent> {
  await db
    .insertInto('agents')
    .values({ entra_oid: DEMO_AGENT.oid, email: DEMO_AGENT.email, name: DEMO_AGENT.name, role: 'admin' })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return agentForIdentity(db, DEMO_AGENT);
}
