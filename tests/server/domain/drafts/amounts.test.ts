// Amounts with a currency in either decimal convention, read exactly as minor units.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findAmounts } from '../../../../server/domain/drafts/amounts';
import { formatMinor } from '../../../../server/domain/money';

const read = (text: string, dollar?: string) => findAmounts(text, dollar).map((a) => `${a.currency} ${a.minor}`);

/** The amount as a customer might write it: grouped thousands, the decimal mark of a convention. */
function written(minor: bigint, currency: string, convention: 'en' | 'de' | 'space'): string {
  const [whole = '', fraction] = formatMinor(minor, currency).split('.');
  const group = { en: ',', de: '.', space: ' ' }[convention];
  const mark = convention === 'en' ? '.' : ',';
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return fraction === undefined ? grouped : `${grouped}${mark}${fraction}`;
}

describe('findAmounts', () => {
  it('reads both decimal conventions, symbols and codes on either side', () => {
    expect(read('3.653,89 EUR')).toEqual(['EUR 365389']);
    expect(read('$1,200')).toEqual(['USD 120000']);
    expect(read('1 200,00 €')).toEqual(['EUR 120000']);
    expect(read('EUR 1.200')).toEqual(['EUR 120000']);
    expect(read('USD 500.00 towards it')).toEqual(['USD 50000']);
    expect(read('£12.5')).toEqual(['GBP 1250']);
    expect(read('¥120,000')).toEqual(['JPY 120000']);
    expect(read('a total of 845,50 €.')).toEqual(['EUR 84550']);
  });

  it("reads a bare '$' as the customer's dollar", () => {
    expect(read('$1,200.50', 'CAD')).toEqual(['CAD 120050']);
    expect(read('US$ 10')).toEqual(['USD 1000']);
  });

  it('gives the spans of the original text', () => {
    const [a] = findAmounts('we pay 1.200,00 € now');
    expect(a).toMatchObject({ start: 7, end: 17, text: '1.200,00 €' });
  });

  it('reads no number without a currency, no document number and no malformed grouping', () => {
    expect(read('INV-100412 and 120 cases on 15.12.')).toEqual([]);
    expect(read('1,20,0 EUR')).toEqual([]);
    expect(read('1.234 JPYX')).toEqual([]);
    expect(read('0.123 USD')).toEqual([]);
  });

  it('parses back what either convention writes, for any amount (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.constantFrom('USD', 'EUR', 'JPY', 'GBP'),
        fc.constantFrom('en' as const, 'de' as const, 'space' as const),
        fc.boolean(),
        (minor, currency, convention, codeFirst) => {
          const amount = written(minor, currency, convention);
          const text = `We will pay ${codeFirst ? `${currency} ${amount}` : `${amount} ${currency}`} on Friday.`;
          expect(findAmounts(text).map((a) => [a.minor, a.currency])).toEqual([[minor, currency]]);
        },
      ),
    );
  });
});
