// Property tests of the streaming CSV reader (server/import/csv.ts) against csv-parse: spreadsheet-style
// files (quoted commas, quotes and line breaks, CRLF and LF, a byte-order mark, empty fields, non-ASCII
// text) read to the same rows, however the bytes are cut into chunks, even inside a character.
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../server/import/csv';
import type { ReaderEvent } from '../../../server/import/source';

const RUNS = 150;
const HEADER = ['Account', '名前', 'Straße', 'ÉTAT', 'note 😀'];
const LINE_ENDS = ['\n', '\r\n'] as const;

const character = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('a', 'Z', '0', '-', '.', ' ', 'é', 'ß', '中', '文', '😀', '👩‍💻', '\u00a0') },
  { weight: 2, arbitrary: fc.constantFrom(',', '"', '""', '\n', '\r\n', '\r', '\t') },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
);
const value = fc.string({ unit: character, maxLength: 10 });

/** A field as a spreadsheet writes it: quoted when it must be, and sometimes when it need not be. */
const field = fc.record({ value, quoted: fc.boolean() });
const written = ({ value, quoted }: { value: string; quoted: boolean }) =>
  quoted || /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;

const file = fc.integer({ min: 1, max: HEADER.length }).chain((columns) =>
  fc.record({
    bom: fc.boolean(),
    header: fc.array(fc.boolean(), { minLength: columns, maxLength: columns }),
    rows: fc.array(
      fc.record({
        // Mostly a full row; sometimes too few or too many fields, or an empty line.
        fields: fc.oneof(
          { weight: 6, arbitrary: fc.array(field, { minLength: columns, maxLength: columns }) },
          { weight: 1, arbitrary: fc.array(field, { minLength: 0, maxLength: columns + 2 }) },
        ),
        end: fc.constantFrom(...LINE_ENDS),
      }),
      { maxLength: 12 },
    ),
    headerEnd: fc.constantFrom(...LINE_ENDS),
    finalEnd: fc.boolean(),
  }),
);

type FileShape = typeof file extends fc.Arbitrary<infer T> ? T : never;

function render(f: FileShape): string {
  const header = f.header.map((quoted, i) => written({ value: HEADER[i]!, quoted })).join(',');
  let text = `${f.bom ? '\ufeff' : ''}${header}`;
  let end: string = f.headerEnd;
  for (const row of f.rows) {
    text += end + row.fields.map(written).join(',');
    end = row.end;
  }
  return f.finalEnd ? text + end : text;
}

/** Byte offsets to cut at, anywhere in the text (also inside a multi-byte character). */
const cuts = fc.array(fc.nat({ max: 100_000 }), { maxLength: 8 });

function chunked(bytes: Buffer, at: number[]): Buffer[] {
  const points = [...new Set(at.map((n) => n % (bytes.length + 1)))].sort((a, b) => a - b);
  const parts: Buffer[] = [];
  let from = 0;
  for (const point of [...points, bytes.length]) {
    parts.push(bytes.subarray(from, point));
    from = point;
  }
  return parts;
}

async function read(parts: Buffer[]): Promise<ReaderEvent[]> {
  async function* chunks() {
    yield* parts;
  }
  const events: ReaderEvent[] = [];
  for await (const batch of readCsv(chunks())) events.push(...batch);
  return events;
}

/** What readCsv must report for the records csv-parse found: the header, then rows or count errors. */
function expectedEvents(records: string[][]): ReaderEvent[] {
  const [head, ...rest] = records;
  if (!head) return [];
  const names = head.map((name) => name.trim().toLowerCase());
  const events: ReaderEvent[] = [{ type: 'header', line: 1, names }];
  rest.forEach((fields, i) => {
    const line = i + 2;
    if (fields.every((f) => f.trim() === '')) return;
    if (fields.length !== names.length) {
      events.push({ type: 'error', line, column: null, reason: `has ${fields.length} fields but the header has ${names.length}` });
      return;
    }
    events.push({ type: 'row', line, values: Object.fromEntries(names.map((name, k) => [name, fields[k]!])) });
  });
  return events;
}

const csvParse = (text: string): string[][] =>
  parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false, record_delimiter: ['\r\n', '\n'] });

describe('CSV reader, property-based', () => {
  it('reads the rows csv-parse reads, whatever the chunks', async () => {
    await fc.assert(
      fc.asyncProperty(file, cuts, async (shape, at) => {
        const text = render(shape);
        const expected = expectedEvents(csvParse(text));
        const bytes = Buffer.from(text, 'utf8');
        expect(await read([bytes])).toEqual(expected);
        expect(await read(chunked(bytes, at))).toEqual(expected);
      }),
      { numRuns: RUNS },
    );
  });

  it('reports the same events for any text, valid CSV or not, however it is chunked', async () => {
    const anyText = fc.string({ unit: fc.oneof(character, fc.constantFrom('\ufeff', '"x"', '\r')), maxLength: 60 });
    await fc.assert(
      fc.asyncProperty(anyText, cuts, async (text, at) => {
        const bytes = Buffer.from(text, 'utf8');
        expect(await read(chunked(bytes, at))).toEqual(await read([bytes]));
      }),
      { numRuns: RUNS },
    );
  });
});
