// The customer's ledger as a timeline, newest first, with what a hover card shows: amounts, due
// date, open amount, status, and the settlements linking debits and credits both ways.
import type { TimelineEntry } from '../http/contract';
import { daysOverdue } from './aging';
import { ledgerAsOf } from './ledger-asof';
import { toJsonMinor } from './money';
import { collectionStatuses } from './statuses';
import type { IsoDate, LedgerEntry, Settlement } from './types';

/** Newest first; on the same date, the later list's entries after the earlier list's. Stable. */
export function mergeTimeline(...lists: TimelineEntry[][]): TimelineEntry[] {
  return lists.flat().sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

/**
 * Ledger entries posted within [from, to] and on or before `asOf`, newest first (same date: by
 * document number, descending). Open amounts, statuses and settlements are those as of `asOf`.
 */
export function buildTimeline(
  entries: LedgerEntry[],
  settlements: Settlement[],
  from: IsoDate,
  to: IsoDate,
  asOf: IsoDate,
): TimelineEntry[] {
  const ledger = ledgerAsOf(entries, settlements, asOf);
  const statuses = collectionStatuses(ledger);
  const shown = ledger.items.filter((item) => item.entry.postingDate >= from && item.entry.postingDate <= to);
  shown.sort((a, b) => {
    const x = a.entry;
    const y = b.entry;
    if (x.postingDate !== y.postingDate) return x.postingDate < y.postingDate ? 1 : -1;
    return x.document < y.document ? 1 : x.document > y.document ? -1 : 0;
  });
  return shown.map(({ entry, open, isDebit, settlements: applied }) => {
    const details: TimelineEntry['details'] = { status: statuses.get(entry.id) ?? entry.collectionStatus };
    if (isDebit) details.daysOverdue = open > 0n ? daysOverdue(entry, asOf) : 0;
    if (entry.promiseDate !== null) details.promiseDate = entry.promiseDate;
    if (entry.promiseAmount !== null) details.promiseAmount = toJsonMinor(entry.promiseAmount);
    if (entry.disputeReason !== null) details.disputeReason = entry.disputeReason;
    return {
      id: entry.id,
      type: entry.kind,
      date: entry.postingDate,
      title: entry.document,
      currency: entry.currency,
      amount: toJsonMinor(entry.amount),
      dueDate: entry.dueDate,
      open: toJsonMinor(open),
      // The timeline reads whole ledgers, so every counterpart is there.
      settlements: applied.flatMap((s) =>
        s.counterpart ? [{ document: s.counterpart.document, kind: s.counterpart.kind, date: s.date, amount: toJsonMinor(s.amount) }] : [],
      ),
      details,
    };
  });
}
