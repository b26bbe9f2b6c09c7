// Credit figures and the derived credit rating rule.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balanceOf, creditRemaining, deriveCreditRating, overdueHistory, overdueOf, overdueOn } from '../../../server/domain/credit';
import { addDays } from '../../../server/domain/dates';
import { ledgerAsOf } from '../../../server/domain/ledger-asof';
import { asOfArb, entry, ledgerArb, settle } from './builders';

const entries = [
  entry({ id: 'old', amount: 300n, postingDate: '2026-01-01', dueDate: '2026-01-31' }),
  entry({ id: 'new', amount: 200n, postingDate: '2026-03-01', dueDate: '2026-03-31' }),
  entry({ id: 'pay', amount: -250n, postingDate: '2026-03-15' }),
];

describe('balance and overdue', () => {
  it('counts credits in the balance but only overdue debits in overdue', () => {
    const ledger = ledgerAsOf(entries, [], '2026-03-31');
    expect(balanceOf(ledger)).toBe(250n);
    expect(overdueOf(ledger)).toBe(300n);
  });

  it('gives remaining credit, negative when over the limit, null without a limit', () => {
    expect(creditRemaining(1000n, 250n)).toBe(750n);
    expect(creditRemaining(100n, 250n)).toBe(-150n);
    expect(creditRemaining(null, 250n)).toBeNull();
  });

  it('reconstructs overdue 60 and 30 days prior from the ledger as it stood', () => {
    const settlements = [settle('old', 'pay', 250n, '2026-04-20')];
    expect(overdueHistory(entries, settlements, '2026-05-01')).toEqual([
      { asOf: '2026-03-02', amount: 300n },
      { asOf: '2026-04-01', amount: 500n },
      { asOf: '2026-05-01', amount: 250n },
    ]);
  });

  it('overdue on an earlier date from a later ledger equals overdue of the ledger rebuilt as of that date', () => {
    fc.assert(
      fc.property(ledgerArb, asOfArb, fc.integer({ min: 0, max: 400 }), ({ entries: all, settlements }, asOf, back) => {
        const date = addDays(asOf, -back);
        expect(overdueOn(ledgerAsOf(all, settlements, asOf), date)).toBe(overdueOf(ledgerAsOf(all, settlements, date)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('deriveCreditRating', () => {
  const good = { onTimeShare: 0.95, averageDaysLate: 2, brokenPromises: 0, overdueOver90: false };
  it.each([
    [good, 'A'],
    [{ ...good, onTimeShare: 0.9, averageDaysLate: 5 }, 'A'],
    [{ ...good, averageDaysLate: 5.1 }, 'B'],
    [{ ...good, brokenPromises: 1 }, 'B'],
    [{ ...good, onTimeShare: 0.75, averageDaysLate: 15 }, 'B'],
    [{ ...good, overdueOver90: true }, 'C'],
    [{ ...good, brokenPromises: 2 }, 'C'],
    [{ ...good, onTimeShare: 0.5, averageDaysLate: 30 }, 'C'],
    [{ ...good, onTimeShare: 0.49 }, 'D'],
    [{ ...good, averageDaysLate: 30.1 }, 'D'],
    [{ ...good, brokenPromises: 3 }, 'D'],
    [{ ...good, onTimeShare: null, averageDaysLate: null }, null],
  ])('rates %o as %s', (inputs, rating) => {
    expect(deriveCreditRating(inputs)).toBe(rating);
  });
});
