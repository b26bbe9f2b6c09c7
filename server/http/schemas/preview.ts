// Schema of GET /api/preview/mailbox, the browser preview's simulated inbox, and its JSON types.
import type { JsonOf } from './common';

const address = {
  type: 'object',
  required: ['displayName', 'emailAddress'],
  properties: { displayName: { type: 'string' }, emailAddress: { type: 'string' } },
} as const;

export const previewMailboxResponse = {
  type: 'object',
  required: ['emails'],
  properties: {
    emails: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'from', 'to', 'subject', 'body', 'receivedAt'],
        properties: {
          id: { type: 'string' },
          from: address,
          to: { type: 'array', items: address },
          subject: { type: 'string' },
          body: { type: 'string' },
          receivedAt: { type: 'string', format: 'date-time' },
        },
      },
    },
  },
} as const;

export type PreviewMailboxResponse = JsonOf<typeof previewMailboxResponse>;
/** A simulated email: `receivedAt` is an ISO 8601 UTC instant. */
export type PreviewEmail = PreviewMailboxResponse['emails'][number];
