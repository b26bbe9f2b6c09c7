// Which stored promises to pay the broken-promise job persists as broken today: those whose date
// plus the grace days has passed without the promised amount settled by then (statuses.ts decides
// kept or broken; the grace moves the promise date it judges by).
import { addDays } from '../dates';
import { brokenPromises } from '../statuses';
import type { IsoDate, LedgerEntry, Settlement } from '../types';

export function promisesToBreak(entries: readonly LedgerEntry[], settlements: readonly Settlement[], today: IsoDate, graceDays: number): LedgerEntry[] {
  const shifted = entries.map((e) => (e.collectionStatus === 'promise_to_pay' && e.promiseDate !== null ? { ...e, promiseDate: addDays(e.promiseDate, graceDays) } : e));
  const { ids } = brokenPromises(shifted, settlements, today);
  const broken = new Set(ids);
  return entries.filter((e) => broken.has(e.id));
}
