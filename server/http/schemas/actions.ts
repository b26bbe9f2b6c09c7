// JSON Schemas of the actions on open transactions: Change status, the collections history and
// the managed reason codes; and the API's types made from them.
import { STATUS_CHANGES } from '../../domain/actions/status';
import { REASON_CODE_KINDS } from '../../domain/actions/reason-codes';
import { collectionStatus, NO_NUL, nullableIsoDate, nullableMinor, nullableString, promiseInput, text, minor, uuid, type JsonOf } from './common';

const reasonCodeKind = { type: 'string', enum: REASON_CODE_KINDS } as const;

export const changeStatusBody = {
  type: 'object',
  additionalProperties: false,
  required: ['transactionIds', 'versions', 'status'],
  properties: {
    transactionIds: { type: 'array', items: uuid, minItems: 1, maxItems: 500 },
    versions: {
      type: 'object',
      description: 'The version of each transaction as loaded, by transaction id',
      additionalProperties: { type: 'integer', minimum: 1 },
    },
    status: { type: 'string', enum: STATUS_CHANGES, description: "'none' clears the status" },
    promise: promiseInput,
    dispute: {
      type: 'object',
      additionalProperties: false,
      required: ['reasonCode'],
      properties: { reasonCode: { ...text(40), minLength: 1 } },
    },
    note: { type: ['string', 'null'], maxLength: 2000, pattern: NO_NUL },
  },
} as const;
export type ChangeStatusRequest = JsonOf<typeof changeStatusBody>;

const transactionState = {
  type: 'object',
  required: ['id', 'document', 'version', 'open', 'collectionStatus', 'statusDate', 'statusSetBy', 'promiseDate', 'promiseAmount', 'disputeReason'],
  properties: {
    id: { type: 'string' },
    document: { type: 'string' },
    version: { type: 'integer' },
    open: minor,
    collectionStatus,
    statusDate: nullableIsoDate,
    statusSetBy: nullableString,
    promiseDate: nullableIsoDate,
    promiseAmount: nullableMinor,
    disputeReason: nullableString,
  },
} as const;

export const changeStatusResponse = {
  type: 'object',
  required: ['items'],
  properties: { items: { type: 'array', items: transactionState } },
} as const;
export type ChangeStatusResponse = JsonOf<typeof changeStatusResponse>;

export const historyQuery = {
  type: 'object',
  properties: { transactionId: { ...uuid, description: 'Only the history of this transaction' } },
} as const;

const historyItem = {
  type: 'object',
  required: ['id', 'at', 'actor', 'actorName', 'action', 'transactionId', 'before', 'after'],
  properties: {
    id: { type: 'string' },
    at: { type: 'string', format: 'date-time' },
    actor: { type: 'string', description: 'Agent id or a system actor' },
    actorName: nullableString,
    action: { type: 'string', description: "e.g. 'transaction.promise_to_pay'" },
    transactionId: nullableString,
    before: { description: 'The state before the change (null when none)' },
    after: { description: 'The state after the change' },
  },
} as const;
export type HistoryItem = JsonOf<typeof historyItem>;

export const historyResponse = {
  type: 'object',
  required: ['items'],
  properties: { items: { type: 'array', items: historyItem } },
} as const;
export type HistoryResponse = JsonOf<typeof historyResponse>;

const reasonCode = {
  type: 'object',
  required: ['kind', 'code', 'label', 'active'],
  properties: { kind: reasonCodeKind, code: { type: 'string' }, label: { type: 'string' }, active: { type: 'boolean' } },
} as const;
export type ReasonCodeJson = JsonOf<typeof reasonCode>;

export const reasonCodesQuery = { type: 'object', properties: { kind: reasonCodeKind } } as const;
export const reasonCodesResponse = { type: 'object', required: ['items'], properties: { items: { type: 'array', items: reasonCode } } } as const;
export type ReasonCodesResponse = JsonOf<typeof reasonCodesResponse>;

export const newReasonCodeBody = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'code', 'label'],
  properties: { kind: reasonCodeKind, code: text(40), label: { ...text(100), minLength: 1 } },
} as const;
export type NewReasonCodeRequest = JsonOf<typeof newReasonCodeBody>;

export const reasonCodeParams = {
  type: 'object',
  required: ['kind', 'code'],
  properties: { kind: reasonCodeKind, code: { type: 'string' } },
} as const;
export const updateReasonCodeBody = {
  type: 'object',
  additionalProperties: false,
  required: ['active'],
  properties: { active: { type: 'boolean' } },
} as const;
export { reasonCode as reasonCodeSchema };

export const documentsResponse = {
  type: 'object',
  required: ['items'],
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'kind', 'number', 'date', 'title', 'pdfUrl', 'htmlUrl'],
        properties: {
          id: { type: 'string' },
          kind: { type: 'string', enum: ['collection_letter', 'interest_note'] },
          number: { type: 'string' },
          date: { type: 'string', format: 'date' },
          title: { type: 'string' },
          pdfUrl: { type: 'string' },
          htmlUrl: { type: 'string' },
        },
      },
    },
  },
} as const;
export type DocumentsResponse = JsonOf<typeof documentsResponse>;
