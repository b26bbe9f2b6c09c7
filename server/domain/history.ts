// Payment behaviour over the 12 months up to the as-of date: on-time share, amount-weighted days
// late, DSO, and one mark per month. Only invoices count (fees and interest are not sales).
import { addDays, addMonths, daysBetween, monthOf } from './dates';
import type { EntryAsOf, LedgerAsOf } from './ledger-asof';
import { prorate } from './money';

/** The invoices due in one calendar month, by how they were paid. */
export interface PaymentMonth {
  /** 'YYYY-MM' */
  month: string;
  invoices: number;
  paidOnTime: number;
  paidLate: number;
  /** Due that month and still open (or settled after the as-of date). */
  unpaid: number;
  /** 'nsf': a payment was returned unpaid (an NSF reversal posted) that month, whatever else happened. */
  state: 'on_time' | 'late' | 'none' | 'nsf';
}

export interface PaymentHistory {
  /** Share of the invoices fully settled in the last 12 months that were settled by their due date. */
  onTimeShare: number | null;
  /** Σ(accounting amount × days late) / Σ accounting amount over the same invoices, one decimal. */
  averageDaysLate: number | null;
  /** Balance / invoices posted in the last 90 days × 90, one decimal, never below 0. */
  dso: number | null;
  /** The 12 calendar months up to the as-of month, oldest first. */
  months: PaymentMonth[];
  /** How many invoices the share and the average are computed over. */
  settledInvoices: number;
}

function isInvoice(item: EntryAsOf): boolean {
  return item.isDebit && item.entry.kind === 'invoice';
}

/** Days from the due date to the day the invoice became fully settled; early or no due date is 0. */
export function daysLate(item: EntryAsOf): number {
  if (item.settledOn === null || item.entry.dueDate === null) return 0;
  return Math.max(0, daysBetween(item.entry.dueDate, item.settledOn));
}

/** A value in tenths, exactly rounded half away from zero, as a number with one decimal. */
function oneDecimal(total: bigint, whole: bigint, scale: bigint): number {
  return Number(prorate(total, scale * 10n, whole)) / 10;
}

function monthMarks(ledger: LedgerAsOf): PaymentMonth[] {
  const { asOf } = ledger;
  const months = new Map<string, PaymentMonth & { pastDue: number }>();
  for (let back = 11; back >= 0; back -= 1) {
    const month = monthOf(addMonths(asOf, -back));
    months.set(month, { month, invoices: 0, paidOnTime: 0, paidLate: 0, unpaid: 0, state: 'none', pastDue: 0 });
  }
  const returned = new Set<string>();
  for (const item of ledger.items) {
    if (item.entry.kind === 'nsf_reversal' && item.entry.postingDate <= asOf) returned.add(monthOf(item.entry.postingDate));
    const due = item.entry.dueDate;
    if (!isInvoice(item) || due === null || due > asOf) continue;
    const mark = months.get(monthOf(due));
    if (!mark) continue;
    mark.invoices += 1;
    if (item.settledOn === null) {
      mark.unpaid += 1;
      if (due < asOf) mark.pastDue += 1;
    } else if (daysLate(item) > 0) mark.paidLate += 1;
    else mark.paidOnTime += 1;
  }
  return [...months.values()].map(({ pastDue, ...mark }) => ({
    ...mark,
    state: returned.has(mark.month) ? 'nsf' : mark.paidLate > 0 || pastDue > 0 ? 'late' : mark.paidOnTime > 0 ? 'on_time' : 'none',
  }));
}

/**
 * The payment history as of the ledger's date. `balance` is the accounting-currency balance as of
 * the same date (for DSO). Month marks cover invoices due in that month up to the as-of date: 'late'
 * when one was paid late or is unpaid past its due date, 'on_time' when at least one was paid and
 * all paid ones were on time, 'none' otherwise.
 */
export function paymentHistory(ledger: LedgerAsOf, balance: bigint): PaymentHistory {
  const { asOf } = ledger;
  const yearAgo = addMonths(asOf, -12);
  const dsoFrom = addDays(asOf, -90);
  let settled = 0;
  let onTime = 0;
  let weight = 0n;
  let weightedDays = 0n;
  let invoiced = 0n;
  for (const item of ledger.items) {
    if (!isInvoice(item)) continue;
    if (item.entry.postingDate > dsoFrom) invoiced += item.entry.amountAccounting;
    if (item.settledOn === null || item.settledOn <= yearAgo) continue;
    const late = daysLate(item);
    settled += 1;
    if (late === 0) onTime += 1;
    weight += item.entry.amountAccounting;
    weightedDays += item.entry.amountAccounting * BigInt(late);
  }
  return {
    onTimeShare: settled === 0 ? null : onTime / settled,
    averageDaysLate: weight === 0n ? null : oneDecimal(weightedDays, weight, 1n),
    dso: invoiced <= 0n ? null : Math.max(0, oneDecimal(balance, invoiced, 90n)),
    months: monthMarks(ledger),
    settledInvoices: settled,
  };
}
