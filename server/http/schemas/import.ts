// Schemas of POST /api/import: the counts of an accepted file set, and the 422 that lists every
// bad row of a rejected one. Their JsonOf types are the API's import types.
import { MAX_REPORTED_ERRORS } from '../../import/errors';
import type { JsonOf } from './common';

export const importResponse = {
  type: 'object',
  required: ['files', 'inserted', 'updated', 'unchanged'],
  properties: {
    files: {
      type: 'array',
      items: {
        type: 'object',
        required: ['file', 'kind', 'rows'],
        properties: {
          file: { type: 'string' },
          kind: { type: 'string', enum: ['customers', 'contacts', 'contracts', 'ledger', 'settlements'] },
          rows: { type: 'integer' },
        },
      },
    },
    inserted: { type: 'integer' },
    updated: { type: 'integer' },
    unchanged: { type: 'integer', description: 'Rows identical to what was already saved' },
  },
} as const;

export const importError = {
  type: 'object',
  required: ['file', 'line', 'column', 'reason'],
  properties: {
    file: { type: 'string' },
    line: { type: 'integer', description: 'Row number as a spreadsheet shows it (the header is 1)' },
    column: { type: ['string', 'null'] },
    reason: { type: 'string' },
  },
} as const;

/** The error body of a rejected set: code 'import_rejected'. */
export const importRejectedResponse = {
  type: 'object',
  required: ['code', 'message'],
  properties: {
    code: { type: 'string' },
    message: { type: 'string' },
    details: {
      type: 'object',
      required: ['errors', 'total'],
      properties: {
        errors: { type: 'array', items: importError, description: `The first ${MAX_REPORTED_ERRORS} errors at most` },
        total: { type: 'integer', description: 'All errors found' },
      },
    },
  },
} as const;

export type ImportResponse = JsonOf<typeof importResponse>;
export type ImportError = JsonOf<typeof importError>;
