// Interest on overdue items (issue 14, point 7): interest codes as data (a rate in basis points per
// month or per year, grace days, a minimum), each customer's code (null: the default code), and the
// posted interest notes: stored documents like collection letters (lines, totals, the HTML and PDF
// exactly as posted) each charged as one `interest` ledger entry and journaled for the ERP.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE interest_codes (
      code text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_-]{0,19}$'),
      description text NOT NULL CHECK (length(description) BETWEEN 1 AND 200),
      -- basis points (1/100 of a per cent) per period: 150 per month is 1.5 % a month
      rate_bp integer NOT NULL CHECK (rate_bp BETWEEN 0 AND 100000),
      period text NOT NULL CHECK (period IN ('month', 'year')),
      grace_days integer NOT NULL DEFAULT 0 CHECK (grace_days BETWEEN 0 AND 3650),
      -- a note whose interest is below this (minor units of currency) is not posted
      min_amount bigint NOT NULL DEFAULT 0 CHECK (min_amount >= 0),
      currency char(3) NOT NULL,
      active boolean NOT NULL DEFAULT true,
      is_default boolean NOT NULL DEFAULT false,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX interest_codes_one_default ON interest_codes (is_default) WHERE is_default;

    -- Null: the default code (if any); a customer whose code is inactive is charged nothing.
    ALTER TABLE customers ADD COLUMN interest_code text REFERENCES interest_codes(code);

    CREATE SEQUENCE interest_note_number_seq;

    CREATE TABLE interest_notes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number text NOT NULL UNIQUE,
      customer_id uuid NOT NULL REFERENCES customers(id),
      as_of date NOT NULL,
      currency char(3) NOT NULL,
      interest_code text NOT NULL REFERENCES interest_codes(code),
      rate_bp integer NOT NULL,
      period text NOT NULL,
      total bigint NOT NULL CHECK (total > 0),
      total_accounting bigint NOT NULL,
      entry_id uuid NOT NULL UNIQUE REFERENCES ledger_entries(id),
      language text NOT NULL,
      subject text NOT NULL,
      html text NOT NULL,
      pdf bytea NOT NULL,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX interest_notes_customer_idx ON interest_notes (customer_id, as_of);

    -- Each line charges one transaction for the days from_date..to_date (inclusive); the next
    -- note starts the day after the latest to_date, so no day is charged twice.
    CREATE TABLE interest_note_lines (
      note_id uuid NOT NULL REFERENCES interest_notes(id) ON DELETE CASCADE,
      entry_id uuid NOT NULL REFERENCES ledger_entries(id),
      document text NOT NULL,
      due_date date NOT NULL,
      from_date date NOT NULL,
      to_date date NOT NULL CHECK (to_date >= from_date),
      days integer NOT NULL CHECK (days > 0),
      base bigint NOT NULL CHECK (base > 0),
      interest bigint NOT NULL CHECK (interest > 0),
      interest_accounting bigint NOT NULL,
      PRIMARY KEY (note_id, entry_id)
    );
    CREATE INDEX interest_note_lines_entry_idx ON interest_note_lines (entry_id, to_date);

    -- The postings feed carries each note too (its entry, lines and number) for the ERP.
    ALTER TABLE action_postings DROP CONSTRAINT action_postings_kind_check;
    ALTER TABLE action_postings ADD CONSTRAINT action_postings_kind_check
      CHECK (kind IN ('entry', 'settlement', 'settlement_reversal', 'interest_note'));
  `.execute(db);
}
