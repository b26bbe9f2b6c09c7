// The errors of the rules and of the stores, without transport: each says what kind of refusal it is
// and carries a machine-readable code, a sentence naming the field and optional details. One handler
// in server/http/errors.ts maps the kind to an HTTP status; nothing below server/http knows statuses.

/**
 * - `invalid`: the request is malformed (a field has the wrong form);
 * - `unprocessable`: well formed but against a rule (more than is open, a date in the past);
 * - `not_found`, `conflict` (the state forbids it now), `forbidden` (the caller may not),
 *   `precondition_failed` (the caller's copy is stale).
 */
export type FailureKind = 'invalid' | 'unprocessable' | 'not_found' | 'conflict' | 'forbidden' | 'precondition_failed';

export class DomainError extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** A malformed field: `Field 'x' problem.` with the field in the details, as schema validation words it. */
export function invalidField(field: string, problem: string, details: Record<string, unknown> = { field }): DomainError {
  return new DomainError('invalid', 'invalid_request', `Field '${field}' ${problem}.`, details);
}

export function notFound(code: string, message: string, details?: unknown): DomainError {
  return new DomainError('not_found', code, message, details);
}

export function conflict(code: string, message: string, details?: unknown): DomainError {
  return new DomainError('conflict', code, message, details);
}

export function unprocessable(code: string, message: string, details?: unknown): DomainError {
  return new DomainError('unprocessable', code, message, details);
}

export function forbidden(code: string, message: string, details?: unknown): DomainError {
  return new DomainError('forbidden', code, message, details);
}

export function customerNotFound(id: string): DomainError {
  return notFound('customer_not_found', `No customer has the id '${id}'.`, { id });
}
