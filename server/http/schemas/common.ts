// JSON Schema building blocks shared by the routes: they validate input, shape the serialised
// output and become the OpenAPI document at /docs. They are also the API's TypeScript types:
// `JsonOf<typeof schema>` is the JSON a schema describes, for the routes and the pane's API client.
import type { FromSchema, JSONSchema } from 'json-schema-to-ts';
import { ACCOUNT_STATUSES, COLLECTION_STATUSES, LEDGER_KINDS } from '../../domain/types';

// Drops the `[x: string]: unknown` that an object without additionalProperties: false gets, but keeps
// a typed index signature (additionalProperties with a schema, as a map of details is).
type Closed<T> = T extends (infer U)[]
  ? Closed<U>[]
  : T extends object
    ? { [K in keyof T as string extends K ? (unknown extends T[K] ? never : K) : K]: Closed<T[K]> }
    : T;

/** The JSON value a schema describes, with the objects closed (our schemas list every property). */
export type JsonOf<S extends JSONSchema> = Closed<FromSchema<S>>;

export const apiErrorSchema = {
  type: 'object',
  required: ['code', 'message'],
  properties: {
    code: { type: 'string', description: "Machine-readable, e.g. 'invalid_request', 'customer_not_found'." },
    message: { type: 'string', description: 'A sentence naming the field at fault.' },
    details: {},
  },
} as const;
export type ApiError = JsonOf<typeof apiErrorSchema>;

/** PostgreSQL text cannot hold U+0000: refused at the door rather than failing in the database. */
export const NO_NUL = '^[^\\u0000]*$';
export function text(maxLength: number, description?: string) {
  return { type: 'string', maxLength, pattern: NO_NUL, ...(description ? { description } : {}) } as const;
}

export const errorResponses = { 400: apiErrorSchema, 404: apiErrorSchema } as const;

/** A real calendar date: Ajv's full 'date' format rejects 2026-02-30. */
export const isoDate = { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
export const nullableIsoDate = { type: ['string', 'null'], format: 'date' } as const;
/** 'YYYY-MM-DD'. */
export type IsoDate = JsonOf<typeof isoDate>;

/** Integer minor units of the currency named beside it. */
export const minor = { type: 'integer', description: 'Integer minor units' } as const;
export const nullableMinor = { type: ['integer', 'null'], description: 'Integer minor units' } as const;

export const currencyCode = { type: 'string', pattern: '^[A-Z]{3}$' } as const;
export const nullableString = { type: ['string', 'null'] } as const;

export const accountStatus = { type: 'string', enum: ACCOUNT_STATUSES } as const;
export type AccountStatus = JsonOf<typeof accountStatus>;

export const ledgerKind = { type: 'string', enum: LEDGER_KINDS } as const;
export type LedgerKind = JsonOf<typeof ledgerKind>;

export const collectionStatus = { type: 'string', enum: COLLECTION_STATUSES } as const;
export type CollectionStatus = JsonOf<typeof collectionStatus>;

/** Any string: a malformed id is answered 404 like an unknown one, not 400. */
export const customerIdParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', description: 'Customer id (uuid)' } },
} as const;

export const asOfQuery = {
  type: 'object',
  properties: {
    asOf: { ...isoDate, description: "As-of date; default today in the company's time zone" },
  },
} as const;
