// Collections holds: a customer or one of its transactions held from letters, interest and a
// worklist's urgency, until a date (inclusive) or until lifted. The rules for putting one on and
// lifting it, and whether one is in force on a date.
import { conflict, invalidField, unprocessable } from '../errors';
import type { IsoDate } from '../types';

export interface Hold {
  id: string;
  customerId: string;
  /** null: the whole customer is held. */
  transactionId: string | null;
  reason: string;
  /** Held through this date; null: until lifted. */
  until: IsoDate | null;
  createdBy: string;
  createdAt: Date;
  liftedBy: string | null;
  liftedAt: Date | null;
}

export const HOLD_REASON_MAX = 500;

/** In force on `date`: not lifted, and open-ended or held through a date not before it. */
export function holdInForce(hold: Pick<Hold, 'until' | 'liftedAt'>, date: IsoDate): boolean {
  return hold.liftedAt === null && (hold.until === null || hold.until >= date);
}

/** The reason, trimmed: required, at most HOLD_REASON_MAX characters. */
export function holdReason(reason: string): string {
  const trimmed = reason.trim();
  if (trimmed === '') throw invalidField('reason', 'is required: say why collections are held');
  if (trimmed.length > HOLD_REASON_MAX) throw invalidField('reason', `must be at most ${HOLD_REASON_MAX} characters`);
  return trimmed;
}

/** The date held through: none (until lifted), or today or later. */
export function holdUntil(until: IsoDate | null, today: IsoDate): IsoDate | null {
  if (until !== null && until < today) throw unprocessable('hold_until_past', `Field 'until' must not be before today (${today}).`, { field: 'until', today });
  return until;
}

/** What a new hold targets: each transaction named once and still open, or the whole customer. */
export function holdTargets(
  transactionIds: readonly string[] | null,
  open: ReadonlyMap<string, { document: string; closed: boolean }>,
): Array<string | null> {
  if (transactionIds === null) return [null];
  if (transactionIds.length === 0) throw invalidField('transactionIds', 'must name at least one transaction (leave it out to hold the whole customer)');
  if (new Set(transactionIds).size !== transactionIds.length) throw invalidField('transactionIds', 'names a transaction twice');
  return transactionIds.map((id, i) => {
    const entry = open.get(id);
    if (!entry) throw unprocessable('transaction_not_found', `Field 'transactionIds.${i}': no transaction ${id} of this customer.`, { field: `transactionIds.${i}`, id });
    if (entry.closed) throw unprocessable('transaction_closed', `Field 'transactionIds.${i}': ${entry.document} is closed; only open transactions can be held.`, { field: `transactionIds.${i}`, id });
    return id;
  });
}

/** A second hold in force on the same target is refused with the one already there. */
export function alreadyHeld(existing: Hold): never {
  const what = existing.transactionId === null ? 'The customer' : 'The transaction';
  throw conflict('already_on_hold', `${what} is already on hold (${existing.reason}); lift that hold first.`, { hold: { id: existing.id, transactionId: existing.transactionId, reason: existing.reason, until: existing.until } });
}

/** Only a hold not yet lifted can be lifted (one that ran out by its date still can, to end it early in the record). */
export function checkLiftable(hold: Hold): void {
  if (hold.liftedAt !== null) throw conflict('hold_lifted', `The hold was already lifted on ${hold.liftedAt.toISOString().slice(0, 10)}.`, { id: hold.id, liftedBy: hold.liftedBy });
}
