// The aged receivables report as CSV, written line by line as the customers stream in: a header,
// a line per customer (amounts as decimals of the accounting currency), a totals line, and a line
// per transaction currency (in that currency; overdue is not split by currency, so left empty).
import { formatMinor } from '../domain/money';
import { LINE_COLUMNS, TotalsAccumulator, type AgedCustomerPages, type AgedReceivablesHeading } from './aged-receivables';
import { csvRecord, csvText } from './csv';

/** Spreadsheet programs read the file as UTF-8 (names with accents) only when it starts with a BOM. */
const BOM = '\uFEFF';

/** Text chunks of the file: the header, one chunk per page of customers, then the totals. */
export async function* agedReceivablesCsv(heading: AgedReceivablesHeading, pages: AgedCustomerPages): AsyncGenerator<string> {
  const { currency, periods } = heading;
  const money = (amount: bigint, code = currency) => formatMinor(amount, code);
  yield BOM + csvRecord([...LINE_COLUMNS, ...periods.map((p) => p.label)]);
  const totals = new TotalsAccumulator(periods.length);
  for await (const page of pages) {
    let chunk = '';
    for (const customer of page) {
      totals.add(customer);
      const { account, name, balance, overdue, buckets } = customer;
      chunk += csvRecord([csvText(account), csvText(name), currency, money(balance), money(overdue), ...buckets.map((b) => money(b))]);
    }
    yield chunk;
  }
  const total = totals.totals();
  let end = csvRecord(['Total', 'All customers', currency, money(total.balance), money(total.overdue), ...total.buckets.map((b) => money(b))]);
  for (const line of total.byCurrency) {
    const inCurrency = (amount: bigint) => money(amount, line.currency);
    end += csvRecord(['Total', `${line.currency} transactions`, line.currency, inCurrency(line.balance), '', ...line.buckets.map(inCurrency)]);
  }
  yield end;
}
