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
    entries.push({
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
    });
    for (const s of row.settled) {
      settlements.push({ debitId: row.id, creditId: s.creditId, amount: BigInt(s.amount), date: s.date });
    }
  }
  return { entries, settlements };
}
