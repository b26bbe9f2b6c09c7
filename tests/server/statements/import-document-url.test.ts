// The ledger import's optional document_url column (the invoice copy a reply can attach): https links
// are saved and re-imported in place; anything else is a row error naming the column.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../server/db/kysely';
import { importFiles, ImportRejectedError, type ImportSource } from '../../../server/import/index';
import { openTestDatabase, testDatabases } from '../../support/db';
import { file, LEDGER_HEADER } from '../import/fixtures';

const opts = { accountingCurrency: 'USD', actor: 'document-url-test' };
const customers = () => file('customers.csv', 'account,name,currency\nC-1,Contoso,USD');
const ledger = (...urls: string[]) =>
  file('ledger.csv', [`${LEDGER_HEADER},document_url`, ...urls.map((url, i) => `I${i},C-1,invoice,INV-${i},2026-01-10,2026-02-09,USD,10.00,,${url}`)].join('\n'));

describe.each(testDatabases)('document_url import on $name', ({ name, skipReason }) => {
  let handle: DatabaseHandle;
  const run = (sources: ImportSource[]) => importFiles(handle, sources, opts);
  const urls = async () => (await handle.db.selectFrom('ledger_entries').select(['document', 'document_url']).orderBy('document').execute()).map((r) => [r.document, r.document_url]);

  beforeEach(async () => {
    if (!skipReason) handle = await openTestDatabase(name);
  });
  afterEach(async () => handle?.close());

  it.skipIf(skipReason)('saves https links, leaves the column empty where none is given and updates them on re-import', async () => {
    await run([customers(), ledger('https://erp.example.com/docs/INV-0.pdf', '')]);
    expect(await urls()).toEqual([['INV-0', 'https://erp.example.com/docs/INV-0.pdf'], ['INV-1', null]]);
    await run([customers(), ledger('https://erp.example.com/docs/INV-0-v2.pdf', 'https://erp.example.com/docs/INV-1.pdf')]);
    expect(await urls()).toEqual([['INV-0', 'https://erp.example.com/docs/INV-0-v2.pdf'], ['INV-1', 'https://erp.example.com/docs/INV-1.pdf']]);
  });

  it.skipIf(skipReason)('refuses a link that is not https, naming the column, and saves nothing', async () => {
    const error = await run([customers(), ledger('http://erp.example.com/INV-0.pdf', 'file:///etc/passwd', 'https://ok.example.com/a.pdf')]).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRejectedError);
    expect((error as ImportRejectedError).errors.map((e) => [e.line, e.column])).toEqual([[2, 'document_url'], [3, 'document_url']]);
    expect(await urls()).toEqual([]);
  });
});
