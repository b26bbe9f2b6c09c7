// Promised amounts typed by the agent: exact minor units with the currency's exponent, in the
// display language's notation, never through a float.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../../../addin/features/activities/amount';
import { buildRequest, emptyForm } from '../../../../addin/features/activities/form';
import { formatMoney, minorToDecimal } from '../../../../addin/ui/format';
import { tx } from '../../support/fakes';

describe('parseAmount', () => {
  it('reads back every amount printed as a plain decimal, for 0 to 3 decimals', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.integer({ min: 0, max: 3 }), (minor, digits) => {
        expect(parseAmount(minorToDecimal(minor, digits), digits, 'en-US')).toEqual({ ok: true, minor });
      }),
    );
  });

  it('reads back amounts as the display language groups them (en-US, de-DE, fr-FR, ja-JP)', () => {
    const cases = [['en-US', 'USD'], ['de-DE', 'EUR'], ['fr-FR', 'EUR'], ['ja-JP', 'JPY'], ['en-US', 'KWD']] as const;
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.constantFrom(...cases), (minor, [locale, currency]) => {
        const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
        const shown = formatMoney(minor, currency, locale).replace(/[^\d.,\s\u00a0\u202f]/g, '').trim();
        expect(parseAmount(shown, digits, locale)).toEqual({ ok: true, minor });
      }),
    );
  });

  it('refuses more decimals than the currency has, misplaced grouping marks, signs and words', () => {
    expect(parseAmount('12.345', 2, 'en-US')).toMatchObject({ ok: false, message: 'At most 2 decimals.' });
    expect(parseAmount('12.5', 0, 'ja-JP')).toMatchObject({ ok: false, message: 'This currency has no decimals.' });
    // In German '.' groups thousands: '1234.56' is not silently read as 123456.
    expect(parseAmount('1234.56', 2, 'de-DE').ok).toBe(false);
    expect(parseAmount('1,23', 2, 'en-US').ok).toBe(false);
    expect(parseAmount('-5', 2, 'en-US').ok).toBe(false);
    expect(parseAmount('ten', 2, 'en-US').ok).toBe(false);
    expect(parseAmount('', 2, 'en-US').ok).toBe(false);
  });

  it('takes a lone decimal point where it cannot be a grouping mark (fr-FR 12.50)', () => {
    expect(parseAmount('12.50', 2, 'fr-FR')).toEqual({ ok: true, minor: 1250n });
    expect(parseAmount('1 234,5', 2, 'fr-FR')).toEqual({ ok: true, minor: 123450n });
  });
});

describe('a promise to pay in the form', () => {
  const open = [tx('INV-1', { open: 90000 }), tx('INV-2', { open: 5000, currency: 'JPY' })];
  const form = () => ({ ...emptyForm('call', 'Collection call', ''), outcome: 'promise_to_pay' as const, promiseDate: '2025-07-10' });

  it('sends each amount in minor units of its own currency', () => {
    const result = buildRequest({ ...form(), promised: { 't-INV-1': '450.5', 't-INV-2': '5,000' } }, open, 'en-US', '2025-07-01');
    expect(result).toEqual({
      ok: true,
      body: expect.objectContaining({
        outcome: 'promise_to_pay',
        promise: {
          date: '2025-07-10',
          items: [
            { transactionId: 't-INV-1', amount: 45050, currency: 'USD' },
            { transactionId: 't-INV-2', amount: 5000, currency: 'JPY' },
          ],
        },
      }),
    });
  });

  it('refuses more than is open, nothing, and a date in the past', () => {
    const result = buildRequest({ ...form(), promiseDate: '2025-06-30', promised: { 't-INV-1': '900.01', 't-INV-2': '0' } }, open, 'en-US', '2025-07-01');
    expect(result).toEqual({
      ok: false,
      errors: {
        promiseDate: 'The promised date cannot be in the past.',
        amounts: { 't-INV-1': 'At most the open $900.00.', 't-INV-2': 'More than zero.' },
      },
    });
  });
});
