// Locale formatting of money and calendar dates with Intl. Minor units become a decimal string by
// string arithmetic (never a float division), so amounts beyond 2^53 still print exactly.

const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(locale: string, currency: string, signed: boolean): Intl.NumberFormat {
  const key = `${locale}|${currency}|${signed}`;
  let f = moneyFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'currency', currency, signDisplay: signed ? 'exceptZero' : 'auto' });
    moneyFormats.set(key, f);
  }
  return f;
}

/** The currency's fraction digits as Intl knows them (USD 2, JPY 0, KWD 3). */
export function fractionDigits(currency: string): number {
  return moneyFormat('en', currency, false).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Minor units → exact decimal string: (-12345, 2) → '-123.45', (5, 3) → '0.005'. */
export function minorToDecimal(minor: number | bigint, digits: number): string {
  const s = BigInt(minor).toString();
  const negative = s.startsWith('-');
  const abs = negative ? s.slice(1) : s;
  if (digits === 0) return s;
  const padded = abs.padStart(digits + 1, '0');
  const whole = padded.slice(0, padded.length - digits);
  return `${negative ? '-' : ''}${whole}.${padded.slice(padded.length - digits)}`;
}

export function formatMoney(minor: number | bigint, currency: string, locale: string, opts: { signed?: boolean } = {}): string {
  const decimal = minorToDecimal(minor, fractionDigits(currency));
  // A numeric string is formatted as an exact decimal (Intl.NumberFormat v3).
  return moneyFormat(locale, currency, opts.signed ?? false).format(decimal as Intl.StringNumericLiteral);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string, style: 'medium' | 'short' | 'day' | 'month' | 'monthShort'): Intl.DateTimeFormat {
  const key = `${locale}|${style}`;
  let f = dateFormats.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      style === 'medium' || style === 'short'
        ? { dateStyle: style, timeZone: 'UTC' }
        : style === 'day'
          ? { day: 'numeric', month: 'short', timeZone: 'UTC' }
          : style === 'month'
            ? { month: 'long', year: 'numeric', timeZone: 'UTC' }
            : { month: 'narrow', timeZone: 'UTC' };
    f = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(key, f);
  }
  return f;
}

/** Calendar dates are zone-less; formatting them at UTC midnight in UTC keeps the day unchanged. */
function isoToUtc(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

/** 'YYYY-MM-DD' → e.g. 'Mar 5, 2025' (en-US) or '5 mars 2025' (fr-FR); short: '3/5/25'; day: 'Mar 5' (the year said elsewhere). */
export function formatDate(iso: string, locale: string, style: 'medium' | 'short' | 'day' = 'medium'): string {
  return dateFormat(locale, style).format(isoToUtc(iso));
}

/** 'YYYY-MM' → e.g. 'March 2025'. */
export function formatMonth(yearMonth: string, locale: string): string {
  return dateFormat(locale, 'month').format(isoToUtc(`${yearMonth}-01`));
}

/** 'YYYY-MM' → one-letter month, e.g. 'M'. */
export function formatMonthInitial(yearMonth: string, locale: string): string {
  return dateFormat(locale, 'monthShort').format(isoToUtc(`${yearMonth}-01`));
}

export function formatPercent(share: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

export function formatNumber(n: number, locale: string, maxFractionDigits = 0): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: maxFractionDigits }).format(n);
}
