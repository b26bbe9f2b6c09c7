// POST /api/import: a multipart upload of one or more CSV/JSON files (customers, contacts, ledger,
// settlements, in any order), saved to temporary files first, then imported as one set: 200 with
// the counts, 422 with every bad row when the set is rejected (nothing saved), 400 without a file.
import { createReadStream } from 'node:fs';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ImportResponse } from '../contract';
import { AppError } from '../errors';
import { importFiles, ImportRejectedError, type ImportSource } from '../../import/index';
import { apiErrorSchema } from '../schemas/common';

const MAX_FILE_BYTES = 2 * 1024 ** 3;
const MAX_FILES = 20;

const importResponse = {
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
          kind: { type: 'string', enum: ['customers', 'contacts', 'ledger', 'settlements'] },
          rows: { type: 'integer' },
        },
      },
    },
    inserted: { type: 'integer' },
    updated: { type: 'integer' },
    unchanged: { type: 'integer', description: 'Rows identical to what was already saved' },
  },
} as const;

export default async function importRoutes(app: FastifyInstance): Promise<void> {
  if (!app.hasRequestDecorator('saveRequestFiles')) {
    await app.register(multipart, { limits: { fileSize: MAX_FILE_BYTES, files: MAX_FILES } });
  }

  app.post<{ Reply: ImportResponse }>(
    '/import',
    {
      schema: {
        tags: ['import'],
        summary: 'Import customers, contacts, ledger entries and settlements from CSV or JSON files (all or nothing)',
        consumes: ['multipart/form-data'],
        response: { 200: importResponse, 400: apiErrorSchema, 413: apiErrorSchema, 422: apiErrorSchema },
      },
    },
    async (request) => {
      if (!request.isMultipart()) {
        throw new AppError('no_file', 400, 'Send the files as multipart/form-data, one part per file.');
      }
      const { files: saved } = await request.saveRequestFiles({ limits: { fileSize: MAX_FILE_BYTES, files: MAX_FILES } });
      if (saved.length === 0) throw new AppError('no_file', 400, 'The request holds no file to import.');
      const sources: ImportSource[] = saved.map((file, i) => ({
        name: file.filename || `file-${i + 1}`,
        open: () => createReadStream(file.filepath),
      }));
      const agent = (request as { agent?: { id: string } | null }).agent;
      try {
        return await importFiles(app.db, sources, {
          accountingCurrency: app.config.accountingCurrency,
          actor: agent?.id ?? 'api',
        });
      } catch (error) {
        if (!(error instanceof ImportRejectedError)) throw error;
        throw new AppError('import_rejected', 422, error.message, { errors: error.errors, total: error.total });
      }
    },
  );
}
