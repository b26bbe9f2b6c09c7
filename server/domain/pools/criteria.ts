// A collection pool's criteria as data: what each key means, and the check every criteria object
// passes before it is stored or compiled to SQL (unknown keys, wrong types, oversized lists and
// min > max are refused, naming the field). AND across keys, OR inside one list.
import { invalidField } from '../errors';
import { ACCOUNT_STATUSES, COLLECTION_STATUSES, type AccountStatus, type CollectionStatus } from '../types';

/** Lists of values the customer's own column must be one of. */
export const POOL_LIST_CRITERIA = ['customerGroup', 'salesArea', 'paymentTerms', 'currency', 'agentId', 'creditRating', 'accountStatus'] as const;
/** Ranges of accounting minor units. */
export const POOL_MONEY_RANGES = ['balance', 'overdue'] as const;
/** Ranges of whole days. */
export const POOL_DAY_RANGES = ['oldestOverdueDays', 'daysSinceLastActivity'] as const;
export const POOL_CRITERIA_KEYS = [...POOL_LIST_CRITERIA, ...POOL_MONEY_RANGES, ...POOL_DAY_RANGES, 'collectionStatus', 'onHold'] as const;
export type PoolCriterion = (typeof POOL_CRITERIA_KEYS)[number];

/** More values than this in one list is a mistake (or an attack), not a pool. */
export const MAX_CRITERION_VALUES = 200;
export const MAX_CRITERION_VALUE_LENGTH = 200;
/** Day ranges: 0 to about 270 years. */
export const MAX_CRITERION_DAYS = 100_000;

/** The pseudo pool of every customer. */
export const ALL_POOL_ID = 'all';

export interface Range<T> {
  min?: T;
  max?: T;
}

export interface PoolCriteria {
  customerGroup?: string[];
  salesArea?: string[];
  paymentTerms?: string[];
  /** The customer's currency. */
  currency?: string[];
  /** The customer's default agent. */
  agentId?: string[];
  creditRating?: string[];
  accountStatus?: AccountStatus[];
  balance?: Range<bigint>;
  overdue?: Range<bigint>;
  /** Days since the due date of the oldest overdue open debit; nothing overdue counts as 0. */
  oldestOverdueDays?: Range<number>;
  /** Days since the latest activity; a customer never contacted counts as infinitely long ago. */
  daysSinceLastActivity?: Range<number>;
  /** Has an open transaction in any of these statuses. */
  collectionStatus?: CollectionStatus[];
  /** Whether a customer-level hold is in force. */
  onHold?: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CURRENCY = /^[A-Z]{3}$/;
// NUL cannot be stored in PostgreSQL text; a lone surrogate would be silently replaced on the way.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const unsafeText = (value: string) => value.includes(String.fromCharCode(0)) || LONE_SURROGATE.test(value);

type ValueCheck = (value: string) => string | null;

const VALUE_CHECKS: Record<(typeof POOL_LIST_CRITERIA)[number] | 'collectionStatus', ValueCheck> = {
  customerGroup: () => null,
  salesArea: () => null,
  paymentTerms: () => null,
  creditRating: () => null,
  currency: (v) => (CURRENCY.test(v) ? null : 'must be an ISO 4217 currency code such as USD'),
  agentId: (v) => (UUID.test(v) ? null : 'must be an agent id (a UUID)'),
  accountStatus: (v) => ((ACCOUNT_STATUSES as readonly string[]).includes(v) ? null : `must be one of ${ACCOUNT_STATUSES.join(', ')}`),
  collectionStatus: (v) => ((COLLECTION_STATUSES as readonly string[]).includes(v) ? null : `must be one of ${COLLECTION_STATUSES.join(', ')}`),
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function valueList(field: string, raw: unknown, check: ValueCheck): string[] {
  if (!Array.isArray(raw)) throw invalidField(field, 'must be a list of values');
  if (raw.length === 0) throw invalidField(field, 'must list at least one value (leave the criterion out to match every customer)');
  if (raw.length > MAX_CRITERION_VALUES) throw invalidField(field, `must list at most ${MAX_CRITERION_VALUES} values`);
  const values = raw.map((value, index) => {
    const at = `${field}.${index}`;
    if (typeof value !== 'string') throw invalidField(at, 'must be a string');
    if (value.length === 0 || value.length > MAX_CRITERION_VALUE_LENGTH) throw invalidField(at, `must be 1 to ${MAX_CRITERION_VALUE_LENGTH} characters`);
    if (unsafeText(value)) throw invalidField(at, 'must not contain NUL characters or unpaired UTF-16 surrogates');
    const problem = check(value);
    if (problem !== null) throw invalidField(at, problem);
    return value;
  });
  return [...new Set(values)];
}

function range<T extends number | bigint>(field: string, raw: unknown, bound: (field: string, value: unknown) => T): Range<T> {
  if (!isPlainObject(raw)) throw invalidField(field, 'must be an object { min?, max? }');
  const unknown = Object.keys(raw).find((key) => key !== 'min' && key !== 'max');
  if (unknown !== undefined) throw invalidField(`${field}.${unknown}`, 'is not one of min, max');
  const result: Range<T> = {};
  if (raw.min !== undefined) result.min = bound(`${field}.min`, raw.min);
  if (raw.max !== undefined) result.max = bound(`${field}.max`, raw.max);
  if (result.min === undefined && result.max === undefined) throw invalidField(field, 'must give min, max or both');
  if (result.min !== undefined && result.max !== undefined && result.min > result.max) throw invalidField(field, 'must not have min greater than max');
  return result;
}

function moneyBound(field: string, value: unknown): bigint {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw invalidField(field, 'must be a whole number of accounting minor units');
  return BigInt(value);
}

function dayBound(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_CRITERION_DAYS) {
    throw invalidField(field, `must be a whole number of days from 0 to ${MAX_CRITERION_DAYS}`);
  }
  return value;
}

/**
 * The criteria of a JSON value (a request body's or a stored row's), checked and normalised (lists
 * without repeats); `field` prefixes the names in errors. Nothing is coerced: "5" is not 5.
 */
export function parseCriteria(raw: unknown, field = 'criteria'): PoolCriteria {
  if (!isPlainObject(raw)) throw invalidField(field, 'must be an object of pool criteria');
  const criteria: PoolCriteria = {};
  const target = criteria as Record<string, unknown>;
  for (const [key, value] of Object.entries(raw)) {
    const at = `${field}.${key}`;
    if (!(POOL_CRITERIA_KEYS as readonly string[]).includes(key)) {
      throw invalidField(at, `is not a pool criterion (one of ${POOL_CRITERIA_KEYS.join(', ')})`);
    }
    if (value === undefined) continue;
    const criterion = key as PoolCriterion;
    if (criterion === 'onHold') {
      if (typeof value !== 'boolean') throw invalidField(at, 'must be true or false');
      criteria.onHold = value;
    } else if (criterion === 'balance' || criterion === 'overdue') {
      target[criterion] = range(at, value, moneyBound);
    } else if (criterion === 'oldestOverdueDays' || criterion === 'daysSinceLastActivity') {
      target[criterion] = range(at, value, dayBound);
    } else {
      const values = valueList(at, value, VALUE_CHECKS[criterion]);
      target[criterion] = criterion === 'agentId' ? [...new Set(values.map((v) => v.toLowerCase()))] : values;
    }
  }
  return criteria;
}

/** Whether the criteria select every customer (the pool "all" has none). */
export function matchesEveryone(criteria: PoolCriteria): boolean {
  return Object.keys(criteria).length === 0;
}
