// A small stored world for letter tests: an agent, customers with a billing contact and overdue
// invoices, and a posted letter read back as the API answers it.
import type { Kysely } from 'kysely';
import type { Agent } from '../../../server/auth/agents';
import type { LetterSettings } from '../../../server/config';
import type { Database } from '../../../server/db/schema';
import { letterJson } from '../../../server/http/mappers/letters';
import type { CollectionLetterResponse } from '../../../server/http/schemas/letters';
import { findLetter } from '../../../server/letters/store/letters';

export const SETTINGS: LetterSettings = { companyName: 'Fabrikam Ltd', companyAddress: ['1 Harbour Road', 'Bristol'], logoPath: null };

export async function createAgent(db: Kysely<Database>, role: Agent['role'] = 'manager', email = 'avery@fabrikam.example'): Promise<Agent> {
  return db.insertInto('agents').values({ email, name: 'Avery Agent', role }).returning(['id', 'email', 'name', 'role']).executeTakeFirstOrThrow();
}

export interface CustomerSpec {
  account: string;
  currency?: string;
  agentId?: string;
  /** Invoices as [document, due date, amount, amount in the accounting currency]. */
  invoices: Array<[string, string, bigint, bigint?]>;
}

export async function createCustomer(db: Kysely<Database>, spec: CustomerSpec): Promise<{ id: string; invoiceIds: string[] }> {
  const customer = await db
    .insertInto('customers')
    .values({
      account: spec.account,
      name: `Customer ${spec.account}`,
      currency: spec.currency ?? 'USD',
      status: 'active',
      domains: [],
      default_agent_id: spec.agentId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('contacts')
    .values({ customer_id: customer.id, name: 'Pat Payable', email: `ap@${spec.account.toLowerCase()}.example`, role: 'Accounts payable' })
    .execute();
  const invoiceIds: string[] = [];
  for (const [document, dueDate, amount, accounting] of spec.invoices) {
    const row = await db
      .insertInto('ledger_entries')
      .values({
        customer_id: customer.id,
        kind: 'invoice',
        document,
        posting_date: '2026-01-01',
        due_date: dueDate,
        currency: spec.currency ?? 'USD',
        amount,
        amount_accounting: accounting ?? amount,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    invoiceIds.push(row.id);
  }
  return { id: customer.id, invoiceIds };
}

/** A posted letter as the API answers it; null when there is none with that id. */
export async function loadLetterJson(db: Kysely<Database>, id: string, accountingCurrency: string): Promise<CollectionLetterResponse | null> {
  const letter = await findLetter(db, id);
  return letter && letterJson(letter, accountingCurrency);
}
