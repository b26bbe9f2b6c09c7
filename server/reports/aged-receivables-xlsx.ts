// The aged receivables report as an XLSX workbook, written with exceljs's streaming writer as the
// customers stream in: numeric cells formatted with the currency's decimals, the header row frozen,
// a totals row and a row per transaction currency, printed landscape one page wide under the header
// row. Rows wait while the reader lags, so memory holds about a page of customers however long the
// report.
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { currencyExponent, formatMinor } from '../domain/money';
import type { CurrencyCode } from '../domain/types';
import { LINE_COLUMNS, TotalsAccumulator, type AgedCustomerPages, type AgedReceivablesHeading } from './aged-receivables';

const FIRST_AMOUNT_COLUMN = 4;
const BY = { due_date: 'by due date', document_date: 'by document date' } as const;

/** Excel's number format showing the currency's minor unit: '#,##0.00' for USD, '#,##0' for JPY. */
function numberFormat(currency: CurrencyCode): string {
  const decimals = currencyExponent(currency);
  return decimals === 0 ? '#,##0' : `#,##0.${'0'.repeat(decimals)}`;
}

function drainedOrClosed(stream: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

/** The exact decimal, then the nearest double: what a spreadsheet holds anyway. */
const cellAmount = (amount: bigint, currency: CurrencyCode): number => Number(formatMinor(amount, currency));

/**
 * The workbook's bytes. `pages` is read as the stream is; a failure while reading it destroys the
 * stream (the download ends incomplete rather than looking whole).
 */
export function agedReceivablesXlsx(heading: AgedReceivablesHeading, pages: AgedCustomerPages): Readable {
  const out = new PassThrough();
  write(heading, pages, out).catch((error: unknown) => out.destroy(error as Error));
  return out;
}

async function write(heading: AgedReceivablesHeading, pages: AgedCustomerPages, out: PassThrough): Promise<void> {
  const { currency, periods } = heading;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Collections for Outlook';
  workbook.title = `Aged receivables as of ${heading.asOf}, ${BY[heading.by]}`;
  const sheet = workbook.addWorksheet(`As of ${heading.asOf}`, {
    views: [{ state: 'frozen', ySplit: 1 }],
    // Printed, every column of a customer on one page (landscape, one page wide, as many long as it
    // takes), under the header row repeated on each page.
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  const amountFormat = numberFormat(currency);
  sheet.columns = [
    { header: LINE_COLUMNS[0], width: 14 },
    { header: LINE_COLUMNS[1], width: 36 },
    { header: LINE_COLUMNS[2], width: 9 },
    ...[...LINE_COLUMNS.slice(3), ...periods.map((p) => p.label)].map((header) => ({ header, width: 15, style: { numFmt: amountFormat } })),
  ];
  // Balance, overdue and one per period.
  const amountColumns = Array.from({ length: 2 + periods.length }, (_, i) => FIRST_AMOUNT_COLUMN + i);
  const header = sheet.getRow(1);
  header.font = { bold: true };
  // An amount's heading stands over its figures, at the right of the column as they are.
  for (const column of amountColumns) header.getCell(column).alignment = { horizontal: 'right' };
  header.commit();

  const totals = new TotalsAccumulator(periods.length);
  for await (const page of pages) {
    for (const customer of page) {
      totals.add(customer);
      const amounts = [customer.balance, customer.overdue, ...customer.buckets].map((a) => cellAmount(a, currency));
      sheet.addRow([customer.account, customer.name, currency, ...amounts]).commit();
    }
    // The zip is written into `out` as rows arrive; while its reader lags, wait rather than buffer.
    if (out.writableNeedDrain) await drainedOrClosed(out);
    // A download cut off: leaving the loop ends the pages (and their transaction) too.
    if (out.destroyed) return;
  }

  const total = totals.totals();
  const totalRow = sheet.addRow(['Total', 'All customers', currency, ...[total.balance, total.overdue, ...total.buckets].map((a) => cellAmount(a, currency))]);
  totalRow.font = { bold: true };
  totalRow.border = { top: { style: 'thin' } };
  totalRow.commit();
  for (const line of total.byCurrency) {
    const row = sheet.addRow(['Total', `${line.currency} transactions`, line.currency, cellAmount(line.balance, line.currency), null, ...line.buckets.map((a) => cellAmount(a, line.currency))]);
    const format = numberFormat(line.currency);
    for (const column of amountColumns) row.getCell(column).numFmt = format;
    row.font = { bold: true };
    row.commit();
  }
  sheet.commit();
  await workbook.commit();
}
