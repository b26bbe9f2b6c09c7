// A customer's letter settings in the database (excluded from letters, its sequence, its postal
// address) and the list of customers excluded from letters.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { CustomerLetterSettings } from '../model';

/** Null when there is no such customer. */
export async function readLetterSettings(db: Kysely<Database>, customerId: string): Promise<CustomerLetterSettings | null> {
  const row = await db
    .selectFrom('customers')
    .select(['id', 'letters_excluded', 'letter_sequence_id', 'postal_address'])
    .where('id', '=', customerId)
    .executeTakeFirst();
  return row ? { customerId: row.id, excluded: row.letters_excluded, sequenceId: row.letter_sequence_id, postalAddress: row.postal_address } : null;
}

export async function writeLetterSettings(db: Kysely<Database>, settings: CustomerLetterSettings): Promise<void> {
  await db
    .updateTable('customers')
    .set({
      letters_excluded: settings.excluded,
      letter_sequence_id: settings.sequenceId,
      postal_address: settings.postalAddress,
      updated_at: sql`now()`,
    })
    .where('id', '=', settings.customerId)
    .execute();
}

export async function excludedCustomers(db: Kysely<Database>): Promise<Array<{ id: string; account: string; name: string }>> {
  return db.selectFrom('customers').select(['id', 'account', 'name']).where('letters_excluded', '=', true).orderBy('account').execute();
}
