// Settlements must never settle more than is open: per entry, the settlements in date order (those
// saved before and those of this import, an imported one replacing a saved one with the same debit,
// credit and date) may add up to at most the entry's amount, on the debit side and the credit side.
import { sql, type Kysely } from 'kysely';
import { formatMinor } from '../domain/money';
import type { Database } from '../db/schema';
import type { ErrorLog } from './errors';

/**
 * Whether a staged settlement names `ref`, as two probes of the staging indexes: an
 * `in (select … union …)` here becomes a linear scan per row once the set outgrows work_mem
 * (quadratic: a 2,000,000-row import never finished).
 */
function namedBySettlement(ref: string) {
  const col = sql.raw(ref);
  return sql`(exists (select 1 from stg_settlements s where s.debit_ref = ${col})
    or exists (select 1 from stg_settlements s where s.credit_ref = ${col}))`;
}

/**
 * The entries settlements are checked against, keyed by external id (or id when saved without
 * one): those staged settlements name, and staged entries that already have saved settlements.
 */
export async function buildEffectiveEntries(db: Kysely<Database>): Promise<void> {
  await sql`
    create temporary table eff_entries on commit drop as
    select distinct on (ref) ref, ok, kind, amount, currency, posting_date, entry_id, file, line from (
      select l.external_id as ref, l.ok, l.kind, l.amount, l.currency, l.posting_date, le.id as entry_id,
        l.file, l.line, 0 as rank
      from stg_ledger l left join ledger_entries le on le.external_id = l.external_id
      where ${namedBySettlement('l.external_id')}
        or exists (select 1 from settlements st where st.debit_id = le.id)
        or exists (select 1 from settlements st where st.credit_id = le.id)
      union all
      select le.external_id, true, le.kind, le.amount, trim(le.currency), le.posting_date, le.id, null, null, 1
      from ledger_entries le where ${namedBySettlement('le.external_id')}
    ) e where ref is not null order by ref, rank`.execute(db);
  await sql`create index on eff_entries (ref)`.execute(db);
  // Probed per saved settlement by checkOverSettlement (a re-import has millions of them).
  await sql`create index on eff_entries (entry_id)`.execute(db);
  await sql`analyze eff_entries`.execute(db);
}

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

export async function checkOverSettlement(db: Kysely<Database>, log: ErrorLog, names: string[]): Promise<void> {
  const result = await sql<OverSettled & { total: string }>`
    with saved as (
      select coalesce(d.external_id, d.id::text) as debit_ref, coalesce(c.external_id, c.id::text) as credit_ref,
        st.amount, st.settled_on
      from settlements st join ledger_entries d on d.id = st.debit_id join ledger_entries c on c.id = st.credit_id
      where exists (select 1 from eff_entries e where e.entry_id = st.debit_id)
        or exists (select 1 from eff_entries e where e.entry_id = st.credit_id)
    ),
    all_settlements as (
      select debit_ref, credit_ref, amount, settled_on, file, line from stg_settlements where ok and amount is not null
      union all
      select v.*, null::int4, null::int4 from saved v
      where not exists (select 1 from stg_settlements s where s.debit_ref = v.debit_ref
                          and s.credit_ref = v.credit_ref and s.settled_on = v.settled_on)
    ),
    sides as (
      select 'debit' as side, debit_ref as ref, amount, settled_on, file, line from all_settlements
      union all
      select 'credit', credit_ref, amount, settled_on, file, line from all_settlements
    ),
    running as (
      select s.*, abs(e.amount) as entry_amount, e.currency, e.file as entry_file, e.line as entry_line,
        sum(s.amount) over (partition by s.side, s.ref order by s.settled_on, s.file nulls first, s.line
                            rows unbounded preceding) as settled
      from sides s join eff_entries e on e.ref = s.ref
      where e.ok
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
