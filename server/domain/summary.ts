// The customer picture the pane's header and overview show, as of a date: balance, overdue, aging,
// credit, payment history and collection counts, with money as JSON minor units.
import type { CurrencyBalance, CustomerSummary } from '../http/contract';
import { ageLedger, DEFAULT_AGING_PERIODS, isOverdue } from './aging';
import { balanceOf, creditRemaining, deriveCreditRating, overdueHistory, overdueOf } from './credit';
import { addDays, addMonths } from './dates';
import { paymentHistory } from './history';
import { ledgerAsOf, type LedgerAsOf } from './ledger-asof';
import { toJsonMinor } from './money';
import { collectionStatuses, countCollectionStatuses } from './statuses';
import type { AgingBy, AgingPeriod, CustomerProfile, IsoDate, LedgerEntry, Settlement } from './types';

export interface SummaryInput {
  profile: CustomerProfile;
  entries: LedgerEntry[];
  settlements: Settlement[];
  asOf: IsoDate;
  accountingCurrency: string;
  agingPeriods?: AgingPeriod[];
  agingBy?: AgingBy;
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
  return [...totals.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([currency, total]) => ({ currency, balance: toJsonMinor(total.balance), overdue: toJsonMinor(total.overdue) }));
}

export function summarize(input: SummaryInput): Omit<CustomerSummary, 'customer'> {
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
  const remaining = creditRemaining(profile.creditLimit, balance);

  return {
    asOf,
    currency: input.accountingCurrency,
    balance: toJsonMinor(balance),
    overdue: toJsonMinor(overdueOf(ledger)),
    creditLimit: profile.creditLimit === null ? null : toJsonMinor(profile.creditLimit),
    creditRemaining: remaining === null ? null : toJsonMinor(remaining),
    creditRating: profile.creditRating ?? derived,
    creditRatingSource: profile.creditRating !== null ? 'imported' : derived !== null ? 'derived' : null,
    aging: ageLedger(ledger, input.agingPeriods ?? DEFAULT_AGING_PERIODS, input.agingBy ?? 'due_date').map(
      ({ period, amount }) => ({ ...period, amount: toJsonMinor(amount) }),
    ),
    overdueHistory: overdueHistory(entries, settlements, asOf, ledger).map((point) => ({
      asOf: point.asOf,
      amount: toJsonMinor(point.amount),
    })),
    outstandingInvoices: ledger.items.filter((item) => item.entry.kind === 'invoice' && item.isDebit && item.open !== 0n)
      .length,
    balancesByCurrency: balancesByCurrency(ledger),
    paymentHistory: {
      onTimeShare: history.onTimeShare,
      averageDaysLate: history.averageDaysLate,
      dso: history.dso,
      months: history.months,
    },
    collection: countCollectionStatuses(ledger, statuses),
  };
}
