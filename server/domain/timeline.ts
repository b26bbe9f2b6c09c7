// The customer's ledger as a timeline, newest first, with what a hover card shows: amounts, due
// date, open amount, status, and the settlements linking debits and credits both ways.
import { daysOverdue } from './aging';
import { ledgerAsOf } from './ledger-asof';
import { collectionStatuses } from './statuses';
import type { CurrencyCode, IsoDate, LedgerEntry, LedgerKind, Settlement } from './types';

/** The other side of a settlement, as the entry that carries it shows it. */
export interface SettlementRef {
  document: string;
  kind: LedgerKind;
  date: IsoDate;
  /** In the currency of the entry that carries this ref. */
  amount: bigint;
}

/**
 * A hover card's detail: a bigint is an amount in minor units (of the entry's currency unless a
 * sibling detail names another), a number a count such as days or a level.
 */
export type TimelineDetail = string | number | bigint | null;

/** A ledger entry, a collection letter, an activity or a statement sent, on the customer's timeline. */
export interface TimelineEntry {
  id: string;
  type: LedgerKind | 'letter' | 'activity' | 'statement';
  date: IsoDate;
  /** Document number, letter number, or the activity's purpose. */
  title: string;
  currency: CurrencyCode | null;
  amount: bigint | null;
  dueDate: IsoDate | null;
  /** Open amount today (transactions only). */
  open: bigint | null;
  /** For debits: the credits that settled it; for credits: the debits it settled. */
  settlements: SettlementRef[];
  details: Record<string, TimelineDetail>;
}

/** Newest first; on the same date, the later list's entries after the earlier list's. Stable. */
export function mergeTimeline<T extends { date: IsoDate }>(...lists: T[][]): T[] {
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
    if (entry.promiseAmount !== null) details.promiseAmount = entry.promiseAmount;
    if (entry.disputeReason !== null) details.disputeReason = entry.disputeReason;
    return {
      id: entry.id,
      type: entry.kind,
      date: entry.postingDate,
      title: entry.document,
      currency: entry.currency,
      amount: entry.amount,
      dueDate: entry.dueDate,
      open,
      // The timeline reads whole ledgers, so every counterpart is there.
      settlements: applied.flatMap((s) =>
        s.counterpart ? [{ document: s.counterpart.document, kind: s.counterpart.kind, date: s.date, amount: s.amount }] : [],
      ),
      details,
    };
  });
}
