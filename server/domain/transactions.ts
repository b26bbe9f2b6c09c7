// A customer's transactions as of a date (all, or only those with something open), oldest due
// first, with open amounts in the transaction and accounting currencies and the status of the day.
import { daysOverdue } from './aging';
import { ledgerAsOf, type LedgerAsOfOptions } from './ledger-asof';
import { collectionStatuses } from './statuses';
import type { CollectionStatus, CurrencyCode, IsoDate, LedgerEntry, Settlement } from './types';

/** One transaction as it stood on the as-of date. */
export interface Transaction {
  entry: LedgerEntry;
  /** Signed, in the entry's currency. */
  open: bigint;
  /** In the accounting currency. */
  openAccounting: bigint;
  /** 0 when nothing is open, when not overdue and for credits. */
  daysOverdue: number;
  /** As of the date: a stored promise to pay may read broken by then (entry.collectionStatus is the stored one). */
  collectionStatus: CollectionStatus;
}

export interface TransactionList {
  asOf: IsoDate;
  accountingCurrency: CurrencyCode;
  items: Transaction[];
  /** Open amount per transaction currency, by currency code. */
  totals: { currency: CurrencyCode; open: bigint }[];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `options.subset` when `entries` are only those open on `asOf` (enough for status 'open').
 * Sorted by due date, oldest first; an entry without a due date (a payment, a credit note) sorts
 * by its posting date, as if due when posted. Ties by document number, then id.
 */
export function listTransactions(
  entries: LedgerEntry[],
  settlements: Settlement[],
  asOf: IsoDate,
  status: 'open' | 'all',
  accountingCurrency: string,
  options: LedgerAsOfOptions = {},
): TransactionList {
  const ledger = ledgerAsOf(entries, settlements, asOf, options);
  const statuses = collectionStatuses(ledger);
  const shown = status === 'open' ? ledger.items.filter((item) => item.open !== 0n) : ledger.items;
  const totals = new Map<string, bigint>();
  const items: Transaction[] = shown.map(({ entry, open, openAccounting }) => {
    totals.set(entry.currency, (totals.get(entry.currency) ?? 0n) + open);
    return {
      entry,
      open,
      openAccounting,
      daysOverdue: open > 0n ? daysOverdue(entry, asOf) : 0,
      collectionStatus: statuses.get(entry.id) ?? entry.collectionStatus,
    };
  });
  items.sort(
    ({ entry: a }, { entry: b }) =>
      compare(a.dueDate ?? a.postingDate, b.dueDate ?? b.postingDate) || compare(a.document, b.document) || compare(a.id, b.id),
  );
  return {
    asOf,
    accountingCurrency,
    items,
    totals: [...totals.entries()].sort(([a], [b]) => compare(a, b)).map(([currency, open]) => ({ currency, open })),
  };
}
