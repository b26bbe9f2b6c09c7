// Letter sequences in the database: every sequence with its levels (fees as bigint minor units per
// currency, templates per language), and a sequence written with its levels replaced.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { LetterSequence, SequenceDraft } from '../model';

/** All sequences with their levels in level order; the default sequence first. */
export async function loadSequences(db: Kysely<Database>): Promise<LetterSequence[]> {
  const sequences = await db.selectFrom('collection_letter_sequences').selectAll().orderBy('is_default', 'desc').orderBy('name').execute();
  const levels = await db.selectFrom('collection_letter_levels').selectAll().orderBy('level').execute();
  return sequences.map((s) => ({
    id: s.id,
    name: s.name,
    language: s.language,
    isDefault: s.is_default,
    levels: levels
      .filter((l) => l.sequence_id === s.id)
      .map((l) => ({
        id: l.id,
        level: l.level,
        name: l.name,
        days: l.days,
        minOverdue: l.min_overdue,
        fees: Object.fromEntries(Object.entries(l.fees).map(([currency, minor]) => [currency, BigInt(minor)])),
        templates: l.templates,
      })),
  }));
}

export async function sequenceExists(db: Kysely<Database>, id: string): Promise<boolean> {
  return (await db.selectFrom('collection_letter_sequences').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

/** The id of the sequence with this name, if any. */
export async function sequenceNamed(db: Kysely<Database>, name: string): Promise<string | null> {
  const row = await db.selectFrom('collection_letter_sequences').select('id').where('name', '=', name).executeTakeFirst();
  return row?.id ?? null;
}

/**
 * Creates (id null) or updates the sequence and replaces its levels; a default sequence takes the
 * default from the one that had it. Returns the sequence's id. Call inside a transaction.
 */
export async function writeSequence(trx: Kysely<Database>, id: string | null, draft: SequenceDraft): Promise<string> {
  if (draft.isDefault) await trx.updateTable('collection_letter_sequences').set({ is_default: false }).where('is_default', '=', true).execute();
  const values = { name: draft.name, language: draft.language, is_default: draft.isDefault };
  const saved = id
    ? await trx.updateTable('collection_letter_sequences').set({ ...values, updated_at: sql`now()` }).where('id', '=', id).returning('id').executeTakeFirstOrThrow()
    : await trx.insertInto('collection_letter_sequences').values(values).returning('id').executeTakeFirstOrThrow();
  await trx.deleteFrom('collection_letter_levels').where('sequence_id', '=', saved.id).execute();
  if (draft.levels.length > 0) {
    await trx
      .insertInto('collection_letter_levels')
      .values(
        draft.levels.map((l) => ({
          sequence_id: saved.id,
          level: l.level,
          name: l.name,
          days: l.days,
          min_overdue: l.minOverdue.minor,
          fees: JSON.stringify(Object.fromEntries(l.fees.map((f) => [f.currency, f.minor.toString()]))),
          templates: JSON.stringify(l.templates),
        })),
      )
      .execute();
  }
  return saved.id;
}
