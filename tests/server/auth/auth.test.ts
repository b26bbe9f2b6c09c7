// Sign-in: only a valid Entra ID access token for this API reaches a route; every other token is
// refused with 401, a reason and WWW-Authenticate, before anything is written.
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import authPlugin from '../../../server/http/plugins/auth';
import { authSettingsFromEnv } from '../../../server/auth/settings';
import type { DatabaseHandle } from '../../../server/db/kysely';
import { openTestDatabase } from '../../support/db';
import {
  CLIENT_ID, ISSUER, OTHER_TENANT, TENANT, newSigningKey, startTokenIssuer, unsignedToken, type TokenIssuer,
} from '../../support/tokens';

let issuer: TokenIssuer;
let handle: DatabaseHandle;
let app: FastifyInstance;

async function buildApp(env: Record<string, string>, host = '127.0.0.1'): Promise<FastifyInstance> {
  const server = Fastify({ logger: false });
  await server.register(authPlugin, { db: handle.db, settings: authSettingsFromEnv(env), host, jwksCooldownMs: 0 });
  server.post('/api/probe', async (request) => {
    await handle.db
      .insertInto('audit_events')
      .values({ actor: request.agent.id, action: 'probe', entity: 'test', entity_id: null, before: null, after: null })
      .execute();
    return { agent: request.agent };
  });
  await server.ready();
  return server;
}

async function counts() {
  const agents = await handle.db.selectFrom('agents').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const audits = await handle.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return { agents: Number(agents.n), audits: Number(audits.n) };
}

const probe = (token: string) => app.inject({ method: 'POST', url: '/api/probe', headers: { authorization: `Bearer ${token}` } });

beforeAll(async () => {
  issuer = await startTokenIssuer();
  handle = await openTestDatabase('pglite');
  app = await buildApp({ AUTH_TENANT_ID: TENANT, AUTH_CLIENT_ID: CLIENT_ID, AUTH_JWKS_URL: issuer.jwksUrl });
});
afterAll(async () => {
  await app?.close();
  await handle?.close();
  await issuer?.close();
});

describe('token validation matrix', () => {
  it('accepts a valid access token and creates the agent from its name and email on first sign-in', async () => {
    const response = await probe(await issuer.mint());
    expect(response.statusCode).toBe(200);
    expect(response.json().agent).toMatchObject({ email: 'ada@contoso.example', name: 'Ada Agent', role: 'agent' });
    const again = await probe(await issuer.mint());
    expect(again.json().agent.id).toBe(response.json().agent.id);
  });

  it('accepts the client id GUID as audience (v2 tokens carry it)', async () => {
    expect((await probe(await issuer.mint({ aud: CLIENT_ID }))).statusCode).toBe(200);
  });

  const rejected: Array<[string, () => Promise<string>, string]> = [
    ['expired', () => issuer.mint({}, { expiresIn: -3600 }), 'expired'],
    ['not yet valid', () => issuer.mint({}, { notBefore: Math.floor(Date.now() / 1000) + 3600 }), 'not_yet_valid'],
    ['for another API', () => issuer.mint({ aud: 'api://someone-else' }), 'audience'],
    ["for Microsoft Graph (GUID)", () => issuer.mint({ aud: '00000003-0000-0000-c000-000000000000' }), 'audience'],
    ["for Microsoft Graph (URL)", () => issuer.mint({ aud: 'https://graph.microsoft.com' }), 'audience'],
    ['from another issuer', () => issuer.mint({ iss: `https://sts.windows.net/${TENANT}/` }), 'issuer'],
    ['from another tenant', () => issuer.mint({ tid: OTHER_TENANT, iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` }), 'tenant'],
    ['unsigned (alg none)', async () => unsignedToken({ aud: `api://${CLIENT_ID}`, iss: ISSUER, tid: TENANT, oid: 'x', scp: 'access_as_user', exp: 9e9 }), 'alg'],
    ['signed by an unknown key', async () => issuer.mint({}, { key: await newSigningKey('stranger') }), 'unknown_key'],
    ['signed by the wrong key under a known key id', async () => issuer.mint({}, { key: { ...(await newSigningKey('key-1')) } }), 'signature'],
    ['without the API scope', () => issuer.mint({ scp: 'User.Read' }), 'scope'],
    ['an ID token', () => issuer.mint({ aud: CLIENT_ID, scp: undefined, nonce: 'n-123' }), 'not_access_token'],
  ];

  it.each(rejected)('refuses a token %s with 401 and writes nothing', async (_name, make, reason) => {
    const before = await counts();
    const response = await probe(await make());
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'invalid_token', details: { reason } });
    expect(response.headers['www-authenticate']).toMatch(/^Bearer error="invalid_token"/);
    expect(await counts()).toEqual(before);
  });

  it('refuses a request without a bearer token', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/probe' });
    expect(response.statusCode).toBe(401);
    expect(response.json().details).toEqual({ reason: 'missing' });
    expect(response.headers['www-authenticate']).toBe('Bearer');
  });
});

describe('key rotation', () => {
  it('downloads the key set again when a token names a new key id, and accepts the token', async () => {
    await probe(await issuer.mint());
    const fetchesBefore = issuer.fetches;
    const rotated = await newSigningKey('key-2');
    issuer.publish(rotated);
    const response = await probe(await issuer.mint({}, { key: rotated }));
    expect(response.statusCode).toBe(200);
    expect(issuer.fetches).toBe(fetchesBefore + 1);
  });
});

describe('development auth mode', () => {
  it('refuses to start on a non-loopback address, naming AUTH_TENANT_ID and HOST', async () => {
    await expect(buildApp({}, '0.0.0.0')).rejects.toThrow(/AUTH_TENANT_ID.*HOST/s);
  });

  it('runs every request as the one demo agent on a loopback address', async () => {
    const dev = await buildApp({}, '127.0.0.1');
    try {
      const first = await dev.inject({ method: 'POST', url: '/api/probe' });
      const second = await dev.inject({ method: 'POST', url: '/api/probe', headers: { authorization: 'Bearer junk' } });
      expect(first.statusCode).toBe(200);
      expect(first.json().agent.name).toBe('Demo Agent');
      expect(second.json().agent.id).toBe(first.json().agent.id);
    } finally {
      await dev.close();
    }
  });
});
