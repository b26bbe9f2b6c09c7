// What an activity's promise to pay or dispute said: the promised date and the dispute's reason on
// the activity, and the transactions it named (with the amount promised for each) beside it. The
// transactions' own collection status is their current state, which later actions overwrite; this is
// the record the activity card shows and an edit corrects. Existing activities take what their
// transactions still show.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE activities
      ADD COLUMN promise_date date,
      ADD COLUMN dispute_reason text;

    CREATE TABLE activity_commitment_items (
      activity_id uuid NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
      ledger_entry_id uuid NOT NULL REFERENCES ledger_entries(id) ON DELETE CASCADE,
      -- The order the agent named them in.
      position integer NOT NULL,
      -- Minor units in the transaction's currency; null for a disputed transaction.
      promised_amount bigint CHECK (promised_amount > 0),
      PRIMARY KEY (activity_id, ledger_entry_id)
    );
    CREATE INDEX activity_commitment_items_entry_idx ON activity_commitment_items (ledger_entry_id);

    INSERT INTO activity_commitment_items (activity_id, ledger_entry_id, position, promised_amount)
    SELECT a.id, e.id, row_number() OVER (PARTITION BY a.id ORDER BY e.due_date, e.document),
           CASE WHEN a.outcome = 'promise_to_pay' THEN e.promise_amount END
    FROM activities a
    JOIN ledger_entries e ON e.id = ANY (a.ledger_entry_ids) AND e.customer_id = a.customer_id
    WHERE (a.outcome = 'promise_to_pay' AND e.collection_status IN ('promise_to_pay', 'promise_broken') AND e.promise_amount > 0)
       OR (a.outcome = 'dispute' AND e.collection_status = 'disputed');

    UPDATE activities a SET
      promise_date = CASE WHEN a.outcome = 'promise_to_pay' THEN (
        SELECT min(e.promise_date) FROM activity_commitment_items i JOIN ledger_entries e ON e.id = i.ledger_entry_id WHERE i.activity_id = a.id) END,
      dispute_reason = CASE WHEN a.outcome = 'dispute' THEN (
        SELECT min(e.dispute_reason) FROM activity_commitment_items i JOIN ledger_entries e ON e.id = i.ledger_entry_id WHERE i.activity_id = a.id) END
    WHERE a.outcome IN ('promise_to_pay', 'dispute');
  `.execute(db);
}
