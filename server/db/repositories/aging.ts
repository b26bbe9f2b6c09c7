// Aged receivables of every customer as of a date, in one statement: the collections manager's
// aging report and the pool worklist's ordering read it. Same rules as the domain (ledger-asof.ts,
// aging.ts): open amounts prorated into the accounting currency (half away from zero), by due date
// or by document date; credits and debits without a due date age as the first period.
//
// It reads only what was open on the date, through the settled totals that migration 007 keeps on
// each entry: the entries not yet closed (ledger_open_idx, an index-only scan) and those closed
// after the date (ledger_closed_on_idx). An entry's open amount comes from its settled total unless
// it was settled after the date, and only then from its settlements.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { DEFAULT_AGING_PERIODS, validateAgingPeriods } from '../../domain/aging';
import { historyDates, type AgingHistory } from '../../domain/aging-history';
import type { AgingBy, AgingPeriod, IsoDate } from '../../domain/types';
import type { Database } from '../schema';

export interface CustomerAging {
  customerId: string;
  /** Open accounting amount per period, in the order of the periods. */
  amounts: bigint[];
}

/**
 * Customers with anything open on `asOf` (a non-zero period), in no particular order; `customers`
 * (a subquery of customer ids) limits them, as a pool does.
 */
export async function agingOfAllCustomers(
  db: Kysely<Database>,
  asOf: IsoDate,
  periods: readonly AgingPeriod[] = DEFAULT_AGING_PERIODS,
  by: AgingBy = 'due_date',
  customers: RawBuilder<unknown> | null = null,
): Promise<CustomerAging[]> {
  validateAgingPeriods(periods);
  const only = customers === null ? sql`` : sql`and customer_id in (${customers})`;
  // width_bucket against the starts of the periods after the first gives each day count its
  // period's index; the first period (Current) is 0.
  const starts = periods.slice(1).map((p) => p.fromDays!);
  const aged = sql.ref(by === 'document_date' ? 'posting_date' : 'due_date');
  const statement = sql<{ customer_id: string; period: number; amount: string }>`
    with candidates as (
      select id, customer_id, ${aged} as aged_from, amount, amount_accounting, settled_amount, last_settled_on
      from ledger_entries where closed_on is null and posting_date <= ${asOf}::date ${only}
      union all
      select id, customer_id, ${aged}, amount, amount_accounting, settled_amount, last_settled_on
      from ledger_entries where closed_on > ${asOf}::date and posting_date <= ${asOf}::date ${only}
    ), open as (
      select customer_id, aged_from, amount, amount_accounting,
        amount - (case when amount > 0 then 1 else -1 end)::bigint * case
          when last_settled_on is null or last_settled_on <= ${asOf}::date then settled_amount
          -- A debit is always the debit side of its settlements, a credit the credit side (the
          -- import refuses anything else), so each probes one index.
          when amount > 0 then (select coalesce(sum(s.amount), 0)::bigint from settlements s
                                where s.debit_id = c.id and s.settled_on <= ${asOf}::date)
          else (select coalesce(sum(s.amount), 0)::bigint from settlements s
                where s.credit_id = c.id and s.settled_on <= ${asOf}::date)
        end as open
      from candidates c
    )
    select customer_id,
      case when amount > 0 and aged_from is not null
        then width_bucket(${asOf}::date - aged_from, ${starts}::int[]) else 0 end as period,
      sum(case when open = amount then amount_accounting else round(amount_accounting::numeric * open / amount)::bigint end)::text as amount
    from open where open <> 0
    group by 1, 2`;
  // Tens of thousands of customers × periods: enough memory to aggregate them in a hash table
  // rather than sorting on disk (PostgreSQL's default work_mem is 4 MB).
  const result = await db.transaction().execute(async (trx) => {
    await sql`set local work_mem = '64MB'`.execute(trx);
    // The never-run settlement probes make the estimate huge, which would JIT-compile the
    // statement: most of a second spent compiling what runs in a fraction of that.
    await sql`set local jit = off`.execute(trx);
    return statement.execute(trx);
  });

  const byCustomer = new Map<string, bigint[]>();
  for (const row of result.rows) {
    let amounts = byCustomer.get(row.customer_id);
    if (!amounts) byCustomer.set(row.customer_id, (amounts = periods.map(() => 0n)));
    amounts[row.period] = BigInt(row.amount);
  }
  return [...byCustomer].map(([customerId, amounts]) => ({ customerId, amounts }));
}

/**
 * The aging of a group of customers (`customers`, a subquery of ids; null for every customer) at
 * each of the last `months` month ends and on `asOf`, oldest first: each point is the sum of the
 * customers' agings on its date by the summary's rules and the default periods (due date basis),
 * one statement per date.
 */
export async function agingHistoryOf(
  db: Kysely<Database>,
  customers: RawBuilder<unknown> | null,
  asOf: IsoDate,
  months: number,
): Promise<AgingHistory> {
  const periods = DEFAULT_AGING_PERIODS;
  const points = [];
  for (const date of historyDates(asOf, months)) {
    const amounts = periods.map(() => 0n);
    for (const customer of await agingOfAllCustomers(db, date, periods, 'due_date', customers)) {
      customer.amounts.forEach((amount, i) => (amounts[i]! += amount));
    }
    points.push({ asOf: date, amounts, balance: amounts.reduce((a, b) => a + b, 0n) });
  }
  return { asOf, periods, points };
}
