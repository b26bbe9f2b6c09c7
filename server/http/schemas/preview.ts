// Schema of GET /api/preview/mailbox (PreviewMailboxResponse in ../contract.ts).
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
