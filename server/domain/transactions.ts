// A customer's transactions as of a date (all, or only those with something open), oldest due
// first, with open amounts in the transaction and accounting currencies and the status of the day.
import type { TransactionItem, TransactionsResponse } from '../http/contract';
import { daysOverdue } from './aging';
import { ledgerAsOf, type LedgerAsOfOptions } from './ledger-asof';
import { toJsonMinor } from './money';
import { collectionStatuses } from './statuses';
import type { IsoDate, LedgerEntry, Settlement } from './types';

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
): TransactionsResponse {
  const ledger = ledgerAsOf(entries, settlements, asOf, options);
  const statuses = collectionStatuses(ledger);
  const shown = status === 'open' ? ledger.items.filter((item) => item.open !== 0n) : ledger.items;
  const totals = new Map<string, bigint>();
  const items: TransactionItem[] = shown.map(({ entry, open, openAccounting }) => {
    totals.set(entry.currency, (totals.get(entry.currency) ?? 0n) + open);
    return {
      id: entry.id,
      kind: entry.kind,
      document: entry.document,
      postingDate: entry.postingDate,
      dueDate: entry.dueDate,
      currency: entry.currency,
      amount: toJsonMinor(entry.amount),
      open: toJsonMinor(open),
      openAccounting: toJsonMinor(openAccounting),
      daysOverdue: open > 0n ? daysOverdue(entry, asOf) : 0,
      collectionStatus: statuses.get(entry.id) ?? entry.collectionStatus,
      statusDate: entry.statusDate,
      promiseDate: entry.promiseDate,
      promiseAmount: entry.promiseAmount === null ? null : toJsonMinor(entry.promiseAmount),
      disputeReason: entry.disputeReason,
    };
  });
  items.sort(
    (a, b) =>
      compare(a.dueDate ?? a.postingDate, b.dueDate ?? b.postingDate) || compare(a.document, b.document) || compare(a.id, b.id),
  );
  return {
    asOf,
    accountingCurrency,
    items,
    totals: [...totals.entries()]
      .sort(([a], [b]) => compare(a, b))
      .map(([currency, open]) => ({ currency, open: toJsonMinor(open) })),
  };
}
