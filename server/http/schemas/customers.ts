// Schemas of customer lookup, search and contact linking, and the types of the JSON they describe
// (LookupResponse, CustomerSearchResponse, LinkContactRequest, ContactResponse).
import { accountStatus, currencyCode, nullableString, text, type JsonOf } from './common';

export const lookupQuery = {
  type: 'object',
  required: ['email'],
  properties: { email: { type: 'string', format: 'email', maxLength: 320, description: "The sender's address" } },
} as const;

const lookupMatch = {
  type: 'object',
  required: ['id', 'account', 'name', 'matchedBy'],
  properties: {
    id: { type: 'string' },
    account: { type: 'string' },
    name: { type: 'string' },
    matchedBy: { type: 'string', enum: ['contact', 'domain'] },
  },
} as const;
export type LookupMatch = JsonOf<typeof lookupMatch>;

export const lookupResponse = {
  type: 'object',
  required: ['matches'],
  properties: { matches: { type: 'array', items: lookupMatch } },
} as const;
export type LookupResponse = JsonOf<typeof lookupResponse>;

export const searchQuery = {
  type: 'object',
  properties: {
    search: text(200, 'Part of a name, account number or contact email'),
    limit: { type: 'integer', minimum: 1, maximum: 200, default: 25 },
    offset: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 },
  },
} as const;

const customerListItem = {
  type: 'object',
  required: ['id', 'account', 'name', 'status', 'currency'],
  properties: {
    id: { type: 'string' },
    account: { type: 'string' },
    name: { type: 'string' },
    status: accountStatus,
    currency: currencyCode,
  },
} as const;
export type CustomerListItem = JsonOf<typeof customerListItem>;

export const searchResponse = {
  type: 'object',
  required: ['items', 'total', 'limit', 'offset'],
  properties: {
    items: { type: 'array', items: customerListItem },
    total: { type: 'integer' },
    limit: { type: 'integer' },
    offset: { type: 'integer' },
  },
} as const;
export type CustomerSearchResponse = JsonOf<typeof searchResponse>;

export const linkContactBody = {
  type: 'object',
  required: ['email'],
  additionalProperties: false,
  properties: {
    email: { type: 'string', format: 'email', maxLength: 320 },
    name: { ...text(200), minLength: 1 },
  },
} as const;
export type LinkContactRequest = JsonOf<typeof linkContactBody>;

export const contactResponse = {
  type: 'object',
  required: ['id', 'customerId', 'email', 'name'],
  properties: {
    id: { type: 'string' },
    customerId: { type: 'string' },
    email: { type: 'string', description: 'Lower-cased' },
    name: nullableString,
  },
} as const;
export type ContactResponse = JsonOf<typeof contactResponse>;
