// The report's writers keep memory flat: they read the customers' pages only as fast as the reader
// takes their output, and a download cut off ends the pages (which hold a database transaction).
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { DEFAULT_AGING_PERIODS } from '../../../server/domain/aging';
import { agedReceivablesJson } from '../../../server/http/mappers/reports';
import type { AgedCustomer, AgedReceivablesHeading } from '../../../server/reports/aged-receivables';
import { agedReceivablesCsv } from '../../../server/reports/aged-receivables-csv';
import { agedReceivablesXlsx } from '../../../server/reports/aged-receivables-xlsx';

const heading: AgedReceivablesHeading = { asOf: '2026-11-24', by: 'due_date', currency: 'USD', periods: DEFAULT_AGING_PERIODS };

/** Endless pages of 500 customers, counting what was read and whether they were ended. */
function endlessPages() {
  const state = { pages: 0, ended: false };
  async function* pages(): AsyncGenerator<AgedCustomer[]> {
    try {
      for (;;) {
        state.pages += 1;
        yield Array.from({ length: 500 }, (_, i) => ({
          id: `id-${state.pages}-${i}`,
          account: `C-${state.pages}-${i}`,
          name: `Customer ${i}, "quoted"`,
          balance: 123456n,
          overdue: 23456n,
          buckets: [100000n, 23456n, 0n, 0n, 0n, 0n],
          byCurrency: [{ currency: 'EUR', balance: 110000n, buckets: [90000n, 20000n, 0n, 0n, 0n, 0n] }],
        }));
        await sleep(0);
      }
    } finally {
      state.ended = true;
    }
  }
  return { state, pages: pages() };
}

const writers: Array<[string, (pages: AsyncIterable<AgedCustomer[]>) => Readable]> = [
  ['JSON', (pages) => Readable.from(agedReceivablesJson(heading, pages), { highWaterMark: 1 })],
  ['CSV', (pages) => Readable.from(agedReceivablesCsv(heading, pages), { highWaterMark: 1 })],
  ['XLSX', (pages) => agedReceivablesXlsx(heading, pages)],
];

describe.each(writers)('the %s writer', (_format, write) => {
  it('reads no further ahead than its reader, and ends the pages when the download is cut off', async () => {
    const { state, pages } = endlessPages();
    const stream = write(pages);
    const first = await new Promise<unknown>((resolve) => stream.once('data', resolve));
    expect(first).toBeDefined();
    stream.pause();
    // Nobody reads: the writer fills its buffers and stops (however slow the machine), with a few
    // pages at most waiting there, not the endless rest.
    let read = -1;
    for (let waited = 0; waited < 10_000 && state.pages !== read; waited += 300) {
      read = state.pages;
      await sleep(300);
    }
    expect(read).toBeLessThan(20);
    await sleep(300);
    expect(state.pages).toBe(read);
    stream.destroy();
    await sleep(50);
    expect(state.ended).toBe(true);
  });
});
