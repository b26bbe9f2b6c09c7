// The demo's currency conversion: exact integer arithmetic, halves rounded away from zero.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertMinor, divideRounded } from '../../../server/demo/rates';

describe('demo exchange rates', () => {
  it('rounds halves away from zero, on both signs', () => {
    expect(divideRounded(5n, 2n)).toBe(3n);
    expect(divideRounded(-5n, 2n)).toBe(-3n);
    expect(divideRounded(4n, 3n)).toBe(1n);
    expect(divideRounded(-4n, 3n)).toBe(-1n);
  });

  it('converts between currencies of different precision', () => {
    expect(convertMinor(100_00n, 'EUR', 'USD')).toBe(108_00n);
    expect(convertMinor(1_000n, 'JPY', 'USD')).toBe(6_70n);
    expect(convertMinor(1_000n, 'KWD', 'USD')).toBe(3_25n); // 1.000 KWD
    expect(convertMinor(325n, 'USD', 'KWD')).toBe(1_000n);
  });

  it('is symmetric in sign and round-trips through USD within a cent', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.constantFrom('EUR', 'GBP', 'JPY', 'CAD', 'KWD'), (minor, currency) => {
        const usd = convertMinor(minor, currency, 'USD');
        expect(convertMinor(-minor, currency, 'USD')).toBe(-usd);
        // Back in the source currency the error is bounded by one USD cent's worth plus rounding.
        const back = convertMinor(usd, 'USD', currency);
        const oneCent = convertMinor(1n, 'USD', currency);
        const diff = back - minor;
        expect(diff < 0n ? -diff : diff).toBeLessThanOrEqual(oneCent + 1n);
      }),
    );
  });
});
