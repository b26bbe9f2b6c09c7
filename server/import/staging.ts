// Staging tables: each file's rows are streamed, in batches, into a temporary table of the import's
// transaction with COPY, so a million rows never sit in memory and the set-wide checks and the
// merge are plain SQL.
import { sql, type Kysely } from 'kysely';
import { copyField, copyInto } from '../db/kysely';
import { MoneyParseError, parseMoney } from '../domain/money';
import type { Database } from '../db/schema';
import type { ImportKind } from './formats';
import type { Value } from './rows';

type ColumnType = 'text' | 'int8' | 'date';
const text = (name: string): [string, ColumnType] => [name, 'text'];

/** Staging columns per kind, in the order the row converters of rows.ts produce them. */
const COLUMNS: Record<ImportKind, Array<[string, ColumnType]>> = {
  customers: [text('account'), text('name'), text('customer_group'), text('sales_area'), text('payment_terms'),
    text('currency'), ['credit_limit', 'int8'], text('credit_rating'), text('status'), ['customer_since', 'date'],
    text('domains'), text('agent_email')],
  contacts: [text('account'), text('name'), text('email'), text('phone'), text('role')],
  ledger: [text('external_id'), text('account'), text('kind'), text('document'), ['posting_date', 'date'],
    ['due_date', 'date'], text('currency'), ['amount', 'int8'], ['amount_accounting', 'int8']],
  settlements: [text('debit_ref'), text('credit_ref'), ['amount', 'int8'], ['settled_on', 'date']],
};

export const stagingTable = (kind: ImportKind) => `stg_${kind}`;

export async function createStagingTables(db: Kysely<Database>): Promise<void> {
  for (const [kind, columns] of Object.entries(COLUMNS) as Array<[ImportKind, typeof COLUMNS.ledger]>) {
    const list = columns.map(([name, type]) => `${name} ${type}`).join(', ');
    await sql
      .raw(`create temporary table ${stagingTable(kind)} (file int4 not null, line int4 not null, ok bool not null, ${list}) on commit drop`)
      .execute(db);
  }
}

/** Indexes for the lookups by key, built once the rows are in (cheaper than maintaining them). */
export async function indexStagedLedger(db: Kysely<Database>): Promise<void> {
  await sql`create index on stg_ledger (external_id)`.execute(db);
  await sql`analyze stg_ledger`.execute(db);
}

export async function indexStagedRest(db: Kysely<Database>): Promise<void> {
  await sql`create index on stg_customers (account)`.execute(db);
  await sql`create index on stg_settlements (debit_ref)`.execute(db);
  await sql`create index on stg_settlements (credit_ref)`.execute(db);
  await sql`analyze stg_customers; analyze stg_contacts; analyze stg_settlements`.execute(db);
}

const BATCH_ROWS = 10_000;

export type ReportProblem = (line: number, column: string, reason: string) => void;

/** Buffers one file's rows and writes them to its staging table a batch at a time. */
export class Stager {
  private lines: number[] = [];
  private oks: boolean[] = [];
  private rows: Value[][] = [];
  staged = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly kind: ImportKind,
    private readonly file: number,
    private readonly report: ReportProblem,
  ) {}

  async add(line: number, values: Value[], ok: boolean): Promise<void> {
    this.lines.push(line);
    this.oks.push(ok);
    this.rows.push(values);
    if (this.rows.length >= BATCH_ROWS) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.rows.length === 0) return;
    if (this.kind === 'settlements') await this.settlementAmounts();
    const names = ['file', 'line', 'ok', ...COLUMNS[this.kind].map(([name]) => name)];
    const text = this.rows
      .map((row, i) => `${this.file}\t${this.lines[i]}\t${this.oks[i]}\t${row.map((v) => copyField(v ?? null)).join('\t')}\n`)
      .join('');
    await copyInto(this.db, stagingTable(this.kind), names, text);
    this.staged += this.rows.length;
    this.lines = [];
    this.oks = [];
    this.rows = [];
  }

  /** A settlement's amount is in its debit's currency: look the debits up (staged first, then saved). */
  private async settlementAmounts(): Promise<void> {
    const refs = [...new Set(this.rows.map((row) => row[0]).filter((ref): ref is string => ref !== null))];
    const found = await sql<{ ref: string; currency: string }>`
      select distinct on (ref) ref, currency from (
        select external_id as ref, currency, 0 as rank from stg_ledger where external_id = any(${refs}::text[])
        union all
        select external_id, currency, 1 from ledger_entries where external_id = any(${refs}::text[])
      ) known where currency is not null order by ref, rank`.execute(this.db);
    const currencyOf = new Map(found.rows.map((r) => [r.ref, r.currency.trim()]));
    this.rows.forEach((row, i) => {
      const [debit, , amount] = row;
      const currency = debit == null ? undefined : currencyOf.get(debit);
      row[2] = null;
      if (amount == null || currency === undefined) return;
      try {
        const minor = parseMoney(amount, currency);
        if (minor <= 0n) this.report(this.lines[i]!, 'amount', 'must be positive');
        else row[2] = minor.toString();
      } catch (error) {
        if (!(error instanceof MoneyParseError)) throw error;
        const reason = error.reason === 'too_many_decimals'
          ? `'${amount}' has too many decimals for ${currency}, the debit's currency`
          : `'${amount}' is not an amount (digits and an optional '.')`;
        this.report(this.lines[i]!, 'amount', reason);
      }
      if (row[2] === null) this.oks[i] = false;
    });
  }
}
