// Graph access tokens per agent. On-behalf-of (@azure/msal-node) exchanges the agent's own API token,
// which is kept in this process's memory only: a worker can act for an agent while that agent's
// last token is valid (about an hour after they last used the pane). GRAPH_DEV_TOKEN serves
// development auth mode, where there is no tenant to ask.
import { ConfidentialClientApplication } from '@azure/msal-node';
import type { EntraSettings } from '../auth/settings';

export interface GraphTokenSource {
  /** A Graph token for the agent, or null when none can be had now (the agent must sign in again). */
  tokenFor(agentId: string): Promise<string | null>;
  /** Keeps an agent's verified API token as the user assertion for later on-behalf-of calls. */
  remember(agentId: string, token: { raw: string; tid: string; expiresAt: number }): void;
}

export function devTokenSource(token: string): GraphTokenSource {
  return { tokenFor: async () => token, remember: () => undefined };
}

const GRAPH_SCOPES = ['https://graph.microsoft.com/.default'];
// An assertion about to expire cannot be exchanged by the time the request reaches Entra ID.
const EXPIRY_MARGIN_SECONDS = 60;

export function onBehalfOfTokenSource(settings: EntraSettings, now: () => number = Date.now): GraphTokenSource {
  const credential = settings.credential;
  if (!credential) throw new Error('On-behalf-of needs AUTH_CLIENT_SECRET or a certificate.');
  const assertions = new Map<string, { raw: string; tid: string; expiresAt: number }>();
  // One confidential client per tenant: the exchange must happen in the agent's own tenant.
  const clients = new Map<string, ConfidentialClientApplication>();
  const clientFor = (tid: string) => {
    let client = clients.get(tid);
    if (!client) {
      client = new ConfidentialClientApplication({
        auth: {
          clientId: settings.clientId,
          authority: `https://login.microsoftonline.com/${tid}`,
          ...('clientSecret' in credential
            ? { clientSecret: credential.clientSecret }
            : { clientCertificate: { thumbprintSha256: credential.thumbprintSha256, privateKey: credential.privateKey } }),
        },
      });
      clients.set(tid, client);
    }
    return client;
  };
  return {
    remember(agentId, token) {
      const known = assertions.get(agentId);
      if (!known || known.expiresAt < token.expiresAt) assertions.set(agentId, token);
    },
    async tokenFor(agentId) {
      const assertion = assertions.get(agentId);
      if (!assertion || assertion.expiresAt - EXPIRY_MARGIN_SECONDS < now() / 1000) return null;
      // msal-node caches the result per assertion, so repeated calls do not go to Entra ID.
      const result = await clientFor(assertion.tid).acquireTokenOnBehalfOf({ oboAssertion: assertion.raw, scopes: GRAPH_SCOPES });
      return result?.accessToken ?? null;
    },
  };
}
