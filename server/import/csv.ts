// CSV as spreadsheets write it (UTF-8 byte-order mark, CRLF, quoted fields holding commas, quotes
// and line breaks), streamed through csv-parse. Lines are numbered as a spreadsheet shows its
// rows: the header is row 1 and a field's line breaks do not start a new row.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse, type Info } from 'csv-parse';
import type { Chunks, ReaderEvent } from './source';

export async function* readCsv(chunks: Chunks): AsyncGenerator<ReaderEvent> {
  const parser = parse({ bom: true, info: true, skip_empty_lines: true, relax_column_count: true });
  const feeding = pipeline(Readable.from(chunks), parser);
  // Whoever stops reading early (the kind sniffer) closes the parser; that is not an error.
  feeding.catch(() => undefined);
  let header: string[] | null = null;
  let row = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: Info }>) {
      row = info.records + info.empty_lines;
      if (header === null) {
        header = record.map((name) => name.trim().toLowerCase());
        yield { type: 'header', line: row, names: header };
        continue;
      }
      if (record.every((field) => field.trim() === '')) continue;
      if (record.length !== header.length) {
        yield {
          type: 'error',
          line: row,
          column: null,
          reason: `has ${record.length} fields but the header has ${header.length}`,
        };
        continue;
      }
      const values: Record<string, string> = {};
      header.forEach((name, i) => (values[name] = record[i]!));
      yield { type: 'row', line: row, values };
    }
    await feeding;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // A broken quote makes the rest of the file unreadable: report where, and stop this file.
    yield { type: 'error', line: row + 1, column: null, reason: `is not valid CSV: ${error.message}` };
  }
}
