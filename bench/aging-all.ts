// The baseline for the aging of every customer (server/db/repositories/aging.ts): the same figures
// straight from the ledger and every settlement, without the settled totals the product keeps on
// each entry. Same rules as the domain (ledger-asof.ts, aging.ts): a settlement counts from its date
// (the import refuses one dated before either of its entries); open accounting amounts are prorated
// (half away from zero); credits and debits without a due date age as Current; periods Current,
// 1–30, 31–60, 61–90, 91–120, over 120 days.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../server/db/schema';

export interface CustomerAging {
  customer_id: string;
  buckets: string[];
}

export async function agingFromAllSettlements(db: Kysely<Database>, asOf: string): Promise<CustomerAging[]> {
  const result = await sql<CustomerAging>`
    with settled as (
      select id, sum(amount) as amount from (
        select debit_id as id, amount from settlements where settled_on <= ${asOf}::date
        union all
        select credit_id, -amount from settlements where settled_on <= ${asOf}::date
      ) moves group by id
    ), open as (
      select e.customer_id, e.amount, e.amount_accounting,
        e.amount - coalesce(st.amount, 0) as open,
        case when e.amount > 0 and e.due_date is not null then ${asOf}::date - e.due_date end as days
      from ledger_entries e left join settled st on st.id = e.id
      where e.posting_date <= ${asOf}::date
    ), aged as (
      select customer_id, round(amount_accounting::numeric * open / amount) as open_accounting,
        case when days is null or days <= 0 then 0 when days <= 30 then 1 when days <= 60 then 2
             when days <= 90 then 3 when days <= 120 then 4 else 5 end as bucket
      from open where open <> 0
    )
    select customer_id, array[
      sum(open_accounting) filter (where bucket = 0), sum(open_accounting) filter (where bucket = 1),
      sum(open_accounting) filter (where bucket = 2), sum(open_accounting) filter (where bucket = 3),
      sum(open_accounting) filter (where bucket = 4), sum(open_accounting) filter (where bucket = 5)
    ]::text[] as buckets
    from aged group by customer_id`.execute(db);
  return result.rows;
}
