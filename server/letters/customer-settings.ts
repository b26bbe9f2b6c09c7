// A customer's letter settings (excluded from letters, its sequence, its postal address) as managers
// change them: a patch over the stored settings, the sequence checked, with an audit event.
import type { Kysely } from 'kysely';
import { recordAudit } from '../db/repositories/audit';
import type { Database } from '../db/schema';
import { notFound } from '../domain/errors';
import type { CustomerLetterSettings, LetterSettingsPatch } from './model';
import { readLetterSettings, writeLetterSettings } from './store/customer-settings';
import { sequenceExists } from './store/sequences';

/** The settings after the change; null when there is no such customer. */
export async function updateLetterSettings(db: Kysely<Database>, customerId: string, patch: LetterSettingsPatch, actor: string): Promise<CustomerLetterSettings | null> {
  return db.transaction().execute(async (trx) => {
    const before = await readLetterSettings(trx, customerId);
    if (!before) return null;
    if (patch.sequenceId && !(await sequenceExists(trx, patch.sequenceId))) {
      throw notFound('sequence_not_found', `No letter sequence has the id '${patch.sequenceId}'.`);
    }
    await writeLetterSettings(trx, {
      customerId,
      excluded: patch.excluded ?? before.excluded,
      sequenceId: patch.sequenceId === undefined ? before.sequenceId : patch.sequenceId,
      postalAddress: patch.postalAddress === undefined ? before.postalAddress : patch.postalAddress,
    });
    const after = (await readLetterSettings(trx, customerId))!;
    await recordAudit(trx, { actor, action: 'customer.letter_settings', entity: 'customer', entityId: customerId, before, after });
    return after;
  });
}
