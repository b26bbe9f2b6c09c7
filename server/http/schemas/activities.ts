// JSON Schemas of the activities API: what a call, task, appointment, event or note may carry, and
// the activity the server answers with (sync state included); and the API's types made from them.
import { ACTIVITY_OUTCOMES, ACTIVITY_STATUSES, ACTIVITY_SYNC_STATES, ACTIVITY_TYPES } from '../../domain/activities';
import { isoDate, NO_NUL, nullableIsoInstant, promiseInput, text, uuid, type JsonOf } from './common';

const nullableInstant = nullableIsoInstant;
const nullableText = (max: number) => ({ type: ['string', 'null'], maxLength: max, pattern: NO_NUL }) as const;
const activityType = { type: 'string', enum: ACTIVITY_TYPES } as const;
const outcome = { type: ['string', 'null'], enum: [...ACTIVITY_OUTCOMES, null] } as const;
const status = { type: 'string', enum: ACTIVITY_STATUSES } as const;
const syncState = { type: 'string', enum: ACTIVITY_SYNC_STATES } as const;

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
    type: activityType,
    ...editable,
    purpose: { ...editable.purpose, minLength: 1 },
    ledgerEntryIds: { type: 'array', items: uuid, maxItems: 500 },
    promise: promiseInput,
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
    status,
    promise: {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      description: "Corrects the recorded promise: the date (not before the activity's), the total promised in minor units " +
        '(spread over its transactions in the order named, each up to what is open). The transactions that still carry it follow.',
      properties: {
        date: isoDate,
        amount: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER },
      },
    },
    dispute: {
      type: 'object',
      additionalProperties: false,
      required: ['reasonCode'],
      description: 'Corrects the recorded dispute: an active dispute reason code (GET /api/reason-codes?kind=dispute)',
      properties: { reasonCode: { ...text(50), minLength: 1 } },
    },
  },
} as const;

const stringOrNull = { type: ['string', 'null'] } as const;

const promiseRecord = {
  type: ['object', 'null'],
  required: ['date', 'totals', 'items'],
  description: 'What the promise to pay said (null without one)',
  properties: {
    date: { type: 'string' },
    /** One per currency: the amount promised in minor units. */
    totals: {
      type: 'array',
      items: { type: 'object', required: ['amount', 'currency'], properties: { amount: { type: 'integer' }, currency: { type: 'string' } } },
    },
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['transactionId', 'document', 'amount', 'currency'],
        properties: { transactionId: { type: 'string' }, document: { type: 'string' }, amount: { type: 'integer' }, currency: { type: 'string' } },
      },
    },
  },
} as const;

const disputeRecord = {
  type: ['object', 'null'],
  required: ['reasonCode', 'reasonLabel', 'items'],
  description: 'What the dispute said (null without one)',
  properties: {
    reasonCode: { type: 'string' },
    reasonLabel: { type: 'string' },
    items: {
      type: 'array',
      items: { type: 'object', required: ['transactionId', 'document'], properties: { transactionId: { type: 'string' }, document: { type: 'string' } } },
    },
  },
} as const;

const historyItem = {
  type: 'object',
  required: ['at', 'source', 'actor', 'changes'],
  additionalProperties: true,
  properties: {
    at: { type: 'string' },
    source: { type: 'string', enum: ['app', 'outlook'] },
    actor: stringOrNull,
    /** Column name → its value before and after. */
    changes: { type: 'object', additionalProperties: { type: 'object', required: ['from', 'to'], properties: { from: {}, to: {} } } },
    superseded: { type: 'boolean', description: 'A change that lost to a later one (last change wins); kept so both sides show' },
  },
} as const;

export const activitySchema = {
  type: 'object',
  required: [
    'id', 'customerId', 'type', 'purpose', 'outcome', 'notes', 'contact', 'durationMinutes', 'startAt', 'endAt', 'dueAt',
    'followUpAt', 'status', 'ownerAgentId', 'ledgerEntryIds', 'createdAt', 'updatedAt', 'sync', 'history', 'promise', 'dispute',
  ],
  properties: {
    id: { type: 'string' },
    customerId: { type: 'string' },
    type: activityType,
    purpose: { type: 'string' },
    outcome,
    notes: stringOrNull,
    contact: stringOrNull,
    durationMinutes: { type: ['integer', 'null'] },
    startAt: stringOrNull,
    endAt: stringOrNull,
    dueAt: stringOrNull,
    followUpAt: stringOrNull,
    status,
    ownerAgentId: { type: 'string' },
    ledgerEntryIds: { type: 'array', items: { type: 'string' } },
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
    version: { type: 'integer', description: 'Raised by every change; send it back as If-Match to edit only what you read' },
    sync: {
      type: 'object',
      required: ['state'],
      description: 'Outlook calendar / To Do sync: not_configured when the server has no Graph access',
      properties: {
        state: syncState,
        eventId: { type: 'string' },
        taskId: { type: 'string' },
        error: { type: 'string' },
      },
    },
    history: { type: 'array', items: historyItem },
    promise: promiseRecord,
    dispute: disputeRecord,
  },
} as const;

export const activityListResponse = {
  type: 'object',
  required: ['items'],
  properties: { items: { type: 'array', items: activitySchema } },
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

export const ifMatchHeaders = {
  type: 'object',
  properties: { 'if-match': { type: 'string', maxLength: 100, description: 'The version read (ETag, e.g. "3"): a stale one gets 412' } },
} as const;

/** Any string: a malformed id is answered 404 like an unknown one, not 400. */
export const activityIdParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', description: 'Activity id (uuid)' } },
} as const;

export type ActivityType = JsonOf<typeof activityType>;
export type ActivityOutcome = NonNullable<JsonOf<typeof outcome>>;
export type ActivityStatus = JsonOf<typeof status>;
export type ActivitySyncState = JsonOf<typeof syncState>;
/** POST /api/customers/:id/activities (header Idempotency-Key replays the first result). */
export type CreateActivityRequest = JsonOf<typeof createActivityBody>;
/** PATCH /api/activities/:id: edit, complete (status completed) or cancel (status cancelled). */
export type UpdateActivityRequest = JsonOf<typeof updateActivityBody>;
export type ActivityHistoryItem = JsonOf<typeof historyItem>;
export type Activity = JsonOf<typeof activitySchema>;
export type ActivityPromiseJson = NonNullable<Activity['promise']>;
export type ActivityDisputeJson = NonNullable<Activity['dispute']>;
export type ActivityListResponse = JsonOf<typeof activityListResponse>;
