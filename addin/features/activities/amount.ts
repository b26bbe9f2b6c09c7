// Amounts the agent types, parsed into integer minor units by string arithmetic with the
// currency's own exponent (never through a float), in the display language's notation; what is
// wrong with one is said in that language too.
import { translate } from '../../i18n';

export type AmountResult = { ok: true; minor: bigint } | { ok: false; message: string };

/** The decimal and grouping characters of a locale, e.g. en-US '.' and ','; de-DE ',' and '.'. */
export function separators(locale: string): { decimal: string; group: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  return {
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
  };
}

/**
 * '1,234.5' (en-US, 2 digits) → 123450n; '1.234,5' (de-DE) likewise. Grouping marks count only in
 * their places (every three digits), so '1234.56' in de-DE is refused rather than read as 123456;
 * a '.' is the decimal mark wherever it cannot be a grouping mark.
 */
export function parseAmount(input: string, digits: number, locale: string): AmountResult {
  const { decimal, group } = separators(locale);
  const s = input.trim().replace(/[\s\u00a0\u202f]/g, '');
  const mark = s.includes(decimal) || group === '.' ? decimal : '.';
  const pieces = s.split(mark);
  if (pieces.length > 2 || s === '') return invalid(decimal, locale);
  let whole = pieces[0] ?? '';
  const fraction = pieces[1] ?? '';
  if (group.trim() !== '' && whole.includes(group)) {
    if (!new RegExp(`^\\d{1,3}(${escape(group)}\\d{3})+$`).test(whole)) return invalid(decimal, locale);
    whole = whole.split(group).join('');
  }
  if (!/^\d*$/.test(whole) || !/^\d*$/.test(fraction) || whole + fraction === '') return invalid(decimal, locale);
  if (fraction.length > digits) {
    const message = digits === 0 ? translate(locale, 'activities.amount.noDecimals') : translate(locale, 'activities.amount.atMostDecimals', { count: digits });
    return { ok: false, message };
  }
  return { ok: true, minor: BigInt((whole || '0') + fraction.padEnd(digits, '0')) };
}

function invalid(decimal: string, locale: string): AmountResult {
  return { ok: false, message: translate(locale, 'activities.amount.example', { example: `1250${decimal}00` }) };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
