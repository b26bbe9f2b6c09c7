// Customer positions (migration 013): each customer's balance, overdue, urgency, collection counts,
// hold and activity dates, stored for today and kept by triggers, or computed live for any date by
// the same SQL; and their worklist priorities for today (migration 020). A worklist sorts every
// customer by reading customer_priorities once it is current.
import { sql, type Kysely, type RawBuilder, type Selectable, type Transaction } from 'kysely';
import type { IsoDate } from '../../domain/types';
import type { CustomerPositionsTable, Database } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

/** One customer's position; a live one has the same columns (computed_for is its as-of date). */
export type PositionRow = Selectable<CustomerPositionsTable>;

/** Above this many stale rows, recomputing every customer in one pass is cheaper than row by row. */
const WHOLE_TABLE_FROM = 5_000;

/**
 * Makes every row valid for `today` (computed_for ≤ today < next_change_on): recomputes the stale
 * ones and any missing one, and makes `today` the date later writes compute for. Cheap when nothing
 * is stale (two index range scans); after midnight it recomputes the customers with a debit fallen
 * overdue, a hold expired or a follow-up come. Missing rows (every customer gets one when inserted)
 * are looked for when the date moves or when `checkMissing` says so (the periodic job): that
 * anti-join of every customer cost 96 of a worklist's 250 ms on 50,000 customers.
 */
export async function ensurePositionsCurrent(db: Db, today: IsoDate, checkMissing = false): Promise<void> {
  const moved = await moveClock(db, today);
  const missing = checkMissing || moved
    ? sql`union select c.id from customers c where not exists (select 1 from customer_positions p where p.customer_id = c.id)`
    : sql``;
  const stale = await sql<{ ids: string[] }>`
    select array(
      select customer_id from customer_positions where next_change_on <= ${today}::date
      union select customer_id from customer_positions where computed_for > ${today}::date
      ${missing}
    ) as ids`.execute(db);
  const ids = stale.rows[0]!.ids;
  if (ids.length >= WHOLE_TABLE_FROM) await refreshAllPositions(db, today);
  else if (ids.length > 0) await sql`select customer_positions_refresh(${ids}::uuid[], ${today}::date)`.execute(db);
  await repriceCustomers(db, today);
}

/**
 * Prices for `today` the worklist priorities (migration 020) priced for another date: every customer
 * once a day, as the days overdue grow (0.75 s for 50,000 customers, usually by the positions job
 * just after midnight), and any row a write priced while the date moved. When there are none, two
 * probes of the ends of the priced_on index, whatever the planner's statistics say.
 */
async function repriceCustomers(db: Db, today: IsoDate): Promise<void> {
  const { rows } = await sql<{ first: string | null; last: string | null }>`
    select to_char(min(priced_on), 'YYYY-MM-DD') as first, to_char(max(priced_on), 'YYYY-MM-DD') as last from customer_priorities`.execute(db);
  const { first, last } = rows[0]!;
  if (first === null || (first === today && last === today)) return;
  // Rows locked in customer order, as the positions' writers lock theirs: no deadlock with a write.
  await sql`
    with due as (
      select customer_id from customer_priorities
      where priced_on < ${today}::date or priced_on > ${today}::date
      order by customer_id for update
    )
    update customer_priorities o set priced_on = ${today}::date,
      priority = customer_priority(p.on_hold, p.urgent_overdue, p.urgent_due_sum, p.broken_count, p.disputed_count,
        p.next_follow_up_on, p.last_activity_at, ${today}::date)
    from due join customer_positions p on p.customer_id = due.customer_id
    where o.customer_id = due.customer_id`.execute(db);
}

/** Migration 020's advisory lock on the clock: shared by the writers of positions, exclusive to move the date. */
const CLOCK_LOCK = 2_020_113;

/**
 * Makes `today` the date the triggers compute for; true when it moved. The move waits for every
 * transaction writing positions to end (they hold CLOCK_LOCK shared): whatever was priced for the
 * old date has committed before the date moves, so the reprice that follows sees it, and every
 * write after the move prices for the new date.
 */
async function moveClock(db: Db, today: IsoDate): Promise<boolean> {
  const { rows } = await sql<{ today: string }>`select to_char(today, 'YYYY-MM-DD') as today from customer_positions_clock`.execute(db);
  if (rows[0]?.today === today) return false;
  const move = async (trx: Db) => {
    await sql`select pg_advisory_xact_lock(${CLOCK_LOCK})`.execute(trx);
    const moved = await sql`update customer_positions_clock set today = ${today}::date where today <> ${today}::date`.execute(trx);
    return Number(moved.numAffectedRows ?? 0n) > 0;
  };
  return db.isTransaction ? move(db) : (db as Kysely<Database>).transaction().execute(move);
}

/** Recomputes every customer's row for `today` (after a bulk load, or to repair). */
export async function refreshAllPositions(db: Db, today: IsoDate): Promise<void> {
  await moveClock(db, today);
  await sql`select customer_positions_refresh(null, ${today}::date)`.execute(db);
  await repriceCustomers(db, today);
}

/**
 * The positions as of `asOf` computed live from the ledger, holds and activities: of the customers
 * `customerIds` selects (a query of one uuid column, or a list), or of every customer. A FROM item:
 * `db.selectFrom(livePositions(asOf).as('p'))`.
 */
export function livePositions(asOf: IsoDate, customerIds?: RawBuilder<unknown> | readonly string[]): RawBuilder<PositionRow> {
  const ids =
    customerIds === undefined
      ? sql`null::uuid[]`
      : Array.isArray(customerIds)
        ? sql`${customerIds}::uuid[]`
        : sql`array(${customerIds as RawBuilder<unknown>})`;
  return sql<PositionRow>`customer_positions_compute(${ids}, ${asOf}::date)`;
}

/**
 * Where a reader of positions as of `asOf` reads from: the stored table (made current first) when
 * `asOf` is today, else the live computation. Use as `db.selectFrom((await positionsSource(…)).as('p'))`.
 */
export async function positionsSource(db: Db, asOf: IsoDate, today: IsoDate): Promise<RawBuilder<PositionRow>> {
  if (asOf !== today) return livePositions(asOf);
  await ensurePositionsCurrent(db, today);
  return sql<PositionRow>`(select * from customer_positions)`;
}

/** The stored rows of some customers (tests and diagnostics), by customer id. */
export async function storedPositions(db: Db, customerIds?: readonly string[]): Promise<PositionRow[]> {
  if (customerIds?.length === 0) return [];
  let query = db.selectFrom('customer_positions').selectAll().orderBy('customer_id');
  if (customerIds) query = query.where('customer_id', 'in', customerIds);
  return query.execute();
}
