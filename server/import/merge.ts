// The merge of checked staging rows into the ledger: one INSERT … ON CONFLICT per kind, keyed by
// account, (customer, e-mail), external id and (debit, credit, date), updating only rows whose
// values differ, so a re-import of the same files changes nothing and says so.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/schema';

export interface MergeCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

async function upsert(db: Kysely<Database>, table: string, statement: RawBuilder<unknown>): Promise<MergeCounts> {
  const result = await sql<{ inserted: string; updated: string; staged: string }>`
    with merged as (${statement} returning (xmax = 0) as inserted)
    select count(*) filter (where inserted)::text as inserted, count(*) filter (where not inserted)::text as updated,
      (select count(*) from ${sql.raw(table)})::text as staged
    from merged`.execute(db);
  const row = result.rows[0]!;
  const inserted = Number(row.inserted);
  const updated = Number(row.updated);
  return { inserted, updated, unchanged: Number(row.staged) - inserted - updated };
}

/**
 * A new entry's settled totals are those of its staged settlements, so it is inserted with them and
 * the settlements trigger (migration 007) finds nothing to rewrite; an existing entry keeps its own
 * (the conflict clause does not set them) until the trigger recomputes them from every settlement.
 */
const stagedSettledTotals = sql`
  select ref, sum(amount)::bigint as amount, max(settled_on) as last from (
    select debit_ref as ref, amount, settled_on from stg_settlements
    union all
    select credit_ref, amount, settled_on from stg_settlements
  ) moves group by ref`;

export async function mergeStaged(db: Kysely<Database>): Promise<MergeCounts> {
  // Agents named only by e-mail are created so the customer can point at them.
  await sql`
    insert into agents (email) select distinct agent_email from stg_customers where agent_email is not null
    on conflict (email) do nothing`.execute(db);
  const counts = [
    await upsert(db, 'stg_customers', sql`
      insert into customers as t (account, name, customer_group, sales_area, payment_terms, currency, credit_limit,
        credit_rating, status, customer_since, domains, default_agent_id)
      select s.account, s.name, s.customer_group, s.sales_area, s.payment_terms, s.currency, s.credit_limit,
        s.credit_rating, s.status, s.customer_since, coalesce(string_to_array(nullif(s.domains, ''), ';'), '{}')::text[], a.id
      from stg_customers s left join agents a on a.email = s.agent_email
      on conflict (account) do update set name = excluded.name, customer_group = excluded.customer_group,
        sales_area = excluded.sales_area, payment_terms = excluded.payment_terms, currency = excluded.currency,
        credit_limit = excluded.credit_limit, credit_rating = excluded.credit_rating, status = excluded.status,
        customer_since = excluded.customer_since, domains = excluded.domains,
        default_agent_id = excluded.default_agent_id, updated_at = now()
      where (t.name, t.customer_group, t.sales_area, t.payment_terms, t.currency, t.credit_limit, t.credit_rating,
             t.status, t.customer_since, t.domains, t.default_agent_id)
        is distinct from (excluded.name, excluded.customer_group, excluded.sales_area, excluded.payment_terms,
             excluded.currency, excluded.credit_limit, excluded.credit_rating, excluded.status,
             excluded.customer_since, excluded.domains, excluded.default_agent_id)`),
    await upsert(db, 'stg_contacts', sql`
      insert into contacts as t (customer_id, name, email, phone, role)
      select c.id, s.name, s.email, s.phone, s.role from stg_contacts s join customers c on c.account = s.account
      on conflict (customer_id, email) do update set name = excluded.name, phone = excluded.phone, role = excluded.role
      where (t.name, t.phone, t.role) is distinct from (excluded.name, excluded.phone, excluded.role)`),
    await upsert(db, 'stg_ledger', sql`
      insert into ledger_entries as t (customer_id, external_id, kind, document, posting_date, due_date, currency,
        amount, amount_accounting, settled_amount, last_settled_on)
      select c.id, s.external_id, s.kind, s.document, s.posting_date, s.due_date, s.currency, s.amount,
        s.amount_accounting, coalesce(st.amount, 0), st.last
      from stg_ledger s join customers c on c.account = s.account
        left join (${stagedSettledTotals}) st on st.ref = s.external_id
      on conflict (external_id) do update set customer_id = excluded.customer_id, kind = excluded.kind,
        document = excluded.document, posting_date = excluded.posting_date, due_date = excluded.due_date,
        currency = excluded.currency, amount = excluded.amount, amount_accounting = excluded.amount_accounting
      where (t.customer_id, t.kind, t.document, t.posting_date, t.due_date, t.currency, t.amount, t.amount_accounting)
        is distinct from (excluded.customer_id, excluded.kind, excluded.document, excluded.posting_date,
          excluded.due_date, excluded.currency, excluded.amount, excluded.amount_accounting)`),
    await upsert(db, 'stg_settlements', sql`
      insert into settlements as t (debit_id, credit_id, amount, settled_on)
      select d.id, c.id, s.amount, s.settled_on from stg_settlements s
        join ledger_entries d on d.external_id = s.debit_ref join ledger_entries c on c.external_id = s.credit_ref
      on conflict (debit_id, credit_id, settled_on) do update set amount = excluded.amount
      where t.amount is distinct from excluded.amount`),
  ];
  return counts.reduce((sum, c) => ({
    inserted: sum.inserted + c.inserted,
    updated: sum.updated + c.updated,
    unchanged: sum.unchanged + c.unchanged,
  }));
}
