// Schema of GET /api/exports/postings: the ERP's feed of what this product posted, from a cursor.
import { POSTING_KINDS } from '../../domain/actions/open-items';
import type { JsonOf } from './common';

export const postingsQuery = {
  type: 'object',
  properties: {
    after: { type: 'string', pattern: '^\\d{1,18}$', default: '0', description: 'The cursor of the last posting already read' },
    limit: { type: 'integer', minimum: 1, maximum: 5000, default: 1000 },
    format: { type: 'string', enum: ['json', 'csv'], default: 'json' },
  },
} as const;

const posting = {
  type: 'object',
  required: ['cursor', 'postedAt', 'kind', 'externalId', 'account', 'details'],
  properties: {
    cursor: { type: 'string' },
    postedAt: { type: 'string', format: 'date-time' },
    kind: { type: 'string', enum: POSTING_KINDS },
    externalId: { type: 'string', description: "The ERP's id for it; an entry keeps it as its external_id" },
    account: { type: 'string' },
    details: {
      type: 'object',
      description: 'An entry: kind, document, postingDate, currency, amount, amountAccounting (decimal strings of the currency). A settlement: debit/credit external ids and documents, amount, date.',
      additionalProperties: true,
    },
  },
} as const;

export const postingsResponse = {
  type: 'object',
  required: ['items', 'next'],
  properties: { items: { type: 'array', items: posting }, next: { type: 'string', description: 'The cursor to continue from' } },
} as const;
export type PostingsResponse = JsonOf<typeof postingsResponse>;
