// The aging history: each point is the aging of the ledger as of that date, exactly as the summary
// ages it, for random ledgers (settlements dated before, between and after the points).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageLedger, DEFAULT_AGING_PERIODS } from '../../../server/domain/aging';
import { agingHistory, historyDates } from '../../../server/domain/aging-history';
import { ledgerAsOf } from '../../../server/domain/ledger-asof';
import { asOfArb, entry, ledgerArb, settle } from './builders';

describe('history dates', () => {
  it('are the month ends before the as-of date, oldest first, then the as-of date', () => {
    expect(historyDates('2026-03-15', 3)).toEqual(['2025-12-31', '2026-01-31', '2026-02-28', '2026-03-15']);
  });

  it('count a month end that is the as-of date once, as the as-of point', () => {
    expect(historyDates('2026-02-28', 2)).toEqual(['2025-12-31', '2026-01-31', '2026-02-28']);
  });
});

describe('aging history', () => {
  it('shows an invoice moving through the periods and leaving when paid', () => {
    const entries = [entry({ id: 'inv', amount: 10_000n, postingDate: '2025-12-01', dueDate: '2026-01-05' }), entry({ id: 'pay', amount: -10_000n, postingDate: '2026-03-10' })];
    const history = agingHistory(entries, [settle('inv', 'pay', 10_000n, '2026-03-10')], '2026-03-15', 4);
    expect(history.points.map((p) => [p.asOf, p.amounts.map(Number)])).toEqual([
      ['2025-11-30', [0, 0, 0, 0, 0, 0]],
      ['2025-12-31', [10_000, 0, 0, 0, 0, 0]],
      ['2026-01-31', [0, 10_000, 0, 0, 0, 0]],
      ['2026-02-28', [0, 0, 10_000, 0, 0, 0]],
      ['2026-03-15', [0, 0, 0, 0, 0, 0]],
    ]);
  });

  it('equals the aging of the ledger as of every point, by due date and by document date', () => {
    fc.assert(
      fc.property(ledgerArb, asOfArb, fc.integer({ min: 1, max: 20 }), fc.constantFrom('due_date', 'document_date' as const), ({ entries, settlements }, asOf, months, by) => {
        const history = agingHistory(entries, settlements, asOf, months, DEFAULT_AGING_PERIODS, by);
        expect(history.points.map((p) => p.asOf)).toEqual(historyDates(asOf, months));
        for (const point of history.points) {
          const expected = ageLedger(ledgerAsOf(entries, settlements, point.asOf), DEFAULT_AGING_PERIODS, by).map((b) => b.amount);
          expect(point.amounts).toEqual(expected);
          expect(point.balance).toBe(expected.reduce((a, b) => a + b, 0n));
        }
      }),
      { numRuns: 300 },
    );
  });
});
