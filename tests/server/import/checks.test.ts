// The set-wide checks of an import, each named by its message: duplicates across files, unknown
// accounts and ledger rows, settlements that do not fit their entries or settle more than is open,
// and re-imports that meet rows saved before.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../server/db/kysely';
import { importFiles, ImportRejectedError, MAX_REPORTED_ERRORS, type ImportSource } from '../../../server/import/index';
import { openTestDatabase, testDatabases } from '../../support/db';
import { file, LEDGER_HEADER, SETTLEMENTS_HEADER } from './fixtures';

const opts = { accountingCurrency: 'USD', actor: 'checks-test' };

const csv = (name: string, header: string, ...rows: string[]) => file(name, [header, ...rows].join('\n'));
const customersCsv = (...rows: string[]) => csv('customers.csv', 'account,name,currency', ...rows);
const contactsCsv = (...rows: string[]) => csv('contacts.csv', 'account,name,email', ...rows);
const ledgerCsv = (name: string, ...rows: string[]) => csv(name, LEDGER_HEADER, ...rows);
const settlementsCsv = (...rows: string[]) => csv('settlements.csv', SETTLEMENTS_HEADER, ...rows);

const twoCustomers = () => customersCsv('C-1,Contoso,USD', 'C-2,Fabrikam,EUR');
const entries = () =>
  ledgerCsv(
    'ledger.csv',
    'I1,C-1,invoice,INV-1,2024-01-10,2024-02-09,USD,1000.00,',
    'P1,C-1,payment,PAY-1,2024-02-01,,USD,-400.00,',
    'E1,C-2,invoice,INV-E1,2024-01-10,,EUR,50.00,55.00',
    'EP,C-2,payment,PAY-E1,2024-01-20,,EUR,-50.00,-55.00',
  );

describe.each(testDatabases)('import checks on $name', ({ name, skipReason }) => {
  let handle: DatabaseHandle;
  const run = (sources: ImportSource[]) => importFiles(handle, sources, opts);
  const errorsOf = async (sources: ImportSource[]) => {
    const error = await run(sources).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRejectedError);
    return error as ImportRejectedError;
  };
  const count = async (table: 'customers' | 'contacts' | 'ledger_entries' | 'settlements') =>
    Number((await handle.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

  beforeEach(async () => {
    if (!skipReason) handle = await openTestDatabase(name);
  });
  afterEach(async () => {
    await handle?.close();
  });

  it.skipIf(skipReason)('names duplicates within a file and across files, with the first occurrence', async () => {
    const error = await errorsOf([
      customersCsv('C-1,Contoso,USD', 'C-1,Contoso again,USD'),
      contactsCsv('C-1,Ann,ann@example.com', 'C-1,Ann B,ann@example.com', 'C-1,Bob,bob@example.com'),
      ledgerCsv('ledger-1.csv', 'I1,C-1,invoice,INV-1,2024-01-10,,USD,10.00,', 'P1,C-1,payment,PAY-1,2024-01-11,,USD,-10.00,'),
      ledgerCsv('ledger-2.csv', 'I1,C-1,invoice,INV-1b,2024-01-10,,USD,10.00,'),
      settlementsCsv('I1,P1,1.00,2024-01-12', 'I1,P1,2.00,2024-01-12'),
    ]);
    expect(error.errors).toEqual([
      { file: 'customers.csv', line: 3, column: 'account', reason: 'the account appears twice (first on line 2)' },
      { file: 'contacts.csv', line: 3, column: 'email', reason: 'the e-mail address appears twice for this account (first on line 2)' },
      { file: 'ledger-2.csv', line: 2, column: 'external_id', reason: 'the external id appears twice (first on line 2 of ledger-1.csv)' },
      { file: 'settlements.csv', line: 3, column: 'date', reason: 'the same debit, credit and date appear twice (first on line 2)' },
    ]);
    expect(await count('customers')).toBe(0);
  });

  it.skipIf(skipReason)('names accounts and ledger rows that are neither in the files nor saved', async () => {
    await run([customersCsv('C-1,Contoso,USD'), ledgerCsv('ledger.csv', 'I1,C-1,invoice,INV-1,2024-01-10,,USD,10.00,')]);
    const error = await errorsOf([
      contactsCsv('C-1,Ann,ann@example.com', 'C-7,Bob,bob@example.com'),
      ledgerCsv('ledger.csv', 'P1,C-1,payment,PAY-1,2024-01-11,,USD,-10.00,', 'P2,C-8,payment,PAY-2,2024-01-11,,USD,-10.00,'),
      settlementsCsv('I1,P1,1.00,2024-01-12', 'I9,P1,1.00,2024-01-12', 'I1,P9,1.00,2024-01-12'),
    ]);
    expect(error.errors).toEqual([
      { file: 'contacts.csv', line: 3, column: 'account', reason: "unknown account 'C-7'" },
      { file: 'ledger.csv', line: 3, column: 'account', reason: "unknown account 'C-8'" },
      { file: 'settlements.csv', line: 3, column: 'debit_external_id', reason: "unknown ledger row 'I9' (no ledger entry has this external id)" },
      { file: 'settlements.csv', line: 4, column: 'credit_external_id', reason: "unknown ledger row 'P9' (no ledger entry has this external id)" },
    ]);
  });

  it.skipIf(skipReason)('refuses settlements on the wrong side, across currencies or dated before an entry', async () => {
    const error = await errorsOf([
      twoCustomers(),
      entries(),
      settlementsCsv('P1,I1,1.00,2024-02-02', 'I1,EP,1.00,2024-02-02', 'I1,P1,1.00,2024-01-20'),
    ]);
    expect(error.errors).toEqual([
      { file: 'settlements.csv', line: 2, column: 'debit_external_id', reason: "'P1' is a credit (a payment with a negative amount), not a debit" },
      { file: 'settlements.csv', line: 2, column: 'credit_external_id', reason: "'I1' is a debit (a invoice with a positive amount), not a credit" },
      { file: 'settlements.csv', line: 3, column: 'credit_external_id', reason: 'the debit is in USD but the credit in EUR; a settlement needs one currency' },
      { file: 'settlements.csv', line: 4, column: 'date', reason: "2024-01-20 is before the credit 'P1' was posted on 2024-02-01" },
    ]);
  });

  it.skipIf(skipReason)('reads a settlement amount in its debit currency, saved or imported', async () => {
    await run([twoCustomers(), entries()]);
    const error = await errorsOf([
      ledgerCsv('ledger.csv', 'I2,C-1,invoice,INV-2,2024-01-10,,USD,10.00,'),
      settlementsCsv('I1,P1,1.234,2024-02-02', 'I2,P1,1,5,2024-02-02', 'E1,EP,-5.00,2024-02-02', 'E1,EP,0,2024-02-03', 'I9,P1,1.234,2024-02-02'),
    ]);
    expect(error.errors).toEqual([
      { file: 'settlements.csv', line: 2, column: 'amount', reason: "'1.234' has too many decimals for USD, the debit's currency" },
      { file: 'settlements.csv', line: 3, column: null, reason: 'has 5 fields but the header has 4' },
      { file: 'settlements.csv', line: 4, column: 'amount', reason: 'must be positive' },
      { file: 'settlements.csv', line: 5, column: 'amount', reason: 'must be positive' },
      { file: 'settlements.csv', line: 6, column: 'debit_external_id', reason: "unknown ledger row 'I9' (no ledger entry has this external id)" },
    ]);
    const notAmount = await errorsOf([settlementsCsv('E1,EP,12 EUR,2024-02-02')]);
    expect(notAmount.errors).toEqual([
      { file: 'settlements.csv', line: 2, column: 'amount', reason: "'12 EUR' is not an amount (digits and an optional '.')" },
    ]);
  });

  it.skipIf(skipReason)('settles saved entries and counts a replaced settlement at its new amount', async () => {
    await run([twoCustomers(), entries(), settlementsCsv('I1,P1,300.00,2024-02-01')]);
    expect(await run([settlementsCsv('I1,P1,400.00,2024-02-01')])).toMatchObject({ inserted: 0, updated: 1, unchanged: 0 });
    const error = await errorsOf([settlementsCsv('I1,P1,400.01,2024-02-01')]);
    expect(error.errors).toEqual([
      { file: 'settlements.csv', line: 2, column: 'amount', reason: "settles 400.01 USD but only 400.00 USD is open on the credit 'P1' as of 2024-02-01" },
    ]);
    const settled = await handle.db.selectFrom('settlements').select(['amount']).execute();
    expect(settled).toEqual([{ amount: 40000n }]);
  });

  it.skipIf(skipReason)('refuses to make an entry smaller than what is already settled on it', async () => {
    await run([twoCustomers(), entries(), settlementsCsv('I1,P1,300.00,2024-02-01')]);
    const error = await errorsOf([ledgerCsv('ledger.csv', 'P1,C-1,payment,PAY-1,2024-02-01,,USD,-200.00,')]);
    expect(error.errors).toEqual([
      { file: 'ledger.csv', line: 2, column: 'amount', reason: 'is smaller than the 300.00 USD already settled on this entry' },
    ]);
    expect(await run([ledgerCsv('ledger.csv', 'P1,C-1,payment,PAY-1,2024-02-01,,USD,-300.00,')])).toMatchObject({ updated: 1 });
  });

  it.skipIf(skipReason)('checks settlements against the imported version of a saved entry', async () => {
    await run([twoCustomers(), entries()]);
    const error = await errorsOf([
      ledgerCsv('ledger.csv', 'I1,C-1,invoice,INV-1,2024-03-01,,USD,100.00,'),
      settlementsCsv('I1,P1,150.00,2024-03-02', 'I1,P1,1.00,2024-02-15'),
    ]);
    expect(error.errors).toEqual([
      { file: 'settlements.csv', line: 2, column: 'amount', reason: "settles 150.00 USD but only 99.00 USD is open on the debit 'I1' as of 2024-03-02" },
      { file: 'settlements.csv', line: 3, column: 'date', reason: "2024-02-15 is before the debit 'I1' was posted on 2024-03-01" },
    ]);
  });

  it.skipIf(skipReason)('reports no set-wide error about a row already refused on its own', async () => {
    const error = await errorsOf([
      twoCustomers(),
      ledgerCsv('ledger.csv', 'I1,C-1,bill,INV-1,2024-01-10,,USD,10.00,', 'P1,C-1,payment,PAY-1,2024-01-11,,USD,-10.00,'),
      settlementsCsv('I1,P1,50.00,2024-01-01'),
    ]);
    expect(error.errors).toEqual([
      { file: 'ledger.csv', line: 2, column: 'kind', reason: expect.stringContaining("'bill' is not one of") },
      { file: 'settlements.csv', line: 2, column: 'amount', reason: "settles 50.00 USD but only 10.00 USD is open on the credit 'P1' as of 2024-01-01" },
      { file: 'settlements.csv', line: 2, column: 'date', reason: "2024-01-01 is before the credit 'P1' was posted on 2024-01-11" },
    ]);
  });

  it.skipIf(skipReason)('lists the first errors and counts them all', async () => {
    const rows = Array.from({ length: MAX_REPORTED_ERRORS + 5 }, (_, i) => `X${i},C-9,invoice,D${i},2024-01-10,,USD,1.00,`);
    const error = await errorsOf([ledgerCsv('ledger.csv', 'I0,C-9,invoice,D,2024-01-10,,USD,x,', ...rows)]);
    expect(error.total).toBe(MAX_REPORTED_ERRORS + 7);
    expect(error.errors).toHaveLength(MAX_REPORTED_ERRORS);
    expect(error.errors.slice(0, 3)).toEqual([
      { file: 'ledger.csv', line: 2, column: 'account', reason: "unknown account 'C-9'" },
      { file: 'ledger.csv', line: 2, column: 'amount', reason: "'x' is not an amount (digits, an optional leading '-' and '.')" },
      { file: 'ledger.csv', line: 3, column: 'account', reason: "unknown account 'C-9'" },
    ]);
    expect(error.errors.at(-1)).toMatchObject({ line: MAX_REPORTED_ERRORS });
  });
});
