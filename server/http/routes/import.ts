// POST /api/import: a multipart upload of one or more CSV/JSON files (customers, contacts, contracts,
// ledger, settlements, in any order), saved to temporary files first, then imported as one set: 200 with
// the counts, 422 with every bad row when the set is rejected (nothing saved; the import's
// ImportRejectedError), 400 without a file or for a malformed upload, 403 unless the agent is a manager or an administrator.
import { createReadStream } from 'node:fs';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SavedMultipartFile } from '@fastify/multipart';
import { AppError } from '../errors';
import { requireRole } from '../roles';
import { importFiles, type ImportReport, type ImportSource } from '../../import/index';
import { apiErrorSchema } from '../schemas/common';
import { importRejectedResponse, importResponse, type ImportResponse } from '../schemas/import';

// Each upload is spooled to a temporary file first: the limits bound the disk one request can fill.
// Bigger ledgers go through `npm run import`, which streams from disk.
const MAX_FILE_BYTES = 512 * 1024 ** 2;
const MAX_FILES = 20;

export interface ImportRoutesOptions {
  /** Largest accepted file; default 512 MB. */
  maxFileBytes?: number;
}

/** The import's report is the response field for field. */
const toResponse = (report: ImportReport): ImportResponse => report;

export default async function importRoutes(app: FastifyInstance, opts: ImportRoutesOptions = {}): Promise<void> {
  const limits = { fileSize: opts.maxFileBytes ?? MAX_FILE_BYTES, files: MAX_FILES };
  if (!app.hasRequestDecorator('saveRequestFiles')) {
    await app.register(multipart, { limits });
  }

  app.post<{ Reply: ImportResponse }>(
    '/import',
    {
      schema: {
        tags: ['import'],
        summary: 'Import customers, contacts, contracts, ledger entries and settlements from CSV or JSON files (all or nothing)',
        consumes: ['multipart/form-data'],
        response: { 200: importResponse, 400: apiErrorSchema, 403: apiErrorSchema, 413: apiErrorSchema, 422: importRejectedResponse },
      },
    },
    async (request) => {
      // Checked before the upload is read, so an agent's upload is never saved to disk.
      requireRole(request, ['admin', 'manager'], 'import a ledger');
      if (!request.isMultipart()) {
        throw new AppError('no_file', 400, 'Send the files as multipart/form-data, one part per file.');
      }
      const saved = await spool(request, limits);
      if (saved.length === 0) throw new AppError('no_file', 400, 'The request holds no file to import.');
      const sources: ImportSource[] = saved.map((file, i) => ({
        name: file.filename || `file-${i + 1}`,
        open: () => createReadStream(file.filepath),
      }));
      const report = await importFiles(app.dbHandle, sources, {
        accountingCurrency: app.config.accountingCurrency,
        actor: request.agent.id,
      });
      return toResponse(report);
    },
  );
}

/** Saves the uploaded files to temporary files; a 413 naming the limit when one is too big or too many. */
async function spool(request: FastifyRequest, limits: { fileSize: number; files: number }): Promise<SavedMultipartFile[]> {
  try {
    return (await request.saveRequestFiles({ limits })).files;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      const mb = Math.floor(limits.fileSize / 1024 ** 2);
      throw new AppError('file_too_large', 413, `A file is larger than the ${mb} MB an upload may hold: split it, or run \`npm run import\` on the server.`, { maxFileBytes: limits.fileSize });
    }
    if (code === 'FST_FILES_LIMIT') {
      throw new AppError('too_many_files', 413, `At most ${limits.files} files can be imported at once.`, { maxFiles: limits.files });
    }
    // The multipart parser's own complaints (no closing boundary, no boundary at all, a broken part
    // header) carry neither a status nor a system errno: the client's upload is at fault, not the disk.
    if (error instanceof Error && !('errno' in error) && !('statusCode' in error)) {
      throw new AppError('malformed_upload', 400, `The multipart upload is malformed (${error.message}): send each file as one part of multipart/form-data.`);
    }
    throw error;
  }
}
