// The stored documents a transaction appears on (collection letters that listed it or charged it
// as their fee), for Reprint: each is printed again exactly as it was posted.
import type { Kysely } from 'kysely';
import { notFound } from '../../domain/errors';
import type { Database } from '../schema';
import { isUuid } from './customers';

export interface TransactionDocument {
  id: string;
  kind: 'collection_letter';
  number: string;
  date: string;
  title: string;
}

export async function transactionDocuments(db: Kysely<Database>, transactionId: string): Promise<TransactionDocument[]> {
  const entry = isUuid(transactionId) ? await db.selectFrom('ledger_entries').select('id').where('id', '=', transactionId).executeTakeFirst() : undefined;
  if (!entry) throw notFound('transaction_not_found', `No transaction ${transactionId}.`, { id: transactionId });
  const rows = await db
    .selectFrom('collection_letters as l')
    .select(['l.id', 'l.number', 'l.letter_date', 'l.level_name'])
    .where((eb) => eb.or([eb('l.fee_entry_id', '=', entry.id), eb.exists(eb.selectFrom('collection_letter_lines as x').select('x.letter_id').whereRef('x.letter_id', '=', 'l.id').where('x.entry_id', '=', entry.id))]))
    .orderBy('l.letter_date', 'desc')
    .orderBy('l.number', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, kind: 'collection_letter', number: r.number, date: r.letter_date, title: r.level_name }));
}
