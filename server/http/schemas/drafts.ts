// Schema of POST /api/customers/:id/drafts: an email's subject and plain-text body in, the actions
// it asks for out (most likely first), each field with the words it came from.
import { DISPUTE_REASON_CODES } from '../../domain/drafts/reasons';
import { PROPOSAL_ASSUMPTIONS, PROPOSAL_KINDS } from '../../domain/drafts/types';
import { currencyCode, isoDate, minor, text, type JsonOf } from './common';

/** An email body beyond this is not a reply a customer typed: refused rather than read for seconds. */
export const MAX_BODY_CHARS = 100_000;

export const draftsBody = {
  type: 'object',
  required: ['subject', 'body', 'receivedAt'],
  additionalProperties: false,
  properties: {
    subject: text(1000),
    body: text(MAX_BODY_CHARS, 'The email body as plain text'),
    receivedAt: { type: 'string', format: 'date-time', description: 'When the email arrived (ISO 8601 instant)' },
    from: { ...text(320), description: "The sender's address" },
  },
} as const;
export type DraftsRequest = JsonOf<typeof draftsBody>;

const evidence = {
  type: 'object',
  required: ['field', 'part', 'start', 'end', 'text'],
  properties: {
    field: { type: 'string', description: "The proposed field ('kind' for the words that tell the kind)" },
    part: { type: 'string', enum: ['subject', 'body'] },
    start: { type: 'integer', description: 'Offset into the original subject or body (UTF-16 code units)' },
    end: { type: 'integer', description: 'Exclusive' },
    text: { type: 'string' },
  },
} as const;
export type DraftEvidence = JsonOf<typeof evidence>;

const fields = {
  type: 'object',
  description: 'The fields of the kind, as its own request takes them',
  properties: {
    date: { anyOf: [isoDate, { type: 'null' }] },
    items: {
      type: 'array',
      items: { type: 'object', required: ['transactionId', 'amount', 'currency'], properties: { transactionId: { type: 'string' }, amount: minor, currency: currencyCode } },
    },
    reasonCode: { type: 'string', enum: DISPUTE_REASON_CODES },
    transactionIds: { type: 'array', items: { type: 'string' } },
    amount: minor,
    currency: currencyCode,
    reference: { type: 'string' },
    statement: { type: 'boolean' },
    email: { type: 'string' },
    name: { type: 'string' },
  },
} as const;

const proposal = {
  type: 'object',
  required: ['kind', 'confidence', 'fields', 'evidence', 'assumptions'],
  properties: {
    kind: { type: 'string', enum: PROPOSAL_KINDS },
    confidence: { type: 'number', description: '0–1: how strongly the words point at this kind' },
    fields,
    evidence: { type: 'array', items: evidence },
    assumptions: {
      type: 'array',
      description: "What was assumed rather than read: 'amount_from_open' (no amount named), 'items_from_oldest_overdue' (no invoice named)",
      items: { type: 'string', enum: PROPOSAL_ASSUMPTIONS },
    },
  },
} as const;
export type DraftProposal = JsonOf<typeof proposal>;

export const draftsResponse = {
  type: 'object',
  required: ['proposals'],
  properties: { proposals: { type: 'array', items: proposal } },
} as const;
export type DraftsResponse = JsonOf<typeof draftsResponse>;
