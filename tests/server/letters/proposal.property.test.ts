// Properties of letter proposals over random ledgers: the lines are exactly the open, past-due,
// non-disputed items; totals add up; nothing dated after the as-of date changes the proposal.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../server/domain/dates';
import { overdueLines, proposeLetter, type PostedLetterRef, type ProposalInput } from '../../../server/domain/letters';
import type { LedgerEntry, Settlement } from '../../../server/domain/types';
import { invoice, LEVELS, payment } from './fixtures';

const BASE = '2026-01-01';

const invoiceArb = fc.record({
  posted: fc.integer({ min: 0, max: 120 }),
  terms: fc.integer({ min: 0, max: 60 }),
  amount: fc.bigInt({ min: 1n, max: 5_000_000n }),
  status: fc.constantFrom('none', 'disputed', 'resolved', 'promise_to_pay' as const),
  paid: fc.option(fc.record({ share: fc.integer({ min: 1, max: 100 }), after: fc.integer({ min: 0, max: 90 }) })),
});

type InvoiceSpec = typeof invoiceArb extends fc.Arbitrary<infer T> ? T : never;

function buildWorld(specs: InvoiceSpec[]): { entries: LedgerEntry[]; settlements: Settlement[] } {
  const entries: LedgerEntry[] = [];
  const settlements: Settlement[] = [];
  specs.forEach((spec, index) => {
    const postingDate = addDays(BASE, spec.posted);
    const debit = invoice({
      id: `i${index}`,
      document: `INV-${index}`,
      postingDate,
      dueDate: addDays(postingDate, spec.terms),
      amount: spec.amount,
      amountAccounting: spec.amount * 2n,
      collectionStatus: spec.status,
      statusDate: postingDate,
      // A promise far in the future stands on every as-of date generated here.
      promiseDate: spec.status === 'promise_to_pay' ? '2030-01-01' : null,
    });
    entries.push(debit);
    if (spec.paid) {
      const amount = (spec.amount * BigInt(spec.paid.share)) / 100n || 1n;
      const date = addDays(postingDate, spec.paid.after);
      const credit = payment(amount, date, `p${index}`);
      entries.push(credit);
      settlements.push({ debitId: debit.id, creditId: credit.id, amount, date });
    }
  });
  return { entries, settlements };
}

const asOfArb = fc.integer({ min: 0, max: 240 }).map((d) => addDays(BASE, d));

describe('letter proposal properties', () => {
  it('lists exactly the open, past-due items not in dispute or under a standing promise', () => {
    fc.assert(
      fc.property(fc.array(invoiceArb, { maxLength: 25 }), asOfArb, (specs, asOf) => {
        const { entries, settlements } = buildWorld(specs);
        const expected = entries
          .filter((e) => e.amount > 0n && e.postingDate <= asOf && e.dueDate! < asOf)
          .filter((e) => e.collectionStatus === 'none' || e.collectionStatus === 'resolved')
          .map((e) => {
            const paid = settlements
              .filter((s) => s.debitId === e.id && s.date <= asOf)
              .reduce((sum, s) => sum + s.amount, 0n);
            return { id: e.id, open: e.amount - paid };
          })
          .filter((x) => x.open > 0n);
        const lines = overdueLines(entries, settlements, asOf);
        expect(new Map(lines.map((l) => [l.entryId, l.open]))).toEqual(new Map(expected.map((x) => [x.id, x.open])));
        for (let i = 1; i < lines.length; i++) expect(lines[i - 1]!.daysOverdue).toBeGreaterThanOrEqual(lines[i]!.daysOverdue);
      }),
    );
  });

  it('has totals that add up to its lines and meet the level’s minimum', () => {
    fc.assert(
      fc.property(fc.array(invoiceArb, { maxLength: 25 }), asOfArb, (specs, asOf) => {
        const proposal = proposeLetter({ ...baseInput(asOf), ...buildWorld(specs) });
        if (!proposal.due) return;
        const sum = proposal.lines.reduce((s, l) => s + l.open, 0n);
        expect(proposal.totals.reduce((s, t) => s + t.minor, 0n)).toBe(sum);
        expect(proposal.totalAccounting).toBe(proposal.lines.reduce((s, l) => s + l.openAccounting, 0n));
        expect(proposal.totalAccounting).toBeGreaterThanOrEqual(proposal.level.minOverdue);
      }),
    );
  });

  it('is unchanged by entries, settlements and letters dated after the as-of date', () => {
    const letterArb = fc.record({ level: fc.integer({ min: 1, max: 4 }), day: fc.integer({ min: 0, max: 240 }) });
    fc.assert(
      fc.property(
        fc.array(invoiceArb, { maxLength: 15 }),
        fc.array(invoiceArb, { maxLength: 10 }),
        fc.array(letterArb, { maxLength: 3 }),
        asOfArb,
        (specs, laterSpecs, letterSpecs, asOf) => {
          const world = buildWorld(specs);
          const letters: PostedLetterRef[] = letterSpecs
            .map((l) => ({ level: l.level, letterDate: addDays(BASE, l.day), entryIds: world.entries.map((e) => e.id) }))
            .filter((l) => l.letterDate <= asOf);
          const before = proposeLetter({ ...baseInput(asOf), ...world, letters });

          // The same world plus a future: entries posted after asOf, and later settlements and letters.
          const later = buildWorld(laterSpecs.map((s) => ({ ...s, posted: 0 })));
          const shift = (e: LedgerEntry): LedgerEntry => ({ ...e, id: `later-${e.id}`, postingDate: addDays(asOf, 1 + (e.postingDate > BASE ? 1 : 0)) });
          const futureEntries = later.entries.map(shift);
          const futureSettlements: Settlement[] = world.entries
            .filter((e) => e.amount > 0n)
            .map((e) => ({ debitId: e.id, creditId: futureEntries[0]?.id ?? e.id, amount: 1n, date: addDays(asOf, 1) }));
          const futureLetters: PostedLetterRef[] = [{ level: 2, letterDate: addDays(asOf, 1), entryIds: world.entries.map((e) => e.id) }];
          const after = proposeLetter({
            ...baseInput(asOf),
            entries: [...world.entries, ...futureEntries],
            settlements: [...world.settlements, ...futureSettlements],
            letters: [...letters, ...futureLetters],
          });
          expect(after).toEqual(before);
        },
      ),
    );
  });
});

function baseInput(asOf: string): ProposalInput {
  return {
    levels: LEVELS,
    entries: [],
    settlements: [],
    letters: [],
    excluded: false,
    customerCurrency: 'USD',
    accountingCurrency: 'USD',
    asOf,
  };
}
