// Reading an import source: its chunks as Buffers with a running byte count, and whether it holds
// CSV or JSON (told by the first character that is not a byte-order mark or white space).

/** A file to import: a name for the report, and its bytes (a stream or any async iterable). */
export interface ImportSource {
  name: string;
  /** Called twice: once to tell the file's kind from its header, once to read it. */
  open(): NodeJS.ReadableStream | AsyncIterable<Buffer | string>;
}

export type Chunks = AsyncIterable<Buffer>;

/** One thing a reader found: the header (column names), a row, or a problem at a line. */
export type ReaderEvent =
  | { type: 'header'; line: number; names: string[] }
  | { type: 'row'; line: number; values: Record<string, string> }
  | { type: 'declared'; line: number; kind: string }
  | { type: 'error'; line: number; column: string | null; reason: string };

/** What a reader found in one chunk of text: events come in batches, not one promise per row. */
export type ReaderEvents = AsyncGenerator<ReaderEvent[]>;

export async function* chunksOf(source: ImportSource, onBytes?: (bytes: number) => void): Chunks {
  let bytes = 0;
  for await (const chunk of source.open() as AsyncIterable<Buffer | string>) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    bytes += buffer.length;
    onBytes?.(bytes);
    yield buffer;
  }
}

/** Looks at the start of the chunks without losing it: the format, and all chunks again. */
export async function sniffFormat(chunks: Chunks): Promise<{ format: 'csv' | 'json'; chunks: Chunks }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const seen: Buffer[] = [];
  let format: 'csv' | 'json' = 'csv';
  for (;;) {
    const next = await iterator.next();
    if (next.done) break;
    seen.push(next.value);
    const first = firstSignificantChar(Buffer.concat(seen));
    if (first !== null) {
      format = first === '[' || first === '{' ? 'json' : 'csv';
      break;
    }
  }
  async function* replay(): Chunks {
    yield* seen;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { format, chunks: replay() };
}

function firstSignificantChar(buffer: Buffer): string | null {
  let text = buffer.toString('utf8');
  if (text.startsWith('\ufeff')) text = text.slice(1);
  const match = /\S/.exec(text);
  return match ? match[0] : null;
}
