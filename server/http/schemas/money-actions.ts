// JSON Schemas of the money-moving actions: settle and reverse a settlement, write-off (and its
// approval), NSF; and the API's types made from them.
import { WRITE_OFF_STATUSES } from '../../domain/actions/write-off';
import { isoDate, NO_NUL, minor, text, type JsonOf } from './common';

const uuid = { type: 'string', format: 'uuid' } as const;
const positive = { type: 'integer', minimum: 1, description: 'Integer minor units, more than 0' } as const;
const versions = {
  type: 'object',
  description: 'The version of each named transaction as loaded, by transaction id',
  additionalProperties: { type: 'integer', minimum: 1 },
} as const;
const note = { type: ['string', 'null'], maxLength: 2000, pattern: NO_NUL } as const;

export const settleBody = {
  type: 'object',
  additionalProperties: false,
  required: ['versions'],
  properties: {
    pairs: {
      type: 'array',
      minItems: 1,
      maxItems: 500,
      items: { type: 'object', additionalProperties: false, required: ['debitId', 'creditId', 'amount'], properties: { debitId: uuid, creditId: uuid, amount: positive } },
    },
    mode: { type: 'string', enum: ['oldest_first'] },
    creditIds: { type: 'array', items: uuid, minItems: 1, maxItems: 100 },
    versions,
  },
} as const;
export type SettleRequest = JsonOf<typeof settleBody>;

const settlement = {
  type: 'object',
  required: ['id', 'debitId', 'creditId', 'amount', 'date'],
  properties: {
    id: { type: ['string', 'null'], description: 'null when a same-day reversal removed the settlement' },
    debitId: { type: 'string' },
    creditId: { type: 'string' },
    amount: { ...minor, description: 'Negative for a reversal' },
    date: isoDate,
  },
} as const;
export type SettlementJson = JsonOf<typeof settlement>;

export const settleResponse = { type: 'object', required: ['items'], properties: { items: { type: 'array', items: settlement } } } as const;
export type SettleResponse = JsonOf<typeof settleResponse>;

export const reverseQuery = { type: 'object', properties: { date: { ...isoDate, description: 'Reversal date; default today' } } } as const;
export const reverseResponse = { type: 'object', required: ['reversal'], properties: { reversal: settlement } } as const;
export type ReverseResponse = JsonOf<typeof reverseResponse>;

export const writeOffBody = {
  type: 'object',
  additionalProperties: false,
  required: ['items', 'reasonCode', 'versions'],
  properties: {
    items: {
      type: 'array',
      minItems: 1,
      maxItems: 500,
      items: { type: 'object', additionalProperties: false, required: ['transactionId', 'amount'], properties: { transactionId: uuid, amount: positive } },
    },
    reasonCode: { ...text(40), minLength: 1 },
    note,
    versions,
  },
} as const;
export type WriteOffRequest = JsonOf<typeof writeOffBody>;

export const writeOffSchema = {
  type: 'object',
  required: ['id', 'customerId', 'status', 'reasonCode', 'note', 'items', 'totalAccounting', 'requestedBy', 'decidedBy', 'entryIds'],
  properties: {
    id: { type: 'string' },
    customerId: { type: 'string' },
    status: { type: 'string', enum: WRITE_OFF_STATUSES },
    reasonCode: { type: 'string' },
    note: { type: ['string', 'null'] },
    items: { type: 'array', items: { type: 'object', required: ['transactionId', 'amount'], properties: { transactionId: { type: 'string' }, amount: minor } } },
    totalAccounting: { ...minor, description: 'In the accounting currency' },
    requestedBy: { type: 'string' },
    decidedBy: { type: ['string', 'null'] },
    entryIds: { type: 'array', items: { type: 'string' }, description: 'The write-off entries posted (none while pending)' },
  },
} as const;
export type WriteOffJson = JsonOf<typeof writeOffSchema>;

export const writeOffsQuery = {
  type: 'object',
  properties: { status: { type: 'string', enum: WRITE_OFF_STATUSES }, customerId: { ...uuid, description: "Only this customer's" } },
} as const;
export const writeOffsResponse = { type: 'object', required: ['items'], properties: { items: { type: 'array', items: writeOffSchema } } } as const;
export type WriteOffsResponse = JsonOf<typeof writeOffsResponse>;
export const decideBody = { type: 'object', additionalProperties: false, properties: { note } } as const;

export const nsfBody = {
  type: 'object',
  additionalProperties: false,
  required: ['date', 'version'],
  properties: {
    date: isoDate,
    version: { type: 'integer', minimum: 1 },
    note,
    chargeFee: { type: 'boolean', description: 'Also post the configured NSF fee (NSF_FEE) as a fee entry' },
  },
} as const;
export type NsfRequest = JsonOf<typeof nsfBody>;

export const nsfResponse = {
  type: 'object',
  required: ['reversalId', 'settlements'],
  properties: {
    reversalId: { type: 'string' },
    settlements: { type: 'array', items: settlement },
    feeId: { type: ['string', 'null'], description: 'The NSF fee entry, when chargeFee was set' },
  },
} as const;
export type NsfResponse = JsonOf<typeof nsfResponse>;
