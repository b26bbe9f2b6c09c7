// JSON schemas of the statement and aging-history routes and the API types derived from them
// (`JsonOf`). The enumerations come from server/domain (statements.ts, letters.ts).
import { MAX_HISTORY_MONTHS } from '../../domain/aging-history';
import { STATEMENT_DELIVERIES, STATEMENT_KINDS } from '../../domain/statements';
import { apiErrorSchema, currencyCode, isoDate, minor, nullableIsoDate, nullableString, type JsonOf } from './common';

const language = { type: 'string', pattern: '^[a-z]{2}$' } as const;
const kind = { type: 'string', enum: STATEMENT_KINDS } as const;
export type StatementKind = JsonOf<typeof kind>;
const delivery = { type: 'string', enum: STATEMENT_DELIVERIES } as const;
export type StatementDelivery = JsonOf<typeof delivery>;

export const statementErrors = { 400: apiErrorSchema, 404: apiErrorSchema, 409: apiErrorSchema, 422: apiErrorSchema } as const;

export const sendStatementBody = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'delivery'],
  properties: {
    kind,
    delivery: { ...delivery, description: "'reply': the pane puts it in a reply; 'graph': the server sends it through Graph" },
    asOf: { ...isoDate, description: "The statement date; default today in the company's time zone" },
    from: { ...isoDate, description: 'Activity statements: the first day of the period (default 30 days before asOf)' },
    language: { ...language, description: "Default: the customer's letter language" },
    to: { type: 'string', format: 'email', maxLength: 320 },
  },
} as const;
export type SendStatementRequest = JsonOf<typeof sendStatementBody>;

export const statementPreviewQuery = {
  type: 'object',
  required: ['kind'],
  properties: {
    kind,
    asOf: { ...isoDate, description: "Default today in the company's time zone" },
    from: { ...isoDate, description: 'Activity statements: the first day of the period' },
    language,
    format: { type: 'string', enum: ['html', 'pdf'], default: 'html' },
  },
} as const;
export type StatementPreviewQuery = JsonOf<typeof statementPreviewQuery>;

const totals = {
  type: 'array',
  description: 'Open amount per currency (activity statements: each closing balance)',
  items: { type: 'object', required: ['currency', 'open'], properties: { currency: currencyCode, open: minor } },
} as const;

export const statementResponse = {
  type: 'object',
  required: [
    'id', 'number', 'customerId', 'kind', 'asOf', 'from', 'language', 'delivery', 'mailStatus', 'recipient', 'subject', 'totals',
    'createdBy', 'createdAt', 'htmlUrl', 'pdfUrl',
  ],
  properties: {
    id: { type: 'string' }, number: { type: 'string' }, customerId: { type: 'string' }, kind, asOf: isoDate, from: nullableIsoDate,
    language: { type: 'string' }, delivery, mailStatus: { type: ['string', 'null'], enum: ['queued', 'sent', 'failed', null], description: 'Graph delivery only' },
    recipient: nullableString, subject: { type: 'string' }, totals, createdBy: { type: 'string' }, createdAt: { type: 'string', format: 'date-time' },
    htmlUrl: { type: 'string' }, pdfUrl: { type: 'string' },
    created: { type: 'boolean', description: 'False when an earlier request with the same Idempotency-Key was answered' },
  },
} as const;
export type StatementResponse = JsonOf<typeof statementResponse>;

export const agingHistoryQuery = {
  type: 'object',
  properties: {
    months: { type: 'integer', minimum: 1, maximum: MAX_HISTORY_MONTHS, default: 12, description: 'How many month ends before asOf' },
    asOf: { ...isoDate, description: "Default today in the company's time zone" },
  },
} as const;

export const agingHistoryResponse = {
  type: 'object',
  required: ['asOf', 'currency', 'periods', 'points'],
  properties: {
    asOf: isoDate,
    currency: { ...currencyCode, description: 'The accounting currency of every amount' },
    periods: {
      type: 'array',
      items: { type: 'object', required: ['label', 'fromDays', 'toDays'], properties: { label: { type: 'string' }, fromDays: { type: ['integer', 'null'] }, toDays: { type: ['integer', 'null'] } } },
    },
    points: {
      type: 'array',
      description: 'Oldest first: each month end before asOf, then asOf',
      items: {
        type: 'object',
        required: ['asOf', 'amounts', 'balance'],
        properties: { asOf: isoDate, amounts: { type: 'array', items: minor, description: 'Per period, in the order of periods' }, balance: minor },
      },
    },
  },
} as const;
export type AgingHistoryResponse = JsonOf<typeof agingHistoryResponse>;
