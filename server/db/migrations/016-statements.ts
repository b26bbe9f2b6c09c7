// Statements of account (issue 20): every statement sent to a customer is stored with the bytes it
// was sent as (HTML and PDF), so a reprint is exactly what the customer got; and a ledger entry may
// carry a link to its document (the invoice copy), https only.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE ledger_entries ADD COLUMN document_url text
      CHECK (document_url IS NULL OR (document_url LIKE 'https://%' AND length(document_url) <= 2000));

    CREATE SEQUENCE statement_number_seq;
    CREATE TABLE statements (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number text NOT NULL UNIQUE,
      customer_id uuid NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('open_items', 'activity')),
      as_of date NOT NULL,
      -- first day of an activity statement's period; null for open items
      from_date date CHECK ((kind = 'activity') = (from_date IS NOT NULL) AND (from_date IS NULL OR from_date <= as_of)),
      language text NOT NULL,
      delivery text NOT NULL CHECK (delivery IN ('reply', 'graph')),
      recipient text,
      subject text NOT NULL,
      -- exactly as sent: a reprint serves these bytes
      html text NOT NULL,
      pdf bytea NOT NULL,
      -- the totals it stated: [{ currency, open }] as decimal strings of minor units
      totals jsonb NOT NULL,
      request_key text UNIQUE,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX statements_customer_idx ON statements (customer_id, as_of);
  `.execute(db);
}
