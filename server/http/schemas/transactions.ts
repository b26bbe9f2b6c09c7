// Schemas of GET /api/customers/:id/transactions and /timeline (TransactionsResponse and
// TimelineResponse in ../contract.ts).
import {
  collectionStatus,
  currencyCode,
  isoDate,
  ledgerKind,
  minor,
  nullableIsoDate,
  nullableMinor,
  nullableString,
} from './common';

export const transactionsQuery = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['open', 'all'], default: 'open' },
    asOf: { ...isoDate, description: "As-of date; default today in the company's time zone" },
  },
} as const;

const transactionItem = {
  type: 'object',
  required: [
    'id', 'kind', 'document', 'postingDate', 'dueDate', 'currency', 'amount', 'open', 'openAccounting',
    'daysOverdue', 'collectionStatus', 'statusDate', 'promiseDate', 'promiseAmount', 'disputeReason',
  ],
  properties: {
    id: { type: 'string' },
    kind: ledgerKind,
    document: { type: 'string' },
    postingDate: isoDate,
    dueDate: nullableIsoDate,
    currency: currencyCode,
    amount: minor,
    open: minor,
    openAccounting: minor,
    daysOverdue: { type: 'integer' },
    collectionStatus,
    statusDate: nullableIsoDate,
    promiseDate: nullableIsoDate,
    promiseAmount: nullableMinor,
    disputeReason: nullableString,
  },
} as const;

export const transactionsResponse = {
  type: 'object',
  required: ['asOf', 'accountingCurrency', 'items', 'totals'],
  properties: {
    asOf: isoDate,
    accountingCurrency: currencyCode,
    items: { type: 'array', items: transactionItem },
    totals: {
      type: 'array',
      items: { type: 'object', required: ['currency', 'open'], properties: { currency: currencyCode, open: minor } },
    },
  },
} as const;

export const timelineQuery = {
  type: 'object',
  properties: {
    from: { ...isoDate, description: 'First day; default 12 months before `to`' },
    to: { ...isoDate, description: "Last day; default today in the company's time zone" },
  },
} as const;

const settlementRef = {
  type: 'object',
  required: ['document', 'kind', 'date', 'amount'],
  properties: { document: { type: 'string' }, kind: ledgerKind, date: isoDate, amount: minor },
} as const;

const timelineEntry = {
  type: 'object',
  required: ['id', 'type', 'date', 'title', 'currency', 'amount', 'dueDate', 'open', 'settlements', 'details'],
  properties: {
    id: { type: 'string' },
    type: { type: 'string', enum: [...ledgerKind.enum, 'letter', 'activity'] },
    date: isoDate,
    title: { type: 'string' },
    currency: { type: ['string', 'null'] },
    amount: nullableMinor,
    dueDate: nullableIsoDate,
    open: nullableMinor,
    settlements: { type: 'array', items: settlementRef },
    details: {
      type: 'object',
      additionalProperties: { type: ['string', 'number', 'null'] },
    },
  },
} as const;

export const timelineResponse = {
  type: 'object',
  required: ['from', 'to', 'entries'],
  properties: { from: isoDate, to: isoDate, entries: { type: 'array', items: timelineEntry } },
} as const;
