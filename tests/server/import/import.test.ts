// Importing receivables from CSV and JSON: real spreadsheet files, exact money in each currency's
// precision, idempotent re-imports, and file sets rejected whole with every bad row named.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../server/db/kysely';
import { importFiles, ImportRejectedError } from '../../../server/import/index';
import type { ImportSource } from '../../../server/import/index';
import { openTestDatabase, testDatabases } from '../../support/db';
import { CUSTOMERS_HEADER, customers, excelCsv, file, LEDGER_HEADER, ledger, SETTLEMENTS_HEADER, settlements } from './fixtures';

const opts = { accountingCurrency: 'USD', actor: 'import-test' };

async function rejection(promise: Promise<unknown>): Promise<ImportRejectedError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ImportRejectedError);
  return error as ImportRejectedError;
}

describe.each(testDatabases)('import on $name', ({ name, skipReason }) => {
  let handle: DatabaseHandle;
  const run = (sources: ImportSource[]) => importFiles(handle, sources, opts);
  const count = async (table: 'customers' | 'contacts' | 'ledger_entries' | 'settlements') =>
    Number((await handle.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

  beforeEach(async () => {
    if (!skipReason) handle = await openTestDatabase(name);
  });
  afterEach(async () => {
    await handle?.close();
  });

  it.skipIf(skipReason)('reads Excel CSV (BOM, CRLF, quoted commas, quotes and line breaks) and JSON in any order', async () => {
    const result = await run([settlements(), ledger(), customers()]);
    expect(result.files).toEqual([
      { file: 'settlements.json', kind: 'settlements', rows: 2 },
      { file: 'ledger.csv', kind: 'ledger', rows: 5 },
      { file: 'customers.csv', kind: 'customers', rows: 3 },
    ]);
    expect(result).toMatchObject({ inserted: 10, updated: 0, unchanged: 0 });
    const rows = await handle.db.selectFrom('customers').selectAll().orderBy('account').execute();
    expect(rows.map((c) => c.name)).toEqual(['Contoso, Ltd', 'Fabrikam "Tokyo"\r\nBranch', 'Gulf Trading']);
    expect(rows[0]).toMatchObject({ credit_limit: 1000000n, domains: ['contoso.com', 'contoso.de'], status: 'active' });
    expect(rows[1]).toMatchObject({ status: 'on_hold', credit_limit: 500000n, domains: [] });
    const agent = await handle.db.selectFrom('agents').select(['id', 'email']).executeTakeFirstOrThrow();
    expect(agent.email).toBe('ann@example.com');
    expect(rows[0]!.default_agent_id).toBe(agent.id);
  });

  it.skipIf(skipReason)('stores amounts in minor units of each currency: JPY without decimals, KWD with three', async () => {
    await run([customers(), ledger(), settlements()]);
    const entries = await handle.db.selectFrom('ledger_entries').select(['external_id', 'amount', 'amount_accounting'])
      .orderBy('external_id').execute();
    expect(entries).toEqual([
      { external_id: 'L1', amount: 100000n, amount_accounting: 100000n },
      { external_id: 'L2', amount: -40000n, amount_accounting: -40000n },
      { external_id: 'L3', amount: 100000n, amount_accounting: 65000n },
      { external_id: 'L4', amount: 12345n, amount_accounting: 4015n },
      { external_id: 'L5', amount: -2500n, amount_accounting: -813n },
    ]);
    const settled = await handle.db.selectFrom('settlements').select(['amount', 'settled_on']).orderBy('amount').execute();
    expect(settled).toEqual([{ amount: 2500n, settled_on: '2024-01-20' }, { amount: 30000n, settled_on: '2024-02-01' }]);
  });

  it.skipIf(skipReason)('re-importing the same files changes nothing; a changed row is updated', async () => {
    await run([customers(), ledger(), settlements()]);
    const again = await run([customers(), ledger(), settlements()]);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 10 });
    expect([await count('customers'), await count('ledger_entries'), await count('settlements')]).toEqual([3, 5, 2]);
    const changed = excelCsv('ledger.csv', [LEDGER_HEADER, 'L1,C-1,invoice,INV-1,2024-01-10,2024-03-09,USD,1000.00,']);
    expect(await run([changed])).toMatchObject({ inserted: 0, updated: 1, unchanged: 0 });
    const audits = await handle.db.selectFrom('audit_events').select(['actor', 'action']).execute();
    expect(audits).toEqual(Array(3).fill({ actor: 'import-test', action: 'import' }));
  });

  it.skipIf(skipReason)('counts new, changed and unchanged rows of an import that meets saved ones', async () => {
    await run([customers(), ledger(), settlements()]);
    const moreCustomers = excelCsv('customers.csv', [CUSTOMERS_HEADER, 'C-3,Gulf Trading,,,,KWD,,,blocked,,,', 'C-4,Northwind,,,,USD,,,,,,']);
    const moreLedger = excelCsv('ledger.csv', [
      LEDGER_HEADER,
      'L1,C-1,invoice,INV-1,2024-01-10,2024-03-09,USD,1000.00,',
      'L2,C-1,payment,PAY-1,2024-02-01,,USD,-400.00,',
      'L6,C-4,invoice,INV-6,2024-02-01,,USD,5.00,',
    ]);
    const result = await run([moreCustomers, moreLedger]);
    expect(result).toMatchObject({ inserted: 2, updated: 1, unchanged: 2 });
    expect([await count('customers'), await count('ledger_entries'), await count('settlements')]).toEqual([4, 6, 2]);
  });

  it.skipIf(skipReason)('names every bad row with its line and column, and saves nothing', async () => {
    const badLedger = excelCsv('ledger.csv', [
      LEDGER_HEADER,
      'L1,C-1,invoice,INV-1,2024-01-10,2024-02-09,USD,1000.00,',
      'L2,C-9,invoice,INV-2,2024-01-10,,USD,5.00,',
      'L3,C-2,invoice,INV-3,2024-02-30,,JPY,100.5,1.00',
      'L4,C-1,bill,INV-4,2024-01-10,,USD,1.00,',
      'L1,C-1,invoice,"INV-1\nagain",2024-01-10,,USD,1.00,',
      'L6,C-3,invoice,,2024-01-10,,KWD,1.2345,1.00',
      'L7,C-1,payment,PAY-1,2024-01-12,,USD,-100.00,',
    ]);
    const badSettlements = excelCsv('settlements.csv', [
      SETTLEMENTS_HEADER,
      'L1,L7,60.00,2024-01-12',
      'L1,L7,50.00,2024-01-13',
      'L1,L99,1.00,2024-01-13',
    ]);
    const error = await rejection(run([customers(), badLedger, badSettlements]));
    const at = (f: string, line: number, column: string | null, reason: string) =>
      expect.objectContaining({ file: f, line, column, reason: expect.stringContaining(reason) });
    expect(error.errors).toEqual([
      at('ledger.csv', 3, 'account', "unknown account 'C-9'"),
      at('ledger.csv', 4, 'posting_date', "'2024-02-30' is not a date"),
      at('ledger.csv', 4, 'amount', 'too many decimals for JPY (at most 0)'),
      at('ledger.csv', 5, 'kind', "'bill' is not one of invoice"),
      at('ledger.csv', 6, 'external_id', 'appears twice (first on line 2)'),
      at('ledger.csv', 7, 'document', 'is required'),
      at('ledger.csv', 7, 'amount', 'too many decimals for KWD (at most 3)'),
      at('settlements.csv', 3, 'amount', 'settles 50.00 USD but only 40.00 USD is open on the credit'),
      at('settlements.csv', 4, 'credit_external_id', "unknown ledger row 'L99'"),
    ]);
    expect(error.total).toBe(9);
    expect([await count('customers'), await count('ledger_entries'), await count('settlements')]).toEqual([0, 0, 0]);
  });

  it.skipIf(skipReason)('rejects a good file together with a bad one and leaves earlier imports untouched', async () => {
    await run([customers(), ledger()]);
    const before = await handle.db.selectFrom('ledger_entries').selectAll().orderBy('external_id').execute();
    const goodUpdate = excelCsv('ledger-2.csv', [LEDGER_HEADER, 'L1,C-1,invoice,INV-1,2024-01-10,2024-12-31,USD,999.00,']);
    const bad = excelCsv('contacts.csv', ['account,name,email,phone,role', 'C-1,Ann,not-an-address,,']);
    const error = await rejection(run([goodUpdate, bad]));
    expect(error.errors).toEqual([
      { file: 'contacts.csv', line: 2, column: 'email', reason: "'not-an-address' is not an e-mail address" },
    ]);
    expect(await handle.db.selectFrom('ledger_entries').selectAll().orderBy('external_id').execute()).toEqual(before);
    expect(await count('contacts')).toBe(0);
  });

  it.skipIf(skipReason)('rejects settlements beyond what is open, counting those saved by earlier imports', async () => {
    await run([customers(), ledger(), settlements()]);
    const more = file('more.json', JSON.stringify([
      { debit_external_id: 'L1', credit_external_id: 'L2', amount: '100.00', date: '2024-02-02' },
      { debit_external_id: 'L1', credit_external_id: 'L2', amount: '0.01', date: '2024-02-03' },
    ]));
    const error = await rejection(run([more]));
    expect(error.errors).toEqual([
      { file: 'more.json', line: 1, column: 'amount', reason: "settles 0.01 USD but nothing is open on the credit 'L2' as of 2024-02-03" },
    ]);
    expect(await count('settlements')).toBe(2);
  });

  it.skipIf(skipReason)('rejects a file whose header matches no format', async () => {
    const error = await rejection(run([excelCsv('odd.csv', ['account,name,colour', 'C-1,x,red'])]));
    expect(error.errors).toEqual([
      { file: 'odd.csv', line: 1, column: null, reason: expect.stringContaining('unknown column colour') },
    ]);
  });
});
