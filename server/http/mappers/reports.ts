// The aged receivables report at the JSON edge, both ways: the periods of the query string become
// the domain's periods, and the report's values become its JSON text, written as the customers
// stream in (money as JSON minor units).
import { DEFAULT_AGING_PERIODS } from '../../domain/aging';
import { DomainError } from '../../domain/errors';
import { toJsonMinor } from '../../domain/money';
import type { AgingPeriod } from '../../domain/types';
import {
  TotalsAccumulator,
  type AgedCustomer,
  type AgedCustomerPages,
  type AgedReceivablesHeading,
  type AgedTotals,
} from '../../reports/aged-receivables';
import type { AgedCustomerJson, AgedReceivablesResponse, AgedTotalsJson } from '../schemas/reports';

/**
 * '0,30,60,90,120' → Current, 1–30, …, Over 120 (the defaults when absent). The schema has checked
 * the form; the days must also ascend, or the periods would overlap.
 */
export function agingPeriodsFrom(param: string | undefined): readonly AgingPeriod[] {
  if (param === undefined) return DEFAULT_AGING_PERIODS;
  const ends = param.split(',').map(Number);
  if (ends.some((end, i) => i > 0 && end <= ends[i - 1]!)) {
    const problem = 'must list ascending day counts';
    throw new DomainError('invalid', 'invalid_request', `Query parameter 'periods' ${problem}.`, {
      in: 'querystring',
      fields: [{ field: 'periods', problem }],
    });
  }
  const first = ends[0]!;
  const periods: AgingPeriod[] = [{ label: first === 0 ? 'Current' : `Up to ${first}`, fromDays: null, toDays: first }];
  for (const end of ends.slice(1)) {
    const from = periods[periods.length - 1]!.toDays! + 1;
    periods.push({ label: `${from}–${end}`, fromDays: from, toDays: end });
  }
  const last = ends[ends.length - 1]!;
  periods.push({ label: `Over ${last}`, fromDays: last + 1, toDays: null });
  return periods;
}

export function agedCustomerJson(customer: AgedCustomer): AgedCustomerJson {
  return {
    id: customer.id,
    account: customer.account,
    name: customer.name,
    balance: toJsonMinor(customer.balance),
    overdue: toJsonMinor(customer.overdue),
    buckets: customer.buckets.map(toJsonMinor),
  };
}

/**
 * JSON.stringify(agedCustomerJson(customer)), written directly: the report's loop over every
 * customer without an object and an array per line (a fifth of the server's time as of today).
 * tests/server/reports/json-text.test.ts holds it to the same text.
 */
export function agedCustomerJsonText(customer: AgedCustomer): string {
  const { buckets } = customer;
  let amounts = '';
  for (let i = 0; i < buckets.length; i += 1) amounts += (i === 0 ? '' : ',') + toJsonMinor(buckets[i]!);
  return (
    `{"id":${JSON.stringify(customer.id)},"account":${JSON.stringify(customer.account)},"name":${JSON.stringify(customer.name)},` +
    `"balance":${toJsonMinor(customer.balance)},"overdue":${toJsonMinor(customer.overdue)},"buckets":[${amounts}]}`
  );
}

export function agedTotalsJson(totals: AgedTotals): AgedTotalsJson {
  return {
    balance: toJsonMinor(totals.balance),
    overdue: toJsonMinor(totals.overdue),
    buckets: totals.buckets.map(toJsonMinor),
    byCurrency: totals.byCurrency.map((line) => ({
      currency: line.currency,
      balance: toJsonMinor(line.balance),
      buckets: line.buckets.map(toJsonMinor),
    })),
  };
}

/**
 * The text of an AgedReceivablesResponse in chunks: the heading, a chunk per page, the totals.
 * `listed` false leaves the customers out (an empty list) and keeps their totals: the pane's card.
 */
export async function* agedReceivablesJson(heading: AgedReceivablesHeading, pages: AgedCustomerPages, listed = true): AsyncGenerator<string> {
  const head: Omit<AgedReceivablesResponse, 'customers' | 'totals'> = {
    asOf: heading.asOf,
    by: heading.by,
    currency: heading.currency,
    periods: heading.periods.map(({ label, fromDays, toDays }) => ({ label, fromDays, toDays })),
  };
  yield `${JSON.stringify(head).slice(0, -1)},"customers":[`;
  const totals = new TotalsAccumulator(heading.periods.length);
  let first = true;
  for await (const page of pages) {
    const lines: string[] = [];
    for (const customer of page) {
      totals.add(customer);
      if (listed) lines.push(agedCustomerJsonText(customer));
    }
    if (lines.length === 0) continue;
    yield (first ? '' : ',') + lines.join(',');
    first = false;
  }
  yield `],"totals":${JSON.stringify(agedTotalsJson(totals.totals()))}}`;
}
