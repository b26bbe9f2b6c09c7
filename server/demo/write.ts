// Writes the demo company as the five import CSV files in a folder, streaming with backpressure so
// a benchmark-sized company (millions of ledger rows) never sits in memory.
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { generateCompany, type DemoOptions } from './company';
import type { DemoFileKind } from './csv';

export interface DemoFileWritten {
  file: string;
  path: string;
  rows: number;
  bytes: number;
}

export interface WriteProgress {
  file: string;
  rows: number;
  bytes: number;
  done: boolean;
}

const ORDER: readonly DemoFileKind[] = ['customers', 'contacts', 'contracts', 'ledger', 'settlements'];

function countRows(chunk: string): number {
  let rows = 0;
  for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) rows++;
  return rows;
}

export async function writeCompanyCsv(
  dir: string, opts: DemoOptions & { onProgress?: (p: WriteProgress) => void },
): Promise<DemoFileWritten[]> {
  const company = generateCompany(opts);
  await mkdir(dir, { recursive: true });
  const written: DemoFileWritten[] = [];
  for (const kind of ORDER) {
    const file = `${kind}.csv`;
    const path = join(dir, file);
    // Lines counted include the header, which is not a row.
    let lines = 0;
    let bytes = 0;
    const counted = function* (): Generator<string> {
      for (const chunk of company.files[kind]()) {
        lines += countRows(chunk);
        bytes += Buffer.byteLength(chunk);
        opts.onProgress?.({ file, rows: lines - 1, bytes, done: false });
        yield chunk;
      }
    };
    await pipeline(Readable.from(counted()), createWriteStream(path));
    opts.onProgress?.({ file, rows: lines - 1, bytes, done: true });
    written.push({ file, path, rows: lines - 1, bytes });
  }
  return written;
}
