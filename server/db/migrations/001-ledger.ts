// The receivables ledger: customers, contacts, ledger entries, settlements, agents, audit events.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE agents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      entra_oid text UNIQUE,
      email text NOT NULL UNIQUE,
      name text,
      role text NOT NULL DEFAULT 'agent' CHECK (role IN ('agent', 'manager', 'admin')),
      default_pool text,
      write_off_limit bigint,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE customers (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      account text NOT NULL UNIQUE,
      name text NOT NULL,
      customer_group text,
      sales_area text,
      payment_terms text,
      currency char(3) NOT NULL,
      credit_limit bigint,
      credit_rating text,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'on_hold', 'blocked')),
      customer_since date,
      domains text[] NOT NULL DEFAULT '{}',
      default_agent_id uuid REFERENCES agents(id),
      letters_excluded boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX customers_domains_idx ON customers USING gin (domains);
    CREATE INDEX customers_name_idx ON customers (lower(name) text_pattern_ops);

    CREATE TABLE contacts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      customer_id uuid NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
      name text,
      email text NOT NULL CHECK (email = lower(email)),
      phone text,
      role text,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (customer_id, email)
    );
    CREATE INDEX contacts_email_idx ON contacts (email);

    CREATE TABLE ledger_entries (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      customer_id uuid NOT NULL REFERENCES customers(id),
      external_id text UNIQUE,
      kind text NOT NULL CHECK (kind IN ('invoice', 'payment', 'credit_note', 'fee', 'interest',
                                          'write_off', 'nsf_reversal', 'adjustment')),
      document text NOT NULL,
      posting_date date NOT NULL,
      due_date date,
      currency char(3) NOT NULL,
      amount bigint NOT NULL,
      amount_accounting bigint NOT NULL,
      collection_status text NOT NULL DEFAULT 'none'
        CHECK (collection_status IN ('none', 'promise_to_pay', 'promise_broken', 'disputed', 'resolved')),
      status_date date,
      promise_date date,
      promise_amount bigint,
      dispute_reason text,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX ledger_customer_posting_idx ON ledger_entries (customer_id, posting_date);
    CREATE INDEX ledger_customer_document_idx ON ledger_entries (customer_id, document);

    CREATE TABLE settlements (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      debit_id uuid NOT NULL REFERENCES ledger_entries(id),
      credit_id uuid NOT NULL REFERENCES ledger_entries(id),
      amount bigint NOT NULL CHECK (amount > 0),
      settled_on date NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (debit_id, credit_id, settled_on)
    );
    CREATE INDEX settlements_debit_idx ON settlements (debit_id);
    CREATE INDEX settlements_credit_idx ON settlements (credit_id);

    CREATE TABLE audit_events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      occurred_at timestamptz NOT NULL DEFAULT now(),
      actor text NOT NULL,
      action text NOT NULL,
      entity text NOT NULL,
      entity_id text,
      before jsonb,
      after jsonb
    );
    CREATE INDEX audit_entity_idx ON audit_events (entity, entity_id);
  `.execute(db);
}
