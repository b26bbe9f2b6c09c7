// Small import files for the import tests, written the way spreadsheets and ERPs write them.
import { Readable } from 'node:stream';
import type { ImportSource } from '../../../server/import/index';

export function file(name: string, text: string): ImportSource {
  return { name, open: () => Readable.from([Buffer.from(text, 'utf8')]) };
}

/** CSV lines joined with CRLF, with a UTF-8 byte-order mark, as Excel saves "CSV UTF-8". */
export function excelCsv(name: string, lines: string[]): ImportSource {
  return file(name, `\ufeff${lines.join('\r\n')}\r\n`);
}

export const CUSTOMERS_HEADER =
  'account,name,group,sales_area,payment_terms,currency,credit_limit,credit_rating,status,customer_since,domains,agent_email';
export const LEDGER_HEADER = 'external_id,account,kind,document,posting_date,due_date,currency,amount,amount_accounting';
export const SETTLEMENTS_HEADER = 'debit_external_id,credit_external_id,amount,date';

export const customers = () =>
  excelCsv('customers.csv', [
    CUSTOMERS_HEADER,
    'C-1,"Contoso, Ltd",Retail,EU,Net30,USD,"10000.00",B,active,2019-03-01,contoso.com; Contoso.DE,Ann@Example.com',
    'C-2,"Fabrikam ""Tokyo""\r\nBranch",,,,JPY,5000,,On hold,,,',
    'C-3,Gulf Trading,,,,KWD,,,blocked,,,',
  ]);

export const ledger = () =>
  excelCsv('ledger.csv', [
    LEDGER_HEADER,
    'L1,C-1,invoice,INV-1,2024-01-10,2024-02-09,USD,1000.00,',
    'L2,C-1,payment,PAY-1,2024-02-01,,USD,-400.00,',
    'L3,C-2,invoice,INV-2,2024-01-10,2024-02-09,JPY,100000,650.00',
    'L4,C-3,invoice,INV-3,2024-01-15,2024-02-14,KWD,12.345,40.15',
    'L5,C-3,credit_note,CN-1,2024-01-20,,KWD,-2.5,-8.13',
  ]);

export const settlements = () =>
  file('settlements.json', JSON.stringify({
    kind: 'settlements',
    rows: [
      { debit_external_id: 'L1', credit_external_id: 'L2', amount: 300.0, date: '2024-02-01' },
      { debit_external_id: 'L4', credit_external_id: 'L5', amount: '2.500', date: '2024-01-20' },
    ],
  }));
