// Amounts and dates as a letter's reader expects them in its language. Amounts go to Intl as exact
// decimal strings from the minor units, never through a float.
import { currencyExponent, formatMinor } from '../domain/money';
import type { IsoDate, Money } from '../domain/types';

const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(money: Money, locale: string): string {
  const key = `${locale}|${money.currency}`;
  let format = numberFormats.get(key);
  if (!format) {
    const digits = currencyExponent(money.currency);
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: money.currency,
      currencyDisplay: 'code',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    numberFormats.set(key, format);
  }
  return format.format(formatMinor(money.minor, money.currency) as `${number}`);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function formatDate(date: IsoDate, locale: string): string {
  let format = dateFormats.get(locale);
  if (!format) {
    // A month name rather than digits: 03/04/2026 reads differently on either side of the Atlantic.
    format = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
    dateFormats.set(locale, format);
  }
  // No-break spaces keep '17 Mar 2026' on one line in the PDF and the email.
  return format.format(new Date(`${date}T00:00:00Z`)).replaceAll(' ', '\u00a0');
}

export function formatInteger(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}
