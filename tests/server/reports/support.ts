// Test support for the aged receivables report: what the domain says a customer's line is (from the
// whole ledger, through the summary's own functions), and the report's pages read whole.
import type { Kysely } from 'kysely';
import type { Database } from '../../../server/db/schema';
import { loadLedger } from '../../../server/db/repositories/ledger';
import { ageLedger } from '../../../server/domain/aging';
import { balanceOf, overdueOf } from '../../../server/domain/credit';
import { ledgerAsOf } from '../../../server/domain/ledger-asof';
import type { AgingBy, AgingPeriod, IsoDate } from '../../../server/domain/types';
import type { AgedCustomer, AgedCustomerPages } from '../../../server/reports/aged-receivables';

export type ExpectedLine = Pick<AgedCustomer, 'balance' | 'overdue' | 'buckets' | 'byCurrency'>;

/** The customer's line as the domain computes it, or null when nothing is open on the date. */
export async function domainLine(
  db: Kysely<Database>,
  customerId: string,
  asOf: IsoDate,
  periods: readonly AgingPeriod[],
  by: AgingBy,
): Promise<ExpectedLine | null> {
  const { entries, settlements } = await loadLedger(db, customerId, asOf);
  const ledger = ledgerAsOf(entries, settlements, asOf);
  const open = ledger.items.filter((item) => item.open !== 0n);
  if (open.length === 0) return null;
  const currencies = [...new Set(open.map((item) => item.entry.currency))].sort();
  return {
    balance: balanceOf(ledger),
    overdue: overdueOf(ledger),
    buckets: ageLedger(ledger, periods, by).map((aged) => aged.amount),
    // The same aging of one currency's items, counting their open amounts in that currency.
    byCurrency: currencies.map((currency) => {
      const items = ledger.items.filter((item) => item.entry.currency === currency).map((item) => ({ ...item, openAccounting: item.open }));
      const buckets = ageLedger({ ...ledger, items }, periods, by).map((aged) => aged.amount);
      return { currency, balance: buckets.reduce((sum, amount) => sum + amount, 0n), buckets };
    }),
  };
}

export async function allLines(pages: AgedCustomerPages): Promise<AgedCustomer[]> {
  const lines: AgedCustomer[] = [];
  for await (const page of pages) lines.push(...page);
  return lines;
}

export const QUARTERS: AgingPeriod[] = [
  { label: 'Up to 15', fromDays: null, toDays: 15 },
  { label: '16–90', fromDays: 16, toDays: 90 },
  { label: 'Over 90', fromDays: 91, toDays: null },
];
