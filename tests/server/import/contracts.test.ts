// Importing contracts (contracts.csv, or contracts in a JSON import): values in the currency's own
// precision, bad rows named by their column, re-imports that change nothing, unknown accounts refused.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../server/db/kysely';
import { importFiles, ImportRejectedError, type ImportSource } from '../../../server/import/index';
import { openTestDatabase, testDatabases } from '../../support/db';
import { customers, excelCsv, file } from './fixtures';

const opts = { accountingCurrency: 'USD', actor: 'import-test' };
const HEADER = 'account,contract_number,description,start_date,end_date,value,currency';

const contractsCsv = (...rows: string[]) => excelCsv('contracts.csv', [HEADER, ...rows]);
const goodCsv = () =>
  contractsCsv(
    'C-1,K-100,"Maintenance, 24/7",2024-01-01,2024-12-31,12000.50,USD',
    'C-1,K-101,Hosting,2024-06-01,,900,USD',
    'C-2,K-200,Lease,2023-04-01,2026-03-31,1500000,JPY',
  );
const goodJson = () =>
  file('contracts.json', JSON.stringify({
    kind: 'contracts',
    rows: [{ account: 'C-3', contract_number: 'K-300', description: null, start_date: '2024-02-01', end_date: '2025-01-31', value: 1.234, currency: 'KWD' }],
  }));

async function rejection(promise: Promise<unknown>): Promise<ImportRejectedError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ImportRejectedError);
  return error as ImportRejectedError;
}

describe.each(testDatabases)('contracts import on $name', ({ name, skipReason }) => {
  let handle: DatabaseHandle;
  const run = (sources: ImportSource[]) => importFiles(handle, sources, opts);
  const saved = () =>
    handle.db.selectFrom('contracts as k').innerJoin('customers as c', 'c.id', 'k.customer_id')
      .select(['c.account', 'k.number', 'k.description', 'k.starts_on', 'k.ends_on', 'k.value', 'k.currency'])
      .orderBy('k.number').execute();

  beforeEach(async () => {
    if (!skipReason) handle = await openTestDatabase(name);
  });
  afterEach(async () => {
    await handle?.close();
  });

  it.skipIf(skipReason)('imports contracts.csv and JSON contracts with values in minor units of their own currency', async () => {
    const result = await run([goodCsv(), goodJson(), customers()]);
    expect(result.files).toEqual([
      { file: 'contracts.csv', kind: 'contracts', rows: 3 },
      { file: 'contracts.json', kind: 'contracts', rows: 1 },
      { file: 'customers.csv', kind: 'customers', rows: 3 },
    ]);
    expect(await saved()).toEqual([
      { account: 'C-1', number: 'K-100', description: 'Maintenance, 24/7', starts_on: '2024-01-01', ends_on: '2024-12-31', value: 1200050n, currency: 'USD' },
      { account: 'C-1', number: 'K-101', description: 'Hosting', starts_on: '2024-06-01', ends_on: null, value: 90000n, currency: 'USD' },
      { account: 'C-2', number: 'K-200', description: 'Lease', starts_on: '2023-04-01', ends_on: '2026-03-31', value: 1500000n, currency: 'JPY' },
      { account: 'C-3', number: 'K-300', description: null, starts_on: '2024-02-01', ends_on: '2025-01-31', value: 1234n, currency: 'KWD' },
    ]);
  });

  it.skipIf(skipReason)('re-importing the same contracts changes nothing; a changed one is updated in place', async () => {
    await run([customers(), goodCsv()]);
    expect(await run([goodCsv()])).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    const changed = contractsCsv('C-1,K-100,"Maintenance, 24/7",2024-01-01,2025-12-31,12000.50,USD');
    expect(await run([changed])).toMatchObject({ inserted: 0, updated: 1, unchanged: 0 });
    const rows = await saved();
    expect(rows).toHaveLength(3);
    expect(rows.find((r) => r.number === 'K-100')?.ends_on).toBe('2025-12-31');
  });

  it.skipIf(skipReason)('refuses bad rows, naming the line and column of each, and saves nothing', async () => {
    const bad = contractsCsv(
      'C-1,,No number,2024-01-01,,10,USD',
      'C-1,K-1,Bad dates,2024-13-01,2024-01-01,10,USD',
      'C-1,K-2,Ends before it starts,2024-05-01,2024-04-30,10,USD',
      'C-2,K-3,Too precise for JPY,2024-01-01,,10.5,JPY',
      'C-1,K-4,Negative,2024-01-01,,-10,USD',
      'C-1,K-5,Unknown currency,2024-01-01,,10,XXY',
    );
    const error = await rejection(run([customers(), bad]));
    expect(error.errors.map(({ line, column }) => [line, column])).toEqual([
      [2, 'contract_number'],
      [3, 'start_date'],
      [4, 'end_date'],
      [5, 'value'],
      [6, 'value'],
      [7, 'currency'],
    ]);
    expect(error.errors[2]!.reason).toMatch(/before the start date 2024-05-01/);
    expect(error.errors[3]!.reason).toMatch(/too many decimals for JPY/);
    const duplicate = await rejection(run([customers(), contractsCsv('C-1,K-6,First,2024-01-01,,10,USD', 'C-1,K-6,Again,2024-01-01,,10,USD')]));
    expect(duplicate.errors).toEqual([
      { file: 'contracts.csv', line: 3, column: 'contract_number', reason: expect.stringMatching(/appears twice for this account \(first on line 2\)/) },
    ]);
    expect(await saved()).toEqual([]);
    expect(await handle.db.selectFrom('customers').select('id').execute()).toEqual([]);
  });

  it.skipIf(skipReason)('refuses a contract of an unknown account', async () => {
    await run([customers()]);
    const error = await rejection(run([contractsCsv('C-1,K-1,,2024-01-01,,10,USD', 'C-9,K-2,,2024-01-01,,10,USD')]));
    expect(error.errors).toEqual([{ file: 'contracts.csv', line: 3, column: 'account', reason: "unknown account 'C-9'" }]);
    expect(await saved()).toEqual([]);
  });
});
