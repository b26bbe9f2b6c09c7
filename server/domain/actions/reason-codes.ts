// Reason codes are a managed list per kind (a dispute's reason, a write-off's reason): an action
// names an active code of its kind, and managers add or retire codes.
import { invalidField, unprocessable } from '../errors';

export const REASON_CODE_KINDS = ['dispute', 'write_off'] as const;
export type ReasonCodeKind = (typeof REASON_CODE_KINDS)[number];

export interface ReasonCode {
  kind: ReasonCodeKind;
  code: string;
  label: string;
  active: boolean;
}

const CODE = /^[a-z][a-z0-9_]{0,39}$/;

/** A new code is lower-case letters, digits and underscores, starting with a letter. */
export function checkNewReasonCode(code: string, label: string): void {
  if (!CODE.test(code)) throw invalidField('code', 'must be 1 to 40 lower-case letters, digits or underscores, starting with a letter');
  if (label.trim() === '') throw invalidField('label', 'must not be empty');
}

/** `code` is an active code of `kind` in `known`; the refusal names the field and the codes allowed. */
export function checkReasonCode(code: string, kind: ReasonCodeKind, known: readonly ReasonCode[], field: string): void {
  const active = known.filter((c) => c.kind === kind && c.active);
  if (active.some((c) => c.code === code)) return;
  throw unprocessable('unknown_reason_code', `Field '${field}' must be one of the active ${kind.replace('_', '-')} reason codes: ${active.map((c) => c.code).join(', ')}.`, {
    field,
    allowed: active.map((c) => c.code),
  });
}
