// Statements of account, pure: the open items as of a date (every open entry with its document,
// dates, days overdue and open amount, totals per currency and the aging, by the same rules as the
// transactions list and the summary), and the activity of a period (opening balance, every posting,
// closing balance = opening + postings, per currency).
import { ageLedger, DEFAULT_AGING_PERIODS, type AgedAmount } from './aging';
import { addDays } from './dates';
import { LETTER_DELIVERIES } from './letters';
import { ledgerAsOf } from './ledger-asof';
import { listTransactions } from './transactions';
import type { CurrencyCode, IsoDate, LedgerEntry, LedgerKind, Settlement } from './types';

export const STATEMENT_KINDS = ['open_items', 'activity'] as const;
export type StatementKind = (typeof STATEMENT_KINDS)[number];

/** A statement goes out the way letters do: in a reply from the pane, or through Graph. */
export const STATEMENT_DELIVERIES = LETTER_DELIVERIES;
export type StatementDelivery = (typeof STATEMENT_DELIVERIES)[number];

export interface StatementItem {
  entryId: string;
  kind: LedgerKind;
  document: string;
  postingDate: IsoDate;
  dueDate: IsoDate | null;
  currency: CurrencyCode;
  /** Signed, in the entry's currency. */
  amount: bigint;
  open: bigint;
  /** In the accounting currency. */
  openAccounting: bigint;
  daysOverdue: number;
}

export interface CurrencyTotal {
  currency: CurrencyCode;
  open: bigint;
}

export interface OpenItemsStatement {
  kind: 'open_items';
  asOf: IsoDate;
  accountingCurrency: CurrencyCode;
  /** Oldest due first, as the transactions list orders them. */
  items: StatementItem[];
  /** Open amount per transaction currency, by currency code. */
  totals: CurrencyTotal[];
  /** The whole open balance aged as the summary ages it, in the accounting currency. */
  aging: AgedAmount[];
  /** Σ aging: the open balance in the accounting currency. */
  balance: bigint;
}

export interface ActivityPosting {
  entryId: string;
  kind: LedgerKind;
  document: string;
  postingDate: IsoDate;
  dueDate: IsoDate | null;
  currency: CurrencyCode;
  amount: bigint;
  /** The currency's running balance after this posting. */
  balance: bigint;
}

export interface ActivityCurrency {
  currency: CurrencyCode;
  /** Σ amounts posted before `from`. */
  opening: bigint;
  /** Σ amounts posted within [from, asOf]. */
  postings: bigint;
  /** opening + postings. */
  closing: bigint;
}

export interface ActivityStatement {
  kind: 'activity';
  from: IsoDate;
  asOf: IsoDate;
  accountingCurrency: CurrencyCode;
  /** By posting date, then document. */
  postings: ActivityPosting[];
  /** Per currency with an opening balance or a posting, by currency code. */
  currencies: ActivityCurrency[];
}

export type Statement = OpenItemsStatement | ActivityStatement;

export function openItemsStatement(
  entries: readonly LedgerEntry[],
  settlements: readonly Settlement[],
  asOf: IsoDate,
  accountingCurrency: CurrencyCode,
): OpenItemsStatement {
  const list = listTransactions([...entries], [...settlements], asOf, 'open', accountingCurrency);
  const aging = ageLedger(ledgerAsOf(entries, settlements, asOf), DEFAULT_AGING_PERIODS, 'due_date');
  return {
    kind: 'open_items',
    asOf,
    accountingCurrency,
    items: list.items.map(({ entry, open, openAccounting, daysOverdue }) => ({
      entryId: entry.id,
      kind: entry.kind,
      document: entry.document,
      postingDate: entry.postingDate,
      dueDate: entry.dueDate,
      currency: entry.currency,
      amount: entry.amount,
      open,
      openAccounting,
      daysOverdue,
    })),
    totals: list.totals,
    aging,
    balance: aging.reduce((sum, bucket) => sum + bucket.amount, 0n),
  };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every amount posted within [from, asOf] with a running balance per currency. The balance of a
 * ledger is the sum of what was posted (settlements move nothing in or out), so the opening balance
 * is the sum of the amounts posted before `from` and the closing one equals the open total on `asOf`.
 */
export function activityStatement(entries: readonly LedgerEntry[], from: IsoDate, asOf: IsoDate, accountingCurrency: CurrencyCode): ActivityStatement {
  if (from > asOf) throw new RangeError(`An activity statement's period starts (${from}) after it ends (${asOf}).`);
  const byCurrency = new Map<CurrencyCode, ActivityCurrency>();
  const of = (currency: CurrencyCode) => {
    let found = byCurrency.get(currency);
    if (!found) byCurrency.set(currency, (found = { currency, opening: 0n, postings: 0n, closing: 0n }));
    return found;
  };
  const inPeriod: LedgerEntry[] = [];
  for (const entry of entries) {
    if (entry.postingDate > asOf) continue;
    if (entry.postingDate < from) of(entry.currency).opening += entry.amount;
    else inPeriod.push(entry);
  }
  inPeriod.sort((a, b) => compare(a.postingDate, b.postingDate) || compare(a.document, b.document) || compare(a.id, b.id));
  const running = new Map<CurrencyCode, bigint>();
  const postings = inPeriod.map((entry) => {
    const total = of(entry.currency);
    total.postings += entry.amount;
    const balance = (running.get(entry.currency) ?? total.opening) + entry.amount;
    running.set(entry.currency, balance);
    return {
      entryId: entry.id, kind: entry.kind, document: entry.document, postingDate: entry.postingDate, dueDate: entry.dueDate,
      currency: entry.currency, amount: entry.amount, balance,
    };
  });
  const currencies = [...byCurrency.values()].map((c) => ({ ...c, closing: c.opening + c.postings })).sort((a, b) => compare(a.currency, b.currency));
  return { kind: 'activity', from, asOf, accountingCurrency, postings, currencies };
}

/** An activity statement's default period: the month up to the as-of date. */
export function defaultActivityFrom(asOf: IsoDate): IsoDate {
  return addDays(asOf, -30);
}
