// What a letter leaves out of the customer's overdue, so the pane can explain why "Overdue in this
// letter" is less than the header's overdue: past-due items under a standing promise to pay, in
// dispute, or on a collections hold. Pure: the same ledger and holds the proposal is made from.
import { ledgerAsOf } from '../domain/ledger-asof';
import { collectionStatusAsOf } from '../domain/statuses';
import type { IsoDate, LedgerEntry, Settlement } from '../domain/types';

/** Open amounts in minor units of the accounting currency, by why the letter leaves them out. */
export interface LeftOut {
  promised: bigint;
  disputed: bigint;
  held: bigint;
}

/**
 * The overdue items (as the header counts them: past-due debits, in the accounting currency) that a
 * letter does not list, by reason; the header's overdue is the letter's lines plus these. A hold
 * counts before the item's status, as the proposal leaves a held item out whatever its status.
 */
export function leftOutOfLetter(
  ledger: { entries: readonly LedgerEntry[]; settlements: readonly Settlement[] },
  asOf: IsoDate,
  held: ReadonlySet<string>,
): LeftOut {
  const leftOut: LeftOut = { promised: 0n, disputed: 0n, held: 0n };
  for (const item of ledgerAsOf(ledger.entries, ledger.settlements, asOf, { subset: true }).items) {
    const { entry } = item;
    if (!item.isDebit || item.open <= 0n || entry.dueDate === null || entry.dueDate >= asOf) continue;
    if (held.has(entry.id)) {
      leftOut.held += item.openAccounting;
      continue;
    }
    const status = collectionStatusAsOf(item, asOf);
    if (status === 'promise_to_pay') leftOut.promised += item.openAccounting;
    else if (status === 'disputed') leftOut.disputed += item.openAccounting;
  }
  return leftOut;
}
