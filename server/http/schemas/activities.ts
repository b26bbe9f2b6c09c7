// JSON Schemas of the activities API: what a call, task, appointment, event or note may carry, and
// the activity the server answers with (sync state included).
import { currencyCode, isoDate, text } from './common';

const nullableInstant = { type: ['string', 'null'], format: 'date-time' } as const;
const nullableText = (max: number) => ({ type: ['string', 'null'], maxLength: max, pattern: '^[^\\u0000]*$' }) as const;
const outcome = { type: ['string', 'null'], enum: ['reached', 'left_message', 'no_answer', 'promise_to_pay', 'dispute', 'wrong_contact', null] } as const;
const uuid = { type: 'string', format: 'uuid' } as const;

const editable = {
  purpose: text(200, 'What the activity is about; the title in the timeline and in Outlook'),
  outcome,
  notes: nullableText(10_000),
  contact: nullableText(320),
  durationMinutes: { type: ['integer', 'null'], minimum: 0, maximum: 1440 },
  startAt: nullableInstant,
  endAt: nullableInstant,
  dueAt: nullableInstant,
  followUpAt: { ...nullableInstant, description: 'Creates a To Do task with a reminder at this instant' },
} as const;

export const createActivityBody = {
  type: 'object',
  additionalProperties: false,
  required: ['type', 'purpose'],
  properties: {
    type: { type: 'string', enum: ['call', 'task', 'appointment', 'event', 'note', 'email'] },
    ...editable,
    purpose: { ...editable.purpose, minLength: 1 },
    ledgerEntryIds: { type: 'array', items: uuid, maxItems: 500 },
    promise: {
      type: 'object',
      additionalProperties: false,
      required: ['date', 'items'],
      properties: {
        date: isoDate,
        items: {
          type: 'array',
          minItems: 1,
          maxItems: 500,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['transactionId', 'amount', 'currency'],
            properties: { transactionId: uuid, amount: { type: 'integer', minimum: 1 }, currency: currencyCode },
          },
        },
      },
    },
    dispute: {
      type: 'object',
      additionalProperties: false,
      required: ['reasonCode', 'transactionIds'],
      properties: {
        reasonCode: { ...text(50), minLength: 1 },
        transactionIds: { type: 'array', items: uuid, minItems: 1, maxItems: 500 },
      },
    },
  },
} as const;

export const updateActivityBody = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    ...editable,
    purpose: { ...editable.purpose, minLength: 1 },
    status: { type: 'string', enum: ['open', 'completed', 'cancelled'] },
  },
} as const;

const instantOrNull = { type: ['string', 'null'] } as const;

export const activitySchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    customerId: { type: 'string' },
    type: { type: 'string' },
    purpose: { type: 'string' },
    outcome: instantOrNull,
    notes: instantOrNull,
    contact: instantOrNull,
    durationMinutes: { type: ['integer', 'null'] },
    startAt: instantOrNull,
    endAt: instantOrNull,
    dueAt: instantOrNull,
    followUpAt: instantOrNull,
    status: { type: 'string' },
    ownerAgentId: { type: 'string' },
    ledgerEntryIds: { type: 'array', items: { type: 'string' } },
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
    sync: {
      type: 'object',
      required: ['state'],
      properties: {
        state: { type: 'string', enum: ['not_configured', 'pending', 'synced', 'failed'] },
        eventId: { type: 'string' },
        taskId: { type: 'string' },
        error: { type: 'string' },
      },
    },
    history: { type: 'array', items: { type: 'object', additionalProperties: true } },
  },
} as const;

export const activityListQuery = {
  type: 'object',
  properties: {
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
    offset: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 },
  },
} as const;

export const idempotencyHeaders = {
  type: 'object',
  properties: { 'idempotency-key': { type: 'string', minLength: 1, maxLength: 200 } },
} as const;
