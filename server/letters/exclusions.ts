// A customer's letter settings (excluded from letters, its sequence, its postal address), changed
// by managers with an audit event, and the list of excluded customers.
import { sql, type Kysely } from 'kysely';
import { recordAudit } from '../db/repositories/audit';
import type { Database } from '../db/schema';
import { AppError } from '../http/errors';

export interface LetterSettingsJson {
  customerId: string;
  excluded: boolean;
  sequenceId: string | null;
  postalAddress: string | null;
}

export type LetterSettingsPatch = Partial<Omit<LetterSettingsJson, 'customerId'>>;

async function read(db: Kysely<Database>, customerId: string): Promise<LetterSettingsJson | null> {
  const row = await db
    .selectFrom('customers')
    .select(['id', 'letters_excluded', 'letter_sequence_id', 'postal_address'])
    .where('id', '=', customerId)
    .executeTakeFirst();
  return row ? { customerId: row.id, excluded: row.letters_excluded, sequenceId: row.letter_sequence_id, postalAddress: row.postal_address } : null;
}

export { read as readLetterSettings };

export async function updateLetterSettings(db: Kysely<Database>, customerId: string, patch: LetterSettingsPatch, actor: string): Promise<LetterSettingsJson | null> {
  return db.transaction().execute(async (trx) => {
    const before = await read(trx, customerId);
    if (!before) return null;
    if (patch.sequenceId) {
      const found = await trx.selectFrom('collection_letter_sequences').select('id').where('id', '=', patch.sequenceId).executeTakeFirst();
      if (!found) throw new AppError('sequence_not_found', 404, `No letter sequence has the id '${patch.sequenceId}'.`);
    }
    await trx
      .updateTable('customers')
      .set({
        letters_excluded: patch.excluded ?? before.excluded,
        letter_sequence_id: patch.sequenceId === undefined ? before.sequenceId : patch.sequenceId,
        postal_address: patch.postalAddress === undefined ? before.postalAddress : patch.postalAddress,
        updated_at: sql`now()`,
      })
      .where('id', '=', customerId)
      .execute();
    const after = (await read(trx, customerId))!;
    await recordAudit(trx, { actor, action: 'customer.letter_settings', entity: 'customer', entityId: customerId, before, after });
    return after;
  });
}

export async function excludedCustomers(db: Kysely<Database>): Promise<Array<{ id: string; account: string; name: string }>> {
  return db.selectFrom('customers').select(['id', 'account', 'name']).where('letters_excluded', '=', true).orderBy('account').execute();
}
