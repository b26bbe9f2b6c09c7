// Customer reads: one customer by id, lookup of an email sender, and paged search.
import { sql, type Kysely } from 'kysely';
import type { Customer } from '../../domain/types';
import type { Database } from '../schema';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** PostgreSQL rejects a malformed uuid with an error; callers treat it as "no such customer". */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export async function findCustomer(db: Kysely<Database>, id: string): Promise<Customer | null> {
  if (!isUuid(id)) return null;
  const row = await db
    .selectFrom('customers')
    .select([
      'id', 'account', 'name', 'customer_group', 'sales_area', 'payment_terms', 'currency', 'credit_limit',
      'credit_rating', 'status', 'customer_since', 'domains',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    account: row.account,
    name: row.name,
    group: row.customer_group,
    salesArea: row.sales_area,
    paymentTerms: row.payment_terms,
    currency: row.currency,
    creditLimit: row.credit_limit,
    creditRating: row.credit_rating,
    status: row.status,
    customerSince: row.customer_since,
    domains: row.domains,
  };
}

/** A customer a sender belongs to, and whether by one of its contacts or by its mail domain. */
export interface CustomerMatch extends Pick<Customer, 'id' | 'account' | 'name'> {
  matchedBy: 'contact' | 'domain';
}

/** What a search lists of each customer found. */
export type CustomerListing = Pick<Customer, 'id' | 'account' | 'name' | 'status' | 'currency'>;

/**
 * Customers a sender belongs to: those with a contact of exactly this address first, then those
 * listing one of `domains` (already stripped of public mail domains), each group by name.
 */
export async function lookupCustomers(
  db: Kysely<Database>,
  email: string,
  domains: string[],
  limit = 20,
): Promise<CustomerMatch[]> {
  const byContact = db
    .selectFrom('contacts as ct')
    .innerJoin('customers as c', 'c.id', 'ct.customer_id')
    .select(['c.id', 'c.account', 'c.name', sql<CustomerMatch['matchedBy']>`'contact'`.as('matchedBy'), sql<number>`0`.as('rank')])
    .where('ct.email', '=', email);
  const query =
    domains.length === 0
      ? byContact
      : byContact.unionAll(
          db
            .selectFrom('customers as c')
            .select(['c.id', 'c.account', 'c.name', sql<CustomerMatch['matchedBy']>`'domain'`.as('matchedBy'), sql<number>`1`.as('rank')])
            // && (overlap) on text[] is answered by the GIN index on customers.domains.
            .where(sql<boolean>`c.domains && ${sql.val(domains)}::text[]`)
            .where(({ not, exists, selectFrom }) =>
              not(
                exists(
                  selectFrom('contacts as ct').select('ct.id').whereRef('ct.customer_id', '=', 'c.id').where('ct.email', '=', email),
                ),
              ),
            ),
        );
  const rows = await db
    .selectFrom(query.as('m'))
    .select(['m.id', 'm.account', 'm.name', 'm.matchedBy'])
    .orderBy('m.rank')
    .orderBy('m.name')
    .orderBy('m.account')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, account: r.account, name: r.name, matchedBy: r.matchedBy }));
}

function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Case-insensitive search in name, account number and contact emails: an exact account number
 * first, then names starting with the text, then the rest, each by name.
 */
export async function searchCustomers(
  db: Kysely<Database>,
  opts: { search?: string; limit: number; offset: number },
): Promise<{ items: CustomerListing[]; total: number }> {
  const text = opts.search?.trim().toLowerCase() ?? '';
  let query = db.selectFrom('customers as c');
  if (text !== '') {
    const contains = likePattern(text);
    query = query.where(({ or, eb, exists, selectFrom }) =>
      or([
        eb(sql<string>`lower(c.name)`, 'like', contains),
        eb(sql<string>`lower(c.account)`, 'like', contains),
        exists(selectFrom('contacts as ct').select('ct.id').whereRef('ct.customer_id', '=', 'c.id').where('ct.email', 'like', contains)),
      ]),
    );
  }
  const prefix = `${likePattern(text).slice(1)}`;
  const rows = await query
    .select(['c.id', 'c.account', 'c.name', 'c.status', 'c.currency', sql<bigint>`count(*) over ()`.as('total')])
    .orderBy(sql`lower(c.account) = ${text}`, 'desc')
    .orderBy(sql`lower(c.name) like ${prefix}`, 'desc')
    .orderBy('c.name')
    .orderBy('c.account')
    .limit(opts.limit)
    .offset(opts.offset)
    .execute();
  let total = rows[0] ? Number(rows[0].total) : 0;
  if (rows.length === 0 && opts.offset > 0) {
    // A page past the end has no row to carry the window count.
    const counted = await query.select(sql<bigint>`count(*)`.as('n')).executeTakeFirstOrThrow();
    total = Number(counted.n);
  }
  return {
    items: rows.map((r) => ({ id: r.id, account: r.account, name: r.name, status: r.status, currency: r.currency })),
    total,
  };
}
