// Graph access tokens per agent, from @azure/msal-node. First choice: on-behalf-of with the agent's
// own API token while this process holds a valid one. Its answer (a refresh token included: MSAL asks
// for offline_access) lands in the agent's sealed cache in the database, from which any worker
// process, after a restart too, signs in silently. GRAPH_DEV_TOKEN serves development auth mode.
import type { KeyObject } from 'node:crypto';
import { ConfidentialClientApplication, InteractionRequiredAuthError, ServerError, type INetworkModule } from '@azure/msal-node';
import type { Kysely } from 'kysely';
import type { EntraSettings } from '../auth/settings';
import type { Database } from '../db/schema';
import type { Logger } from './logger';
import { agentCachePlugin, storedAccount } from './token-cache';

export interface GraphTokenSource {
  /** A Graph token for the agent, or null when none can be had now (the agent must sign in again). */
  tokenFor(agentId: string): Promise<string | null>;
  /** Keeps an agent's verified API token as the user assertion for later on-behalf-of calls. */
  remember(agentId: string, token: { raw: string; tid: string; expiresAt: number }): void;
}

export function devTokenSource(token: string): GraphTokenSource {
  return { tokenFor: async () => token, remember: () => undefined };
}

export interface OnBehalfOfOptions {
  db: Kysely<Database>;
  /** GRAPH_TOKEN_CACHE_KEY: seals the agents' caches at rest. */
  cacheKey: KeyObject;
  log: Logger;
  now?: () => number;
  /** Tests answer MSAL's HTTP calls (discovery, token endpoint) in-process. */
  network?: INetworkModule;
}

// The permissions the worker uses, named rather than `.default`: Entra ID answers `.default` with the
// granted scopes, which MSAL's cache lookup for `.default` would then never match.
export const GRAPH_SCOPES = ['Calendars.ReadWrite', 'Tasks.ReadWrite', 'Mail.Send'].map((s) => `https://graph.microsoft.com/${s}`);
// An assertion about to expire cannot be exchanged by the time the request reaches Entra ID.
const EXPIRY_MARGIN_SECONDS = 60;
const CLIENT_LIMIT = 1_000;

export function onBehalfOfTokenSource(settings: EntraSettings, opts: OnBehalfOfOptions): GraphTokenSource {
  const credential = settings.credential;
  if (!credential) throw new Error('On-behalf-of needs AUTH_CLIENT_SECRET or a certificate.');
  const now = opts.now ?? Date.now;
  const assertions = new Map<string, { raw: string; tid: string; expiresAt: number }>();
  // One confidential client per agent: its cache plugin reads and writes that agent's row only, and
  // its authority is the agent's own tenant, where the exchange and the refresh must happen.
  const clients = new Map<string, { tid: string; client: ConfidentialClientApplication }>();
  const clientFor = (agentId: string, tid: string) => {
    const known = clients.get(agentId);
    if (known?.tid === tid) return known.client;
    if (clients.size >= CLIENT_LIMIT) clients.clear();
    const client = new ConfidentialClientApplication({
      auth: {
        clientId: settings.clientId,
        authority: `https://login.microsoftonline.com/${tid}`,
        ...('clientSecret' in credential
          ? { clientSecret: credential.clientSecret }
          : { clientCertificate: { thumbprintSha256: credential.thumbprintSha256, privateKey: credential.privateKey } }),
      },
      cache: { cachePlugin: agentCachePlugin(opts.db, opts.cacheKey, agentId) },
      ...(opts.network ? { system: { networkClient: opts.network } } : {}),
    });
    clients.set(agentId, { tid, client });
    return client;
  };

  const fromAssertion = async (agentId: string): Promise<string | null> => {
    const assertion = assertions.get(agentId);
    if (!assertion || assertion.expiresAt - EXPIRY_MARGIN_SECONDS < now() / 1000) return null;
    // msal-node answers from its cache while the token it got for this assertion is valid.
    const result = await clientFor(agentId, assertion.tid).acquireTokenOnBehalfOf({ oboAssertion: assertion.raw, scopes: GRAPH_SCOPES });
    return result?.accessToken || null;
  };

  const fromStoredCache = async (agentId: string): Promise<string | null> => {
    const stored = await storedAccount(opts.db, agentId);
    if (!stored) return null;
    const client = clientFor(agentId, stored.tenantId);
    const account = await client.getTokenCache().getAccountByHomeId(stored.homeAccountId);
    if (!account) return null;
    try {
      return (await client.acquireTokenSilent({ account, scopes: GRAPH_SCOPES })).accessToken || null;
    } catch (error) {
      // The refresh token expired or was revoked (Entra ID: invalid_grant): only a new sign-in helps.
      if (error instanceof InteractionRequiredAuthError || (error instanceof ServerError && error.errorCode === 'invalid_grant')) return null;
      throw error;
    }
  };

  const acquire = async (agentId: string): Promise<string | null> => {
    let exchangeError: unknown = null;
    try {
      const token = await fromAssertion(agentId);
      if (token) return token;
    } catch (error) {
      exchangeError = error;
    }
    const token = await fromStoredCache(agentId);
    if (token === null && exchangeError !== null) throw exchangeError;
    return token;
  };
  // The outbox, the delta poller and a sign-in may ask at once: they share one trip to Entra ID.
  const inFlight = new Map<string, Promise<string | null>>();
  const tokenFor = (agentId: string): Promise<string | null> => {
    let pending = inFlight.get(agentId);
    if (!pending) {
      pending = acquire(agentId).finally(() => inFlight.delete(agentId));
      inFlight.set(agentId, pending);
    }
    return pending;
  };

  return {
    remember(agentId, token) {
      const known = assertions.get(agentId);
      if (known && known.expiresAt >= token.expiresAt) return;
      assertions.set(agentId, token);
      // Exchanged at once, so the agent's cache is stored before the activity's writes are sent: a
      // crash before the worker's first round then leaves them sendable by any worker.
      tokenFor(agentId).catch((error: Error) =>
        opts.log.warn({ agentId, err: error?.message ?? String(error) }, 'Could not store the Graph token cache of the agent'),
      );
    },
    tokenFor,
  };
}
