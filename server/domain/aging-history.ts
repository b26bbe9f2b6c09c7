// The aging of a customer's open balance at each of the last N month ends and on the as-of date,
// by the summary's rules (ledger-asof.ts, aging.ts), in one pass over the customer's ledger: each
// entry adds its open accounting amount to its period at every point from its posting date on.
import { DEFAULT_AGING_PERIODS, validateAgingPeriods } from './aging';
import { addDays, daysBetween } from './dates';
import { prorate } from './money';
import type { AgingBy, AgingPeriod, IsoDate, LedgerEntry, Settlement } from './types';

export const MAX_HISTORY_MONTHS = 36;

export interface AgingPoint {
  asOf: IsoDate;
  /** Open accounting amount per period, in the order of the periods; they sum to `balance`. */
  amounts: bigint[];
  balance: bigint;
}

export interface AgingHistory {
  asOf: IsoDate;
  periods: readonly AgingPeriod[];
  /** Oldest first: the month ends before the as-of date, then the as-of date. */
  points: AgingPoint[];
}

/** The last day of the month before the one `date` falls in. */
function endOfPreviousMonth(date: IsoDate): IsoDate {
  return addDays(`${date.slice(0, 7)}-01`, -1);
}

/** The `months` month ends before `asOf` (a month end that is `asOf` itself is the as-of point), then `asOf`; oldest first. */
export function historyDates(asOf: IsoDate, months: number): IsoDate[] {
  const dates: IsoDate[] = [asOf];
  let end = endOfPreviousMonth(asOf);
  for (let i = 0; i < months; i += 1) {
    dates.push(end);
    end = endOfPreviousMonth(end);
  }
  return dates.reverse();
}

type Shift = { date: IsoDate; delta: bigint };

const later = (a: IsoDate, b: IsoDate) => (a > b ? a : b);

function periodIndex(periods: readonly AgingPeriod[], days: number | null): number {
  if (days === null) return 0;
  const index = periods.findIndex((p) => (p.fromDays === null || days >= p.fromDays) && (p.toDays === null || days <= p.toDays));
  return Math.max(0, index);
}

/**
 * Same figures as `ageLedger(ledgerAsOf(entries, settlements, d))` for every point d: a settlement
 * counts from the latest of its date and both entries' posting dates, and only between entries
 * of the ledger; a partly open entry's accounting amount is prorated, halves away from zero.
 */
export function agingHistory(
  entries: readonly LedgerEntry[],
  settlements: readonly Settlement[],
  asOf: IsoDate,
  months: number,
  periods: readonly AgingPeriod[] = DEFAULT_AGING_PERIODS,
  by: AgingBy = 'due_date',
): AgingHistory {
  validateAgingPeriods(periods);
  const dates = historyDates(asOf, months);
  const points: AgingPoint[] = dates.map((d) => ({ asOf: d, amounts: periods.map(() => 0n), balance: 0n }));
  const byId = new Map(entries.map((e) => [e.id, e]));
  const shifts = new Map<string, Shift[]>();
  const push = (id: string, shift: Shift) => {
    const list = shifts.get(id);
    if (list) list.push(shift);
    else shifts.set(id, [shift]);
  };
  for (const s of settlements) {
    const debit = byId.get(s.debitId);
    const credit = byId.get(s.creditId);
    if (!debit || !credit) continue;
    const date = later(s.date, later(debit.postingDate, credit.postingDate));
    if (date > asOf) continue;
    push(debit.id, { date, delta: -s.amount });
    push(credit.id, { date, delta: s.amount });
  }
  for (const entry of entries) {
    if (entry.postingDate > asOf) continue;
    const own = (shifts.get(entry.id) ?? []).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const isDebit = entry.amount > 0n;
    const agedFrom = !isDebit ? null : by === 'document_date' ? entry.postingDate : entry.dueDate;
    let open = entry.amount;
    let applied = 0;
    for (const point of points) {
      if (point.asOf < entry.postingDate) continue;
      while (applied < own.length && own[applied]!.date <= point.asOf) open += own[applied++]!.delta;
      // ledgerAsOf recomputes the accounting amount only once a settlement applies.
      const accounting = applied === 0 ? entry.amountAccounting : entry.amount === 0n ? 0n : prorate(entry.amountAccounting, open, entry.amount);
      if (accounting === 0n) continue;
      const index = periodIndex(periods, agedFrom === null ? null : daysBetween(agedFrom, point.asOf));
      point.amounts[index]! += accounting;
      point.balance += accounting;
    }
  }
  return { asOf, periods, points };
}
