// Interest on overdue items, pure: the arithmetic of one line and the proposal of a customer's
// interest notes as of a date (one note per currency), leaving out what is held, disputed, within
// its grace days or already charged by an earlier note. The rules are in docs/domain-rules.md.
import { addDays, daysBetween } from './dates';
import { invalidField } from './errors';
import { prorate } from './money';
import type { CollectionStatus, CurrencyCode, IsoDate, LedgerKind, Money } from './types';

export const INTEREST_PERIODS = ['month', 'year'] as const;
export type InterestPeriod = (typeof INTEREST_PERIODS)[number];

/** Days in a rate's period: a monthly rate is charged per 30 days, a yearly one per 365 (actual/365). */
export const PERIOD_DAYS: Record<InterestPeriod, number> = { month: 30, year: 365 };

/** Kinds that never earn interest: no interest on interest or on fees. */
export const INTEREST_FREE_KINDS: readonly LedgerKind[] = ['interest', 'fee'];

export interface InterestCode {
  code: string;
  description: string;
  /** Basis points per period: 150 = 1.5 %. */
  rateBp: number;
  period: InterestPeriod;
  graceDays: number;
  /** A note whose interest is below it is not posted. */
  minimum: Money;
  active: boolean;
  isDefault: boolean;
  version: number;
}

/**
 * open × rate × days / period, in the currency's minor units, rounded half away from zero (the open
 * amount is positive, so: half up); never negative, zero for no days or no rate.
 */
export function interestAmount(open: bigint, rateBp: number, days: number, period: InterestPeriod): bigint {
  if (open <= 0n || rateBp <= 0 || days <= 0) return 0n;
  return prorate(open * BigInt(rateBp) * BigInt(days), 1n, 10_000n * BigInt(PERIOD_DAYS[period]));
}

/** An open entry of the customer as of the proposal date, with what the proposal must know of it. */
export interface InterestCandidate {
  id: string;
  document: string;
  kind: LedgerKind;
  currency: CurrencyCode;
  postingDate: IsoDate;
  dueDate: IsoDate | null;
  amount: bigint;
  amountAccounting: bigint;
  /** Open amount as of the proposal date (signed like amount). */
  open: bigint;
  collectionStatus: CollectionStatus;
  held: boolean;
  /** The last day an earlier note charged for it; null when none did. */
  chargedThrough: IsoDate | null;
}

export interface InterestLine {
  entryId: string;
  document: string;
  currency: CurrencyCode;
  dueDate: IsoDate;
  /** First and last day charged (inclusive). */
  from: IsoDate;
  to: IsoDate;
  days: number;
  rateBp: number;
  period: InterestPeriod;
  /** The open amount interest is charged on. */
  base: bigint;
  interest: bigint;
  interestAccounting: bigint;
}

export interface InterestNoteProposal {
  currency: CurrencyCode;
  lines: InterestLine[];
  total: bigint;
  totalAccounting: bigint;
}

export const INTEREST_SKIP_REASONS = ['held', 'disputed', 'in_grace', 'already_charged', 'below_minimum'] as const;
export type InterestSkipReason = (typeof INTEREST_SKIP_REASONS)[number];

export interface CustomerInterestProposal {
  customerId: string;
  asOf: IsoDate;
  /** The code that applies; null when the customer has none (and there is no default). */
  code: InterestCode | null;
  /** Notes to post: each at or above the code's minimum. */
  notes: InterestNoteProposal[];
  /** Overdue items left out, and why (below_minimum: a whole note under the minimum). */
  skipped: Array<{ entryId: string; document: string; reason: InterestSkipReason }>;
}

export interface ProposalInput {
  customerId: string;
  asOf: IsoDate;
  code: InterestCode | null;
  customerHeld: boolean;
  items: readonly InterestCandidate[];
}

/** The code of a customer: its own, else the default one; an inactive code charges nothing. */
export function codeFor(codes: readonly InterestCode[], customerCode: string | null): InterestCode | null {
  const code = customerCode === null ? codes.find((c) => c.isDefault) : codes.find((c) => c.code === customerCode);
  return code && code.active ? code : null;
}

/** The line an overdue item earns as of `asOf`, or why it earns none (null: not an interest item at all). */
export function interestLine(item: InterestCandidate, code: InterestCode, asOf: IsoDate): InterestLine | InterestSkipReason | null {
  if (item.open <= 0n || item.amount <= 0n || INTEREST_FREE_KINDS.includes(item.kind)) return null;
  const due = item.dueDate ?? item.postingDate;
  if (daysBetween(due, asOf) <= 0) return null;
  if (daysBetween(due, asOf) <= code.graceDays) return 'in_grace';
  if (item.held) return 'held';
  if (item.collectionStatus === 'disputed') return 'disputed';
  const start = item.chargedThrough !== null && item.chargedThrough > due ? item.chargedThrough : due;
  const days = daysBetween(start, asOf);
  if (days <= 0) return 'already_charged';
  const interest = interestAmount(item.open, code.rateBp, days, code.period);
  if (interest === 0n) return 'below_minimum';
  return {
    entryId: item.id,
    document: item.document,
    currency: item.currency,
    dueDate: due,
    from: addDays(start, 1),
    to: asOf,
    days,
    rateBp: code.rateBp,
    period: code.period,
    base: item.open,
    interest,
    interestAccounting: prorate(item.amountAccounting, interest, item.amount),
  };
}

/**
 * A customer's notes as of a date, one per currency. The minimum is in the code's currency: a note
 * in that currency is compared by its total, a note in another by its accounting-currency total.
 */
export function proposeInterest(input: ProposalInput): CustomerInterestProposal {
  const { code } = input;
  const proposal: CustomerInterestProposal = { customerId: input.customerId, asOf: input.asOf, code, notes: [], skipped: [] };
  if (!code) return proposal;
  const byCurrency = new Map<CurrencyCode, InterestLine[]>();
  const sorted = [...input.items].sort((a, b) => (a.document < b.document ? -1 : a.document > b.document ? 1 : a.id < b.id ? -1 : 1));
  for (const item of sorted) {
    const line = interestLine(input.customerHeld ? { ...item, held: true } : item, code, input.asOf);
    if (line === null) continue;
    if (typeof line === 'string') {
      proposal.skipped.push({ entryId: item.id, document: item.document, reason: line });
      continue;
    }
    byCurrency.set(line.currency, [...(byCurrency.get(line.currency) ?? []), line]);
  }
  for (const currency of [...byCurrency.keys()].sort()) {
    const lines = byCurrency.get(currency)!;
    const total = lines.reduce((sum, l) => sum + l.interest, 0n);
    const totalAccounting = lines.reduce((sum, l) => sum + l.interestAccounting, 0n);
    const compared = currency === code.minimum.currency ? total : totalAccounting;
    if (compared < code.minimum.minor) {
      for (const l of lines) proposal.skipped.push({ entryId: l.entryId, document: l.document, reason: 'below_minimum' });
      continue;
    }
    proposal.notes.push({ currency, lines, total, totalAccounting });
  }
  return proposal;
}

/** A code as a manager writes it, checked field by field (the form's errors name the field). */
export interface InterestCodeDraft {
  code: string;
  description: string;
  rateBp: number;
  period: InterestPeriod;
  graceDays: number;
  minimum: Money;
  active: boolean;
  isDefault: boolean;
}

export function checkInterestCode(draft: InterestCodeDraft, isCurrency: (code: string) => boolean): void {
  if (!/^[A-Z][A-Z0-9_-]{0,19}$/.test(draft.code)) throw invalidField('code', 'must be 1 to 20 capital letters, digits, - or _, starting with a letter');
  if (draft.description.trim() === '') throw invalidField('description', 'must not be blank');
  if (!Number.isInteger(draft.rateBp) || draft.rateBp < 0 || draft.rateBp > 100_000) throw invalidField('rateBp', 'must be a whole number of basis points from 0 to 100000');
  if (!Number.isInteger(draft.graceDays) || draft.graceDays < 0 || draft.graceDays > 3650) throw invalidField('graceDays', 'must be a whole number of days from 0 to 3650');
  if (draft.minimum.minor < 0n) throw invalidField('minimum', 'must not be negative');
  if (!isCurrency(draft.minimum.currency)) throw invalidField('currency', `has '${draft.minimum.currency}', which is not an ISO 4217 currency`);
}
