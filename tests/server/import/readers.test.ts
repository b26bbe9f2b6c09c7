// Reading import files: spreadsheet row numbers in CSV, streamed JSON with exact numbers, and the
// kind of a file told by its header.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../server/import/csv';
import { detectKind } from '../../../server/import/formats';
import { readJson } from '../../../server/import/json';
import type { ReaderEvent, ReaderEvents } from '../../../server/import/source';

async function events(reader: (c: AsyncIterable<Buffer>) => ReaderEvents, ...chunks: string[]) {
  const out: ReaderEvent[] = [];
  for await (const batch of reader(Readable.from(chunks.map((c) => Buffer.from(c))))) out.push(...batch);
  return out;
}

describe('CSV reader', () => {
  it('numbers rows as a spreadsheet does, across quoted line breaks and blank lines', async () => {
    const found = await events(readCsv, '\ufeffA,B\r\n1,"two\r\nlines"\r\n\r\n3,"x,y"\r\n4\r\n');
    expect(found).toEqual([
      { type: 'header', line: 1, names: ['a', 'b'] },
      { type: 'row', line: 2, values: { a: '1', b: 'two\r\nlines' } },
      { type: 'row', line: 4, values: { a: '3', b: 'x,y' } },
      { type: 'error', line: 5, column: null, reason: 'has 1 fields but the header has 2' },
    ]);
  });

  it('reports an unclosed quote instead of failing', async () => {
    const found = await events(readCsv, 'a,b\n1,"open\n');
    expect(found.at(-1)).toMatchObject({ type: 'error', reason: expect.stringContaining('is not valid CSV') });
  });
});

describe('JSON reader', () => {
  it('streams rows split across chunks, keeps numbers digit for digit and reports each row line', async () => {
    const text = '{ "kind": "ledger",\n  "rows": [\n    {"amount": 90071992547409.93, "n": -1e3},\n    {"amount": "1", "d": ["a.com","b.com"], "x": null}\n  ]\n}';
    const found = await events(readJson, text.slice(0, 37), text.slice(37, 61), text.slice(61));
    expect(found).toEqual([
      { type: 'declared', line: 1, kind: 'ledger' },
      { type: 'header', line: 3, names: ['amount', 'n'] },
      { type: 'row', line: 3, values: { amount: '90071992547409.93', n: '-1e3' } },
      { type: 'row', line: 4, values: { amount: '1', d: 'a.com;b.com', x: '' } },
    ]);
  });

  it('rejects JSON that is not rows', async () => {
    expect((await events(readJson, '[1, 2]'))[0]).toMatchObject({ type: 'error', reason: expect.stringContaining('row objects') });
    expect((await events(readJson, '[{"a": 1}')).at(-1)).toMatchObject({ type: 'error', reason: expect.stringContaining('before its JSON is complete') });
  });
});

describe('kind of a file', () => {
  it('is told by the header, with missing and unknown columns named', () => {
    expect(detectKind(['debit_external_id', 'credit_external_id', 'amount', 'date'])).toEqual({ kind: 'settlements' });
    expect(detectKind(['account', 'email'])).toEqual({ kind: 'contacts' });
    expect(detectKind(['account', 'name'])).toEqual({ problem: 'a customers file needs the column currency' });
    expect(detectKind(['account', 'colour'])).toMatchObject({ problem: expect.stringContaining('unknown column colour') });
  });
});
