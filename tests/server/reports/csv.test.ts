// The CSV writer: RFC 4180 quoting that csv-parse reads back to the very same fields, whatever they
// hold, and free text kept from being run as a spreadsheet formula.
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, csvRecord, csvText } from '../../../server/reports/csv';

describe('csv writer', () => {
  it('quotes only the fields that need it, doubling their quotes', () => {
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField('Contoso, Ltd')).toBe('"Contoso, Ltd"');
    expect(csvField('Fabrikam "Tokyo"')).toBe('"Fabrikam ""Tokyo"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField('')).toBe('');
    expect(csvRecord(['a', 'b,c', ''])).toBe('a,"b,c",\r\n');
  });

  it('writes records that csv-parse reads back exactly', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '\r', '\n', 'é', '€', '😀') });
    fc.assert(
      fc.property(fc.array(fc.array(text, { minLength: 2, maxLength: 6 }), { minLength: 1, maxLength: 8 }), (records) => {
        const written = records.map(csvRecord).join('');
        expect(parse(written, { relax_column_count: true })).toEqual(records);
      }),
      { numRuns: 300 },
    );
  });

  it('makes text that a spreadsheet would run as a formula plain text', () => {
    for (const formula of ['=HYPERLINK("http://x.example")', '+1', '-1+2', '@SUM(A1)', '\tx', '\rx']) {
      expect(csvText(formula)).toBe(`'${formula}`);
    }
    for (const safe of ['Contoso', "O'Brien", '1-2-3 Ltd', '']) expect(csvText(safe)).toBe(safe);
  });
});
