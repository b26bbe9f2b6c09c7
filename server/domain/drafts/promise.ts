// Rule 3 of a promise: what each promised transaction gets. Named invoices without an amount get
// their open amount; an amount without invoices goes to the oldest overdue ones until it is used up.
import type { AmountMention } from './amounts';
import type { DraftTransaction, PromiseItem, ProposalAssumption } from './types';

function byDueDate(a: DraftTransaction, b: DraftTransaction): number {
  const ad = a.dueDate ?? '';
  const bd = b.dueDate ?? '';
  return ad < bd ? -1 : ad > bd ? 1 : a.document < b.document ? -1 : a.document > b.document ? 1 : 0;
}

/** Fills `amount` into the transactions in order, each at most its open amount. */
function allocate(transactions: readonly DraftTransaction[], amount: bigint): PromiseItem[] {
  const items: PromiseItem[] = [];
  let left = amount;
  for (const t of transactions) {
    if (left <= 0n) break;
    const part = t.open < left ? t.open : left;
    items.push({ transactionId: t.id, amount: part, currency: t.currency });
    left -= part;
  }
  return items;
}

export function promiseItems(
  named: readonly DraftTransaction[],
  amount: Pick<AmountMention, 'minor' | 'currency'> | null,
  all: readonly DraftTransaction[],
): { items: PromiseItem[]; assumptions: ProposalAssumption[] } {
  if (named.length > 0) {
    const usable = amount && amount.currency === named[0]!.currency ? amount.minor : null;
    if (usable === null) {
      return { items: named.map((t) => ({ transactionId: t.id, amount: t.open, currency: t.currency })), assumptions: ['amount_from_open'] };
    }
    return { items: allocate(named, usable), assumptions: [] };
  }
  const overdue = all.filter((t) => t.open > 0n && t.daysOverdue > 0 && (!amount || t.currency === amount.currency)).sort(byDueDate);
  if (!amount) {
    return {
      items: overdue.map((t) => ({ transactionId: t.id, amount: t.open, currency: t.currency })),
      assumptions: ['items_from_oldest_overdue', 'amount_from_open'],
    };
  }
  return { items: allocate(overdue, amount.minor), assumptions: ['items_from_oldest_overdue'] };
}
