// The aged receivables report's lines, streamed in pages by account: every customer with anything
// open on a date (or an agent's customers), with balance, overdue and aging in the accounting
// currency and per transaction currency. Same rules and the same reading of only what was open as
// agingOfAllCustomers (aging.ts), with each entry's currency and overdue flag carried along.
//
// Streaming keeps the server's memory flat however many customers there are. On PostgreSQL one
// statement runs under a cursor in a read-only transaction (Kysely's .stream() needs pg-cursor,
// which the pool is not set up with). PGlite has one session, which a cursor would hold for the
// whole download, blocking every other request: there the lines come in keyset pages of customers.
//
// Two statements give the same lines: when nothing was closed after the date (the report as of
// today), customer by customer from their open entries, streaming in account order; otherwise one
// pass over what was open on the date, grouped and then sorted (see openNowStatement, agedStatement).
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { validateAgingPeriods } from '../../domain/aging';
import { notFound } from '../../domain/errors';
import {
  emptyCurrencyAging,
  type AgedCustomer,
  type AgedCustomerPages,
  type AgedReceivablesQuery,
  type CurrencyAging,
} from '../../reports/aged-receivables';
import type { Database } from '../schema';
import type { PoolCriteria } from '../../domain/pools/criteria';
import { poolMembers } from './worklist';

/** A pool's customers as of the report's date (`today`: the date positions are kept for). */
export interface PoolScope {
  criteria: PoolCriteria;
  today: string;
}

type ScopedQuery = AgedReceivablesQuery & { pool?: PoolScope | null };

export type Paging = 'cursor' | 'keyset';

export interface PagingOptions {
  paging: Paging;
  /** Customers per page; the defaults keep round trips few and pages a few hundred kB. */
  pageSize?: number;
}

const CURSOR_PAGE = 2_000;
const KEYSET_PAGE = 1_000;

/**
 * One customer's open amounts by currency, period and overdue, as 'currency,period,overdue,
 * accounting,open' groups joined by ';' (overdue 1 or 0; a triple may come in several groups): one text column splits far faster than
 * pg parses five arrays, which took a third of the report's time on the server.
 */
export interface AgedRow {
  id: string;
  account: string;
  name: string;
  groups: string;
}

/**
 * The customers (of `query.agentId`, or all) with anything open on `query.asOf`, by account, in
 * pages. A customer whose open items net to zero is listed; one with nothing open is not.
 */
export async function* agedReceivables(
  db: Kysely<Database>,
  query: ScopedQuery,
  options: PagingOptions,
): AgedCustomerPages {
  validateAgingPeriods(query.periods);
  if (query.agentId !== null) await assertAgent(db, query.agentId);
  const periods = query.periods.length;
  // Before the cursor's read-only transaction: today's positions may need bringing up to date.
  const pool = query.pool ? await poolMembers(db, query.pool.criteria, query.asOf, query.pool.today) : null;
  const rows = options.paging === 'cursor' ? viaCursor(db, query, pool, options.pageSize ?? CURSOR_PAGE) : viaKeyset(db, query, pool, options.pageSize ?? KEYSET_PAGE);
  for await (const page of rows) {
    if (page.length > 0) yield page.map((row) => toCustomer(row, periods));
  }
}

async function assertAgent(db: Kysely<Database>, agentId: string): Promise<void> {
  const agent = await db.selectFrom('agents').select('id').where('id', '=', agentId).executeTakeFirst();
  if (!agent) throw notFound('agent_not_found', `No agent has the id '${agentId}'.`, { id: agentId });
}

/** Which customers a statement reads: a condition on a customer id column (ledger_entries.customer_id or customers.id). */
type Scope = (id: RawBuilder<unknown>) => RawBuilder<unknown> | null;

function scopeOf(query: AgedReceivablesQuery, pool: RawBuilder<unknown> | null): Scope {
  return (id) => {
    const byAgent = query.agentId === null ? null : sql`${id} in (select id from customers where default_agent_id = ${query.agentId})`;
    const byPool = pool === null ? null : sql`${id} in (${pool})`;
    return byAgent && byPool ? sql`${byAgent} and ${byPool}` : (byAgent ?? byPool);
  };
}

/**
 * Whether nothing was closed after `asOf`, so that what was open then is what is open now (the
 * report as of today, the common case): then each customer's lines come from its open entries alone.
 */
async function nothingClosedSince(db: Kysely<Database> | Transaction<Database>, asOf: string): Promise<boolean> {
  const { rows } = await sql<{ none: boolean }>`select not exists (select 1 from ledger_entries where closed_on > ${asOf}::date) as none`.execute(db);
  return rows[0]!.none;
}

async function* viaCursor(db: Kysely<Database>, query: AgedReceivablesQuery, pool: RawBuilder<unknown> | null, pageSize: number): AsyncGenerator<AgedRow[]> {
  const scope = scopeOf(query, pool);
  // Repeatable read: the check of what closed since the date and the statement see one snapshot.
  const trx = await db.startTransaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute();
  let finished = false;
  let pending: Promise<AgedRow[]> | null = null;
  try {
    // As in aging.ts: aggregates in memory rather than sorts on disk, and no JIT compiling of a
    // statement whose never-run settlement probes inflate the estimates.
    await sql`set local work_mem = '64MB'`.execute(trx);
    await sql`set local jit = off`.execute(trx);
    if (await nothingClosedSince(trx, query.asOf)) {
      // Customer by customer in account order: the first rows leave while the database computes the
      // rest, so the server's work on one page overlaps the database's on the next.
      await sql`declare aged_receivables no scroll cursor for ${openNowStatement(query, scope)}`.execute(trx);
    } else {
      // Every row is read, so plan for all of them: planned for a cursor's default first tenth, the
      // statement started sooner and finished a third later on a past date.
      await sql`set local cursor_tuple_fraction = 1`.execute(trx);
      await sql`declare aged_receivables no scroll cursor for ${agedStatement(query, scope(sql.ref('customer_id')))}`.execute(trx);
    }
    const fetchPage = (): Promise<AgedRow[]> => {
      const page = sql<AgedRow>`fetch forward ${sql.lit(pageSize)} from aged_receivables`.execute(trx).then((r) => r.rows);
      // Handled here while the page waits: awaiting it below still throws its error.
      page.catch(() => undefined);
      return page;
    };
    // The next page is asked for before this one is handed on: the database computes it while the
    // server writes this one (a cursor computes rows only when they are fetched).
    pending = fetchPage();
    for (;;) {
      const rows: AgedRow[] = await pending;
      pending = rows.length < pageSize ? null : fetchPage();
      yield rows;
      if (pending === null) break;
    }
    await trx.commit().execute();
    finished = true;
  } finally {
    // Also when the consumer stops early (a download cut off): the cursor goes with the transaction,
    // after the page asked for ahead (whose failure then no longer matters).
    if (!finished) {
      await pending?.catch(() => undefined);
      await trx.rollback().execute();
    }
  }
}

async function* viaKeyset(db: Kysely<Database>, query: AgedReceivablesQuery, pool: RawBuilder<unknown> | null, pageSize: number): AsyncGenerator<AgedRow[]> {
  // Asked once: every page reads with the same statement.
  const openNow = await nothingClosedSince(db, query.asOf);
  let after: string | null = null;
  for (;;) {
    let customers = db.selectFrom('customers').select(['id', 'account']).orderBy('account').limit(pageSize);
    if (after !== null) customers = customers.where('account', '>', after);
    if (query.agentId !== null) customers = customers.where('default_agent_id', '=', query.agentId);
    if (pool !== null) customers = customers.where(sql<boolean>`id in (${pool})`);
    const page = await customers.execute();
    if (page.length === 0) return;
    const ids = page.map((customer) => customer.id);
    const scope: Scope = (id) => sql`${id} = any(${ids}::uuid[])`;
    const statement = openNow ? openNowStatement(query, scope) : agedStatement(query, scope(sql.ref('customer_id')));
    yield (await statement.execute(db)).rows;
    if (page.length < pageSize) return;
    after = page[page.length - 1]!.account;
  }
}

/** The parts both statements share: the period of an item, its overdue flag, its open amount. */
function itemTerms(query: AgedReceivablesQuery) {
  const { asOf } = query;
  // width_bucket against the starts of the periods after the first gives each day count its
  // period's index; the first period (Current) is 0.
  const starts = query.periods.slice(1).map((p) => p.fromDays!);
  const agedFrom = sql.ref(query.by === 'document_date' ? 'e.posting_date' : 'e.due_date');
  return {
    period: sql`case when e.amount > 0 and ${agedFrom} is not null then width_bucket(${asOf}::date - ${agedFrom}, ${starts}::int[]) else 0 end`,
    // The summary's overdue (credit.ts): debits past their due date, whatever the basis.
    overdue: sql`(e.amount > 0 and e.due_date is not null and e.due_date < ${asOf}::date)`,
    open: sql`e.amount - (case when e.amount > 0 then 1 else -1 end)::bigint * case
          when e.last_settled_on is null or e.last_settled_on <= ${asOf}::date then e.settled_amount
          -- A debit is always the debit side of its settlements, a credit the credit side.
          -- bigint, as every other term: the open amount and what follows stay out of numeric.
          when e.amount > 0 then (select coalesce(sum(s.amount), 0)::bigint from settlements s
                                  where s.debit_id = e.id and s.settled_on <= ${asOf}::date)
          else (select coalesce(sum(s.amount), 0)::bigint from settlements s
                where s.credit_id = e.id and s.settled_on <= ${asOf}::date)
        end`,
    // Prorated only when partly settled: most open entries are not settled at all.
    accounting: sql`sum(case when open = amount then amount_accounting else round(amount_accounting::numeric * open / amount)::bigint end)`,
    groups: sql`string_agg(concat_ws(',', currency, period, overdue::int, accounting, open), ';')`,
  };
}

/**
 * The report when nothing closed after its date: for each customer (by account, through its unique
 * index) its open entries (an index-only scan of ledger_open_idx), one group per entry, so rows
 * stream out in order instead of after a sort of every open entry (240 ms before the first row on
 * the benchmark). Not grouped per customer in SQL: a sort and a group per customer cost the
 * database more (a third of the statement) than the few more groups cost toCustomer.
 */
function openNowStatement(query: AgedReceivablesQuery, scope: Scope): RawBuilder<AgedRow> {
  const t = itemTerms(query);
  const only = scope(sql.ref('c.id'));
  return sql<AgedRow>`
    select c.id, c.account, c.name, g.groups
    from customers c
    cross join lateral (
      select string_agg(concat_ws(',', currency, period, overdue::int,
          case when open = amount then amount_accounting else round(amount_accounting::numeric * open / amount)::bigint end, open), ';') as groups
      from (
        select e.currency::text as currency, e.amount, e.amount_accounting, ${t.period} as period, ${t.overdue} as overdue, ${t.open} as open
        from ledger_entries e
        where e.customer_id = c.id and e.closed_on is null and e.posting_date <= ${query.asOf}::date
        -- Each open amount computed once, not again for each use below.
        offset 0
      ) items
      where open <> 0
    ) g
    where g.groups is not null ${only === null ? sql`` : sql`and ${only}`}
    order by c.account`;
}

/** One row per customer with anything open, by account; `scope` limits the customers read. */
function agedStatement(query: AgedReceivablesQuery, scope: RawBuilder<unknown> | null): RawBuilder<AgedRow> {
  const { asOf } = query;
  const t = itemTerms(query);
  const only = scope === null ? sql`` : sql`and ${scope}`;
  return sql<AgedRow>`
    with candidates as (
      select id, customer_id, currency, due_date, posting_date, amount, amount_accounting, settled_amount, last_settled_on
      from ledger_entries where closed_on is null and posting_date <= ${asOf}::date ${only}
      union all
      select id, customer_id, currency, due_date, posting_date, amount, amount_accounting, settled_amount, last_settled_on
      from ledger_entries where closed_on > ${asOf}::date and posting_date <= ${asOf}::date ${only}
    ), open as (
      select e.customer_id, e.currency, e.amount, e.amount_accounting, ${t.period} as period, ${t.overdue} as overdue, ${t.open} as open
      from candidates e
      -- A subquery of its own, so that each open amount (and its settlement probe) is computed once,
      -- not once for the filter and again for each sum below.
      offset 0
    ), grouped as (
      select customer_id, currency::text as currency, period, overdue, ${t.accounting} as accounting, sum(open) as open
      from open where open <> 0
      group by 1, 2, 3, 4
    ), per_customer as (
      select customer_id, ${t.groups} as groups
      from grouped group by customer_id
    )
    -- The customer's account and name by primary key, one probe per customer (two subqueries, one
    -- per column, probed twice: 750 of 3,470 ms of the report as of today on the benchmark ledger).
    select c.id, c.account, c.name, p.groups
    from per_customer p join customers c on c.id = p.customer_id
    order by c.account`;
}

/** A whole number of minor units from its decimal text: through a double when that is exact (15 digits). */
function minorOf(text: string): bigint {
  return text.length < 16 ? BigInt(Number(text)) : BigInt(text);
}

/** The groups of a row summed in bigint: exact for any amount (the path for amounts beyond a double). */
export function exactCustomer(row: AgedRow, periods: number): AgedCustomer {
  const buckets = new Array<bigint>(periods).fill(0n);
  let balance = 0n;
  let overdue = 0n;
  // Nearly every customer has one currency: a short list, searched, beats a map per customer.
  const currencies: CurrencyAging[] = [];
  for (const group of row.groups.split(';')) {
    const [currency, periodText, overdueFlag, accountingText, openText] = group.split(',') as [string, string, string, string, string];
    const period = Number(periodText);
    const accounting = minorOf(accountingText);
    const open = minorOf(openText);
    buckets[period]! += accounting;
    balance += accounting;
    if (overdueFlag === '1') overdue += accounting;
    let line = currencies.find((c) => c.currency === currency);
    if (!line) currencies.push((line = emptyCurrencyAging(currency, periods)));
    line.balance += open;
    line.buckets[period]! += open;
  }
  if (currencies.length > 1) currencies.sort((x, y) => (x.currency < y.currency ? -1 : 1));
  return { id: row.id, account: row.account, name: row.name, balance, overdue, buckets, byCurrency: currencies };
}

interface NumberLine {
  currency: string;
  balance: number;
  buckets: number[];
}

const SEMICOLON = 59;
const MINUS = 45;
const ZERO = 48;

/**
 * toCustomer's parse and sums in doubles, read straight off the text (no split arrays, no bigint per
 * group: those were most of the server's time and garbage on the report as of today); null when an
 * amount has more than 15 digits or the sums of magnitudes could pass 2^53, where a double may round.
 */
function numberCustomer(row: AgedRow, periods: number): AgedCustomer | null {
  const text = row.groups;
  const buckets = new Array<number>(periods).fill(0);
  let balance = 0;
  let overdue = 0;
  let magnitude = 0;
  const lines: NumberLine[] = [];
  let line: NumberLine | undefined;
  let pos = 0;
  // One whole number from pos up to the next separator; NaN past 15 digits.
  const number = (): number => {
    let sign = 1;
    if (text.charCodeAt(pos) === MINUS) {
      sign = -1;
      pos += 1;
    }
    const from = pos;
    let value = 0;
    for (let code = text.charCodeAt(pos); code >= ZERO && code <= ZERO + 9; code = text.charCodeAt(++pos)) value = value * 10 + (code - ZERO);
    return pos - from > 15 ? Number.NaN : sign * value;
  };
  while (pos < text.length) {
    const comma = text.indexOf(',', pos);
    if (!line || comma - pos !== line.currency.length || !text.startsWith(line.currency, pos)) {
      const currency = text.slice(pos, comma);
      line = lines.find((l) => l.currency === currency);
      if (!line) lines.push((line = { currency, balance: 0, buckets: new Array<number>(periods).fill(0) }));
    }
    pos = comma + 1;
    const period = number();
    pos += 1;
    const isOverdue = text.charCodeAt(pos) === ZERO + 1;
    pos += 2;
    const accounting = number();
    pos += 1;
    const open = number();
    if (Number.isNaN(accounting) || Number.isNaN(open)) return null;
    // Every partial sum is at most the sum of magnitudes: below 2^53 every one of them is exact.
    magnitude += Math.abs(accounting) + Math.abs(open);
    buckets[period]! += accounting;
    balance += accounting;
    if (isOverdue) overdue += accounting;
    line.balance += open;
    line.buckets[period]! += open;
    if (text.charCodeAt(pos) === SEMICOLON) pos += 1;
  }
  if (magnitude > Number.MAX_SAFE_INTEGER) return null;
  if (lines.length > 1) lines.sort((x, y) => (x.currency < y.currency ? -1 : 1));
  return {
    id: row.id,
    account: row.account,
    name: row.name,
    balance: BigInt(balance),
    overdue: BigInt(overdue),
    buckets: buckets.map(BigInt),
    byCurrency: lines.map((l) => ({ currency: l.currency, balance: BigInt(l.balance), buckets: l.buckets.map(BigInt) })),
  };
}

/** A report line from a row's groups: in doubles where that is exact, else in bigint. */
export function toCustomer(row: AgedRow, periods: number): AgedCustomer {
  return numberCustomer(row, periods) ?? exactCustomer(row, periods);
}
