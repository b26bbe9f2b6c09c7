// Collection pools (issue 15): criteria stored as data, managed by managers, each agent's default in
// agents.default_pool (a pool id or 'all'). A worklist's order is kept for its cursor in
// worklist_snapshots, so that paging walks the list as it stood at its first page while the list
// is being worked; snapshots expire and are swept as new ones are taken. Indexes on the customer
// columns pools select by most.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE pools (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      criteria jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(criteria) = 'object'),
      created_by uuid REFERENCES agents(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1
    );
    CREATE UNIQUE INDEX pools_name_idx ON pools (lower(name));

    -- Disposable (a crash loses only open cursors, which then ask for the first page again): unlogged.
    CREATE UNLOGGED TABLE worklist_snapshots (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agent_id uuid NOT NULL,
      -- The pool, date and filters the order answers; a cursor used with others is refused.
      query_key text NOT NULL,
      customer_ids uuid[] NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL
    );
    -- Random uuids do not compress: stored out of line without trying.
    ALTER TABLE worklist_snapshots ALTER COLUMN customer_ids SET STORAGE EXTERNAL;
    CREATE INDEX worklist_snapshots_expires_idx ON worklist_snapshots (expires_at);
    CREATE INDEX worklist_snapshots_agent_idx ON worklist_snapshots (agent_id, created_at);

    CREATE INDEX customers_sales_area_idx ON customers (sales_area);
    CREATE INDEX customers_group_idx ON customers (customer_group);
    CREATE INDEX customers_default_agent_idx ON customers (default_agent_id);
  `.execute(db);
}
