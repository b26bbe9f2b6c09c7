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

/**
 * PostgreSQL text cannot hold U+0000, and a lone UTF-16 surrogate would be silently replaced on the
 * way to the database: both refused at the door. (Ajv compiles patterns with the u flag, so a pair
 * is one code point and passes; only an unpaired half matches the surrogate range.)
 */
export const NO_NUL = '^[^\\u0000\\uD800-\\uDFFF]*$';
export function text(maxLength: number, description?: string) {
  return { type: 'string', maxLength, pattern: NO_NUL, ...(description ? { description } : {}) } as const;
}

export const errorResponses = { 400: apiErrorSchema, 404: apiErrorSchema } as const;

/** A real calendar date: Ajv's full 'date' format rejects 2026-02-30 (and, as the app sets it, years outside 1900–2999). */
export const isoDate = { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
export const nullableIsoDate = { type: ['string', 'null'], format: 'date' } as const;
/** 'YYYY-MM-DD'. */
export type IsoDate = JsonOf<typeof isoDate>;
/** An ISO 8601 instant with its offset, years 1900–2999, no leap second (see strictDateFormats). */
export const isoInstant = { type: 'string', format: 'date-time' } as const;
export const nullableIsoInstant = { type: ['string', 'null'], format: 'date-time' } as const;

export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2999-12-31';

type FormatCheck = (value: string) => boolean;
interface FormatsHolder {
  formats: Record<string, unknown>;
  addFormat(name: string, format: FormatCheck): unknown;
}
function checkOf(format: unknown): FormatCheck {
  const check = format && typeof format === 'object' && 'validate' in format ? format.validate : format;
  if (check instanceof RegExp) return (value) => check.test(value);
  return check as FormatCheck;
}
const yearInRange = (value: string) => value.slice(0, 4) >= EARLIEST_DATE.slice(0, 4) && value.slice(0, 4) <= LATEST_DATE.slice(0, 4);

/**
 * Narrows Ajv's 'date' and 'date-time' formats for every schema of the app at once: years 1900–2999
 * (what the domain's date arithmetic and both databases agree on: PGlite fails on year 0, PostgreSQL
 * stores it) and no leap second (JavaScript and PGlite cannot represent :60). Runs after ajv-formats.
 */
export function strictDateFormats(ajv: FormatsHolder): void {
  const date = checkOf(ajv.formats.date);
  const dateTime = checkOf(ajv.formats['date-time']);
  ajv.addFormat('date', (value) => date(value) && yearInRange(value));
  ajv.addFormat('date-time', (value) => dateTime(value) && yearInRange(value) && value.slice(17, 19) !== '60');
}

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

interface RouteSchemaOptions {
  url: string;
  schema?: { querystring?: unknown } & Record<string, unknown>;
}

/**
 * An onRoute hook: every API route refuses query parameters it does not know (`?as_of=` must not
 * silently answer for today), whether or not its schema lists any. By `propertyNames`, not
 * `additionalProperties: false`, which Fastify's Ajv (removeAdditional) would silently strip.
 */
export function closeQuerystring(route: RouteSchemaOptions): void {
  if (!route.url.startsWith('/api/')) return;
  const query = (route.schema?.querystring ?? { type: 'object' }) as { properties?: Record<string, unknown>; propertyNames?: unknown };
  if (query.propertyNames !== undefined) return;
  const known = Object.keys(query.properties ?? {});
  const propertyNames = known.length > 0 ? { enum: known } : { not: {} };
  route.schema = { ...route.schema, querystring: { ...query, propertyNames } };
}

export const asOfQuery = {
  type: 'object',
  properties: {
    asOf: { ...isoDate, description: "As-of date; default today in the company's time zone" },
  },
} as const;

export const uuid = { type: 'string', format: 'uuid' } as const;

/** A promise to pay: its date and, per transaction, the amount promised in the transaction's own
 * currency. One shape for the activity that records it and the status change that sets it. */
export const promiseInput = {
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
} as const;
