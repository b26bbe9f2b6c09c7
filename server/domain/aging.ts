// Aging of the open balance into periods of days overdue (or days since the document date), in the
// accounting currency, so that the buckets always add up to the balance exactly.
import type { EntryAsOf, LedgerAsOf } from './ledger-asof';
import { daysBetween } from './dates';
import type { AgingBy, AgingPeriod, IsoDate, LedgerEntry } from './types';

export const DEFAULT_AGING_PERIODS: readonly AgingPeriod[] = [
  { label: 'Current', fromDays: null, toDays: 0 },
  { label: '1–30', fromDays: 1, toDays: 30 },
  { label: '31–60', fromDays: 31, toDays: 60 },
  { label: '61–90', fromDays: 61, toDays: 90 },
  { label: '91–120', fromDays: 91, toDays: 120 },
  { label: 'Over 120', fromDays: 121, toDays: null },
];

export class AgingPeriodsError extends Error {
  override name = 'AgingPeriodsError';
}

/**
 * Throws unless the periods cover every day count exactly once, in order: the first open below
 * (fromDays null), the last open above (toDays null), each starting the day after the previous ends.
 */
export function validateAgingPeriods(periods: readonly AgingPeriod[]): void {
  const first = periods[0];
  const last = periods[periods.length - 1];
  if (!first || !last) throw new AgingPeriodsError('At least one aging period is needed.');
  if (first.fromDays !== null) throw new AgingPeriodsError(`The first period '${first.label}' must have fromDays null.`);
  if (last.toDays !== null) throw new AgingPeriodsError(`The last period '${last.label}' must have toDays null.`);
  periods.forEach((period, index) => {
    for (const bound of [period.fromDays, period.toDays]) {
      if (bound !== null && !Number.isSafeInteger(bound)) {
        throw new AgingPeriodsError(`Period '${period.label}' has a bound that is not a whole number.`);
      }
    }
    if (period.fromDays !== null && period.toDays !== null && period.toDays < period.fromDays) {
      throw new AgingPeriodsError(`Period '${period.label}' ends before it starts.`);
    }
    const previous = periods[index - 1];
    if (!previous) return;
    if (previous.toDays === null || period.fromDays !== previous.toDays + 1) {
      throw new AgingPeriodsError(`Period '${period.label}' must start the day after '${previous.label}' ends.`);
    }
  });
}

/** Whether a debit is past its due date as of `asOf` (same as daysOverdue > 0, without the arithmetic). */
export function isOverdue(entry: LedgerEntry, asOf: IsoDate): boolean {
  return entry.amount > 0n && entry.dueDate !== null && entry.dueDate < asOf;
}

/** Days past due as of `asOf`; 0 for credits, for debits without a due date and when not yet due. */
export function daysOverdue(entry: LedgerEntry, asOf: IsoDate): number {
  if (entry.amount <= 0n || entry.dueDate === null) return 0;
  return Math.max(0, daysBetween(entry.dueDate, asOf));
}

/** The day count that places an open entry in a period; null puts it in the first (Current). */
function agingDays(item: EntryAsOf, asOf: IsoDate, by: AgingBy): number | null {
  if (!item.isDebit) return null;
  if (by === 'document_date') return daysBetween(item.entry.postingDate, asOf);
  return item.entry.dueDate === null ? null : daysBetween(item.entry.dueDate, asOf);
}

function periodIndex(periods: readonly AgingPeriod[], days: number | null): number {
  if (days === null) return 0;
  const index = periods.findIndex((p) => (p.fromDays === null || days >= p.fromDays) && (p.toDays === null || days <= p.toDays));
  return Math.max(0, index);
}

export interface AgedAmount {
  period: AgingPeriod;
  /** Open amount in the accounting currency. */
  amount: bigint;
}

/**
 * Ages the entries of a ledger as of its date. Each entry contributes its open accounting
 * amount to exactly one period, so the periods sum to the balance with no rounding residue.
 */
export function ageLedger(
  ledger: LedgerAsOf,
  periods: readonly AgingPeriod[] = DEFAULT_AGING_PERIODS,
  by: AgingBy = 'due_date',
): AgedAmount[] {
  validateAgingPeriods(periods);
  const amounts = periods.map(() => 0n);
  for (const item of ledger.items) {
    const index = periodIndex(periods, agingDays(item, ledger.asOf, by));
    amounts[index] = (amounts[index] ?? 0n) + item.openAccounting;
  }
  return periods.map((period, index) => ({ period, amount: amounts[index] ?? 0n }));
}
