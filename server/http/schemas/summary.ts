// Schema of GET /api/customers/:id/summary and the types of the JSON it describes (CustomerSummary
// and its parts).
import {
  accountStatus,
  currencyCode,
  isoDate,
  minor,
  nullableIsoDate,
  nullableMinor,
  nullableString,
  type JsonOf,
} from './common';
import { holdRef } from './holds';

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
    currency: { ...currencyCode, description: "The customer's own transaction currency" },
    status: accountStatus,
    customerSince: nullableIsoDate,
    domains: { type: 'array', items: { type: 'string' } },
    hold: { ...holdRef, description: "The customer's own collections hold in force on the as-of date; null: none" },
  },
} as const;

const agingBucket = {
  type: 'object',
  required: ['label', 'fromDays', 'toDays', 'amount'],
  properties: {
    label: { type: 'string' },
    fromDays: { ...nullableInteger, description: "Inclusive lower bound of days overdue; 'Current' is { fromDays: null, toDays: 0 }" },
    toDays: { ...nullableInteger, description: 'Inclusive upper bound; null for the open-ended last bucket' },
    amount: minor,
  },
} as const;
export type AgingBucket = JsonOf<typeof agingBucket>;

const paymentMonth = {
  type: 'object',
  required: ['month', 'invoices', 'paidOnTime', 'paidLate', 'unpaid', 'state'],
  properties: {
    month: { type: 'string', pattern: '^\\d{4}-\\d{2}$' },
    invoices: { type: 'integer', description: 'Invoices due in that month' },
    paidOnTime: { type: 'integer' },
    paidLate: { type: 'integer' },
    unpaid: { type: 'integer', description: 'Due that month and still open (or settled after the as-of date)' },
    state: { type: 'string', enum: ['on_time', 'late', 'none', 'nsf'], description: "'nsf': a payment was returned unpaid that month" },
  },
} as const;
export type PaymentMonth = JsonOf<typeof paymentMonth>;

const currencyBalance = {
  type: 'object',
  required: ['currency', 'balance', 'overdue'],
  properties: { currency: currencyCode, balance: minor, overdue: minor },
} as const;
export type CurrencyBalance = JsonOf<typeof currencyBalance>;

export const summaryResponse = {
  type: 'object',
  required: [
    'customer', 'asOf', 'currency', 'balance', 'overdue', 'creditLimit', 'creditRemaining', 'creditRating',
    'creditRatingSource', 'aging', 'overdueHistory', 'outstandingInvoices', 'balancesByCurrency',
    'paymentHistory', 'collection', 'contracts',
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
      description: '60 days prior, 30 days prior, the as-of date: oldest first',
      items: { type: 'object', required: ['asOf', 'amount'], properties: { asOf: isoDate, amount: minor } },
    },
    outstandingInvoices: { type: 'integer' },
    balancesByCurrency: { type: 'array', items: currencyBalance },
    paymentHistory: {
      type: 'object',
      required: ['onTimeShare', 'averageDaysLate', 'dso', 'months'],
      properties: {
        onTimeShare: {
          ...nullableNumber,
          description: 'Share (0..1) of invoices settled in the last 12 months that were settled by their due date',
        },
        averageDaysLate: { ...nullableNumber, description: 'Amount-weighted average days late over the same invoices (early counts as 0)' },
        dso: { ...nullableNumber, description: 'Days sales outstanding: balance / invoiced in the last 90 days × 90' },
        months: { type: 'array', items: paymentMonth, description: 'The 12 months up to the as-of date, oldest first' },
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
    contracts: {
      type: 'object',
      required: ['active'],
      properties: {
        active: { type: 'integer', description: 'Contracts in force on the as-of date (GET /api/customers/:id/contracts lists them)' },
      },
    },
  },
} as const;
export type CustomerSummary = JsonOf<typeof summaryResponse>;
