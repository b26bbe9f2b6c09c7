// Customer contracts (issue 13, point 12), imported from the ERP beside the ledger: the pane counts
// those in force on the as-of date. A contract is known by its number within its customer, so a
// re-import updates it in place; an open-ended contract has no end date.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE contracts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      customer_id uuid NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
      number text NOT NULL CHECK (length(number) BETWEEN 1 AND 200),
      description text,
      starts_on date NOT NULL,
      -- null: open-ended; in force through this date (inclusive) otherwise
      ends_on date CHECK (ends_on >= starts_on),
      value bigint NOT NULL CHECK (value >= 0),
      currency char(3) NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (customer_id, number)
    );
  `.execute(db);
}
