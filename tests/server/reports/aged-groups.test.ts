// A report line from the database's text of groups ('currency,period,overdue,accounting,open' joined
// by ';'): summed in doubles where that is exact, it must be exactly the bigint sums, for amounts of
// any size (past 15 digits and past 2^53 in total the bigint path takes over), any sign, several
// currencies and a triple repeated in several groups.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactCustomer, toCustomer, type AgedRow } from '../../../server/db/repositories/aged-receivables';

const PERIODS = 6;

const ordinary = fc.bigInt({ min: -1_000_000_00n, max: 1_000_000_00n });
// 15 digits, the most a double is read for: a few of them sum past 2^53.
const fifteenDigits = fc.bigInt({ min: 900_000_000_000_000n, max: 999_999_999_999_999n });
// Past 15 digits and 2^53, and far past them.
const huge = fc.oneof(fc.bigInt({ min: 2n ** 52n, max: 2n ** 54n }), fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }));

const groupOf = (amount: fc.Arbitrary<bigint>) =>
  fc.record({
    currency: fc.constantFrom('USD', 'EUR', 'JPY', 'GBP'),
    period: fc.integer({ min: 0, max: PERIODS - 1 }),
    overdue: fc.boolean(),
    accounting: amount,
    open: amount,
  });

const groups = fc.oneof(
  fc.array(groupOf(ordinary), { minLength: 1, maxLength: 30 }),
  fc.array(groupOf(fc.oneof(ordinary, fifteenDigits)), { minLength: 1, maxLength: 30 }),
  fc.array(groupOf(fifteenDigits), { minLength: 10, maxLength: 30 }),
  fc.array(groupOf(fc.oneof(ordinary, fifteenDigits, huge)), { minLength: 1, maxLength: 30 }),
);

const row = groups.map(
  (list): AgedRow => ({
    id: '7f1c2a9e-0000-4000-8000-000000000001',
    account: 'C-1',
    name: 'Contoso',
    groups: list.map((g) => [g.currency, g.period, g.overdue ? 1 : 0, g.accounting, g.open].join(',')).join(';'),
  }),
);

describe('a report line from its groups', () => {
  it('has the exact bigint sums whichever arithmetic reads it', () => {
    fc.assert(
      fc.property(row, (r) => {
        expect(toCustomer(r, PERIODS)).toEqual(exactCustomer(r, PERIODS));
      }),
      { numRuns: 2_000 },
    );
  });

  it('reads a customer of ordinary amounts in two currencies', () => {
    const line = toCustomer({ id: 'x', account: 'C-9', name: 'Fabrikam', groups: 'USD,0,0,12550,12550;EUR,2,1,-300,-250;USD,2,1,100,100;USD,0,0,-50,-50' }, PERIODS);
    expect(line).toMatchObject({ balance: 12300n, overdue: -200n, buckets: [12500n, 0n, -200n, 0n, 0n, 0n] });
    expect(line.byCurrency).toEqual([
      { currency: 'EUR', balance: -250n, buckets: [0n, 0n, -250n, 0n, 0n, 0n] },
      { currency: 'USD', balance: 12600n, buckets: [12500n, 0n, 100n, 0n, 0n, 0n] },
    ]);
  });
});
