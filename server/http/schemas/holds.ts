// JSON Schemas of collections holds: putting a customer or its transactions on hold, lifting a
// hold, the customer's holds, and the short form the grid and the header carry.
import { HOLD_REASON_MAX } from '../../domain/actions/holds';
import { isoInstant, nullableIsoDate, nullableIsoInstant, nullableString, text, uuid, type JsonOf } from './common';

export const putOnHoldBody = {
  type: 'object',
  additionalProperties: false,
  required: ['reason'],
  properties: {
    transactionIds: { type: 'array', items: uuid, minItems: 1, maxItems: 500, description: 'Open transactions to hold; absent: the whole customer' },
    reason: { ...text(HOLD_REASON_MAX, 'Why collections are held'), minLength: 1 },
    until: { ...nullableIsoDate, description: 'Held through this date (inclusive, not before today); absent or null: until lifted' },
  },
} as const;
export type PutOnHoldRequest = JsonOf<typeof putOnHoldBody>;

/** A hold in force, as the grid's rows and the header show it. */
export const holdRef = {
  type: ['object', 'null'],
  required: ['id', 'reason', 'until'],
  properties: { id: { type: 'string' }, reason: { type: 'string' }, until: nullableIsoDate },
} as const;
export type HoldRef = JsonOf<typeof holdRef>;

export const holdSchema = {
  type: 'object',
  required: ['id', 'customerId', 'transactionId', 'reason', 'until', 'createdBy', 'createdAt', 'liftedBy', 'liftedAt', 'inForce'],
  properties: {
    id: { type: 'string' },
    customerId: { type: 'string' },
    transactionId: { ...nullableString, description: 'null: the whole customer' },
    reason: { type: 'string' },
    until: { ...nullableIsoDate, description: 'Held through this date; null: until lifted' },
    createdBy: { type: 'string' },
    createdAt: isoInstant,
    liftedBy: { ...nullableString, description: "Agent id, or 'expired' for a hold that ran out by its date" },
    liftedAt: nullableIsoInstant,
    inForce: { type: 'boolean', description: 'In force today' },
  },
} as const;
export type HoldResponse = JsonOf<typeof holdSchema>;

export const holdsResponse = {
  type: 'object',
  required: ['items'],
  properties: { items: { type: 'array', items: holdSchema } },
} as const;
export type HoldsResponse = JsonOf<typeof holdsResponse>;

export const holdIdParams = { type: 'object', required: ['id'], properties: { id: { type: 'string' } } } as const;
