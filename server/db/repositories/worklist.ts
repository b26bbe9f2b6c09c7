// A pool's worklist, its status chart and the preview of criteria, read from the customer positions
// (made current first when the date is today, computed live for another date). The worklist's
// order is taken once, at its first page, into worklist_snapshots: later pages walk that order, so
// while agents work the list (statuses change, priorities move) no customer comes twice and none is
// skipped; each page shows the customers' figures as they are when it is read.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { DEFAULT_AGING_PERIODS } from '../../domain/aging';
import { DomainError } from '../../domain/errors';
import type { PoolCriteria } from '../../domain/pools/criteria';
import type { CollectionStatus, IsoDate } from '../../domain/types';
import { COLLECTION_STATUSES } from '../../domain/types';
import { livePositions, positionsSource, type PositionRow } from './positions';
import { and, hasOpenInPeriod, hasStatus, needsPositions, poolCondition, prioritySql, searchCondition, statusOn } from './pool-sql';
import type { Pool } from './pools';
import type { Database } from '../schema';

/** How long a worklist's order serves its cursor, and how many an agent keeps at most. */
const SNAPSHOT_HOURS = 8;
const SNAPSHOTS_PER_AGENT = 10;

export interface WorklistRequest {
  pool: Pool;
  asOf: IsoDate;
  today: IsoDate;
  agentId: string;
  limit: number;
  search?: string | undefined;
  status?: CollectionStatus | undefined;
  period?: number | undefined;
  cursor?: string | undefined;
}

/** One customer of a worklist page, with the inputs of its priority (amounts in accounting minor units). */
export interface WorklistEntry {
  id: string;
  account: string;
  name: string;
  balance: bigint;
  overdue: bigint;
  oldestOverdueDays: number | null;
  priority: number;
  urgentOverdue: bigint;
  urgentOverdueDays: bigint;
  brokenPromises: number;
  disputes: number;
  onHold: boolean;
  lastActivityAt: Date | null;
  lastContactOn: IsoDate | null;
  nextFollowUpOn: IsoDate | null;
  overCreditLimit: boolean;
}

export interface WorklistPage {
  total: number;
  nextCursor: string | null;
  items: WorklistEntry[];
}

interface Snapshot {
  id: string;
  total: number;
}

function badCursor(problem: string, code = 'invalid_request'): DomainError {
  return new DomainError('invalid', code, `Query parameter 'cursor' ${problem}.`, { in: 'querystring', fields: [{ field: 'cursor', problem }] });
}

function encodeCursor(snapshot: string, offset: number): string {
  return Buffer.from(`${snapshot}:${offset}`).toString('base64url');
}

function decodeCursor(cursor: string): { snapshot: string; offset: number } {
  const match = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw badCursor('is not a cursor this list gave');
  return { snapshot: match[1]!, offset: Number(match[2]) };
}

/** What a snapshot answers: a cursor is only good for the same pool, date and filters. */
function queryKey(request: WorklistRequest): string {
  const { pool, asOf, search, status, period } = request;
  return JSON.stringify([pool.id, asOf, search ?? null, status ?? null, period ?? null]);
}

/** The customers of the pool (c with its position p) that the filters keep. */
function membersCondition(request: WorklistRequest): RawBuilder<boolean> {
  const parts = [poolCondition(request.pool.criteria, request.asOf)];
  if (request.search) parts.push(searchCondition(request.search));
  if (request.status !== undefined) parts.push(hasStatus([request.status], request.asOf));
  if (request.period !== undefined) parts.push(hasOpenInPeriod(request.period, request.asOf));
  return and(parts);
}

/** Whether the request keeps every customer: no pool criteria and no filter. */
function everyCustomer(request: WorklistRequest): boolean {
  const { pool, search, status, period } = request;
  return Object.keys(pool.criteria).length === 0 && !search && status === undefined && period === undefined;
}

/**
 * The ids of the list in worklist order. Today, from the priorities kept in that order (migration
 * 020): every customer straight off its index, a pool's members sorted by the stored priority.
 * Another date computes each member's priority from its live position.
 */
function orderedIds(request: WorklistRequest, positions: RawBuilder<PositionRow>): RawBuilder<string[]> {
  if (request.asOf !== request.today) {
    return sql<string[]>`array(
      select c.id from customers c join ${positions} p on p.customer_id = c.id
      where ${membersCondition(request)}
      order by ${prioritySql(request.asOf)} desc, c.account collate "C")`;
  }
  if (everyCustomer(request)) {
    return sql<string[]>`array(select o.customer_id from customer_priorities o order by o.priority desc, o.account collate "C")`;
  }
  // The positions only when a criterion or the status filter reads them.
  const withPositions = needsPositions(request.pool.criteria) || request.status !== undefined ? sql`join ${positions} p on p.customer_id = c.id` : sql``;
  return sql<string[]>`array(
    select c.id from customer_priorities o join customers c on c.id = o.customer_id ${withPositions}
    where ${membersCondition(request)}
    order by o.priority desc, o.account collate "C")`;
}

/** Takes the order of the whole list as it is now, sweeping expired snapshots and the agent's oldest. */
async function takeSnapshot(db: Kysely<Database>, request: WorklistRequest, positions: RawBuilder<PositionRow>): Promise<Snapshot> {
  const statement = sql<{ id: string; total: number }>`
    with swept as (
      delete from worklist_snapshots where expires_at < now() or id in (
        select id from worklist_snapshots where agent_id = ${request.agentId}
        order by created_at desc offset ${SNAPSHOTS_PER_AGENT - 1})
    )
    insert into worklist_snapshots (agent_id, query_key, customer_ids, expires_at)
    values (${request.agentId}, ${queryKey(request)}, ${orderedIds(request, positions)}, now() + make_interval(hours => ${SNAPSHOT_HOURS}))
    returning id, cardinality(customer_ids) as total`;
  // A pool's members on another date are sorted in memory (the default 4 MB spilled 50,000 to disk).
  const { rows } = await db.transaction().execute(async (trx) => {
    await sql`set local work_mem = '32MB'`.execute(trx);
    return statement.execute(trx);
  });
  return rows[0]!;
}

async function findSnapshot(db: Kysely<Database>, request: WorklistRequest, id: string): Promise<Snapshot> {
  const row = await db
    .selectFrom('worklist_snapshots')
    .select(['id', 'query_key', sql<number>`cardinality(customer_ids)`.as('total')])
    .where('id', '=', id)
    .where('agent_id', '=', request.agentId)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
  if (!row) throw badCursor('has expired: read the list again from its first page', 'cursor_expired');
  if (row.query_key !== queryKey(request)) throw badCursor('belongs to another list (pool, date or filters): read this one from its first page');
  return { id: row.id, total: row.total };
}

interface EntryRow {
  id: string;
  account: string;
  name: string;
  credit_limit: bigint | null;
  balance: bigint;
  overdue: bigint;
  oldest_overdue_days: number | null;
  priority: string;
  urgent_overdue: bigint;
  urgent_overdue_days: string;
  broken_count: number;
  disputed_count: number;
  on_hold: boolean;
  last_activity_at: Date | null;
  last_contact_on: string | null;
  next_follow_up_on: string | null;
}

/** The customers at [offset, offset + limit) of the snapshot, in its order, with their figures now. */
async function readPage(db: Kysely<Database>, request: WorklistRequest, snapshot: string, offset: number): Promise<WorklistEntry[]> {
  const { asOf } = request;
  const ids = sql`select unnest(customer_ids[${offset + 1}:${offset + request.limit}]) from worklist_snapshots where id = ${snapshot}`;
  const positions = asOf === request.today ? sql`customer_positions` : livePositions(asOf, ids);
  const { rows } = await sql<EntryRow>`
    select c.id, c.account, c.name, c.credit_limit, p.balance, p.overdue,
      ${asOf}::date - p.oldest_overdue_due as oldest_overdue_days,
      ${prioritySql(asOf)}::text as priority,
      p.urgent_overdue,
      (p.urgent_overdue::numeric * (${asOf}::date - date '2000-01-01') - p.urgent_due_sum::numeric)::text as urgent_overdue_days,
      p.broken_count, p.disputed_count, p.on_hold, p.last_activity_at,
      to_char((p.last_activity_at at time zone 'UTC')::date, 'YYYY-MM-DD') as last_contact_on,
      to_char(p.next_follow_up_on, 'YYYY-MM-DD') as next_follow_up_on
    from worklist_snapshots s
      cross join lateral unnest(s.customer_ids[${offset + 1}:${offset + request.limit}]) with ordinality as u(id, position)
      join customers c on c.id = u.id
      join ${positions} p on p.customer_id = c.id
    where s.id = ${snapshot}
    order by u.position`.execute(db);
  return rows.map(toEntry);
}

function toEntry(row: EntryRow): WorklistEntry {
  return {
    id: row.id,
    account: row.account,
    name: row.name,
    balance: BigInt(row.balance),
    overdue: BigInt(row.overdue),
    oldestOverdueDays: row.oldest_overdue_days,
    priority: Number(row.priority),
    urgentOverdue: BigInt(row.urgent_overdue),
    urgentOverdueDays: BigInt(row.urgent_overdue_days),
    brokenPromises: row.broken_count,
    disputes: row.disputed_count,
    onHold: row.on_hold,
    lastActivityAt: row.last_activity_at,
    lastContactOn: row.last_contact_on,
    nextFollowUpOn: row.next_follow_up_on,
    overCreditLimit: row.credit_limit !== null && BigInt(row.balance) > BigInt(row.credit_limit),
  };
}

/**
 * A page of the pool's worklist: without a cursor the first page (the order is taken now), with
 * one the page after the previous one. A cursor of another list, or expired, is a 400 naming it.
 */
export async function worklistPage(db: Kysely<Database>, request: WorklistRequest): Promise<WorklistPage> {
  const positions = await positionsSource(db, request.asOf, request.today);
  let snapshot: Snapshot;
  let offset = 0;
  if (request.cursor === undefined) {
    snapshot = await takeSnapshot(db, request, positions);
  } else {
    const cursor = decodeCursor(request.cursor);
    snapshot = await findSnapshot(db, request, cursor.snapshot);
    offset = cursor.offset;
    if (offset > snapshot.total) throw badCursor('is past the end of the list');
  }
  const items = await readPage(db, request, snapshot.id, offset);
  const next = offset + request.limit;
  return { total: snapshot.total, nextCursor: next < snapshot.total ? encodeCursor(snapshot.id, next) : null, items };
}

/** The customers of the criteria (c, and p when they need positions) as of `asOf`, as a subquery of ids. */
export async function poolMembers(db: Kysely<Database>, criteria: PoolCriteria, asOf: IsoDate, today: IsoDate): Promise<RawBuilder<unknown>> {
  if (!needsPositions(criteria)) return sql`select c.id from customers c where ${poolCondition(criteria, asOf)}`;
  const positions = await positionsSource(db, asOf, today);
  return sql`select c.id from customers c join ${positions} p on p.customer_id = c.id where ${poolCondition(criteria, asOf)}`;
}

export interface PoolPreview {
  customers: number;
  overdue: bigint;
}

/** How many customers the criteria select today, and their overdue. */
export async function previewPool(db: Kysely<Database>, criteria: PoolCriteria, today: IsoDate): Promise<PoolPreview> {
  const positions = await positionsSource(db, today, today);
  const { rows } = await sql<{ customers: number; overdue: string }>`
    select count(*)::int as customers, coalesce(sum(p.overdue), 0)::text as overdue
    from customers c join ${positions} p on p.customer_id = c.id
    where ${poolCondition(criteria, today)}`.execute(db);
  return { customers: rows[0]!.customers, overdue: BigInt(rows[0]!.overdue) };
}

export interface PoolChart {
  byStatus: Array<{ status: CollectionStatus; amount: bigint; count: number }>;
  byPeriod: Array<{ amount: bigint; count: number }>;
}

/**
 * The pool's open amounts on `asOf`: open debits by collection status, and every open entry by
 * aging period (DEFAULT_AGING_PERIODS, by due date; credits and undated debits are Current), with
 * the open accounting amount of each entry prorated as everywhere (half away from zero).
 */
export async function poolChart(db: Kysely<Database>, criteria: PoolCriteria, asOf: IsoDate, today: IsoDate): Promise<PoolChart> {
  const scope = Object.keys(criteria).length === 0 ? sql`` : sql`and e.customer_id in (${await poolMembers(db, criteria, asOf, today)})`;
  const starts = DEFAULT_AGING_PERIODS.slice(1).map((p) => p.fromDays!);
  const columns = sql`e.id, e.due_date, e.amount, e.amount_accounting, e.settled_amount, e.last_settled_on,
    e.collection_status, e.status_date, e.promise_date, e.promise_amount`;
  const statement = sql<{ kind: 'period' | 'status'; key: string; amount: string; count: number }>`
    with candidates as (
      select ${columns} from ledger_entries e where e.closed_on is null and e.posting_date <= ${asOf}::date ${scope}
      union all
      select ${columns} from ledger_entries e where e.closed_on > ${asOf}::date and e.posting_date <= ${asOf}::date ${scope}
    ), opened as (
      select o.*,
        o.amount - (case when o.amount > 0 then 1 else -1 end)::bigint * case
          when o.last_settled_on is null or o.last_settled_on <= ${asOf}::date then o.settled_amount
          when o.amount > 0 then (select coalesce(sum(s.amount), 0)::bigint from settlements s where s.debit_id = o.id and s.settled_on <= ${asOf}::date)
          else (select coalesce(sum(s.amount), 0)::bigint from settlements s where s.credit_id = o.id and s.settled_on <= ${asOf}::date)
        end as open
      from candidates o
      offset 0
    ), items as (
      select case when o.amount > 0 and o.due_date is not null then width_bucket(${asOf}::date - o.due_date, ${starts}::int[]) else 0 end as period,
        case when o.open = o.amount then o.amount_accounting else round(o.amount_accounting::numeric * o.open / o.amount)::bigint end as open_acc,
        case when o.amount > 0 then ${statusOn(asOf)} end as status
      from opened o where o.open <> 0
    )
    -- One pass over the items for both groupings; credits have no status (their null group is dropped).
    select case when grouping(period) = 0 then 'period' else 'status' end as kind, coalesce(period::text, status) as key,
      sum(open_acc)::text as amount, count(*)::int as count
    from items group by grouping sets ((period), (status))`;
  const { rows } = await db.transaction().execute(async (trx) => {
    // As in aging.ts: the never-run settlement probes inflate the estimate, and the JIT compiled
    // the statement for longer than it runs (2.3 of 6.3 s for every customer of the benchmark).
    await sql`set local jit = off`.execute(trx);
    await sql`set local work_mem = '64MB'`.execute(trx);
    return statement.execute(trx);
  });
  const found = (kind: string, key: string) => rows.find((r) => r.kind === kind && r.key === key);
  return {
    byStatus: COLLECTION_STATUSES.map((status) => {
      const row = found('status', status);
      return { status, amount: BigInt(row?.amount ?? '0'), count: row?.count ?? 0 };
    }),
    byPeriod: DEFAULT_AGING_PERIODS.map((_, index) => {
      const row = found('period', String(index));
      return { amount: BigInt(row?.amount ?? '0'), count: row?.count ?? 0 };
    }),
  };
}
