// The ledger as it stood on a date: the entries posted on or before it, each with its open amount
// after the settlements that had taken effect by then. Every other figure is computed from this.
import { prorate } from './money';
import type { IsoDate, LedgerEntry, Settlement } from './types';

export interface AppliedSettlement {
  /** When the settlement takes effect: the latest of its own date and both entries' posting dates. */
  date: IsoDate;
  /** In the shared currency of the debit and the credit; always positive for a normal settlement. */
  amount: bigint;
  /** The other side: the credit for a debit, the debit for a credit; null when not loaded (see `subset`). */
  counterpart: LedgerEntry | null;
}

export interface EntryAsOf {
  entry: LedgerEntry;
  /** Debits have a positive amount, credits a negative one. */
  isDebit: boolean;
  /** Signed, in the transaction currency: a debit's open moves down to 0, a credit's up to 0. */
  open: bigint;
  /** `amountAccounting` in proportion to the open part, rounded half away from zero. */
  openAccounting: bigint;
  /** The settlements that had taken effect by the as-of date, oldest first. */
  settlements: AppliedSettlement[];
  /** The date the open amount reached zero; null while something is open. */
  settledOn: IsoDate | null;
}

export interface LedgerAsOf {
  asOf: IsoDate;
  /** The entries posted on or before `asOf`, in input order. */
  items: EntryAsOf[];
  byId: ReadonlyMap<string, EntryAsOf>;
}

function laterOf(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

export interface LedgerAsOfOptions {
  /**
   * `entries` are only some of the customer's (those open on `asOf`), with every settlement of each
   * dated by then. A settlement whose other side is not among them still counts for the side that
   * is: the import refuses a settlement dated before either of its entries, so by its date the
   * missing side was posted.
   */
  subset?: boolean;
}

/**
 * The ledger as of `asOf`. A settlement counts only once both of its entries are posted and its
 * date has come, so a settlement never moves money into or out of the picture on its own: the
 * balance always equals the sum of the posted amounts. Settlements whose debit or credit is not
 * among `entries` (or not yet posted) are left out for the same reason, unless `subset` says the
 * entries are a part of the ledger.
 */
export function ledgerAsOf(
  entries: readonly LedgerEntry[],
  settlements: readonly Settlement[],
  asOf: IsoDate,
  options: LedgerAsOfOptions = {},
): LedgerAsOf {
  const byId = new Map<string, EntryAsOf>();
  const items: EntryAsOf[] = [];
  for (const entry of entries) {
    if (entry.postingDate > asOf) continue;
    const item: EntryAsOf = {
      entry,
      isDebit: entry.amount > 0n,
      open: entry.amount,
      openAccounting: entry.amountAccounting,
      settlements: [],
      settledOn: null,
    };
    byId.set(entry.id, item);
    items.push(item);
  }

  for (const settlement of settlements) {
    const debit = byId.get(settlement.debitId);
    const credit = byId.get(settlement.creditId);
    if (debit && credit) {
      const date = laterOf(settlement.date, laterOf(debit.entry.postingDate, credit.entry.postingDate));
      if (date > asOf) continue;
      debit.open -= settlement.amount;
      credit.open += settlement.amount;
      debit.settlements.push({ date, amount: settlement.amount, counterpart: credit.entry });
      credit.settlements.push({ date, amount: settlement.amount, counterpart: debit.entry });
    } else if (options.subset && (debit ?? credit)) {
      const item = (debit ?? credit)!;
      const date = laterOf(settlement.date, item.entry.postingDate);
      if (date > asOf) continue;
      item.open += debit ? -settlement.amount : settlement.amount;
      item.settlements.push({ date, amount: settlement.amount, counterpart: null });
    }
  }

  for (const item of items) {
    if (item.settlements.length === 0) continue;
    item.settlements.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    item.openAccounting = item.entry.amount === 0n ? 0n : prorate(item.entry.amountAccounting, item.open, item.entry.amount);
    item.settledOn = item.open === 0n ? settledOn(item) : null;
  }
  return { asOf, items, byId };
}

/** The date of the settlement that last brought the entry's open amount to zero. */
function settledOn(item: EntryAsOf): IsoDate | null {
  const size = item.entry.amount < 0n ? -item.entry.amount : item.entry.amount;
  let settled = 0n;
  let date: IsoDate | null = null;
  for (const applied of item.settlements) {
    settled += applied.amount;
    if (settled < size) date = null;
    else date ??= applied.date;
  }
  return date;
}

/** Total of the settlements applied to `item` dated within [from, date] (from unbounded if null). */
export function settledBy(item: EntryAsOf, date: IsoDate, from: IsoDate | null = null): bigint {
  let total = 0n;
  for (const applied of item.settlements) {
    if (applied.date > date) break;
    if (from === null || applied.date >= from) total += applied.amount;
  }
  return total;
}
