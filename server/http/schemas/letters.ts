// JSON schemas of the letter routes and the API types derived from them (`JsonOf`): they validate
// input, shape the serialised output, document the API at /docs and type the pane's client. The
// enumerations come from server/domain/letters.ts, so schema, server and pane share one list each.
import {
  BATCH_ITEM_STATES, BATCH_STATUSES, LETTER_DELIVERIES, LETTER_STATUSES, NO_LETTER_REASONS,
} from '../../domain/letters';
import { apiErrorSchema, currencyCode, isoDate, NO_NUL, minor, nullableIsoDate, nullableString, text, type JsonOf } from './common';

const uuid = { type: 'string', format: 'uuid' } as const;
const language = { type: 'string', pattern: '^[a-z]{2}$' } as const;
export const letterErrors = { 400: apiErrorSchema, 403: apiErrorSchema, 404: apiErrorSchema, 409: apiErrorSchema, 422: apiErrorSchema } as const;

/** Any string: a malformed id is answered 404 like an unknown one, not 400. */
export const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string' } } } as const;

export const idempotencyHeaders = {
  type: 'object',
  properties: { 'idempotency-key': { type: 'string', minLength: 1, maxLength: 200, pattern: '^[\\x21-\\x7e]+$' } },
} as const;

type IntegerCounts<K extends string> = { readonly [P in K]: { readonly type: 'integer' } };

/** An object of integer counts with one property per key. */
function integerCounts<K extends string>(keys: readonly K[]): IntegerCounts<K> {
  return Object.fromEntries(keys.map((key) => [key, { type: 'integer' }])) as IntegerCounts<K>;
}

const delivery = { type: 'string', enum: LETTER_DELIVERIES } as const;
export type LetterDelivery = JsonOf<typeof delivery>;

const lineItem = {
  type: 'object',
  required: ['entryId', 'document', 'postingDate', 'dueDate', 'currency', 'open', 'openAccounting', 'daysOverdue'],
  properties: {
    entryId: { type: 'string' }, document: { type: 'string' }, postingDate: isoDate, dueDate: isoDate,
    currency: { ...currencyCode, description: 'Transaction currency of open' },
    open: minor, openAccounting: { ...minor, description: 'In the accounting currency' }, daysOverdue: { type: 'integer' },
  },
} as const;
export type LetterLineItem = JsonOf<typeof lineItem>;

const totals = { type: 'array', items: { type: 'object', required: ['currency', 'open'], properties: { currency: currencyCode, open: minor } } } as const;

const feeAmount = {
  type: 'object',
  required: ['currency', 'amount', 'amountAccounting'],
  properties: { currency: currencyCode, amount: minor, amountAccounting: { ...minor, description: 'The same fee in the accounting currency' } },
} as const;
export type LetterFeeAmount = JsonOf<typeof feeAmount>;
const fee = { ...feeAmount, type: ['object', 'null'] } as const;

const levelRef = {
  type: ['object', 'null'],
  required: ['level', 'name', 'days'],
  properties: { level: { type: 'integer' }, name: { type: 'string' }, days: { type: 'integer' } },
} as const;

export const proposalResponse = {
  type: 'object',
  required: ['customer', 'asOf', 'accountingCurrency', 'sequence', 'due', 'reason', 'level', 'dueOn', 'lines', 'totals', 'totalAccounting', 'fee'],
  properties: {
    customer: { type: 'object', required: ['id', 'account', 'name'], properties: { id: { type: 'string' }, account: { type: 'string' }, name: { type: 'string' } } },
    asOf: isoDate,
    accountingCurrency: currencyCode,
    sequence: { type: ['object', 'null'], required: ['id', 'name'], properties: { id: { type: 'string' }, name: { type: 'string' } } },
    due: { type: 'boolean' },
    reason: { type: ['string', 'null'], enum: [...NO_LETTER_REASONS, null], description: 'Why no letter is due; null when one is' },
    level: { ...levelRef, description: 'The level due (or next, when none is due yet)' },
    dueOn: { ...nullableIsoDate, description: "When the next level falls due on today's ledger ('not_due_yet')" },
    lines: { type: 'array', items: lineItem },
    totals,
    totalAccounting: minor,
    fee,
    leftOut: {
      type: 'object',
      required: ['promised', 'disputed', 'held'],
      properties: { promised: minor, disputed: minor, held: minor },
      description:
        "One customer's proposal only: its overdue items the letter leaves out, in the accounting currency, by reason " +
        "(a standing promise to pay, a dispute, a collections hold). A due letter's totalAccounting plus these is the customer's overdue.",
    },
  },
} as const;
export type LetterProposalResponse = JsonOf<typeof proposalResponse>;
export type NoLetterReason = NonNullable<LetterProposalResponse['reason']>;

export const batchProposalQuery = {
  type: 'object',
  properties: {
    agent: { ...uuid, description: "Whose customers; default: the caller's (a manager may omit it for all customers)" },
    asOf: { ...isoDate, description: "As-of date; default today in the company's time zone" },
  },
} as const;

export const batchProposalResponse = {
  type: 'object',
  required: ['asOf', 'agentId', 'accountingCurrency', 'items', 'notDue'],
  properties: {
    asOf: isoDate,
    agentId: nullableString,
    accountingCurrency: currencyCode,
    items: { type: 'array', items: proposalResponse, description: 'The customers due a letter' },
    notDue: { type: 'object', properties: integerCounts(NO_LETTER_REASONS), description: 'How many customers are not due a letter, by reason' },
  },
} as const;
export type BatchProposalResponse = JsonOf<typeof batchProposalResponse>;

export const postLetterBody = {
  type: 'object',
  additionalProperties: false,
  required: ['delivery'],
  properties: {
    delivery: { ...delivery, description: "'reply': the pane puts it in a reply; 'graph': the server sends it through Graph" },
    asOf: { ...isoDate, description: "The letter date; default today in the company's time zone" },
    level: { type: 'integer', minimum: 1, description: 'The level the agent reviewed; 409 if another is due' },
    language: language,
    to: { type: 'string', format: 'email', maxLength: 320 },
  },
} as const;
export type PostLetterBody = JsonOf<typeof postLetterBody>;

export const letterResponse = {
  type: 'object',
  required: [
    'id', 'number', 'customerId', 'level', 'levelName', 'letterDate', 'language', 'delivery', 'status', 'subject', 'recipient',
    'accountingCurrency', 'totals', 'totalAccounting', 'fee', 'feeEntryId', 'lines', 'postedBy', 'postedAt', 'htmlUrl', 'pdfUrl',
  ],
  properties: {
    id: { type: 'string' }, number: { type: 'string' }, customerId: { type: 'string' }, level: { type: 'integer' }, levelName: { type: 'string' },
    letterDate: isoDate, language: { type: 'string' }, delivery, status: { type: 'string', enum: LETTER_STATUSES },
    subject: { type: 'string' }, recipient: nullableString, accountingCurrency: currencyCode, totals, totalAccounting: minor, fee,
    feeEntryId: nullableString, lines: { type: 'array', items: lineItem }, postedBy: { type: 'string' }, postedAt: { type: 'string', format: 'date-time' },
    htmlUrl: { type: 'string' }, pdfUrl: { type: 'string' },
    created: { type: 'boolean', description: 'False when an earlier post with the same key (or the same customer, level and date) was returned' },
  },
} as const;
export type CollectionLetterResponse = JsonOf<typeof letterResponse>;

export const batchBody = {
  type: 'object',
  additionalProperties: false,
  required: ['delivery'],
  properties: {
    delivery,
    asOf: isoDate,
    agentId: { ...uuid, description: "Whose customers' letters; omitted: all customers" },
    customerIds: { type: 'array', items: uuid, maxItems: 100000, description: 'The customers kept from the reviewed proposal' },
  },
} as const;
export type BatchBody = JsonOf<typeof batchBody>;

const batchItemState = { type: 'string', enum: BATCH_ITEM_STATES } as const;
export type BatchItemState = JsonOf<typeof batchItemState>;

export const batchResponse = {
  type: 'object',
  required: ['id', 'asOf', 'delivery', 'status', 'counts', 'items'],
  properties: {
    id: { type: 'string' }, asOf: isoDate, delivery, status: { type: 'string', enum: BATCH_STATUSES },
    counts: { type: 'object', required: BATCH_ITEM_STATES, properties: integerCounts(BATCH_ITEM_STATES) },
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['customerId', 'account', 'name', 'state', 'reason', 'letterId', 'letterNumber'],
        properties: {
          customerId: { type: 'string' }, account: { type: 'string' }, name: { type: 'string' }, state: batchItemState,
          reason: nullableString, letterId: nullableString, letterNumber: nullableString,
        },
      },
    },
  },
} as const;
export type LetterBatchResponse = JsonOf<typeof batchResponse>;

const template = {
  type: 'object',
  additionalProperties: false,
  required: ['subject', 'body', 'payment'],
  properties: { subject: text(300), body: text(10000), payment: text(4000) },
} as const;
const money = { type: 'object', additionalProperties: false, required: ['currency', 'amount'], properties: { currency: currencyCode, amount: { ...minor, minimum: 0, maximum: Number.MAX_SAFE_INTEGER } } } as const;

export const sequenceBody = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'language', 'isDefault', 'levels'],
  properties: {
    name: { ...text(100), minLength: 1 },
    language,
    isDefault: { type: 'boolean' },
    levels: {
      type: 'array',
      maxItems: 20,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['level', 'name', 'days', 'minOverdue', 'fees', 'templates'],
        properties: {
          level: { type: 'integer', minimum: 1 },
          name: { ...text(100), minLength: 1 },
          days: { type: 'integer', minimum: 0, maximum: 3650 },
          minOverdue: money,
          fees: { type: 'array', maxItems: 200, items: money },
          templates: { type: 'object', minProperties: 1, propertyNames: language, additionalProperties: template },
        },
      },
    },
  },
} as const;
export type SequenceBody = JsonOf<typeof sequenceBody>;

export const sequenceResponse = {
  type: 'object',
  required: ['id', 'name', 'language', 'isDefault', 'levels'],
  properties: { id: { type: 'string' }, ...sequenceBody.properties },
} as const;
export type SequenceResponse = JsonOf<typeof sequenceResponse>;

export const letterSettingsBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    excluded: { type: 'boolean', description: 'Excluded customers get no letters' },
    sequenceId: { type: ['string', 'null'], format: 'uuid', description: 'null: the default sequence' },
    postalAddress: { type: ['string', 'null'], maxLength: 1000, pattern: NO_NUL },
  },
} as const;
export type LetterSettingsBody = JsonOf<typeof letterSettingsBody>;

export const letterSettingsResponse = {
  type: 'object',
  required: ['customerId', 'excluded', 'sequenceId', 'postalAddress'],
  properties: { customerId: { type: 'string' }, excluded: { type: 'boolean' }, sequenceId: nullableString, postalAddress: nullableString },
} as const;

export const previewQuery = {
  type: 'object',
  properties: {
    asOf: { ...isoDate, description: "The letter date; default today in the company's time zone" },
    language: { ...language, description: "Template language; default the sequence's (as posting does)" },
    to: {
      type: 'string', format: 'email', maxLength: 320,
      description: "Where the letter would go (posting's 'to'): greeted by name when a contact of the customer, else the billing contact is",
    },
  },
} as const;

export const pdfLinkResponse = {
  type: 'object',
  required: ['url', 'expiresAt'],
  properties: {
    url: { type: 'string', description: 'Server-relative URL of the PDF that needs no sign-in until it expires' },
    expiresAt: { type: 'string', format: 'date-time' },
  },
} as const;
export type LetterPdfLinkResponse = JsonOf<typeof pdfLinkResponse>;
