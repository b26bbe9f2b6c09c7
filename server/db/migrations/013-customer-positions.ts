// Per-customer positions (issue 15, point 5): balance, overdue, urgency, collection counts, holds and
// activity dates of every customer for one date, kept true in the transaction of every write by
// statement-level triggers on ledger_entries (settlements reach them through migration 007's
// settled totals), collection_holds, activities and customers, so a worklist of every customer sorts
// without reading the ledger. The rules are the domain's (docs/domain-rules.md, "Customer positions").
//
// A row is computed for a date (computed_for) and says when the passing of time alone first changes
// it (next_change_on): a debit falling overdue, an entry or settlement dated later taking effect, a
// status or promise date coming, a hold expiring, a follow-up falling due. ensurePositionsCurrent
// (repositories/positions.ts) recomputes the rows not valid for today and records today in
// customer_positions_clock, the date the triggers compute for.
import { sql, type Kysely } from 'kysely';

/**
 * The positions of the customers `ids` ($2, a uuid[]; or every customer) as of $1, in the column
 * order of customer_positions. Same rules as aging.ts's agingOfAllCustomers for what is open on a
 * date, and as statuses.ts for a collection status on a date.
 */
function positionsQuery(ids: 'some' | 'all'): string {
  const idsCte = ids === 'all' ? 'SELECT id FROM customers' : 'SELECT c.id FROM customers c WHERE c.id = ANY ($2)';
  // An activity is known on $1 once logged by the end of that (UTC) day, as the timeline dates it.
  const known = `a.created_at < ($1 + 1)::timestamp AT TIME ZONE 'UTC'`;
  return `
    WITH ids AS (${idsCte}),
    candidates AS (
      SELECT e.id, e.customer_id, e.due_date, e.amount, e.amount_accounting, e.settled_amount, e.last_settled_on,
        e.collection_status, e.status_date, e.promise_date, e.promise_amount
      FROM ledger_entries e JOIN ids ON ids.id = e.customer_id
      WHERE e.closed_on IS NULL AND e.posting_date <= $1
      UNION ALL
      SELECT e.id, e.customer_id, e.due_date, e.amount, e.amount_accounting, e.settled_amount, e.last_settled_on,
        e.collection_status, e.status_date, e.promise_date, e.promise_amount
      FROM ledger_entries e JOIN ids ON ids.id = e.customer_id
      WHERE e.closed_on > $1 AND e.posting_date <= $1
    ),
    opened AS MATERIALIZED (
      SELECT c.*,
        (c.amount - (CASE WHEN c.amount > 0 THEN 1 ELSE -1 END) * CASE
          WHEN c.last_settled_on IS NULL OR c.last_settled_on <= $1 THEN c.settled_amount
          WHEN c.amount > 0 THEN (SELECT coalesce(sum(s.amount), 0) FROM settlements s
                                  WHERE s.debit_id = c.id AND s.settled_on <= $1)
          ELSE (SELECT coalesce(sum(s.amount), 0) FROM settlements s WHERE s.credit_id = c.id AND s.settled_on <= $1)
        END)::bigint AS open,
        CASE WHEN c.last_settled_on > $1 THEN CASE WHEN c.amount > 0
          THEN (SELECT min(s.settled_on) FROM settlements s WHERE s.debit_id = c.id AND s.settled_on > $1)
          ELSE (SELECT min(s.settled_on) FROM settlements s WHERE s.credit_id = c.id AND s.settled_on > $1) END
        END AS settles_on
      FROM candidates c
    ),
    items AS MATERIALIZED (
      SELECT o.customer_id, o.due_date, o.open,
        CASE WHEN o.open = 0 THEN 0 WHEN o.open = o.amount THEN o.amount_accounting
          ELSE round(o.amount_accounting::numeric * o.open / o.amount)::bigint END AS open_acc,
        o.open <> 0 AND o.amount > 0 AND o.due_date < $1 AS overdue,
        CASE
          WHEN o.status_date > $1 THEN 'none'
          WHEN o.collection_status = 'promise_broken' AND o.promise_date >= $1 THEN 'promise_to_pay'
          WHEN o.collection_status <> 'promise_to_pay' OR o.amount <= 0 THEN o.collection_status
          WHEN o.promise_date IS NULL OR o.promise_date >= $1 THEN 'promise_to_pay'
          WHEN o.amount <= (SELECT coalesce(sum(s.amount), 0) FROM settlements s
                            WHERE s.debit_id = o.id AND s.settled_on <= o.promise_date)
            OR o.promise_amount <= (SELECT coalesce(sum(s.amount), 0) FROM settlements s
                                    WHERE s.debit_id = o.id AND s.settled_on <= o.promise_date
                                      AND (o.status_date IS NULL OR s.settled_on >= o.status_date))
            THEN 'promise_to_pay'
          ELSE 'promise_broken'
        END AS status,
        least(
          CASE WHEN o.amount > 0 AND o.due_date >= $1 THEN o.due_date + 1 END,
          CASE WHEN o.status_date > $1 THEN o.status_date END,
          CASE WHEN o.collection_status IN ('promise_to_pay', 'promise_broken') AND o.promise_date >= $1
            THEN o.promise_date + 1 END,
          o.settles_on
        ) AS changes_on,
        o.id
      FROM opened o
    ),
    -- One row per open item, hold, activity and customer, summed up per customer in one pass.
    parts AS (
      SELECT i.customer_id, i.open_acc AS balance,
        CASE WHEN i.overdue THEN i.open_acc END AS overdue,
        CASE WHEN i.overdue THEN i.due_date END AS overdue_due,
        CASE WHEN i.urgent THEN i.open_acc END AS urgent,
        CASE WHEN i.urgent THEN i.open_acc::numeric * (i.due_date - DATE '2000-01-01') END AS urgent_due_sum,
        (i.open <> 0 AND i.status = 'promise_to_pay')::int AS promised,
        (i.open <> 0 AND i.status = 'promise_broken')::int AS broken,
        (i.open <> 0 AND i.status = 'disputed')::int AS disputed,
        NULL::boolean AS customer_hold, NULL::timestamptz AS activity_at, NULL::date AS follow_up_on,
        i.changes_on
      FROM (
        SELECT items.*, items.overdue AND NOT EXISTS (
          SELECT 1 FROM collection_holds h WHERE h.transaction_id = items.id AND h.lifted_at IS NULL
            AND (h.held_until IS NULL OR h.held_until >= $1)) AS urgent
        FROM items
      ) i
      UNION ALL
      SELECT h.customer_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
        h.transaction_id IS NULL, NULL, NULL, h.held_until + 1
      FROM collection_holds h JOIN ids ON ids.id = h.customer_id
      WHERE h.lifted_at IS NULL AND (h.held_until IS NULL OR h.held_until >= $1)
      UNION ALL
      SELECT a.customer_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
        CASE WHEN a.status <> 'cancelled' AND ${known} THEN least(a.start_at, a.created_at) END,
        CASE WHEN a.status = 'open' AND ${known} THEN (coalesce(a.follow_up_at, a.due_at) AT TIME ZONE 'UTC')::date END,
        CASE WHEN NOT (${known}) THEN (a.created_at AT TIME ZONE 'UTC')::date END
      FROM activities a JOIN ids ON ids.id = a.customer_id
      UNION ALL
      -- Every customer, with the day its next entry is posted.
      SELECT ids.id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
        (SELECT min(p.posting_date) FROM ledger_entries p WHERE p.customer_id = ids.id AND p.posting_date > $1)
      FROM ids
    )
    SELECT customer_id, $1::date,
      least(min(changes_on), CASE WHEN min(follow_up_on) > $1 THEN min(follow_up_on) END),
      coalesce(sum(balance), 0)::bigint,
      coalesce(sum(overdue), 0)::bigint,
      min(overdue_due),
      CASE WHEN bool_or(customer_hold) THEN 0 ELSE coalesce(sum(urgent), 0) END::bigint,
      CASE WHEN bool_or(customer_hold) THEN 0 ELSE coalesce(sum(urgent_due_sum), 0) END::numeric,
      coalesce(sum(promised), 0)::int,
      coalesce(sum(broken), 0)::int,
      coalesce(sum(disputed), 0)::int,
      coalesce(bool_or(customer_hold), false),
      max(activity_at),
      min(follow_up_on)
    FROM parts GROUP BY customer_id`;
}

function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** Up to this many customers, the statement runs with a plan kept for the session. */
const FEW_CUSTOMERS = 50;

const COLUMNS = [
  'computed_for', 'next_change_on', 'balance', 'overdue', 'oldest_overdue_due', 'urgent_overdue', 'urgent_due_sum',
  'promised_count', 'broken_count', 'disputed_count', 'on_hold', 'last_activity_at', 'next_follow_up_on',
];

/**
 * Trigger function recomputing the customers named by `ids` (a query over the transition tables)
 * for the clock's date.
 */
function refreshTrigger(name: string, ids: string): string {
  return `
    CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
    DECLARE affected uuid[] := ARRAY(${ids});
    BEGIN
      IF cardinality(affected) > 0 THEN
        PERFORM customer_positions_refresh(affected, customer_positions_today());
      END IF;
      RETURN NULL;
    END $fn$;`;
}

/** Customers of the rows an UPDATE changed in one of `columns` (before and after the change). */
function changedIds(columns: string[]): string {
  const list = (alias: string) => columns.map((c) => `${alias}.${c}`).join(', ');
  const differs = `(${list('o')}) IS DISTINCT FROM (${list('n')})`;
  return `SELECT n.customer_id FROM changed n JOIN gone o ON o.id = n.id WHERE ${differs}
          UNION SELECT o.customer_id FROM changed n JOIN gone o ON o.id = n.id WHERE ${differs}`;
}

const LEDGER_COLUMNS = [
  'customer_id', 'posting_date', 'due_date', 'amount', 'amount_accounting', 'settled_amount', 'last_settled_on',
  'collection_status', 'status_date', 'promise_date', 'promise_amount',
];
const HOLD_COLUMNS = ['customer_id', 'transaction_id', 'held_until', 'lifted_at'];
const ACTIVITY_COLUMNS = ['customer_id', 'status', 'start_at', 'due_at', 'follow_up_at', 'created_at'];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE customer_positions (
      customer_id uuid PRIMARY KEY REFERENCES customers(id) ON DELETE CASCADE,
      computed_for date NOT NULL,
      next_change_on date,
      balance bigint NOT NULL DEFAULT 0,
      overdue bigint NOT NULL DEFAULT 0,
      oldest_overdue_due date,
      urgent_overdue bigint NOT NULL DEFAULT 0,
      urgent_due_sum numeric NOT NULL DEFAULT 0,
      promised_count integer NOT NULL DEFAULT 0,
      broken_count integer NOT NULL DEFAULT 0,
      disputed_count integer NOT NULL DEFAULT 0,
      on_hold boolean NOT NULL DEFAULT false,
      last_activity_at timestamptz,
      next_follow_up_on date,
      CHECK (next_change_on > computed_for)
    );
    -- What ensurePositionsCurrent looks for: rows stale for today.
    CREATE INDEX customer_positions_next_change_idx ON customer_positions (next_change_on);
    CREATE INDEX customer_positions_computed_for_idx ON customer_positions (computed_for);

    -- The date the triggers compute for: the latest "today" ensurePositionsCurrent was given.
    CREATE TABLE customer_positions_clock (
      only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
      today date NOT NULL
    );
    INSERT INTO customer_positions_clock (today) VALUES (current_date);
    CREATE FUNCTION customer_positions_today() RETURNS date LANGUAGE sql STABLE AS
      $fn$ SELECT coalesce((SELECT today FROM customer_positions_clock), current_date) $fn$;
  `.execute(db);

  // Dynamic SQL for an import's thousands of customers, so it is planned for its size (hash joins);
  // a plan kept by PL/pgSQL for a write's few customers, since planning this statement takes longer
  // than running it for one customer.
  const cached = positionsQuery('some').replaceAll('$1', 'p_on').replaceAll('$2', 'p_ids');
  await sql
    .raw(`
    CREATE FUNCTION customer_positions_compute(p_ids uuid[], p_on date) RETURNS SETOF customer_positions
    -- Compiling the statement's many never-run settlement probes would take longer than running it.
    LANGUAGE plpgsql STABLE SET jit = off AS $fn$
    BEGIN
      IF p_ids IS NULL THEN
        RETURN QUERY EXECUTE ${quoteLiteral(positionsQuery('all'))} USING p_on;
      ELSIF cardinality(p_ids) > ${FEW_CUSTOMERS} THEN
        RETURN QUERY EXECUTE ${quoteLiteral(positionsQuery('some'))} USING p_on, p_ids;
      ELSE
        RETURN QUERY ${cached};
      END IF;
    END $fn$;

    -- Locks the rows first (every customer's when ids is null): a writer that waited for another's
    -- commit then computes from a snapshot that includes it, so the last writer's row is right.
    CREATE FUNCTION customer_positions_refresh(ids uuid[], on_date date) RETURNS void LANGUAGE plpgsql AS $fn$
    BEGIN
      IF ids IS NULL THEN
        LOCK TABLE customer_positions IN EXCLUSIVE MODE;
      ELSE
        PERFORM 1 FROM customer_positions WHERE customer_id = ANY (ids) ORDER BY customer_id FOR UPDATE;
      END IF;
      INSERT INTO customer_positions AS t
      SELECT * FROM customer_positions_compute(ids, on_date) ORDER BY 1
      ON CONFLICT (customer_id) DO UPDATE SET ${COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}
      WHERE (${COLUMNS.map((c) => `t.${c}`).join(', ')}) IS DISTINCT FROM (${COLUMNS.map((c) => `excluded.${c}`).join(', ')});
    END $fn$;

    ${refreshTrigger('customer_positions_ledger_insert', 'SELECT DISTINCT customer_id FROM changed')}
    ${refreshTrigger('customer_positions_ledger_delete', 'SELECT DISTINCT customer_id FROM gone')}
    ${refreshTrigger('customer_positions_ledger_update', changedIds(LEDGER_COLUMNS))}
    CREATE TRIGGER customer_positions_insert AFTER INSERT ON ledger_entries
      REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION customer_positions_ledger_insert();
    CREATE TRIGGER customer_positions_delete AFTER DELETE ON ledger_entries
      REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION customer_positions_ledger_delete();
    CREATE TRIGGER customer_positions_update AFTER UPDATE ON ledger_entries
      REFERENCING OLD TABLE AS gone NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION customer_positions_ledger_update();

    ${refreshTrigger('customer_positions_holds_insert', 'SELECT DISTINCT customer_id FROM changed')}
    ${refreshTrigger('customer_positions_holds_delete', 'SELECT DISTINCT customer_id FROM gone')}
    ${refreshTrigger('customer_positions_holds_update', changedIds(HOLD_COLUMNS))}
    CREATE TRIGGER customer_positions_insert AFTER INSERT ON collection_holds
      REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION customer_positions_holds_insert();
    CREATE TRIGGER customer_positions_delete AFTER DELETE ON collection_holds
      REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION customer_positions_holds_delete();
    CREATE TRIGGER customer_positions_update AFTER UPDATE ON collection_holds
      REFERENCING OLD TABLE AS gone NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION customer_positions_holds_update();

    ${refreshTrigger('customer_positions_activities_insert', 'SELECT DISTINCT customer_id FROM changed')}
    ${refreshTrigger('customer_positions_activities_delete', 'SELECT DISTINCT customer_id FROM gone')}
    ${refreshTrigger('customer_positions_activities_update', changedIds(ACTIVITY_COLUMNS))}
    CREATE TRIGGER customer_positions_insert AFTER INSERT ON activities
      REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION customer_positions_activities_insert();
    CREATE TRIGGER customer_positions_delete AFTER DELETE ON activities
      REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION customer_positions_activities_delete();
    CREATE TRIGGER customer_positions_update AFTER UPDATE ON activities
      REFERENCING OLD TABLE AS gone NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION customer_positions_activities_update();

    -- A new customer has nothing yet: its row is all zeros, so every customer has one.
    CREATE FUNCTION customer_positions_customers_insert() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      INSERT INTO customer_positions (customer_id, computed_for)
      SELECT id, customer_positions_today() FROM changed ORDER BY id ON CONFLICT (customer_id) DO NOTHING;
      RETURN NULL;
    END $fn$;
    CREATE TRIGGER customer_positions_insert AFTER INSERT ON customers
      REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION customer_positions_customers_insert();
  `)
    .execute(db);

  await sql`SELECT customer_positions_refresh(NULL, customer_positions_today())`.execute(db);
}
