// The worklist's priority as the SQL computes it (pool-sql.ts prioritySql), on both databases: for
// random customers, from nothing overdue to amounts no company has, exactly the domain's priorityOf,
// in the bigint arithmetic that every real customer takes and in the numeric one above it.
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../server/db/kysely';
import { prioritySql } from '../../../server/db/repositories/pool-sql';
import { addDays, daysBetween } from '../../../server/domain/dates';
import { priorityOf, type PriorityInput } from '../../../server/domain/pools/priority';
import type { IsoDate } from '../../../server/domain/types';
import { openTestDatabase, testDatabases } from '../../support/db';

const AS_OF = '2026-11-24' as IsoDate;
/** The day number the positions count due dates in (prioritySql's date '2000-01-01'). */
const DAY_OF_AS_OF = BigInt(daysBetween('2000-01-01' as IsoDate, AS_OF));

const customer = fc.record({
  // Both sides of the bigint bound (10^12), and far above it.
  urgentOverdue: fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 6n }), fc.bigInt({ min: 10n ** 12n - 1000n, max: 10n ** 12n + 1000n }), fc.bigInt({ min: 0n, max: 10n ** 15n })),
  // Average days overdue; negative: due dates still ahead on average (a position read for an earlier date).
  days: fc.integer({ min: -400, max: 3_000 }),
  spread: fc.integer({ min: 0, max: 29 }),
  brokenPromises: fc.nat(2),
  disputes: fc.nat(2),
  lastContactAgo: fc.option(fc.integer({ min: -5, max: 400 })),
  followUpIn: fc.option(fc.integer({ min: -10, max: 10 })),
  onHold: fc.boolean(),
});

describe.each(testDatabases)('priority in SQL on $name', ({ name, skipReason }) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    if (skipReason) return;
    handle = await openTestDatabase(name);
  }, 120_000);
  afterAll(async () => handle?.close());

  it.skipIf(skipReason)('is the domain’s priority for every customer, whichever arithmetic the SQL takes', async () => {
    let bigintSide = 0;
    let numericSide = 0;
    await fc.assert(
      fc.asyncProperty(customer, async (c) => {
        // Σ open × days overdue, not always a multiple of the amount (spread) so floor division matters.
        const urgentOverdueDays = c.urgentOverdue * BigInt(c.days) + BigInt(c.spread);
        const input: PriorityInput = {
          urgentOverdue: c.urgentOverdue,
          urgentOverdueDays,
          brokenPromises: c.brokenPromises,
          disputes: c.disputes,
          lastContactOn: c.lastContactAgo === null ? null : addDays(AS_OF, -c.lastContactAgo),
          nextFollowUpOn: c.followUpIn === null ? null : addDays(AS_OF, c.followUpIn),
          onHold: c.onHold,
        };
        const dueSum = c.urgentOverdue * DAY_OF_AS_OF - urgentOverdueDays;
        const lastActivityAt = input.lastContactOn === null ? null : `${input.lastContactOn}T12:00:00Z`;
        const { rows } = await sql<{ priority: string }>`
          select ${prioritySql(AS_OF)}::text as priority
          from (select ${c.urgentOverdue.toString()}::bigint as urgent_overdue, ${dueSum.toString()}::numeric as urgent_due_sum,
            ${c.brokenPromises}::int as broken_count, ${c.disputes}::int as disputed_count, ${c.onHold}::boolean as on_hold,
            ${lastActivityAt}::timestamptz as last_activity_at, ${input.nextFollowUpOn}::date as next_follow_up_on) p`.execute(handle.db);
        expect(Number(rows[0]!.priority)).toBe(priorityOf(input, AS_OF));
        if (c.urgentOverdue < 10n ** 12n) bigintSide += 1;
        else numericSide += 1;
      }),
      { numRuns: 300 },
    );
    expect(Math.min(bigintSide, numericSide)).toBeGreaterThan(20);
  });
});
