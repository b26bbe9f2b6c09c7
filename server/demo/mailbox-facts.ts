// What the preview mailbox writes about, read from whatever demo company the database holds:
// open invoices, a remittance, accounts on hold, contacts, shared domains. Every query is ordered,
// so the same database and as-of date always give the same emails.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { IsoDate } from '../domain/types';
import { isPublicMailDomain } from '../domain/public-domains';

export interface FactCustomer {
  id: string;
  account: string;
  name: string;
  domains: string[];
  agentEmail: string | null;
  agentName: string | null;
}
export interface FactContact { name: string | null; email: string; phone: string | null; role: string | null }
export interface FactInvoice { document: string; currency: string; open: bigint; dueDate: IsoDate | null; disputeReason: string | null }

type Db = Kysely<Database>;
type Filter = {
  status?: 'active' | 'on_hold' | 'blocked';
  collection?: 'disputed' | 'none';
  /** Only entries whose dispute reason contains this text. */
  reasonLike?: string;
  overdue?: boolean;
  customerId?: string;
};

/** An invoice's open amount as of the date: its amount less the settlements dated on or before it. */
function openAsOf(asOf: IsoDate) {
  return sql<string>`(l.amount - coalesce((select sum(s.amount) from settlements s
    where s.debit_id = l.id and s.settled_on <= ${asOf}::date), 0))::bigint`;
}

function customerColumns(db: Db) {
  return db
    .selectFrom('customers as c')
    .leftJoin('agents as a', 'a.id', 'c.default_agent_id')
    .select(['c.id', 'c.account', 'c.name', 'c.domains', 'a.email as agentEmail', 'a.name as agentName']);
}

export async function customerById(db: Db, id: string): Promise<FactCustomer> {
  return customerColumns(db).where('c.id', '=', id).executeTakeFirstOrThrow();
}

/** Open invoices (oldest due first) of customers not yet written about, by account. */
export async function openInvoices(db: Db, asOf: IsoDate, exclude: Set<string>, filter: Filter, limit = 50) {
  let q = db
    .selectFrom('ledger_entries as l')
    .innerJoin('customers as c', 'c.id', 'l.customer_id')
    .select(['c.id as customerId', 'l.document', 'l.currency', 'l.due_date as dueDate', 'l.dispute_reason as disputeReason'])
    .select(openAsOf(asOf).as('open'))
    .where('l.kind', '=', 'invoice')
    .where('l.posting_date', '<=', asOf)
    .where(sql<boolean>`${openAsOf(asOf)} > 0`);
  if (exclude.size > 0) q = q.where('c.id', 'not in', [...exclude]);
  if (filter.status) q = q.where('c.status', '=', filter.status);
  if (filter.collection) q = q.where('l.collection_status', '=', filter.collection);
  if (filter.overdue) q = q.where('l.due_date', '<', asOf);
  if (filter.reasonLike) q = q.where('l.dispute_reason', 'ilike', `%${filter.reasonLike}%`);
  if (filter.customerId) q = q.where('c.id', '=', filter.customerId);
  const rows = await q.orderBy('c.account').orderBy('l.due_date').orderBy('l.document').limit(limit).execute();
  return rows.map((r) => ({ ...r, open: BigInt(r.open) }));
}

/** The customer's first named contact at one of its own domains (not a public mail address). */
export async function domainContact(db: Db, customer: FactCustomer): Promise<FactContact | null> {
  const contacts = await db
    .selectFrom('contacts')
    .select(['name', 'email', 'phone', 'role'])
    .where('customer_id', '=', customer.id)
    .orderBy('created_at')
    .orderBy('email')
    .execute();
  const own = contacts.filter((c) => customer.domains.includes(c.email.slice(c.email.indexOf('@') + 1)));
  return own.find((c) => c.name !== null && c.name !== 'Accounts Payable') ?? own[0] ?? null;
}

/** A registered contact who writes from a public mail domain (gmail.com, outlook.com…). */
export async function publicDomainContact(db: Db, exclude: Set<string>): Promise<{ customerId: string; contact: FactContact } | null> {
  const rows = await db
    .selectFrom('contacts')
    .select(['customer_id as customerId', 'name', 'email', 'phone', 'role'])
    .where(sql<boolean>`split_part(email, '@', 2) in ('gmail.com', 'outlook.com', 'hotmail.com', 'yahoo.com', 'icloud.com')`)
    .orderBy('email')
    .limit(20)
    .execute();
  const row = rows.find((r) => !exclude.has(r.customerId) && isPublicMailDomain(r.email.split('@')[1] ?? '')) ?? rows[0];
  return row ? { customerId: row.customerId, contact: { name: row.name, email: row.email, phone: row.phone, role: row.role } } : null;
}

/** The latest payment settling two invoices or more, with everything it settled. */
export async function remittance(db: Db, asOf: IsoDate, exclude: Set<string>) {
  let q = db
    .selectFrom('ledger_entries as p')
    .innerJoin('settlements as s', 's.credit_id', 'p.id')
    .innerJoin('ledger_entries as d', 'd.id', 's.debit_id')
    .select(['p.id', 'p.customer_id as customerId', 'p.document', 'p.posting_date as date', 'p.currency'])
    .where('p.kind', '=', 'payment')
    .where('d.kind', '=', 'invoice')
    .where('p.posting_date', '<=', asOf)
    .groupBy(['p.id', 'p.customer_id', 'p.document', 'p.posting_date', 'p.currency'])
    .having(sql<boolean>`count(*) >= 2`);
  if (exclude.size > 0) q = q.where('p.customer_id', 'not in', [...exclude]);
  const payment = await q.orderBy('p.posting_date', 'desc').orderBy('p.document').limit(1).executeTakeFirst();
  if (!payment) return null;
  const lines = await db
    .selectFrom('settlements as s')
    .innerJoin('ledger_entries as d', 'd.id', 's.debit_id')
    .select(['d.document', 's.amount'])
    .where('s.credit_id', '=', payment.id)
    .orderBy('d.document')
    .execute();
  return { ...payment, lines };
}

/** A customer whose open balance (in the accounting currency) is above its credit limit. */
export async function overLimitCustomer(db: Db, asOf: IsoDate, exclude: Set<string>): Promise<string | null> {
  const rows = await db
    .selectFrom('customers as c')
    .innerJoin('ledger_entries as l', 'l.customer_id', 'c.id')
    .select('c.id')
    .where('c.credit_limit', 'is not', null)
    .where('l.posting_date', '<=', asOf)
    .groupBy(['c.id', 'c.account', 'c.credit_limit'])
    .having(sql<boolean>`sum(l.amount_accounting) > max(c.credit_limit)`)
    .orderBy('c.account')
    .limit(20)
    .execute();
  return rows.find((r) => !exclude.has(r.id))?.id ?? null;
}

/** Customers in a currency other than the accounting one with a 0- or 3-decimal currency first. */
export async function foreignCustomer(db: Db, exclude: Set<string>): Promise<string | null> {
  const rows = await db
    .selectFrom('customers')
    .select('id')
    .where('currency', 'in', ['JPY', 'KWD', 'BHD', 'OMR'])
    .where('status', '=', 'active')
    .orderBy('account')
    .limit(20)
    .execute();
  return rows.find((r) => !exclude.has(r.id))?.id ?? null;
}

export async function onHoldCustomer(db: Db, exclude: Set<string>): Promise<string | null> {
  const rows = await db.selectFrom('customers').select('id').where('status', '=', 'on_hold').orderBy('account').limit(20).execute();
  return rows.find((r) => !exclude.has(r.id))?.id ?? null;
}

/** A domain two customers or more share (sister companies): the agent has to pick. */
export async function sharedDomain(db: Db): Promise<string | null> {
  const row = await db
    .selectFrom(sql<{ domain: string }>`(select unnest(domains) as domain from customers)`.as('d'))
    .select('d.domain')
    .groupBy('d.domain')
    .having(sql<boolean>`count(*) >= 2`)
    .orderBy('d.domain')
    .limit(1)
    .executeTakeFirst();
  return row?.domain ?? null;
}

/** A customer whose only domain nobody else uses, for a sender the product only knows by domain. */
export async function singleDomainCustomer(db: Db, exclude: Set<string>, shared: string | null): Promise<string | null> {
  const rows = await db
    .selectFrom('customers')
    .select(['id', 'domains'])
    .where('status', '=', 'active')
    .where(sql<boolean>`cardinality(domains) >= 1`)
    .orderBy('account')
    .limit(40)
    .execute();
  return rows.find((r) => !exclude.has(r.id) && !r.domains.includes(shared ?? ''))?.id ?? null;
}

export async function addressKnown(db: Db, email: string): Promise<boolean> {
  const domain = email.slice(email.indexOf('@') + 1);
  const contact = await db.selectFrom('contacts').select('id').where('email', '=', email).limit(1).executeTakeFirst();
  if (contact) return true;
  const customer = await db
    .selectFrom('customers')
    .select('id')
    .where(sql<boolean>`${domain} = any(domains)`)
    .limit(1)
    .executeTakeFirst();
  return customer !== undefined && !isPublicMailDomain(domain);
}
