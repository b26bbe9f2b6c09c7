// What the money-moving actions (settle, write-off, NSF) check against: each named ledger entry as
// it stands today, with its open amount and version, and the refusals they share.
import { unprocessable } from '../errors';
import type { CurrencyCode, IsoDate, LedgerKind } from '../types';

export interface OpenItem {
  id: string;
  document: string;
  kind: LedgerKind;
  currency: CurrencyCode;
  postingDate: IsoDate;
  dueDate: IsoDate | null;
  /** Signed: debits positive, credits negative. */
  amount: bigint;
  amountAccounting: bigint;
  /** Signed like amount, after the settlements dated by today. */
  open: bigint;
  version: number;
}

/** A new ledger entry an action posts (ids and external ids are given when it is stored). */
export interface NewEntry {
  kind: LedgerKind;
  currency: CurrencyCode;
  amount: bigint;
  amountAccounting: bigint;
  postingDate: IsoDate;
}

/** A settlement to store; `debitId`/`creditId` may name an entry of `entries` by `new:<index>`. */
export interface PlannedSettlement {
  debitId: string;
  creditId: string;
  amount: bigint;
  date: IsoDate;
}

/** The named entry is a debit of the customer with something open. */
export function openDebit(items: ReadonlyMap<string, OpenItem>, id: string, field: string): OpenItem {
  const item = items.get(id);
  if (!item || item.amount <= 0n) throw unprocessable('not_a_debit', `Field '${field}': ${id} is not a debit of this customer.`, { field, id });
  if (item.open <= 0n) throw unprocessable('entry_closed', `Field '${field}': ${item.document} is already settled.`, { field, id });
  return item;
}

/** The named entry is a credit (payment, credit note) of the customer with something open. */
export function openCredit(items: ReadonlyMap<string, OpenItem>, id: string, field: string): OpenItem {
  const item = items.get(id);
  if (!item || item.amount >= 0n) throw unprocessable('not_a_credit', `Field '${field}': ${id} is not a credit of this customer.`, { field, id });
  if (item.open >= 0n) throw unprocessable('entry_closed', `Field '${field}': ${item.document} is already settled.`, { field, id });
  return item;
}

export function moreThanOpen(field: string, item: OpenItem, left: bigint): never {
  throw unprocessable('more_than_open', `Field '${field}' must be at most what is open of ${item.document} (${left} minor units).`, {
    field,
    open: Number(left),
  });
}

/** Oldest due first (a credit or an entry without a due date by its posting date), then document. */
export function oldestFirst(a: OpenItem, b: OpenItem): number {
  const [da, db] = [a.dueDate ?? a.postingDate, b.dueDate ?? b.postingDate];
  return da < db ? -1 : da > db ? 1 : a.document < b.document ? -1 : a.document > b.document ? 1 : 0;
}

/** What the postings feed carries: entries posted here, settlements made here and their reversals, interest notes (their entry). */
export const POSTING_KINDS = ['entry', 'settlement', 'settlement_reversal', 'interest_note'] as const;
export type PostingKind = (typeof POSTING_KINDS)[number];
