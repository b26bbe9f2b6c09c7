// The demo company's fixed exchange rates and exact conversion between currencies: integer
// arithmetic on minor units, rounded half away from zero, as the import expects of an ERP export.
import { currencyExponent } from '../domain/money';

/** Millionths of a US dollar per whole unit of each currency the demo uses. */
export const DEMO_RATES_MICRO_USD: Readonly<Record<string, bigint>> = {
  USD: 1_000_000n,
  EUR: 1_080_000n,
  GBP: 1_270_000n,
  CAD: 730_000n,
  JPY: 6_700n,
  KWD: 3_250_000n,
  // Not used by demo customers; here so any common accounting currency can be chosen.
  AUD: 660_000n,
  BHD: 2_650_000n,
  CHF: 1_130_000n,
  CNY: 140_000n,
  DKK: 145_000n,
  HKD: 128_000n,
  INR: 12_000n,
  MXN: 55_000n,
  NOK: 93_000n,
  NZD: 600_000n,
  PLN: 250_000n,
  SEK: 95_000n,
  SGD: 750_000n,
  ZAR: 55_000n,
};

function rateOf(currency: string): bigint {
  const rate = DEMO_RATES_MICRO_USD[currency];
  if (rate === undefined) {
    throw new Error(`The demo company has no rate for ${currency}; use one of ${Object.keys(DEMO_RATES_MICRO_USD).join(', ')}`);
  }
  return rate;
}

/** n / d rounded to the nearest integer, halves away from zero (d > 0). */
export function divideRounded(n: bigint, d: bigint): bigint {
  const q = n / d;
  const r = n % d;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice >= d) return n < 0n ? q - 1n : q + 1n;
  return q;
}

export function convertMinor(minor: bigint, from: string, to: string): bigint {
  if (from === to) return minor;
  const fromScale = 10n ** BigInt(currencyExponent(from));
  const toScale = 10n ** BigInt(currencyExponent(to));
  return divideRounded(minor * rateOf(from) * toScale, fromScale * rateOf(to));
}

/** Whole US cents expressed in `currency`'s minor units (how the generator sizes amounts). */
export function fromUsdCents(cents: number, currency: string): bigint {
  return convertMinor(BigInt(cents), 'USD', currency);
}

export function assertDemoCurrency(currency: string): void {
  rateOf(currency);
}
