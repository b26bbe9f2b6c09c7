// Letter sequences as managers edit them through the API: validated (levels numbered 1..n, known
// placeholders, fees in known currencies including the accounting one) and saved with an audit event.
import { sql, type Kysely } from 'kysely';
import { recordAudit } from '../db/repositories/audit';
import type { Database } from '../db/schema';
import { isCurrencyCode } from '../domain/money';
import { AppError } from '../http/errors';
import { loadSequences, type LetterSequence } from './load';
import { unknownPlaceholders } from './template-text';
import type { LetterTemplate } from './view';

export interface SequenceInput {
  name: string;
  language: string;
  isDefault: boolean;
  levels: Array<{
    level: number;
    name: string;
    days: number;
    minOverdue: { currency: string; amount: number };
    fees: Array<{ currency: string; amount: number }>;
    templates: Record<string, LetterTemplate>;
  }>;
}

export interface SequenceJson {
  id: string;
  name: string;
  language: string;
  isDefault: boolean;
  levels: SequenceInput['levels'];
}

export function sequenceJson(sequence: LetterSequence, accountingCurrency: string): SequenceJson {
  return {
    id: sequence.id,
    name: sequence.name,
    language: sequence.language,
    isDefault: sequence.isDefault,
    levels: sequence.levels.map((l) => ({
      level: l.level,
      name: l.name,
      days: l.days,
      minOverdue: { currency: accountingCurrency, amount: Number(l.minOverdue) },
      fees: Object.entries(l.fees).map(([currency, minor]) => ({ currency, amount: Number(minor) })),
      templates: l.templates,
    })),
  };
}

function invalid(field: string, problem: string): AppError {
  return new AppError('invalid_request', 400, `Field '${field}' ${problem}.`, { fields: [{ field, problem }] });
}

export function validateSequence(input: SequenceInput, accountingCurrency: string): void {
  input.levels.forEach((level, index) => {
    const at = `levels.${index}`;
    if (level.level !== index + 1) throw invalid(`${at}.level`, `must be ${index + 1}: levels are numbered 1, 2, 3… in order`);
    if (level.minOverdue.currency !== accountingCurrency) {
      throw invalid(`${at}.minOverdue.currency`, `must be the accounting currency ${accountingCurrency}`);
    }
    const currencies = new Set<string>();
    level.fees.forEach((fee, f) => {
      if (!isCurrencyCode(fee.currency)) throw invalid(`${at}.fees.${f}.currency`, `'${fee.currency}' is not an ISO 4217 currency code`);
      if (currencies.has(fee.currency)) throw invalid(`${at}.fees.${f}.currency`, `repeats ${fee.currency}`);
      currencies.add(fee.currency);
    });
    if (level.fees.some((f) => f.amount > 0) && !currencies.has(accountingCurrency)) {
      throw invalid(`${at}.fees`, `must include the accounting currency ${accountingCurrency} when a fee is charged`);
    }
    if (!level.templates[input.language]) throw invalid(`${at}.templates`, `needs a template in the sequence's language '${input.language}'`);
    for (const [language, template] of Object.entries(level.templates)) {
      for (const part of ['subject', 'body', 'payment'] as const) {
        const unknown = unknownPlaceholders(template[part]);
        if (unknown.length > 0) throw invalid(`${at}.templates.${language}.${part}`, `uses unknown placeholder {{${unknown[0]}}}`);
      }
    }
  });
}

/** Creates (id null) or replaces a sequence with its levels; returns its id. */
export async function saveSequence(
  db: Kysely<Database>,
  id: string | null,
  input: SequenceInput,
  actor: string,
  accountingCurrency: string,
): Promise<string> {
  validateSequence(input, accountingCurrency);
  return db.transaction().execute(async (trx) => {
    const before = id ? (await loadSequences(trx)).find((s) => s.id === id) : undefined;
    if (id && !before) throw new AppError('sequence_not_found', 404, `No letter sequence has the id '${id}'.`);
    const clash = await trx.selectFrom('collection_letter_sequences').select('id').where('name', '=', input.name).executeTakeFirst();
    if (clash && clash.id !== id) throw new AppError('sequence_name_taken', 409, `A letter sequence is already named '${input.name}'.`);
    if (input.isDefault) await trx.updateTable('collection_letter_sequences').set({ is_default: false }).where('is_default', '=', true).execute();
    const values = { name: input.name, language: input.language, is_default: input.isDefault };
    const saved = id
      ? await trx.updateTable('collection_letter_sequences').set({ ...values, updated_at: sql`now()` }).where('id', '=', id).returning('id').executeTakeFirstOrThrow()
      : await trx.insertInto('collection_letter_sequences').values(values).returning('id').executeTakeFirstOrThrow();
    await trx.deleteFrom('collection_letter_levels').where('sequence_id', '=', saved.id).execute();
    if (input.levels.length > 0) {
      await trx
        .insertInto('collection_letter_levels')
        .values(
          input.levels.map((l) => ({
            sequence_id: saved.id,
            level: l.level,
            name: l.name,
            days: l.days,
            min_overdue: BigInt(l.minOverdue.amount),
            fees: JSON.stringify(Object.fromEntries(l.fees.map((f) => [f.currency, String(f.amount)]))),
            templates: JSON.stringify(l.templates),
          })),
        )
        .execute();
    }
    await recordAudit(trx, {
      actor,
      action: id ? 'letter_sequence.updated' : 'letter_sequence.created',
      entity: 'collection_letter_sequence',
      entityId: saved.id,
      before: before ? sequenceJson(before, accountingCurrency) : null,
      after: { id: saved.id, ...input },
    });
    return saved.id;
  });
}
