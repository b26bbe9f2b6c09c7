// Set-wide checks on the staged rows, in SQL so they scale to millions of rows: duplicates within
// the file set and references to unknown accounts (settlements are checked in settle-check.ts).
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/schema';
import type { ErrorLog } from './errors';
import type { ImportKind } from './formats';

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

interface Key {
  table: string;
  key: string;
  col: string;
  label: string;
}

const KEYS: Record<ImportKind, Key> = {
  customers: { table: 'stg_customers', key: 'account', col: 'account', label: 'the account appears twice' },
  contacts: { table: 'stg_contacts', key: 'account, email', col: 'email', label: 'the e-mail address appears twice for this account' },
  contracts: { table: 'stg_contracts', key: 'account, number', col: 'contract_number',
    label: 'the contract number appears twice for this account' },
  ledger: { table: 'stg_ledger', key: 'external_id', col: 'external_id', label: 'the external id appears twice' },
  settlements: { table: 'stg_settlement_rows', key: 'debit_ref, credit_ref, settled_on', col: 'date',
    label: 'the same debit, credit and date appear twice' },
};

/**
 * Logs the rows whose key an earlier row of the file set has, and says whether there were any. A
 * hash aggregate answers the usual case (none) in one pass; only when there are duplicates are the
 * rows sorted by key to name the first occurrence.
 */
export async function checkDuplicates(db: Kysely<Database>, log: ErrorLog, names: string[], kind: ImportKind): Promise<boolean> {
  const { table, key, col, label } = KEYS[kind];
  const present = sql.raw(key.split(', ').map((k) => `${k} is not null`).join(' and '));
  const found = await sql<{ found: boolean }>`
    select exists (select 1 from ${sql.raw(table)} where ${present} group by ${sql.raw(key)} having count(*) > 1) as found`
    .execute(db);
  if (!found.rows[0]!.found) return false;
  await collect(db, log, names, sql`
    select file, line, ${col}::text as col, ${label}::text as reason, first_file as other_file, first_line as other_line
    from (select file, line,
            row_number() over w as n, first_value(file) over w as first_file, first_value(line) over w as first_line
          from ${sql.raw(table)} where ${present}
          window w as (partition by ${sql.raw(key)} order by file, line)) d
    where n > 1`);
  return true;
}

function unknownAccount(table: string): RawBuilder<unknown> {
  return sql`
    select s.file, s.line, 'account' as col, format('unknown account ''%s''', s.account) as reason,
      null::int4 as other_file, null::int4 as other_line
    from ${sql.raw(table)} s
    where s.account is not null
      and not exists (select 1 from stg_customers c where c.account = s.account)
      and not exists (select 1 from customers c where c.account = s.account)`;
}

export const referenceChecks: RawBuilder<unknown>[] = [
  unknownAccount('stg_contacts'), unknownAccount('stg_contracts'), unknownAccount('stg_ledger'),
];
