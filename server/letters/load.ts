// Reads what a letter proposal needs from the database: the customer, its letter sequence with
// levels and templates, and the letters already posted to it.
import type { Kysely, Transaction } from 'kysely';
import type { LetterLevel, PostedLetterRef } from '../domain/letters';
import type { Database } from '../db/schema';
import type { LetterTemplate } from './view';

export type Db = Kysely<Database> | Transaction<Database>;

export interface LetterLevelWithTemplates extends LetterLevel {
  id: string;
  templates: Record<string, LetterTemplate>;
}

export interface LetterSequence {
  id: string;
  name: string;
  language: string;
  isDefault: boolean;
  levels: LetterLevelWithTemplates[];
}

export interface LetterCustomer {
  id: string;
  account: string;
  name: string;
  currency: string;
  lettersExcluded: boolean;
  sequenceId: string | null;
  postalAddress: string | null;
  defaultAgentId: string | null;
}

export async function findLetterCustomer(db: Db, id: string): Promise<LetterCustomer | null> {
  const row = await db
    .selectFrom('customers')
    .select(['id', 'account', 'name', 'currency', 'letters_excluded', 'letter_sequence_id', 'postal_address', 'default_agent_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    account: row.account,
    name: row.name,
    currency: row.currency,
    lettersExcluded: row.letters_excluded,
    sequenceId: row.letter_sequence_id,
    postalAddress: row.postal_address,
    defaultAgentId: row.default_agent_id,
  };
}

function toLevel(row: {
  id: string;
  level: number;
  name: string;
  days: number;
  min_overdue: bigint;
  fees: Record<string, string>;
  templates: Record<string, LetterTemplate>;
}): LetterLevelWithTemplates {
  return {
    id: row.id,
    level: row.level,
    name: row.name,
    days: row.days,
    minOverdue: row.min_overdue,
    fees: Object.fromEntries(Object.entries(row.fees).map(([currency, minor]) => [currency, BigInt(minor)])),
    templates: row.templates,
  };
}

/** All sequences with their levels in level order; the default sequence first. */
export async function loadSequences(db: Db): Promise<LetterSequence[]> {
  const sequences = await db.selectFrom('collection_letter_sequences').selectAll().orderBy('is_default', 'desc').orderBy('name').execute();
  const levels = await db.selectFrom('collection_letter_levels').selectAll().orderBy('level').execute();
  return sequences.map((s) => ({
    id: s.id,
    name: s.name,
    language: s.language,
    isDefault: s.is_default,
    levels: levels.filter((l) => l.sequence_id === s.id).map(toLevel),
  }));
}

/** The customer's own sequence, else the default one; null when neither exists. */
export function sequenceOf(sequences: readonly LetterSequence[], customer: LetterCustomer): LetterSequence | null {
  return sequences.find((s) => s.id === customer.sequenceId) ?? sequences.find((s) => s.isDefault) ?? null;
}

/** The customer's posted letters in a sequence, with the entries each listed. */
export async function postedLetters(db: Db, customerId: string, sequenceId: string): Promise<PostedLetterRef[]> {
  const rows = await db
    .selectFrom('collection_letters as l')
    .leftJoin('collection_letter_lines as ln', 'ln.letter_id', 'l.id')
    .select(['l.id', 'l.level', 'l.letter_date', 'ln.entry_id'])
    .where('l.customer_id', '=', customerId)
    .where('l.sequence_id', '=', sequenceId)
    .execute();
  const letters = new Map<string, { level: number; letterDate: string; entryIds: string[] }>();
  for (const row of rows) {
    let letter = letters.get(row.id);
    if (!letter) letters.set(row.id, (letter = { level: row.level, letterDate: row.letter_date, entryIds: [] }));
    if (row.entry_id) letter.entryIds.push(row.entry_id);
  }
  return [...letters.values()];
}

/** Where a letter sent through Graph goes: a contact whose role mentions billing or accounts, else the first. */
export async function letterRecipient(db: Db, customerId: string): Promise<{ email: string; name: string | null } | null> {
  const contacts = await db
    .selectFrom('contacts')
    .select(['email', 'name', 'role'])
    .where('customer_id', '=', customerId)
    .orderBy('created_at')
    .orderBy('email')
    .execute();
  const billing = contacts.find((c) => /bill|account|payable|finance/i.test(c.role ?? ''));
  const chosen = billing ?? contacts[0];
  return chosen ? { email: chosen.email, name: chosen.name } : null;
}
