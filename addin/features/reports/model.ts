// The report view's rules on the report's lines: filtering by name or account, sorting by any
// column (text by the locale's collation, amounts numerically), and the columns' names.
import type { AgedCustomerJson } from '../../../server/http/schemas/reports';
import { translate } from '../../i18n';

/** 'account', 'name', 'balance', 'overdue', or 'period:<index>'. */
export type SortColumn = 'account' | 'name' | 'balance' | 'overdue' | `period:${number}`;

export interface Sort {
  column: SortColumn;
  direction: 'ascending' | 'descending';
}

/** Amounts start with the largest first, text from A. */
export function firstDirection(column: SortColumn): Sort['direction'] {
  return column === 'account' || column === 'name' ? 'ascending' : 'descending';
}

/** The customers whose name or account contains every word of the filter, any case. */
export function filterCustomers(customers: readonly AgedCustomerJson[], filter: string): AgedCustomerJson[] {
  const words = filter.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...customers];
  return customers.filter((c) => {
    const text = `${c.account} ${c.name}`.toLocaleLowerCase();
    return words.every((word) => text.includes(word));
  });
}

function amountOf(customer: AgedCustomerJson, column: SortColumn): number {
  if (column === 'balance') return customer.balance;
  if (column === 'overdue') return customer.overdue;
  return customer.buckets[Number(column.slice('period:'.length))] ?? 0;
}

/** A sorted copy; ties keep the report's order (by account), as Array.prototype.sort is stable. */
export function sortCustomers(customers: readonly AgedCustomerJson[], sort: Sort, locale: string): AgedCustomerJson[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const { column } = sort;
  if (column === 'account' || column === 'name') {
    const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
    return [...customers].sort((a, b) => sign * collator.compare(a[column], b[column]));
  }
  return [...customers].sort((a, b) => sign * (amountOf(a, column) - amountOf(b, column)));
}

/** 1,234,567 bytes → '1.2 MB'. */
export function formatBytes(bytes: number, locale: string): string {
  const units = [translate(locale, 'reports.download.bytes'), 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}
