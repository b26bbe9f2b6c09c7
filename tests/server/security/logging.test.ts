// Secrets stay out of the logs (headers, the configuration, tokens), and a database failure reaches
// the client as a generic 500 while the details go to the log only.
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../server/app';
import { loadConfig } from '../../../server/config';
import type { DatabaseHandle } from '../../../server/db/kysely';
import { openTestDatabase } from '../../support/db';
import { CLIENT_ID, TENANT } from '../../support/tokens';
import { seedCustomers } from '../http/world';

const SECRET = 'client-secret-Zq8~do-not-log';
const DEV_TOKEN = 'eyJ0eXAiOi.graph-dev-token.do-not-log';
const CACHE_KEY = 'c2VjcmV0LWNhY2hlLWtleS0zMi1ieXRlcy1sb25nISE=';

let handle: DatabaseHandle;
let lines: string[];
const stream = new Writable({
  write(chunk, _encoding, done) {
    lines.push(String(chunk));
    done();
  },
});

beforeAll(async () => {
  handle = await openTestDatabase('pglite');
});
afterAll(async () => handle?.close());

async function appLogging(env: Record<string, string> = {}) {
  lines = [];
  const config = loadConfig(env);
  const app = await buildApp({ config, db: handle, logger: { level: 'info', stream }, addinDir: '/nonexistent/dist/addin' });
  await app.ready();
  return { app, config };
}

describe('logs', () => {
  it('redact authorization headers, cookies, the client secret and tokens', async () => {
    const { app } = await appLogging();
    const entra = loadConfig({ AUTH_TENANT_ID: TENANT, AUTH_CLIENT_ID: CLIENT_ID, AUTH_CLIENT_SECRET: SECRET, GRAPH_TOKEN_CACHE_KEY: CACHE_KEY });
    const dev = loadConfig({ GRAPH_DEV_TOKEN: DEV_TOKEN });
    app.log.info({ req: { headers: { authorization: 'Bearer abc.def.ghi', cookie: 'session=s3ss10n' } } }, 'request');
    app.log.info({ config: entra }, 'entra configuration');
    app.log.info({ config: dev }, 'development configuration');
    app.log.info({ auth: entra.auth, graph: dev.graph }, 'parts');
    app.log.info({ graph: entra.graph, cacheKey: CACHE_KEY }, 'token cache key');
    app.log.warn({ token: { oid: 'o-1', raw: 'abc.def.ghi' } }, 'token');
    await app.close();
    const log = lines.join('');
    for (const secret of ['abc.def.ghi', 's3ss10n', SECRET, DEV_TOKEN, CACHE_KEY]) expect(log).not.toContain(secret);
    expect(log).toContain('[Redacted]');
    expect(log).toContain(CLIENT_ID);
  });
});

describe('a database failure', () => {
  it('answers a generic 500 that names no table or SQL, and logs the cause', async () => {
    const { app } = await appLogging();
    const { C1: id } = (await seedCustomers(handle.db, [{ account: 'C1', name: 'Contoso' }])) as { C1: string };
    await sql`ALTER TABLE activities RENAME TO activities_gone`.execute(handle.db);
    try {
      const res = await app.inject({ url: `/api/customers/${id}/activities` });
      expect(res.statusCode).toBe(500);
      expect(res.json()).toEqual({ code: 'internal_error', message: 'Something went wrong on the server.' });
      expect(lines.join('')).toContain('relation \\"activities\\" does not exist');
    } finally {
      await sql`ALTER TABLE activities_gone RENAME TO activities`.execute(handle.db);
      await app.close();
    }
  });
});
