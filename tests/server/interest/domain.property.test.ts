// The interest arithmetic and proposal rules over random inputs: open × rate × days / period rounded
// half away from zero, never negative, nothing within grace days, nothing for held or disputed
// items, nothing under the minimum, and a period charged in two notes adds up to the same days.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../server/domain/dates';
import {
  interestAmount, PERIOD_DAYS, proposeInterest, type InterestCandidate, type InterestCode, type InterestPeriod,
} from '../../../server/domain/interest';

const AS_OF = '2026-06-30';

const codeArb = fc.record({
  rateBp: fc.integer({ min: 0, max: 5_000 }),
  period: fc.constantFrom<InterestPeriod>('month', 'year'),
  graceDays: fc.integer({ min: 0, max: 30 }),
  minimum: fc.bigInt({ min: 0n, max: 5_000n }),
});

function code(c: { rateBp: number; period: InterestPeriod; graceDays: number; minimum: bigint }): InterestCode {
  return { code: 'STD', description: 'Standard', rateBp: c.rateBp, period: c.period, graceDays: c.graceDays, minimum: { minor: c.minimum, currency: 'USD' }, active: true, isDefault: true, version: 1 };
}

const itemArb = fc.record({
  overdue: fc.integer({ min: -30, max: 400 }),
  open: fc.bigInt({ min: 1n, max: 10_000_000n }),
  extra: fc.bigInt({ min: 0n, max: 1_000_000n }),
  status: fc.constantFrom('none', 'disputed', 'promise_to_pay', 'resolved' as const),
  held: fc.boolean(),
  charged: fc.option(fc.integer({ min: 1, max: 400 })),
  currency: fc.constantFrom('USD', 'EUR'),
});

function candidates(specs: Array<typeof itemArb extends fc.Arbitrary<infer T> ? T : never>): InterestCandidate[] {
  return specs.map((s, i) => {
    const due = addDays(AS_OF, -s.overdue);
    return {
      id: `e${i}`, document: `INV-${String(i).padStart(3, '0')}`, kind: 'invoice', currency: s.currency, postingDate: addDays(due, -30), dueDate: due,
      amount: s.open + s.extra, amountAccounting: (s.open + s.extra) * 2n, open: s.open, collectionStatus: s.status, held: s.held,
      chargedThrough: s.charged === null ? null : addDays(due, s.charged),
    };
  });
}

/** |interest × den − num| ≤ den / 2, and an exact half goes up: the rounding rule, checked without division. */
function roundedHalfUp(interest: bigint, num: bigint, den: bigint): boolean {
  const diff = interest * den * 2n - num * 2n;
  return diff >= -den && diff < den;
}

describe('interest arithmetic', () => {
  it('is open × rate × days / period, rounded half away from zero, never negative', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -1_000_000n, max: 100_000_000_000n }), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: -10, max: 4000 }), fc.constantFrom<InterestPeriod>('month', 'year'), (open, bp, days, period) => {
        const interest = interestAmount(open, bp, days, period);
        expect(interest >= 0n).toBe(true);
        if (open <= 0n || days <= 0 || bp === 0) expect(interest).toBe(0n);
        else expect(roundedHalfUp(interest, open * BigInt(bp) * BigInt(days), 10_000n * BigInt(PERIOD_DAYS[period]))).toBe(true);
      }),
    );
  });

  it('hand-checked: 1,000.00 at 1.5 % a month for 45 days is 22.50; at 8 % a year for 31 days 6.79', () => {
    expect(interestAmount(100_000n, 150, 45, 'month')).toBe(2_250n);
    // 100000 × 800 × 31 / 3,650,000 = 679.45… → 679
    expect(interestAmount(100_000n, 800, 31, 'year')).toBe(679n);
    // exactly half a cent rounds up: 1 × 5000 × 3 / 300000 = 0.05 → 0; 10 × 5000 × 3 / 300000 = 0.5 → 1
    expect(interestAmount(10n, 5_000, 3, 'month')).toBe(1n);
  });
});

describe('interest proposals', () => {
  it('charge exactly the overdue, unheld, undisputed items past their grace days, for the days not yet charged', () => {
    fc.assert(
      fc.property(codeArb, fc.array(itemArb, { maxLength: 12 }), fc.boolean(), (c, specs, customerHeld) => {
        const items = candidates(specs);
        const proposal = proposeInterest({ customerId: 'c', asOf: AS_OF, code: code(c), customerHeld, items });
        const lines = proposal.notes.flatMap((n) => n.lines);
        for (const line of lines) {
          const item = items.find((i) => i.id === line.entryId)!;
          const spec = specs[Number(item.id.slice(1))]!;
          expect(customerHeld).toBe(false);
          expect(item.held).toBe(false);
          expect(item.collectionStatus).not.toBe('disputed');
          expect(spec.overdue).toBeGreaterThan(c.graceDays);
          expect(line.interest > 0n).toBe(true);
          expect(line.from > (item.chargedThrough ?? '')).toBe(true);
          expect(line.to).toBe(AS_OF);
          expect(line.days).toBe(Math.min(spec.overdue, spec.overdue - (spec.charged ?? 0)));
          expect(line.interest).toBe(interestAmount(item.open, c.rateBp, line.days, c.period));
        }
        for (const note of proposal.notes) {
          expect(note.total).toBe(note.lines.reduce((s, l) => s + l.interest, 0n));
          expect((note.currency === 'USD' ? note.total : note.totalAccounting) >= c.minimum).toBe(true);
          expect(note.lines.every((l) => l.currency === note.currency)).toBe(true);
        }
        // Every item left out of a note is accounted for, or was never overdue.
        const inNote = new Set(lines.map((l) => l.entryId));
        const skipped = new Set(proposal.skipped.map((s) => s.entryId));
        for (const [i, item] of items.entries()) if (specs[i]!.overdue > 0 && !inNote.has(item.id)) expect(skipped.has(item.id) || specs[i]!.overdue <= 0).toBe(true);
      }),
    );
  });

  it('charging as of two dates gives the days of charging once, and the same date twice charges nothing more', () => {
    fc.assert(
      fc.property(codeArb, fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 200 }), fc.bigInt({ min: 1n, max: 10_000_000n }), (c, first, second, open) => {
        const std = code({ ...c, rateBp: Math.max(1, c.rateBp), minimum: 0n, graceDays: 0 });
        const due = '2026-01-01';
        const item: InterestCandidate = { id: 'e', document: 'INV', kind: 'invoice', currency: 'USD', postingDate: due, dueDate: due, amount: open, amountAccounting: open, open, collectionStatus: 'none', held: false, chargedThrough: null };
        const mid = addDays(due, first);
        const end = addDays(mid, second);
        const one = proposeInterest({ customerId: 'c', asOf: mid, code: std, customerHeld: false, items: [item] }).notes[0]?.lines[0];
        const charged = one ? one.to : null;
        const two = proposeInterest({ customerId: 'c', asOf: end, code: std, customerHeld: false, items: [{ ...item, chargedThrough: charged }] }).notes[0]?.lines[0];
        const days = (one?.days ?? 0) + (two?.days ?? 0);
        if (one && two) expect(days).toBe(first + second);
        const again = proposeInterest({ customerId: 'c', asOf: mid, code: std, customerHeld: false, items: [{ ...item, chargedThrough: charged }] });
        if (one) expect(again.notes).toEqual([]);
      }),
    );
  });

  it('posts nothing under the minimum, and nothing without an active code', () => {
    const item: InterestCandidate = { id: 'e', document: 'INV', kind: 'invoice', currency: 'USD', postingDate: '2026-01-01', dueDate: '2026-01-01', amount: 10_000n, amountAccounting: 10_000n, open: 10_000n, collectionStatus: 'none', held: false, chargedThrough: null };
    const c = code({ rateBp: 100, period: 'month', graceDays: 0, minimum: 101n });
    // 100.00 at 1 % for 30 days = 1.00 < 1.01
    const under = proposeInterest({ customerId: 'c', asOf: '2026-01-31', code: c, customerHeld: false, items: [item] });
    expect(under.notes).toEqual([]);
    expect(under.skipped).toEqual([{ entryId: 'e', document: 'INV', reason: 'below_minimum' }]);
    expect(proposeInterest({ customerId: 'c', asOf: '2026-01-31', code: { ...c, minimum: { minor: 100n, currency: 'USD' } }, customerHeld: false, items: [item] }).notes[0]?.total).toBe(100n);
    expect(proposeInterest({ customerId: 'c', asOf: '2026-01-31', code: null, customerHeld: false, items: [item] }).notes).toEqual([]);
  });
});
