// A customer's transactions as GET /api/customers/:id/transactions answers them: each entry
// flattened with its open amounts, status of the day, version and who set the status, money as JSON
// minor units.
import type { Transaction, TransactionList } from '../../domain/transactions';
import { toJsonMinor } from '../../domain/money';
import type { TransactionItem, TransactionsResponse } from '../schemas/transactions';
import type { Hold } from '../../domain/actions/holds';
import { holdRefJson } from './holds';

/** An entry's version and who set its status (repositories/ledger.ts entryActionStates). */
export type ActionStates = ReadonlyMap<string, { version: number; statusSetBy: string | null; documentUrl?: string | null }>;

/** NSF fees by currency (config NSF_FEE), in minor units. */
export type NsfFees = Readonly<Record<string, bigint>>;

export function transactionJson(
  { entry, open, openAccounting, daysOverdue, collectionStatus }: Transaction,
  states: ActionStates = new Map(),
  holds: ReadonlyMap<string, Hold> = new Map(),
  nsfFees?: NsfFees,
): TransactionItem {
  const nsfFee = nsfFees?.[entry.currency];
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
    version: states.get(entry.id)?.version ?? 1,
    statusSetBy: states.get(entry.id)?.statusSetBy ?? null,
    documentUrl: states.get(entry.id)?.documentUrl ?? null,
    hold: holdRefJson(holds.get(entry.id)),
    // What the pane's NSF dialog offers to charge: only on payments, only when the fees are known.
    ...(nsfFees && entry.kind === 'payment' ? { nsfFee: nsfFee === undefined ? null : toJsonMinor(nsfFee) } : {}),
  };
}

/** `holds`: the transaction holds in force on the as-of date, by transaction id; `nsfFees`: set on payments. */
export function transactionsJson(
  list: TransactionList,
  states: ActionStates = new Map(),
  holds: ReadonlyMap<string, Hold> = new Map(),
  nsfFees?: NsfFees,
): TransactionsResponse {
  return {
    asOf: list.asOf,
    accountingCurrency: list.accountingCurrency,
    items: list.items.map((item) => transactionJson(item, states, holds, nsfFees)),
    totals: list.totals.map(({ currency, open }) => ({ currency, open: toJsonMinor(open) })),
  };
}
