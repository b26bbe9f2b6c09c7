// Acting on open transactions (issue 14): each ledger entry carries a `version` that any change to
// what an agent sees of it (status, settled totals, amounts, dates) bumps, so an action sent for a
// stale picture is refused; the status records who set it; reason codes are a managed list;
// settlements made here can be reversed as of a date; write-offs above a limit wait for approval;
// everything posted is journaled for the ERP's postings feed.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE ledger_entries
      ADD COLUMN version integer NOT NULL DEFAULT 1,
      ADD COLUMN status_set_by text;

    -- A row trigger rather than every writer remembering: imports and the settlements triggers
    -- change entries too. Generated columns are not yet computed in a BEFORE trigger, so the
    -- compared columns are listed.
    CREATE FUNCTION ledger_entries_bump_version() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      IF (NEW.kind, NEW.document, NEW.posting_date, NEW.due_date, NEW.currency, NEW.amount, NEW.amount_accounting,
          NEW.collection_status, NEW.status_date, NEW.promise_date, NEW.promise_amount, NEW.dispute_reason,
          NEW.status_set_by, NEW.settled_amount, NEW.last_settled_on)
        IS DISTINCT FROM
         (OLD.kind, OLD.document, OLD.posting_date, OLD.due_date, OLD.currency, OLD.amount, OLD.amount_accounting,
          OLD.collection_status, OLD.status_date, OLD.promise_date, OLD.promise_amount, OLD.dispute_reason,
          OLD.status_set_by, OLD.settled_amount, OLD.last_settled_on)
      THEN
        NEW.version := OLD.version + 1;
      END IF;
      RETURN NEW;
    END $fn$;
    CREATE TRIGGER ledger_entries_version BEFORE UPDATE ON ledger_entries
      FOR EACH ROW EXECUTE FUNCTION ledger_entries_bump_version();

    CREATE TABLE collection_reason_codes (
      kind text NOT NULL CHECK (kind IN ('dispute', 'write_off')),
      code text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{0,39}$'),
      label text NOT NULL,
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (kind, code)
    );
    INSERT INTO collection_reason_codes (kind, code, label) VALUES
      ('dispute', 'price', 'Price'),
      ('dispute', 'quantity', 'Quantity'),
      ('dispute', 'damaged', 'Damaged goods'),
      ('dispute', 'not_received', 'Not received'),
      ('dispute', 'duplicate_billing', 'Duplicate billing'),
      ('dispute', 'already_paid', 'Already paid'),
      ('dispute', 'other', 'Other'),
      ('write_off', 'small_balance', 'Small balance'),
      ('write_off', 'bad_debt', 'Bad debt'),
      ('write_off', 'goodwill', 'Goodwill'),
      ('write_off', 'other', 'Other');

    -- Settlements made here are reversible. A reversal dated after the settlement is a negative
    -- settlement of the same pair on that date (every reader sums settlements dated by its as-of
    -- date, so earlier pictures are unchanged); one dated the same day removes the settlement.
    ALTER TABLE settlements DROP CONSTRAINT settlements_amount_check;
    ALTER TABLE settlements
      ADD CONSTRAINT settlements_amount_check CHECK (amount <> 0),
      ADD COLUMN created_by text,
      ADD COLUMN reversal_of uuid REFERENCES settlements(id) ON DELETE SET NULL,
      ADD COLUMN reversed_on date;

    -- A write-off above the requester's limit waits here for a manager; nothing is posted until then.
    CREATE TABLE write_off_requests (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      customer_id uuid NOT NULL REFERENCES customers(id),
      requested_by text NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'posted', 'rejected')),
      reason_code text NOT NULL,
      note text,
      items jsonb NOT NULL,
      total_accounting bigint NOT NULL,
      decided_by text,
      decided_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX write_off_requests_pending_idx ON write_off_requests (customer_id) WHERE status = 'pending';

    -- What this product posted, in order, for the ERP to collect from a cursor.
    CREATE TABLE action_postings (
      seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      posted_at timestamptz NOT NULL DEFAULT now(),
      kind text NOT NULL CHECK (kind IN ('entry', 'settlement', 'settlement_reversal')),
      external_id text NOT NULL UNIQUE,
      customer_id uuid NOT NULL REFERENCES customers(id),
      body jsonb NOT NULL
    );
  `.execute(db);
}
