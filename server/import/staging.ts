// Staging tables: each file's rows are streamed, in batches, into a temporary table of the import's
// transaction with COPY, so a million rows never sit in memory and the set-wide checks and the
// merge are plain SQL. While PostgreSQL takes one batch the next is read and checked: the reading
// and the database use both cores.
import { sql, type Kysely } from 'kysely';
import { copyField, type BulkTransaction } from '../db/kysely';
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
  contracts: [text('account'), text('number'), text('description'), ['starts_on', 'date'], ['ends_on', 'date'],
    ['value', 'int8'], text('currency')],
  ledger: [text('external_id'), text('account'), text('kind'), text('document'), ['posting_date', 'date'],
    ['due_date', 'date'], text('currency'), ['amount', 'int8'], ['amount_accounting', 'int8'], text('document_url')],
  // The amount as written: it is in the debit's currency, read once the ledger is staged (settle-check.ts).
  settlements: [text('debit_ref'), text('credit_ref'), text('amount'), ['settled_on', 'date']],
};

/** Settlement rows are staged raw; settle-check.ts makes stg_settlements of them. */
export const stagingTable = (kind: ImportKind) => (kind === 'settlements' ? 'stg_settlement_rows' : `stg_${kind}`);

export async function createStagingTables(db: Kysely<Database>): Promise<void> {
  for (const [kind, columns] of Object.entries(COLUMNS) as Array<[ImportKind, typeof COLUMNS.ledger]>) {
    const list = columns.map(([name, type]) => `${name} ${type}`).join(', ');
    await sql
      .raw(`create temporary table ${stagingTable(kind)} (file int4 not null, line int4 not null, ok bool not null, ${list}) on commit drop`)
      .execute(db);
  }
}

/**
 * Statistics for the planner, which otherwise takes a temporary table for a small one and probes
 * a million rows one by one. The staging tables have no indexes: every check reads them whole.
 */
export async function analyzeStaged(db: Kysely<Database>): Promise<void> {
  await sql`analyze stg_customers; analyze stg_contacts; analyze stg_contracts; analyze stg_ledger; analyze stg_settlement_rows`.execute(db);
}

const BATCH_ROWS = 20_000;
const NEEDS_ESCAPE = /[\\\t\n\r]/;

const field = (value: Value): string => (value === null ? '\\N' : NEEDS_ESCAPE.test(value) ? copyField(value) : value);

/** Writes one file's rows to its staging table a batch at a time, one batch in flight at most. */
export class Stager {
  private rows = '';
  private count = 0;
  private readonly prefix: string;
  private readonly columns: string[];
  private inFlight: Promise<void> = Promise.resolve();
  staged = 0;

  constructor(
    private readonly trx: BulkTransaction,
    private readonly kind: ImportKind,
    file: number,
  ) {
    this.prefix = `${file}\t`;
    this.columns = ['file', 'line', 'ok', ...COLUMNS[kind].map(([name]) => name)];
  }

  /** Returns a promise only when a batch went out, so that the caller waits for the one before it. */
  add(line: number, values: Value[], ok: boolean): Promise<void> | undefined {
    // One string per batch, appended to: cheaper than a string per row joined at the end.
    this.rows += `${this.prefix}${line}\t${ok}`;
    for (const value of values) this.rows += `\t${field(value)}`;
    this.rows += '\n';
    return ++this.count >= BATCH_ROWS ? this.send() : undefined;
  }

  /** Sends what is left and waits until every row is in the table. */
  async finish(): Promise<void> {
    await this.send();
    await this.inFlight;
  }

  private async send(): Promise<void> {
    if (this.count === 0) return;
    const rows = this.rows;
    this.staged += this.count;
    this.rows = '';
    this.count = 0;
    await this.inFlight;
    const copy = this.trx.copyFrom(stagingTable(this.kind), this.columns, rows);
    // Awaited by the next send or by finish(); a failure must not surface as an unhandled rejection first.
    copy.catch(() => undefined);
    this.inFlight = copy;
  }
}
