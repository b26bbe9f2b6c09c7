// Money as integer minor units: ISO 4217 exponents, exact parsing of decimal strings, formatting,
// the JSON boundary, and proportional rounding. No value ever passes through a float.
import type { CurrencyCode } from './types';

/** Minor-unit exponents of the active ISO 4217 currencies whose exponent is not 2. */
const EXPONENT_NOT_TWO: Record<string, number> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0,
  UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

/** The active ISO 4217 currencies with two decimals (funds codes included, metals excluded). */
const EXPONENT_TWO = (
  'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN ' +
  'BZD CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP ' +
  'GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP ' +
  'LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR ' +
  'NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN ' +
  'SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ' +
  'ZMW ZWG'
).split(' ');

const EXPONENTS: ReadonlyMap<string, number> = new Map([
  ...EXPONENT_TWO.map((code) => [code, 2] as const),
  ...Object.entries(EXPONENT_NOT_TWO),
]);

/** All currency codes this module knows, sorted. */
export const CURRENCY_CODES: readonly CurrencyCode[] = [...EXPONENTS.keys()].sort();

export function isCurrencyCode(code: string): boolean {
  return EXPONENTS.has(code);
}

export class UnknownCurrencyError extends Error {
  constructor(readonly currency: string) {
    super(`Unknown ISO 4217 currency code '${currency}'.`);
    this.name = 'UnknownCurrencyError';
  }
}

/** Number of decimals of the currency's minor unit (JPY 0, USD 2, KWD 3, CLF 4). */
export function currencyExponent(code: CurrencyCode): number {
  const exponent = EXPONENTS.get(code);
  if (exponent === undefined) throw new UnknownCurrencyError(code);
  return exponent;
}

export type MoneyParseReason = 'unknown_currency' | 'not_a_decimal' | 'too_many_decimals';

/** A decimal string that is not an amount of the given currency; `reason` says why. */
export class MoneyParseError extends Error {
  constructor(
    readonly reason: MoneyParseReason,
    readonly input: string,
    readonly currency: string,
    message: string,
  ) {
    super(message);
    this.name = 'MoneyParseError';
  }
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Parses a plain decimal string ('-1234.5') into minor units of `currency`. Accepted: an optional
 * leading '-', digits, and optionally '.' followed by at most the currency's exponent of digits.
 * Rejected: exponents ('1e5'), group separators ('1,000'), spaces, '+', and extra decimals.
 */
export function parseMoney(decimal: string, currency: CurrencyCode): bigint {
  const exponent = EXPONENTS.get(currency);
  if (exponent === undefined) {
    throw new MoneyParseError('unknown_currency', decimal, currency, `Unknown ISO 4217 currency code '${currency}'.`);
  }
  const match = DECIMAL.exec(decimal);
  if (!match) {
    throw new MoneyParseError(
      'not_a_decimal',
      decimal,
      currency,
      `'${decimal}' is not a plain decimal number (digits, an optional leading '-' and '.').`,
    );
  }
  const [, sign = '', whole = '', fraction = ''] = match;
  if (fraction.length > exponent) {
    throw new MoneyParseError(
      'too_many_decimals',
      decimal,
      currency,
      `'${decimal}' has ${fraction.length} decimals but ${currency} has ${exponent}.`,
    );
  }
  const minor = BigInt(whole + fraction.padEnd(exponent, '0'));
  return sign === '-' ? -minor : minor;
}

/** Minor units as a decimal string with exactly the currency's exponent of decimals ('-12.50'). */
export function formatMinor(minor: bigint, currency: CurrencyCode): string {
  const exponent = currencyExponent(currency);
  const digits = (minor < 0n ? -minor : minor).toString();
  const sign = minor < 0n ? '-' : '';
  if (exponent === 0) return sign + digits;
  const padded = digits.padStart(exponent + 1, '0');
  return `${sign}${padded.slice(0, -exponent)}.${padded.slice(-exponent)}`;
}

/** Minor units as a JSON number; throws rather than lose precision beyond 2^53 − 1. */
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);

export function toJsonMinor(minor: bigint): number {
  if (minor > MAX_SAFE || minor < MIN_SAFE) {
    throw new RangeError(`Amount ${minor} minor units is beyond the safe integer range of JSON numbers.`);
  }
  return Number(minor);
}

/**
 * total × part / whole, rounded to the nearest integer, halves away from zero; exact bigint
 * arithmetic. Used for the accounting amount of a partly open entry.
 */
export function prorate(total: bigint, part: bigint, whole: bigint): bigint {
  if (whole === 0n) throw new RangeError('prorate: whole must not be zero.');
  if (part === whole) return total;
  let numerator = total * part;
  let denominator = whole;
  if (denominator < 0n) {
    numerator = -numerator;
    denominator = -denominator;
  }
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  const twiceRemainder = remainder < 0n ? -2n * remainder : 2n * remainder;
  if (twiceRemainder < denominator) return quotient;
  return numerator < 0n ? quotient - 1n : quotient + 1n;
}
