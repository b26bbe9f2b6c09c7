import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney, fractionDigits, minorToDecimal } from '../../../addin/ui/format';

describe('minorToDecimal', () => {
  it('places the decimal point by the currency exponent', () => {
    expect(minorToDecimal(-12345, 2)).toBe('-123.45');
    expect(minorToDecimal(5, 3)).toBe('0.005');
    expect(minorToDecimal(-5, 2)).toBe('-0.05');
    expect(minorToDecimal(1200, 0)).toBe('1200');
    expect(minorToDecimal(123456789012345678901n, 2)).toBe('1234567890123456789.01');
  });

  it('round-trips any integer exactly (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: 0, max: 4 }), (minor, digits) => {
        const decimal = minorToDecimal(minor, digits);
        expect(BigInt(decimal.replace('.', ''))).toBe(minor);
        expect(decimal.split('.')[1]?.length ?? 0).toBe(digits);
      }),
    );
  });
});

describe('formatMoney', () => {
  it('uses each currency’s own fraction digits', () => {
    expect(fractionDigits('USD')).toBe(2);
    expect(fractionDigits('JPY')).toBe(0);
    expect(fractionDigits('KWD')).toBe(3);
    expect(formatMoney(1248000, 'USD', 'en-US')).toBe('$12,480.00');
    expect(formatMoney(1248000, 'JPY', 'en-US')).toBe('¥1,248,000');
    expect(formatMoney(1234, 'KWD', 'en-US')).toMatch(/1\.234/);
  });

  it('formats for the display language and keeps huge amounts exact', () => {
    expect(formatMoney(1248050, 'EUR', 'de-DE')).toBe('12.480,50\u00a0€');
    expect(formatMoney(900719925474099312n, 'USD', 'en-US')).toBe('$9,007,199,254,740,993.12');
  });
});

describe('formatDate', () => {
  it('keeps the calendar day whatever the time zone', () => {
    expect(formatDate('2025-03-01', 'en-US')).toBe('Mar 1, 2025');
    expect(formatDate('2025-12-31', 'en-GB')).toBe('31 Dec 2025');
  });
});
