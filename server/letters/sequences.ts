// Letter sequences as managers edit them: validated (levels numbered 1..n, known placeholders, fees
// in known currencies including the accounting one) and saved with an audit event.
import type { Kysely } from 'kysely';
import { recordAudit } from '../db/repositories/audit';
import type { Database } from '../db/schema';
import { conflict, invalidField, notFound, type DomainError } from '../domain/errors';
import { isCurrencyCode, toJsonMinor } from '../domain/money';
import type { Money } from '../domain/types';
import type { LetterSequence, SequenceDraft } from './model';
import { loadSequences, sequenceNamed, writeSequence } from './store/sequences';
import { unknownPlaceholders } from './template-text';

/** A stored sequence as a draft to edit: its minimum in the accounting currency, its fees per currency. */
export function draftOf(sequence: LetterSequence, accountingCurrency: string): SequenceDraft {
  return {
    name: sequence.name,
    language: sequence.language,
    isDefault: sequence.isDefault,
    levels: sequence.levels.map((l) => ({
      level: l.level,
      name: l.name,
      days: l.days,
      minOverdue: { currency: accountingCurrency, minor: l.minOverdue },
      fees: Object.entries(l.fees).map(([currency, minor]) => ({ currency, minor })),
      templates: l.templates,
    })),
  };
}

const amount = (money: Money) => ({ currency: money.currency, amount: toJsonMinor(money.minor) });

/** The sequence as its audit events have always recorded it: the API's shape, amounts as JSON numbers. */
function auditRecord(id: string, draft: SequenceDraft) {
  return {
    id,
    name: draft.name,
    language: draft.language,
    isDefault: draft.isDefault,
    levels: draft.levels.map((l) => ({ ...l, minOverdue: amount(l.minOverdue), fees: l.fees.map(amount) })),
  };
}

function invalid(field: string, problem: string): DomainError {
  return invalidField(field, problem, { fields: [{ field, problem }] });
}

export function validateSequence(draft: SequenceDraft, accountingCurrency: string): void {
  draft.levels.forEach((level, index) => {
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
    if (level.fees.some((f) => f.minor > 0n) && !currencies.has(accountingCurrency)) {
      throw invalid(`${at}.fees`, `must include the accounting currency ${accountingCurrency} when a fee is charged`);
    }
    if (!level.templates[draft.language]) throw invalid(`${at}.templates`, `needs a template in the sequence's language '${draft.language}'`);
    for (const [language, template] of Object.entries(level.templates)) {
      for (const part of ['subject', 'body', 'payment'] as const) {
        const unknown = unknownPlaceholders(template[part]);
        if (unknown.length > 0) throw invalid(`${at}.templates.${language}.${part}`, `uses unknown placeholder {{${unknown[0]}}}`);
      }
    }
  });
}

/** Creates (id null) or replaces a sequence with its levels; returns the sequence as saved. */
export async function saveSequence(
  db: Kysely<Database>,
  id: string | null,
  draft: SequenceDraft,
  actor: string,
  accountingCurrency: string,
): Promise<LetterSequence> {
  validateSequence(draft, accountingCurrency);
  const savedId = await db.transaction().execute(async (trx) => {
    const before = id ? (await loadSequences(trx)).find((s) => s.id === id) : undefined;
    if (id && !before) throw notFound('sequence_not_found', `No letter sequence has the id '${id}'.`);
    const clash = await sequenceNamed(trx, draft.name);
    if (clash && clash !== id) throw conflict('sequence_name_taken', `A letter sequence is already named '${draft.name}'.`);
    const saved = await writeSequence(trx, id, draft);
    await recordAudit(trx, {
      actor,
      action: id ? 'letter_sequence.updated' : 'letter_sequence.created',
      entity: 'collection_letter_sequence',
      entityId: saved,
      before: before ? auditRecord(before.id, draftOf(before, accountingCurrency)) : null,
      after: auditRecord(saved, draft),
    });
    return saved;
  });
  return (await loadSequences(db)).find((s) => s.id === savedId)!;
}
