// Who may reach what: every /api route demands a valid token (however its path is spelled), only
// /api/auth/config is public and holds no secret, imports and letter setup need a manager or an
// administrator, and the demo mailbox exists only in development mode.
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_ID, ISSUER, TENANT } from '../../support/tokens';
import { CUSTOMERS_HEADER } from '../import/fixtures';
import { multipart, openDevApp, openEntraApp, type EntraApp } from './world';

const SOME_UUID = '0b5d1c1e-8c1a-4c4e-9a61-3f0d3c1e2a10';
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

let t: EntraApp;
let apiRoutes: Array<[Method, string]>;

beforeAll(async () => {
  t = await openEntraApp();
  const spec = (await t.app.inject('/docs/json')).json() as { paths: Record<string, Record<string, unknown>> };
  apiRoutes = Object.entries(spec.paths)
    .filter(([path]) => path.startsWith('/api/'))
    .flatMap(([path, methods]) =>
      Object.keys(methods)
        .filter((m) => m !== 'head')
        .map((m): [Method, string] => [m.toUpperCase() as Method, path.replaceAll(/\{\w+\}/g, SOME_UUID)]),
    );
});
afterAll(async () => t?.close());

/** The same path with its first letter percent-encoded: the router decodes it, the raw URL does not. */
const encoded = (path: string) => `/%61${path.slice(2)}`;

describe('authentication covers the whole API', () => {
  it('finds the API routes to check', () => {
    expect(apiRoutes.length).toBeGreaterThan(20);
    expect(apiRoutes).toContainEqual(['POST', '/api/import']);
  });

  it('refuses every API route but the sign-in settings without a token, however the path is spelled', async () => {
    const open: string[] = [];
    for (const [method, path] of apiRoutes) {
      for (const url of [path, encoded(path)]) {
        const res = await t.app.inject({ method, url, payload: method === 'GET' ? undefined : {} });
        if (res.statusCode !== 401) open.push(`${method} ${url} → ${res.statusCode}`);
      }
    }
    expect(open).toEqual(['GET /api/auth/config → 200', `GET ${encoded('/api/auth/config')} → 200`]);
  });

  it('publishes no secret in the public sign-in settings', async () => {
    const body = (await t.app.inject('/api/auth/config')).body;
    expect(Object.keys(JSON.parse(body) as object).sort()).toEqual(['apiScope', 'authority', 'clientId', 'mode']);
    expect(body).not.toMatch(/secret|private|thumbprint/i);
  });

  it('refuses a signed token that never expires', async () => {
    const token = await new SignJWT({ aud: `api://${CLIENT_ID}`, iss: ISSUER, tid: TENANT, oid: 'oid-forever', scp: 'access_as_user' })
      .setProtectedHeader({ alg: 'RS256', kid: t.issuer.key.kid })
      .setIssuedAt()
      .sign(t.issuer.key.privateKey);
    const res = await t.app.inject({ url: '/api/customers', headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'invalid_token', details: { reason: 'malformed' } });
  });
});

describe('roles', () => {
  const customersCsv = () => multipart([{ name: 'customers.csv', text: `${CUSTOMERS_HEADER}\nC-9,Northwind,,,,USD,,,,,,` }]);
  const customerCount = async () => (await t.handle.db.selectFrom('customers').select('id').execute()).length;

  it('lets an agent neither import nor set up letter sequences, and saves nothing', async () => {
    const headers = await t.as('agent');
    const imported = await t.app.inject({ method: 'POST', url: '/api/import', ...customersCsv(), headers: { ...customersCsv().headers, ...headers } });
    expect(imported.statusCode).toBe(403);
    expect(imported.json()).toMatchObject({ code: 'forbidden' });
    expect(await customerCount()).toBe(0);
    const payload = { name: 'Gentle', language: 'en', isDefault: true, levels: [] };
    const sequence = await t.app.inject({ method: 'POST', url: '/api/letter-sequences', payload, headers });
    expect(sequence.statusCode).toBe(403);
  });

  it.each(['manager', 'admin'] as const)('lets a %s import', async (role) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/import', ...customersCsv(), headers: { ...customersCsv().headers, ...(await t.as(role)) } });
    expect(res.statusCode).toBe(200);
    expect(await customerCount()).toBe(1);
  });
});

describe('the preview mailbox', () => {
  it('does not exist when the server signs in with Entra ID', async () => {
    const res = await t.app.inject({ url: '/api/preview/mailbox', headers: await t.as('admin') });
    expect(res.statusCode).toBe(404);
  });

  it('serves the simulated inbox in development mode', async () => {
    const dev = await openDevApp('agent');
    try {
      expect((await dev.app.inject('/api/preview/mailbox')).statusCode).toBe(200);
    } finally {
      await dev.close();
    }
  });
});
