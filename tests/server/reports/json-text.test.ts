// The report's customer lines as JSON text: written by hand for speed, they must be exactly what
// JSON.stringify makes of the typed mapping, for any account and name (quotes, backslashes, control
// characters, non-Latin scripts, emoji) and any amounts within JSON's safe integers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agedCustomerJson, agedCustomerJsonText } from '../../../server/http/mappers/reports';
import type { AgedCustomer } from '../../../server/reports/aged-receivables';

const minor = fc.bigInt({ min: BigInt(Number.MIN_SAFE_INTEGER), max: BigInt(Number.MAX_SAFE_INTEGER) });
const text = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.constantFrom('O"Brien\\Sons', 'Ünal & Söhne\n', '東京商事', '\u2028'));

const customer: fc.Arbitrary<AgedCustomer> = fc.record({
  id: fc.uuid(),
  account: text,
  name: text,
  balance: minor,
  overdue: minor,
  buckets: fc.array(minor, { minLength: 1, maxLength: 12 }),
  byCurrency: fc.constant([]),
});

describe('agedCustomerJsonText', () => {
  it('is JSON.stringify of the mapped line, character for character', () => {
    fc.assert(
      fc.property(customer, (line) => {
        expect(agedCustomerJsonText(line)).toBe(JSON.stringify(agedCustomerJson(line)));
      }),
      { numRuns: 500 },
    );
  });

  it('refuses an amount beyond JSON’s safe integers, as the mapping does', () => {
    const line: AgedCustomer = { id: 'x', account: 'A', name: 'N', balance: 2n ** 53n, overdue: 0n, buckets: [0n], byCurrency: [] };
    expect(() => agedCustomerJson(line)).toThrow(RangeError);
    expect(() => agedCustomerJsonText(line)).toThrow(RangeError);
  });
});
