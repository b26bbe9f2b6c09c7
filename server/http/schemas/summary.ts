// Schema of GET /api/customers/:id/summary (CustomerSummary in ../contract.ts).
import {
  accountStatus,
  currencyCode,
  isoDate,
  minor,
  nullableIsoDate,
  nullableMinor,
  nullableString,
} from './common';

const nullableNumber = { type: ['number', 'null'] } as const;
const nullableInteger = { type: ['integer', 'null'] } as const;

const customerHeader = {
  type: 'object',
  required: ['id', 'account', 'name', 'group', 'salesArea', 'paymentTerms', 'currency', 'status', 'customerSince', 'domains'],
  properties: {
    id: { type: 'string' },
    account: { type: 'string' },
    name: { type: 'string' },
    group: nullableString,
    salesArea: nullableString,
    paymentTerms: nullableString,
    currency: currencyCode,
    status: accountStatus,
    customerSince: nullableIsoDate,
    domains: { type: 'array', items: { type: 'string' } },
  },
} as const;

const agingBucket = {
  type: 'object',
  required: ['label', 'fromDays', 'toDays', 'amount'],
  properties: { label: { type: 'string' }, fromDays: nullableInteger, toDays: nullableInteger, amount: minor },
} as const;

const paymentMonth = {
  type: 'object',
  required: ['month', 'invoices', 'paidOnTime', 'paidLate', 'unpaid', 'state'],
  properties: {
    month: { type: 'string', pattern: '^\\d{4}-\\d{2}$' },
    invoices: { type: 'integer' },
    paidOnTime: { type: 'integer' },
    paidLate: { type: 'integer' },
    unpaid: { type: 'integer' },
    state: { type: 'string', enum: ['on_time', 'late', 'none'] },
  },
} as const;

export const summaryResponse = {
  type: 'object',
  required: [
    'customer', 'asOf', 'currency', 'balance', 'overdue', 'creditLimit', 'creditRemaining', 'creditRating',
    'creditRatingSource', 'aging', 'overdueHistory', 'outstandingInvoices', 'balancesByCurrency',
    'paymentHistory', 'collection',
  ],
  properties: {
    customer: customerHeader,
    asOf: isoDate,
    currency: { ...currencyCode, description: 'The accounting currency of every amount without its own' },
    balance: minor,
    overdue: minor,
    creditLimit: nullableMinor,
    creditRemaining: nullableMinor,
    creditRating: nullableString,
    creditRatingSource: { type: ['string', 'null'], enum: ['imported', 'derived', null] },
    aging: { type: 'array', items: agingBucket },
    overdueHistory: {
      type: 'array',
      items: { type: 'object', required: ['asOf', 'amount'], properties: { asOf: isoDate, amount: minor } },
    },
    outstandingInvoices: { type: 'integer' },
    balancesByCurrency: {
      type: 'array',
      items: {
        type: 'object',
        required: ['currency', 'balance', 'overdue'],
        properties: { currency: currencyCode, balance: minor, overdue: minor },
      },
    },
    paymentHistory: {
      type: 'object',
      required: ['onTimeShare', 'averageDaysLate', 'dso', 'months'],
      properties: {
        onTimeShare: nullableNumber,
        averageDaysLate: nullableNumber,
        dso: nullableNumber,
        months: { type: 'array', items: paymentMonth },
      },
    },
    collection: {
      type: 'object',
      required: ['promises', 'brokenPromises', 'disputes'],
      properties: {
        promises: { type: 'integer' },
        brokenPromises: { type: 'integer' },
        disputes: { type: 'integer' },
      },
    },
  },
} as const;
