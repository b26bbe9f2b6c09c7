// Money: exponents, exact parsing of decimal strings, formatting, JSON bounds, proportional rounding.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CURRENCY_CODES,
  currencyExponent,
  formatMinor,
  MoneyParseError,
  parseMoney,
  prorate,
  toJsonMinor,
  UnknownCurrencyError,
} from '../../../server/domain/money';

describe('currencyExponent', () => {
  it('knows the ISO 4217 exponents that are not 2', () => {
    expect(['JPY', 'KRW', 'CLP', 'VND', 'ISK', 'XOF'].map(currencyExponent)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(['KWD', 'BHD', 'OMR', 'JOD', 'TND', 'LYD', 'IQD'].map(currencyExponent)).toEqual([3, 3, 3, 3, 3, 3, 3]);
    expect(['CLF', 'UYW'].map(currencyExponent)).toEqual([4, 4]);
    expect(['USD', 'EUR', 'GBP', 'CHF', 'INR'].map(currencyExponent)).toEqual([2, 2, 2, 2, 2]);
  });

  it('covers the active currencies and rejects unknown or lower-case codes', () => {
    expect(CURRENCY_CODES.length).toBeGreaterThan(150);
    expect(() => currencyExponent('XXX')).toThrow(UnknownCurrencyError);
    expect(() => currencyExponent('usd')).toThrow(UnknownCurrencyError);
  });
});

describe('parseMoney', () => {
  it('reads decimal strings in the currency precision, fewer decimals allowed', () => {
    expect(parseMoney('12.5', 'USD')).toBe(1250n);
    expect(parseMoney('12.50', 'USD')).toBe(1250n);
    expect(parseMoney('-0.01', 'USD')).toBe(-1n);
    expect(parseMoney('1000', 'JPY')).toBe(1000n);
    expect(parseMoney('1.234', 'KWD')).toBe(1234n);
    expect(parseMoney('0.0001', 'CLF')).toBe(1n);
    expect(parseMoney('123456789012345678901.23', 'USD')).toBe(12345678901234567890123n);
  });

  it.each([
    ['1e5', 'not_a_decimal'],
    ['1,000', 'not_a_decimal'],
    [' 12', 'not_a_decimal'],
    ['12 ', 'not_a_decimal'],
    ['+12', 'not_a_decimal'],
    ['', 'not_a_decimal'],
    ['12.', 'not_a_decimal'],
    ['.5', 'not_a_decimal'],
    ['--1', 'not_a_decimal'],
    ['1.005', 'too_many_decimals'],
  ])('rejects %j for USD as %s', (input, reason) => {
    const error = (() => {
      try {
        parseMoney(input, 'USD');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(MoneyParseError);
    expect((error as MoneyParseError).reason).toBe(reason);
  });

  it('names the currency precision when there are too many decimals', () => {
    expect(() => parseMoney('100.5', 'JPY')).toThrow(/JPY has 0/);
    expect(() => parseMoney('1.2345', 'KWD')).toThrow(/KWD has 3/);
  });

  it('rejects an unknown currency', () => {
    expect(() => parseMoney('1', 'ABC')).toThrow(expect.objectContaining({ reason: 'unknown_currency' }));
  });

  it('reads back every formatted amount of every currency (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CURRENCY_CODES), fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), (currency, minor) => {
        expect(parseMoney(formatMinor(minor, currency), currency)).toBe(minor);
      }),
    );
  });
});

describe('formatMinor', () => {
  it('writes exactly the currency precision', () => {
    expect(formatMinor(1250n, 'USD')).toBe('12.50');
    expect(formatMinor(-5n, 'USD')).toBe('-0.05');
    expect(formatMinor(0n, 'KWD')).toBe('0.000');
    expect(formatMinor(-1234n, 'JPY')).toBe('-1234');
    expect(formatMinor(1n, 'CLF')).toBe('0.0001');
  });
});

describe('toJsonMinor', () => {
  it('passes safe integers and refuses to lose precision', () => {
    expect(toJsonMinor(-123n)).toBe(-123);
    expect(toJsonMinor(BigInt(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => toJsonMinor(BigInt(Number.MAX_SAFE_INTEGER) + 1n)).toThrow(RangeError);
    expect(() => toJsonMinor(BigInt(Number.MIN_SAFE_INTEGER) - 1n)).toThrow(RangeError);
  });
});

describe('prorate', () => {
  it('rounds halves away from zero', () => {
    expect(prorate(330301n, 150000n, 300000n)).toBe(165151n);
    expect(prorate(-330301n, 150000n, 300000n)).toBe(-165151n);
    expect(prorate(330301n, -150000n, -300000n)).toBe(165151n);
    expect(prorate(5n, 1n, 4n)).toBe(1n);
    expect(prorate(6n, 1n, 4n)).toBe(2n);
    expect(prorate(-6n, 1n, 4n)).toBe(-2n);
    expect(prorate(100n, 1n, 3n)).toBe(33n);
    expect(prorate(200n, 1n, 3n)).toBe(67n);
  });

  it('gives the whole total for the whole and refuses a zero whole', () => {
    expect(prorate(987n, 13n, 13n)).toBe(987n);
    expect(() => prorate(1n, 0n, 0n)).toThrow(RangeError);
  });

  it('is the exact quotient rounded half away from zero, within its bounds (property)', () => {
    const big = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n });
    fc.assert(
      fc.property(big, big, big.filter((w) => w !== 0n), (total, part, whole) => {
        const result = prorate(total, part, whole);
        // |2·(result·whole − total·part)| ≤ |whole|: within half a unit of the exact value.
        const error = 2n * (result * whole - total * part);
        const abs = (x: bigint) => (x < 0n ? -x : x);
        expect(abs(error) <= abs(whole)).toBe(true);
        // At exactly half a unit, the result is the one farther from zero.
        if (abs(error) === abs(whole)) expect(abs(result * whole) > abs(total * part)).toBe(true);
        // A share of the whole stays between 0 and the total.
        if (whole > 0n && part >= 0n && part <= whole) {
          expect(abs(result) <= abs(total)).toBe(true);
          expect(result === 0n || result < 0n === total < 0n).toBe(true);
        }
      }),
    );
  });
});
