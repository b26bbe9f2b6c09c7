// Collection statuses as they stood on a date, including promises to pay that broke because their
// date passed without the promised settlement.
import { ledgerAsOf, settledBy, type EntryAsOf, type LedgerAsOf } from './ledger-asof';
import type { CollectionStatus, IsoDate, LedgerEntry, Settlement } from './types';

/**
 * A promise is kept when, by its promise date, the debit was fully settled, or the settlements
 * dated from the day the promise was made (its status date) to the promise date reach the promised
 * amount.
 */
function promiseKept(item: EntryAsOf, promiseDate: IsoDate): boolean {
  const { entry } = item;
  if (entry.amount - settledBy(item, promiseDate) <= 0n) return true;
  if (entry.promiseAmount === null) return false;
  return settledBy(item, promiseDate, entry.statusDate) >= entry.promiseAmount;
}

/**
 * The status of an entry as of `asOf`. A status set after `asOf` (status date later) did not exist
 * yet, so it reads 'none'. A debit's promise to pay whose date is before `asOf` and that was not
 * kept reads 'promise_broken'; one persisted as broken reads 'promise_to_pay' up to its date.
 */
export function collectionStatusAsOf(item: EntryAsOf, asOf: IsoDate): CollectionStatus {
  const { entry } = item;
  if (entry.statusDate !== null && entry.statusDate > asOf) return 'none';
  // A promise the job persisted as broken still stood up to its promise date.
  if (entry.collectionStatus === 'promise_broken' && entry.promiseDate !== null && asOf <= entry.promiseDate) return 'promise_to_pay';
  if (entry.collectionStatus !== 'promise_to_pay' || !item.isDebit) return entry.collectionStatus;
  if (entry.promiseDate === null || entry.promiseDate >= asOf) return 'promise_to_pay';
  return promiseKept(item, entry.promiseDate) ? 'promise_to_pay' : 'promise_broken';
}

/** The status as of the ledger's date of every entry in it, by entry id. */
export function collectionStatuses(ledger: LedgerAsOf): Map<string, CollectionStatus> {
  return new Map(ledger.items.map((item) => [item.entry.id, collectionStatusAsOf(item, ledger.asOf)]));
}

/**
 * Promises to pay broken as of `asOf`. `ids` are the entries still stored as 'promise_to_pay' that
 * read 'promise_broken' by then (what the status automation has to persist); `statuses` is every
 * posted entry's status as of `asOf`.
 */
export function brokenPromises(
  entries: readonly LedgerEntry[],
  settlements: readonly Settlement[],
  asOf: IsoDate,
): { ids: string[]; statuses: Map<string, CollectionStatus> } {
  const ledger = ledgerAsOf(entries, settlements, asOf);
  const statuses = collectionStatuses(ledger);
  const ids = ledger.items
    .filter((item) => item.entry.collectionStatus === 'promise_to_pay' && statuses.get(item.entry.id) === 'promise_broken')
    .map((item) => item.entry.id);
  return { ids, statuses };
}

export interface CollectionCounts {
  /** Open entries with a promise to pay that still stands. */
  promises: number;
  /** Open entries whose promise to pay is broken. */
  brokenPromises: number;
  /** Open entries in dispute. */
  disputes: number;
}

export function countCollectionStatuses(ledger: LedgerAsOf, statuses: ReadonlyMap<string, CollectionStatus>): CollectionCounts {
  const counts: CollectionCounts = { promises: 0, brokenPromises: 0, disputes: 0 };
  for (const item of ledger.items) {
    if (item.open === 0n) continue;
    const status = statuses.get(item.entry.id);
    if (status === 'promise_to_pay') counts.promises += 1;
    else if (status === 'promise_broken') counts.brokenPromises += 1;
    else if (status === 'disputed') counts.disputes += 1;
  }
  return counts;
}
