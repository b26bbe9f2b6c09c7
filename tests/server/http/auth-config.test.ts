// GET /api/auth/config: the pane learns how to sign in before it has a token; every other API
// route still demands one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_ID, TENANT } from '../../support/tokens';
import { openTestApp, type TestApp } from './world';

describe('GET /api/auth/config', () => {
  let entra: TestApp;
  let development: TestApp;
  beforeAll(async () => {
    [entra, development] = await Promise.all([
      openTestApp('pglite', { env: { AUTH_TENANT_ID: TENANT, AUTH_CLIENT_ID: CLIENT_ID, AUTH_JWKS_URL: 'http://127.0.0.1:9/keys' } }),
      openTestApp('pglite'),
    ]);
  });
  afterAll(async () => {
    await Promise.all([entra?.close(), development?.close()]);
  });

  it('tells the pane the client id, the tenant authority and the API scope, without a token', async () => {
    const response = await entra.app.inject({ method: 'GET', url: '/api/auth/config' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      mode: 'entra',
      clientId: CLIENT_ID,
      authority: `https://login.microsoftonline.com/${TENANT}`,
      apiScope: `api://${CLIENT_ID}/access_as_user`,
    });
    const other = await entra.app.inject({ method: 'GET', url: '/api/customers?search=a' });
    expect(other.statusCode).toBe(401);
  });

  it('says development mode, where the pane needs no token', async () => {
    const response = await development.app.inject({ method: 'GET', url: '/api/auth/config' });
    expect(response.json()).toEqual({ mode: 'development', clientId: null, authority: null, apiScope: null });
  });
});
