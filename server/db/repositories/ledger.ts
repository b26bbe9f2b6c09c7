// A customer's ledger as the domain needs it: the entries posted on or before a date and the
// settlements dated on or before it, in one round trip (the settlements ride along per debit).
import { sql, type Kysely } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { IsoDate, LedgerEntry, Settlement } from '../../domain/types';
import type { Database } from '../schema';

export interface CustomerLedger {
  entries: LedgerEntry[];
  settlements: Settlement[];
}

/**
 * Uses ledger_customer_posting_idx for the entries and settlements_debit_idx for each debit's
 * settlements. Settlement amounts travel as text inside the JSON so that no int8 goes through a float.
 */
export async function loadLedger(db: Kysely<Database>, customerId: string, asOf: IsoDate): Promise<CustomerLedger> {
  const rows = await db
    .selectFrom('ledger_entries as e')
    .select((eb) => [
      'e.id', 'e.kind', 'e.document', 'e.posting_date', 'e.due_date', 'e.currency', 'e.amount', 'e.amount_accounting',
      'e.collection_status', 'e.status_date', 'e.promise_date', 'e.promise_amount', 'e.dispute_reason',
      jsonArrayFrom(
        eb
          .selectFrom('settlements as s')
          .select(['s.credit_id as creditId', sql<string>`s.amount::text`.as('amount'), sql<string>`s.settled_on::text`.as('date')])
          .whereRef('s.debit_id', '=', 'e.id')
          .where('s.settled_on', '<=', asOf),
      ).as('settled'),
    ])
    .where('e.customer_id', '=', customerId)
    .where('e.posting_date', '<=', asOf)
    .execute();

  const entries: LedgerEntry[] = [];
  const settlements: Settlement[] = [];
  for (const row of rows) {
    entries.push(toEntry(row));
    for (const s of row.settled) {
      settlements.push({ debitId: row.id, creditId: s.creditId, amount: BigInt(s.amount), date: s.date });
    }
  }
  return { entries, settlements };
}

interface EntryRow {
  id: string;
  kind: LedgerEntry['kind'];
  document: string;
  posting_date: IsoDate;
  due_date: IsoDate | null;
  currency: string;
  amount: bigint;
  amount_accounting: bigint;
  collection_status: LedgerEntry['collectionStatus'];
  status_date: IsoDate | null;
  promise_date: IsoDate | null;
  promise_amount: bigint | null;
  dispute_reason: string | null;
}

interface OpenRow extends EntryRow {
  settled: Array<{ id: string; debitId: string; creditId: string; amount: string; date: IsoDate }>;
}

export function toEntry(row: EntryRow): LedgerEntry {
  return {
    id: row.id,
    kind: row.kind,
    document: row.document,
    postingDate: row.posting_date,
    dueDate: row.due_date,
    currency: row.currency,
    amount: row.amount,
    amountAccounting: row.amount_accounting,
    collectionStatus: row.collection_status,
    statusDate: row.status_date,
    promiseDate: row.promise_date,
    promiseAmount: row.promise_amount,
    disputeReason: row.dispute_reason,
  };
}

/**
 * Only the entries open on `asOf`, each with all of its settlements dated by then (for
 * `ledgerAsOf(…, { subset: true })`): the open transactions of a customer with years of history
 * read a few rows instead of all of them. Open on `asOf` means not closed (ledger_open_idx) or
 * closed after it (ledger_closed_on_idx), from the settled totals of migration 007.
 */
export async function loadOpenLedger(db: Kysely<Database>, customerId: string, asOf: IsoDate): Promise<CustomerLedger> {
  const columns = sql`e.id, e.kind, e.document, e.posting_date, e.due_date, e.currency, e.amount, e.amount_accounting,
    e.collection_status, e.status_date, e.promise_date, e.promise_amount, e.dispute_reason,
    (select coalesce(json_agg(m), '[]') from (
      select s.id, s.debit_id as "debitId", s.credit_id as "creditId", s.amount::text as amount, s.settled_on::text as date
      from settlements s where s.debit_id = e.id and s.settled_on <= ${asOf}::date
      union all
      select s.id, s.debit_id, s.credit_id, s.amount::text, s.settled_on::text
      from settlements s where s.credit_id = e.id and s.settled_on <= ${asOf}::date
    ) m) as settled`;
  const result = await sql<OpenRow>`
    select ${columns} from ledger_entries e
    where e.customer_id = ${customerId} and e.posting_date <= ${asOf}::date and e.closed_on is null
    union all
    select ${columns} from ledger_entries e
    where e.customer_id = ${customerId} and e.posting_date <= ${asOf}::date and e.closed_on > ${asOf}::date`.execute(db);

  const entries: LedgerEntry[] = [];
  const byId = new Map<string, Settlement>();
  for (const row of result.rows) {
    entries.push(toEntry(row));
    // A settlement between two open entries arrives with each of them; it counts once.
    for (const s of row.settled) {
      byId.set(s.id, { debitId: s.debitId, creditId: s.creditId, amount: BigInt(s.amount), date: s.date });
    }
  }
  return { entries, settlements: [...byId.values()] };
}

/** What the actions need beside an entry's figures: its version, who set its status (name or email) and its document link. */
export async function entryActionStates(
  db: Kysely<Database>,
  ids: string[],
): Promise<Map<string, { version: number; statusSetBy: string | null; documentUrl: string | null }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('ledger_entries as e')
    .leftJoin('agents as g', (join) => join.on(sql`g.id::text`, '=', sql.ref('e.status_set_by')))
    .select(['e.id', 'e.version', 'e.document_url', sql<string | null>`coalesce(g.name, g.email, e.status_set_by)`.as('set_by')])
    .where('e.id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, { version: r.version, statusSetBy: r.set_by, documentUrl: r.document_url }]));
}
