// The merge of checked staging rows into the ledger: one INSERT … ON CONFLICT per kind, keyed by
// account, (customer, e-mail), (customer, contract number), external id and (debit, credit, date),
// updating only rows whose values differ, so a re-import of the same files changes nothing and
// says so. When none of the staged keys of a kind is saved yet (a first import) its rows are
// inserted without ON CONFLICT;
// that is decided under the merge lock, so an import that raced this one and merged first is seen.
import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/schema';

export interface MergeCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/**
 * Ids for new rows in the order they are inserted (UUID version 7 layout: the time in milliseconds,
 * random bits, then a counter), so a primary key grows at its right edge instead of taking each row
 * into a random leaf page. Rows are inserted sorted as most of the table's indexes are (by customer,
 * by debit): random ids in file order made inserting a first import's ledger a third slower.
 */
function orderedIds(order: RawBuilder<unknown>): RawBuilder<unknown> {
  const random = randomBytes(5);
  const variant = (8 + (random[0]! & 3)).toString(16);
  const bits = random.subarray(1).toString('hex');
  // 12 hex digits of time, the version, 3 random, the variant, 5 random; then a 10-digit counter.
  const prefix = `${Date.now().toString(16).padStart(12, '0')}7${bits.slice(0, 3)}${variant}${bits.slice(3)}`;
  return sql`(${prefix} || lpad(to_hex(row_number() over (order by ${order})), 10, '0'))::uuid`;
}

/**
 * Inserts the staged rows of `table`: with the conflict clause when `saved` (a query) finds one of
 * their keys saved already, else plainly: speculative insertion and RETURNING every row cost a
 * fifth of the time of inserting a first import's ledger.
 */
async function merge(
  db: Kysely<Database>,
  table: string,
  saved: RawBuilder<unknown>,
  insert: RawBuilder<unknown>,
  onConflict: RawBuilder<unknown>,
): Promise<MergeCounts & { found: boolean }> {
  const found = await sql<{ found: boolean }>`select exists (${saved}) as found`.execute(db);
  const staged = async () =>
    Number((await sql<{ n: string }>`select count(*)::text as n from ${sql.raw(table)}`.execute(db)).rows[0]!.n);
  if (!found.rows[0]!.found) {
    const inserted = Number((await insert.execute(db)).numAffectedRows ?? 0n);
    return { inserted, updated: 0, unchanged: (await staged()) - inserted, found: false };
  }
  const result = await sql<{ inserted: string; updated: string }>`
    with merged as (${insert} ${onConflict} returning (xmax = 0) as inserted)
    select count(*) filter (where inserted)::text as inserted, count(*) filter (where not inserted)::text as updated
    from merged`.execute(db);
  const inserted = Number(result.rows[0]!.inserted);
  const updated = Number(result.rows[0]!.updated);
  return { inserted, updated, unchanged: (await staged()) - inserted - updated, found: true };
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

/** Imports merge one at a time: a plain insert is right only while no other import adds the same keys. */
const MERGE_LOCK = 7_163_611_843_204_001n;

export async function mergeStaged(db: Kysely<Database>): Promise<MergeCounts> {
  await sql`select pg_advisory_xact_lock(${MERGE_LOCK}::int8)`.execute(db);
  // Agents named only by e-mail are created so the customer can point at them.
  await sql`
    insert into agents (email) select distinct agent_email from stg_customers where agent_email is not null
    on conflict (email) do nothing`.execute(db);
  const customers = await merge(db, 'stg_customers', sql`select 1 from stg_customers s join customers c on c.account = s.account`, sql`
      insert into customers as t (id, account, name, customer_group, sales_area, payment_terms, currency, credit_limit,
        credit_rating, status, customer_since, domains, default_agent_id)
      select ${orderedIds(sql`s.account`)}, s.account, s.name, s.customer_group, s.sales_area, s.payment_terms,
        s.currency, s.credit_limit, s.credit_rating, s.status, s.customer_since,
        coalesce(string_to_array(nullif(s.domains, ''), ';'), '{}')::text[], a.id
      from stg_customers s left join agents a on a.email = s.agent_email
      order by s.account`, sql`
      on conflict (account) do update set name = excluded.name, customer_group = excluded.customer_group,
        sales_area = excluded.sales_area, payment_terms = excluded.payment_terms, currency = excluded.currency,
        credit_limit = excluded.credit_limit, credit_rating = excluded.credit_rating, status = excluded.status,
        customer_since = excluded.customer_since, domains = excluded.domains,
        default_agent_id = excluded.default_agent_id, updated_at = now()
      where (t.name, t.customer_group, t.sales_area, t.payment_terms, t.currency, t.credit_limit, t.credit_rating,
             t.status, t.customer_since, t.domains, t.default_agent_id)
        is distinct from (excluded.name, excluded.customer_group, excluded.sales_area, excluded.payment_terms,
             excluded.currency, excluded.credit_limit, excluded.credit_rating, excluded.status,
             excluded.customer_since, excluded.domains, excluded.default_agent_id)`);
  const contacts = await merge(db, 'stg_contacts', sql`
      select 1 from stg_contacts s join customers c on c.account = s.account
        join contacts t on t.customer_id = c.id and t.email = s.email`, sql`
      insert into contacts as t (id, customer_id, name, email, phone, role)
      select ${orderedIds(sql`c.id, s.email`)}, c.id, s.name, s.email, s.phone, s.role
      from stg_contacts s join customers c on c.account = s.account
      order by c.id, s.email`, sql`
      on conflict (customer_id, email) do update set name = excluded.name, phone = excluded.phone, role = excluded.role
      where (t.name, t.phone, t.role) is distinct from (excluded.name, excluded.phone, excluded.role)`);
  const contracts = await merge(db, 'stg_contracts', sql`
      select 1 from stg_contracts s join customers c on c.account = s.account
        join contracts t on t.customer_id = c.id and t.number = s.number`, sql`
      insert into contracts as t (id, customer_id, number, description, starts_on, ends_on, value, currency)
      select ${orderedIds(sql`c.id, s.number`)}, c.id, s.number, s.description, s.starts_on, s.ends_on, s.value, s.currency
      from stg_contracts s join customers c on c.account = s.account
      order by c.id, s.number`, sql`
      on conflict (customer_id, number) do update set description = excluded.description,
        starts_on = excluded.starts_on, ends_on = excluded.ends_on, value = excluded.value,
        currency = excluded.currency, updated_at = now()
      where (t.description, t.starts_on, t.ends_on, t.value, t.currency)
        is distinct from (excluded.description, excluded.starts_on, excluded.ends_on, excluded.value, excluded.currency)`);
  const ledger = await merge(db, 'stg_ledger', sql`select 1 from stg_ledger s join ledger_entries l on l.external_id = s.external_id`, sql`
      insert into ledger_entries as t (id, customer_id, external_id, kind, document, posting_date, due_date, currency,
        amount, amount_accounting, settled_amount, last_settled_on, document_url)
      select ${orderedIds(sql`c.id, s.posting_date`)}, c.id, s.external_id, s.kind, s.document, s.posting_date,
        s.due_date, s.currency, s.amount, s.amount_accounting, coalesce(st.amount, 0), st.last, s.document_url
      from stg_ledger s join customers c on c.account = s.account
        left join (${stagedSettledTotals}) st on st.ref = s.external_id
      order by c.id, s.posting_date`, sql`
      on conflict (external_id) do update set customer_id = excluded.customer_id, kind = excluded.kind,
        document = excluded.document, posting_date = excluded.posting_date, due_date = excluded.due_date,
        currency = excluded.currency, amount = excluded.amount, amount_accounting = excluded.amount_accounting,
        document_url = excluded.document_url
      where (t.customer_id, t.kind, t.document, t.posting_date, t.due_date, t.currency, t.amount, t.amount_accounting, t.document_url)
        is distinct from (excluded.customer_id, excluded.kind, excluded.document, excluded.posting_date,
          excluded.due_date, excluded.currency, excluded.amount, excluded.amount_accounting, excluded.document_url)`);
  // stg_settlements (settle-check.ts) says which debits and credits were saved before this import
  // was staged. Another import may have saved the same entries (and their settlements) since, while
  // this one waited for the lock: then the ledger had saved keys, and the settlements are looked up.
  const settlementsSaved = ledger.found
    ? sql`select 1 from stg_settlements s join ledger_entries d on d.external_id = s.debit_ref
        join ledger_entries c on c.external_id = s.credit_ref
        join settlements t on t.debit_id = d.id and t.credit_id = c.id and t.settled_on = s.settled_on`
    : sql`select 1 from stg_settlements where d_saved_id is not null and c_saved_id is not null`;
  const settlements = await merge(db, 'stg_settlements', settlementsSaved, sql`
      insert into settlements as t (id, debit_id, credit_id, amount, settled_on)
      select ${orderedIds(sql`d.id, c.id, s.settled_on`)}, d.id, c.id, s.amount, s.settled_on from stg_settlements s
        join ledger_entries d on d.external_id = s.debit_ref join ledger_entries c on c.external_id = s.credit_ref
      order by d.id, c.id, s.settled_on`, sql`
      on conflict (debit_id, credit_id, settled_on) do update set amount = excluded.amount
      where t.amount is distinct from excluded.amount`);
  return [customers, contacts, contracts, ledger, settlements].reduce<MergeCounts>((sum, c) => ({
    inserted: sum.inserted + c.inserted,
    updated: sum.updated + c.updated,
    unchanged: sum.unchanged + c.unchanged,
  }), { inserted: 0, updated: 0, unchanged: 0 });
}
