// The statement's arithmetic on random ledgers: an activity statement closes at its opening balance
// plus the period's postings and that closing is what is open on the date; the open items add up to
// the totals per currency and the aging to the balance.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../server/domain/dates';
import { activityStatement, openItemsStatement } from '../../../server/domain/statements';
import { listTransactions } from '../../../server/domain/transactions';
import { asOfArb, ledgerArb } from '../domain/builders';

describe('statement arithmetic', () => {
  it('closes an activity statement at opening + postings, which is what is open on the date', () => {
    fc.assert(
      fc.property(ledgerArb, asOfArb, fc.integer({ min: 0, max: 400 }), ({ entries, settlements }, asOf, days) => {
        const from = addDays(asOf, -days);
        const activity = activityStatement(entries, from, asOf, 'USD');
        const open = listTransactions(entries, settlements, asOf, 'open', 'USD').totals;
        for (const c of activity.currencies) {
          const posted = activity.postings.filter((p) => p.currency === c.currency);
          expect(c.closing).toBe(c.opening + posted.reduce((sum, p) => sum + p.amount, 0n));
          expect(posted.at(-1)?.balance ?? c.opening).toBe(c.closing);
          expect(c.closing).toBe(open.find((t) => t.currency === c.currency)?.open ?? 0n);
        }
        expect(activity.postings.every((p) => p.postingDate >= from && p.postingDate <= asOf)).toBe(true);
      }),
    );
  });

  it('adds the open items up to the totals per currency and the aging up to the balance', () => {
    fc.assert(
      fc.property(ledgerArb, asOfArb, ({ entries, settlements }, asOf) => {
        const s = openItemsStatement(entries, settlements, asOf, 'USD');
        for (const total of s.totals) {
          expect(s.items.filter((i) => i.currency === total.currency).reduce((sum, i) => sum + i.open, 0n)).toBe(total.open);
        }
        expect(s.items.reduce((sum, i) => sum + i.openAccounting, 0n)).toBe(s.balance);
        expect(s.items.every((i) => i.open !== 0n)).toBe(true);
      }),
    );
  });

  it('refuses a period that starts after it ends', () => {
    expect(() => activityStatement([], '2026-03-02', '2026-03-01', 'USD')).toThrow(RangeError);
  });
});
