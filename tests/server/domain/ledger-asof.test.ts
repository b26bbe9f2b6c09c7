// The ledger as of a date: what is posted, what is open, and the invariants of settlement.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../server/domain/dates';
import { ledgerAsOf } from '../../../server/domain/ledger-asof';
import { summarize } from '../../../server/domain/summary';
import type { CustomerProfile, LedgerEntry, Settlement } from '../../../server/domain/types';
import { asOfArb, entry, ledgerArb, settle } from './builders';

const invoice = entry({ id: 'inv', amount: 1000n, postingDate: '2026-01-10', dueDate: '2026-02-09' });
const payment = entry({ id: 'pay', amount: -600n, postingDate: '2026-02-01' });

describe('ledgerAsOf', () => {
  it('holds only entries posted on or before the date', () => {
    expect(ledgerAsOf([invoice, payment], [], '2026-01-31').items.map((i) => i.entry.id)).toEqual(['inv']);
    expect(ledgerAsOf([invoice, payment], [], '2026-02-01').items.map((i) => i.entry.id)).toEqual(['inv', 'pay']);
  });

  it('reduces a debit and moves a credit toward zero by the settlements dated on or before it', () => {
    const settlements = [settle('inv', 'pay', 400n, '2026-02-05'), settle('inv', 'pay', 200n, '2026-02-20')];
    const open = (asOf: string) => ledgerAsOf([invoice, payment], settlements, asOf).items.map((i) => i.open);
    expect(open('2026-02-04')).toEqual([1000n, -600n]);
    expect(open('2026-02-05')).toEqual([600n, -200n]);
    expect(open('2026-02-20')).toEqual([400n, 0n]);
  });

  it('applies a settlement dated before its credit was posted only from the posting date', () => {
    const early = settle('inv', 'pay', 600n, '2026-01-15');
    expect(ledgerAsOf([invoice, payment], [early], '2026-01-20').byId.get('inv')?.open).toBe(1000n);
    expect(ledgerAsOf([invoice, payment], [early], '2026-02-01').byId.get('inv')?.settlements[0]?.date).toBe('2026-02-01');
  });

  it('knows the day a debit became fully settled', () => {
    const settlements = [settle('inv', 'pay', 600n, '2026-02-05'), settle('inv', 'cn', 400n, '2026-03-01')];
    const credit = entry({ id: 'cn', amount: -400n, postingDate: '2026-02-25' });
    const ledger = (asOf: string) => ledgerAsOf([invoice, payment, credit], settlements, asOf).byId.get('inv');
    expect(ledger('2026-02-28')?.settledOn).toBeNull();
    expect(ledger('2026-03-31')?.settledOn).toBe('2026-03-01');
  });
});

function openByCurrency(entries: LedgerEntry[], settlements: Settlement[], asOf: string): Map<string, bigint> {
  const totals = new Map<string, bigint>();
  for (const item of ledgerAsOf(entries, settlements, asOf).items) {
    totals.set(item.entry.currency, (totals.get(item.entry.currency) ?? 0n) + item.open);
  }
  return totals;
}

describe('settlement invariants (properties)', () => {
  it('settling never creates or destroys money: open per currency equals the posted amounts', () => {
    fc.assert(
      fc.property(ledgerArb, asOfArb, ({ entries, settlements }, asOf) => {
        expect(openByCurrency(entries, settlements, asOf)).toEqual(openByCurrency(entries, [], asOf));
      }),
    );
  });

  it('one more settlement lowers the debit and the credit by the same amount and nothing else', () => {
    fc.assert(
      fc.property(ledgerArb.filter((l) => l.settlements.length > 0), ({ entries, settlements }) => {
        const last = settlements[settlements.length - 1] as Settlement;
        const asOf = '2099-12-31';
        const before = ledgerAsOf(entries, settlements.slice(0, -1), asOf);
        const after = ledgerAsOf(entries, settlements, asOf);
        for (const item of after.items) {
          const change = item.open - (before.byId.get(item.entry.id)?.open ?? 0n);
          const expected = item.entry.id === last.debitId ? -last.amount : item.entry.id === last.creditId ? last.amount : 0n;
          expect(change).toBe(expected);
        }
      }),
    );
  });
});

const profile: CustomerProfile = {
  id: 'c', account: 'C-1', name: 'C', currency: 'USD', creditLimit: 1_000_000n, creditRating: null, status: 'active', customerSince: null,
};

describe('the picture as of a date (property)', () => {
  it('ignores everything posted or settled after it', () => {
    const laterArb = fc.record({ later: ledgerArb, gap: fc.integer({ min: 1, max: 400 }) });
    fc.assert(
      fc.property(ledgerArb, asOfArb, laterArb, ({ entries, settlements }, asOf, { later, gap }) => {
        const summary = (e: LedgerEntry[], s: Settlement[]) => summarize({ profile, entries: e, settlements: s, asOf, accountingCurrency: 'USD' });
        const shifted = later.entries.map((e) => ({
          ...e,
          id: `later-${e.id}`,
          postingDate: addDays(asOf, gap),
          dueDate: e.dueDate === null ? null : addDays(asOf, gap + 30),
        }));
        // Later settlements: between the later entries, and on the existing entries after asOf.
        const laterSettlements = [
          ...later.settlements.map((s) => ({ ...s, debitId: `later-${s.debitId}`, creditId: `later-${s.creditId}`, date: addDays(asOf, gap + 2) })),
          ...settlements.map((s) => ({ ...s, date: addDays(asOf, gap) })),
        ];
        expect(summary([...entries, ...shifted], [...settlements, ...laterSettlements])).toEqual(summary(entries, settlements));
      }),
      { numRuns: 60 },
    );
  });
});
