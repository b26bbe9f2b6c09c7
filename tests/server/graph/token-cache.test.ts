// The agents' Graph token caches survive the process that made them: sealed in the database with
// GRAPH_TOKEN_CACHE_KEY, they let a fresh process (a restarted server, `npm run worker`) get a Graph
// token for an agent without the agent's API token. Real msal-node, its HTTP answered by a fake Entra ID.
import { createSecretKey, randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { authSettingsFromEnv, type EntraSettings } from '../../../server/auth/settings';
import { ConfigError, loadConfig } from '../../../server/config';
import type { DatabaseHandle } from '../../../server/db/kysely';
import { openCache, TokenCacheKeyError } from '../../../server/graph/token-cache';
import { onBehalfOfTokenSource, type GraphTokenSource } from '../../../server/graph/tokens';
import { openTestDatabase } from '../../support/db';
import { fakeTokenEndpoint, type FakeTokenEndpoint } from '../../support/entra-token-endpoint';
import { CLIENT_ID, TENANT } from '../../support/tokens';
import { call, openGraphWorld, quietLog } from './world';

const SECRET = 'client-secret-Zq8~not-in-the-cache';
const OID = '44444444-4444-4444-8444-444444444444';
const KEY_BASE64 = randomBytes(32).toString('base64');
const KEY = createSecretKey(Buffer.from(KEY_BASE64, 'base64'));
const settings = authSettingsFromEnv({ AUTH_TENANT_ID: TENANT, AUTH_CLIENT_ID: CLIENT_ID, AUTH_CLIENT_SECRET: SECRET }) as EntraSettings;
const assertion = () => ({ raw: `eyJhbGciOiJSUzI1NiJ9.api-token-${randomUUID()}.sig`, tid: TENANT, expiresAt: Math.floor(Date.now() / 1000) + 3600 });

let handle: DatabaseHandle;
let agentId: string;
let entra: FakeTokenEndpoint;

/** A token source as a new process would build it: a fresh msal-node client and nothing in memory. */
const freshProcess = (key = KEY, endpoint = entra): GraphTokenSource =>
  onBehalfOfTokenSource(settings, { db: handle.db, cacheKey: key, log: quietLog, network: endpoint.network });

async function sealedRow() {
  return handle.db.selectFrom('graph_token_cache').selectAll().where('agent_id', '=', agentId).executeTakeFirstOrThrow();
}

/** The agent uses the pane once: the server exchanges their API token on behalf of them. */
async function signIn(): Promise<string | null> {
  const server = freshProcess();
  server.remember(agentId, assertion());
  return server.tokenFor(agentId);
}

beforeAll(async () => {
  handle = await openTestDatabase('pglite');
});
afterAll(async () => handle?.close());
beforeEach(async () => {
  entra = fakeTokenEndpoint({ tenantId: TENANT, clientId: CLIENT_ID, clientSecret: SECRET, oid: OID, accessToken: `graph-at-${randomUUID()}` });
  const row = await handle.db
    .insertInto('agents')
    .values({ entra_oid: randomUUID(), email: `${randomUUID()}@contoso.example`, name: 'Avery Agent' })
    .returning('id')
    .executeTakeFirstOrThrow();
  agentId = row.id;
});

describe('the stored Graph token cache', () => {
  it('is sealed: no token, secret or name in the stored bytes, and it opens with the key only', async () => {
    expect(await signIn()).toBe(entra.accessToken);
    const row = await sealedRow();
    expect(row).toMatchObject({ home_account_id: `${OID}.${TENANT}`, tenant_id: TENANT });
    const [refreshToken] = [...entra.liveRefreshTokens];
    const stored = Buffer.from(row.sealed).toString('latin1');
    for (const plain of ['refresh_token', 'secret', 'RefreshToken', refreshToken!, entra.accessToken, 'Avery', SECRET]) {
      expect(stored).not.toContain(plain);
    }
    const opened = openCache(KEY, agentId, row.sealed);
    expect(opened).toContain(refreshToken);

    const otherKey = createSecretKey(randomBytes(32));
    expect(() => openCache(otherKey, agentId, row.sealed)).toThrow(TokenCacheKeyError);
    expect(() => openCache(otherKey, agentId, row.sealed)).toThrow(/GRAPH_TOKEN_CACHE_KEY does not open/);
    // Bound to its agent, and tamper-evident.
    expect(() => openCache(KEY, randomUUID(), row.sealed)).toThrow(TokenCacheKeyError);
    const flipped = Buffer.from(row.sealed);
    flipped[flipped.length - 1]! ^= 1;
    expect(() => openCache(KEY, agentId, flipped)).toThrow(TokenCacheKeyError);
  });

  it('gives a new process a Graph token for the agent without the agent\u2019s API token', async () => {
    await signIn();
    const before = entra.requests.length;
    expect(await freshProcess().tokenFor(agentId)).toBe(entra.accessToken);
    // The access token came out of the database: Entra ID was not asked again.
    expect(entra.requests.length).toBe(before);
  });

  it('refreshes with the stored refresh token once the access token expires, and stores the new one', async () => {
    entra.expiresIn = 120; // within MSAL's five-minute renewal margin: expired for every later read
    await signIn();
    const [first] = [...entra.liveRefreshTokens];
    entra.accessToken = `graph-at-${randomUUID()}`;

    expect(await freshProcess().tokenFor(agentId)).toBe(entra.accessToken);
    const last = entra.requests.at(-1)!;
    expect(last).toMatchObject({ grantType: 'refresh_token', refreshToken: first, assertion: null });
    const opened = openCache(KEY, agentId, (await sealedRow()).sealed);
    const [second] = [...entra.liveRefreshTokens];
    expect(opened).toContain(second);
    expect(opened).not.toContain(first);
  });

  it('fails closed under another key: a clear error, and nothing sent to Entra ID', async () => {
    await signIn();
    const before = entra.requests.length;
    const wrong = freshProcess(createSecretKey(randomBytes(32)));
    await expect(wrong.tokenFor(agentId)).rejects.toThrow(/GRAPH_TOKEN_CACHE_KEY does not open the stored Graph token cache/);
    expect(entra.requests.length).toBe(before);
  });

  it('is not overwritten by a process whose key cannot open it', async () => {
    const otherKey = createSecretKey(randomBytes(32));
    const misconfigured = freshProcess(otherKey);
    misconfigured.remember(agentId, assertion());
    await misconfigured.tokenFor(agentId);
    await handle.db.deleteFrom('graph_token_cache').where('agent_id', '=', agentId).execute();
    await signIn();

    // It holds the agent's account in memory, and a new sign-in reaches it: the row stays as it was.
    misconfigured.remember(agentId, { ...assertion(), expiresAt: Math.floor(Date.now() / 1000) + 7200 });
    await expect(misconfigured.tokenFor(agentId)).rejects.toThrow(TokenCacheKeyError);
    expect(openCache(KEY, agentId, (await sealedRow()).sealed)).toContain(`${OID}.${TENANT}`);
  });

  it('answers null (wait for the agent to sign in) when the refresh token was revoked or nothing is stored', async () => {
    expect(await freshProcess().tokenFor(agentId)).toBeNull();
    entra.expiresIn = 120;
    await signIn();
    entra.revokeAll();
    expect(await freshProcess().tokenFor(agentId)).toBeNull();
    expect(entra.requests.at(-1)).toMatchObject({ grantType: 'refresh_token' });
  });
});

describe('a separate worker process', () => {
  it('sends an agent\u2019s queued writes from the stored cache after the server that took the sign-in is gone', async () => {
    const world = await openGraphWorld('pglite');
    try {
      const activity = await world.post(call(1));
      const owner = await world.db.selectFrom('activities').select('owner_agent_id').where('id', '=', activity.id).executeTakeFirstOrThrow();
      const endpoint = fakeTokenEndpoint({ tenantId: TENANT, clientId: CLIENT_ID, clientSecret: SECRET, oid: OID, accessToken: world.graph.token });
      endpoint.expiresIn = 120;
      const server = onBehalfOfTokenSource(settings, { db: world.db, cacheKey: KEY, log: quietLog, network: endpoint.network });
      server.remember(owner.owner_agent_id, assertion());
      await server.tokenFor(owner.owner_agent_id);

      const worker = onBehalfOfTokenSource(settings, { db: world.db, cacheKey: KEY, log: quietLog, network: endpoint.network });
      await world.drain([world.worker({ tokens: worker })]);
      expect((await world.activity(activity.id)).sync.state).toBe('synced');
      expect(world.graph.store.counts()).toMatchObject({ events: 1, tasks: 1 });
      expect(endpoint.requests.at(-1)).toMatchObject({ grantType: 'refresh_token', assertion: null });
    } finally {
      await world.close();
    }
  });
});

describe('GRAPH_TOKEN_CACHE_KEY', () => {
  const entraEnv = { AUTH_TENANT_ID: TENANT, AUTH_CLIENT_ID: CLIENT_ID, AUTH_CLIENT_SECRET: SECRET };
  const configError = (env: Record<string, string>) => {
    try {
      loadConfig(env);
    } catch (error) {
      return error as ConfigError;
    }
    throw new Error('loadConfig accepted the environment');
  };

  it('is required with a tenant and a client credential, and the error says how to make one', () => {
    const error = configError(entraEnv);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.variable).toBe('GRAPH_TOKEN_CACHE_KEY');
    expect(error.message).toContain('openssl rand -base64 32');
    expect(loadConfig({ AUTH_TENANT_ID: TENANT, AUTH_CLIENT_ID: CLIENT_ID }).graph).toBeNull();
  });

  it('must be 32 bytes of base64', () => {
    for (const bad of [randomBytes(16).toString('base64'), 'not base64 at all!', randomBytes(33).toString('base64')]) {
      expect(configError({ ...entraEnv, GRAPH_TOKEN_CACHE_KEY: bad }).variable).toBe('GRAPH_TOKEN_CACHE_KEY');
    }
    const config = loadConfig({ ...entraEnv, GRAPH_TOKEN_CACHE_KEY: KEY_BASE64 });
    expect(config.graph?.token.kind).toBe('obo');
    // Held as a KeyObject: the configuration printed whole shows no key.
    expect(JSON.stringify(config)).not.toContain(KEY_BASE64);
  });
});
