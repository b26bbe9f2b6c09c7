// Schema of GET /api/customers/:id/timeline and the types of the JSON it describes (TimelineResponse
// and its entries: ledger entries, collection letters and activities).
import { isoDate, ledgerKind, minor, nullableIsoDate, nullableMinor, type JsonOf } from './common';

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
  properties: {
    document: { type: 'string' },
    kind: ledgerKind,
    date: isoDate,
    amount: { ...minor, description: 'Integer minor units of the currency of the entry that carries this ref' },
  },
} as const;
export type SettlementRef = JsonOf<typeof settlementRef>;

const timelineEntry = {
  type: 'object',
  required: ['id', 'type', 'date', 'title', 'currency', 'amount', 'dueDate', 'open', 'settlements', 'details'],
  properties: {
    id: { type: 'string' },
    type: { type: 'string', enum: [...ledgerKind.enum, 'letter', 'activity', 'statement'] },
    date: isoDate,
    title: { type: 'string', description: "Document number, letter number, or the activity's purpose" },
    currency: { type: ['string', 'null'] },
    amount: nullableMinor,
    dueDate: nullableIsoDate,
    open: { ...nullableMinor, description: 'Open amount today (transactions only)' },
    settlements: {
      type: 'array',
      items: settlementRef,
      description: 'For debits: the credits that settled it; for credits: the debits it settled',
    },
    details: {
      type: 'object',
      description: 'Free details a hover card shows (status, level, outcome…)',
      additionalProperties: { type: ['string', 'number', 'null'] },
    },
  },
} as const;
export type TimelineEntry = JsonOf<typeof timelineEntry>;

export const timelineResponse = {
  type: 'object',
  required: ['from', 'to', 'entries'],
  properties: { from: isoDate, to: isoDate, entries: { type: 'array', items: timelineEntry } },
} as const;
export type TimelineResponse = JsonOf<typeof timelineResponse>;
