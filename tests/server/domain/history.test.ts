// Payment history: on-time share, amount-weighted days late, DSO, monthly marks.
import { describe, expect, it } from 'vitest';
import { balanceOf } from '../../../server/domain/credit';
import { paymentHistory } from '../../../server/domain/history';
import { ledgerAsOf } from '../../../server/domain/ledger-asof';
import type { LedgerEntry, Settlement } from '../../../server/domain/types';
import { entry, settle } from './builders';

const history = (entries: LedgerEntry[], settlements: Settlement[], asOf: string) => {
  const ledger = ledgerAsOf(entries, settlements, asOf);
  return paymentHistory(ledger, balanceOf(ledger));
};

const pay = entry({ id: 'pay', amount: -100_000n, postingDate: '2025-01-01' });
const invoices = [
  entry({ id: 'a', amount: 1000n, postingDate: '2026-01-01', dueDate: '2026-01-31' }),
  entry({ id: 'b', amount: 3000n, postingDate: '2026-02-01', dueDate: '2026-02-28' }),
  entry({ id: 'c', amount: 500n, postingDate: '2026-03-01', dueDate: '2026-03-31' }),
];
const settlements = [
  settle('a', 'pay', 1000n, '2026-01-31'), // on its due date: on time
  settle('b', 'pay', 1000n, '2026-03-05'),
  settle('b', 'pay', 2000n, '2026-03-10'), // fully settled 10 days late
];

describe('paymentHistory', () => {
  it('weights days late by amount over invoices fully settled in the last 12 months', () => {
    const result = history([pay, ...invoices], settlements, '2026-04-15');
    expect(result.onTimeShare).toBe(0.5);
    // (1000 × 0 + 3000 × 10) / 4000 = 7.5
    expect(result.averageDaysLate).toBe(7.5);
    expect(result.settledInvoices).toBe(2);
  });

  it('forgets invoices settled more than 12 months before', () => {
    expect(history([pay, ...invoices], settlements, '2027-01-30').onTimeShare).toBe(0.5);
    // a (settled 2026-01-31) drops out: only b, late, remains.
    expect(history([pay, ...invoices], settlements, '2027-01-31')).toMatchObject({ onTimeShare: 0, averageDaysLate: 10 });
    expect(history([pay, ...invoices], settlements, '2027-03-10')).toMatchObject({ onTimeShare: null, averageDaysLate: null });
  });

  it('computes DSO from invoices posted in the last 90 days, null without any', () => {
    // Balance 4500 − 100000 is a credit balance: DSO floors at 0.
    expect(history([pay, ...invoices], settlements, '2026-04-15').dso).toBe(0);
    // Only c open (500); invoiced in (2026-01-15, 2026-04-15]: b + c = 3500 → 500 × 90 / 3500 = 12.857 → 12.9
    const exact = entry({ id: 'exact', amount: -4000n, postingDate: '2026-01-01' });
    expect(history([exact, ...invoices], [settle('a', 'exact', 1000n, '2026-01-31'), settle('b', 'exact', 3000n, '2026-03-10')], '2026-04-15').dso).toBe(12.9);
    expect(history(invoices, [], '2027-01-01').dso).toBeNull();
  });

  it('marks each of the 12 months by the invoices due in it', () => {
    const months = history([pay, ...invoices], settlements, '2026-04-15').months;
    expect(months.map((m) => m.month)).toEqual([
      '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04',
    ]);
    expect(months.slice(-4)).toEqual([
      { month: '2026-01', invoices: 1, paidOnTime: 1, paidLate: 0, unpaid: 0, state: 'on_time' },
      { month: '2026-02', invoices: 1, paidOnTime: 0, paidLate: 1, unpaid: 0, state: 'late' },
      { month: '2026-03', invoices: 1, paidOnTime: 0, paidLate: 0, unpaid: 1, state: 'late' },
      { month: '2026-04', invoices: 0, paidOnTime: 0, paidLate: 0, unpaid: 0, state: 'none' },
    ]);
  });

  it('does not call an invoice due on the as-of date late, nor one settled after the as-of date paid', () => {
    const due = entry({ id: 'due', amount: 10n, postingDate: '2026-03-01', dueDate: '2026-03-31' });
    const months = history([pay, due], [settle('due', 'pay', 10n, '2026-04-02')], '2026-03-31').months;
    expect(months.at(-1)).toEqual({ month: '2026-03', invoices: 1, paidOnTime: 0, paidLate: 0, unpaid: 1, state: 'none' });
  });
});
