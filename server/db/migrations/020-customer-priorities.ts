// The worklist's order kept for today (issue 15, point 5). A worklist's first page takes the order of
// every customer of its pool; computing each one's priority and sorting 50,000 of them took two
// thirds of the first page of a pool of all customers. Now:
//
// - customer_priority() is the priority of docs/domain-rules.md in SQL, the one SQL definition of
//   it (pool-sql.ts calls it for any date; the planner inlines it). Its body is frozen here: a change
//   of server/domain/pools/priority.ts makes the property test that holds the two equal fail until a
//   new migration redefines the function, so no database keeps an old order unnoticed.
// - customer_priorities holds each customer's priority as of customer_positions' clock date, with
//   its account, in an index in worklist order: a pool of all customers is read off the index
//   instead of sorted. A statement trigger on customer_positions keeps it in the transaction of
//   every write (positions are recomputed by the triggers of ledger, settlements, holds, activities
//   and customers); ensurePositionsCurrent brings the rows priced for another date (every row once a
//   day, as the days overdue grow) to today, and customers' account changes are followed.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Below an urgent overdue of 10^12 minor units every step fits a bigint even for dates up to the
    -- year 2999 (Σ open × due day < 10^12 × 365,243, the weighted overdue × 230 % < 2^63): bigint
    -- arithmetic, with floor division spelt out (bigint division truncates toward zero). Numeric
    -- above that; both give the same whole number. Capped at 2^53 - 1 (JSON-safe).
    CREATE FUNCTION customer_priority(
      on_hold boolean, urgent_overdue bigint, urgent_due_sum numeric, broken_count integer, disputed_count integer,
      next_follow_up_on date, last_activity_at timestamptz, on_date date
    ) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
      SELECT CASE
        WHEN on_hold THEN -1::bigint
        WHEN urgent_overdue >= 0 AND urgent_overdue < 1000000000000::bigint THEN least(9007199254740991::bigint,
          -- weighted overdue: the urgent overdue plus Σ open × days overdue / 30 (floor), at least 0
          greatest(0, urgent_overdue
            + ((urgent_overdue * (on_date - date '2000-01-01') - urgent_due_sum::bigint)
               - CASE WHEN urgent_overdue * (on_date - date '2000-01-01') - urgent_due_sum::bigint < 0 THEN 29 ELSE 0 END) / 30)
          -- × (100 % + broken promise 50 + dispute 25 + follow-up due 25 + a third of the days since contact, at most 90; never: 90)
          * (100 + CASE WHEN broken_count > 0 THEN 50 ELSE 0 END + CASE WHEN disputed_count > 0 THEN 25 ELSE 0 END
             + CASE WHEN coalesce(next_follow_up_on <= on_date, false) THEN 25 ELSE 0 END
             + CASE WHEN last_activity_at IS NULL THEN 90 ELSE least(greatest(on_date - (last_activity_at AT TIME ZONE 'UTC')::date, 0), 90) END / 3) / 100
          -- + points: follow-up due 3, broken promise 2, dispute 1
          + CASE WHEN coalesce(next_follow_up_on <= on_date, false) THEN 3 ELSE 0 END
          + CASE WHEN broken_count > 0 THEN 2 ELSE 0 END + CASE WHEN disputed_count > 0 THEN 1 ELSE 0 END)
        ELSE least(9007199254740991::numeric,
          floor(greatest(0, urgent_overdue::numeric + floor((urgent_overdue::numeric * (on_date - date '2000-01-01') - urgent_due_sum) / 30))
          * (100 + CASE WHEN broken_count > 0 THEN 50 ELSE 0 END + CASE WHEN disputed_count > 0 THEN 25 ELSE 0 END
             + CASE WHEN coalesce(next_follow_up_on <= on_date, false) THEN 25 ELSE 0 END
             + CASE WHEN last_activity_at IS NULL THEN 90 ELSE least(greatest(on_date - (last_activity_at AT TIME ZONE 'UTC')::date, 0), 90) END / 3) / 100)
          + CASE WHEN coalesce(next_follow_up_on <= on_date, false) THEN 3 ELSE 0 END
          + CASE WHEN broken_count > 0 THEN 2 ELSE 0 END + CASE WHEN disputed_count > 0 THEN 1 ELSE 0 END)::bigint
      END
    $fn$;

    CREATE TABLE customer_priorities (
      customer_id uuid PRIMARY KEY REFERENCES customers(id) ON DELETE CASCADE,
      account text NOT NULL,
      priority bigint NOT NULL,
      -- The date the priority is for: customer_positions_today() when written.
      priced_on date NOT NULL
    );
    -- The worklist's order (priority first, then account byte by byte), customer ids in the leaves.
    CREATE INDEX customer_priorities_order_idx ON customer_priorities (priority DESC, account COLLATE "C") INCLUDE (customer_id);
    -- What ensurePositionsCurrent looks for: rows priced for another date.
    CREATE INDEX customer_priorities_priced_on_idx ON customer_priorities (priced_on);

    -- The customers whose positions a statement wrote, priced for the positions' date. The advisory
    -- lock (2020113, positions.ts's CLOCK_LOCK) is shared by writers and taken exclusively to move
    -- the date: a write priced for the old date commits before the date moves, so the reprice after
    -- the move sees it; a write after the move reads the new date.
    CREATE FUNCTION customer_priorities_write() RETURNS trigger LANGUAGE plpgsql AS $fn$
    DECLARE on_date date;
    BEGIN
      PERFORM pg_advisory_xact_lock_shared(2020113);
      on_date := customer_positions_today();
      INSERT INTO customer_priorities AS t (customer_id, account, priority, priced_on)
      SELECT n.customer_id, c.account,
        customer_priority(n.on_hold, n.urgent_overdue, n.urgent_due_sum, n.broken_count, n.disputed_count,
          n.next_follow_up_on, n.last_activity_at, on_date), on_date
      FROM changed n JOIN customers c ON c.id = n.customer_id
      ORDER BY n.customer_id
      ON CONFLICT (customer_id) DO UPDATE SET account = excluded.account, priority = excluded.priority, priced_on = excluded.priced_on
      WHERE (t.account, t.priority, t.priced_on) IS DISTINCT FROM (excluded.account, excluded.priority, excluded.priced_on);
      RETURN NULL;
    END $fn$;
    CREATE TRIGGER customer_priorities_insert AFTER INSERT ON customer_positions
      REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION customer_priorities_write();
    CREATE TRIGGER customer_priorities_update AFTER UPDATE ON customer_positions
      REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION customer_priorities_write();

    CREATE FUNCTION customer_priorities_account() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      UPDATE customer_priorities o SET account = n.account FROM changed n
      WHERE o.customer_id = n.id AND o.account IS DISTINCT FROM n.account;
      RETURN NULL;
    END $fn$;
    CREATE TRIGGER customer_priorities_account AFTER UPDATE ON customers
      REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION customer_priorities_account();

    INSERT INTO customer_priorities (customer_id, account, priority, priced_on)
    SELECT p.customer_id, c.account,
      customer_priority(p.on_hold, p.urgent_overdue, p.urgent_due_sum, p.broken_count, p.disputed_count,
        p.next_follow_up_on, p.last_activity_at, customer_positions_today()), customer_positions_today()
    FROM customer_positions p JOIN customers c ON c.id = p.customer_id;
  `.execute(db);
}
