// CSV as spreadsheets write it (UTF-8 byte-order mark, CRLF, quoted fields holding commas, quotes
// and line breaks), streamed. Lines are numbered as a spreadsheet shows its rows: the header is
// row 1 and a field's line breaks do not start a new row. A line without quotes is split as a
// whole (the common case, and what keeps a million-row file fast); quoted fields are scanned.
import { StringDecoder } from 'node:string_decoder';
import type { Chunks, ReaderEvent, ReaderEvents } from './source';

export async function* readCsv(chunks: Chunks): ReaderEvents {
  const scanner = new CsvScanner();
  const decoder = new StringDecoder('utf8');
  let header: string[] | null = null;
  const read = function* (records: Generator<CsvRecord>): Generator<ReaderEvent> {
    for (const { line, fields } of records) {
      if (header === null) {
        header = fields.map((name) => name.trim().toLowerCase());
        yield { type: 'header', line, names: header };
        continue;
      }
      if (fields.every((field) => field.trim() === '')) continue;
      if (fields.length !== header.length) {
        yield { type: 'error', line, column: null, reason: `has ${fields.length} fields but the header has ${header.length}` };
        continue;
      }
      const values: Record<string, string> = {};
      for (let i = 0; i < fields.length; i++) values[header[i]!] = fields[i]!;
      yield { type: 'row', line, values };
    }
  };
  let batch: ReaderEvent[] = [];
  try {
    for await (const chunk of chunks) {
      for (const event of read(scanner.push(decoder.write(chunk), false))) batch.push(event);
      if (batch.length > 0) yield batch;
      batch = [];
    }
    for (const event of read(scanner.push(decoder.end(), true))) batch.push(event);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    // A broken quote makes the rest of the file unreadable: report where, and stop this file.
    batch.push({ type: 'error', line: error.line, column: null, reason: `is not valid CSV: ${error.message}` });
  }
  if (batch.length > 0) yield batch;
}

interface CsvRecord {
  line: number;
  fields: string[];
}

class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** Cuts records out of the text as it arrives; keeps an unfinished last record for the next push. */
class CsvScanner {
  private rest = '';
  private started = false;
  /** The record delimiter: '\n' (a '\r' before it is dropped) or, in old Mac files, a lone '\r'. */
  private newline: '\n' | '\r' | null = null;
  private records = 0;
  private emptyLines = 0;

  *push(more: string, final: boolean): Generator<CsvRecord> {
    let text = this.rest + more;
    if (!this.started) {
      if (text.length === 0 && !final) return;
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    this.newline ??= detectNewline(text, final);
    const newline = this.newline;
    if (newline === null) {
      this.rest = text;
      return;
    }
    let pos = 0;
    // The next quote at or after pos (text.length when there is none), found once per stretch.
    let quote = -1;
    while (pos < text.length) {
      let end = text.indexOf(newline, pos);
      if (end === -1) {
        if (!final) break;
        end = text.length;
      }
      if (quote < pos) {
        quote = text.indexOf('"', pos);
        if (quote === -1) quote = text.length;
      }
      if (quote >= end) {
        const stop = newline === '\n' && end > pos && text.charCodeAt(end - 1) === CR ? end - 1 : end;
        if (stop === pos) this.emptyLines++;
        else yield this.record(text.slice(pos, stop).split(','));
        pos = end + 1;
        continue;
      }
      const scanned = this.scanQuoted(text, pos, final);
      if (scanned === null) break;
      yield this.record(scanned.fields);
      pos = scanned.next;
    }
    this.rest = pos < text.length ? text.slice(pos) : '';
  }

  private record(fields: string[]): CsvRecord {
    this.records++;
    return { line: this.records + this.emptyLines, fields };
  }

  private syntaxError(message: string): CsvSyntaxError {
    return new CsvSyntaxError(this.records + this.emptyLines + 1, message);
  }

  /** The record at pos, which holds a quote; null when it goes on past the text received so far. */
  private scanQuoted(text: string, pos: number, final: boolean): { fields: string[]; next: number } | null {
    const newlineCode = this.newline === '\r' ? CR : LF;
    const fields: string[] = [];
    let i = pos;
    for (;;) {
      let value: string;
      if (text.charCodeAt(i) === QUOTE) {
        value = '';
        let from = i + 1;
        for (;;) {
          const close = text.indexOf('"', from);
          // A quote at the very end of the text may be the first of a doubled quote.
          if (close === -1 || (close + 1 === text.length && !final)) {
            if (!final) return null;
            throw this.syntaxError('a quoted field is not closed before the end of the file');
          }
          if (text.charCodeAt(close + 1) === QUOTE) {
            value += text.slice(from, close + 1);
            from = close + 2;
          } else {
            value += text.slice(from, close);
            i = close + 1;
            break;
          }
        }
        const next = text.charCodeAt(i);
        const crlf = next === CR && newlineCode === LF && text.charCodeAt(i + 1) === LF;
        if (i < text.length && next !== COMMA && next !== newlineCode && !crlf) {
          if (next === CR && i + 1 === text.length && !final) return null;
          throw this.syntaxError(`a closing quote is followed by '${text[i]}' instead of a comma or the end of the line`);
        }
        if (crlf) i++;
      } else {
        let stop = i;
        while (stop < text.length) {
          const c = text.charCodeAt(stop);
          if (c === COMMA || c === newlineCode) break;
          stop++;
        }
        value = text.slice(i, stop);
        if (newlineCode === LF && text.charCodeAt(stop) === LF && value.endsWith('\r')) value = value.slice(0, -1);
        if (value.includes('"')) throw this.syntaxError(`field ${fields.length + 1} has a quote but does not start with one`);
        i = stop;
      }
      fields.push(value);
      if (i >= text.length) return final ? { fields, next: i } : null;
      if (text.charCodeAt(i) !== COMMA) return { fields, next: i + 1 };
      i++;
    }
  }
}

function detectNewline(text: string, final: boolean): '\n' | '\r' | null {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) return '\n';
    if (c === CR) {
      if (i + 1 < text.length) return text.charCodeAt(i + 1) === LF ? '\n' : '\r';
      return final ? '\r' : null;
    }
  }
  return final ? '\n' : null;
}
