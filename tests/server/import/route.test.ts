// POST /api/import through Fastify's inject: multipart uploads in any order, 422 with the bad rows,
// 400 without a file or for a malformed upload.
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../../server/config';
import type { DatabaseHandle } from '../../../server/db/kysely';
import { errorHandler } from '../../../server/http/errors';
import importRoutes from '../../../server/http/routes/import';
import { openTestDatabase } from '../../support/db';
import { CUSTOMERS_HEADER, LEDGER_HEADER } from './fixtures';

function multipartBody(files: Array<{ name: string; text: string }>) {
  const boundary = '----collections-test';
  const parts = files.map(
    (f) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\n` +
      `Content-Type: text/csv\r\n\r\n${f.text}\r\n`,
  );
  return { payload: `${parts.join('')}--${boundary}--\r\n`, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('POST /api/import', () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;

  beforeAll(async () => {
    handle = await openTestDatabase('pglite');
    app = Fastify();
    app.decorate('dbHandle', handle);
    app.decorate('config', { accountingCurrency: 'USD' } as Config);
    app.setErrorHandler(errorHandler);
    // The auth plugin's part: an administrator is signed in.
    app.addHook('onRequest', async (request) => {
      request.agent = { id: 'admin-1', email: 'admin@example.com', name: null, role: 'admin' };
    });
    await app.register(importRoutes, { prefix: '/api' });
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  it('imports files uploaded in any order and answers the counts', async () => {
    const body = multipartBody([
      { name: 'ledger.csv', text: `${LEDGER_HEADER}\nL1,C-1,invoice,INV-1,2024-01-10,2024-02-09,USD,10.00,` },
      { name: 'customers.csv', text: `${CUSTOMERS_HEADER}\nC-1,Contoso,,,,USD,,,,,,` },
    ]);
    const res = await app.inject({ method: 'POST', url: '/api/import', ...body });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      files: [
        { file: 'ledger.csv', kind: 'ledger', rows: 1 },
        { file: 'customers.csv', kind: 'customers', rows: 1 },
      ],
      inserted: 2,
      updated: 0,
      unchanged: 0,
    });
  });

  it('answers 422 with every bad row when the set is rejected', async () => {
    const body = multipartBody([{ name: 'ledger.csv', text: `${LEDGER_HEADER}\nL9,C-404,invoice,INV-9,2024-13-01,,USD,1.005,` }]);
    const res = await app.inject({ method: 'POST', url: '/api/import', ...body });
    expect(res.statusCode).toBe(422);
    const json = res.json();
    expect(json.code).toBe('import_rejected');
    expect(json.details.errors).toEqual([
      { file: 'ledger.csv', line: 2, column: 'account', reason: "unknown account 'C-404'" },
      { file: 'ledger.csv', line: 2, column: 'posting_date', reason: "'2024-13-01' is not a date in the form YYYY-MM-DD" },
      { file: 'ledger.csv', line: 2, column: 'amount', reason: "'1.005' has too many decimals for USD (at most 2)" },
    ]);
  });

  it('answers 400 when no file is sent', async () => {
    const empty = await app.inject({ method: 'POST', url: '/api/import', ...multipartBody([]) });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe('no_file');
    const json = await app.inject({ method: 'POST', url: '/api/import', payload: { rows: [] } });
    expect(json.statusCode).toBe(400);
  });

  it('answers 400, not 500, to a truncated or malformed multipart upload', async () => {
    const part = '--xyz\r\nContent-Disposition: form-data; name="files"; filename="customers.csv"\r\nContent-Type: text/csv\r\n\r\n';
    const cases = [
      { payload: `${part}${CUSTOMERS_HEADER}\nC-1,Contoso`, boundary: 'xyz' }, // no closing boundary
      { payload: `${part}${CUSTOMERS_HEADER}\r\n--xyz`, boundary: 'xyz' }, // cut inside the closing boundary
      { payload: 'no boundaries at all', boundary: 'xyz' },
      { payload: 'no boundary parameter either', boundary: null },
    ];
    for (const c of cases) {
      const contentType = c.boundary ? `multipart/form-data; boundary=${c.boundary}` : 'multipart/form-data';
      const res = await app.inject({ method: 'POST', url: '/api/import', payload: c.payload, headers: { 'content-type': contentType } });
      expect(res.statusCode, c.payload).toBe(400);
      expect(res.json()).toMatchObject({ code: 'malformed_upload', message: expect.stringContaining('multipart') });
    }
  });
});
