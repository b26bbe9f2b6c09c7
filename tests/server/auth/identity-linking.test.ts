// An imported agent (say a manager) is linked to the first sign-in that names its email only when
// the token comes from the home tenant: a guest tenant's email claim proves nothing.
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import authPlugin from '../../../server/http/plugins/auth';
import { authSettingsFromEnv } from '../../../server/auth/settings';
import type { DatabaseHandle } from '../../../server/db/kysely';
import { openTestDatabase } from '../../support/db';
import { CLIENT_ID, OTHER_TENANT, TENANT, startTokenIssuer, type TokenIssuer } from '../../support/tokens';

let issuer: TokenIssuer;
let handle: DatabaseHandle;
let app: FastifyInstance;

beforeAll(async () => {
  issuer = await startTokenIssuer();
  handle = await openTestDatabase('pglite');
  app = Fastify({ logger: false });
  const env = {
    AUTH_TENANT_ID: TENANT,
    AUTH_CLIENT_ID: CLIENT_ID,
    AUTH_JWKS_URL: issuer.jwksUrl,
    AUTH_ALLOWED_TENANTS: `${TENANT},${OTHER_TENANT}`,
  };
  await app.register(authPlugin, { db: handle.db, settings: authSettingsFromEnv(env), host: '127.0.0.1', jwksCooldownMs: 0 });
  app.get('/api/me', async (request) => request.agent);
  await app.ready();
  await handle.db.insertInto('agents').values({ email: 'grace@contoso.example', name: 'Grace', role: 'manager', entra_oid: null, default_pool: null, write_off_limit: null }).execute();
});
afterAll(async () => {
  await app?.close();
  await handle?.close();
  await issuer?.close();
});

const me = async (token: string) =>
  (await app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } })).json();

describe('linking a sign-in to an imported agent by email', () => {
  it('does not give a guest tenant user the imported manager who has the same email', async () => {
    const token = await issuer.mint({
      tid: OTHER_TENANT,
      iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0`,
      oid: 'guest-oid',
      preferred_username: 'grace@contoso.example',
    });
    const agent = await me(token);
    expect(agent.role).toBe('agent');
    expect(agent.email).not.toBe('grace@contoso.example');
  });

  it('links the home tenant user with that email to the imported manager', async () => {
    const agent = await me(await issuer.mint({ oid: 'grace-oid', preferred_username: 'grace@contoso.example' }));
    expect(agent).toMatchObject({ email: 'grace@contoso.example', role: 'manager' });
  });
});
