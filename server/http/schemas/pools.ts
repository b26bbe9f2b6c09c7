// Schemas of the collection pools, the pool worklist and the pool's status chart, and the API types
// derived from them (PoolResponse, PoolsResponse, WorklistResponse, ChartResponse, …) that the pane
// imports. The criteria's keys and bounds come from server/domain/pools/criteria.ts; the domain
// checks criteria again before any schema coercion (see routes/pools/shared.ts).
import { DEFAULT_AGING_PERIODS } from '../../domain/aging';
import { MAX_CRITERION_DAYS, MAX_CRITERION_VALUE_LENGTH, MAX_CRITERION_VALUES, POOL_CRITERIA_KEYS } from '../../domain/pools/criteria';
import { apiErrorSchema, accountStatus, collectionStatus, currencyCode, isoDate, minor, nullableIsoInstant, text, uuid, type JsonOf } from './common';

export const poolErrors = { 400: apiErrorSchema, 403: apiErrorSchema, 404: apiErrorSchema, 409: apiErrorSchema } as const;

/** Any string: a malformed id is answered 404 like an unknown one; 'all' is every customer. */
export const poolIdParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', description: "Pool id (uuid), or 'all'" } } } as const;

function valueList<T extends object>(items: T, description: string) {
  return { type: 'array', minItems: 1, maxItems: MAX_CRITERION_VALUES, items, description } as const;
}

const moneyRange = {
  type: 'object',
  additionalProperties: false,
  properties: { min: minor, max: minor },
  description: 'Inclusive bounds in accounting minor units',
} as const;

const dayRange = {
  type: 'object',
  additionalProperties: false,
  properties: { min: { type: 'integer', minimum: 0, maximum: MAX_CRITERION_DAYS }, max: { type: 'integer', minimum: 0, maximum: MAX_CRITERION_DAYS } },
  description: 'Inclusive bounds in days',
} as const;

const criterionText = text(MAX_CRITERION_VALUE_LENGTH);

export const poolCriteria = {
  type: 'object',
  additionalProperties: false,
  propertyNames: { enum: POOL_CRITERIA_KEYS },
  description: 'AND across keys, OR inside a list; no key: every customer',
  properties: {
    customerGroup: valueList(criterionText, "The customer's group is one of these"),
    salesArea: valueList(criterionText, "The customer's sales area is one of these"),
    paymentTerms: valueList(criterionText, "The customer's payment terms are one of these"),
    currency: valueList(currencyCode, "The customer's currency is one of these"),
    agentId: valueList(uuid, "The customer's default agent is one of these"),
    creditRating: valueList(criterionText, "The customer's credit rating is one of these"),
    accountStatus: valueList(accountStatus, "The customer's account status is one of these"),
    balance: { ...moneyRange, description: 'Open balance (debits less credits) within these bounds' },
    overdue: { ...moneyRange, description: 'Overdue amount within these bounds' },
    oldestOverdueDays: { ...dayRange, description: 'Days overdue of the oldest overdue debit within these bounds (nothing overdue: 0)' },
    collectionStatus: valueList(collectionStatus, 'Has an open transaction in one of these collection statuses'),
    daysSinceLastActivity: { ...dayRange, description: 'Days since the latest activity within these bounds (never: more than any bound)' },
    onHold: { type: 'boolean', description: 'A customer-level hold is (true) or is not (false) in force' },
  },
} as const;
export type PoolCriteriaJson = JsonOf<typeof poolCriteria>;

export const poolResponse = {
  type: 'object',
  required: ['id', 'name', 'criteria', 'createdBy', 'updatedAt', 'version'],
  properties: {
    id: { type: 'string', description: "uuid, or 'all' for the pseudo pool of every customer" },
    name: { type: 'string' },
    criteria: poolCriteria,
    createdBy: { type: ['string', 'null'], description: 'Name (or email) of the manager who created the pool' },
    updatedAt: nullableIsoInstant,
    version: { type: 'integer', description: 'Send it back with a PATCH: a stale one is a 409' },
  },
} as const;
export type PoolResponse = JsonOf<typeof poolResponse>;

export const poolsResponse = {
  type: 'object',
  required: ['items', 'defaultPoolId'],
  properties: {
    items: { type: 'array', items: poolResponse, description: "The pseudo pool 'all' first, then the pools by name" },
    defaultPoolId: { type: 'string', description: "The signed-in agent's default pool ('all' when none is set or it was deleted)" },
  },
} as const;
export type PoolsResponse = JsonOf<typeof poolsResponse>;

const poolName = { ...text(100), minLength: 1, description: 'Unique among pools' } as const;

export const poolCreateBody = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'criteria'],
  properties: { name: poolName, criteria: poolCriteria },
} as const;
export type PoolCreateBody = JsonOf<typeof poolCreateBody>;

export const poolUpdateBody = {
  type: 'object',
  additionalProperties: false,
  required: ['version'],
  properties: { name: poolName, criteria: poolCriteria, version: { type: 'integer', minimum: 0 } },
} as const;
export type PoolUpdateBody = JsonOf<typeof poolUpdateBody>;

export const defaultPoolBody = {
  type: 'object',
  additionalProperties: false,
  required: ['poolId'],
  properties: { poolId: { type: 'string', maxLength: 100, description: "A pool id or 'all'" } },
} as const;
export type DefaultPoolBody = JsonOf<typeof defaultPoolBody>;

export const defaultPoolResponse = { type: 'object', required: ['defaultPoolId'], properties: { defaultPoolId: { type: 'string' } } } as const;
export type DefaultPoolResponse = JsonOf<typeof defaultPoolResponse>;

export const poolPreviewBody = { type: 'object', additionalProperties: false, required: ['criteria'], properties: { criteria: poolCriteria } } as const;
export type PoolPreviewBody = JsonOf<typeof poolPreviewBody>;

export const poolPreviewResponse = {
  type: 'object',
  required: ['customers', 'overdue', 'currency'],
  properties: {
    customers: { type: 'integer', description: 'Customers the criteria select today' },
    overdue: { ...minor, description: 'Their overdue amount in the accounting currency' },
    currency: currencyCode,
  },
} as const;
export type PoolPreviewResponse = JsonOf<typeof poolPreviewResponse>;

export const WORKLIST_PAGE_MAX = 200;

export const worklistQuery = {
  type: 'object',
  properties: {
    asOf: { ...isoDate, description: "As-of date; default today in the company's time zone" },
    search: { ...text(200), description: 'Part of the name or account number (case-insensitive)' },
    limit: { type: 'integer', minimum: 1, maximum: WORKLIST_PAGE_MAX, default: 50 },
    cursor: { type: 'string', maxLength: 200, description: 'nextCursor of the previous page; the other parameters must be the same' },
    status: { ...collectionStatus, description: 'Only customers with an open transaction in this collection status' },
    period: {
      type: 'integer',
      minimum: 0,
      maximum: DEFAULT_AGING_PERIODS.length - 1,
      description: 'Only customers with an open amount in this aging period (index into the chart’s byPeriod)',
    },
  },
} as const;
export type WorklistQuery = JsonOf<typeof worklistQuery>;

const worklistItem = {
  type: 'object',
  required: ['customer', 'balance', 'overdue', 'oldestOverdueDays', 'priority', 'lastActivityAt', 'nextFollowUpAt', 'flags'],
  properties: {
    customer: { type: 'object', required: ['id', 'account', 'name'], properties: { id: { type: 'string' }, account: { type: 'string' }, name: { type: 'string' } } },
    balance: minor,
    overdue: minor,
    oldestOverdueDays: { type: ['integer', 'null'], description: 'Days overdue of the oldest overdue debit; null when nothing is overdue' },
    priority: { type: 'integer', description: 'Higher is more urgent; -1 for a customer on hold (docs/domain-rules.md, "Worklist priority")' },
    lastActivityAt: nullableIsoInstant,
    nextFollowUpAt: { type: ['string', 'null'], format: 'date', description: 'Earliest follow-up date of the open activities (YYYY-MM-DD)' },
    flags: {
      type: 'object',
      required: ['brokenPromise', 'disputed', 'onHold', 'overCreditLimit'],
      properties: { brokenPromise: { type: 'boolean' }, disputed: { type: 'boolean' }, onHold: { type: 'boolean' }, overCreditLimit: { type: 'boolean' } },
    },
  },
} as const;
export type WorklistItem = JsonOf<typeof worklistItem>;

export const worklistResponse = {
  type: 'object',
  required: ['asOf', 'currency', 'total', 'nextCursor', 'items'],
  properties: {
    asOf: isoDate,
    currency: currencyCode,
    total: { type: 'integer', description: 'Customers in the list when its first page was read' },
    nextCursor: { type: ['string', 'null'], description: 'Null on the last page' },
    items: { type: 'array', items: worklistItem },
  },
} as const;
export type WorklistResponse = JsonOf<typeof worklistResponse>;

export const chartQuery = {
  type: 'object',
  properties: { asOf: { ...isoDate, description: "As-of date; default today in the company's time zone" } },
} as const;
export type ChartQuery = JsonOf<typeof chartQuery>;

export const chartResponse = {
  type: 'object',
  required: ['asOf', 'currency', 'byStatus', 'byPeriod'],
  properties: {
    asOf: isoDate,
    currency: currencyCode,
    byStatus: {
      type: 'array',
      description: 'Open debits of the pool by collection status (every status, in the order of the statuses)',
      items: { type: 'object', required: ['status', 'amount', 'count'], properties: { status: collectionStatus, amount: minor, count: { type: 'integer' } } },
    },
    byPeriod: {
      type: 'array',
      description: 'Open entries of the pool by aging period (default periods, by due date; credits are Current)',
      items: {
        type: 'object',
        required: ['label', 'fromDays', 'toDays', 'amount', 'count'],
        properties: {
          label: { type: 'string' },
          fromDays: { type: ['integer', 'null'] },
          toDays: { type: ['integer', 'null'] },
          amount: minor,
          count: { type: 'integer', description: 'Open entries in the period' },
        },
      },
    },
  },
} as const;
export type ChartResponse = JsonOf<typeof chartResponse>;
