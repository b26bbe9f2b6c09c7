// Set-wide checks on the staged rows, in SQL so they scale to millions of rows: duplicates within
// the file set, references to unknown accounts and ledger rows, and settlements that do not fit
// their entries (wrong side, other currency, dated before posting).
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/schema';
import type { ErrorLog } from './errors';

export interface Found {
  file: number;
  line: number;
  col: string | null;
  reason: string;
  other_file: number | null;
  other_line: number | null;
}

/** Runs a check query (columns of Found) and logs its first rows, counting the rest. */
export async function collect(
  db: Kysely<Database>,
  log: ErrorLog,
  names: string[],
  query: RawBuilder<unknown>,
): Promise<void> {
  const limit = Math.max(log.room, 1);
  const result = await sql<Found & { total: string }>`
    select q.*, count(*) over ()::text as total from (${query}) q order by file, line limit ${limit}`.execute(db);
  const rows = result.rows.slice(0, log.room);
  log.addCounted(
    rows.map((r) => ({
      file: names[r.file]!,
      line: r.line,
      column: r.col,
      reason: r.other_line === null ? r.reason : `${r.reason} (first on line ${r.other_line}${r.other_file === r.file ? '' : ` of ${names[r.other_file!]}`})`,
    })),
    Number(result.rows[0]?.total ?? 0),
  );
}

function duplicates(table: string, key: string, col: string, label: string): RawBuilder<unknown> {
  return sql`
    select file, line, ${col}::text as col, ${label}::text as reason, first_file as other_file, first_line as other_line
    from (select file, line,
            row_number() over w as n, first_value(file) over w as first_file, first_value(line) over w as first_line
          from ${sql.raw(table)} where ${sql.raw(key.split(', ').map((k) => `${k} is not null`).join(' and '))}
          window w as (partition by ${sql.raw(key)} order by file, line)) d
    where n > 1`;
}

export const duplicateChecks: RawBuilder<unknown>[] = [
  duplicates('stg_customers', 'account', 'account', 'the account appears twice'),
  duplicates('stg_contacts', 'account, email', 'email', 'the e-mail address appears twice for this account'),
  duplicates('stg_ledger', 'external_id', 'external_id', 'the external id appears twice'),
  duplicates('stg_settlements', 'debit_ref, credit_ref, settled_on', 'date',
    'the same debit, credit and date appear twice'),
];

function unknownAccount(table: string): RawBuilder<unknown> {
  return sql`
    select s.file, s.line, 'account' as col, format('unknown account ''%s''', s.account) as reason,
      null::int4 as other_file, null::int4 as other_line
    from ${sql.raw(table)} s
    where s.account is not null
      and not exists (select 1 from stg_customers c where c.account = s.account)
      and not exists (select 1 from customers c where c.account = s.account)`;
}

function unknownEntry(side: 'debit' | 'credit'): RawBuilder<unknown> {
  const ref = sql.raw(`s.${side}_ref`);
  return sql`
    select s.file, s.line, ${`${side}_external_id`}::text as col,
      format('unknown ledger row ''%s'' (no ledger entry has this external id)', ${ref}) as reason,
      null::int4 as other_file, null::int4 as other_line
    from stg_settlements s
    where ${ref} is not null
      and not exists (select 1 from stg_ledger l where l.external_id = ${ref})
      and not exists (select 1 from ledger_entries l where l.external_id = ${ref})`;
}

export const referenceChecks: RawBuilder<unknown>[] = [
  unknownAccount('stg_contacts'),
  unknownAccount('stg_ledger'),
  unknownEntry('debit'),
  unknownEntry('credit'),
];

/** Staged settlements against the entries they name (effective entries: see settle-check.ts). */
export const settlementFitChecks: RawBuilder<unknown>[] = [
  sql`
    select s.file, s.line, 'debit_external_id' as col,
      format('''%s'' is a credit (a %s with a negative amount), not a debit', s.debit_ref, d.kind) as reason,
      null::int4 as other_file, null::int4 as other_line
    from stg_settlements s join eff_entries d on d.ref = s.debit_ref
    where d.ok and d.amount < 0`,
  sql`
    select s.file, s.line, 'credit_external_id' as col,
      format('''%s'' is a debit (a %s with a positive amount), not a credit', s.credit_ref, c.kind) as reason,
      null::int4 as other_file, null::int4 as other_line
    from stg_settlements s join eff_entries c on c.ref = s.credit_ref
    where c.ok and c.amount > 0`,
  sql`
    select s.file, s.line, 'credit_external_id' as col,
      format('the debit is in %s but the credit in %s; a settlement needs one currency', d.currency, c.currency) as reason,
      null::int4 as other_file, null::int4 as other_line
    from stg_settlements s join eff_entries d on d.ref = s.debit_ref join eff_entries c on c.ref = s.credit_ref
    where d.ok and c.ok and d.currency <> c.currency`,
  sql`
    select s.file, s.line, 'date' as col,
      format('%s is before the %s ''%s'' was posted on %s', s.settled_on, e.side, e.ref, e.posting_date) as reason,
      null::int4 as other_file, null::int4 as other_line
    from stg_settlements s
    cross join lateral (select 'debit' as side, d.* from eff_entries d where d.ref = s.debit_ref
                        union all select 'credit', c.* from eff_entries c where c.ref = s.credit_ref) e
    where e.ok and s.settled_on < e.posting_date`,
];
