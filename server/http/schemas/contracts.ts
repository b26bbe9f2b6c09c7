// Schema of GET /api/customers/:id/contracts and the types of the JSON it describes.
import { CONTRACT_STATES } from '../../domain/contracts';
import { currencyCode, isoDate, minor, nullableIsoDate, nullableString, type JsonOf } from './common';

const contractJson = {
  type: 'object',
  required: ['id', 'number', 'description', 'startsOn', 'endsOn', 'value', 'currency', 'state'],
  properties: {
    id: { type: 'string' },
    number: { type: 'string', description: 'The contract number, unique within the customer' },
    description: nullableString,
    startsOn: isoDate,
    endsOn: { ...nullableIsoDate, description: 'Last day in force; null: open-ended' },
    value: { ...minor, description: 'Integer minor units of the contract currency' },
    currency: currencyCode,
    state: { type: 'string', enum: CONTRACT_STATES, description: 'As of the as-of date' },
  },
} as const;
export type ContractJson = JsonOf<typeof contractJson>;

export const contractsResponse = {
  type: 'object',
  required: ['asOf', 'active', 'items'],
  properties: {
    asOf: isoDate,
    active: { type: 'integer', description: 'Contracts in force on the as-of date (as the summary counts them)' },
    items: {
      type: 'array',
      items: contractJson,
      description: 'Every contract of the customer: in force first, then upcoming, then ended',
    },
  },
} as const;
export type ContractsResponse = JsonOf<typeof contractsResponse>;
