// The hand-computed customer of tests/support/hand-computed.ts: summarize() must match the
// arithmetic written there, as of today and as of a past date (read as the API's JSON, in which the
// expected figures are written).
import { describe, expect, it } from 'vitest';
import { summarize } from '../../../server/domain/summary';
import { summaryJson } from '../../../server/http/mappers/summary';
import { ACCOUNTING_CURRENCY, expected, handComputedDomain } from '../../support/hand-computed';

describe.each([
  ['today', expected.today],
  ['a past date', expected.past],
])('the hand-computed customer as of %s', (_, want) => {
  const summary = summaryJson(summarize({ ...handComputedDomain(), asOf: want.asOf, accountingCurrency: ACCOUNTING_CURRENCY }));

  it('has the hand-computed balance, overdue and remaining credit', () => {
    expect(summary).toMatchObject({
      asOf: want.asOf,
      currency: 'USD',
      balance: want.balance,
      overdue: want.overdue,
      creditLimit: want.creditLimit,
      creditRemaining: want.creditRemaining,
    });
  });

  it('ages every open amount into the hand-computed bucket, summing to the balance', () => {
    expect(summary.aging.map(({ label, amount }) => ({ label, amount }))).toEqual(want.aging);
    expect(summary.aging.reduce((sum, bucket) => sum + bucket.amount, 0)).toBe(want.balance);
  });

  it('reconstructs overdue 60 and 30 days prior from the ledger as it stood', () => {
    expect(summary.overdueHistory).toEqual(want.overdueHistory);
  });

  it('counts invoices, currencies and collection statuses as they stood', () => {
    expect(summary.outstandingInvoices).toBe(want.outstandingInvoices);
    expect(summary.balancesByCurrency).toEqual(want.balancesByCurrency);
    expect(summary.collection).toEqual(want.collection);
  });

  it('derives payment history and rating from the settled invoices', () => {
    expect(summary.paymentHistory).toMatchObject({
      onTimeShare: want.onTimeShare,
      averageDaysLate: want.averageDaysLate,
      dso: want.dso,
    });
    const months = summary.paymentHistory.months;
    expect(months).toHaveLength(12);
    expect(months.filter((m) => m.state === 'late').map((m) => m.month)).toEqual(want.lateMonths);
    expect(months.filter((m) => m.state === 'on_time').map((m) => m.month)).toEqual(want.onTimeMonths);
    expect({ rating: summary.creditRating, source: summary.creditRatingSource }).toEqual({
      rating: want.creditRating,
      source: want.creditRatingSource,
    });
  });
});
