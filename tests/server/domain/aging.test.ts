// Aging: which bucket an open amount lands in, configurable periods, and exact sums.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageLedger, AgingPeriodsError, daysOverdue, DEFAULT_AGING_PERIODS, validateAgingPeriods } from '../../../server/domain/aging';
import { balanceOf } from '../../../server/domain/credit';
import { addDays } from '../../../server/domain/dates';
import { ledgerAsOf } from '../../../server/domain/ledger-asof';
import type { AgingPeriod, LedgerEntry } from '../../../server/domain/types';
import { asOfArb, entry, ledgerArb, settle } from './builders';

const ASOF = '2026-06-30';
const aged = (entries: LedgerEntry[], by: 'due_date' | 'document_date' = 'due_date', periods = DEFAULT_AGING_PERIODS) =>
  Object.fromEntries(ageLedger(ledgerAsOf(entries, [], ASOF), periods, by).map((b) => [b.period.label, b.amount]));

describe('aging by due date', () => {
  it('puts a debit due on the as-of date in Current and one due the day before in 1–30', () => {
    const buckets = aged([
      entry({ id: 'due-today', amount: 100n, dueDate: ASOF }),
      entry({ id: 'due-yesterday', amount: 7n, dueDate: '2026-06-29' }),
    ]);
    expect(buckets).toMatchObject({ Current: 100n, '1–30': 7n });
  });

  it('places each boundary day in its period', () => {
    const due = (days: number, amount: bigint) => entry({ id: `d${days}`, amount, dueDate: addDays(ASOF, -days) });
    const buckets = aged([due(30, 1n), due(31, 10n), due(60, 100n), due(61, 1000n), due(90, 10_000n), due(91, 100_000n), due(120, 1_000_000n), due(121, 10_000_000n)]);
    expect(buckets).toEqual({ Current: 0n, '1–30': 1n, '31–60': 110n, '61–90': 11_000n, '91–120': 1_100_000n, 'Over 120': 10_000_000n });
  });

  it('keeps debits without a due date and every unsettled credit in Current', () => {
    const buckets = aged([
      entry({ id: 'no-due', amount: 500n }),
      entry({ id: 'old-payment', amount: -200n, postingDate: '2020-01-01' }),
      entry({ id: 'old', amount: 50n, dueDate: '2020-01-01' }),
    ]);
    expect(buckets).toMatchObject({ Current: 300n, 'Over 120': 50n });
  });

  it('ages the accounting amount of the open part only', () => {
    const invoice = entry({ id: 'eur', amount: 300n, amountAccounting: 331n, currency: 'EUR', dueDate: '2026-06-01' });
    const credit = entry({ id: 'cn', amount: -100n, amountAccounting: -110n, currency: 'EUR' });
    const buckets = ageLedger(ledgerAsOf([invoice, credit], [settle('eur', 'cn', 100n, '2026-06-10')], ASOF));
    // 331 × 200/300 = 220.67 → 221
    expect(buckets.map((b) => b.amount)).toEqual([0n, 221n, 0n, 0n, 0n, 0n]);
  });
});

describe('aging by document date', () => {
  it('ages from the posting date, whatever the due date', () => {
    const buckets = aged([entry({ id: 'x', amount: 9n, postingDate: '2026-05-01', dueDate: '2026-07-31' })], 'document_date');
    expect(buckets).toMatchObject({ '31–60': 9n });
  });
});

describe('aging periods', () => {
  const custom: AgingPeriod[] = [
    { label: 'Not due', fromDays: null, toDays: 0 },
    { label: '1–15', fromDays: 1, toDays: 15 },
    { label: 'Later', fromDays: 16, toDays: null },
  ];

  it('uses configured periods in their order', () => {
    expect(aged([entry({ id: 'x', amount: 3n, dueDate: '2026-06-20' })], 'due_date', custom)).toEqual({ 'Not due': 0n, '1–15': 3n, Later: 0n });
  });

  it.each([
    [[], /At least one/],
    [[{ label: 'a', fromDays: 0, toDays: null }], /fromDays null/],
    [[{ label: 'a', fromDays: null, toDays: 0 }], /toDays null/],
    [[{ label: 'a', fromDays: null, toDays: 0 }, { label: 'b', fromDays: 2, toDays: null }], /day after/],
    [[{ label: 'a', fromDays: null, toDays: 0 }, { label: 'b', fromDays: 1, toDays: 0 }, { label: 'c', fromDays: 1, toDays: null }], /ends before/],
    [[{ label: 'a', fromDays: null, toDays: 0.5 }, { label: 'b', fromDays: 1.5, toDays: null }], /whole number/],
  ])('rejects gaps, overlaps and open ends in the wrong place (%#)', (periods, message) => {
    expect(() => validateAgingPeriods(periods as AgingPeriod[])).toThrow(AgingPeriodsError);
    expect(() => validateAgingPeriods(periods as AgingPeriod[])).toThrow(message);
  });
});

describe('daysOverdue', () => {
  it('is as-of minus due date for debits, never negative, 0 for credits', () => {
    expect(daysOverdue(entry({ id: 'a', amount: 1n, dueDate: '2026-06-01' }), ASOF)).toBe(29);
    expect(daysOverdue(entry({ id: 'b', amount: 1n, dueDate: '2026-07-01' }), ASOF)).toBe(0);
    expect(daysOverdue(entry({ id: 'c', amount: -1n, dueDate: '2026-01-01' }), ASOF)).toBe(0);
  });
});

describe('aging properties', () => {
  it('buckets always sum exactly to the balance, by due date and by document date', () => {
    fc.assert(
      fc.property(ledgerArb, asOfArb, fc.constantFrom('due_date', 'document_date' as const), ({ entries, settlements }, asOf, by) => {
        const ledger = ledgerAsOf(entries, settlements, asOf);
        const total = ageLedger(ledger, DEFAULT_AGING_PERIODS, by).reduce((sum, b) => sum + b.amount, 0n);
        expect(total).toBe(balanceOf(ledger));
      }),
    );
  });
});
