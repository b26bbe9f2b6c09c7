// Settlements against the entries they name. stg_settlements is made from the staged rows in one
// pass: each settlement with its debit and credit as this import leaves them (a staged entry wins
// over a saved one with the same external id) and its amount read in the debit's currency. The
// checks read that table alone, and the merge inserts from it.
//
// Settlements must never settle more than is open: per entry, the settlements in date order (those
// saved before and those of this import, an imported one replacing a saved one with the same debit,
// credit and date) may add up to at most the entry's amount, on the debit side and the credit side.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { CURRENCY_CODES, currencyExponent, formatMinor } from '../domain/money';
import type { Database } from '../db/schema';
import type { ErrorLog } from './errors';

/** The staged entries, one per external id (the first in file order when the ledger repeats one). */
export function stagedEntries(ledgerHasDuplicates: boolean): RawBuilder<unknown> {
  return ledgerHasDuplicates
    ? sql`(select distinct on (external_id) * from stg_ledger order by external_id, file, line)`
    : sql`stg_ledger`;
}

/**
 * Joins, not correlated subqueries: on a large import the planner hashes the staged ledger once,
 * on a small one it probes the ledger's external-id index.
 */
export async function resolveSettlements(db: Kysely<Database>, ledgerHasDuplicates: boolean): Promise<void> {
  const staged = stagedEntries(ledgerHasDuplicates);
  const exponents = CURRENCY_CODES.map((code) => currencyExponent(code));
  await sql`
    create temporary table stg_settlements on commit drop as
    select file, line, coalesce(ok and minor > 0, false) as ok, debit_ref, credit_ref,
      case when minor > 0 then minor end as amount, settled_on,
      case when exponent is null or written is null then null
        when not p_valid then format('''%s'' is not an amount (digits and an optional ''.'')', written)
        when minor is null then format('''%s'' has too many decimals for %s, the debit''s currency', written, d_currency)
        when minor <= 0 then 'must be positive' end as amount_problem,
      d_found, d_ok, d_kind, d_amount, d_currency, d_posting, d_file, d_line, d_saved_id,
      c_found, c_ok, c_kind, c_amount, c_currency, c_posting, c_file, c_line, c_saved_id
    from (
      select r.file, r.line, r.ok, r.debit_ref, r.credit_ref, r.amount as written, r.settled_on, x.exponent,
        p.valid as p_valid, case when p.valid and p.decimals <= x.exponent
          then (replace(r.amount, '.', '') || repeat('0', x.exponent - p.decimals))::int8 end as minor,
        ld.external_id is not null or ed.id is not null as d_found, coalesce(ld.ok, ed.id is not null) as d_ok,
        coalesce(ld.kind, ed.kind) as d_kind, coalesce(ld.amount, ed.amount) as d_amount,
        coalesce(ld.currency, trim(ed.currency)) as d_currency, coalesce(ld.posting_date, ed.posting_date) as d_posting,
        ld.file as d_file, ld.line as d_line, ed.id as d_saved_id,
        lc.external_id is not null or ec.id is not null as c_found, coalesce(lc.ok, ec.id is not null) as c_ok,
        coalesce(lc.kind, ec.kind) as c_kind, coalesce(lc.amount, ec.amount) as c_amount,
        coalesce(lc.currency, trim(ec.currency)) as c_currency, coalesce(lc.posting_date, ec.posting_date) as c_posting,
        lc.file as c_file, lc.line as c_line, ec.id as c_saved_id
      from stg_settlement_rows r
        left join ${staged} ld on ld.external_id = r.debit_ref
        left join ledger_entries ed on ed.external_id = r.debit_ref
        left join ${staged} lc on lc.external_id = r.credit_ref
        left join ledger_entries ec on ec.external_id = r.credit_ref
        left join unnest(${CURRENCY_CODES}::text[], ${exponents}::int4[]) as x(currency, exponent)
          on x.currency = coalesce(ld.currency, trim(ed.currency))
        -- The pattern of parseMoney; capture groups (regexp_match) cost tens of microseconds a row.
        cross join lateral (select r.amount ~ '^-?[0-9]+(\\.[0-9]+)?$' as valid,
                              length(split_part(r.amount, '.', 2)) as decimals) p
      -- A fence: each row's amount is read once, not once for every use of it above.
      offset 0
    ) s`.execute(db);
  await sql`analyze stg_settlements`.execute(db);
}

/** Amounts, unknown entries, the wrong side, two currencies, dates before posting: one pass. */
export const settlementChecks: RawBuilder<unknown> = sql`
  select s.file, s.line, v.col, v.reason, null::int4 as other_file, null::int4 as other_line
  from (
    select * from stg_settlements
    where amount_problem is not null or not d_found or not c_found
      or (d_ok and (d_amount < 0 or settled_on < d_posting)) or (c_ok and (c_amount > 0 or settled_on < c_posting))
      or (d_ok and c_ok and d_currency <> c_currency)
  ) s
  cross join lateral (values
    ('amount', s.amount_problem),
    ('debit_external_id', case when s.debit_ref is not null and not s.d_found
      then format('unknown ledger row ''%s'' (no ledger entry has this external id)', s.debit_ref) end),
    ('credit_external_id', case when s.credit_ref is not null and not s.c_found
      then format('unknown ledger row ''%s'' (no ledger entry has this external id)', s.credit_ref) end),
    ('debit_external_id', case when s.d_ok and s.d_amount < 0
      then format('''%s'' is a credit (a %s with a negative amount), not a debit', s.debit_ref, s.d_kind) end),
    ('credit_external_id', case when s.c_ok and s.c_amount > 0
      then format('''%s'' is a debit (a %s with a positive amount), not a credit', s.credit_ref, s.c_kind) end),
    ('credit_external_id', case when s.d_ok and s.c_ok and s.d_currency <> s.c_currency
      then format('the debit is in %s but the credit in %s; a settlement needs one currency', s.d_currency, s.c_currency) end),
    ('date', case when s.d_ok and s.settled_on < s.d_posting
      then format('%s is before the debit ''%s'' was posted on %s', s.settled_on, s.debit_ref, s.d_posting) end),
    ('date', case when s.c_ok and s.settled_on < s.c_posting
      then format('%s is before the credit ''%s'' was posted on %s', s.settled_on, s.credit_ref, s.c_posting) end)
  ) v(col, reason)
  where v.reason is not null`;

interface OverSettled {
  file: number | null;
  line: number | null;
  side: 'debit' | 'credit';
  ref: string;
  amount: string;
  settled_before: string;
  entry_amount: string;
  currency: string;
  settled_on: string;
  entry_file: number | null;
  entry_line: number | null;
}

/**
 * Sums first, per entry, and orders by date only the settlements of entries whose total is beyond
 * their amount: the sides are read twice (not materialized) instead of sorting them all.
 */
export async function checkOverSettlement(
  db: Kysely<Database>,
  log: ErrorLog,
  names: string[],
  ledgerHasDuplicates: boolean,
): Promise<void> {
  const staged = stagedEntries(ledgerHasDuplicates);
  const result = await sql<OverSettled & { total: string }>`
    with saved_entries as (
      -- Saved entries whose saved settlements count: named by a staged settlement, or staged again.
      select d_saved_id as id from stg_settlements where d_saved_id is not null
      union select c_saved_id from stg_settlements where c_saved_id is not null
      union select st.debit_id from stg_ledger l join ledger_entries le on le.external_id = l.external_id
        join settlements st on st.debit_id = le.id
      union select st.credit_id from stg_ledger l join ledger_entries le on le.external_id = l.external_id
        join settlements st on st.credit_id = le.id
    ),
    saved as (
      select st.id, st.debit_id, st.credit_id, st.amount, st.settled_on from settlements st join saved_entries e on e.id = st.debit_id
      union select st.id, st.debit_id, st.credit_id, st.amount, st.settled_on from settlements st join saved_entries e on e.id = st.credit_id
    ),
    saved_kept as (
      select sv.debit_id, sv.credit_id, coalesce(d.external_id, d.id::text) as debit_ref,
        coalesce(c.external_id, c.id::text) as credit_ref, sv.amount, sv.settled_on
      from saved sv join ledger_entries d on d.id = sv.debit_id join ledger_entries c on c.id = sv.credit_id
      where not exists (select 1 from stg_settlements s where s.debit_ref = coalesce(d.external_id, d.id::text)
                          and s.credit_ref = coalesce(c.external_id, c.id::text) and s.settled_on = sv.settled_on)
    ),
    sides as not materialized (
      select 'debit' as side, debit_ref as ref, amount, settled_on, file, line, abs(d_amount) as entry_amount,
        d_currency as currency, d_file as entry_file, d_line as entry_line
      from stg_settlements where ok and d_ok
      union all
      select 'credit', credit_ref, amount, settled_on, file, line, abs(c_amount), c_currency, c_file, c_line
      from stg_settlements where ok and c_ok
      union all
      select v.side, v.ref, k.amount, k.settled_on, null, null, abs(coalesce(l.amount, le.amount)),
        coalesce(l.currency, trim(le.currency)), l.file, l.line
      from saved_kept k
        cross join lateral (values ('debit', k.debit_id, k.debit_ref), ('credit', k.credit_id, k.credit_ref)) v(side, id, ref)
        join saved_entries e on e.id = v.id
        join ledger_entries le on le.id = v.id
        left join ${staged} l on l.external_id = le.external_id
      where coalesce(l.ok, true)
    ),
    beyond as (select side, ref from sides group by side, ref having sum(amount) > max(entry_amount)),
    running as (
      select s.*, sum(s.amount) over (partition by s.side, s.ref order by s.settled_on, s.file nulls first, s.line
                                      rows unbounded preceding) as settled
      from sides s join beyond b on b.side = s.side and b.ref = s.ref
    )
    select file, line, side, ref, amount::text, (settled - amount)::text as settled_before,
      entry_amount::text, currency, settled_on, entry_file, entry_line, count(*) over ()::text as total
    from running
    where settled > entry_amount and (file is not null or entry_file is not null)
    order by coalesce(file, entry_file), coalesce(line, entry_line)
    limit ${Math.max(log.room, 1)}`.execute(db);
  const rows = result.rows.slice(0, log.room);
  log.addCounted(rows.map((r) => describe(r, names)), Number(result.rows[0]?.total ?? 0));
}

function describe(r: OverSettled, names: string[]) {
  const money = (minor: string) => `${formatMinor(BigInt(minor), r.currency)} ${r.currency}`;
  const open = BigInt(r.entry_amount) - BigInt(r.settled_before);
  if (r.file === null) {
    // A saved settlement no longer fits because this import made the entry smaller.
    return {
      file: names[r.entry_file!]!,
      line: r.entry_line!,
      column: 'amount',
      reason: `is smaller than the ${money((BigInt(r.settled_before) + BigInt(r.amount)).toString())} already settled on this entry`,
    };
  }
  const what = open > 0n ? `only ${money(open.toString())} is open` : 'nothing is open';
  return {
    file: names[r.file]!,
    line: r.line!,
    column: 'amount',
    reason: `settles ${money(r.amount)} but ${what} on the ${r.side} '${r.ref}' as of ${r.settled_on}`,
  };
}
