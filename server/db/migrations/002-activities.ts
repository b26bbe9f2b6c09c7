// Activities (calls, tasks, appointments…) and what syncs them to Microsoft Graph: the outbox of
// pending writes, replayable POST results (Idempotency-Key), delta links and each agent's To Do list.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE activities (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      customer_id uuid NOT NULL REFERENCES customers(id),
      type text NOT NULL CHECK (type IN ('call', 'task', 'appointment', 'event', 'note', 'email')),
      purpose text NOT NULL,
      outcome text CHECK (outcome IN ('reached', 'left_message', 'no_answer', 'promise_to_pay',
                                      'dispute', 'wrong_contact')),
      notes text,
      contact text,
      duration_minutes integer CHECK (duration_minutes >= 0),
      start_at timestamptz,
      end_at timestamptz,
      due_at timestamptz,
      follow_up_at timestamptz,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'completed', 'cancelled')),
      owner_agent_id uuid NOT NULL REFERENCES agents(id),
      ledger_entry_ids uuid[] NOT NULL DEFAULT '{}',
      graph_event_id text,
      graph_task_id text,
      sync_state text NOT NULL DEFAULT 'not_configured'
        CHECK (sync_state IN ('not_configured', 'pending', 'synced', 'failed')),
      sync_error text,
      history jsonb NOT NULL DEFAULT '[]',
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (end_at IS NULL OR start_at IS NULL OR end_at >= start_at)
    );
    CREATE INDEX activities_customer_idx ON activities (customer_id, created_at);
    CREATE INDEX activities_event_idx ON activities (graph_event_id) WHERE graph_event_id IS NOT NULL;
    CREATE INDEX activities_task_idx ON activities (graph_task_id) WHERE graph_task_id IS NOT NULL;

    CREATE TABLE outbox (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      activity_id uuid REFERENCES activities(id),
      agent_id uuid NOT NULL REFERENCES agents(id),
      kind text NOT NULL CHECK (kind IN ('event', 'task', 'mail')),
      idempotency_key text NOT NULL UNIQUE,
      payload jsonb NOT NULL DEFAULT '{}',
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      locked_until timestamptz,
      locked_by text,
      last_error text,
      result text CHECK (result IN ('sent', 'failed')),
      done_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX outbox_due_idx ON outbox (next_attempt_at, id) WHERE done_at IS NULL;
    CREATE INDEX outbox_activity_idx ON outbox (activity_id, id) WHERE done_at IS NULL;

    CREATE TABLE idempotency_keys (
      key text NOT NULL,
      agent_id uuid NOT NULL REFERENCES agents(id),
      route text NOT NULL,
      status_code integer NOT NULL,
      response jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (agent_id, route, key)
    );

    CREATE TABLE graph_delta_links (
      agent_id uuid NOT NULL REFERENCES agents(id),
      resource text NOT NULL,
      delta_link text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (agent_id, resource)
    );

    CREATE TABLE graph_task_lists (
      agent_id uuid PRIMARY KEY REFERENCES agents(id),
      list_id text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
  `.execute(db);
}
