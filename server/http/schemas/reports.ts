// Schemas of the reports (GET /api/reports/aged-receivables) and the types of the JSON they
// describe (AgedReceivablesQuery, AgedReceivablesResponse and its parts).
import { currencyCode, isoDate, minor, nullableIsoDate, type JsonOf } from './common';

/**
 * Aging periods in a query string: the last day of every period but the last, ascending. Usable
 * by any route that ages (the summary ages by the defaults only, so far).
 */
export const agingPeriodsParam = {
  type: 'string',
  pattern: '^-?\\d{1,5}(,-?\\d{1,5}){0,29}$',
  description:
    'Aging periods as the last day of each period but the last, ascending, comma-separated: ' +
    "'0,30,60,90,120' (the default) is Current, 1–30, 31–60, 61–90, 91–120 and Over 120 days.",
} as const;

export const agingByParam = {
  type: 'string',
  enum: ['due_date', 'document_date'],
  default: 'due_date',
  description: 'Age by days past the due date (credits and undated debits are Current) or since the document date',
} as const;

export const agedReceivablesQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    asOf: { ...isoDate, description: "As-of date; default today in the company's time zone" },
    by: agingByParam,
    periods: agingPeriodsParam,
    agent: {
      type: 'string',
      format: 'uuid',
      description:
        'Only the customers whose default agent this is. Managers and administrators may name any agent or ' +
        'none (every customer); an agent gets their own customers only, and naming another agent is a 403.',
    },
    pool: {
      type: 'string',
      maxLength: 100,
      description: "Only the customers of this collection pool (a pool id, or 'all') as of asOf; an unknown pool is a 404",
    },
    customers: {
      type: 'string',
      enum: ['all', 'none'],
      default: 'all',
      description: "JSON only: 'none' answers the totals of every customer in scope with an empty customers list",
    },
    format: {
      type: 'string',
      enum: ['json', 'csv', 'xlsx'],
      default: 'json',
      description:
        'json, or a download: csv (RFC 4180, UTF-8 with a BOM, decimal amounts) or xlsx (numeric cells, ' +
        'frozen header); both end with a totals row and a row per transaction currency.',
    },
  },
} as const;
export type AgedReceivablesQuery = JsonOf<typeof agedReceivablesQuery>;

const amounts = { type: 'array', items: minor, description: 'One amount per period, in the order of periods' } as const;

const agingPeriod = {
  type: 'object',
  required: ['label', 'fromDays', 'toDays'],
  properties: {
    label: { type: 'string' },
    fromDays: { type: ['integer', 'null'], description: 'Inclusive; null for the first period' },
    toDays: { type: ['integer', 'null'], description: 'Inclusive; null for the last period' },
  },
} as const;
export type AgingPeriodJson = JsonOf<typeof agingPeriod>;

const agedCustomer = {
  type: 'object',
  required: ['id', 'account', 'name', 'balance', 'overdue', 'buckets'],
  properties: {
    id: { type: 'string' },
    account: { type: 'string' },
    name: { type: 'string' },
    balance: minor,
    overdue: { ...minor, description: "Open debits past their due date, as the customer summary's overdue" },
    buckets: amounts,
  },
} as const;
export type AgedCustomerJson = JsonOf<typeof agedCustomer>;

const currencyTotals = {
  type: 'object',
  required: ['currency', 'balance', 'buckets'],
  properties: {
    currency: currencyCode,
    balance: { ...minor, description: 'Minor units of this currency' },
    buckets: { ...amounts, description: 'Minor units of this currency, one amount per period' },
  },
} as const;

const agedTotals = {
  type: 'object',
  required: ['balance', 'overdue', 'buckets', 'byCurrency'],
  properties: {
    balance: minor,
    overdue: minor,
    buckets: amounts,
    byCurrency: { type: 'array', items: currencyTotals, description: 'The open items by transaction currency' },
  },
} as const;
export type AgedTotalsJson = JsonOf<typeof agedTotals>;

export const agedReceivablesResponse = {
  type: 'object',
  required: ['asOf', 'by', 'currency', 'periods', 'customers', 'totals'],
  properties: {
    asOf: isoDate,
    by: { type: 'string', enum: ['due_date', 'document_date'] },
    currency: { ...currencyCode, description: 'The accounting currency of every amount without its own' },
    periods: { type: 'array', items: agingPeriod },
    customers: {
      type: 'array',
      items: agedCustomer,
      description: 'Every customer in scope with anything open on the date, by account',
    },
    totals: { ...agedTotals, description: 'The sums of the customers' },
  },
} as const;
export type AgedReceivablesResponse = JsonOf<typeof agedReceivablesResponse>;

export const agedReceivablesSubscriptionRequest = {
  type: 'object',
  additionalProperties: false,
  required: ['subscribed'],
  properties: {
    subscribed: { type: 'boolean', description: 'true: the report as of each month end arrives in your mailbox as an XLSX attachment' },
  },
} as const;
export type AgedReceivablesSubscriptionRequest = JsonOf<typeof agedReceivablesSubscriptionRequest>;

export const agedReceivablesSubscriptionResponse = {
  type: 'object',
  required: ['subscribed', 'lastMonthEnd'],
  properties: {
    subscribed: { type: 'boolean' },
    lastMonthEnd: { ...nullableIsoDate, description: 'The month end of the last report queued for you; null: none yet' },
  },
} as const;
export type AgedReceivablesSubscriptionResponse = JsonOf<typeof agedReceivablesSubscriptionResponse>;
