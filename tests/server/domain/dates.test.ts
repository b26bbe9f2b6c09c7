// Calendar dates: validation, day and month arithmetic, today in a time zone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, isIsoDate, monthOf, todayIn } from '../../../server/domain/dates';

describe('isIsoDate', () => {
  it('accepts real calendar dates only', () => {
    expect(['2026-01-31', '2024-02-29', '2000-02-29', '1999-12-31'].every(isIsoDate)).toBe(true);
    expect(['2026-02-30', '2026-02-29', '1900-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-1-01', '26-01-01', '2026-01-01T00:00:00Z', ''].some(isIsoDate)).toBe(false);
    expect(isIsoDate(20260101)).toBe(false);
  });
});

describe('day arithmetic', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-03-31', '2026-11-24')).toBe(238);
    expect(daysBetween('2026-11-24', '2026-03-31')).toBe(-238);
  });

  it('agrees with UTC instants for any pair of dates (property)', () => {
    const dateArb = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(dateArb, dateArb, fc.integer({ min: -40000, max: 40000 }), (a, b, n) => {
        expect(daysBetween(a, b)).toBe((Date.parse(b) - Date.parse(a)) / 86_400_000);
        const moved = addDays(a, n);
        expect(isIsoDate(moved)).toBe(true);
        expect(daysBetween(a, moved)).toBe(n);
      }),
    );
  });
});

describe('addMonths', () => {
  it('clamps to the end of shorter months', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-11-24', -12)).toBe('2025-11-24');
    expect(addMonths('2026-11-15', 2)).toBe('2027-01-15');
    expect(monthOf('2026-11-24')).toBe('2026-11');
  });
});

describe('todayIn', () => {
  it('gives the calendar date in the named zone', () => {
    const now = new Date('2026-11-24T23:30:00Z');
    expect(todayIn('UTC', now)).toBe('2026-11-24');
    expect(todayIn('Pacific/Auckland', now)).toBe('2026-11-25');
    expect(todayIn('America/Los_Angeles', new Date('2026-11-25T03:00:00Z'))).toBe('2026-11-24');
  });

  it('rejects an unknown zone', () => {
    expect(() => todayIn('Mars/Olympus', new Date())).toThrow(RangeError);
  });
});

describe('arithmetic on malformed dates', () => {
  it.each(['+123-01-01', ' 2026-01-01', '2026-1-01', '2026/01/01', '2026-01-011'])('refuses %j', (bad) => {
    expect(() => addDays(bad, 1)).toThrow(RangeError);
  });
});
