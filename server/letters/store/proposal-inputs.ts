// Reads what letter proposals are made from: the customers (by account), their ledgers as of the date
// and the letters posted to them, in the same four queries for one customer as for every customer of
// an agent (a batch review reads thousands at once). Also where a letter sent through Graph goes and
// which contact a letter greets.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { toEntry, type CustomerLedger } from '../../db/repositories/ledger';
import type { Database } from '../../db/schema';
import type { IsoDate } from '../../domain/types';
import type { LetterCustomer, SequenceLetterRef } from '../model';

/** Whose proposals: one customer, an agent's customers, or (agentId null) every customer. */
export type ProposalScope = { customerId: string } | { agentId: string | null };

export interface ProposalInputs {
  customer: LetterCustomer;
  ledger: CustomerLedger;
  /** Every letter posted to the customer, in any sequence. */
  letters: SequenceLetterRef[];
  /** Its transactions on a collections hold on the as-of date (left out of letters). */
  held: Set<string>;
}

/** `column` (a customer id) is one of the scope's customers. */
function inScope(column: string, scope: ProposalScope): RawBuilder<boolean> {
  const ref = sql.ref(column);
  if ('customerId' in scope) return sql<boolean>`${ref} = ${scope.customerId}`;
  if (scope.agentId !== null) return sql<boolean>`${ref} in (select id from customers where default_agent_id = ${scope.agentId})`;
  return sql<boolean>`true`;
}

async function customersIn(db: Kysely<Database>, scope: ProposalScope): Promise<LetterCustomer[]> {
  let query = db
    .selectFrom('customers')
    .select(['id', 'account', 'name', 'currency', 'letters_excluded', 'letter_sequence_id', 'postal_address', 'default_agent_id'])
    .orderBy('account');
  if ('customerId' in scope) query = query.where('id', '=', scope.customerId);
  else if (scope.agentId !== null) query = query.where('default_agent_id', '=', scope.agentId);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    account: row.account,
    name: row.name,
    currency: row.currency,
    lettersExcluded: row.letters_excluded,
    sequenceId: row.letter_sequence_id,
    postalAddress: row.postal_address,
    defaultAgentId: row.default_agent_id,
  }));
}

type ByCustomer = ReadonlyMap<string, ProposalInputs>;

// One function per table, so that each query's rows can be collected before the next one's arrive.

/** Open on `asOf`: not closed, or closed after it (the settled totals of migration 007). */
function openOn(alias: string, asOf: IsoDate): RawBuilder<boolean> {
  return sql<boolean>`(${sql.ref(`${alias}.closed_on`)} is null or ${sql.ref(`${alias}.closed_on`)} > ${asOf}::date)`;
}

async function addEntries(db: Kysely<Database>, byCustomer: ByCustomer, scope: ProposalScope, asOf: IsoDate): Promise<void> {
  const rows = await db
    .selectFrom('ledger_entries as e')
    .select([
      'e.customer_id', 'e.id', 'e.kind', 'e.document', 'e.posting_date', 'e.due_date', 'e.currency', 'e.amount', 'e.amount_accounting',
      'e.collection_status', 'e.status_date', 'e.promise_date', 'e.promise_amount', 'e.dispute_reason',
    ])
    .where('e.posting_date', '<=', asOf)
    .where(openOn('e', asOf))
    .where(inScope('e.customer_id', scope))
    .execute();
  for (const row of rows) byCustomer.get(row.customer_id)?.ledger.entries.push(toEntry(row));
}

/** Every settlement dated by `asOf` of the entries addEntries read, from either side, once. */
async function addSettlements(db: Kysely<Database>, byCustomer: ByCustomer, scope: ProposalScope, asOf: IsoDate): Promise<void> {
  const side = (column: 's.debit_id' | 's.credit_id') =>
    db
      .selectFrom('settlements as s')
      .innerJoin('ledger_entries as e', 'e.id', column)
      .select(['s.id', 'e.customer_id', 's.debit_id', 's.credit_id', 's.amount', 's.settled_on'])
      .where('s.settled_on', '<=', asOf)
      .where('e.posting_date', '<=', asOf)
      .where(openOn('e', asOf))
      .where(inScope('e.customer_id', scope));
  const rows = await side('s.debit_id').union(side('s.credit_id')).execute();
  for (const row of rows) {
    byCustomer.get(row.customer_id)?.ledger.settlements.push({ debitId: row.debit_id, creditId: row.credit_id, amount: row.amount, date: row.settled_on });
  }
}

async function addLetters(db: Kysely<Database>, byCustomer: ByCustomer, scope: ProposalScope): Promise<void> {
  const rows = await db
    .selectFrom('collection_letters as l')
    .leftJoin('collection_letter_lines as ln', 'ln.letter_id', 'l.id')
    .select(['l.id', 'l.customer_id', 'l.sequence_id', 'l.level', 'l.letter_date', 'ln.entry_id'])
    .where(inScope('l.customer_id', scope))
    .execute();
  const letters = new Map<string, SequenceLetterRef & { entryIds: string[] }>();
  for (const row of rows) {
    let letter = letters.get(row.id);
    if (!letter) {
      letter = { sequenceId: row.sequence_id, level: row.level, letterDate: row.letter_date, entryIds: [] };
      letters.set(row.id, letter);
      byCustomer.get(row.customer_id)?.letters.push(letter);
    }
    if (row.entry_id) letter.entryIds.push(row.entry_id);
  }
}

/** Collections holds in force on `asOf`: a customer's own hold excludes it from letters, a transaction's leaves it out. */
async function addHolds(db: Kysely<Database>, byCustomer: ByCustomer, scope: ProposalScope, asOf: IsoDate): Promise<void> {
  const rows = await db
    .selectFrom('collection_holds as h')
    .select(['h.customer_id', 'h.transaction_id'])
    .where('h.lifted_at', 'is', null)
    .where(sql<boolean>`(h.held_until is null or h.held_until >= ${asOf}::date)`)
    .where(inScope('h.customer_id', scope))
    .execute();
  for (const row of rows) {
    const inputs = byCustomer.get(row.customer_id);
    if (!inputs) continue;
    if (row.transaction_id === null) inputs.customer.lettersExcluded = true;
    else inputs.held.add(row.transaction_id);
  }
}

/**
 * The scope's customers in account order, each with the entries open on `asOf` and their settlements
 * dated by then (a part of the ledger, read with `ledgerAsOf(…, { subset: true })`: letters list open
 * items only, and years of settled history would only fill memory) and its letters.
 */
export async function loadProposalInputs(db: Kysely<Database>, scope: ProposalScope, asOf: IsoDate): Promise<ProposalInputs[]> {
  const customers = await customersIn(db, scope);
  if (customers.length === 0) return [];
  const byCustomer = new Map<string, ProposalInputs>();
  for (const customer of customers) byCustomer.set(customer.id, { customer, ledger: { entries: [], settlements: [] }, letters: [], held: new Set() });
  await addEntries(db, byCustomer, scope, asOf);
  await addSettlements(db, byCustomer, scope, asOf);
  await addLetters(db, byCustomer, scope);
  await addHolds(db, byCustomer, scope, asOf);
  return [...byCustomer.values()];
}

type ContactRow = { email: string; name: string | null; role: string | null };

async function customerContacts(db: Kysely<Database>, customerId: string): Promise<ContactRow[]> {
  return db
    .selectFrom('contacts')
    .select(['email', 'name', 'role'])
    .where('customer_id', '=', customerId)
    .orderBy('created_at')
    .orderBy('email')
    .execute();
}

/** The billing contact: one whose role mentions billing or accounts, else the first. */
function billingContact(contacts: readonly ContactRow[]): ContactRow | undefined {
  return contacts.find((c) => /bill|account|payable|finance/i.test(c.role ?? '')) ?? contacts[0];
}

/** Where a letter sent through Graph goes: the customer's billing contact. */
export async function letterRecipient(db: Kysely<Database>, customerId: string): Promise<{ email: string; name: string | null } | null> {
  const chosen = billingContact(await customerContacts(db, customerId));
  return chosen ? { email: chosen.email, name: chosen.name } : null;
}

/**
 * Whom a letter greets: the contact with `email` (the sender of the email the agent answers, or the
 * letter's recipient) when it is one of the customer's contacts, else its billing contact; null when
 * the customer has no contact.
 */
export async function letterContact(db: Kysely<Database>, customerId: string, email?: string): Promise<{ email: string; name: string | null } | null> {
  const contacts = await customerContacts(db, customerId);
  const wanted = email?.trim().toLowerCase();
  const chosen = contacts.find((c) => c.email === wanted) ?? billingContact(contacts);
  return chosen ? { email: chosen.email, name: chosen.name } : null;
}
