// Each agent's MSAL token cache (refresh token included), encrypted with GRAPH_TOKEN_CACHE_KEY, so
// that any worker process can get a Graph token for the agent without the agent's own API token.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE graph_token_cache (
      agent_id uuid PRIMARY KEY REFERENCES agents(id),
      home_account_id text NOT NULL,
      tenant_id text NOT NULL,
      sealed bytea NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )
  `.execute(db);
}
