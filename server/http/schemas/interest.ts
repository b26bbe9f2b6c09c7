// JSON Schemas of interest (the managed codes, a customer's code, proposals as of a date, posted
// notes) and of the pane's other manager controls: agents' write-off limits and a transaction's
// settlements to reverse. The API's types come from here.
import { INTEREST_PERIODS, INTEREST_SKIP_REASONS } from '../../domain/interest';
import { AGENT_ROLES } from '../../domain/types';
import { currencyCode, isoDate, isoInstant, minor, text, uuid, type JsonOf } from './common';

const period = { type: 'string', enum: INTEREST_PERIODS } as const;
const rateBp = { type: 'integer', minimum: 0, maximum: 100_000, description: 'Basis points per period (150 = 1.5 %)' } as const;
const graceDays = { type: 'integer', minimum: 0, maximum: 3650, description: 'Days past due before an item earns interest' } as const;
const minimum = { type: 'integer', minimum: 0, description: 'Minor units of currency: a note charging less is not posted' } as const;
const code = { type: 'string', pattern: '^[A-Z][A-Z0-9_-]{0,19}$', description: 'Capital letters, digits, - and _' } as const;

export const interestCodeSchema = {
  type: 'object',
  required: ['code', 'description', 'rateBp', 'period', 'graceDays', 'minimum', 'currency', 'active', 'isDefault', 'version'],
  properties: {
    code: { type: 'string' }, description: { type: 'string' }, rateBp: { type: 'integer' }, period, graceDays: { type: 'integer' }, minimum: minor,
    currency: { type: 'string' }, active: { type: 'boolean' }, isDefault: { type: 'boolean', description: 'The code of customers without one' }, version: { type: 'integer' },
  },
} as const;
export type InterestCodeJson = JsonOf<typeof interestCodeSchema>;

export const interestCodesResponse = { type: 'object', required: ['items'], properties: { items: { type: 'array', items: interestCodeSchema } } } as const;
export type InterestCodesResponse = JsonOf<typeof interestCodesResponse>;

export const newInterestCodeBody = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'description', 'rateBp', 'period', 'currency'],
  properties: { code, description: { ...text(200), minLength: 1 }, rateBp, period, graceDays, minimum, currency: currencyCode, active: { type: 'boolean' }, isDefault: { type: 'boolean' } },
} as const;
export type NewInterestCodeRequest = JsonOf<typeof newInterestCodeBody>;

export const updateInterestCodeBody = {
  type: 'object',
  additionalProperties: false,
  required: ['version'],
  properties: {
    description: { ...text(200), minLength: 1 }, rateBp, period, graceDays, minimum, currency: currencyCode, active: { type: 'boolean' }, isDefault: { type: 'boolean' },
    version: { type: 'integer', minimum: 1, description: 'The version read: a stale one gets 409' },
  },
} as const;
export type UpdateInterestCodeRequest = JsonOf<typeof updateInterestCodeBody>;

export const interestCodeParams = { type: 'object', required: ['code'], properties: { code: { type: 'string', maxLength: 20 } } } as const;

export const customerInterestCodeBody = {
  type: 'object',
  additionalProperties: false,
  required: ['code'],
  properties: { code: { type: ['string', 'null'], maxLength: 20, description: 'null: the default code' } },
} as const;
export const customerInterestCodeResponse = { type: 'object', required: ['customerId', 'code'], properties: { customerId: { type: 'string' }, code: { type: ['string', 'null'] } } } as const;
export type CustomerInterestCodeResponse = JsonOf<typeof customerInterestCodeResponse>;

export const proposalsQuery = {
  type: 'object',
  properties: { asOf: { ...isoDate, description: 'Default today' }, customerId: { ...uuid, description: 'One customer; default every customer with overdue items' } },
} as const;

const line = {
  type: 'object',
  required: ['transactionId', 'document', 'dueDate', 'from', 'to', 'days', 'rateBp', 'period', 'base', 'interest'],
  properties: {
    transactionId: { type: 'string' }, document: { type: 'string' }, dueDate: isoDate, from: { ...isoDate, description: 'First day charged' },
    to: { ...isoDate, description: 'Last day charged' }, days: { type: 'integer' }, rateBp: { type: 'integer' }, period, base: { ...minor, description: 'Open amount charged on' }, interest: minor,
  },
} as const;

const proposedNote = {
  type: 'object',
  required: ['currency', 'total', 'totalAccounting', 'lines'],
  properties: { currency: { type: 'string' }, total: minor, totalAccounting: { ...minor, description: 'In the accounting currency' }, lines: { type: 'array', items: line } },
} as const;

const customerRef = { type: 'object', required: ['id', 'account', 'name'], properties: { id: { type: 'string' }, account: { type: 'string' }, name: { type: 'string' } } } as const;

export const proposalsResponse = {
  type: 'object',
  required: ['asOf', 'accountingCurrency', 'items'],
  properties: {
    asOf: isoDate,
    accountingCurrency: { type: 'string' },
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['customer', 'code', 'notes', 'skipped'],
        properties: {
          customer: customerRef,
          code: { type: ['string', 'null'], description: 'The code that applies; null: none (nothing is charged)' },
          notes: { type: 'array', items: proposedNote },
          skipped: {
            type: 'array',
            items: { type: 'object', required: ['transactionId', 'document', 'reason'], properties: { transactionId: { type: 'string' }, document: { type: 'string' }, reason: { type: 'string', enum: INTEREST_SKIP_REASONS } } },
          },
        },
      },
    },
  },
} as const;
export type InterestProposalsResponse = JsonOf<typeof proposalsResponse>;

export const postNotesBody = {
  type: 'object',
  additionalProperties: false,
  required: ['asOf', 'customerIds'],
  properties: {
    asOf: isoDate,
    customerIds: { type: 'array', items: uuid, minItems: 1, maxItems: 500, uniqueItems: true },
    expected: {
      type: 'array',
      maxItems: 2000,
      description: 'The notes reviewed: a different outcome is refused with 409',
      items: { type: 'object', additionalProperties: false, required: ['customerId', 'currency', 'total'], properties: { customerId: uuid, currency: currencyCode, total: { type: 'integer', minimum: 1 } } },
    },
    language: { type: 'string', pattern: '^[a-z]{2}$' },
  },
} as const;
export type PostInterestNotesRequest = JsonOf<typeof postNotesBody>;

export const interestNoteSchema = {
  type: 'object',
  required: ['id', 'number', 'customerId', 'asOf', 'currency', 'interestCode', 'rateBp', 'period', 'total', 'totalAccounting', 'entryId', 'subject', 'createdBy', 'createdAt', 'lines', 'pdfUrl', 'htmlUrl'],
  properties: {
    id: { type: 'string' }, number: { type: 'string' }, customerId: { type: 'string' }, asOf: isoDate, currency: { type: 'string' }, interestCode: { type: 'string' },
    rateBp: { type: 'integer' }, period, total: minor, totalAccounting: minor, entryId: { type: 'string', description: 'The interest ledger entry' }, subject: { type: 'string' },
    createdBy: { type: 'string' }, createdAt: isoInstant, lines: { type: 'array', items: line }, pdfUrl: { type: 'string' }, htmlUrl: { type: 'string' },
  },
} as const;
export type InterestNoteJson = JsonOf<typeof interestNoteSchema>;

export const interestNotesResponse = { type: 'object', required: ['items'], properties: { items: { type: 'array', items: interestNoteSchema } } } as const;
export type InterestNotesResponse = JsonOf<typeof interestNotesResponse>;
export const notesQuery = { type: 'object', properties: { customerId: uuid } } as const;
export const noteIdParams = { type: 'object', required: ['id'], properties: { id: { type: 'string' } } } as const;

export const agentSchema = {
  type: 'object',
  required: ['id', 'email', 'name', 'role', 'writeOffLimit'],
  properties: {
    id: { type: 'string' }, email: { type: 'string' }, name: { type: ['string', 'null'] }, role: { type: 'string', enum: AGENT_ROLES },
    writeOffLimit: { type: ['integer', 'null'], description: 'Accounting-currency minor units; null: no write-off rights' },
  },
} as const;
export type AgentJson = JsonOf<typeof agentSchema>;
export const agentsResponse = { type: 'object', required: ['items', 'accountingCurrency'], properties: { items: { type: 'array', items: agentSchema }, accountingCurrency: { type: 'string' } } } as const;
export type AgentsResponse = JsonOf<typeof agentsResponse>;
export const updateAgentBody = {
  type: 'object',
  additionalProperties: false,
  required: ['writeOffLimit'],
  properties: { writeOffLimit: { type: ['integer', 'null'], minimum: 0, maximum: 9_007_199_254_740_991, description: 'null: no write-off rights' } },
} as const;
export type UpdateAgentRequest = JsonOf<typeof updateAgentBody>;

/** The settlements of one transaction, for reversing one from the pane (only those made here can be). */
export const transactionSettlementsResponse = {
  type: 'object',
  required: ['items'],
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'debitId', 'debitDocument', 'creditId', 'creditDocument', 'currency', 'amount', 'date', 'reversible'],
        properties: {
          id: { type: 'string' }, debitId: { type: 'string' }, debitDocument: { type: 'string' }, creditId: { type: 'string' }, creditDocument: { type: 'string' },
          currency: { type: 'string' }, amount: minor, date: isoDate,
          reversible: { type: 'boolean', description: 'Made here and not yet reversed (imported ones stay with the ERP)' },
        },
      },
    },
  },
} as const;
export type TransactionSettlementsResponse = JsonOf<typeof transactionSettlementsResponse>;
