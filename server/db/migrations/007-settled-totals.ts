// Each ledger entry carries the total of its settlements and the date of the latest one, kept true by
// statement-level triggers on settlements whatever writes them (import, tests, later NSF and
// write-offs). From them, `closed_on` is the day the entry was fully settled (null while open). That
// lets the aging of every customer read only the entries open on the date, and a customer's summary
// leave out entries closed more than a year before it (docs/domain-rules.md, "What a summary reads").
//
// Settled totals are magnitudes: a debit's open amount is amount − settled_amount, a credit's is
// amount + settled_amount. The import refuses a settlement dated before either of its entries or one
// that settles an entry beyond its amount, so the latest settlement's date is the day the entry closed.
import { sql, type Kysely } from 'kysely';

/**
 * Recomputes the settled totals of the entries named by `ids` (a query over the trigger's transition
 * tables). Dynamic SQL, so every statement is planned for its own size: a bulk import's
 * million-row transition table gets hash joins, a single settlement index lookups.
 */
function refreshFrom(ids: string): string {
  const statement = `
    WITH ids AS (${ids}),
    moves AS (
      SELECT s.debit_id AS id, s.amount, s.settled_on FROM settlements s JOIN ids ON ids.id = s.debit_id
      UNION ALL
      SELECT s.credit_id, s.amount, s.settled_on FROM settlements s JOIN ids ON ids.id = s.credit_id
    ),
    totals AS (
      SELECT ids.id, coalesce(sum(m.amount), 0)::bigint AS amount, max(m.settled_on) AS last
      FROM ids LEFT JOIN moves m ON m.id = ids.id GROUP BY ids.id
    )
    UPDATE ledger_entries e SET settled_amount = t.amount, last_settled_on = t.last
    FROM totals t
    WHERE e.id = t.id AND (e.settled_amount, e.last_settled_on) IS DISTINCT FROM (t.amount, t.last)`;
  return `BEGIN EXECUTE ${quoteLiteral(statement)}; RETURN NULL; END`;
}

function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

const NEW_IDS = 'SELECT debit_id AS id FROM changed UNION SELECT credit_id FROM changed';
const OLD_IDS = 'SELECT debit_id AS id FROM gone UNION SELECT credit_id FROM gone';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE ledger_entries
      ADD COLUMN settled_amount bigint NOT NULL DEFAULT 0 CHECK (settled_amount >= 0),
      ADD COLUMN last_settled_on date;
    ALTER TABLE ledger_entries
      ADD COLUMN closed_on date GENERATED ALWAYS AS (
        CASE WHEN settled_amount <> 0 AND settled_amount = abs(amount) THEN last_settled_on END
      ) STORED;
  `.execute(db);
  await sql.raw(`
    CREATE FUNCTION settlements_after_insert() RETURNS trigger LANGUAGE plpgsql AS $fn$ ${refreshFrom(NEW_IDS)} $fn$;
    CREATE FUNCTION settlements_after_delete() RETURNS trigger LANGUAGE plpgsql AS $fn$ ${refreshFrom(OLD_IDS)} $fn$;
    CREATE FUNCTION settlements_after_update() RETURNS trigger LANGUAGE plpgsql AS $fn$
      ${refreshFrom(`${NEW_IDS} UNION ${OLD_IDS}`)} $fn$;

    CREATE TRIGGER settlements_settled_insert AFTER INSERT ON settlements
      REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION settlements_after_insert();
    CREATE TRIGGER settlements_settled_delete AFTER DELETE ON settlements
      REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION settlements_after_delete();
    CREATE TRIGGER settlements_settled_update AFTER UPDATE ON settlements
      REFERENCING OLD TABLE AS gone NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION settlements_after_update();
  `).execute(db);
  await sql`
    UPDATE ledger_entries e SET settled_amount = t.amount, last_settled_on = t.last
    FROM (
      SELECT id, sum(amount)::bigint AS amount, max(settled_on) AS last FROM (
        SELECT debit_id AS id, amount, settled_on FROM settlements
        UNION ALL
        SELECT credit_id, amount, settled_on FROM settlements
      ) moves GROUP BY id
    ) t
    WHERE e.id = t.id;

    -- What is open: the aging of every customer as of today reads this index alone.
    CREATE INDEX ledger_open_idx ON ledger_entries (customer_id)
      INCLUDE (id, posting_date, due_date, amount, amount_accounting, settled_amount, last_settled_on)
      WHERE closed_on IS NULL;
    -- What was still open on a past date: closed after it.
    CREATE INDEX ledger_closed_on_idx ON ledger_entries (closed_on) WHERE closed_on IS NOT NULL;
  `.execute(db);
}
