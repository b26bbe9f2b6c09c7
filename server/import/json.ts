// JSON imports, streamed: either an array of row objects or { "kind": ..., "rows": [...] }. A small
// scanner cuts each row object out of the text as it arrives, so a large file is never held whole;
// numbers are kept as their exact text (quoted before JSON.parse) so no amount passes through a float.
import type { Chunks, ReaderEvent, ReaderEvents } from './source';

export async function* readJson(chunks: Chunks): ReaderEvents {
  const scanner = new RowScanner();
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    const batch = [...scanner.feed(decoder.decode(chunk, { stream: true }))];
    if (batch.length > 0) yield batch;
    if (scanner.failed) return;
  }
  const batch = [...scanner.feed(decoder.decode())];
  if (!scanner.failed) batch.push(...scanner.finish());
  if (batch.length > 0) yield batch;
}

class RowScanner {
  private line = 1;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private inNumber = false;
  /** Depth at which row objects open: 1 for a top-level array, 2 inside { "rows": [...] }. */
  private rowDepth: number | null = null;
  private row: string[] | null = null;
  private rowLine = 0;
  private header: string[] | null = null;
  private topKey: string[] | null = null;
  private expectKey = false;
  private lastKey = '';
  private started = false;
  failed = false;

  *feed(text: string): Generator<ReaderEvent> {
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (ch === '\n') this.line++;
      if (this.inString) {
        this.row?.push(ch);
        if (this.topKey && !(ch === '"' && !this.escaped)) this.topKey.push(ch);
        if (this.escaped) this.escaped = false;
        else if (ch === '\\') this.escaped = true;
        else if (ch === '"') yield* this.endString();
        continue;
      }
      if (this.inNumber && !/[0-9eE+.-]/.test(ch)) {
        this.inNumber = false;
        this.row?.push('"');
      }
      if (/\s/.test(ch)) continue;
      if (!this.started) {
        this.started = true;
        if (ch === '[') this.rowDepth = 1;
        else if (ch !== '{') return yield* this.fail('must start with [ or {');
      }
      if (ch === '{' && this.depth === this.rowDepth) {
        this.row = [];
        this.rowLine = this.line;
      } else if (this.row === null && this.depth === this.rowDepth && ch !== ']' && ch !== ',') {
        return yield* this.fail('must hold row objects');
      }
      if (ch === '"') {
        this.inString = true;
        if (this.depth === 1 && this.rowDepth !== 1 && this.row === null) this.topKey = [];
      } else if (this.row && !this.inNumber && /[0-9-]/.test(ch)) {
        this.inNumber = true;
        this.row.push('"');
      }
      this.row?.push(ch);
      if (ch === '{' || ch === '[') {
        if (ch === '[' && this.depth === 1 && this.rowDepth === null && this.lastKey === 'rows') this.rowDepth = 2;
        this.depth++;
        if (this.depth === 1) this.expectKey = true;
      } else if (ch === '}' || ch === ']') {
        this.depth--;
        if (this.row && this.depth === this.rowDepth) yield* this.endRow();
      } else if (this.depth === 1 && this.row === null) {
        if (ch === ',') this.expectKey = true;
        if (ch === ':') this.expectKey = false;
      }
    }
  }

  private *endString(): Generator<ReaderEvent> {
    this.inString = false;
    if (!this.topKey) return;
    const value = JSON.parse(`"${this.topKey.join('')}"`) as string;
    this.topKey = null;
    if (this.expectKey) this.lastKey = value;
    else if (this.lastKey === 'kind') yield { type: 'declared', line: this.line, kind: value };
  }

  private *endRow(): Generator<ReaderEvent> {
    const text = this.row!.join('');
    this.row = null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      return yield* this.fail(`has a row that is not valid JSON (${(error as Error).message})`, this.rowLine);
    }
    const values: Record<string, string> = {};
    for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
      const name = key.trim().toLowerCase();
      if (value === null || value === undefined) values[name] = '';
      else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) values[name] = value.join(';');
      else if (typeof value === 'object' || Array.isArray(value)) {
        yield { type: 'error', line: this.rowLine, column: name, reason: 'must be a text, a number or a list of texts' };
        return;
      } else values[name] = String(value);
    }
    if (this.header === null) {
      this.header = Object.keys(values);
      yield { type: 'header', line: this.rowLine, names: this.header };
    }
    yield { type: 'row', line: this.rowLine, values };
  }

  *finish(): Generator<ReaderEvent> {
    if (!this.started) return yield* this.fail('is empty');
    if (this.depth !== 0 || this.inString) return yield* this.fail('ends before its JSON is complete');
    if (this.rowDepth === null) yield* this.fail('has no "rows" array');
  }

  private *fail(reason: string, line = this.line): Generator<ReaderEvent> {
    this.failed = true;
    yield { type: 'error', line, column: null, reason: `is not an import file: the JSON ${reason}` };
  }
}
