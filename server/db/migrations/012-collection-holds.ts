// Collections holds (issue 14, point 6): a whole customer or one of its transactions is held, until
// a date or until lifted, with a reason. What is held gets no letters and no interest, and a
// worklist's urgency ignores it. A hold is never deleted: lifting it records who and when, so the
// collections history keeps it.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE collection_holds (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      customer_id uuid NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
      -- null: the whole customer is held
      transaction_id uuid REFERENCES ledger_entries(id) ON DELETE CASCADE,
      reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
      -- held through this date (inclusive); null: until lifted
      held_until date,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      lifted_by text,
      lifted_at timestamptz,
      CHECK ((lifted_by IS NULL) = (lifted_at IS NULL))
    );
    -- At most one hold in force per customer and per transaction.
    CREATE UNIQUE INDEX collection_holds_customer_active_idx ON collection_holds (customer_id)
      WHERE transaction_id IS NULL AND lifted_at IS NULL;
    CREATE UNIQUE INDEX collection_holds_transaction_active_idx ON collection_holds (transaction_id)
      WHERE transaction_id IS NOT NULL AND lifted_at IS NULL;
    CREATE INDEX collection_holds_customer_idx ON collection_holds (customer_id, created_at);
  `.execute(db);
}
