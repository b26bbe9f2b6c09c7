// A stand-in for Entra ID's token endpoint, handed to msal-node as its network client (MSAL only
// talks https, so no local server would do): authority discovery, the on-behalf-of exchange and
// the refresh-token grant, with rotating refresh tokens that can be revoked.
import { randomUUID } from 'node:crypto';
import type { INetworkModule, NetworkResponse } from '@azure/msal-node';

export interface TokenRequest {
  grantType: string;
  assertion: string | null;
  refreshToken: string | null;
  clientSecret: string | null;
  scope: string;
}

export interface FakeTokenEndpoint {
  network: INetworkModule;
  /** Every POST to the token endpoint, in order. */
  requests: TokenRequest[];
  /** The access token every answer carries (the Graph test server's token, say). */
  accessToken: string;
  /** Seconds until the next access tokens expire (MSAL renews those within 5 minutes of expiry). */
  expiresIn: number;
  /** Refresh tokens handed out and still valid. */
  liveRefreshTokens: Set<string>;
  revokeAll(): void;
}

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function fakeTokenEndpoint(opts: { tenantId: string; clientId: string; clientSecret: string; oid: string; accessToken: string }): FakeTokenEndpoint {
  const host = 'https://login.microsoftonline.com';
  const reply = <T>(status: number, body: unknown): NetworkResponse<T> => ({ status, headers: {}, body: body as T });

  const tokens = () => {
    const refreshToken = `rt-${randomUUID()}`;
    endpoint.liveRefreshTokens.add(refreshToken);
    const now = Math.floor(Date.now() / 1000);
    const claims = { aud: opts.clientId, iss: `${host}/${opts.tenantId}/v2.0`, tid: opts.tenantId, oid: opts.oid, sub: opts.oid, iat: now, nbf: now, exp: now + 3600, preferred_username: 'agent@contoso.example', name: 'Avery Agent' };
    return {
      token_type: 'Bearer',
      scope: 'https://graph.microsoft.com/Calendars.ReadWrite https://graph.microsoft.com/Tasks.ReadWrite https://graph.microsoft.com/Mail.Send https://graph.microsoft.com/User.Read openid profile offline_access',
      expires_in: endpoint.expiresIn,
      ext_expires_in: endpoint.expiresIn,
      access_token: endpoint.accessToken,
      refresh_token: refreshToken,
      id_token: `${encode({ typ: 'JWT', alg: 'none' })}.${encode(claims)}.`,
      client_info: encode({ uid: opts.oid, utid: opts.tenantId }),
    };
  };

  const network: INetworkModule = {
    async sendGetRequestAsync<T>(url: string): Promise<NetworkResponse<T>> {
      const { pathname } = new URL(url);
      if (pathname.endsWith('/discovery/instance')) {
        return reply(200, {
          tenant_discovery_endpoint: `${host}/${opts.tenantId}/v2.0/.well-known/openid-configuration`,
          'api-version': '1.1',
          metadata: [{ preferred_network: 'login.microsoftonline.com', preferred_cache: 'login.windows.net', aliases: ['login.microsoftonline.com', 'login.windows.net', 'login.microsoft.com', 'sts.windows.net'] }],
        });
      }
      if (pathname.endsWith('/.well-known/openid-configuration')) {
        const base = `${host}/${opts.tenantId}`;
        return reply(200, {
          token_endpoint: `${base}/oauth2/v2.0/token`,
          authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
          end_session_endpoint: `${base}/oauth2/v2.0/logout`,
          issuer: `${base}/v2.0`,
          jwks_uri: `${base}/discovery/v2.0/keys`,
        });
      }
      throw new Error(`The fake Entra ID does not serve GET ${url}`);
    },
    async sendPostRequestAsync<T>(url: string, options?: { body?: string }): Promise<NetworkResponse<T>> {
      if (!new URL(url).pathname.endsWith('/oauth2/v2.0/token')) throw new Error(`The fake Entra ID does not serve POST ${url}`);
      const form = new URLSearchParams(options?.body ?? '');
      const request: TokenRequest = {
        grantType: form.get('grant_type') ?? '',
        assertion: form.get('assertion'),
        refreshToken: form.get('refresh_token'),
        clientSecret: form.get('client_secret'),
        scope: form.get('scope') ?? '',
      };
      endpoint.requests.push(request);
      if (request.clientSecret !== opts.clientSecret) return reply(401, { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret.' });
      if (request.grantType === 'urn:ietf:params:oauth:grant-type:jwt-bearer' && form.get('requested_token_use') === 'on_behalf_of' && request.assertion) {
        return reply(200, tokens());
      }
      if (request.grantType === 'refresh_token' && request.refreshToken && endpoint.liveRefreshTokens.delete(request.refreshToken)) {
        return reply(200, tokens());
      }
      return reply(400, { error: 'invalid_grant', error_description: 'AADSTS700082: The refresh token has expired or was revoked.', error_codes: [700082] });
    },
  };

  const endpoint: FakeTokenEndpoint = {
    network,
    requests: [],
    accessToken: opts.accessToken,
    expiresIn: 3599,
    liveRefreshTokens: new Set(),
    revokeAll: () => endpoint.liveRefreshTokens.clear(),
  };
  return endpoint;
}
