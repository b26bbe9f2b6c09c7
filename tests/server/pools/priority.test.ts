// The worklist priority (server/domain/pools/priority.ts): a table of customers in the order an
// agent should call them, and the rule's properties: more overdue at the same age never ranks
// lower, and a customer on hold always ranks below the same customer without the hold.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../server/domain/dates';
import { priorityOf, worklistOrder, type PriorityInput } from '../../../server/domain/pools/priority';

const TODAY = '2026-11-24';
const base: PriorityInput = { urgentOverdue: 0n, urgentOverdueDays: 0n, brokenPromises: 0, disputes: 0, lastContactOn: TODAY, nextFollowUpOn: null, onHold: false };
/** `amount` overdue for `days`. */
const overdue = (amount: bigint, days: number): Partial<PriorityInput> => ({ urgentOverdue: amount, urgentOverdueDays: amount * BigInt(days) });

describe('worklist priority', () => {
  it('orders a table of customers as documented', () => {
    const table: Array<[string, Partial<PriorityInput>]> = [
      ['big and old', overdue(10_000_00n, 120)],
      ['big and recent, broken promise', { ...overdue(10_000_00n, 10), brokenPromises: 1 }],
      ['big and recent', overdue(10_000_00n, 10)],
      ['small and old, never contacted', { ...overdue(1_000_00n, 200), lastContactOn: null }],
      ['small and old', overdue(1_000_00n, 200)],
      ['small and recent, disputed', { ...overdue(500_00n, 5), disputes: 1 }],
      ['small and recent', overdue(500_00n, 5)],
      ['nothing overdue, follow-up due', { nextFollowUpOn: TODAY }],
      ['nothing overdue, follow-up tomorrow', { nextFollowUpOn: addDays(TODAY, 1) }],
      ['on hold with the most overdue', { ...overdue(1_000_000_00n, 300), onHold: true }],
    ];
    const ranked = table
      .map(([name, input], i) => ({ name, account: `C${String(table.length - i).padStart(2, '0')}`, priority: priorityOf({ ...base, ...input }, TODAY) }))
      .sort(worklistOrder);
    expect(ranked.map((r) => r.name)).toEqual(table.map(([name]) => name));
  });

  it('gives the documented figures', () => {
    // 1,000.00 overdue 60 days: weighted 1,000 + 1,000 × 60 / 30 = 3,000.00; contacted 30 days ago: +10 %.
    expect(priorityOf({ ...base, ...overdue(1_000_00n, 60), lastContactOn: addDays(TODAY, -30) }, TODAY)).toBe(330_000);
    // A broken promise (+50 %, +2) and a follow-up due (+25 %, +3), contacted today.
    expect(priorityOf({ ...base, ...overdue(1_000_00n, 60), brokenPromises: 2, nextFollowUpOn: TODAY }, TODAY)).toBe(525_005);
    expect(priorityOf({ ...base, onHold: true, ...overdue(1n, 1) }, TODAY)).toBe(-1);
    expect(priorityOf(base, TODAY)).toBe(0);
  });

  const input = fc.record({
    urgentOverdue: fc.bigInt({ min: 0n, max: 10n ** 12n }),
    days: fc.integer({ min: 1, max: 3_000 }),
    brokenPromises: fc.nat(3),
    disputes: fc.nat(3),
    lastContactAgo: fc.option(fc.integer({ min: -5, max: 400 })),
    followUpIn: fc.option(fc.integer({ min: -10, max: 10 })),
    onHold: fc.boolean(),
  });
  const toInput = (r: typeof input extends fc.Arbitrary<infer T> ? T : never): PriorityInput => ({
    urgentOverdue: r.urgentOverdue,
    urgentOverdueDays: r.urgentOverdue * BigInt(r.days),
    brokenPromises: r.brokenPromises,
    disputes: r.disputes,
    lastContactOn: r.lastContactAgo === null ? null : addDays(TODAY, -r.lastContactAgo),
    nextFollowUpOn: r.followUpIn === null ? null : addDays(TODAY, r.followUpIn),
    onHold: r.onHold,
  });

  it('never ranks a customer lower for more overdue of the same age', () => {
    fc.assert(
      fc.property(input, fc.bigInt({ min: 1n, max: 10n ** 10n }), fc.integer({ min: 1, max: 3_000 }), (r, extra, age) => {
        const before = toInput(r);
        const after = { ...before, urgentOverdue: before.urgentOverdue + extra, urgentOverdueDays: before.urgentOverdueDays + extra * BigInt(age) };
        expect(priorityOf(after, TODAY)).toBeGreaterThanOrEqual(priorityOf(before, TODAY));
      }),
    );
  });

  it('always ranks a customer on hold below the same customer without the hold', () => {
    fc.assert(
      fc.property(input, (r) => {
        const free = toInput({ ...r, onHold: false });
        const held = { ...free, onHold: true };
        const a = { account: 'X', priority: priorityOf(held, TODAY) };
        const b = { account: 'X', priority: priorityOf(free, TODAY) };
        expect(worklistOrder(b, a)).toBeLessThan(0);
      }),
    );
  });

  it('is a whole number within JSON’s safe integers', () => {
    fc.assert(
      fc.property(input, (r) => {
        const p = priorityOf(toInput(r), TODAY);
        expect(Number.isSafeInteger(p)).toBe(true);
        expect(p).toBeGreaterThanOrEqual(-1);
      }),
    );
  });
});
