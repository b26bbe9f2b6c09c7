// The aged receivables report's lines, streamed in pages by account: every customer with anything
// open on a date (or an agent's customers), with balance, overdue and aging in the accounting
// currency and per transaction currency. Same rules and the same reading of only what was open as
// agingOfAllCustomers (aging.ts), with each entry's currency and overdue flag carried along.
//
// Streaming keeps the server's memory flat however many customers there are. On PostgreSQL one
// statement runs under a cursor in a read-only transaction (Kysely's .stream() needs pg-cursor,
// which the pool is not set up with). PGlite has one session, which a cursor would hold for the
// whole download, blocking every other request: there the lines come in keyset pages of customers.
import { sql, type Kysely, type RawBuilder } from 'kysely';
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
 * One customer's open amounts grouped by currency, period and overdue, as 'currency,period,overdue,
 * accounting,open' groups joined by ';' (overdue 1 or 0): one text column splits far faster than
 * pg parses five arrays, which took a third of the report's time on the server.
 */
interface AgedRow {
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

async function* viaCursor(db: Kysely<Database>, query: AgedReceivablesQuery, pool: RawBuilder<unknown> | null, pageSize: number): AsyncGenerator<AgedRow[]> {
  const byAgent = query.agentId === null ? null : sql`customer_id in (select id from customers where default_agent_id = ${query.agentId})`;
  const byPool = pool === null ? null : sql`customer_id in (${pool})`;
  const scope = byAgent && byPool ? sql`${byAgent} and ${byPool}` : (byAgent ?? byPool);
  const trx = await db.startTransaction().setAccessMode('read only').execute();
  let finished = false;
  try {
    // As in aging.ts: aggregates in memory rather than sorts on disk, and no JIT compiling of a
    // statement whose never-run settlement probes inflate the estimates.
    await sql`set local work_mem = '64MB'`.execute(trx);
    await sql`set local jit = off`.execute(trx);
    // Every row is read, so plan for all of them: planned for a cursor's default first tenth, the
    // statement started sooner and finished a third later on a past date.
    await sql`set local cursor_tuple_fraction = 1`.execute(trx);
    await sql`declare aged_receivables no scroll cursor for ${agedStatement(query, scope)}`.execute(trx);
    for (;;) {
      const { rows } = await sql<AgedRow>`fetch forward ${sql.lit(pageSize)} from aged_receivables`.execute(trx);
      yield rows;
      if (rows.length < pageSize) break;
    }
    await trx.commit().execute();
    finished = true;
  } finally {
    // Also when the consumer stops early (a download cut off): the cursor goes with the transaction.
    if (!finished) await trx.rollback().execute();
  }
}

async function* viaKeyset(db: Kysely<Database>, query: AgedReceivablesQuery, pool: RawBuilder<unknown> | null, pageSize: number): AsyncGenerator<AgedRow[]> {
  let after: string | null = null;
  for (;;) {
    let customers = db.selectFrom('customers').select(['id', 'account']).orderBy('account').limit(pageSize);
    if (after !== null) customers = customers.where('account', '>', after);
    if (query.agentId !== null) customers = customers.where('default_agent_id', '=', query.agentId);
    if (pool !== null) customers = customers.where(sql<boolean>`id in (${pool})`);
    const page = await customers.execute();
    if (page.length === 0) return;
    const ids = page.map((customer) => customer.id);
    yield (await agedStatement(query, sql`customer_id = any(${ids}::uuid[])`).execute(db)).rows;
    if (page.length < pageSize) return;
    after = page[page.length - 1]!.account;
  }
}

/** One row per customer with anything open, by account; `scope` limits the customers read. */
function agedStatement(query: AgedReceivablesQuery, scope: RawBuilder<unknown> | null): RawBuilder<AgedRow> {
  const { asOf } = query;
  // width_bucket against the starts of the periods after the first gives each day count its
  // period's index; the first period (Current) is 0.
  const starts = query.periods.slice(1).map((p) => p.fromDays!);
  const aged = sql.ref(query.by === 'document_date' ? 'posting_date' : 'due_date');
  const only = scope === null ? sql`` : sql`and ${scope}`;
  return sql<AgedRow>`
    with candidates as (
      select id, customer_id, currency, due_date, ${aged} as aged_from, amount, amount_accounting, settled_amount, last_settled_on
      from ledger_entries where closed_on is null and posting_date <= ${asOf}::date ${only}
      union all
      select id, customer_id, currency, due_date, ${aged}, amount, amount_accounting, settled_amount, last_settled_on
      from ledger_entries where closed_on > ${asOf}::date and posting_date <= ${asOf}::date ${only}
    ), open as (
      select customer_id, currency, due_date, aged_from, amount, amount_accounting,
        amount - (case when amount > 0 then 1 else -1 end)::bigint * case
          when last_settled_on is null or last_settled_on <= ${asOf}::date then settled_amount
          -- A debit is always the debit side of its settlements, a credit the credit side.
          -- bigint, as every other term: the open amount and what follows stay out of numeric.
          when amount > 0 then (select coalesce(sum(s.amount), 0)::bigint from settlements s
                                where s.debit_id = c.id and s.settled_on <= ${asOf}::date)
          else (select coalesce(sum(s.amount), 0)::bigint from settlements s
                where s.credit_id = c.id and s.settled_on <= ${asOf}::date)
        end as open
      from candidates c
      -- A subquery of its own, so that each open amount (and its settlement probe) is computed once,
      -- not once for the filter and again for each sum below.
      offset 0
    ), grouped as (
      select customer_id, currency::text as currency,
        case when amount > 0 and aged_from is not null
          then width_bucket(${asOf}::date - aged_from, ${starts}::int[]) else 0 end as period,
        -- The summary's overdue (credit.ts): debits past their due date, whatever the basis.
        (amount > 0 and due_date is not null and due_date < ${asOf}::date) as overdue,
        -- Prorated only when partly settled: most open entries are not settled at all.
        sum(case when open = amount then amount_accounting else round(amount_accounting::numeric * open / amount)::bigint end) as accounting,
        sum(open) as open
      from open where open <> 0
      group by 1, 2, 3, 4
    ), per_customer as (
      select customer_id,
        string_agg(concat_ws(',', currency, period, overdue::int, accounting, open), ';') as groups
      from grouped group by customer_id
    )
    -- The customer's account and name by primary key, one probe per customer (two subqueries, one
    -- per column, probed twice: 750 of 3,470 ms of the report as of today on the benchmark ledger).
    select c.id, c.account, c.name, p.groups
    from per_customer p join customers c on c.id = p.customer_id
    order by c.account`;
}

function toCustomer(row: AgedRow, periods: number): AgedCustomer {
  const buckets = new Array<bigint>(periods).fill(0n);
  let overdue = 0n;
  const currencies = new Map<string, CurrencyAging>();
  for (const group of row.groups.split(';')) {
    const [currency, periodText, overdueFlag, accountingText, openText] = group.split(',') as [string, string, string, string, string];
    const period = Number(periodText);
    const accounting = BigInt(accountingText);
    const open = BigInt(openText);
    buckets[period]! += accounting;
    if (overdueFlag === '1') overdue += accounting;
    let line = currencies.get(currency);
    if (!line) currencies.set(currency, (line = emptyCurrencyAging(currency, periods)));
    line.balance += open;
    line.buckets[period]! += open;
  }
  return {
    id: row.id,
    account: row.account,
    name: row.name,
    balance: buckets.reduce((sum, amount) => sum + amount, 0n),
    overdue,
    buckets,
    byCurrency: [...currencies.values()].sort((a, b) => (a.currency < b.currency ? -1 : 1)),
  };
}
