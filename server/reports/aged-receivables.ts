// The aged receivables report as values: what it is asked for, one customer's line, and the totals,
// which are the sum of the lines (added up as the lines stream past, so nothing is held but them).
import type { AgingBy, AgingPeriod, CurrencyCode, IsoDate } from '../domain/types';

export interface AgedReceivablesQuery {
  asOf: IsoDate;
  by: AgingBy;
  periods: readonly AgingPeriod[];
  /** Only the customers whose default agent this is; null: every customer. */
  agentId: string | null;
}

/** Open amounts of one transaction currency, in minor units of that currency. */
export interface CurrencyAging {
  currency: CurrencyCode;
  balance: bigint;
  /** One amount per period, in the order of the periods. */
  buckets: bigint[];
}

/** A customer with anything open on the date; amounts in minor units of the accounting currency. */
export interface AgedCustomer {
  id: string;
  account: string;
  name: string;
  balance: bigint;
  /** Open debits past their due date: the summary's overdue, whatever the basis and periods. */
  overdue: bigint;
  buckets: bigint[];
  /** Per transaction currency, by currency code. */
  byCurrency: CurrencyAging[];
}

export interface AgedTotals {
  balance: bigint;
  overdue: bigint;
  buckets: bigint[];
  byCurrency: CurrencyAging[];
}

/** What every format writes above the lines: the date, basis, periods and accounting currency. */
export interface AgedReceivablesHeading {
  asOf: IsoDate;
  by: AgingBy;
  currency: CurrencyCode;
  periods: readonly AgingPeriod[];
}

/** The columns of a line in the downloads, before one column per period. */
export const LINE_COLUMNS = ['Account', 'Name', 'Currency', 'Balance', 'Overdue'] as const;

/** The customers in pages, as the repository streams them (by account). */
export type AgedCustomerPages = AsyncIterable<AgedCustomer[]>;

export function emptyCurrencyAging(currency: CurrencyCode, periods: number): CurrencyAging {
  return { currency, balance: 0n, buckets: new Array<bigint>(periods).fill(0n) };
}

/** Running totals of the lines added so far. */
export class TotalsAccumulator {
  private balance = 0n;
  private overdue = 0n;
  private readonly buckets: bigint[];
  private readonly currencies = new Map<CurrencyCode, CurrencyAging>();

  constructor(private readonly periods: number) {
    this.buckets = new Array<bigint>(periods).fill(0n);
  }

  add(customer: AgedCustomer): void {
    this.balance += customer.balance;
    this.overdue += customer.overdue;
    for (let i = 0; i < this.periods; i += 1) this.buckets[i]! += customer.buckets[i]!;
    for (const line of customer.byCurrency) {
      let total = this.currencies.get(line.currency);
      if (!total) this.currencies.set(line.currency, (total = emptyCurrencyAging(line.currency, this.periods)));
      total.balance += line.balance;
      for (let i = 0; i < this.periods; i += 1) total.buckets[i]! += line.buckets[i]!;
    }
  }

  totals(): AgedTotals {
    const byCurrency = [...this.currencies.values()].sort((a, b) => (a.currency < b.currency ? -1 : 1));
    return { balance: this.balance, overdue: this.overdue, buckets: [...this.buckets], byCurrency };
  }
}
