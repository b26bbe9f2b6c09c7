// Balance, overdue and credit figures in the accounting currency, and the credit rating derived
// from payment behaviour when the ERP supplies none (rule below and in docs/domain-rules.md).
import { isOverdue } from './aging';
import { addDays } from './dates';
import { ledgerAsOf, settledBy, type LedgerAsOf } from './ledger-asof';
import { prorate } from './money';
import type { IsoDate, LedgerEntry, Settlement } from './types';

/** Sum of every open accounting amount (credits reduce it). */
export function balanceOf(ledger: LedgerAsOf): bigint {
  let total = 0n;
  for (const item of ledger.items) total += item.openAccounting;
  return total;
}

/** Open accounting amount of debits with days overdue > 0 as of the ledger's date. */
export function overdueOf(ledger: LedgerAsOf): bigint {
  let total = 0n;
  for (const item of ledger.items) {
    if (isOverdue(item.entry, ledger.asOf)) total += item.openAccounting;
  }
  return total;
}

/** Credit limit minus balance; negative when over the limit, null when there is no limit. */
export function creditRemaining(limit: bigint | null, balance: bigint): bigint | null {
  return limit === null ? null : limit - balance;
}

/**
 * Overdue on `date`, on or before the ledger's own date, as the ledger stood then: the same figure
 * as overdueOf(ledgerAsOf(entries, settlements, date)) without building that ledger again, since
 * each item already holds its settlements in date order.
 */
export function overdueOn(ledger: LedgerAsOf, date: IsoDate): bigint {
  let total = 0n;
  for (const item of ledger.items) {
    const { entry } = item;
    if (entry.postingDate > date || !isOverdue(entry, date)) continue;
    const settled = settledBy(item, date);
    total += settled === 0n ? entry.amountAccounting : prorate(entry.amountAccounting, entry.amount - settled, entry.amount);
  }
  return total;
}

/** The overdue accounting amount on one date. */
export interface OverduePoint {
  asOf: IsoDate;
  amount: bigint;
}

/**
 * Overdue 60 days prior, 30 days prior and on `asOf`, each from the ledger as it stood then.
 * `current` may pass the ledger as of `asOf` when the caller already has it.
 */
export function overdueHistory(
  entries: readonly LedgerEntry[],
  settlements: readonly Settlement[],
  asOf: IsoDate,
  current: LedgerAsOf = ledgerAsOf(entries, settlements, asOf),
): OverduePoint[] {
  return [60, 30, 0].map((back) => {
    const date = addDays(asOf, -back);
    return { asOf: date, amount: back === 0 ? overdueOf(current) : overdueOn(current, date) };
  });
}

export interface RatingInputs {
  /** From the payment history: null when no invoice was fully settled in the last 12 months. */
  onTimeShare: number | null;
  averageDaysLate: number | null;
  /** Promises to pay with a promise date in the last 12 months that read 'promise_broken'. */
  brokenPromises: number;
  /** Whether any open debit is more than 90 days overdue as of the as-of date. */
  overdueOver90: boolean;
}

/**
 * The derived credit rating, first match wins:
 *   null  no invoice fully settled in the last 12 months (nothing to judge);
 *   'A'   on-time share ≥ 90 %, average days late ≤ 5, no broken promise, nothing over 90 days overdue;
 *   'B'   on-time share ≥ 75 %, average days late ≤ 15, at most 1 broken promise, nothing over 90 days;
 *   'C'   on-time share ≥ 50 %, average days late ≤ 30, at most 2 broken promises;
 *   'D'   otherwise.
 */
export function deriveCreditRating(inputs: RatingInputs): string | null {
  const { onTimeShare, brokenPromises, overdueOver90 } = inputs;
  if (onTimeShare === null) return null;
  const late = inputs.averageDaysLate ?? 0;
  if (onTimeShare >= 0.9 && late <= 5 && brokenPromises === 0 && !overdueOver90) return 'A';
  if (onTimeShare >= 0.75 && late <= 15 && brokenPromises <= 1 && !overdueOver90) return 'B';
  if (onTimeShare >= 0.5 && late <= 30 && brokenPromises <= 2) return 'C';
  return 'D';
}
