// Contacts: linking a sender's address to a customer so that the next email from it resolves.
import type { Kysely } from 'kysely';
import type { Contact } from '../../domain/types';
import type { Database } from '../schema';
import { recordAudit } from './audit';

/** Returns null when the address is already a contact of this customer. */
export async function linkContact(
  db: Kysely<Database>,
  link: { customerId: string; email: string; name: string | null; actor: string },
): Promise<Contact | null> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('contacts')
      .values({ customer_id: link.customerId, email: link.email.toLowerCase(), name: link.name })
      .onConflict((oc) => oc.columns(['customer_id', 'email']).doNothing())
      .returning(['id', 'customer_id', 'email', 'name'])
      .executeTakeFirst();
    if (!row) return null;
    const contact: Contact = { id: row.id, customerId: row.customer_id, email: row.email, name: row.name };
    await recordAudit(trx, { actor: link.actor, action: 'contact.linked', entity: 'contact', entityId: row.id, after: contact });
    return contact;
  });
}
