// A customer's contracts, as imported (server/import merges them; nothing here writes).
import type { Kysely } from 'kysely';
import type { Contract } from '../../domain/contracts';
import type { Database } from '../schema';

/** Every contract of the customer, whatever its dates (a customer has a handful): uses contracts' unique index. */
export async function loadContracts(db: Kysely<Database>, customerId: string): Promise<Contract[]> {
  const rows = await db
    .selectFrom('contracts')
    .select(['id', 'customer_id', 'number', 'description', 'starts_on', 'ends_on', 'value', 'currency'])
    .where('customer_id', '=', customerId)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    customerId: row.customer_id,
    number: row.number,
    description: row.description,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    value: row.value,
    currency: row.currency,
  }));
}
