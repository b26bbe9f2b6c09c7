// The SQL pieces of a pool: its criteria as a condition on a customer (alias c) and its position
// (alias p, customer_positions' columns), the worklist priority of docs/domain-rules.md (migration
// 020's customer_priority), and an entry's collection status and open state on a date. Every value is a bound parameter; nothing a user typed becomes SQL text.
import { sql, type RawBuilder } from 'kysely';
import { DEFAULT_AGING_PERIODS } from '../../domain/aging';
import type { PoolCriteria, Range } from '../../domain/pools/criteria';
import type { CollectionStatus, IsoDate } from '../../domain/types';

type Condition = RawBuilder<boolean>;

const TRUE: Condition = sql<boolean>`true`;

export function and(conditions: Condition[]): Condition {
  return conditions.length === 0 ? TRUE : sql<boolean>`(${sql.join(conditions, sql` and `)})`;
}

function inRange(value: RawBuilder<unknown>, range: Range<bigint | number>, cast: 'bigint' | 'integer'): Condition[] {
  const type = sql.raw(cast);
  const parts: Condition[] = [];
  if (range.min !== undefined) parts.push(sql<boolean>`${value} >= ${String(range.min)}::${type}`);
  if (range.max !== undefined) parts.push(sql<boolean>`${value} <= ${String(range.max)}::${type}`);
  return parts;
}

const CUSTOMER_COLUMNS = {
  customerGroup: 'c.customer_group',
  salesArea: 'c.sales_area',
  paymentTerms: 'c.payment_terms',
  currency: 'c.currency',
  creditRating: 'c.credit_rating',
  accountStatus: 'c.status',
} as const;

/** Days since the latest activity as of `asOf` (UTC dates, as positions keeps activities); null: never. */
function daysSinceContact(asOf: IsoDate): RawBuilder<number | null> {
  return sql<number | null>`(${asOf}::date - (p.last_activity_at at time zone 'UTC')::date)`;
}

/** Whether criteria need the customer's position (else the customer row alone decides). */
export function needsPositions(criteria: PoolCriteria): boolean {
  return ['balance', 'overdue', 'oldestOverdueDays', 'daysSinceLastActivity', 'collectionStatus', 'onHold'].some((key) => key in criteria);
}

/** An entry (alias e) is open on `asOf`: posted by then and not fully settled by then. */
export function openOn(asOf: IsoDate): Condition {
  return sql<boolean>`e.posting_date <= ${asOf}::date and (e.closed_on is null or e.closed_on > ${asOf}::date)`;
}

/** The customer c has an open entry in one of `statuses` on `asOf` (counts of positions where kept). */
export function hasStatus(statuses: readonly CollectionStatus[], asOf: IsoDate): Condition {
  const parts: Condition[] = [];
  if (statuses.includes('promise_to_pay')) parts.push(sql<boolean>`p.promised_count > 0`);
  if (statuses.includes('promise_broken')) parts.push(sql<boolean>`p.broken_count > 0`);
  if (statuses.includes('disputed')) parts.push(sql<boolean>`p.disputed_count > 0`);
  // 'none' and 'resolved' are not counted by positions: a status set after the date reads 'none'.
  const plain: Condition[] = [];
  if (statuses.includes('none')) plain.push(sql<boolean>`(e.collection_status = 'none' or e.status_date > ${asOf}::date)`);
  if (statuses.includes('resolved')) plain.push(sql<boolean>`(e.collection_status = 'resolved' and (e.status_date is null or e.status_date <= ${asOf}::date))`);
  if (plain.length > 0) {
    parts.push(sql<boolean>`exists (select 1 from ledger_entries e where e.customer_id = c.id and ${openOn(asOf)} and (${sql.join(plain, sql` or `)}))`);
  }
  return sql<boolean>`(${sql.join(parts, sql` or `)})`;
}

/** The aging period (index into DEFAULT_AGING_PERIODS) an open entry e is in on `asOf`, by due date. */
export function inPeriod(period: number, asOf: IsoDate): Condition {
  const bounds = DEFAULT_AGING_PERIODS[period]!;
  if (bounds.fromDays === null) return sql<boolean>`(e.amount <= 0 or e.due_date is null or e.due_date >= ${asOf}::date - ${bounds.toDays!}::integer)`;
  const upper = sql<boolean>`e.amount > 0 and e.due_date <= ${asOf}::date - ${bounds.fromDays}::integer`;
  return bounds.toDays === null ? sql<boolean>`(${upper})` : sql<boolean>`(${upper} and e.due_date >= ${asOf}::date - ${bounds.toDays}::integer)`;
}

/** The customer c has an open entry in the aging period on `asOf`. */
export function hasOpenInPeriod(period: number, asOf: IsoDate): Condition {
  return sql<boolean>`exists (select 1 from ledger_entries e where e.customer_id = c.id and ${openOn(asOf)} and ${inPeriod(period, asOf)})`;
}

/** The pool's criteria as one condition on c (customers) and p (positions as of `asOf`). */
export function poolCondition(criteria: PoolCriteria, asOf: IsoDate): Condition {
  const parts: Condition[] = [];
  for (const [key, column] of Object.entries(CUSTOMER_COLUMNS)) {
    const values = criteria[key as keyof typeof CUSTOMER_COLUMNS];
    if (values !== undefined) parts.push(sql<boolean>`${sql.ref(column)} = any(${values}::text[])`);
  }
  if (criteria.agentId !== undefined) parts.push(sql<boolean>`c.default_agent_id = any(${criteria.agentId}::uuid[])`);
  if (criteria.balance) parts.push(...inRange(sql`p.balance`, criteria.balance, 'bigint'));
  if (criteria.overdue) parts.push(...inRange(sql`p.overdue`, criteria.overdue, 'bigint'));
  if (criteria.oldestOverdueDays) {
    parts.push(...inRange(sql`coalesce(${asOf}::date - p.oldest_overdue_due, 0)`, criteria.oldestOverdueDays, 'integer'));
  }
  if (criteria.daysSinceLastActivity) {
    const { min, max } = criteria.daysSinceLastActivity;
    // Never contacted is longer ago than any bound: it meets every min and no max.
    if (min !== undefined) parts.push(sql<boolean>`(p.last_activity_at is null or ${daysSinceContact(asOf)} >= ${min}::integer)`);
    if (max !== undefined) parts.push(sql<boolean>`(p.last_activity_at is not null and ${daysSinceContact(asOf)} <= ${max}::integer)`);
  }
  if (criteria.collectionStatus) parts.push(hasStatus(criteria.collectionStatus, asOf));
  if (criteria.onHold !== undefined) parts.push(sql<boolean>`p.on_hold = ${criteria.onHold}`);
  return and(parts);
}

/** Name or account contains the text, case-insensitively (LIKE's wildcards in it are literal). */
export function searchCondition(search: string): Condition {
  const pattern = `%${search.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  return sql<boolean>`(lower(c.name) like ${pattern} or lower(c.account) like ${pattern})`;
}

/**
 * server/domain/pools/priority.ts's priorityOf, on the position p as of `asOf`: migration 020's
 * customer_priority(), which the planner inlines. A bigint.
 */
export function prioritySql(asOf: IsoDate): RawBuilder<string> {
  return sql<string>`customer_priority(p.on_hold, p.urgent_overdue, p.urgent_due_sum, p.broken_count, p.disputed_count,
    p.next_follow_up_on, p.last_activity_at, ${asOf}::date)`;
}

/**
 * The collection status of a ledger entry (alias o, with its open amount) on `asOf`: the rule of
 * server/domain/statuses.ts (collectionStatusAsOf), as the positions compute it.
 */
export function statusOn(asOf: IsoDate): RawBuilder<CollectionStatus> {
  const settledBy = (extra: RawBuilder<unknown>) =>
    sql`(select coalesce(sum(s.amount), 0) from settlements s where s.debit_id = o.id and s.settled_on <= o.promise_date ${extra})`;
  return sql<CollectionStatus>`case
    when o.status_date > ${asOf}::date then 'none'
    when o.collection_status = 'promise_broken' and o.promise_date >= ${asOf}::date then 'promise_to_pay'
    when o.collection_status <> 'promise_to_pay' or o.amount <= 0 then o.collection_status::text
    when o.promise_date is null or o.promise_date >= ${asOf}::date then 'promise_to_pay'
    when o.amount <= ${settledBy(sql``)}
      or o.promise_amount <= ${settledBy(sql`and (o.status_date is null or s.settled_on >= o.status_date)`)} then 'promise_to_pay'
    else 'promise_broken' end`;
}
