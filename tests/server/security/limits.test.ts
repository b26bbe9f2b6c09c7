// HTTP hardening: uploads and JSON bodies have a size limit answered with a clear 413, the pages carry
// a Content-Security-Policy, and no other origin is granted access through CORS.
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../../server/config';
import type { DatabaseHandle } from '../../../server/db/kysely';
import { errorHandler } from '../../../server/http/errors';
import importRoutes from '../../../server/http/routes/import';
import { openTestDatabase } from '../../support/db';
import { CUSTOMERS_HEADER } from '../import/fixtures';
import { multipart, openDevApp, type DevApp } from './world';

describe('import upload limits', () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  beforeAll(async () => {
    handle = await openTestDatabase('pglite');
    app = Fastify({ logger: false });
    app.decorate('db', handle.db);
    app.decorate('config', { accountingCurrency: 'USD' } as Config);
    app.addHook('onRequest', async (request) => {
      request.agent = { id: 'admin-1', email: 'admin@example.com', name: null, role: 'admin' };
    });
    app.setErrorHandler(errorHandler);
    await app.register(importRoutes, { prefix: '/api', maxFileBytes: 1024 });
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  it('answers a file over the limit with 413 naming the limit, and imports nothing', async () => {
    const rows = Array.from({ length: 100 }, (_, i) => `C-${i},Customer ${i},,,,USD,,,,,,`);
    const body = multipart([{ name: 'customers.csv', text: `${CUSTOMERS_HEADER}\n${rows.join('\n')}` }]);
    const res = await app.inject({ method: 'POST', url: '/api/import', ...body });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'file_too_large', details: { maxFileBytes: 1024 } });
    expect(res.json().message).toContain('npm run import');
    expect(await handle.db.selectFrom('customers').select('id').execute()).toEqual([]);
  });

  it('answers more than 20 files with 413', async () => {
    const files = Array.from({ length: 21 }, (_, i) => ({ name: `c${i}.csv`, text: `${CUSTOMERS_HEADER}\nC-${i},X,,,,USD,,,,,,` }));
    const res = await app.inject({ method: 'POST', url: '/api/import', ...multipart(files) });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'too_many_files' });
  });
});

describe('the whole app', () => {
  let t: DevApp;
  beforeAll(async () => {
    t = await openDevApp('agent');
  });
  afterAll(async () => t?.close());

  it('answers a JSON body over 1 MiB with 413', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/customers/0b5d1c1e-8c1a-4c4e-9a61-3f0d3c1e2a10/activities',
      payload: { type: 'note', purpose: 'x', notes: 'n'.repeat(1_100_000) },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'payload_too_large' });
  });

  it('sends a Content-Security-Policy that limits scripts and framing', async () => {
    const csp = (await t.app.inject('/preview')).headers['content-security-policy'] as string;
    expect(csp).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/);
    expect(csp).toMatch(/frame-ancestors 'self' https:\/\/outlook\.office\.com/);
    expect(csp).toContain("object-src 'none'");
  });

  it('grants no other origin access: no CORS headers, preflights are not answered', async () => {
    const origin = 'https://evil.example';
    const get = await t.app.inject({ url: '/api/customers', headers: { origin } });
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/customers',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
    });
    expect(preflight.statusCode).toBe(404);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.headers['access-control-allow-headers']).toBeUndefined();
  });
});
