// summarize(): the options and the rating source (the figures themselves: hand-computed.test.ts),
// read as the API's JSON.
import { describe, expect, it } from 'vitest';
import { summarize as summarizeDomain, type SummaryInput } from '../../../server/domain/summary';
import { summaryJson } from '../../../server/http/mappers/summary';
import type { CustomerProfile } from '../../../server/domain/types';
import { entry } from './builders';

const profile: CustomerProfile = {
  id: 'c', account: 'C-1', name: 'C', currency: 'USD', creditLimit: null, creditRating: null, status: 'active', customerSince: null,
};
const summarize = (input: SummaryInput) => summaryJson(summarizeDomain(input));
const input = (over: Partial<SummaryInput>): SummaryInput => ({
  profile,
  entries: [entry({ id: 'inv', amount: 500n, postingDate: '2026-01-01', dueDate: '2026-03-01' })],
  settlements: [],
  asOf: '2026-03-10',
  accountingCurrency: 'USD',
  ...over,
});

describe('summarize', () => {
  it('has no remaining credit without a limit and no rating without settled invoices', () => {
    expect(summarize(input({}))).toMatchObject({
      balance: 500, overdue: 500, creditLimit: null, creditRemaining: null, creditRating: null, creditRatingSource: null,
      outstandingInvoices: 1, paymentHistory: { onTimeShare: null, averageDaysLate: null },
    });
  });

  it('prefers an imported rating over the derived one', () => {
    const summary = summarize(input({ profile: { ...profile, creditRating: 'AA', creditLimit: 400n } }));
    expect(summary).toMatchObject({ creditRating: 'AA', creditRatingSource: 'imported', creditRemaining: -100 });
  });

  it('ages by document date and with configured periods when asked', () => {
    const periods = [
      { label: 'Young', fromDays: null, toDays: 60 },
      { label: 'Old', fromDays: 61, toDays: null },
    ];
    expect(summarize(input({ agingPeriods: periods, agingBy: 'document_date' })).aging).toEqual([
      { label: 'Young', fromDays: null, toDays: 60, amount: 0 },
      { label: 'Old', fromDays: 61, toDays: null, amount: 500 },
    ]);
  });

  it('refuses amounts that JSON numbers cannot carry exactly', () => {
    const huge = entry({ id: 'huge', amount: 2n ** 60n, postingDate: '2026-01-01' });
    expect(() => summarize(input({ entries: [huge] }))).toThrow(RangeError);
  });
});
