// Amounts an email names with a currency symbol or code, in either decimal convention ("3.653,89
// EUR", "$1,200", "1 200,00 €", "EUR 1.200"), as exact minor units: the digits are rewritten as a
// plain decimal and parsed by money.ts, never through a float.
import { currencyExponent, isCurrencyCode, parseMoney } from '../money';
import type { CurrencyCode } from '../types';
import type { Span } from './types';

export interface AmountMention extends Span {
  minor: bigint;
  currency: CurrencyCode;
}

/** Symbols and words; '$' is the customer's dollar when it has one (CAD, AUD…), else USD. */
const SYMBOLS: Record<string, CurrencyCode> = { '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', 'Fr.': 'CHF' };
const WORDS: Record<string, CurrencyCode> = { euro: 'EUR', euros: 'EUR', dollars: 'USD', 'us dollars': 'USD', pounds: 'GBP', franken: 'CHF' };

const NUMBER = String.raw`\d{1,3}(?:[.,'\u00a0\u202f ]\d{3})*(?:[.,]\d{1,4})?|\d+(?:[.,]\d{1,4})?`;
const PREFIX = String.raw`(?:US)?\$|€|£|¥|₹|Fr\.|\b[A-Z]{3}\b`;
const SUFFIX = String.raw`\$|€|£|¥|₹|\b[A-Z]{3}\b|\b(?:[Ee]uros?|(?:US )?[Dd]ollars|[Pp]ounds|Franken)\b`;
const PATTERN = new RegExp(String.raw`(?<![\w.,])(?:(${PREFIX})\s?(${NUMBER})|(${NUMBER})\s?(${SUFFIX}))(?![\w]|[.,]\d)`, 'gu');

function currencyOf(token: string, dollar: CurrencyCode): CurrencyCode | null {
  if (token === '$' || token === 'US$') return token === 'US$' ? 'USD' : dollar;
  const symbol = SYMBOLS[token];
  if (symbol) return symbol;
  const word = WORDS[token.toLowerCase()];
  if (word) return word === 'USD' ? dollar : word;
  return isCurrencyCode(token) ? token : null;
}

/**
 * The written number as a plain decimal ('1234.56'), or null when it is not a well-formed amount.
 * With both '.' and ',' the last one is the decimal mark; with one of them, it is the decimal mark
 * only when it appears once and is followed by fewer or more than three digits (or exactly the
 * currency's three decimals). Spaces and apostrophes only group thousands.
 */
export function plainDecimal(written: string, exponent: number): string | null {
  const digits = written.replace(/[\u00a0\u202f]/g, ' ');
  const marks = [...digits.matchAll(/[.,]/g)].map((m) => ({ char: m[0], index: m.index }));
  let decimalAt = -1;
  const last = marks[marks.length - 1];
  if (last) {
    const kinds = new Set(marks.map((m) => m.char));
    const after = digits.length - last.index - 1;
    if (kinds.size === 2) decimalAt = last.index;
    else if (marks.length === 1 && !/[ ']/.test(digits) && (after !== 3 || exponent === 3)) decimalAt = last.index;
    else if (marks.length === 1 && /[ ']/.test(digits)) decimalAt = last.index;
  }
  const whole = (decimalAt < 0 ? digits : digits.slice(0, decimalAt)).replace(/[.,' ]/g, '');
  const fraction = decimalAt < 0 ? '' : digits.slice(decimalAt + 1);
  // Thousands groups must be whole: '1,20' is not 120.
  const groups = (decimalAt < 0 ? digits : digits.slice(0, decimalAt)).split(/[.,' ]/);
  if (groups.slice(1).some((g) => g.length !== 3) || (groups.length > 1 && groups[0]!.startsWith('0'))) return null;
  if (!/^\d+$/.test(whole) || !/^\d*$/.test(fraction)) return null;
  return fraction ? `${whole}.${fraction}` : whole;
}

/** Every amount with a currency in `text`, in text order; `dollar` is what a bare '$' means. */
export function findAmounts(text: string, dollar: CurrencyCode = 'USD'): AmountMention[] {
  const found: AmountMention[] = [];
  for (const m of text.matchAll(PATTERN)) {
    const token = (m[1] ?? m[4] ?? '').trim();
    const written = (m[2] ?? m[3] ?? '').trim();
    const currency = currencyOf(token, dollar);
    if (!currency) continue;
    const decimal = plainDecimal(written, currencyExponent(currency));
    if (decimal === null) continue;
    try {
      found.push({ start: m.index, end: m.index + m[0].length, text: m[0], minor: parseMoney(decimal, currency), currency });
    } catch {
      // More decimals than the currency has: not an amount of it.
    }
  }
  return found;
}
