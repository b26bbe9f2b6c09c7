// A customer's transactions as GET /api/customers/:id/transactions answers them: each entry
// flattened with its open amounts and status of the day, money as JSON minor units.
import type { Transaction, TransactionList } from '../../domain/transactions';
import { toJsonMinor } from '../../domain/money';
import type { TransactionItem, TransactionsResponse } from '../schemas/transactions';

export function transactionJson({ entry, open, openAccounting, daysOverdue, collectionStatus }: Transaction): TransactionItem {
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
    daysOverdue,
    collectionStatus,
    statusDate: entry.statusDate,
    promiseDate: entry.promiseDate,
    promiseAmount: entry.promiseAmount === null ? null : toJsonMinor(entry.promiseAmount),
    disputeReason: entry.disputeReason,
  };
}

export function transactionsJson(list: TransactionList): TransactionsResponse {
  return {
    asOf: list.asOf,
    accountingCurrency: list.accountingCurrency,
    items: list.items.map(transactionJson),
    totals: list.totals.map(({ currency, open }) => ({ currency, open: toJsonMinor(open) })),
  };
}
