// What the letter routes share: the options server/app.ts registers them with, and the 404 of an
// id that names no letter, batch or sequence.
import { notFound, type DomainError } from '../../../domain/errors';

export interface LetterRoutesOptions {
  /** Called after a letter's mail was queued, so the outbox worker need not wait for its next poll. */
  onQueued?: () => void;
}

/** `letter_not_found`, `batch_not_found`, `sequence_not_found`: no such id (malformed ids included). */
export function notFoundById(what: 'letter' | 'batch' | 'sequence', id: string): DomainError {
  return notFound(`${what}_not_found`, `No ${what} has the id '${id}'.`, { id });
}
