// The customer picture the pane's header and overview show, as of a date: balance, overdue, aging,
// credit, payment history and collection counts, in minor units of the accounting currency.
import { ageLedger, DEFAULT_AGING_PERIODS, isOverdue, type AgedAmount } from './aging';
import { balanceOf, creditRemaining, deriveCreditRating, overdueHistory, overdueOf, type OverduePoint } from './credit';
import { countActiveContracts, type Contract } from './contracts';
import { addDays, addMonths } from './dates';
import { paymentHistory, type PaymentHistory } from './history';
import { ledgerAsOf, type LedgerAsOf } from './ledger-asof';
import { collectionStatuses, countCollectionStatuses, type CollectionCounts } from './statuses';
import type { AgingBy, AgingPeriod, CurrencyCode, CustomerProfile, IsoDate, LedgerEntry, Settlement } from './types';

export interface SummaryInput {
  profile: CustomerProfile;
  entries: LedgerEntry[];
  settlements: Settlement[];
  asOf: IsoDate;
  accountingCurrency: string;
  agingPeriods?: AgingPeriod[];
  agingBy?: AgingBy;
  /** The customer's contracts, whatever their dates (none when omitted). */
  contracts?: readonly Contract[];
}

/** Open and overdue of one transaction currency, in minor units of that currency. */
export interface CurrencyBalance {
  currency: CurrencyCode;
  balance: bigint;
  overdue: bigint;
}

/** Every amount is in minor units of `currency` (the accounting currency) unless its object names another. */
export interface Summary {
  asOf: IsoDate;
  currency: CurrencyCode;
  balance: bigint;
  overdue: bigint;
  creditLimit: bigint | null;
  /** Negative when over the limit; null without a limit. */
  creditRemaining: bigint | null;
  creditRating: string | null;
  creditRatingSource: 'imported' | 'derived' | null;
  aging: AgedAmount[];
  /** 60 days prior, 30 days prior, the as-of date: oldest first. */
  overdueHistory: OverduePoint[];
  outstandingInvoices: number;
  /** Per transaction currency with anything open, by currency code. */
  balancesByCurrency: CurrencyBalance[];
  paymentHistory: PaymentHistory;
  collection: CollectionCounts;
  /** Contracts in force on the as-of date. */
  activeContracts: number;
}

/** Open and overdue per transaction currency (in that currency), for currencies with anything open. */
function balancesByCurrency(ledger: LedgerAsOf): CurrencyBalance[] {
  const totals = new Map<string, { balance: bigint; overdue: bigint }>();
  for (const item of ledger.items) {
    if (item.open === 0n) continue;
    const total = totals.get(item.entry.currency) ?? { balance: 0n, overdue: 0n };
    total.balance += item.open;
    if (isOverdue(item.entry, ledger.asOf)) total.overdue += item.open;
    totals.set(item.entry.currency, total);
  }
  return [...totals.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([currency, total]) => ({ currency, ...total }));
}

export function summarize(input: SummaryInput): Summary {
  const { profile, entries, settlements, asOf } = input;
  const ledger = ledgerAsOf(entries, settlements, asOf);
  const balance = balanceOf(ledger);
  const statuses = collectionStatuses(ledger);
  const history = paymentHistory(ledger, balance);

  const yearAgo = addMonths(asOf, -12);
  const brokenInYear = ledger.items.filter(
    (item) =>
      statuses.get(item.entry.id) === 'promise_broken' && (item.entry.promiseDate ?? item.entry.statusDate ?? asOf) > yearAgo,
  ).length;
  const dueOver90 = addDays(asOf, -90);
  const overdueOver90 = ledger.items.some((item) => item.open > 0n && isOverdue(item.entry, dueOver90));
  const derived = deriveCreditRating({ ...history, brokenPromises: brokenInYear, overdueOver90 });

  return {
    asOf,
    currency: input.accountingCurrency,
    balance,
    overdue: overdueOf(ledger),
    creditLimit: profile.creditLimit,
    creditRemaining: creditRemaining(profile.creditLimit, balance),
    creditRating: profile.creditRating ?? derived,
    creditRatingSource: profile.creditRating !== null ? 'imported' : derived !== null ? 'derived' : null,
    aging: ageLedger(ledger, input.agingPeriods ?? DEFAULT_AGING_PERIODS, input.agingBy ?? 'due_date'),
    overdueHistory: overdueHistory(entries, settlements, asOf, ledger),
    outstandingInvoices: ledger.items.filter((item) => item.entry.kind === 'invoice' && item.isDebit && item.open !== 0n)
      .length,
    balancesByCurrency: balancesByCurrency(ledger),
    paymentHistory: history,
    collection: countCollectionStatuses(ledger, statuses),
    activeContracts: countActiveContracts(input.contracts ?? [], asOf),
  };
}
